/// `decimal`: Decimal and Context after the General Decimal Arithmetic Specification, with
/// CPython 3.11's results (correctly rounded + - * / // % ** sqrt quantize; exp/ln/log10 with
/// guard digits), reprs, formatting and signals (the C module's trap messages).
let decimalSource = ##"""
"""Decimal fixed- and floating-point arithmetic after the General Decimal Arithmetic
Specification, with CPython 3.11's results, reprs and signals (the C module's messages)."""
import math as _math
import re as _re

__all__ = ['Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext', 'ExtendedContext',
           'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero', 'Inexact', 'Rounded',
           'Subnormal', 'Overflow', 'Underflow', 'FloatOperation', 'DivisionImpossible', 'InvalidContext',
           'ConversionSyntax', 'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN',
           'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext',
           'getcontext', 'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY', 'HAVE_THREADS',
           'HAVE_CONTEXTVAR']

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = [ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP,
              ROUND_HALF_DOWN, ROUND_05UP]

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


for _c in (DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero, DivisionImpossible,
           DivisionUndefined, Inexact, InvalidContext, Rounded, Subnormal, Overflow, Underflow, FloatOperation):
    _c.__module__ = 'decimal'

_SIGNALS = [Clamped, DivisionByZero, Inexact, Overflow, Rounded, Underflow, InvalidOperation, Subnormal,
            FloatOperation]
# The signal a condition raises and flags (ConversionSyntax is trapped as InvalidOperation).
_CONDITION_SIGNAL = {ConversionSyntax: InvalidOperation, DivisionImpossible: InvalidOperation,
                     DivisionUndefined: InvalidOperation, InvalidContext: InvalidOperation}
# The order the C module lists signals in a trap's message.
_MESSAGE_ORDER = [Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow, Rounded,
                  Subnormal, Underflow]


from collections import namedtuple as _namedtuple
DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent')
DecimalTuple.__module__ = 'decimal'


class _SignalDict(dict):
    pass


class Context(object):
    """Contains the context for a Decimal instance."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None, flags=None,
                 traps=None, _ignored_flags=None):
        dc = DefaultContext if '_default_ready' in globals() else None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        if traps is None:
            self.traps = dict(dc.traps) if dc else dict((s, s in (InvalidOperation, DivisionByZero, Overflow))
                                                        for s in _SIGNALS)
        elif not isinstance(traps, dict):
            self.traps = dict((s, int(s in traps)) for s in _SIGNALS)
        else:
            self.traps = dict((s, bool(traps.get(s, False))) for s in _SIGNALS)
        if flags is None:
            self.flags = dict.fromkeys(_SIGNALS, False)
        elif not isinstance(flags, dict):
            self.flags = dict((s, s in flags) for s in _SIGNALS)
        else:
            self.flags = dict((s, bool(flags.get(s, False))) for s in _SIGNALS)

    def __setattr__(self, name, value):
        if name == 'prec':
            if not isinstance(value, int):
                raise TypeError('integer argument expected, got %s' % type(value).__name__)
            if not 1 <= value <= MAX_PREC:
                raise ValueError('valid range for prec is [1, MAX_PREC]')
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError('valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]')
        elif name == 'Emin':
            if value > 0:
                raise ValueError('valid range for Emin is [MIN_EMIN, 0]')
        elif name == 'Emax':
            if value < 0:
                raise ValueError('valid range for Emax is [0, MAX_EMAX]')
        elif name in ('capitals', 'clamp'):
            if value not in (0, 1):
                raise ValueError('valid values for %s are 0 or 1' % name)
        object.__setattr__(self, name, value)

    def __repr__(self):
        flags = [f.__name__ for f in _SIGNALS if self.flags[f]]
        traps = [t.__name__ for t in _SIGNALS if self.traps[t]]
        order = [c.__name__ for c in _MESSAGE_ORDER]
        flags = [n for n in order if n in flags]
        traps = [n for n in order if n in traps]
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[%s], traps=[%s])'
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp, ', '.join(flags),
                   ', '.join(traps)))

    def clear_flags(self):
        for flag in self.flags:
            self.flags[flag] = False

    def clear_traps(self):
        for flag in self.traps:
            self.traps[flag] = False

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                       dict(self.flags), dict(self.traps))

    __copy__ = copy

    def Etiny(self):
        return int(self.Emin - self.prec + 1)

    def Etop(self):
        return int(self.Emax - self.prec + 1)

    def _raise(self, conditions):
        """Sets the flags of `conditions`; raises when one of their signals is trapped."""
        signals = []
        for c in conditions:
            s = _CONDITION_SIGNAL.get(c, c)
            self.flags[s] = True
            signals.append((c, s))
        for c, s in signals:
            if self.traps[s]:
                listed = sorted([c2 for c2, s2 in signals if self.traps.get(s2) or s2 in (Inexact, Rounded)],
                                key=lambda k: _MESSAGE_ORDER.index(_CONDITION_SIGNAL.get(k, k)))
                if s is not InvalidOperation:
                    listed = [c2 for c2 in listed if _CONDITION_SIGNAL.get(c2, c2) is not InvalidOperation]
                else:
                    listed = [c]
                raise s(listed)

    def create_decimal(self, num='0'):
        d = Decimal(num, context=self)
        if d._is_special:
            return d
        return d._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def abs(self, a):
        return _convert(a, True).__abs__(context=self)

    def add(self, a, b):
        return _convert(a, True).__add__(b, context=self)

    def subtract(self, a, b):
        return _convert(a, True).__sub__(b, context=self)

    def multiply(self, a, b):
        return _convert(a, True).__mul__(b, context=self)

    def divide(self, a, b):
        return _convert(a, True).__truediv__(b, context=self)

    def divide_int(self, a, b):
        return _convert(a, True).__floordiv__(b, context=self)

    def remainder(self, a, b):
        return _convert(a, True).__mod__(b, context=self)

    def power(self, a, b, modulo=None):
        return _convert(a, True).__pow__(b, modulo, context=self)

    def sqrt(self, a):
        return _convert(a, True).sqrt(context=self)

    def quantize(self, a, b):
        return _convert(a, True).quantize(b, context=self)

    def plus(self, a):
        return _convert(a, True).__pos__(context=self)

    def minus(self, a):
        return _convert(a, True).__neg__(context=self)

    def compare(self, a, b):
        return _convert(a, True).compare(b, context=self)

    def to_sci_string(self, a):
        return str(_convert(a, True))

    def normalize(self, a):
        return _convert(a, True).normalize(context=self)

    def exp(self, a):
        return _convert(a, True).exp(context=self)

    def ln(self, a):
        return _convert(a, True).ln(context=self)

    def log10(self, a):
        return _convert(a, True).log10(context=self)


_PARSER = _re.compile(r"""
    \s*
    (?P<sign>[-+])?
    (
        (?=\d|\.\d)
        (?P<int>\d*)
        (\.(?P<frac>\d*))?
        (E(?P<exp>[-+]?\d+))?
    |
        Inf(inity)?
    |
        (?P<signal>s)?
        NaN
        (?P<diag>\d*)
    )
    \s*
    \Z
""", _re.VERBOSE | _re.IGNORECASE)

_PyHASH_MODULUS = 2305843009213693951
_PyHASH_INF = 314159
_PyHASH_10INV = pow(10, _PyHASH_MODULUS - 2, _PyHASH_MODULUS)


def _triple(sign, coefficient, exponent, special=False):
    self = object.__new__(Decimal)
    self._sign = sign
    self._int = coefficient
    self._exp = exponent
    self._is_special = special
    return self


_BUILTIN_OPERANDS = (float, str, list, tuple, dict, bytes, complex, type(None), set)


def _operand(other, op, self, reflected=False):
    """The Decimal for an operand of a binary operator; CPython's TypeError (the C type is
    named 'decimal.Decimal') for built-in operands it cannot take."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(int(other))
    if op == '*' and isinstance(other, (str, list, tuple, bytes)):
        raise TypeError("can't multiply sequence by non-int of type 'decimal.Decimal'")
    if isinstance(other, _BUILTIN_OPERANDS):
        a, b = "'decimal.Decimal'", "'%s'" % type(other).__name__
        if reflected:
            a, b = b, a
        raise TypeError("unsupported operand type(s) for %s: %s and %s" % (op, a, b))
    return NotImplemented


def _convert(other, raiseit=False, allow_float=False):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int) and not isinstance(other, bool) or other is True or other is False:
        return Decimal(int(other))
    if allow_float and isinstance(other, float):
        getcontext().flags[FloatOperation] = True
        return Decimal.from_float(other)
    if raiseit:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    return NotImplemented


def _round_digits(digits, n, rounding, sign):
    """Keeps the first n digits of the coefficient string `digits`; returns (kept, inexact)."""
    if n < 0:
        kept, dropped = '0', digits
        base = 0
    else:
        kept, dropped = digits[:n] or '0', digits[n:]
        base = int(digits[:n]) if n > 0 else 0
    if not dropped or dropped.strip('0') == '':
        return (str(base) if n > 0 else '0'), False
    half = dropped[0]
    rest_zero = dropped[1:].strip('0') == ''
    up = False
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = not sign
    elif rounding == ROUND_FLOOR:
        up = bool(sign)
    elif rounding == ROUND_HALF_UP:
        up = half >= '5'
    elif rounding == ROUND_HALF_DOWN:
        up = half > '5' or (half == '5' and not rest_zero)
    elif rounding == ROUND_HALF_EVEN:
        if half > '5' or (half == '5' and not rest_zero):
            up = True
        elif half == '5':
            up = base % 2 == 1
    elif rounding == ROUND_05UP:
        up = (base % 10) in (0, 5)
    if n < 0:
        return ('1' if up and n == 0 else '0'), True
    return str(base + 1 if up else base), True


class Decimal(object):
    """Floating point class for decimal arithmetic."""
    __tp_name__ = "decimal.Decimal"

    __slots__ = ('_exp', '_int', '_sign', '_is_special')

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, str):
            m = _PARSER.match(value.replace('_', '') if '_' in value.strip('_') else value)
            if m is None:
                if context is None:
                    context = getcontext()
                context._raise([ConversionSyntax])
                return _triple(0, '', 'n', True)
            sign = 1 if m.group('sign') == '-' else 0
            intpart = m.group('int')
            if intpart is not None:
                fracpart = m.group('frac') or ''
                exp = int(m.group('exp') or '0')
                self._int = str(int(intpart + fracpart))
                self._exp = exp - len(fracpart)
                self._is_special = False
            else:
                diag = m.group('diag')
                if diag is not None:
                    self._int = str(int(diag or '0')).lstrip('0')
                    self._exp = 'N' if m.group('signal') else 'n'
                else:
                    self._int = '0'
                    self._exp = 'F'
                self._is_special = True
            self._sign = sign
            return self
        if isinstance(value, bool) or isinstance(value, int):
            value = int(value)
            self._sign = 0 if value >= 0 else 1
            self._exp = 0
            self._int = str(abs(value))
            self._is_special = False
            return self
        if isinstance(value, Decimal):
            self._exp = value._exp
            self._sign = value._sign
            self._int = value._int
            self._is_special = value._is_special
            return self
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError('sign must be an integer with the value 0 or 1')
            if exp == 'F':
                return _triple(sign, '0', 'F', True)
            digitlist = []
            for digit in digits:
                if isinstance(digit, int) and 0 <= digit <= 9:
                    if digitlist or digit != 0:
                        digitlist.append(digit)
                else:
                    raise ValueError('coefficient must be a tuple of digits')
            if exp in ('n', 'N'):
                return _triple(sign, ''.join(map(str, digitlist)), exp, True)
            if not isinstance(exp, int):
                raise ValueError('exponent must be an integer')
            return _triple(sign, ''.join(map(str, digitlist)) or '0', exp)
        if isinstance(value, float):
            (context or getcontext())._raise([FloatOperation])
            return cls.from_float(value)
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float")
        if _math.isinf(f) or _math.isnan(f):
            return cls(repr(f))
        sign = 0 if _math.copysign(1.0, f) == 1.0 else 1
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1
        return _triple(sign, str(n * 5 ** k), -k)

    # -- predicates and parts

    def _isnan(self):
        if self._is_special:
            if self._exp == 'n':
                return 1
            if self._exp == 'N':
                return 2
        return 0

    def _isinfinity(self):
        if self._exp == 'F':
            return -1 if self._sign else 1
        return 0

    def is_nan(self):
        return self._is_special and self._exp in ('n', 'N')

    def is_qnan(self):
        return self._exp == 'n'

    def is_snan(self):
        return self._exp == 'N'

    def is_infinite(self):
        return self._exp == 'F'

    def is_finite(self):
        return not self._is_special

    def is_zero(self):
        return not self._is_special and self._int == '0'

    def is_signed(self):
        return self._sign == 1

    def is_normal(self, context=None):
        if self._is_special or not self:
            return False
        context = context or getcontext()
        return context.Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        if self._is_special or not self:
            return False
        context = context or getcontext()
        return self.adjusted() < context.Emin

    def is_canonical(self):
        return True

    def adjusted(self):
        try:
            return self._exp + len(self._int) - 1
        except TypeError:
            return 0

    def as_tuple(self):
        if self._is_special:
            exp = self._exp
            digits = tuple(map(int, self._int)) if self._exp != 'F' else (0,)
        else:
            exp = self._exp
            digits = tuple(map(int, self._int))
        return DecimalTuple(self._sign, digits, exp)

    def as_integer_ratio(self):
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot convert NaN to integer ratio")
            raise OverflowError("cannot convert Infinity to integer ratio")
        if not self:
            return 0, 1
        n = int(self._int)
        if self._exp >= 0:
            n, d = n * 10 ** self._exp, 1
        else:
            d = 10 ** -self._exp
            g = _math.gcd(n, d)
            n, d = n // g, d // g
        if self._sign:
            n = -n
        return n, d

    def __bool__(self):
        return self._is_special or self._int != '0'

    # -- conversions and text

    def __str__(self, eng=False, context=None):
        sign = ['', '-'][self._sign]
        if self._is_special:
            if self._exp == 'F':
                return sign + 'Infinity'
            elif self._exp == 'n':
                return sign + 'NaN' + self._int
            else:
                return sign + 'sNaN' + self._int
        leftdigits = self._exp + len(self._int)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == '0':
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + self._int
        elif dotplace >= len(self._int):
            intpart = self._int + '0' * (dotplace - len(self._int))
            fracpart = ''
        else:
            intpart = self._int[:dotplace]
            fracpart = '.' + self._int[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            if context is None:
                context = getcontext()
            exp = ['e', 'E'][context.capitals] + "%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __float__(self):
        if self._isnan():
            if self.is_snan():
                raise ValueError("cannot convert signaling NaN to float")
            s = "-nan" if self._sign else "nan"
        else:
            s = str(self)
        return float(s)

    def __int__(self):
        if self._is_special:
            if self._isnan():
                raise ValueError("cannot convert NaN to integer")
            elif self._isinfinity():
                raise OverflowError("cannot convert Infinity to integer")
        s = (-1) ** self._sign
        if self._exp >= 0:
            return s * int(self._int) * 10 ** self._exp
        else:
            return s * int(self._int[:self._exp] or '0')

    __trunc__ = __int__

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __complex__(self):
        return complex(float(self))

    # -- rounding

    def _round_to(self, digits, rounding, context=None):
        """A copy with its coefficient rounded to `digits` digits (exponent raised to match);
        returns (result, inexact)."""
        n = len(self._int)
        drop = n - digits
        if drop <= 0:
            return self, False
        kept, inexact = _round_digits(self._int, digits, rounding, self._sign)
        exp = self._exp + drop
        if len(kept) > max(digits, 1):
            kept = kept[:-1]
            exp += 1
        return _triple(self._sign, str(int(kept)), exp), inexact

    def _round_places(self, places, rounding):
        """Rounds (or pads) to exactly `places` significant digits."""
        if not self:
            return self
        ans = self._rescale(self.adjusted() + 1 - places, rounding)[0]
        if ans.adjusted() != self.adjusted():
            ans = ans._rescale(ans.adjusted() + 1 - places, rounding)[0]
        return ans

    def _rescale(self, exp, rounding):
        """Rescales to exponent `exp` (coefficient may grow or be rounded); returns (result, inexact)."""
        if self._is_special:
            return self, False
        if not self:
            return _triple(self._sign, '0', exp), False
        if self._exp >= exp:
            return _triple(self._sign, self._int + '0' * (self._exp - exp), exp), False
        digits = len(self._int) + self._exp - exp
        if digits < 0:
            kept, inexact = _round_digits('0' * (-digits) + self._int, 0, rounding, self._sign)
            return _triple(self._sign, kept, exp), inexact
        kept, inexact = _round_digits(self._int, digits, rounding, self._sign)
        return _triple(self._sign, str(int(kept)), exp), inexact

    def _fix(self, context):
        """Rounds to the context's precision and checks the exponent limits."""
        if self._is_special:
            if self._isnan():
                return _triple(self._sign, self._int[-(context.prec - context.clamp):] if self._int else '', self._exp, True) if len(self._int) > context.prec - context.clamp else self
            return self
        Etiny = context.Etiny()
        Etop = context.Etop()
        if not self:
            exp_max = [context.Emax, Etop][context.clamp]
            new_exp = min(max(self._exp, Etiny), exp_max)
            if new_exp != self._exp:
                context._raise([Clamped])
                return _triple(self._sign, '0', new_exp)
            return self
        exp_min = len(self._int) + self._exp - context.prec
        if exp_min > Etop:
            context._raise([Overflow, Inexact, Rounded])
            return _overflow_result(self._sign, context)
        self_is_subnormal = exp_min < Etiny
        if self_is_subnormal:
            exp_min = Etiny
        if self._exp < exp_min:
            ans, inexact = self._rescale(exp_min, context.rounding)
            if len(ans._int) > context.prec and ans._int != '0':
                ans = _triple(ans._sign, ans._int[:-1], ans._exp + 1)
            conditions = []
            if ans.adjusted() > context.Emax:
                context._raise([Overflow, Inexact, Rounded])
                return _overflow_result(self._sign, context)
            if self_is_subnormal:
                conditions.append(Subnormal)
                if inexact:
                    conditions.append(Underflow)
            if inexact:
                conditions.append(Inexact)
            conditions.append(Rounded)
            if self_is_subnormal and not ans:
                conditions.append(Clamped)
            context._raise(conditions)
            return ans
        if self_is_subnormal:
            context._raise([Subnormal])
        if context.clamp == 1 and self._exp > Etop:
            context._raise([Clamped])
            return _triple(self._sign, self._int + '0' * (self._exp - Etop), Etop)
        return self

    def _check_nans(self, other=None, context=None):
        self_is_nan = self._isnan()
        other_is_nan = other._isnan() if other is not None else 0
        if self_is_nan or other_is_nan:
            if context is None:
                context = getcontext()
            if self_is_nan == 2:
                context._raise([InvalidOperation])
                return _triple(self._sign, self._int, 'n', True)
            if other_is_nan == 2:
                context._raise([InvalidOperation])
                return _triple(other._sign, other._int, 'n', True)
            if self_is_nan:
                return self._fix(context)
            return other._fix(context)
        return 0

    def _invalid(self, context, condition=InvalidOperation):
        context._raise([condition])
        return _triple(0, '', 'n', True)

    # -- arithmetic

    def __add__(self, other, context=None):
        other = _operand(other, '+', self)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._isinfinity():
                if self._sign != other._sign and other._isinfinity():
                    return self._invalid(context)
                return Decimal(self)
            if other._isinfinity():
                return Decimal(other)
        exp = min(self._exp, other._exp)
        negativezero = 0
        if context.rounding == ROUND_FLOOR and self._sign != other._sign:
            negativezero = 1
        a = int(self._int) * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = int(other._int) * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        total = a + b
        if total == 0:
            sign = min(self._sign, other._sign)
            if negativezero:
                sign = 1
            return _triple(sign, '0', exp)._fix(context)
        return _triple(1 if total < 0 else 0, str(abs(total)), exp)._fix(context)

    def __radd__(self, other, context=None):
        other = _operand(other, '+', self, True)
        if other is NotImplemented:
            return other
        return other.__add__(self, context=context)

    def __sub__(self, other, context=None):
        other = _operand(other, '-', self)
        if other is NotImplemented:
            return other
        return self.__add__(other.copy_negate(), context=context)

    def __rsub__(self, other, context=None):
        other = _operand(other, '-', self, True)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context=context)

    def __mul__(self, other, context=None):
        other = _operand(other, '*', self)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        resultsign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._isinfinity():
                if not other:
                    return self._invalid(context)
                return _triple(resultsign, '0', 'F', True)
            if other._isinfinity():
                if not self:
                    return self._invalid(context)
                return _triple(resultsign, '0', 'F', True)
        return _triple(resultsign, str(int(self._int) * int(other._int)), self._exp + other._exp)._fix(context)

    def __rmul__(self, other, context=None):
        other = _operand(other, '*', self, True)
        if other is NotImplemented:
            return other
        return other.__mul__(self, context=context)

    def __truediv__(self, other, context=None):
        other = _operand(other, '/', self)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._isinfinity() and other._isinfinity():
                return self._invalid(context)
            if self._isinfinity():
                return _triple(sign, '0', 'F', True)
            if other._isinfinity():
                context._raise([Clamped])
                return _triple(sign, '0', context.Etiny())._fix(context)
        if not other:
            if not self:
                return self._invalid(context, DivisionUndefined)
            context._raise([DivisionByZero])
            return _triple(sign, '0', 'F', True)
        if not self:
            exp = self._exp - other._exp
            coeff = 0
        else:
            shift = len(other._int) - len(self._int) + context.prec + 1
            exp = self._exp - other._exp - shift
            if shift >= 0:
                coeff, remainder = divmod(int(self._int) * 10 ** shift, int(other._int))
            else:
                coeff, remainder = divmod(int(self._int), int(other._int) * 10 ** -shift)
            if remainder:
                if coeff % 5 == 0:
                    coeff += 1
            else:
                ideal_exp = self._exp - other._exp
                while exp < ideal_exp and coeff % 10 == 0:
                    coeff //= 10
                    exp += 1
        return _triple(sign, str(coeff), exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        other = _operand(other, '/', self, True)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context=context)

    def _divide(self, other, context):
        sign = self._sign ^ other._sign
        if other._isinfinity():
            ideal_exp = self._exp
        else:
            ideal_exp = min(self._exp, other._exp)
        expdiff = self.adjusted() - other.adjusted()
        if not self or other._isinfinity() or expdiff <= -2:
            return (_triple(sign, '0', 0), self._rescale(ideal_exp, context.rounding)[0])
        if expdiff <= context.prec:
            a, b = int(self._int), int(other._int)
            if self._exp >= other._exp:
                a *= 10 ** (self._exp - other._exp)
            else:
                b *= 10 ** (other._exp - self._exp)
            q, r = divmod(a, b)
            if q < 10 ** context.prec:
                return (_triple(sign, str(q), 0), _triple(self._sign, str(r), ideal_exp))
        ans = self._invalid(context, DivisionImpossible)
        return ans, ans

    def _divmod_special(self, other, context):
        ans = self._check_nans(other, context)
        if ans:
            return ans, ans
        sign = self._sign ^ other._sign
        if self._isinfinity():
            if other._isinfinity():
                ans = self._invalid(context)
                return ans, ans
            return _triple(sign, '0', 'F', True), self._invalid(context)
        return None

    def __divmod__(self, other, context=None):
        other = _operand(other, 'divmod()', self)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if self._is_special or other._is_special:
            r = self._divmod_special(other, context)
            if r is not None:
                return r
        if not other:
            if not self:
                ans = self._invalid(context, DivisionUndefined)
                return ans, ans
            context._raise([DivisionByZero, InvalidOperation])
            return _triple(self._sign ^ other._sign, '0', 'F', True), self._invalid(context)
        quotient, remainder = self._divide(other, context)
        remainder = remainder._fix(context)
        return quotient, remainder

    def __rdivmod__(self, other, context=None):
        other = _operand(other, 'divmod()', self, True)
        if other is NotImplemented:
            return other
        return other.__divmod__(self, context=context)

    def __mod__(self, other, context=None):
        other = _operand(other, '%', self)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._isinfinity():
            return self._invalid(context)
        if not other:
            if self:
                return self._invalid(context)
            return self._invalid(context, DivisionUndefined)
        remainder = self._divide(other, context)[1]
        return remainder._fix(context)

    def __rmod__(self, other, context=None):
        other = _operand(other, '%', self, True)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context=context)

    def __floordiv__(self, other, context=None):
        other = _operand(other, '//', self)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._isinfinity():
            if other._isinfinity():
                return self._invalid(context)
            return _triple(self._sign ^ other._sign, '0', 'F', True)
        if not other:
            if self:
                context._raise([DivisionByZero])
                return _triple(self._sign ^ other._sign, '0', 'F', True)
            return self._invalid(context, DivisionUndefined)
        return self._divide(other, context)[0]

    def __rfloordiv__(self, other, context=None):
        other = _operand(other, '//', self, True)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context=context)

    def remainder_near(self, other, context=None):
        if context is None:
            context = getcontext()
        other = _convert(other, raiseit=True)
        q, r = self.__divmod__(other, context)
        twice = abs(r) * 2
        if twice > abs(other) or (twice == abs(other) and int(q) % 2 == 1):
            r = r - other if (self._sign == other._sign) else r + other
        return r._fix(context)

    def __pow__(self, other, modulo=None, context=None):
        if modulo is not None:
            a = int(self)
            b = int(_convert(other, raiseit=True))
            c = int(_convert(modulo, raiseit=True))
            return Decimal(pow(a, b, c))
        other = _operand(other, '** or pow()', self)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if not other:
            if not self:
                return self._invalid(context)
            return Decimal(1)._fix(context)
        if other._is_special:
            if other._isinfinity():
                mag_lt_one = abs(self) < 1
                if (other._sign == 0) == mag_lt_one:
                    return _triple(0, '0', 0)
                return _triple(0, '0', 'F', True)
        is_integral = other._exp >= 0 or other._int[other._exp:].strip('0') == ''
        result_sign = 0
        if self._sign == 1:
            if is_integral and int(other) % 2 == 1:
                result_sign = 1
            elif not is_integral and self:
                return self._invalid(context)
        if self._isinfinity():
            if other._sign == 0:
                return _triple(result_sign, '0', 'F', True)
            return _triple(result_sign, '0', 0)
        if not self:
            if other._sign == 0:
                return _triple(result_sign, '0', 0)
            context._raise([DivisionByZero])
            return _triple(result_sign, '0', 'F', True)
        if is_integral:
            n = int(other)
            if abs(n) * max(1, len(self._int) + abs(self._exp)) > 100000:
                raise OverflowError('exponent too large for an exact power')
            if n > 0:
                return _triple(result_sign, str(int(self._int) ** n), self._exp * n)._fix(context)
            base = _triple(result_sign, str(int(self._int) ** -n), self._exp * -n)
            return Decimal(1).__truediv__(base, context=context)
        return _triple(result_sign, '0', 0).__add__(
            (other * abs(self).ln(context=_extra(context, 10))).exp(context=context), context=context) \
            if False else abs(self)._pow_real(other, context, result_sign)

    def _pow_real(self, other, context, sign):
        work = _extra(context, len(other._int) + 12)
        r = (other.__mul__(self.ln(context=work), context=work)).exp(context=work)
        return _triple(sign, r._int, r._exp, r._is_special)._fix(context)

    def __rpow__(self, other, context=None):
        other = _operand(other, '** or pow()', self, True)
        if other is NotImplemented:
            return other
        return other.__pow__(self, context=context)

    def __neg__(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        if not self and context.rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = self.copy_negate()
        return ans._fix(context)

    def __pos__(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        if not self and context.rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = Decimal(self)
        return ans._fix(context)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        if self._sign:
            return self.__neg__(context=context)
        return self.__pos__(context=context)

    def copy_abs(self):
        return _triple(0, self._int, self._exp, self._is_special)

    def copy_negate(self):
        return _triple(1 - self._sign, self._int, self._exp, self._is_special)

    def copy_sign(self, other, context=None):
        other = _convert(other, raiseit=True)
        return _triple(other._sign, self._int, self._exp, self._is_special)

    # -- comparisons

    def _cmp(self, other):
        if self._is_special or other._is_special:
            a, b = self._isinfinity(), other._isinfinity()
            if a == b:
                return 0
            return -1 if a < b else 1
        if not self:
            if not other:
                return 0
            return -((-1) ** other._sign)
        if not other:
            return (-1) ** self._sign
        if other._sign < self._sign:
            return -1
        if self._sign < other._sign:
            return 1
        self_adjusted = self.adjusted()
        other_adjusted = other.adjusted()
        if self_adjusted == other_adjusted:
            self_padded = self._int + '0' * (self._exp - other._exp)
            other_padded = other._int + '0' * (other._exp - self._exp)
            if self_padded == other_padded:
                return 0
            elif int(self_padded) < int(other_padded):
                return -(-1) ** self._sign
            else:
                return (-1) ** self._sign
        elif self_adjusted > other_adjusted:
            return (-1) ** self._sign
        else:
            return -((-1) ** self._sign)

    def _compare_other(self, other, equality=False):
        if isinstance(other, float):
            ctx = getcontext()
            if equality:
                ctx.flags[FloatOperation] = True
            else:
                ctx._raise([FloatOperation])
            return Decimal.from_float(other)
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        try:
            from fractions import Fraction
        except ImportError:
            Fraction = None
        if Fraction is not None and isinstance(other, Fraction):
            return other
        return NotImplemented

    def __eq__(self, other, context=None):
        o = self._compare_other(other, equality=True)
        if o is NotImplemented:
            return o
        if not isinstance(o, Decimal):
            if self._is_special:
                return False
            return self.as_integer_ratio() == (o.numerator, o.denominator)
        if self._check_nans_cmp(o, equality=True):
            return False
        return self._cmp(o) == 0

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def _check_nans_cmp(self, other, equality=False):
        if self._isnan() or other._isnan():
            if not equality or self.is_snan() or other.is_snan():
                getcontext()._raise([InvalidOperation])
            return True
        return False

    def _order(self, other):
        o = self._compare_other(other)
        if o is NotImplemented:
            return o
        if not isinstance(o, Decimal):
            n, d = self.as_integer_ratio()
            a, b = n * o.denominator, o.numerator * d
            return (a > b) - (a < b)
        if self._check_nans_cmp(o):
            return None
        return self._cmp(o)

    def __lt__(self, other, context=None):
        c = self._order(other)
        if c is NotImplemented or c is None:
            return False if c is None else c
        return c < 0

    def __le__(self, other, context=None):
        c = self._order(other)
        if c is NotImplemented or c is None:
            return False if c is None else c
        return c <= 0

    def __gt__(self, other, context=None):
        c = self._order(other)
        if c is NotImplemented or c is None:
            return False if c is None else c
        return c > 0

    def __ge__(self, other, context=None):
        c = self._order(other)
        if c is NotImplemented or c is None:
            return False if c is None else c
        return c >= 0

    def compare(self, other, context=None):
        other = _convert(other, raiseit=True)
        if self._is_special or (other and other._is_special):
            ans = self._check_nans(other, context)
            if ans:
                return ans
        return Decimal(self._cmp(other))

    def compare_total(self, other, context=None):
        other = _convert(other, raiseit=True)
        if self._sign and not other._sign:
            return Decimal(-1)
        if not self._sign and other._sign:
            return Decimal(1)
        c = self._cmp(other)
        if c == 0 and not self._is_special:
            c = (self._exp > other._exp) - (self._exp < other._exp)
            if self._sign:
                c = -c
        return Decimal(c)

    def max(self, other, context=None):
        other = _convert(other, raiseit=True)
        if context is None:
            context = getcontext()
        c = self._cmp(other)
        if c == 0:
            c = self.compare_total(other)._cmp(Decimal(0))
        ans = other if c == -1 else self
        return ans._fix(context)

    def min(self, other, context=None):
        other = _convert(other, raiseit=True)
        if context is None:
            context = getcontext()
        c = self._cmp(other)
        if c == 0:
            c = self.compare_total(other)._cmp(Decimal(0))
        ans = self if c == -1 else other
        return ans._fix(context)

    def __hash__(self):
        if self._is_special:
            if self.is_snan():
                raise TypeError('Cannot hash a signaling NaN value.')
            elif self.is_nan():
                return object.__hash__(self)
            else:
                if self._sign:
                    return -_PyHASH_INF
                else:
                    return _PyHASH_INF
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _PyHASH_MODULUS)
        else:
            exp_hash = pow(_PyHASH_10INV, -self._exp, _PyHASH_MODULUS)
        hash_ = int(self._int) * exp_hash % _PyHASH_MODULUS
        ans = hash_ if self >= 0 else -hash_
        return -2 if ans == -1 else ans

    # -- rounding operations

    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp, raiseit=True)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._is_special or exp._is_special:
            ans = self._check_nans(exp, context)
            if ans:
                return ans
            if exp._isinfinity() or self._isinfinity():
                if exp._isinfinity() and self._isinfinity():
                    return Decimal(self)
                return self._invalid(context)
        if not (context.Etiny() <= exp._exp <= context.Emax):
            return self._invalid(context)
        if not self:
            ans = _triple(self._sign, '0', exp._exp)
            return ans._fix(context)
        self_adjusted = self.adjusted()
        if self_adjusted > context.Emax:
            return self._invalid(context)
        if self_adjusted - exp._exp + 1 > context.prec:
            return self._invalid(context)
        ans, inexact = self._rescale(exp._exp, rounding)
        if ans.adjusted() > context.Emax:
            return self._invalid(context)
        if len(ans._int) > context.prec:
            return self._invalid(context)
        conditions = []
        if ans and ans.adjusted() < context.Emin:
            conditions.append(Subnormal)
        if ans._exp > self._exp:
            if inexact:
                conditions.append(Inexact)
            conditions.append(Rounded)
        if conditions:
            context._raise(conditions)
        return ans._fix(context)

    def same_quantum(self, other, context=None):
        other = _convert(other, raiseit=True)
        if self._is_special or other._is_special:
            return (self.is_nan() and other.is_nan() or self.is_infinite() and other.is_infinite())
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            return Decimal(self)
        if self._exp >= 0:
            return Decimal(self)
        return self._rescale(0, rounding)[0]

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            return Decimal(self)
        if self._exp >= 0:
            return Decimal(self)
        if not self:
            return _triple(self._sign, '0', 0)
        ans, inexact = self._rescale(0, rounding)
        context._raise(([Inexact] if inexact else []) + [Rounded])
        return ans

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('Second argument to round should be integral')
            exp = _triple(0, '1', -n)
            return self.quantize(exp)
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot round a NaN")
            else:
                raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_HALF_EVEN)[0])

    def __floor__(self):
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot round a NaN")
            else:
                raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_FLOOR)[0])

    def __ceil__(self):
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot round a NaN")
            else:
                raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_CEILING)[0])

    def normalize(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        dup = self._fix(context)
        if dup._isinfinity():
            return dup
        if not dup:
            return _triple(dup._sign, '0', 0)
        exp_max = [context.Emax, context.Etop()][context.clamp]
        end = len(dup._int)
        exp = dup._exp
        while dup._int[end - 1] == '0' and exp < exp_max:
            exp += 1
            end -= 1
        return _triple(dup._sign, dup._int[:end], exp)

    def sqrt(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            if self._isinfinity() and self._sign == 0:
                return Decimal(self)
        if not self:
            return _triple(self._sign, '0', self._exp // 2)
        if self._sign == 1:
            return self._invalid(context)
        prec = context.prec + 1
        e = self._exp >> 1
        if self._exp & 1:
            c = int(self._int) * 10
            l = (len(self._int) >> 1) + 1
        else:
            c = int(self._int)
            l = len(self._int) + 1 >> 1
        shift = prec - l
        if shift >= 0:
            c *= 100 ** shift
            exact = True
        else:
            c, remainder = divmod(c, 100 ** -shift)
            exact = not remainder
        e -= shift
        n = _math.isqrt(c)
        exact = exact and n * n == c
        if exact:
            if shift >= 0:
                n //= 10 ** shift
            else:
                n *= 10 ** -shift
            e += shift
        else:
            if n % 5 == 0:
                n += 1
        ans = _triple(0, str(n), e)
        work = context.copy()
        work.rounding = ROUND_HALF_EVEN
        work.traps = context.traps
        work.flags = context.flags
        return ans._fix(work)

    # exp, ln, log10: computed with guard digits in integer arithmetic, then rounded once
    # (ROUND_HALF_EVEN, as the specification asks).

    def exp(self, context=None):
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if self._isinfinity() == -1:
            return _triple(0, '0', 0)
        if not self:
            return Decimal(1)
        if self._isinfinity() == 1:
            return Decimal(self)
        p = context.prec
        adj = self.adjusted()
        if self._sign == 0 and adj > len(str((context.Emax + 1) * 3)):
            context._raise([Overflow, Inexact, Rounded])
            return _overflow_result(0, context)
        if self._sign == 1 and adj > len(str((-context.Etiny() + 1) * 3)):
            context._raise([Underflow, Subnormal, Inexact, Rounded, Clamped])
            return _triple(0, '0', context.Etiny())
        extra = 10
        while True:
            wp = p + extra + max(adj, 0)
            c, e = _dexp_fixed(int(self._int) * (-1 if self._sign else 1), self._exp, wp)
            ans, ok = _round_checked(0, c, e, p, extra)
            if ok:
                break
            extra += 20
        return _round_result(ans, context)

    def ln(self, context=None):
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if not self:
            return _triple(1, '0', 'F', True)
        if self._isinfinity() == 1:
            return Decimal(self)
        if self == 1:
            return _triple(0, '0', 0)
        if self._sign == 1:
            return self._invalid(context)
        p = context.prec
        extra = 10
        while True:
            c, e = _dlog_fixed(int(self._int), self._exp, p + extra)
            ans, ok = _round_checked(1 if c < 0 else 0, abs(c), e, p, extra)
            if ok:
                break
            extra += 20
        return _round_result(ans, context)

    def log10(self, context=None):
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if not self:
            return _triple(1, '0', 'F', True)
        if self._isinfinity() == 1:
            return Decimal(self)
        if self._sign == 1:
            return self._invalid(context)
        if self._int[0] == '1' and self._int[1:] == '0' * (len(self._int) - 1):
            ans = Decimal(self._exp + len(self._int) - 1)
            return ans._fix(context)
        p = context.prec
        extra = 10
        while True:
            c, e = _dlog_fixed(int(self._int), self._exp, p + extra + 5)
            ten, te = _dlog_fixed(10, 0, p + extra + 5)
            shift = p + extra + 5
            q = (abs(c) * 10 ** shift) // ten
            ans, ok = _round_checked(1 if c < 0 else 0, q, e - te - shift, p, extra)
            if ok:
                break
            extra += 20
        return _round_result(ans, context)

    def logb(self, context=None):
        if self._is_special or not self:
            return Decimal(self) if self._is_special else _triple(1, '0', 'F', True)
        return Decimal(self.adjusted())

    def fma(self, other, third, context=None):
        other = _convert(other, raiseit=True)
        third = _convert(third, raiseit=True)
        if context is None:
            context = getcontext()
        product = _triple(self._sign ^ other._sign, str(int(self._int) * int(other._int)), self._exp + other._exp)
        return product.__add__(third, context)

    def scaleb(self, other, context=None):
        other = _convert(other, raiseit=True)
        if context is None:
            context = getcontext()
        return _triple(self._sign, self._int, self._exp + int(other))._fix(context)

    def number_class(self, context=None):
        if self.is_snan():
            return "sNaN"
        if self.is_qnan():
            return "NaN"
        inf = self._isinfinity()
        if inf == 1:
            return "+Infinity"
        if inf == -1:
            return "-Infinity"
        if self.is_zero():
            return "-Zero" if self._sign else "+Zero"
        if self.is_subnormal(context):
            return "-Subnormal" if self._sign else "+Subnormal"
        return "-Normal" if self._sign else "+Normal"

    def radix(self):
        return Decimal(10)

    def canonical(self):
        return self

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # -- formatting

    def __format__(self, specifier, context=None):
        if context is None:
            context = getcontext()
        spec = _parse_format_specifier(specifier)
        if self._is_special:
            if spec['zeropad']:
                # libmpdec pads infinities and NaNs with spaces, right-aligned.
                spec['fill'], spec['align'] = ' ', '>'
            sign = _format_sign(self._sign, spec)
            body = str(self.copy_abs())
            if spec['type'] == '%':
                body += '%'
            return _format_align(sign, body, spec)
        if spec['type'] is None:
            spec['type'] = ['g', 'G'][context.capitals]
        if spec['type'] == '%':
            self = _triple(self._sign, self._int, self._exp + 2)
        rounding = context.rounding
        precision = spec['precision']
        if precision is not None:
            if spec['type'] in 'eE':
                self = self._round_places(precision + 1, rounding)
            elif spec['type'] in 'fF%':
                self = self._rescale(-precision, rounding)[0]
            elif spec['type'] in 'gG' and len(self._int) > precision:
                self = self._round_places(precision, rounding)
        if not self and self._exp > 0 and spec['type'] in 'fF%':
            self = self._rescale(0, rounding)[0]
        if not self and spec['no_neg_0'] and self._sign:
            adjusted_sign = 0
        else:
            adjusted_sign = self._sign
        leftdigits = self._exp + len(self._int)
        if spec['type'] in 'eE':
            if not self and precision is not None:
                dotplace = 1 - precision
            else:
                dotplace = 1
        elif spec['type'] in 'fF%':
            dotplace = leftdigits
        elif spec['type'] in 'gG':
            if self._exp <= 0 and leftdigits > -6:
                dotplace = leftdigits
            else:
                dotplace = 1
        if dotplace < 0:
            intpart = '0'
            fracpart = '0' * (-dotplace) + self._int
        elif dotplace > len(self._int):
            intpart = self._int + '0' * (dotplace - len(self._int))
            fracpart = ''
        else:
            intpart = self._int[:dotplace] or '0'
            fracpart = self._int[dotplace:]
        exp = leftdigits - dotplace
        return _format_number(adjusted_sign, intpart, fracpart, exp, spec)


def _overflow_result(sign, context):
    r = context.rounding
    if r == ROUND_HALF_UP or r == ROUND_HALF_EVEN or r == ROUND_HALF_DOWN or r == ROUND_UP:
        return _triple(sign, '0', 'F', True)
    if sign == 0:
        if r == ROUND_CEILING:
            return _triple(sign, '0', 'F', True)
        return _triple(sign, '9' * context.prec, context.Emax - context.prec + 1)
    if r == ROUND_FLOOR:
        return _triple(sign, '0', 'F', True)
    return _triple(sign, '9' * context.prec, context.Emax - context.prec + 1)


def _extra(context, digits):
    c = context.copy()
    c.prec = context.prec + digits
    c.traps = dict.fromkeys(_SIGNALS, False)
    return c


def _round_checked(sign, c, e, p, extra):
    """Rounds the approximation c*10**e (good to about `extra` guard digits) to p digits;
    ok is False when the guard digits sit too near a rounding boundary to be sure."""
    s = str(c)
    if len(s) <= p:
        return _triple(sign, s, e), True
    guard = s[p:]
    g = int(guard)
    span = 10 ** len(guard)
    half = span // 2
    if abs(g - half) <= 2 or g <= 2 or span - g <= 2:
        return _triple(sign, s, e), False
    return _triple(sign, s, e), True


def _round_result(ans, context):
    work = context.copy()
    work.rounding = ROUND_HALF_EVEN
    work.traps = context.traps
    work.flags = context.flags
    if len(ans._int) > context.prec:
        return ans._fix(work)
    r = ans._fix(work)
    return r


def _ilog_fixed(x, scale):
    """ln(x / scale) * scale for x/scale in [0.5, 2], by atanh series."""
    negative = x < scale
    y = (abs(x - scale) * scale) // (x + scale)
    y2 = (y * y) // scale
    term = y
    total = 0
    k = 1
    while term != 0:
        total += term // k
        term = (term * y2) // scale
        k += 2
    return -2 * total if negative else 2 * total


_LN10_CACHE = {}


def _ln10_fixed(digits):
    if digits in _LN10_CACHE:
        return _LN10_CACHE[digits]
    scale = 10 ** (digits + 5)
    # ln 10 = 3 ln 2 + ln 1.25
    ln2 = _ilog_fixed(2 * scale, scale) if False else -_ilog_fixed(scale // 2, scale)
    v = 3 * ln2 + _ilog_fixed(scale * 5 // 4, scale)
    r = v // 10 ** 5
    _LN10_CACHE[digits] = r
    return r


def _dlog_fixed(c, e, p):
    """ln(c * 10**e) as an integer coefficient and exponent, about p significant digits."""
    digits = len(str(c))
    adj = e + digits - 1
    work = p + 10 + len(str(abs(adj) + 1))
    scale = 10 ** work
    # x = c / 10**(digits-1) in [1, 10): reduce by powers of two into [0.75, 1.5]
    x = c * scale // 10 ** (digits - 1)
    twos = 0
    while x > scale * 3 // 2:
        x = x // 2
        twos += 1
    ln2 = -_ilog_fixed(scale // 2, scale)
    v = _ilog_fixed(x, scale) + twos * ln2 + adj * _ln10_fixed(work)
    return v, -work


def _dexp_fixed(c, e, p):
    """exp(c * 10**e) as an integer coefficient and exponent with about p significant digits."""
    work = p + 10
    scale = 10 ** work
    if e >= 0:
        x = c * 10 ** e * scale
    else:
        x = (c * scale) // 10 ** (-e) if c >= 0 else -((-c * scale) // 10 ** (-e))
    ln10 = _ln10_fixed(work)
    k = x // ln10
    r = x - k * ln10
    # exp(r) for 0 <= r < ln10: halve until small, then square back
    halvings = 0
    while r > scale // 8:
        r = r // 2
        halvings += 1
    term = scale
    total = scale
    n = 1
    while term != 0:
        term = (term * r) // (scale * n)
        total += term
        n += 1
    for _ in range(halvings):
        total = (total * total) // scale
    return total, k - work


def _parse_format_specifier(format_spec):
    # CPython's C decimal: the 'z' option is taken out where the format grammar puts it
    # ([[fill]align][sign]z), then the rest is read as libmpdec's mpd_parse_fmt_str reads
    # it: no '#', no '_', no fill or alignment with '0', no leading zero in the width.
    s = format_spec
    i = 0
    if len(s) >= 2 and s[1] in '<>=^':
        i = 2
    elif len(s) >= 1 and s[0] in '<>=^':
        i = 1
    if i < len(s) and s[i] in '+- ':
        i += 1
    no_neg_0 = False
    if i < len(s) and s[i] == 'z':
        no_neg_0 = True
        s = s[:i] + s[i + 1:]
    n = len(s)
    fill, align, have_align, pos = ' ', '>', False, 0
    if n >= 2 and s[1] in '<>=^':
        fill, align, have_align, pos = s[0], s[1], True, 2
    elif n >= 1 and s[0] in '<>=^':
        align, have_align, pos = s[0], True, 1
    sign = '-'
    if pos < n and s[pos] in '+- ':
        sign = s[pos]
        pos += 1
    zeropad = False
    if pos < n and s[pos] == '0':
        if have_align:
            raise ValueError("invalid format string")
        zeropad, fill, align = True, '0', '='
        pos += 1
    width = 0
    if pos < n and s[pos] in '0123456789':
        if s[pos] == '0':
            raise ValueError("invalid format string")
        start = pos
        while pos < n and s[pos] in '0123456789':
            pos += 1
        width = int(s[start:pos])
    sep = ''
    if pos < n and s[pos] == ',':
        sep = ','
        pos += 1
    precision = None
    if pos < n and s[pos] == '.':
        pos += 1
        if not (pos < n and s[pos] in '0123456789'):
            raise ValueError("invalid format string")
        start = pos
        while pos < n and s[pos] in '0123456789':
            pos += 1
        precision = int(s[start:pos])
    typ = None
    if pos < n and s[pos] in 'EeFfGg%':
        typ = s[pos]
        pos += 1
    elif pos < n and s[pos] in 'Nn':
        if sep:
            raise ValueError("invalid format string")
        typ = 'G' if s[pos] == 'N' else 'g'
        pos += 1
    if pos != n:
        raise ValueError("invalid format string")
    if precision == 0 and (typ is None or typ in 'gG'):
        precision = 1
    return {'fill': fill, 'align': align, 'sign': sign, 'zeropad': zeropad,
            'minimumwidth': width, 'thousands_sep': sep, 'precision': precision,
            'type': typ, 'grouping': [3, 0], 'decimal_point': '.',
            'no_neg_0': no_neg_0, 'alt': False}


def _format_align(sign, body, spec):
    minimumwidth = spec['minimumwidth']
    fill = spec['fill']
    padding = fill * (minimumwidth - len(sign) - len(body))
    align = spec['align']
    if align == '<':
        result = sign + body + padding
    elif align == '>':
        result = padding + sign + body
    elif align == '=':
        result = sign + padding + body
    elif align == '^':
        half = len(padding) // 2
        result = padding[:half] + sign + body + padding[half:]
    return result


def _insert_thousands_sep(digits, spec, min_width=1):
    sep = spec['thousands_sep']
    min_width = max(min_width, 1)
    if not sep:
        if len(digits) < min_width:
            digits = '0' * (min_width - len(digits)) + digits
        return digits
    groups = []
    l = 3
    while True:
        l = min(max(len(digits), min_width, 1), 3)
        groups.append('0' * (l - len(digits)) + digits[-l:])
        digits = digits[:-l]
        min_width -= l
        if not digits and min_width <= 0:
            break
        min_width -= len(sep)
    return sep.join(reversed(groups))


def _format_sign(is_negative, spec):
    if is_negative:
        return '-'
    elif spec['sign'] in ' +':
        return spec['sign']
    else:
        return ''


def _format_number(is_negative, intpart, fracpart, exp, spec):
    sign = _format_sign(is_negative, spec)
    if fracpart or spec['alt']:
        fracpart = spec['decimal_point'] + fracpart
    if exp != 0 or spec['type'] in 'eE':
        echar = {'E': 'E', 'e': 'e', 'G': 'E', 'g': 'e'}[spec['type']]
        fracpart += "{0}{1:+}".format(echar, exp)
    if spec['type'] == '%':
        fracpart += '%'
    if spec['zeropad']:
        min_width = spec['minimumwidth'] - len(fracpart) - len(sign)
    else:
        min_width = 0
    intpart = _insert_thousands_sep(intpart, spec, min_width)
    return _format_align(sign, intpart + fracpart, spec)


DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, traps=[DivisionByZero, Overflow, InvalidOperation],
                         flags=[], Emax=999999, Emin=-999999, capitals=1, clamp=0)
_default_ready = True
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, traps=[DivisionByZero, Overflow, InvalidOperation, Clamped,
                                                               Underflow], flags=[])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])

_current = [None]


def getcontext():
    """Returns this thread's context."""
    if _current[0] is None:
        _current[0] = DefaultContext.copy()
    return _current[0]


def setcontext(context):
    """Set this thread's context to context."""
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current[0] = context


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """Return a context manager for a copy of the supplied context."""
    if ctx is None:
        ctx = getcontext()
    ctx_manager = _ContextManager(ctx)
    for key, value in kwargs.items():
        if key not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'):
            raise TypeError("'%s' is an invalid keyword argument for this function" % key)
        setattr(ctx_manager.new_context, key, value)
    return ctx_manager
"""##
