/// The Python layer of `numpy.random`, in the cell language over `numpy.random._native`
/// (RandomNative.swift): argument handling, NumPy's checks and error texts, the classes
/// (`RandomState`, `Generator`, `PCG64`, `MT19937`, `SeedSequence`) and the module-level
/// functions that draw from one global `RandomState`, as numpy/random/mtrand.pyx does.
enum RandomPython {
    static let source = #"""
import operator as _op
import numpy as _np
import numpy.random._native as _r

_U32 = 2**32 - 1


def _index(x):
    if isinstance(x, (int, _np.integer)) and not isinstance(x, (float, _np.floating)):
        return int(x)
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)


def _shape_of(size):
    if size is None:
        return None
    if isinstance(size, (tuple, list)):
        shape = tuple(_index(s) for s in size)
    else:
        shape = (_index(size),)
    for s in shape:
        if s < 0:
            raise ValueError("negative dimensions are not allowed")
    return shape


def _s64(x):
    x = x & (2**64 - 1)
    return x - 2**64 if x >= 2**63 else x


def _u64(x):
    return x + 2**64 if x < 0 else x


def _is_int(x):
    return isinstance(x, (int, _np.integer)) and not isinstance(x, (float, _np.floating))


def _is_scalar(x):
    return isinstance(x, (int, float, bool, _np.generic))


def _float(x, name=None):
    return float(x)


def _int_words(n):
    words = []
    while n > 0:
        words.append(n & 0xFFFFFFFF)
        n >>= 32
    return words if words else [0]


def _entropy_words(x):
    if isinstance(x, SeedSequence):
        return x._words()
    if isinstance(x, str):
        raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r" % (x,))
    if _is_int(x):
        x = int(x)
        if x < 0:
            raise ValueError("expected non-negative integer")
        return _int_words(x)
    if isinstance(x, (float, _np.floating)):
        raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r" % (x,))
    words = []
    for v in x:
        words.extend(_entropy_words(v))
    return words


def _legacy_seed(seed):
    """The seed as RandomState takes it: None, one int, or a list of 32-bit words."""
    if seed is None:
        return None
    if _is_int(seed):
        seed = int(seed)
        if seed > _U32 or seed < 0:
            raise ValueError("Seed must be between 0 and 2**32 - 1")
        return seed
    if isinstance(seed, (float, _np.floating)):
        raise TypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'")
    if isinstance(seed, str):
        raise TypeError("Cannot cast scalar from dtype('<U%d') to dtype('int64') according to the rule 'safe'" % len(seed))
    items = list(seed)
    if len(items) == 0:
        raise ValueError("Seed must be non-empty")
    for v in items:
        if isinstance(v, (list, tuple, _np.ndarray)):
            raise ValueError("Seed array must be 1-d")
        if isinstance(v, (float, _np.floating)):
            raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'")
    for v in items:
        if v > _U32 or v < 0:
            raise ValueError("Seed must be between 0 and 2**32 - 1")
    return [int(v) for v in items]


class SeedSequence:
    """Entropy pooled into four words; state words drawn from the pool (bit_generator.pyx)."""

    def __init__(self, entropy=None, *, spawn_key=(), pool_size=4, n_children_spawned=0):
        if entropy is None:
            words = _r._entropy()
            entropy = 0
            for i in range(len(words)):
                entropy |= words[i] << (32 * i)
        elif not _is_int(entropy):
            _entropy_words(entropy)
        else:
            _entropy_words(entropy)
        self.entropy = entropy
        self.spawn_key = tuple(spawn_key)
        self.pool_size = pool_size
        self.n_children_spawned = n_children_spawned

    def _words(self):
        run = _entropy_words(self.entropy) if self.entropy is not None else []
        spawn = _entropy_words(list(self.spawn_key)) if self.spawn_key else []
        if spawn and len(run) < self.pool_size:
            run = run + [0] * (self.pool_size - len(run))
        return run + spawn

    @property
    def state(self):
        return {"entropy": self.entropy, "spawn_key": self.spawn_key, "pool_size": self.pool_size,
                "n_children_spawned": self.n_children_spawned}

    @property
    def pool(self):
        return _np.array(_r._seedseq_pool(self._words()))

    def generate_state(self, n_words, dtype=_np.uint32 if hasattr(_np, "uint32") else None):
        name = _r._dtype_name(dtype) if dtype is not None else "uint32"
        if name == "uint64":
            return _np.array([_u64(v) for v in _r._seedseq_state(self._words(), n_words, 64)])
        if name == "uint32":
            return _np.array(_r._seedseq_state(self._words(), n_words, 32))
        raise ValueError("only support uint32 or uint64")

    def spawn(self, n_children):
        seqs = []
        for i in range(self.n_children_spawned, self.n_children_spawned + n_children):
            seqs.append(SeedSequence(self.entropy, spawn_key=self.spawn_key + (i,), pool_size=self.pool_size))
        self.n_children_spawned += n_children
        return seqs

    def __repr__(self):
        lines = ["SeedSequence(", "    entropy=%r," % (self.entropy,)]
        if self.spawn_key:
            lines.append("    spawn_key=%r," % (self.spawn_key,))
        if self.pool_size != 4:
            lines.append("    pool_size=%r," % (self.pool_size,))
        if self.n_children_spawned != 0:
            lines.append("    n_children_spawned=%r," % (self.n_children_spawned,))
        lines.append(")")
        return "\n".join(lines)


class BitGenerator:
    def __init__(self, seed=None):
        if isinstance(seed, SeedSequence):
            self._seed_seq = seed
        else:
            self._seed_seq = SeedSequence(seed)

    @property
    def seed_seq(self):
        return self._seed_seq

    def random_raw(self, size=None, output=True):
        shape = _shape_of(size)
        if shape is None:
            v = _u64(_r._random_raw(self._h, None))
            return v if output else None
        n = 1
        for s in shape:
            n *= s
        values = [_u64(v) for v in _r._random_raw(self._h, n)]
        # NumPy answers a uint64 array; this numpy has no uint64, so the words come as a flat list.
        return values if output else None

    def spawn(self, n_children):
        return [type(self)(s) for s in self._seed_seq.spawn(n_children)]


class PCG64(BitGenerator):
    """O'Neill's PCG64 (XSL-RR), seeded through a SeedSequence."""

    def __init__(self, seed=None):
        BitGenerator.__init__(self, seed)
        self._h = _r._pcg64_new(self._seed_seq._words())

    @property
    def state(self):
        sh, sl, ih, il, has, u = _r._pcg_state(self._h)
        return {"bit_generator": "PCG64",
                "state": {"state": (_u64(sh) << 64) | _u64(sl), "inc": (_u64(ih) << 64) | _u64(il)},
                "has_uint32": has, "uinteger": u}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator") != "PCG64":
            raise ValueError("state must be for a PCG64 RNG")
        st = value["state"]["state"]
        inc = value["state"]["inc"]
        _r._pcg_set_state(self._h, _s64(st >> 64), _s64(st), _s64(inc >> 64), _s64(inc),
                          value["has_uint32"], value["uinteger"])


class MT19937(BitGenerator):
    """The Mersenne Twister; `MT19937(seed)` seeds through a SeedSequence."""

    def __init__(self, seed=None):
        BitGenerator.__init__(self, seed)
        self._h = _r._mt19937_new(self._seed_seq._words())

    def _legacy_seeding(self, seed):
        self._h = _r._legacy_new(_legacy_seed(seed))

    @property
    def state(self):
        key, pos, _, _ = _r._mt_state(self._h)
        return {"bit_generator": "MT19937", "state": {"key": _np.array(key), "pos": pos}}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator") != "MT19937":
            raise ValueError("state must be for a MT19937 PRNG")
        _r._mt_set_state(self._h, [int(k) for k in value["state"]["key"]], int(value["state"]["pos"]), 0, 0.0)


def _check(value, name, cons):
    if cons == "nonneg":
        if value < 0:
            raise ValueError(name + " < 0")
    elif cons == "positive":
        if value <= 0:
            raise ValueError(name + " <= 0")
    elif cons == "01":
        if not (value >= 0) or not (value <= 1):
            raise ValueError("%s < 0, %s > 1 or %s is NaN" % (name, name, name))
    elif cons == "gt0le1":
        if not (value > 0) or not (value <= 1):
            raise ValueError("%s <= 0, %s > 1 or %s contains NaNs" % (name, name, name))
    elif cons == "poisson":
        if not (value >= 0):
            raise ValueError("%s < 0 or %s is NaN" % (name, name))
        if not (value <= 9.223372006484771e18):
            raise ValueError(name + " value too large")


def _cont(h, kind, size, params, checks):
    """A distribution of scalar or array parameters; arrays broadcast and draw in C order."""
    scalar = True
    for p in params:
        if not _is_scalar(p):
            scalar = False
    if scalar:
        values = [float(p) for p in params]
        for v, (name, cons) in zip(values, checks):
            if name:
                _check(v, name, cons)
        return _r._draw(h, kind, _shape_of(size), *values)
    arrays = [_np.asarray(p, dtype=float) for p in params]
    shape = _shape_of(size)
    if shape is None:
        shape = _np.broadcast_shapes(*[a.shape for a in arrays])
    arrays = [_np.broadcast_to(a, shape).ravel().tolist() for a in arrays]
    for a, (name, cons) in zip(arrays, checks):
        if name:
            for v in a:
                _check(v, name, cons)
    n = 1
    for s in shape:
        n *= s
    out = [_r._draw(h, kind, None, *[a[i] for a in arrays]) for i in range(n)]
    return _np.array(out).reshape(shape)


def _randint_bounds(name):
    if name == "bool":
        return 0, 1
    if name == "uint8":
        return 0, 255
    bits = {"int8": 8, "int16": 16, "int32": 32, "int64": 64}.get(name)
    if bits is None:
        raise TypeError("Unsupported dtype %r for randint" % (_np.dtype(name),))
    return -(2 ** (bits - 1)), 2 ** (bits - 1) - 1


def _integers(h, low, high, size, dtype, endpoint, numpy_scalar):
    if high is None:
        high = low
        low = 0
    name = _r._dtype_name(dtype)
    lo, hi = _randint_bounds(name)
    if not (_is_scalar(low) and _is_scalar(high)):
        return _integers_broadcast(h, low, high, size, dtype, name, endpoint, lo, hi)
    low = int(low)
    high = int(high)
    if not endpoint:
        high -= 1
    if low < lo:
        raise ValueError("low is out of bounds for " + name)
    if high > hi:
        raise ValueError("high is out of bounds for " + name)
    if low > high:
        raise ValueError("low > high" if endpoint else "low >= high")
    return _r._integers(h, _s64(low), _s64(high - low), _shape_of(size), dtype, numpy_scalar)


def _integers_broadcast(h, low, high, size, dtype, name, endpoint, lo, hi):
    """Array bounds: one bounded draw per element in C order (NumPy's `_rand_*_broadcast`)."""
    if name not in ("int32", "int64"):
        raise TypeError("integers with array bounds support int32 and int64 results only in this numpy")
    low = _np.asarray(low)
    high = _np.asarray(high)
    shape = _shape_of(size)
    if shape is None:
        shape = _np.broadcast_shapes(low.shape, high.shape)
    lows = _np.broadcast_to(low, shape).ravel().tolist()
    highs = _np.broadcast_to(high, shape).ravel().tolist()
    for v in lows:
        if v < lo:
            raise ValueError("low is out of bounds for " + name)
    for v in highs:
        if (v if endpoint else v - 1) > hi:
            raise ValueError("high is out of bounds for " + name)
    for a, b in zip(lows, highs):
        if (a > b) if endpoint else (a >= b):
            raise ValueError("low > high" if endpoint else "low >= high")
    out = []
    for a, b in zip(lows, highs):
        top = int(b) if endpoint else int(b) - 1
        out.append(_r._integers(h, _s64(int(a)), _s64(top - int(a)), None, dtype, False))
    return _np.array(out, dtype=dtype).reshape(shape)


def _only_axis0(axis, name):
    if axis != 0:
        raise NotImplementedError("%s: axis=%r is not supported by this numpy (axis 0 only)" % (name, axis))


def _no_out(out, name):
    if out is not None:
        raise NotImplementedError("%s: out= is not supported by this numpy" % name)


def _kahan_sum(values):
    s = 0.0
    c = 0.0
    for v in values:
        y = v - c
        t = s + y
        c = (t - s) - y
        s = t
    return s


class RandomState:
    """The legacy generator: MT19937 with NumPy 1.16's distributions (mtrand.pyx)."""

    def __init__(self, seed=None):
        if isinstance(seed, BitGenerator):
            self._bit_generator = seed
            self._h = _r._legacy_from_bits(seed._h)
        else:
            self._bit_generator = MT19937.__new__(MT19937)
            self._h = _r._legacy_new(_legacy_seed(seed))
            self._bit_generator._h = _r._bits_of(self._h)

    def __repr__(self):
        return self.__str__() + " at 0x%X" % id(self)

    def __str__(self):
        return "RandomState(" + type(self._bit_generator).__name__ + ")"

    def seed(self, seed=None):
        if seed is None:
            self._h = _r._legacy_new(None)
            self._bit_generator._h = _r._bits_of(self._h)
        else:
            _r._legacy_seed(self._h, _legacy_seed(seed))

    def get_state(self, legacy=True):
        key, pos, has_gauss, gauss = _r._mt_state(self._h)
        if legacy:
            return ("MT19937", _np.array(key), pos, has_gauss, gauss)
        return {"bit_generator": "MT19937", "state": {"key": _np.array(key), "pos": pos},
                "has_gauss": has_gauss, "gauss": gauss}

    def set_state(self, state):
        if isinstance(state, dict):
            if "bit_generator" not in state or "state" not in state:
                raise ValueError("state dictionary is not valid.")
            key = state["state"]["key"]
            pos = state["state"]["pos"]
            has_gauss = state.get("has_gauss", 0)
            gauss = state.get("gauss", 0.0)
        else:
            if not isinstance(state, (tuple, list)):
                raise TypeError("state must be a dict or a tuple.")
            if state[0] != "MT19937":
                raise ValueError("set_state can only be used with legacy MT19937 state instances.")
            key, pos = state[1], state[2]
            has_gauss, gauss = (state[3], state[4]) if len(state) > 3 else (0, 0.0)
        _r._mt_set_state(self._h, [int(k) for k in key], int(pos), has_gauss, float(gauss))

    def random_sample(self, size=None):
        return _r._draw(self._h, "random", _shape_of(size))

    def random(self, size=None):
        return self.random_sample(size)

    def sample(self, size=None):
        return self.random_sample(size)

    def ranf(self, size=None):
        return self.random_sample(size)

    def rand(self, *args):
        return self.random_sample(None if len(args) == 0 else args)

    def randn(self, *args):
        return self.standard_normal(None if len(args) == 0 else args)

    def standard_normal(self, size=None):
        return _r._draw(self._h, "standard_normal", _shape_of(size))

    def normal(self, loc=0.0, scale=1.0, size=None):
        return _cont(self._h, "normal", size, (loc, scale), (("", ""), ("scale", "nonneg")))

    def uniform(self, low=0.0, high=1.0, size=None):
        if _is_scalar(low) and _is_scalar(high):
            rng = float(high) - float(low)
            if rng != rng or rng in (float("inf"), float("-inf")):
                raise OverflowError("Range exceeds valid bounds")
            return _r._draw(self._h, "uniform", _shape_of(size), float(low), rng)
        low = _np.asarray(low, dtype=float)
        rng = _np.asarray(high, dtype=float) - low
        return _cont(self._h, "uniform", size, (low, rng), (("", ""), ("", "")))

    def standard_exponential(self, size=None):
        return _r._draw(self._h, "standard_exponential", _shape_of(size))

    def exponential(self, scale=1.0, size=None):
        return _cont(self._h, "exponential", size, (scale,), (("scale", "nonneg"),))

    def standard_gamma(self, shape, size=None):
        return _cont(self._h, "standard_gamma", size, (shape,), (("shape", "nonneg"),))

    def gamma(self, shape, scale=1.0, size=None):
        return _cont(self._h, "gamma", size, (shape, scale), (("shape", "nonneg"), ("scale", "nonneg")))

    def beta(self, a, b, size=None):
        return _cont(self._h, "beta", size, (a, b), (("a", "positive"), ("b", "positive")))

    def poisson(self, lam=1.0, size=None):
        if _is_scalar(lam):
            _check(float(lam), "lam", "poisson")
            return _r._draw(self._h, "poisson", _shape_of(size), float(lam))
        return _cont(self._h, "poisson", size, (lam,), (("lam", "poisson"),))

    def binomial(self, n, p, size=None):
        if _is_scalar(n) and _is_scalar(p):
            _check(float(p), "p", "01")
            _check(int(n), "n", "nonneg")
            return _r._draw(self._h, "binomial", _shape_of(size), int(n), float(p))
        return _cont(self._h, "binomial", size, (n, p), (("n", "nonneg"), ("p", "01")))

    def multinomial(self, n, pvals, size=None):
        pvals = [float(v) for v in pvals]
        if len(pvals) and _kahan_sum(pvals[:-1]) > 1.0 + 1e-12:
            raise ValueError("sum(pvals[:-1]) > 1.0")
        for v in pvals:
            if v < 0 or v > 1 or v != v:
                raise ValueError("pvals < 0, pvals > 1 or pvals contains NaNs")
        return _r._multinomial(self._h, int(n), pvals, _shape_of(size) or ())

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        return _cont(self._h, "lognormal", size, (mean, sigma), (("", ""), ("sigma", "nonneg")))

    def chisquare(self, df, size=None):
        return _cont(self._h, "chisquare", size, (df,), (("df", "positive"),))

    def standard_t(self, df, size=None):
        return _cont(self._h, "standard_t", size, (df,), (("df", "positive"),))

    def standard_cauchy(self, size=None):
        return _r._draw(self._h, "standard_cauchy", _shape_of(size))

    def laplace(self, loc=0.0, scale=1.0, size=None):
        return _cont(self._h, "laplace", size, (loc, scale), (("", ""), ("scale", "nonneg")))

    def logistic(self, loc=0.0, scale=1.0, size=None):
        return _cont(self._h, "logistic", size, (loc, scale), (("", ""), ("scale", "nonneg")))

    def geometric(self, p, size=None):
        return _cont(self._h, "geometric", size, (p,), (("p", "gt0le1"),))

    def randint(self, low, high=None, size=None, dtype=int):
        numpy_scalar = not (dtype is int or dtype is bool)
        return _integers(self._h, low, high, size, dtype, False, numpy_scalar)

    def random_integers(self, low, high=None, size=None):
        if high is None:
            high = low
            low = 1
        return self.randint(low, int(high) + 1, size)

    def choice(self, a, size=None, replace=True, p=None):
        return _choice(self, self._h, a, size, replace, p, True, True)

    def shuffle(self, x):
        _shuffle(self._h, x)

    def permutation(self, x):
        return _permutation(self._h, x, True)

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8):
        return _multivariate_normal(self, mean, cov, size)


def _choice(owner, h, a, size, replace, p, legacy, shuffle):
    a_original = a
    if _is_int(a) or isinstance(a, (float, _np.floating)):
        if not _is_int(a):
            if legacy:
                raise ValueError("a must be 1-dimensional or an integer")
            raise ValueError("a must be a sequence or an integer, not %s" % (type(a_original),))
        pop_size = int(a)
        a = None
        if pop_size <= 0 and (size is None or _np.prod(size) != 0):
            if legacy:
                raise ValueError("a must be greater than 0 unless no samples are taken")
            raise ValueError("a must be a positive integer unless no samples are taken")
    elif isinstance(a, (list, tuple)) and len(a) and not isinstance(a[0], (int, float, bool, _np.generic, list, tuple)):
        # Items this numpy cannot hold in an array (strings): one pick is the item itself.
        if size is not None:
            raise TypeError("choice: arrays of %s are not supported by this numpy" % type(a[0]).__name__)
        i = _choice(owner, h, len(a), None, replace, p, legacy, shuffle)
        return a[i]
    else:
        a = _np.asarray(a)
        if a.ndim == 0:
            return _choice(owner, h, a.item(), size, replace, p, legacy, shuffle)
        if legacy and a.ndim != 1:
            raise ValueError("a must be 1-dimensional")
        pop_size = a.shape[0]
        if pop_size == 0 and (size is None or _np.prod(size) != 0):
            if legacy:
                raise ValueError("'a' cannot be empty unless no samples are taken")
            raise ValueError("a cannot be empty unless no samples are taken")
    if p is not None:
        p = [float(v) for v in _np.asarray(p, dtype=float).ravel().tolist()] if not isinstance(p, list) else [float(v) for v in p]
        if len(p) != pop_size:
            raise ValueError("'a' and 'p' must have same size" if legacy else "a and p must have same size")
        p_sum = _kahan_sum(p)
        if p_sum != p_sum:
            raise ValueError("probabilities contain NaN" if legacy else "Probabilities contain NaN")
        for v in p:
            if v < 0:
                raise ValueError("probabilities are not non-negative" if legacy else "Probabilities are not non-negative")
        if abs(p_sum - 1.0) > 1.4901161193847656e-08:
            raise ValueError("probabilities do not sum to 1" if legacy
                             else "Probabilities do not sum to 1. See Notes section of docstring for more information.")
    shape = _shape_of(size)
    count = 1
    if shape is not None:
        for s in shape:
            count *= s
    if not replace:
        if count > pop_size:
            raise ValueError("Cannot take a larger sample than population when 'replace=False'" if legacy
                             else "Cannot take a larger sample than population when replace is False")
        if p is not None:
            nonzero = 0
            for v in p:
                if v > 0:
                    nonzero += 1
            if nonzero < count:
                raise ValueError("Fewer non-zero entries in p than size")
    idx = _r._choice_indices(h, pop_size, count, replace, p, shuffle)
    if shape is None:
        i = int(idx[0])
        if a is None:
            return i
        return a[i]
    idx = idx.reshape(shape)
    if a is None:
        return idx
    return a[idx]


def _shuffle(h, x):
    if isinstance(x, list) or isinstance(x, _np.ndarray):
        _r._shuffle(h, x)
        return
    if isinstance(x, (tuple, str)) and len(x) > 1:
        raise TypeError("'%s' object does not support item assignment" % type(x).__name__)
    if isinstance(x, (tuple, str)):
        return
    raise TypeError("object of type '%s' has no len()" % type(x).__name__)


def _permutation(h, x, legacy):
    if _is_int(x):
        return _r._permutation(h, int(x))
    arr = _np.asarray(x)
    if arr.ndim < 1:
        if legacy:
            raise IndexError("x must be an integer or at least 1-dimensional")
        raise _np.exceptions.AxisError("axis 0 is out of bounds for array of dimension 0") if hasattr(_np, "exceptions") else ValueError("axis 0 is out of bounds for array of dimension 0")
    arr = _np.array(arr, copy=True)
    _r._shuffle(h, arr)
    return arr


def _multivariate_normal(owner, mean, cov, size):
    mean = _np.asarray(mean, dtype=float)
    cov = _np.asarray(cov, dtype=float)
    shape = _shape_of(size)
    if shape is None:
        shape = ()
    if mean.ndim != 1:
        raise ValueError("mean must be 1 dimensional")
    if cov.ndim != 2 or cov.shape[0] != cov.shape[1]:
        raise ValueError("cov must be 2 dimensional and square")
    if mean.shape[0] != cov.shape[0]:
        raise ValueError("mean and cov must have same length")
    n = mean.shape[0]
    final_shape = tuple(shape) + (n,)
    count = n
    for s in shape:
        count *= s
    x = _np.array(_r._gauss_list(owner._h, count)).reshape((-1, n))
    u, s, vh = _np.linalg.svd(cov)
    x = _np.dot(x, _np.sqrt(s)[:, None] * vh)
    x = x + mean
    return x.reshape(final_shape)


class Generator:
    """NumPy's Generator (_generator.pyx) over a bit generator."""

    def __init__(self, bit_generator):
        self._bit_generator = bit_generator
        self._h = _r._generator_new(bit_generator._h)

    def __repr__(self):
        return self.__str__() + " at 0x%X" % id(self)

    def __str__(self):
        return "Generator(" + type(self._bit_generator).__name__ + ")"

    @property
    def bit_generator(self):
        return self._bit_generator

    def spawn(self, n_children):
        return [Generator(b) for b in self._bit_generator.spawn(n_children)]

    def random(self, size=None, dtype=_np.float64, out=None):
        _no_out(out, "random")
        name = _r._dtype_name(dtype)
        if name == "float64":
            return _r._draw(self._h, "random", _shape_of(size))
        if name == "float32":
            return _r._draw(self._h, "random_f32", _shape_of(size))
        raise TypeError("Unsupported dtype %r for random" % (_np.dtype(dtype),))

    def standard_normal(self, size=None, dtype=_np.float64, out=None):
        _no_out(out, "standard_normal")
        name = _r._dtype_name(dtype)
        if name == "float64":
            return _r._draw(self._h, "standard_normal", _shape_of(size))
        if name == "float32":
            return _r._draw(self._h, "standard_normal_f32", _shape_of(size))
        raise TypeError("Unsupported dtype %r for standard_normal" % (_np.dtype(dtype),))

    def standard_exponential(self, size=None, dtype=_np.float64, method="zig", out=None):
        _no_out(out, "standard_exponential")
        name = _r._dtype_name(dtype)
        if name == "float64":
            return _r._draw(self._h, "standard_exponential" if method == "zig" else "standard_exponential_inv", _shape_of(size))
        if name == "float32" and method == "zig":
            return _r._draw(self._h, "standard_exponential_f32", _shape_of(size))
        raise TypeError("Unsupported dtype %r for standard_exponential" % (_np.dtype(dtype),))

    def integers(self, low, high=None, size=None, dtype=_np.int64, endpoint=False):
        return _integers(self._h, low, high, size, dtype, endpoint, True)

    def normal(self, loc=0.0, scale=1.0, size=None):
        return _cont(self._h, "normal", size, (loc, scale), (("", ""), ("scale", "nonneg")))

    def uniform(self, low=0.0, high=1.0, size=None):
        if _is_scalar(low) and _is_scalar(high):
            rng = float(high) - float(low)
            if rng != rng or rng in (float("inf"), float("-inf")):
                raise OverflowError("high - low range exceeds valid bounds")
            if rng < 0:
                raise ValueError("high - low < 0")
            return _r._draw(self._h, "uniform", _shape_of(size), float(low), rng)
        low = _np.asarray(low, dtype=float)
        rng = _np.asarray(high, dtype=float) - low
        return _cont(self._h, "uniform", size, (low, rng), (("", ""), ("high - low", "nonneg")))

    def exponential(self, scale=1.0, size=None):
        return _cont(self._h, "exponential", size, (scale,), (("scale", "nonneg"),))

    def standard_gamma(self, shape, size=None, dtype=_np.float64, out=None):
        _no_out(out, "standard_gamma")
        return _cont(self._h, "standard_gamma", size, (shape,), (("shape", "nonneg"),))

    def gamma(self, shape, scale=1.0, size=None):
        return _cont(self._h, "gamma", size, (shape, scale), (("shape", "nonneg"), ("scale", "nonneg")))

    def beta(self, a, b, size=None):
        return _cont(self._h, "beta", size, (a, b), (("a", "positive"), ("b", "positive")))

    def poisson(self, lam=1.0, size=None):
        if _is_scalar(lam):
            _check(float(lam), "lam", "poisson")
            return _r._draw(self._h, "poisson", _shape_of(size), float(lam))
        return _cont(self._h, "poisson", size, (lam,), (("lam", "poisson"),))

    def binomial(self, n, p, size=None):
        if _is_scalar(n) and _is_scalar(p):
            _check(float(p), "p", "01")
            _check(int(n), "n", "nonneg")
            return _r._draw(self._h, "binomial", _shape_of(size), int(n), float(p))
        return _cont(self._h, "binomial", size, (n, p), (("n", "nonneg"), ("p", "01")))

    def multinomial(self, n, pvals, size=None):
        pvals = [float(v) for v in pvals]
        if len(pvals) and _kahan_sum(pvals[:-1]) > 1.0 + 1e-12:
            raise ValueError("sum(pvals[:-1]) > 1.0")
        for v in pvals:
            if v < 0 or v > 1 or v != v:
                raise ValueError("pvals < 0, pvals > 1 or pvals contains NaNs")
        return _r._multinomial(self._h, int(n), pvals, _shape_of(size) or ())

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        return _cont(self._h, "lognormal", size, (mean, sigma), (("", ""), ("sigma", "nonneg")))

    def chisquare(self, df, size=None):
        return _cont(self._h, "chisquare", size, (df,), (("df", "positive"),))

    def standard_t(self, df, size=None):
        return _cont(self._h, "standard_t", size, (df,), (("df", "positive"),))

    def standard_cauchy(self, size=None):
        return _r._draw(self._h, "standard_cauchy", _shape_of(size))

    def laplace(self, loc=0.0, scale=1.0, size=None):
        return _cont(self._h, "laplace", size, (loc, scale), (("", ""), ("scale", "nonneg")))

    def logistic(self, loc=0.0, scale=1.0, size=None):
        return _cont(self._h, "logistic", size, (loc, scale), (("", ""), ("scale", "nonneg")))

    def geometric(self, p, size=None):
        return _cont(self._h, "geometric", size, (p,), (("p", "gt0le1"),))

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        _only_axis0(axis, "choice")
        return _choice(self, self._h, a, size, replace, p, False, shuffle)

    def shuffle(self, x, axis=0):
        _only_axis0(axis, "shuffle")
        _shuffle(self._h, x)

    def permutation(self, x, axis=0):
        _only_axis0(axis, "permutation")
        return _permutation(self._h, x, False)

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8, *, method="svd"):
        return _multivariate_normal(self, mean, cov, size)


def default_rng(seed=None):
    if isinstance(seed, BitGenerator):
        return Generator(seed)
    if isinstance(seed, Generator):
        return seed
    if isinstance(seed, RandomState):
        return Generator(seed._bit_generator)
    return Generator(PCG64(seed))


_rand = RandomState()


def get_bit_generator():
    return _rand._bit_generator


def seed(seed=None):
    _rand.seed(seed)


def get_state(legacy=True):
    return _rand.get_state(legacy)


def set_state(state):
    _rand.set_state(state)


def random_sample(size=None):
    return _rand.random_sample(size)


def random(size=None):
    return _rand.random_sample(size)


def sample(size=None):
    return _rand.random_sample(size)


def ranf(size=None):
    return _rand.random_sample(size)


def rand(*args):
    return _rand.rand(*args)


def randn(*args):
    return _rand.randn(*args)


def randint(low, high=None, size=None, dtype=int):
    return _rand.randint(low, high, size, dtype)


def random_integers(low, high=None, size=None):
    return _rand.random_integers(low, high, size)


def standard_normal(size=None):
    return _rand.standard_normal(size)


def normal(loc=0.0, scale=1.0, size=None):
    return _rand.normal(loc, scale, size)


def uniform(low=0.0, high=1.0, size=None):
    return _rand.uniform(low, high, size)


def standard_exponential(size=None):
    return _rand.standard_exponential(size)


def exponential(scale=1.0, size=None):
    return _rand.exponential(scale, size)


def standard_gamma(shape, size=None):
    return _rand.standard_gamma(shape, size)


def gamma(shape, scale=1.0, size=None):
    return _rand.gamma(shape, scale, size)


def beta(a, b, size=None):
    return _rand.beta(a, b, size)


def poisson(lam=1.0, size=None):
    return _rand.poisson(lam, size)


def binomial(n, p, size=None):
    return _rand.binomial(n, p, size)


def multinomial(n, pvals, size=None):
    return _rand.multinomial(n, pvals, size)


def choice(a, size=None, replace=True, p=None):
    return _rand.choice(a, size, replace, p)


def shuffle(x):
    _rand.shuffle(x)


def permutation(x):
    return _rand.permutation(x)


def multivariate_normal(mean, cov, size=None, check_valid="warn", tol=1e-8):
    return _rand.multivariate_normal(mean, cov, size, check_valid, tol)

def lognormal(mean=0.0, sigma=1.0, size=None):
    return _rand.lognormal(mean, sigma, size)


def chisquare(df, size=None):
    return _rand.chisquare(df, size)


def standard_t(df, size=None):
    return _rand.standard_t(df, size)


def standard_cauchy(size=None):
    return _rand.standard_cauchy(size)


def laplace(loc=0.0, scale=1.0, size=None):
    return _rand.laplace(loc, scale, size)


def logistic(loc=0.0, scale=1.0, size=None):
    return _rand.logistic(loc, scale, size)


def geometric(p, size=None):
    return _rand.geometric(p, size)
"""#
}
