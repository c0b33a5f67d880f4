/// The Python layer of `numpy`, in the cell language over the native core
/// (`numpy._native`), as NumPy writes these functions in Python itself.
enum NumPyPython {
    static let source = #"""
from numpy._native import *
import numpy._native as _n
import math as _math
import builtins as _b

__version__ = "2.4.6"
pi = _math.pi
e = _math.e
inf = float("inf")
nan = float("nan")
newaxis = None
euler_gamma = 0.5772156649015329
bool_ = bool
True_ = bool(True)
False_ = bool(False)

def _arr(a):
    return asarray(a)

class ufunc:
    """NumPy's ufunc objects: callable, with reduce/accumulate/outer/at."""
    def __init__(self, name, f, nin):
        self.__name__ = name
        self._f = f
        self.nin = nin
        self.nout = 1
        self.nargs = nin + 1
    def __call__(self, *args, **kwargs):
        return self._f(*args, **kwargs)
    def __repr__(self):
        return "<ufunc '%s'>" % self.__name__
    def reduce(self, array, axis=0, dtype=None, out=None, keepdims=False, initial=None, where=True):
        name = self.__name__
        kinds = {"add": "sum", "multiply": "prod", "maximum": "max", "minimum": "min",
                 "logical_and": "all", "logical_or": "any", "fmax": "nanmax", "fmin": "nanmin"}
        a = asarray(array)
        if name in kinds:
            r = _n._reduce(kinds[name], a, axis, keepdims, dtype, out)
        else:
            if axis is None:
                a = a.ravel()
                axis = 0
            axis = _n._norm_axis(axis, a.ndim)
            m = moveaxis(a, axis, 0)
            if m.shape[0] == 0:
                raise ValueError("zero-size array to reduction operation %s which has no identity" % name)
            r = m[0]
            for i in range(1, m.shape[0]):
                r = self._f(r, m[i])
            if keepdims:
                r = expand_dims(r, axis)
        if initial is not None:
            r = self._f(r, initial)
        return r
    def accumulate(self, array, axis=0, dtype=None, out=None):
        a = asarray(array)
        if self.__name__ == "add":
            return cumsum(a, axis=axis, dtype=dtype)
        if self.__name__ == "multiply":
            return cumprod(a, axis=axis, dtype=dtype)
        axis = _n._norm_axis(axis, a.ndim)
        m = moveaxis(a, axis, 0)
        res = empty(m.shape, dtype=m.dtype if dtype is None else dtype)
        if m.shape[0]:
            acc = m[0]
            res[0] = acc
            for i in range(1, m.shape[0]):
                acc = self._f(acc, m[i])
                res[i] = acc
        return moveaxis(res, 0, axis)
    def outer(self, A, B, **kwargs):
        A = asarray(A)
        B = asarray(B)
        return self._f(A.reshape(A.shape + (1,) * B.ndim), B, **kwargs)
    def at(self, a, indices, b=None):
        idx = asarray(indices).ravel().tolist() if not isinstance(indices, tuple) else None
        if idx is None:
            raise TypeError("ufunc.at with tuple indices is not supported")
        bv = None if b is None else broadcast_to(asarray(b), (len(idx),) + a.shape[1:])
        for k, i in enumerate(idx):
            if self.nin == 1:
                a[i] = self._f(a[i])
            else:
                a[i] = self._f(a[i], bv[k])

add = ufunc("add", _n.add, 2)
subtract = ufunc("subtract", _n.subtract, 2)
multiply = ufunc("multiply", _n.multiply, 2)
true_divide = ufunc("true_divide", _n.true_divide, 2)
divide = ufunc("divide", _n.divide, 2)
floor_divide = ufunc("floor_divide", _n.floor_divide, 2)
remainder = ufunc("remainder", _n.remainder, 2)
mod = ufunc("mod", _n.mod, 2)
fmod = ufunc("fmod", _n.fmod, 2)
power = ufunc("power", _n.power, 2)
float_power = ufunc("float_power", _n.float_power, 2)
maximum = ufunc("maximum", _n.maximum, 2)
minimum = ufunc("minimum", _n.minimum, 2)
fmax = ufunc("fmax", _n.fmax, 2)
fmin = ufunc("fmin", _n.fmin, 2)
arctan2 = ufunc("arctan2", _n.arctan2, 2)
hypot = ufunc("hypot", _n.hypot, 2)
copysign = ufunc("copysign", _n.copysign, 2)
logaddexp = ufunc("logaddexp", _n.logaddexp, 2)
logaddexp2 = ufunc("logaddexp2", _n.logaddexp2, 2)
equal = ufunc("equal", _n.equal, 2)
not_equal = ufunc("not_equal", _n.not_equal, 2)
less = ufunc("less", _n.less, 2)
less_equal = ufunc("less_equal", _n.less_equal, 2)
greater = ufunc("greater", _n.greater, 2)
greater_equal = ufunc("greater_equal", _n.greater_equal, 2)
logical_and = ufunc("logical_and", _n.logical_and, 2)
logical_or = ufunc("logical_or", _n.logical_or, 2)
logical_xor = ufunc("logical_xor", _n.logical_xor, 2)
bitwise_and = ufunc("bitwise_and", _n.bitwise_and, 2)
bitwise_or = ufunc("bitwise_or", _n.bitwise_or, 2)
bitwise_xor = ufunc("bitwise_xor", _n.bitwise_xor, 2)
left_shift = ufunc("left_shift", _n.left_shift, 2)
right_shift = ufunc("right_shift", _n.right_shift, 2)
heaviside = ufunc("heaviside", _n.heaviside, 2)
nextafter = ufunc("nextafter", _n.nextafter, 2)
negative = ufunc("negative", _n.negative, 1)
positive = ufunc("positive", _n.positive, 1)
absolute = ufunc("absolute", _n.absolute, 1)
fabs = ufunc("fabs", _n.fabs, 1)
sign = ufunc("sign", _n.sign, 1)
sqrt = ufunc("sqrt", _n.sqrt, 1)
cbrt = ufunc("cbrt", _n.cbrt, 1)
square = ufunc("square", _n.square, 1)
exp = ufunc("exp", _n.exp, 1)
exp2 = ufunc("exp2", _n.exp2, 1)
expm1 = ufunc("expm1", _n.expm1, 1)
log = ufunc("log", _n.log, 1)
log2 = ufunc("log2", _n.log2, 1)
log10 = ufunc("log10", _n.log10, 1)
log1p = ufunc("log1p", _n.log1p, 1)
sin = ufunc("sin", _n.sin, 1)
cos = ufunc("cos", _n.cos, 1)
tan = ufunc("tan", _n.tan, 1)
arcsin = ufunc("arcsin", _n.arcsin, 1)
arccos = ufunc("arccos", _n.arccos, 1)
arctan = ufunc("arctan", _n.arctan, 1)
sinh = ufunc("sinh", _n.sinh, 1)
cosh = ufunc("cosh", _n.cosh, 1)
tanh = ufunc("tanh", _n.tanh, 1)
arcsinh = ufunc("arcsinh", _n.arcsinh, 1)
arccosh = ufunc("arccosh", _n.arccosh, 1)
arctanh = ufunc("arctanh", _n.arctanh, 1)
floor = ufunc("floor", _n.floor, 1)
ceil = ufunc("ceil", _n.ceil, 1)
rint = ufunc("rint", _n.rint, 1)
trunc = ufunc("trunc", _n.trunc, 1)
reciprocal = ufunc("reciprocal", _n.reciprocal, 1)
isnan = ufunc("isnan", _n.isnan, 1)
isinf = ufunc("isinf", _n.isinf, 1)
isfinite = ufunc("isfinite", _n.isfinite, 1)
signbit = ufunc("signbit", _n.signbit, 1)
logical_not = ufunc("logical_not", _n.logical_not, 1)
invert = ufunc("invert", _n.invert, 1)
bitwise_not = ufunc("bitwise_not", _n.bitwise_not, 1)
deg2rad = ufunc("deg2rad", _n.deg2rad, 1)
rad2deg = ufunc("rad2deg", _n.rad2deg, 1)
degrees = ufunc("degrees", _n.degrees, 1)
radians = ufunc("radians", _n.radians, 1)
spacing = ufunc("spacing", _n.spacing, 1)
abs = absolute
mod = remainder
divide = ufunc("divide", _n.true_divide, 2)
true_divide = divide
bitwise_not = invert

def _rd(kind, a, axis=None, dtype=None, out=None, keepdims=False):
    return _n._reduce(kind, a, axis, keepdims, dtype, out)

def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=None):
    r = _rd("sum", a, axis, dtype, out, keepdims)
    if initial is not None:
        r = r + initial
    return r
def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=None):
    r = _rd("prod", a, axis, dtype, out, keepdims)
    if initial is not None:
        r = r * initial
    return r
def max(a, axis=None, out=None, keepdims=False, initial=None, where=None):
    return _rd("max", a, axis, None, out, keepdims)
def min(a, axis=None, out=None, keepdims=False, initial=None, where=None):
    return _rd("min", a, axis, None, out, keepdims)
amax = max
amin = min
def argmax(a, axis=None, out=None, keepdims=False):
    return _n._reduce("argmax", a, axis, keepdims, None, out)
def argmin(a, axis=None, out=None, keepdims=False):
    return _n._reduce("argmin", a, axis, keepdims, None, out)
def any(a, axis=None, out=None, keepdims=False, where=None):
    return _rd("any", a, axis, None, out, keepdims)
def all(a, axis=None, out=None, keepdims=False, where=None):
    return _rd("all", a, axis, None, out, keepdims)
def mean(a, axis=None, dtype=None, out=None, keepdims=False, where=None):
    return _rd("mean", a, axis, dtype, out, keepdims)
def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, where=None, mean=None, correction=None):
    if correction is not None:
        ddof = correction
    return _n._var(a, axis, ddof, keepdims, dtype)
def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, where=None, mean=None, correction=None):
    if correction is not None:
        ddof = correction
    return sqrt(_n._var(a, axis, ddof, keepdims, dtype))
def nansum(a, axis=None, dtype=None, out=None, keepdims=False):
    return _rd("nansum", a, axis, dtype, out, keepdims)
def nanmax(a, axis=None, out=None, keepdims=False):
    return _rd("nanmax", a, axis, None, out, keepdims)
def nanmin(a, axis=None, out=None, keepdims=False):
    return _rd("nanmin", a, axis, None, out, keepdims)
def nanmean(a, axis=None, dtype=None, out=None, keepdims=False):
    a = asarray(a)
    mask = isnan(a)
    cnt = sum(~mask, axis=axis, keepdims=keepdims)
    tot = nansum(a, axis=axis, dtype=dtype, keepdims=keepdims)
    return true_divide(tot, cnt)
def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    a = asarray(a)
    m = nanmean(a, axis=axis, keepdims=True)
    d = where(isnan(a), 0.0, a - m)
    cnt = sum(~isnan(a), axis=axis, keepdims=keepdims)
    return sqrt(sum(d * d, axis=axis, keepdims=keepdims) / (cnt - ddof))
def cumsum(a, axis=None, dtype=None, out=None):
    return _n._cumulative("sum", a, axis, dtype)
def cumprod(a, axis=None, dtype=None, out=None):
    return _n._cumulative("prod", a, axis, dtype)
def ptp(a, axis=None, out=None, keepdims=False):
    return subtract(max(a, axis=axis, keepdims=keepdims), min(a, axis=axis, keepdims=keepdims))
def count_nonzero(a, axis=None, keepdims=False):
    return sum(asarray(a) != 0, axis=axis, keepdims=keepdims)

def around(a, decimals=0, out=None):
    return _n._round_impl(a, decimals)
def round(a, decimals=0, out=None):
    return _n._round_impl(a, decimals)
def fix(x, out=None):
    x = asarray(x)
    return where(x >= 0, floor(x), ceil(x)) if x.ndim else (floor(x) if x >= 0 else ceil(x))
def clip(a, a_min=None, a_max=None, out=None, *, min=None, max=None, **kw):
    if min is not None:
        a_min = min
    if max is not None:
        a_max = max
    r = a
    if a_min is not None:
        r = maximum(r, a_min)
    if a_max is not None:
        r = minimum(r, a_max)
    if out is not None:
        out[...] = r
        return out
    return r
def divmod(x1, x2):
    return (floor_divide(x1, x2), remainder(x1, x2))
def isscalar(x):
    return isinstance(x, (int, float, bool, str)) or _n._is_scalar(x)
def ndim(a):
    return asarray(a).ndim
def shape(a):
    return asarray(a).shape
def size(a, axis=None):
    a = asarray(a)
    return a.size if axis is None else a.shape[axis]

def zeros_like(a, dtype=None, order="K", subok=True, shape=None, device=None):
    a = asarray(a)
    return zeros(a.shape if shape is None else shape, dtype=a.dtype if dtype is None else dtype)
def ones_like(a, dtype=None, order="K", subok=True, shape=None, device=None):
    a = asarray(a)
    return ones(a.shape if shape is None else shape, dtype=a.dtype if dtype is None else dtype)
def empty_like(a, dtype=None, order="K", subok=True, shape=None, device=None):
    a = asarray(a)
    return empty(a.shape if shape is None else shape, dtype=a.dtype if dtype is None else dtype)
def full_like(a, fill_value, dtype=None, order="K", subok=True, shape=None, device=None):
    a = asarray(a)
    return full(a.shape if shape is None else shape, fill_value, dtype=a.dtype if dtype is None else dtype)
def copy(a, order="K", subok=False):
    return array(a, copy=True)
def asanyarray(a, dtype=None):
    return asarray(a, dtype=dtype)
def ascontiguousarray(a, dtype=None):
    return array(a, dtype=dtype)

def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0, *, device=None):
    num = int(num)
    if num < 0:
        raise ValueError("Number of samples, %s, must be non-negative." % num)
    div = (num - 1) if endpoint else num
    start = asarray(start) * 1.0
    stop = asarray(stop) * 1.0
    dt = result_type(start, stop, float(num))
    delta = stop - start
    y = _n.arange(0, num, dtype=dt).reshape((-1,) + (1,) * ndim(delta))
    if div > 0:
        step = delta / div
        if _b.any(_b.bool(s == 0) for s in ravel(asarray(step))) if False else False:
            y = y / div
            y = y * delta
        else:
            y = y * step
    else:
        step = nan
        y = y * delta
    y = y + start
    if endpoint and num > 1:
        y[-1, ...] = stop
    if axis != 0:
        y = moveaxis(y, 0, axis)
    if dtype is not None:
        y = y.astype(dtype)
    if retstep:
        return y, step
    return y
def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    y = linspace(start, stop, num=num, endpoint=endpoint, axis=axis)
    r = power(base, y)
    if dtype is not None:
        r = r.astype(dtype)
    return r
def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    r = logspace(log10(start), log10(stop), num=num, endpoint=endpoint, base=10.0)
    if num > 0:
        r[0] = start
        if endpoint and num > 1:
            r[-1] = stop
    return r if dtype is None else r.astype(dtype)
def eye(N, M=None, k=0, dtype=float, order="C", *, device=None, like=None):
    if M is None:
        M = N
    m = zeros((N, M), dtype=dtype)
    for i in range(N):
        j = i + k
        if 0 <= j < M:
            m[i, j] = 1
    return m
def identity(n, dtype=None, *, like=None):
    return eye(n, dtype=float if dtype is None else dtype)
def diag(v, k=0):
    v = asarray(v)
    if v.ndim == 1:
        n = v.shape[0] + _b.abs(k)
        res = zeros((n, n), dtype=v.dtype)
        for i in range(v.shape[0]):
            if k >= 0:
                res[i, i + k] = v[i]
            else:
                res[i - k, i] = v[i]
        return res
    elif v.ndim == 2:
        return diagonal(v, k).copy()
    raise ValueError("Input must be 1- or 2-d.")
def diagflat(v, k=0):
    return diag(ravel(v), k)
def diagonal(a, offset=0, axis1=0, axis2=1):
    a = asarray(a)
    if a.ndim != 2:
        raise ValueError("diag requires an array of at least two dimensions")
    n, m = a.shape
    if offset >= 0:
        cnt = _b.max(0, _b.min(n, m - offset))
        idx = [(i, i + offset) for i in range(cnt)]
    else:
        cnt = _b.max(0, _b.min(n + offset, m))
        idx = [(i - offset, i) for i in range(cnt)]
    st = _n._elem_strides(a)
    off = (idx[0][0] * st[0] + idx[0][1] * st[1]) if cnt else 0
    r = _n._view(a, (cnt,), (st[0] + st[1],), off)
    _n._set_writeable(r, False)
    return r
def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    return sum(diagonal(a, offset), dtype=dtype)
def tri(N, M=None, k=0, dtype=float):
    if M is None:
        M = N
    return (arange(N).reshape(N, 1) + k >= arange(M)).astype(dtype)
def tril(m, k=0):
    m = asarray(m)
    mask = tri(m.shape[-2], m.shape[-1], k=k, dtype=bool)
    return where(mask, m, zeros(1, m.dtype))
def triu(m, k=0):
    m = asarray(m)
    mask = tri(m.shape[-2], m.shape[-1], k=k - 1, dtype=bool)
    return where(mask, zeros(1, m.dtype), m)

def meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    ndim_ = len(xi)
    s0 = (1,) * ndim_
    output = [asarray(x).reshape(s0[:i] + (-1,) + s0[i + 1:]) for i, x in enumerate(xi)]
    if indexing == "xy" and ndim_ > 1:
        output[0] = output[0].reshape((1, -1) + s0[2:])
        output[1] = output[1].reshape((-1, 1) + s0[2:])
    if not sparse:
        output = broadcast_arrays(*output)
        output = [x.copy() for x in output]
    return tuple(output) if False else list(output) if False else tuple(output)

class _GridClass:
    def __init__(self, sparse):
        self.sparse = sparse
    def __getitem__(self, key):
        if not isinstance(key, tuple):
            key = (key,)
        axes = []
        for k in key:
            start = 0 if k.start is None else k.start
            step = 1 if k.step is None else k.step
            if not isinstance(step, (int, float)):
                axes.append(linspace(start, k.stop, int(_b.abs(step))))
            else:
                axes.append(arange(start, k.stop, step))
        if len(axes) == 1:
            return axes[0]
        out = meshgrid(*axes, indexing="ij", sparse=self.sparse)
        if self.sparse:
            return tuple(out)
        return stack(out)
mgrid = _GridClass(False)
ogrid = _GridClass(True)

class _ConcatClass:
    def __init__(self, axis, columns):
        self.axis = axis
        self.columns = columns
    def __getitem__(self, key):
        if not isinstance(key, tuple):
            key = (key,)
        parts = []
        for k in key:
            if isinstance(k, slice):
                step = 1 if k.step is None else k.step
                start = 0 if k.start is None else k.start
                if isinstance(step, (int, float)):
                    parts.append(arange(start, k.stop, step))
                else:
                    parts.append(linspace(start, k.stop, int(_b.abs(step))))
            else:
                parts.append(asarray(k))
        if self.columns:
            parts = [p.reshape(-1, 1) if p.ndim == 1 else p for p in parts]
            return concatenate(parts, axis=1)
        parts = [p.reshape(1) if p.ndim == 0 else p for p in parts]
        return concatenate(parts, axis=self.axis)
r_ = _ConcatClass(0, False)
c_ = _ConcatClass(-1, True)

def ravel(a, order="C"):
    return asarray(a).ravel()
def swapaxes(a, axis1, axis2):
    a = asarray(a)
    p = list(range(a.ndim))
    axis1 = _n._norm_axis(axis1, a.ndim, "axis1")
    axis2 = _n._norm_axis(axis2, a.ndim, "axis2")
    p[axis1], p[axis2] = p[axis2], p[axis1]
    return transpose(a, p)
def moveaxis(a, source, destination):
    a = asarray(a)
    if isinstance(source, int):
        source = [source]
    if isinstance(destination, int):
        destination = [destination]
    source = [_n._norm_axis(s, a.ndim) for s in source]
    destination = [_n._norm_axis(s, a.ndim) for s in destination]
    order = [n for n in range(a.ndim) if n not in source]
    for dest, src in sorted(zip(destination, source)):
        order.insert(dest, src)
    return transpose(a, order)
def expand_dims(a, axis):
    a = asarray(a)
    if isinstance(axis, int):
        axis = (axis,)
    out_ndim = len(axis) + a.ndim
    axis = [_n._norm_axis(x, out_ndim) for x in axis]
    it = iter(a.shape)
    shp = [1 if ax in axis else next(it) for ax in range(out_ndim)]
    return a.reshape(shp)
def squeeze(a, axis=None):
    a = asarray(a)
    if axis is None:
        return a.reshape([s for s in a.shape if s != 1])
    if isinstance(axis, int):
        axis = (axis,)
    axis = [_n._norm_axis(x, a.ndim) for x in axis]
    for ax in axis:
        if a.shape[ax] != 1:
            raise ValueError("cannot select an axis to squeeze out which has size not equal to one")
    return a.reshape([s for i, s in enumerate(a.shape) if i not in axis])
def atleast_1d(*arys):
    res = [asarray(a) if asarray(a).ndim >= 1 else asarray(a).reshape(1) for a in arys]
    return res[0] if len(res) == 1 else tuple(res)
def atleast_2d(*arys):
    res = []
    for a in arys:
        a = asarray(a)
        if a.ndim == 0:
            a = a.reshape(1, 1)
        elif a.ndim == 1:
            a = a[None, :]
        res.append(a)
    return res[0] if len(res) == 1 else tuple(res)
def atleast_3d(*arys):
    res = []
    for a in arys:
        a = asarray(a)
        if a.ndim == 0:
            a = a.reshape(1, 1, 1)
        elif a.ndim == 1:
            a = a[None, :, None]
        elif a.ndim == 2:
            a = a[:, :, None]
        res.append(a)
    return res[0] if len(res) == 1 else tuple(res)
def stack(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    arrays = [asarray(a) for a in arrays]
    if not arrays:
        raise ValueError("need at least one array to stack")
    shapes = set(a.shape for a in arrays)
    if len(shapes) != 1:
        raise ValueError("all input arrays must have the same shape")
    result_ndim = arrays[0].ndim + 1
    axis = _n._norm_axis(axis, result_ndim)
    expanded = [expand_dims(a, axis) for a in arrays]
    return concatenate(expanded, axis=axis, dtype=dtype)
def vstack(tup, *, dtype=None, casting="same_kind"):
    arrs = atleast_2d(*tup)
    if not isinstance(arrs, tuple):
        arrs = [arrs]
    return concatenate(arrs, 0, dtype=dtype)
row_stack = vstack
def hstack(tup, *, dtype=None, casting="same_kind"):
    arrs = atleast_1d(*tup)
    if not isinstance(arrs, tuple):
        arrs = [arrs]
    if arrs and arrs[0].ndim == 1:
        return concatenate(arrs, 0, dtype=dtype)
    return concatenate(arrs, 1, dtype=dtype)
def dstack(tup):
    arrs = atleast_3d(*tup)
    if not isinstance(arrs, tuple):
        arrs = [arrs]
    return concatenate(arrs, 2)
def column_stack(tup):
    arrays = []
    for v in tup:
        arr = asarray(v)
        if arr.ndim < 2:
            arr = array(arr, ndmin=2).T
        arrays.append(arr)
    return concatenate(arrays, 1)
def array_split(ary, indices_or_sections, axis=0):
    ary = asarray(ary)
    Ntotal = ary.shape[axis]
    if isinstance(indices_or_sections, int):
        Nsections = indices_or_sections
        if Nsections <= 0:
            raise ValueError("number sections must be larger than 0.")
        Neach, extras = _b.divmod(Ntotal, Nsections)
        sizes = [0] + extras * [Neach + 1] + (Nsections - extras) * [Neach]
        div_points = []
        acc = 0
        for s in sizes:
            acc += s
            div_points.append(acc)
    else:
        div_points = [0] + list(indices_or_sections) + [Ntotal]
        Nsections = len(div_points) - 1
    sub_arys = []
    sary = swapaxes(ary, axis, 0)
    for i in range(Nsections):
        st = div_points[i]
        end = div_points[i + 1]
        sub_arys.append(swapaxes(sary[st:end], axis, 0))
    return sub_arys
def split(ary, indices_or_sections, axis=0):
    if isinstance(indices_or_sections, int):
        N = asarray(ary).shape[axis]
        if N % indices_or_sections:
            raise ValueError("array split does not result in an equal division")
    return array_split(ary, indices_or_sections, axis)
def hsplit(ary, indices_or_sections):
    ary = asarray(ary)
    if ary.ndim == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return split(ary, indices_or_sections, 1 if ary.ndim > 1 else 0)
def vsplit(ary, indices_or_sections):
    ary = asarray(ary)
    if ary.ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return split(ary, indices_or_sections, 0)
def dsplit(ary, indices_or_sections):
    return split(ary, indices_or_sections, 2)
def tile(A, reps):
    A = asarray(A)
    tup = (reps,) if isinstance(reps, int) else tuple(reps)
    d = len(tup)
    if d < A.ndim:
        tup = (1,) * (A.ndim - d) + tup
    c = A.reshape((1,) * (len(tup) - A.ndim) + A.shape)
    for ax, r in enumerate(tup):
        if r != 1:
            c = concatenate([c] * r, axis=ax) if r > 0 else c.take([], axis=ax) if False else concatenate([c] * r, axis=ax) if r > 0 else zeros(c.shape[:ax] + (0,) + c.shape[ax + 1:], c.dtype)
    return c.copy()
def repeat(a, repeats, axis=None):
    a = asarray(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    axis = _n._norm_axis(axis, a.ndim)
    n = a.shape[axis]
    if isinstance(repeats, int):
        reps = [repeats] * n
    else:
        reps = list(asarray(repeats).ravel().tolist())
        if len(reps) == 1:
            reps = reps * n
    idx = []
    for i, r in enumerate(reps):
        idx += [i] * r
    return take(a, array(idx, dtype=int64), axis=axis)
def take(a, indices, axis=None, out=None, mode="raise"):
    a = asarray(a)
    if axis is None:
        return a.ravel()[indices]
    axis = _n._norm_axis(axis, a.ndim)
    key = (slice(None),) * axis + (asarray(indices),)
    return a[key]
def put(a, ind, v, mode="raise"):
    flat = a.reshape(-1) if _n._elem_strides(a) == _n._elem_strides(a.copy()) else None
    ind = asarray(ind).ravel()
    v = asarray(v).ravel()
    for k in range(ind.size):
        a.reshape(-1)[int(ind[k])] = v[k % v.size]
def take_along_axis(arr, indices, axis=-1):
    arr = asarray(arr)
    indices = asarray(indices)
    if axis is None:
        return arr.ravel()[indices]
    axis = _n._norm_axis(axis, arr.ndim)
    idx = []
    for d in range(arr.ndim):
        if d == axis:
            idx.append(indices)
        else:
            shp = [1] * arr.ndim
            shp[d] = arr.shape[d]
            idx.append(arange(arr.shape[d]).reshape(shp))
    return arr[tuple(idx)]
def put_along_axis(arr, indices, values, axis):
    axis = _n._norm_axis(axis, arr.ndim)
    idx = []
    for d in range(arr.ndim):
        if d == axis:
            idx.append(asarray(indices))
        else:
            shp = [1] * arr.ndim
            shp[d] = arr.shape[d]
            idx.append(arange(arr.shape[d]).reshape(shp))
    arr[tuple(idx)] = values
def flip(m, axis=None):
    m = asarray(m)
    if axis is None:
        return m[(slice(None, None, -1),) * m.ndim]
    if isinstance(axis, int):
        axis = (axis,)
    axis = [_n._norm_axis(a, m.ndim) for a in axis]
    return m[tuple(slice(None, None, -1) if i in axis else slice(None) for i in range(m.ndim))]
def fliplr(m):
    m = asarray(m)
    if m.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return m[:, ::-1]
def flipud(m):
    m = asarray(m)
    if m.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return m[::-1, ...]
def roll(a, shift, axis=None):
    a = asarray(a)
    if axis is None:
        return roll(a.ravel(), shift, 0).reshape(a.shape)
    if isinstance(axis, int):
        axis = (axis,)
        shift = (shift,) if isinstance(shift, int) else shift
    elif isinstance(shift, int):
        shift = (shift,) * len(axis)
    res = a
    for ax, sh in zip(axis, shift):
        ax = _n._norm_axis(ax, a.ndim)
        n = a.shape[ax]
        if n == 0:
            continue
        sh = sh % n
        idx = concatenate([arange(n - sh, n), arange(0, n - sh)])
        res = take(res, idx, axis=ax)
    return res
def rot90(m, k=1, axes=(0, 1)):
    m = asarray(m)
    k = k % 4
    if k == 0:
        return m[:]
    if k == 2:
        return flip(flip(m, axes[0]), axes[1])
    axes_list = list(range(0, m.ndim))
    axes_list[axes[0]], axes_list[axes[1]] = axes_list[axes[1]], axes_list[axes[0]]
    if k == 1:
        return transpose(flip(m, axes[1]), axes_list)
    return flip(transpose(m, axes_list), axes[1])
def broadcast_arrays(*args, subok=False):
    args = [asarray(a) for a in args]
    shp = _n._broadcast_shape([a.shape for a in args])
    return tuple(a if a.shape == shp else broadcast_to(a, shp) for a in args)
def broadcast_shapes(*args):
    return _n._broadcast_shape([tuple(a) if not isinstance(a, int) else (a,) for a in args])

def argwhere(a):
    a = asarray(a)
    if a.ndim == 0:
        a = a.reshape(1)
        return transpose(stack(nonzero(a)))[:, :0]
    return transpose(stack(nonzero(a))) if a.size else zeros((0, a.ndim), dtype=int64)
def flatnonzero(a):
    return nonzero(ravel(a))[0]
def select(condlist, choicelist, default=0):
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    result = default
    for cond, choice in reversed(list(zip(condlist, choicelist))):
        result = where(cond, choice, result)
    return asarray(result)
def sort(a, axis=-1, kind=None, order=None, *, stable=None):
    return _n._sort(a, axis, False, kind)
def argsort(a, axis=-1, kind=None, order=None, *, stable=None):
    return _n._sort(a, axis, True, kind)
def _method_sort(self, axis=-1, kind=None, order=None, *, stable=None):
    self[...] = _n._sort(self, axis, False, kind)
def partition(a, kth, axis=-1, kind="introselect", order=None):
    return sort(a, axis)
def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    return argsort(a, axis, kind="stable")
def _method_partition(self, kth, axis=-1, kind="introselect", order=None):
    self[...] = sort(self, axis)
def msort(a):
    return sort(a, axis=0)
def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *, equal_nan=True, sorted=True):
    ar = asarray(ar)
    orig_shape = ar.shape
    ar = ar.ravel()
    perm = argsort(ar, kind="stable")
    aux = ar[perm]
    if aux.size:
        mask = concatenate([array([True]), aux[1:] != aux[:-1]])
        if aux.dtype.kind == "f" and isnan(aux[-1]):
            nanmask = isnan(aux)
            first_nan = int(argmax(nanmask))
            mask[first_nan + 1:] = False
    else:
        mask = zeros(0, dtype=bool)
    ret = (aux[mask],)
    if return_index:
        ret += (perm[mask],)
    if return_inverse:
        imask = cumsum(mask) - 1
        inv_idx = empty(mask.shape, dtype=int64)
        inv_idx[perm] = imask
        ret += (inv_idx.reshape(orig_shape) if len(orig_shape) > 1 else inv_idx,)
    if return_counts:
        idx = concatenate(nonzero(mask) + (array([mask.size]),))
        ret += (diff(idx),)
    if len(ret) == 1:
        return ret[0]
    return ret
def searchsorted(a, v, side="left", sorter=None):
    return _n._searchsorted(a, v, side, sorter)
def bincount(x, weights=None, minlength=0):
    x = asarray(x)
    if x.ndim != 1:
        raise ValueError("object too deep for desired array")
    if x.size and int(min(x)) < 0:
        raise ValueError("'list' argument must have no negative elements")
    n = _b.max(int(max(x)) + 1 if x.size else 0, minlength)
    if weights is None:
        out = zeros(n, dtype=int64)
        for v in x.tolist():
            out[v] += 1
        return out
    w = asarray(weights, dtype=float64)
    out = zeros(n, dtype=float64)
    for i, v in enumerate(x.tolist()):
        out[v] += w[i]
    return out
def digitize(x, bins, right=False):
    x = asarray(x)
    bins = asarray(bins)
    mono = 1 if bins.size < 2 or bins[-1] >= bins[0] else -1
    side = "left" if right else "right"
    if mono == -1:
        return len(bins) - searchsorted(bins[::-1], x, side=side)
    return searchsorted(bins, x, side=side)
def histogram(a, bins=10, range=None, density=None, weights=None):
    a = asarray(a).ravel()
    if isinstance(bins, int):
        if range is None:
            first_edge, last_edge = (float(a.min()), float(a.max())) if a.size else (0.0, 1.0)
        else:
            first_edge, last_edge = float(range[0]), float(range[1])
        if first_edge == last_edge:
            first_edge = first_edge - 0.5
            last_edge = last_edge + 0.5
        bin_edges = linspace(first_edge, last_edge, bins + 1, endpoint=True)
        n = bins
        keep = (a >= first_edge) & (a <= last_edge)
        tmp_a = a[keep]
        f_indices = ((tmp_a - first_edge) / (last_edge - first_edge)) * n
        indices = f_indices.astype(int64)
        indices[indices == n] -= 1
        decrement = tmp_a < bin_edges[indices]
        indices[decrement] -= 1
        increment = (tmp_a >= bin_edges[indices + 1]) & (indices != n - 1)
        indices[increment] += 1
        if weights is None:
            hist = bincount(indices, minlength=n)
        else:
            hist = bincount(indices, weights=asarray(weights).ravel()[keep], minlength=n)
    else:
        bin_edges = asarray(bins)
        idx = searchsorted(bin_edges, a, side="right")
        idx[a == bin_edges[-1]] = len(bin_edges) - 1
        cnt = bincount(idx, minlength=len(bin_edges) + 1) if weights is None else bincount(idx, weights=asarray(weights).ravel(), minlength=len(bin_edges) + 1)
        hist = cnt[1:-1]
    if density:
        db = diff(bin_edges)
        return hist / db / hist.sum(), bin_edges
    return hist, bin_edges
def diff(a, n=1, axis=-1, prepend=None, append=None):
    a = asarray(a)
    if prepend is not None:
        p = asarray(prepend)
        if p.ndim == 0:
            shp = list(a.shape)
            shp[axis] = 1
            p = broadcast_to(p, tuple(shp))
        a = concatenate((p, a), axis=axis)
    if append is not None:
        p = asarray(append)
        if p.ndim == 0:
            shp = list(a.shape)
            shp[axis] = 1
            p = broadcast_to(p, tuple(shp))
        a = concatenate((a, p), axis=axis)
    axis = _n._norm_axis(axis, a.ndim)
    s1 = [slice(None)] * a.ndim
    s2 = [slice(None)] * a.ndim
    s1[axis] = slice(1, None)
    s2[axis] = slice(None, -1)
    op = not_equal if a.dtype == bool else subtract
    for _ in range(n):
        a = op(a[tuple(s1)], a[tuple(s2)])
    return a
def ediff1d(ary, to_end=None, to_begin=None):
    return diff(ravel(ary))
def gradient(f, *varargs, axis=None, edge_order=1):
    f = asarray(f)
    if f.dtype.kind != "f":
        f = f.astype(float64)
    N = f.ndim
    axes = list(range(N)) if axis is None else ([axis] if isinstance(axis, int) else list(axis))
    dx = [1.0] * len(axes) if len(varargs) == 0 else (list(varargs) * len(axes) if len(varargs) == 1 else list(varargs))
    outvals = []
    for i, ax in enumerate(axes):
        ax = _n._norm_axis(ax, N)
        h = dx[i]
        out = empty_like(f)
        def sl(s):
            t = [slice(None)] * N
            t[ax] = s
            return tuple(t)
        if f.shape[ax] < edge_order + 1:
            raise ValueError("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.")
        if ndim(h) == 0:
            out[sl(slice(1, -1))] = (f[sl(slice(2, None))] - f[sl(slice(None, -2))]) / (2.0 * h)
            if edge_order == 1:
                out[sl(0)] = (f[sl(1)] - f[sl(0)]) / h
                out[sl(-1)] = (f[sl(-1)] - f[sl(-2)]) / h
            else:
                a = -1.5 / h
                b = 2. / h
                c = -0.5 / h
                out[sl(0)] = a * f[sl(0)] + b * f[sl(1)] + c * f[sl(2)]
                a = 0.5 / h
                b = -2. / h
                c = 1.5 / h
                out[sl(-1)] = a * f[sl(-3)] + b * f[sl(-2)] + c * f[sl(-1)]
        else:
            x = asarray(h, dtype=float64)
            dxs = diff(x)
            dx1 = dxs[0:-1]
            dx2 = dxs[1:]
            a = -(dx2) / (dx1 * (dx1 + dx2))
            b = (dx2 - dx1) / (dx1 * dx2)
            c = dx1 / (dx2 * (dx1 + dx2))
            shp = [1] * N
            shp[ax] = -1
            a = a.reshape(shp)
            b = b.reshape(shp)
            c = c.reshape(shp)
            out[sl(slice(1, -1))] = a * f[sl(slice(None, -2))] + b * f[sl(slice(1, -1))] + c * f[sl(slice(2, None))]
            out[sl(0)] = (f[sl(1)] - f[sl(0)]) / dxs[0]
            out[sl(-1)] = (f[sl(-1)] - f[sl(-2)]) / dxs[-1]
        outvals.append(out)
    if len(outvals) == 1:
        return outvals[0]
    return tuple(outvals)
def interp(x, xp, fp, left=None, right=None, period=None):
    return _n._interp(x, xp, fp, left, right)
def convolve(a, v, mode="full"):
    a = asarray(a).ravel()
    v = asarray(v).ravel()
    if len(v) > len(a):
        a, v = v, a
    if len(a) == 0:
        raise ValueError("a cannot be empty")
    if len(v) == 0:
        raise ValueError("v cannot be empty")
    return _n._correlate(a, v[::-1], mode)
def correlate(a, v, mode="valid"):
    a = asarray(a).ravel()
    v = asarray(v).ravel()
    if len(v) > len(a):
        return _n._correlate(v, a, mode)[::-1]
    return _n._correlate(a, v, mode)

def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    x, y, atol, rtol = (asarray(t) for t in (a, b, atol, rtol))
    if x.dtype.kind != "f" and y.dtype.kind != "f":
        x = x.astype(float64) if False else x
    dt = result_type(y, 1.)
    y = asarray(y, dtype=dt)
    with errstate(invalid="ignore"):
        result = less_equal(abs(x - y), atol + rtol * abs(y)) & isfinite(y) | (x == y)
        if equal_nan:
            result |= isnan(x) & isnan(y)
    return result[()] if result.ndim == 0 else result
def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    res = all(isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan))
    return _b.bool(res)
def array_equal(a1, a2, equal_nan=False):
    try:
        a1, a2 = asarray(a1), asarray(a2)
    except Exception:
        return False
    if a1.shape != a2.shape:
        return False
    if not equal_nan:
        return _b.bool(asarray(a1 == a2).all())
    a1nan, a2nan = isnan(a1), isnan(a2)
    if not (a1nan == a2nan).all():
        return False
    return _b.bool((a1[~a1nan] == a2[~a1nan]).all())
def array_equiv(a1, a2):
    try:
        a1, a2 = asarray(a1), asarray(a2)
        broadcast_shapes(a1.shape, a2.shape)
    except Exception:
        return False
    return _b.bool(asarray(a1 == a2).all())

class errstate:
    def __init__(self, **kw):
        self.kw = kw
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
    def __call__(self, f):
        return f
def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    return {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}
def geterr():
    return {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}

class printoptions:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs
    def __enter__(self):
        self.saved = get_printoptions()
        set_printoptions(*self.args, **self.kwargs)
        return get_printoptions()
    def __exit__(self, *exc):
        s = self.saved
        set_printoptions(precision=s["precision"], threshold=s["threshold"], edgeitems=s["edgeitems"],
                         linewidth=s["linewidth"], suppress=s["suppress"], nanstr=s["nanstr"], infstr=s["infstr"],
                         sign=s["sign"], floatmode=s["floatmode"])
        return False

def dot(a, b, out=None):
    a = asarray(a)
    b = asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        return multiply(a, b)
    if a.ndim <= 2 and b.ndim <= 2:
        if a.shape[-1] != b.shape[0]:
            raise ValueError("shapes %s and %s not aligned: %d (dim %d) != %d (dim 0)" % (_shape_str(a.shape), _shape_str(b.shape), a.shape[-1], a.ndim - 1, b.shape[0]))
        return matmul(a, b)
    return tensordot(a, b, axes=([a.ndim - 1], [b.ndim - 2]))
def _shape_str(s):
    if len(s) == 1:
        return "(%d,)" % s[0]
    return "(" + ",".join(str(x) for x in s) + ")"
def vdot(a, b):
    return dot(ravel(a), ravel(b))
def inner(a, b):
    a = asarray(a)
    b = asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        return multiply(a, b)
    return tensordot(a, b, axes=([a.ndim - 1], [b.ndim - 1]))
def outer(a, b, out=None):
    a = asarray(a).ravel()
    b = asarray(b).ravel()
    return multiply(a[:, None], b[None, :])
def tensordot(a, b, axes=2):
    a = asarray(a)
    b = asarray(b)
    if isinstance(axes, int):
        axes_a = list(range(a.ndim - axes, a.ndim))
        axes_b = list(range(0, axes))
    else:
        axes_a, axes_b = axes
        axes_a = [axes_a] if isinstance(axes_a, int) else list(axes_a)
        axes_b = [axes_b] if isinstance(axes_b, int) else list(axes_b)
    axes_a = [_n._norm_axis(x, a.ndim) for x in axes_a]
    axes_b = [_n._norm_axis(x, b.ndim) for x in axes_b]
    for x, y in zip(axes_a, axes_b):
        if a.shape[x] != b.shape[y]:
            raise ValueError("shape-mismatch for sum")
    notin_a = [k for k in range(a.ndim) if k not in axes_a]
    notin_b = [k for k in range(b.ndim) if k not in axes_b]
    n2 = 1
    for x in axes_a:
        n2 *= a.shape[x]
    N1 = 1
    for x in notin_a:
        N1 *= a.shape[x]
    M2 = 1
    for x in notin_b:
        M2 *= b.shape[x]
    at = transpose(a, notin_a + axes_a).reshape((N1, n2))
    bt = transpose(b, axes_b + notin_b).reshape((n2, M2))
    res = matmul(at, bt).reshape([a.shape[x] for x in notin_a] + [b.shape[x] for x in notin_b])
    return res[()] if res.ndim == 0 else res
def kron(a, b):
    a = asarray(a)
    b = asarray(b)
    nd = _b.max(a.ndim, b.ndim)
    a = a.reshape((1,) * (nd - a.ndim) + a.shape)
    b = b.reshape((1,) * (nd - b.ndim) + b.shape)
    res = multiply(a.reshape(sum([[s, 1] for s in a.shape], [])) if False else _kron_expand(a, 0), _kron_expand(b, 1))
    return res.reshape([a.shape[i] * b.shape[i] for i in range(nd)])
def _kron_expand(x, pos):
    shp = []
    for s in x.shape:
        shp += [s, 1] if pos == 0 else [1, s]
    return x.reshape(shp)
def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    a = asarray(a)
    b = asarray(b)
    if a.shape[-1] == 2 and b.shape[-1] == 2:
        return a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)")
    a0, a1 = a[..., 0], a[..., 1]
    a2 = a[..., 2] if a.shape[-1] == 3 else zeros_like(a0)
    b0, b1 = b[..., 0], b[..., 1]
    b2 = b[..., 2] if b.shape[-1] == 3 else zeros_like(b0)
    cp0 = a1 * b2 - a2 * b1
    cp1 = a2 * b0 - a0 * b2
    cp2 = a0 * b1 - a1 * b0
    return stack([cp0, cp1, cp2], axis=-1)
def einsum(subscripts, *operands, out=None, dtype=None, order="K", casting="safe", optimize=False):
    return _n._einsum(subscripts, list(operands))

def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    return quantile(a, 0.5, axis=axis, keepdims=keepdims)
def percentile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *, weights=None):
    return quantile(a, true_divide(q, 100), axis=axis, method=method, keepdims=keepdims)
def quantile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *, weights=None):
    a = asarray(a)
    q = asarray(q)
    if a.dtype.kind != "f":
        a = a.astype(float64)
    if axis is None:
        arr = a.ravel()
        ax = 0
    elif isinstance(axis, (tuple, list)):
        axes = [_n._norm_axis(x, a.ndim) for x in axis]
        keep = [d for d in range(a.ndim) if d not in axes]
        arr = transpose(a, keep + axes)
        arr = arr.reshape(tuple(a.shape[d] for d in keep) + (-1,))
        ax = arr.ndim - 1
    else:
        ax = _n._norm_axis(axis, a.ndim)
        arr = a
    srt = sort(arr, axis=ax)
    n = arr.shape[ax]
    qs = q.ravel().tolist() if q.ndim else [float(q)]
    outs = []
    for qq in qs:
        virtual = qq * (n - 1)
        prev = int(_math.floor(virtual))
        nxt = _b.min(prev + 1, n - 1)
        gamma = virtual - prev
        below = take(srt, prev, axis=ax)
        above = take(srt, nxt, axis=ax)
        if method == "lower":
            r = below
        elif method == "higher":
            r = above
        elif method == "nearest":
            r = above if gamma > 0.5 or (gamma == 0.5 and prev % 2 == 1) else below
        elif method == "midpoint":
            r = (below + above) / 2
        else:
            diff_b_a = subtract(above, below)
            lerp = add(below, diff_b_a * gamma)
            r = where(asarray(gamma >= 0.5), subtract(above, diff_b_a * (1 - gamma)), lerp)
        if _b.any(True for _ in [0]) and asarray(isnan(take(srt, n - 1, axis=ax))).any():
            r = where(isnan(take(srt, n - 1, axis=ax)), nan, r)
        outs.append(asarray(r))
    if q.ndim == 0:
        res = outs[0]
    else:
        res = stack(outs).reshape(q.shape + outs[0].shape)
    if keepdims:
        if axis is None:
            res = res.reshape(q.shape + (1,) * a.ndim)
        else:
            res = expand_dims(res, ax + q.ndim)
    return res[()] if res.ndim == 0 else res
def average(a, axis=None, weights=None, returned=False, *, keepdims=False):
    a = asarray(a)
    if weights is None:
        avg = mean(a, axis=axis, keepdims=keepdims)
        scl = asarray(avg).dtype.type(a.size / asarray(avg).size)
    else:
        wgt = asarray(weights)
        if a.shape != wgt.shape:
            if axis is None:
                raise TypeError("Axis must be specified when shapes of a and weights differ.")
            shp = [1] * a.ndim
            shp[axis] = -1
            wgt = wgt.reshape(shp)
        dt = result_type(a.dtype, wgt.dtype, 1.0)
        scl = wgt.sum(axis=axis, dtype=dt, keepdims=keepdims)
        if asarray(scl == 0.0).any():
            raise ZeroDivisionError("Weights sum to zero, can't be normalized")
        avg = multiply(a, wgt, dtype=dt).sum(axis=axis, keepdims=keepdims) / scl
    if returned:
        if asarray(scl).shape != asarray(avg).shape:
            scl = broadcast_to(scl, asarray(avg).shape).copy()
        return avg, scl
    return avg
def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *, dtype=None):
    X = array(m, ndmin=2, dtype=float64 if dtype is None else dtype)
    if not rowvar and X.shape[0] != 1:
        X = X.T
    if y is not None:
        y = array(y, ndmin=2, dtype=float64)
        if not rowvar and y.shape[0] != 1:
            y = y.T
        X = concatenate((X, y), axis=0)
    if ddof is None:
        ddof = 0 if bias else 1
    avg = average(X, axis=1)
    fact = X.shape[1] - ddof
    if fact <= 0:
        fact = 0.0
    X = X - avg[:, None]
    c = dot(X, X.T.conj())
    c = c * true_divide(1, fact)
    return c.squeeze()
def corrcoef(x, y=None, rowvar=True, *, dtype=None):
    c = cov(x, y, rowvar, dtype=dtype)
    try:
        d = diag(c)
    except ValueError:
        return c / c
    stddev = sqrt(d.real)
    c = c / stddev[:, None]
    c = c / stddev[None, :]
    clip(c, -1, 1, out=c)
    return c
def polyval(p, x):
    p = asarray(p)
    x = asarray(x)
    y = zeros_like(x)
    for pv in p:
        y = y * x + pv
    return y
def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    x = asarray(x) + 0.0
    y = asarray(y) + 0.0
    order = int(deg) + 1
    if rcond is None:
        rcond = len(x) * finfo(x.dtype).eps
    lhs = vander(x, order)
    rhs = y
    scale = sqrt((lhs * lhs).sum(axis=0))
    lhs = lhs / scale
    import numpy.linalg as _la
    c, resids, rank, s = _la.lstsq(lhs, rhs, rcond)
    c = (c.T / scale).T
    if full:
        return c, resids, rank, s, rcond
    return c
def vander(x, N=None, increasing=False):
    x = asarray(x)
    if N is None:
        N = len(x)
    cols = [x ** (N - 1 - i) if not increasing else x ** i for i in range(N)]
    return stack(cols, axis=1) if N else zeros((len(x), 0))
def pad(array_, pad_width, mode="constant", constant_values=0, **kwargs):
    a = asarray(array_)
    pw = asarray(pad_width).tolist()
    if isinstance(pw, int):
        pw = [[pw, pw]] * a.ndim
    elif len(pw) and isinstance(pw[0], int):
        pw = [pw if len(pw) == 2 else [pw[0], pw[0]]] * a.ndim
    elif len(pw) == 1:
        pw = [pw[0]] * a.ndim
    out = a
    for ax in range(a.ndim):
        before, after = pw[ax]
        shp_b = list(out.shape)
        shp_b[ax] = before
        shp_a = list(out.shape)
        shp_a[ax] = after
        if mode == "constant":
            cv = constant_values
            if isinstance(cv, (list, tuple)):
                cv = asarray(cv).tolist()
                if isinstance(cv[0], list):
                    cv = cv[ax] if len(cv) > 1 else cv[0]
                cb, ca = (cv[0], cv[1]) if len(cv) == 2 else (cv[0], cv[0])
            else:
                cb, ca = cv, cv
            parts = [full(shp_b, cb, dtype=out.dtype), out, full(shp_a, ca, dtype=out.dtype)]
        elif mode == "edge":
            n = out.shape[ax]
            parts = [repeat(take(out, [0], axis=ax), before, axis=ax), out, repeat(take(out, [n - 1], axis=ax), after, axis=ax)]
        elif mode == "reflect":
            n = out.shape[ax]
            parts = [take(out, list(range(before, 0, -1)), axis=ax), out, take(out, list(range(n - 2, n - 2 - after, -1)), axis=ax)]
        elif mode == "wrap":
            n = out.shape[ax]
            parts = [take(out, list(range(n - before, n)), axis=ax), out, take(out, list(range(0, after)), axis=ax)]
        else:
            raise ValueError("mode '%s' is not supported" % mode)
        out = concatenate(parts, axis=ax)
    return out
def compress(condition, a, axis=None, out=None):
    a = asarray(a)
    cond = asarray(condition, dtype=bool)
    if axis is None:
        return a.ravel()[nonzero(cond)[0]]
    return take(a, nonzero(cond)[0], axis=axis)
def choose(a, choices, out=None, mode="raise"):
    a = asarray(a)
    choices = [asarray(c) for c in choices]
    res = choices[0] * 0 + 0
    res = broadcast_to(res, broadcast_shapes(a.shape, res.shape)).copy()
    for i, c in enumerate(choices):
        res = where(a == i, c, res)
    return res
def conj(x):
    return asarray(x).copy() if not _n._is_scalar(x) else x
conjugate = conj
def real(val):
    return asarray(val)
def imag(val):
    return zeros_like(asarray(val))
def iscomplexobj(x):
    return False
def isrealobj(x):
    return True
def sinc(x):
    x = asarray(x)
    y = pi * where(x == 0, 1.0e-20, x)
    return sin(y) / y
def cumulative_sum(x, axis=None, dtype=None, include_initial=False):
    return cumsum(x, axis=axis, dtype=dtype)
def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    x = array(x)
    if x.dtype.kind != "f":
        return x
    info = finfo(x.dtype)
    x = where(isnan(x), nan, x)
    x = where(isposinf(x), info.max if posinf is None else posinf, x)
    x = where(isneginf(x), info.min if neginf is None else neginf, x)
    return x.astype(x.dtype)
def isposinf(x):
    return isinf(x) & (asarray(x) > 0)
def isneginf(x):
    return isinf(x) & (asarray(x) < 0)

class finfo:
    def __init__(self, dtype):
        if isinstance(dtype, float):
            dtype = float64
        if isinstance(dtype, ndarray) or _n._is_scalar(dtype):
            dtype = dtype.dtype
        self.dtype = _n.dtype(dtype)
        info = _n._float_info(self.dtype)
        self.eps = self.dtype.type(info[0])
        self.max = self.dtype.type(info[1])
        self.min = self.dtype.type(-info[1])
        self.tiny = self.dtype.type(info[2])
        self.smallest_normal = self.tiny
        self.resolution = self.dtype.type(info[3])
        self.precision = info[4]
        self.bits = info[5]
    def __repr__(self):
        return "finfo(resolution=%s, min=%s, max=%s, dtype=%s)" % (self.resolution, _fmt_e(self.min), _fmt_e(self.max), self.dtype)
def _fmt_e(x):
    return str(x)
class iinfo:
    def __init__(self, int_type):
        if isinstance(int_type, ndarray) or _n._is_scalar(int_type):
            int_type = int_type.dtype
        self.dtype = _n.dtype(int_type)
        info = _n._int_info(self.dtype)
        self.min = info[0]
        self.max = info[1]
        self.bits = info[2]
    def __repr__(self):
        return "iinfo(min=%d, max=%d, dtype=%s)" % (self.min, self.max, self.dtype)

def _method_compress(self, condition, axis=None, out=None):
    return compress(condition, self, axis)
def _method_dump(self, file):
    save(file, self)
def _method_dumps(self):
    return self.tobytes()
def _method_tofile(self, fid, sep="", format="%s"):
    if sep == "":
        _n._write_bytes(fid, self.tobytes())
    else:
        _n._write_text(fid, sep.join(format % v for v in self.ravel().tolist()))
def fromfile(file, dtype=float, count=-1, sep="", offset=0, *, like=None):
    if sep == "":
        return frombuffer(_n._read_bytes(file), dtype=dtype, count=count, offset=offset).copy()
    text = _n._read_text(file)
    return array([float(x) for x in text.split(sep) if x.strip()], dtype=dtype)
def _method_round(self, decimals=0, out=None):
    return around(self, decimals)
def _method_nonzero(self):
    return nonzero(self)
def _method_repeat(self, repeats, axis=None):
    return repeat(self, repeats, axis)
def _method_squeeze(self, axis=None):
    return squeeze(self, axis)
def _method_dot(self, b, out=None):
    return dot(self, b)
def _method_searchsorted(self, v, side="left", sorter=None):
    return searchsorted(self, v, side, sorter)
def _method_argsort(self, axis=-1, kind=None, order=None, *, stable=None):
    return argsort(self, axis, kind)

def frombuffer(buffer, dtype=float, count=-1, offset=0, *, like=None):
    return _n._frombuffer(buffer, dtype, count, offset)
def fromiter(iter, dtype, count=-1, *, like=None):
    vals = list(iter)
    if count >= 0:
        if len(vals) < count:
            raise ValueError("iterator too short: Expected %d but iterator had only %d items." % (count, len(vals)))
        vals = vals[:count]
    return array(vals, dtype=dtype)
def fromfunction(function, shape, *, dtype=float, **kwargs):
    args = indices(shape, dtype=dtype)
    return function(*args, **kwargs)
def indices(dimensions, dtype=int, sparse=False):
    dimensions = tuple(dimensions)
    N = len(dimensions)
    res = []
    for i, dim in enumerate(dimensions):
        shp = [1] * N
        shp[i] = dim
        idx = arange(dim, dtype=dtype).reshape(shp)
        res.append(idx if sparse else broadcast_to(idx, dimensions).copy())
    if sparse:
        return tuple(res)
    return stack(res) if N else empty((0,), dtype=dtype)

def save(file, arr, allow_pickle=True):
    _n._save(file, asarray(arr))
def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding="ASCII"):
    return _n._load(file)
def savez(file, *args, **kwds):
    d = dict(kwds)
    for i, a in enumerate(args):
        d["arr_%d" % i] = a
    _n._savez(file, d)
savez_compressed = savez
def savetxt(fname, X, fmt="%.18e", delimiter=" ", newline="\n", header="", footer="", comments="# ", encoding=None):
    X = asarray(X)
    if X.ndim == 1:
        X = X.reshape(-1, 1) if True else X
    lines = []
    if header:
        lines.append(comments + header.replace("\n", "\n" + comments))
    for row in X.tolist():
        if isinstance(fmt, str) and fmt.count("%") == 1:
            lines.append(delimiter.join(fmt % v for v in row))
        elif isinstance(fmt, str):
            lines.append(fmt % tuple(row))
        else:
            lines.append(delimiter.join(f % v for f, v in zip(fmt, row)))
    if footer:
        lines.append(comments + footer)
    text = newline.join(lines) + newline
    if isinstance(fname, str):
        _n._write_text(fname, text)
    else:
        fname.write(text)
def loadtxt(fname, dtype=float, comments="#", delimiter=None, converters=None, skiprows=0, usecols=None, unpack=False, ndmin=0, encoding=None, max_rows=None, *, quotechar=None, like=None):
    if isinstance(fname, str):
        lines = _n._read_text(fname).splitlines()
    elif isinstance(fname, (list, tuple)):
        lines = list(fname)
    else:
        lines = fname.read().splitlines()
    rows = []
    for line in lines[skiprows:]:
        if comments is not None and comments in line:
            line = line[:line.index(comments)]
        line = line.strip()
        if not line:
            continue
        parts = line.split(delimiter)
        if usecols is not None:
            cols = [usecols] if isinstance(usecols, int) else usecols
            parts = [parts[c] for c in cols]
        rows.append([float(p) for p in parts])
        if max_rows is not None and len(rows) >= max_rows:
            break
    a = array(rows, dtype=dtype)
    if a.ndim == 2 and (a.shape[1] == 1 or a.shape[0] == 1) and ndmin < 2:
        a = a.ravel()
    if unpack:
        return a.T
    return a
def genfromtxt(fname, dtype=float, comments="#", delimiter=None, skip_header=0, skip_footer=0, missing_values=None, filling_values=None, usecols=None, names=None, unpack=None, **kw):
    if isinstance(fname, str):
        lines = _n._read_text(fname).splitlines()
    elif isinstance(fname, (list, tuple)):
        lines = list(fname)
    else:
        lines = fname.read().splitlines()
    lines = lines[skip_header:len(lines) - skip_footer]
    rows = []
    for line in lines:
        if comments is not None and comments in line:
            line = line[:line.index(comments)]
        if not line.strip():
            continue
        parts = line.split(delimiter)
        if usecols is not None:
            parts = [parts[c] for c in ([usecols] if isinstance(usecols, int) else usecols)]
        row = []
        for p in parts:
            p = p.strip()
            try:
                row.append(float(p))
            except ValueError:
                row.append(nan if filling_values is None else filling_values)
        rows.append(row)
    a = array(rows, dtype=dtype)
    if a.ndim == 2 and (a.shape[1] == 1 or a.shape[0] == 1):
        a = a.ravel()
    return a.T if unpack else a

import numpy.exceptions as exceptions
AxisError = exceptions.AxisError
float_ = float64
int_ = int64
intp = int64
double = float64
single = float32
half = float16
byte = int8
short = int16
intc = int32
longlong = int64
ubyte = uint8
"""#

    static let exceptions = #"""
import numpy._native as _n
try:
    _n._raise("numpy.exceptions.AxisError")
except Exception as _e:
    AxisError = type(_e)
"""#

    static let linalg = #"""
import numpy as _np
import numpy._native as _n
import builtins as _b

from collections import namedtuple as _nt
# The class native code raises (so `except LinAlgError` catches it).
try:
    _n._raise("numpy.linalg.LinAlgError")
except Exception as _e:
    LinAlgError = type(_e)
EigResult = _nt("EigResult", ["eigenvalues", "eigenvectors"])
EighResult = _nt("EighResult", ["eigenvalues", "eigenvectors"])
SVDResult = _nt("SVDResult", ["U", "S", "Vh"])
QRResult = _nt("QRResult", ["Q", "R"])
SlogdetResult = _nt("SlogdetResult", ["sign", "logabsdet"])

def _f(a):
    a = _np.asarray(a)
    if a.dtype.kind != "f":
        a = a.astype(_np.float64)
    return a

def det(a):
    a = _f(a)
    sign, logdet = _n._lu_slogdet(a)
    return a.dtype.type(sign * _np.exp(a.dtype.type(logdet)))
def slogdet(a):
    a = _f(a)
    sign, logdet = _n._lu_slogdet(a)
    return SlogdetResult(a.dtype.type(sign), a.dtype.type(logdet))
def solve(a, b):
    return _n._solve(_f(a), _f(b))
def inv(a):
    a = _f(a)
    return _n._solve(a, _np.eye(a.shape[0], dtype=a.dtype))
def eigh(a, UPLO="L"):
    w, v = _n._eigh(_f(a), UPLO, True)
    return EighResult(w, v)
def eigvalsh(a, UPLO="L"):
    return _n._eigh(_f(a), UPLO, False)
def eig(a):
    w, v = _n._eig(_f(a), True)
    return EigResult(w, v)
def eigvals(a):
    return _n._eig(_f(a), False)
def svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    r = _n._svd(_f(a), full_matrices, compute_uv)
    return SVDResult(*r) if compute_uv else r
def svdvals(x):
    return _n._svd(_f(x), False, False)
def qr(a, mode="reduced"):
    r = _n._qr(_f(a), mode)
    return QRResult(*r) if mode != "r" else r
def cholesky(a, /, *, upper=False):
    return _n._cholesky(_f(a), upper)
def matrix_power(a, n):
    a = _np.asarray(a)
    if n == 0:
        return _np.eye(a.shape[0], dtype=a.dtype)
    if n < 0:
        a = inv(a)
        n = -n
    result = None
    z = a
    while n > 0:
        if n & 1:
            result = z if result is None else _np.matmul(result, z)
        n >>= 1
        if n:
            z = _np.matmul(z, z)
    return result
def matrix_rank(A, tol=None, hermitian=False, *, rtol=None):
    A = _f(A)
    if A.ndim < 2:
        return int(not _np.all(A == 0))
    S = svd(A, compute_uv=False)
    if tol is None:
        if rtol is None:
            rtol = _b.max(A.shape[-2:]) * _np.finfo(S.dtype).eps
        tol = S.max() * rtol
    return _np.count_nonzero(S > tol, axis=-1)
def pinv(a, rcond=None, hermitian=False, *, rtol=None):
    a = _f(a)
    if rcond is None:
        rcond = 1e-15 if rtol is None else rtol
    u, s, vt = svd(a, full_matrices=False)
    cutoff = rcond * _np.max(s)
    large = s > cutoff
    s = _np.where(large, 1 / _np.where(large, s, 1), 0)
    return _np.matmul(_np.transpose(vt), _np.multiply(s[:, None], _np.transpose(u)))
def lstsq(a, b, rcond=None):
    a = _f(a)
    b = _f(b)
    m, n = a.shape
    if rcond is None:
        rcond = _np.finfo(a.dtype).eps * _b.max(m, n)
    u, s, vt = svd(a, full_matrices=False)
    cutoff = rcond * (s.max() if s.size else 0)
    rank = _np.int32(int((s > cutoff).sum()))
    sinv = _np.where(s > cutoff, 1 / _np.where(s > cutoff, s, 1), 0)
    x = _np.matmul(vt.T, (sinv[:, None] if b.ndim == 2 else sinv) * _np.matmul(u.T, b))
    if rank == n and m > n:
        r = b - _np.matmul(a, x)
        resids = _np.sum(r * r, axis=0)
        resids = resids.reshape(-1) if b.ndim == 2 else resids.reshape(1)
    else:
        resids = _np.empty((0,), dtype=a.dtype)
    return x, resids, rank, s
def norm(x, ord=None, axis=None, keepdims=False):
    x = _f(x)
    if axis is None:
        if ord is None or (ord in ("f", "fro") and x.ndim == 2) or (ord == 2 and x.ndim == 1):
            xr = x.ravel()
            ret = _np.sqrt(_np.dot(xr, xr))
            if keepdims:
                ret = ret.reshape((1,) * x.ndim)
            return ret
        if x.ndim == 1:
            axis = (0,)
        else:
            axis = (0, 1)
    if isinstance(axis, int):
        axis = (axis,)
    if len(axis) == 1:
        if ord is None or ord == 2:
            return _np.sqrt(_np.sum(x * x, axis=axis, keepdims=keepdims))
        if ord == _np.inf:
            return _np.abs(x).max(axis=axis, keepdims=keepdims)
        if ord == -_np.inf:
            return _np.abs(x).min(axis=axis, keepdims=keepdims)
        if ord == 0:
            return (x != 0).astype(x.dtype).sum(axis=axis, keepdims=keepdims)
        if ord == 1:
            return _np.sum(_np.abs(x), axis=axis, keepdims=keepdims)
        absx = _np.abs(x) ** ord
        return _np.sum(absx, axis=axis, keepdims=keepdims) ** (1.0 / ord)
    r0, r1 = axis
    if ord is None or ord in ("fro", "f"):
        return _np.sqrt(_np.sum(x * x, axis=axis, keepdims=keepdims))
    if ord == "nuc":
        return _np.sum(svd(x, compute_uv=False))
    if ord == 2:
        return svd(x, compute_uv=False).max()
    if ord == -2:
        return svd(x, compute_uv=False).min()
    if ord == 1:
        return _np.abs(x).sum(axis=r0).max()
    if ord == -1:
        return _np.abs(x).sum(axis=r0).min()
    if ord == _np.inf:
        return _np.abs(x).sum(axis=r1).max()
    if ord == -_np.inf:
        return _np.abs(x).sum(axis=r1).min()
    raise ValueError("Invalid norm order for matrices.")
def cond(x, p=None):
    s = svd(x, compute_uv=False)
    return s[0] / s[-1]
def multi_dot(arrays):
    r = arrays[0]
    for a in arrays[1:]:
        r = _np.dot(r, a)
    return r
def matmul(x1, x2):
    return _np.matmul(x1, x2)
"""#
}
