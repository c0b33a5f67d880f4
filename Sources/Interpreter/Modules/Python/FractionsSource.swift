/// `fractions.Fraction` with CPython's normalisation, parsing, reprs, mixed arithmetic
/// (float and complex operands give float and complex), rounding and hash.
let fractionsSource = #"""
import math as _math
import re as _re

_HASH_MODULUS = 2305843009213693951
_HASH_INF = 314159

_RATIONAL_FORMAT = _re.compile(r"""
    \A\s*
    (?P<sign>[-+]?)
    (?=\d|\.\d)
    (?P<num>\d*|\d+(_\d+)*)
    (?:
        (?:/(?P<denom>\d+(_\d+)*))?
        |
        (?:\.(?P<decimal>\d*|\d+(_\d+)*))?
        (?:E(?P<exp>[-+]?\d+(_\d+)*))?
    )
    \s*\Z
""", _re.VERBOSE | _re.IGNORECASE)


class Fraction:
    def __init__(self, numerator=0, denominator=None, *, _normalize=True):
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, bool):
                self._numerator = int(numerator)
                self._denominator = 1
                return
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return
            if isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return
            if isinstance(numerator, str):
                m = _RATIONAL_FORMAT.match(numerator)
                if m is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                numerator = int(m.group("num") or "0")
                denom = m.group("denom")
                if denom:
                    denominator = int(denom)
                else:
                    denominator = 1
                    decimal = m.group("decimal")
                    if decimal:
                        decimal = decimal.replace("_", "")
                        scale = 10 ** len(decimal)
                        numerator = numerator * scale + int(decimal)
                        denominator *= scale
                    exp = m.group("exp")
                    if exp:
                        exp = int(exp)
                        if exp >= 0:
                            numerator *= 10 ** exp
                        else:
                            denominator *= 10 ** -exp
                if m.group("sign") == "-":
                    numerator = -numerator
            elif hasattr(numerator, "as_integer_ratio"):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif isinstance(numerator, int) and isinstance(denominator, int):
            numerator = int(numerator)
            denominator = int(denominator)
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            an, ad = _pair(numerator)
            bn, bd = _pair(denominator)
            numerator, denominator = an * bd, bn * ad
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        if _normalize:
            g = _math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" % (cls.__name__, f, type(f).__name__))
        n, d = f.as_integer_ratio()
        return cls(n, d)

    @classmethod
    def from_decimal(cls, dec):
        n, d = dec.as_integer_ratio()
        return cls(n, d)

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1)
        return Fraction(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    def _op(self, other, rational, real, reverse):
        if isinstance(other, (int, Fraction)):
            a, b = (other, self) if reverse else (self, other)
            return rational(Fraction(a), Fraction(b))
        if isinstance(other, float):
            return real(other, float(self)) if reverse else real(float(self), other)
        if isinstance(other, complex):
            return real(other, complex(float(self))) if reverse else real(complex(float(self)), other)
        return NotImplemented

    def __add__(self, other):
        return self._op(other, lambda a, b: Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                                                     a._denominator * b._denominator), lambda a, b: a + b, False)

    def __radd__(self, other):
        return self._op(other, lambda a, b: Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                                                     a._denominator * b._denominator), lambda a, b: a + b, True)

    def __sub__(self, other):
        return self._op(other, lambda a, b: Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                                                     a._denominator * b._denominator), lambda a, b: a - b, False)

    def __rsub__(self, other):
        return self._op(other, lambda a, b: Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                                                     a._denominator * b._denominator), lambda a, b: a - b, True)

    def __mul__(self, other):
        return self._op(other, lambda a, b: Fraction(a._numerator * b._numerator, a._denominator * b._denominator),
                        lambda a, b: a * b, False)

    def __rmul__(self, other):
        return self._op(other, lambda a, b: Fraction(a._numerator * b._numerator, a._denominator * b._denominator),
                        lambda a, b: a * b, True)

    def __truediv__(self, other):
        return self._op(other, _div, lambda a, b: a / b, False)

    def __rtruediv__(self, other):
        return self._op(other, _div, lambda a, b: a / b, True)

    def __floordiv__(self, other):
        return self._op(other, lambda a, b: (a._numerator * b._denominator) // (a._denominator * b._numerator),
                        lambda a, b: a // b, False)

    def __rfloordiv__(self, other):
        return self._op(other, lambda a, b: (a._numerator * b._denominator) // (a._denominator * b._numerator),
                        lambda a, b: a // b, True)

    def __mod__(self, other):
        return self._op(other, _mod, lambda a, b: a % b, False)

    def __rmod__(self, other):
        return self._op(other, _mod, lambda a, b: a % b, True)

    def __divmod__(self, other):
        return self._op(other, lambda a, b: (a // b, a % b), divmod, False)

    def __rdivmod__(self, other):
        return self._op(other, lambda a, b: (a // b, a % b), divmod, True)

    def __pow__(self, b):
        if isinstance(b, int) or (isinstance(b, Fraction) and b._denominator == 1):
            power = int(b) if isinstance(b, int) else b._numerator
            if power >= 0:
                return Fraction(self._numerator ** power, self._denominator ** power, _normalize=False)
            if self._numerator > 0:
                return Fraction(self._denominator ** -power, self._numerator ** -power, _normalize=False)
            if self._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (self._denominator ** -power))
            return Fraction((-self._denominator) ** -power, (-self._numerator) ** -power, _normalize=False)
        if isinstance(b, (float, complex, Fraction)):
            return float(self) ** b
        return NotImplemented

    def __rpow__(self, a):
        if self._denominator == 1 and self._numerator >= 0:
            return a ** self._numerator
        if isinstance(a, int):
            return Fraction(a) ** self
        if isinstance(a, (float, complex)):
            return a ** float(self)
        return NotImplemented

    def __pos__(self):
        return Fraction(self._numerator, self._denominator, _normalize=False)

    def __neg__(self):
        return Fraction(-self._numerator, self._denominator, _normalize=False)

    def __abs__(self):
        return Fraction(abs(self._numerator), self._denominator, _normalize=False)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __float__(self):
        return self._numerator / self._denominator

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            if floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        dinv = pow(self._denominator, _HASH_MODULUS - 2, _HASH_MODULUS)
        if self._denominator % _HASH_MODULUS == 0:
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * dinv)
        result = h if self._numerator >= 0 else -h
        return -2 if result == -1 else result

    def __eq__(a, b):
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if _math.isnan(b) or _math.isinf(b):
                return 0.0 == b
            return a == Fraction.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            o = Fraction(other)
            return op(self._numerator * o._denominator, self._denominator * o._numerator)
        if isinstance(other, float):
            if _math.isnan(other) or _math.isinf(other):
                return op(0.0, other)
            return self._richcmp(Fraction.from_float(other), op)
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, lambda x, y: x < y)

    def __gt__(a, b):
        return a._richcmp(b, lambda x, y: x > y)

    def __le__(a, b):
        return a._richcmp(b, lambda x, y: x <= y)

    def __ge__(a, b):
        return a._richcmp(b, lambda x, y: x >= y)

    def __bool__(a):
        return a._numerator != 0

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


Fraction.__module__ = "fractions"


def _pair(x):
    if isinstance(x, Fraction):
        return (x._numerator, x._denominator)
    return (int(x), 1)


def _div(a, b):
    if b._numerator == 0:
        raise ZeroDivisionError("Fraction(%s, 0)" % (a._numerator * b._denominator))
    return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)


def _mod(a, b):
    da, db = a._denominator, b._denominator
    return Fraction((a._numerator * db) % (b._numerator * da), da * db)
"""#
