/// `complex` (the builtin, loaded on first use: an imaginary literal or the name) and
/// `cmath`, written in the cell language with CPython's algorithms (Objects/complexobject.c:
/// Smith's division, integer powers by squaring, the polar power otherwise) and reprs.
let complexSource = #"""
import math as _math


def _num(x):
    if isinstance(x, complex):
        return x
    if isinstance(x, (int, float)):
        return complex(x)
    return None


def _part(x):
    r = repr(float(x))
    if r.endswith(".0"):
        r = r[:-2]
    return r


def _quot(ar, ai, br, bi):
    abs_br = abs(br)
    abs_bi = abs(bi)
    if abs_br >= abs_bi:
        if abs_br == 0.0:
            raise ZeroDivisionError("complex division by zero")
        ratio = bi / br
        denom = br + bi * ratio
        return ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
    if abs_bi >= abs_br:
        ratio = br / bi
        denom = br * ratio + bi
        return ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
    return (_math.nan, _math.nan)


def _powu(xr, xi, n):
    rr, ri = 1.0, 0.0
    pr, pi = xr, xi
    mask = 1
    while mask > 0 and n >= mask:
        if n & mask:
            rr, ri = rr * pr - ri * pi, rr * pi + ri * pr
        mask <<= 1
        pr, pi = pr * pr - pi * pi, pr * pi + pi * pr
    return (rr, ri)


def _pow(ar, ai, br, bi):
    if bi == 0.0 and abs(br) <= 100.0 and br == _math.floor(br):
        n = int(br)
        if n > 0:
            return _powu(ar, ai, n)
        pr, pi = _powu(ar, ai, -n)
        try:
            return _quot(1.0, 0.0, pr, pi)
        except ZeroDivisionError:
            raise ZeroDivisionError("0.0 to a negative or complex power") from None
    if br == 0.0 and bi == 0.0:
        return (1.0, 0.0)
    if ar == 0.0 and ai == 0.0:
        if bi != 0.0 or br < 0.0:
            raise ZeroDivisionError("0.0 to a negative or complex power")
        return (0.0, 0.0)
    # As CPython's _Py_c_pow with C's libm: an overflowing pow or exp gives inf (the caller
    # then raises OverflowError), and cos/sin of an infinite phase set EDOM, which
    # complex_pow reports as ZeroDivisionError.
    vabs = _math.hypot(ar, ai)
    try:
        length = _math.pow(vabs, br)
    except OverflowError:
        length = _math.inf
    at = _math.atan2(ai, ar)
    phase = at * br
    if bi != 0.0:
        try:
            length /= _math.exp(at * bi)
        except OverflowError:
            length /= _math.inf
        phase += bi * _math.log(vabs)
    if _math.isinf(phase):
        raise ZeroDivisionError("0.0 to a negative or complex power")
    return (length * _math.cos(phase), length * _math.sin(phase))


def _parse(s):
    t = s.strip()
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1].strip()
    bad = ValueError("complex() arg is a malformed string")
    if not t or " " in t:
        raise bad
    try:
        if t[-1] in "jJ":
            body = t[:-1]
            k = len(body) - 1
            while k > 0 and not (body[k] in "+-" and body[k - 1] not in "eE"):
                k -= 1
            if k > 0:
                real = float(body[:k])
                imag = body[k:]
            else:
                real = 0.0
                imag = body
            if imag in ("", "+"):
                return (real, 1.0)
            if imag == "-":
                return (real, -1.0)
            if imag[0] not in "+-0123456789.":
                if imag.lower() not in ("inf", "nan", "infinity"):
                    raise bad
            return (real, float(imag))
        return (float(t), 0.0)
    except ValueError:
        raise bad from None


class complex:
    def __init__(self, real=0, imag=None):
        if isinstance(real, str):
            if imag is not None:
                raise TypeError("complex() can't take second arg if first is a string")
            self._re, self._im = _parse(real)
            return
        if isinstance(imag, str):
            raise TypeError("complex() second arg can't be a string")
        if isinstance(real, complex):
            r_re, r_im = real._re, real._im
        elif isinstance(real, (int, float)):
            r_re, r_im = float(real), 0.0
        elif hasattr(real, "__complex__"):
            c = real.__complex__()
            r_re, r_im = c._re, c._im
        elif hasattr(real, "__float__") or hasattr(real, "__index__"):
            r_re, r_im = float(real), 0.0
        else:
            raise TypeError("complex() first argument must be a string or a number, not '%s'" % type(real).__name__)
        if imag is None:
            self._re, self._im = r_re, r_im
            return
        if isinstance(imag, complex):
            i_re, i_im = imag._re, imag._im
        elif isinstance(imag, (int, float)) or hasattr(imag, "__float__"):
            i_re, i_im = float(imag), 0.0
        else:
            raise TypeError("complex() second argument must be a number, not '%s'" % type(imag).__name__)
        # As CPython: a part only changes the other when it is complex (so complex(0, -0.0)
        # keeps its negative zero).
        if isinstance(imag, complex):
            r_re -= i_im
        if isinstance(real, complex):
            i_re += r_im
        self._re = r_re
        self._im = i_re

    @property
    def real(self):
        return self._re

    @property
    def imag(self):
        return self._im

    def conjugate(self):
        return complex(self._re, -self._im)

    def __repr__(self):
        if self._re == 0.0 and _math.copysign(1.0, self._re) == 1.0:
            return _part(self._im) + "j"
        im = _part(self._im)
        if im[0] != "-":
            im = "+" + im
        return "(" + _part(self._re) + im + "j)"

    __str__ = __repr__

    def __format__(self, spec):
        if not spec:
            return str(self)
        # CPython's format_complex_internal, native (Runtime/NumberFormat.swift).
        import _complex_format
        return _complex_format.format(self._re, self._im, spec)

    def __hash__(self):
        h = hash(self._re) + 1000003 * hash(self._im)
        h = (h + 9223372036854775808) % 18446744073709551616 - 9223372036854775808
        return -2 if h == -1 else h

    def __eq__(self, other):
        o = _num(other)
        if o is None:
            return NotImplemented
        if isinstance(other, int) and not isinstance(other, bool) and self._im == 0.0:
            return self._re == other
        return self._re == o._re and self._im == o._im

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __bool__(self):
        return self._re != 0.0 or self._im != 0.0

    def __abs__(self):
        if _math.isinf(self._re) or _math.isinf(self._im):
            return _math.inf
        r = _math.hypot(self._re, self._im)
        if _math.isinf(r):
            raise OverflowError("absolute value too large")
        return r

    def __neg__(self):
        return complex(-self._re, -self._im)

    def __pos__(self):
        return complex(self._re, self._im)

    def __add__(self, other):
        o = _num(other)
        if o is None:
            return NotImplemented
        return complex(self._re + o._re, self._im + o._im)

    __radd__ = __add__

    def __sub__(self, other):
        o = _num(other)
        if o is None:
            return NotImplemented
        return complex(self._re - o._re, self._im - o._im)

    def __rsub__(self, other):
        o = _num(other)
        if o is None:
            return NotImplemented
        return complex(o._re - self._re, o._im - self._im)

    def __mul__(self, other):
        o = _num(other)
        if o is None:
            return NotImplemented
        return complex(self._re * o._re - self._im * o._im, self._re * o._im + self._im * o._re)

    __rmul__ = __mul__

    def __truediv__(self, other):
        o = _num(other)
        if o is None:
            return NotImplemented
        return complex(*_quot(self._re, self._im, o._re, o._im))

    def __rtruediv__(self, other):
        o = _num(other)
        if o is None:
            return NotImplemented
        return complex(*_quot(o._re, o._im, self._re, self._im))

    def __pow__(self, other, mod=None):
        if mod is not None:
            raise ValueError("complex modulo")
        o = _num(other)
        if o is None:
            return NotImplemented
        r = _pow(self._re, self._im, o._re, o._im)
        if _math.isinf(r[0]) or _math.isinf(r[1]):
            raise OverflowError("complex exponentiation")
        return complex(*r)

    def __rpow__(self, other):
        o = _num(other)
        if o is None:
            return NotImplemented
        return o.__pow__(self)

    def __complex__(self):
        return self

    def __getnewargs__(self):
        return (self._re, self._im)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


complex.__module__ = "builtins"
"""#

let cmathSource = #"""
import math as _math

pi = _math.pi
e = _math.e
tau = _math.tau
inf = _math.inf
nan = _math.nan
infj = complex(0.0, _math.inf)
nanj = complex(0.0, _math.nan)


def _c(z):
    if isinstance(z, complex):
        return z
    if isinstance(z, (int, float)):
        return complex(float(z), 0.0)
    if hasattr(z, "__complex__"):
        return z.__complex__()
    if hasattr(z, "__float__") or hasattr(z, "__index__"):
        return complex(float(z), 0.0)
    raise TypeError("must be real number, not %s" % type(z).__name__)


def phase(z):
    z = _c(z)
    return _math.atan2(z.imag, z.real)


def polar(z):
    z = _c(z)
    return (abs(z), _math.atan2(z.imag, z.real))


def rect(r, phi):
    if _math.isinf(r) and _math.isfinite(phi) and phi != 0.0:
        return complex(r * _math.cos(phi), r * _math.sin(phi))
    return complex(r * _math.cos(phi), r * _math.sin(phi))


def sqrt(z):
    z = _c(z)
    x, y = z.real, z.imag
    if x == 0.0 and y == 0.0:
        return complex(0.0, y)
    ax, ay = abs(x), abs(y)
    if ax < 2.2250738585072014e-308 and ay < 2.2250738585072014e-308:
        ax = _math.ldexp(ax, 53)
        s = _math.ldexp(_math.sqrt(ax + _math.hypot(ax, _math.ldexp(ay, 53))), -27)
    else:
        ax /= 8.0
        s = 2.0 * _math.sqrt(ax + _math.hypot(ax, ay / 8.0))
    d = ay / (2.0 * s)
    if x >= 0.0:
        return complex(s, _math.copysign(d, y))
    return complex(d, _math.copysign(s, y))


def exp(z):
    z = _c(z)
    if z.real > 708.0:
        l = _math.exp(z.real - 1.0)
        return complex(_math.cos(z.imag) * l * _math.e, _math.sin(z.imag) * l * _math.e)
    l = _math.exp(z.real)
    return complex(l * _math.cos(z.imag), l * _math.sin(z.imag))


def log(z, base=None):
    z = _c(z)
    ax, ay = abs(z.real), abs(z.imag)
    if ax == 0.0 and ay == 0.0:
        raise ValueError("math domain error")
    h = _math.hypot(ax, ay)
    if 0.71 <= h <= 1.73:
        am = max(ax, ay)
        an = min(ax, ay)
        real = _math.log1p((am - 1) * (am + 1) + an * an) / 2
    else:
        real = _math.log(h)
    r = complex(real, _math.atan2(z.imag, z.real))
    if base is None:
        return r
    return r / log(base)


def log10(z):
    r = log(z)
    return complex(r.real / _math.log(10.0), r.imag / _math.log(10.0))


def isfinite(z):
    z = _c(z)
    return _math.isfinite(z.real) and _math.isfinite(z.imag)


def isinf(z):
    z = _c(z)
    return _math.isinf(z.real) or _math.isinf(z.imag)


def isnan(z):
    z = _c(z)
    return _math.isnan(z.real) or _math.isnan(z.imag)


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    a = _c(a)
    b = _c(b)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = abs(a - b)
    return diff <= rel_tol * abs(b) or diff <= rel_tol * abs(a) or diff <= abs_tol


def sin(z):
    z = _c(z)
    return complex(_math.sin(z.real) * _math.cosh(z.imag), _math.cos(z.real) * _math.sinh(z.imag))


def cos(z):
    z = _c(z)
    return complex(_math.cos(z.real) * _math.cosh(z.imag), -_math.sin(z.real) * _math.sinh(z.imag))


def tan(z):
    return sin(z) / cos(z)


def sinh(z):
    z = _c(z)
    return complex(_math.cos(z.imag) * _math.sinh(z.real), _math.sin(z.imag) * _math.cosh(z.real))


def cosh(z):
    z = _c(z)
    return complex(_math.cos(z.imag) * _math.cosh(z.real), _math.sin(z.imag) * _math.sinh(z.real))


def tanh(z):
    return sinh(z) / cosh(z)
"""#
