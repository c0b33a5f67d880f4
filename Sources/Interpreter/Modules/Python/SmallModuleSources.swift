/// `functools`, `typing`, `operator`, `string` and `abc`, written in the cell language.
let functoolsSource = #"""
class partial:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args] + [k + "=" + repr(v) for k, v in self.keywords.items()]
        return "functools.partial(" + ", ".join(parts) + ")"


_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        try:
            setattr(wrapper, attr, value)
        except AttributeError:
            pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned)
    return decorator


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int) and maxsize < 0:
        maxsize = 0
    def decorator(fn):
        cache = {}
        stats = [0, 0]
        def wrapper(*args, **kwargs):
            key = args
            if not kwargs and not typed and len(args) == 1 and type(args[0]) in (int, str):
                # As CPython: a lone int or str argument is its own key (1 and 1.0 differ).
                key = args[0]
            elif kwargs:
                key = key + (_kwd_mark,) + tuple(kwargs.items())
            if typed and not isinstance(key, (int, str)):
                key = key + tuple(type(v) for v in args) + tuple(type(v) for v in kwargs.values())
            if key in cache:
                stats[0] += 1
                result = cache.pop(key)
                cache[key] = result
                return result
            stats[1] += 1
            result = fn(*args, **kwargs)
            if maxsize != 0:
                cache[key] = result
                if maxsize is not None and len(cache) > maxsize:
                    del cache[next(iter(cache))]
            return result
        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))
        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0
        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
        return update_wrapper(wrapper, fn)
    if callable(maxsize) and not isinstance(maxsize, int):
        fn, maxsize = maxsize, 128
        return decorator(fn)
    return decorator


_kwd_mark = object()


class _CacheInfo:
    _fields = ("hits", "misses", "maxsize", "currsize")
    __match_args__ = _fields

    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def __iter__(self):
        return iter((self.hits, self.misses, self.maxsize, self.currsize))

    def __getitem__(self, i):
        return (self.hits, self.misses, self.maxsize, self.currsize)[i]

    def __len__(self):
        return 4

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return f"CacheInfo(hits={self.hits}, misses={self.misses}, maxsize={self.maxsize}, currsize={self.currsize})"


def cache(fn):
    return lru_cache(None)(fn)


def total_ordering(cls):
    d = cls.__dict__
    if "__lt__" in d:
        if "__gt__" not in d: cls.__gt__ = lambda a, b: b < a
        if "__le__" not in d: cls.__le__ = lambda a, b: not (b < a)
        if "__ge__" not in d: cls.__ge__ = lambda a, b: not (a < b)
    elif "__gt__" in d:
        if "__lt__" not in d: cls.__lt__ = lambda a, b: b > a
        if "__ge__" not in d: cls.__ge__ = lambda a, b: not (b > a)
        if "__le__" not in d: cls.__le__ = lambda a, b: not (a > b)
    return cls


class cached_property:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.func(obj)
        setattr(obj, self.name, value)
        return value
"""#

let typingSource = #"""
class _Alias:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        return self

    def __call__(self, *args, **kwargs):
        raise TypeError("Type " + self._name + " cannot be instantiated")

    def __repr__(self):
        return "typing." + self._name


Any = _Alias("Any")
Union = _Alias("Union")
Optional = _Alias("Optional")
List = _Alias("List")
Dict = _Alias("Dict")
Tuple = _Alias("Tuple")
Set = _Alias("Set")
FrozenSet = _Alias("FrozenSet")
Callable = _Alias("Callable")
Iterable = _Alias("Iterable")
Iterator = _Alias("Iterator")
Generator = _Alias("Generator")
Sequence = _Alias("Sequence")
Mapping = _Alias("Mapping")
MutableMapping = _Alias("MutableMapping")
Type = _Alias("Type")
ClassVar = _Alias("ClassVar")
Final = _Alias("Final")
Literal = _Alias("Literal")
NoReturn = _Alias("NoReturn")
TYPE_CHECKING = False


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return "~" + self.__name__


class Generic:
    @classmethod
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def cast(typ, value):
    return value


def overload(fn):
    return fn


def no_type_check(fn):
    return fn
"""#

let operatorSource = #"""
import builtins as _builtins


def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def truediv(a, b): return a / b
def floordiv(a, b): return a // b
def mod(a, b): return a % b
def pow(a, b): return a ** b
def matmul(a, b): return a @ b
def neg(a): return -a
def pos(a): return +a
def abs(a): return _builtins.abs(a)
def eq(a, b): return a == b
def ne(a, b): return a != b
def lt(a, b): return a < b
def le(a, b): return a <= b
def gt(a, b): return a > b
def ge(a, b): return a >= b
def not_(a): return not a
def truth(a): return bool(a)
def and_(a, b): return a & b
def or_(a, b): return a | b
def xor(a, b): return a ^ b
def getitem(a, b): return a[b]
def contains(a, b): return b in a
def index(a): return a.__index__()


class itemgetter:
    def __init__(self, *items):
        self._items = items

    def __call__(self, obj):
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple(obj[i] for i in self._items)


class attrgetter:
    def __init__(self, *attrs):
        self._attrs = attrs

    def _get(self, obj, attr):
        for name in attr.split("."):
            obj = getattr(obj, name)
        return obj

    def __call__(self, obj):
        if len(self._attrs) == 1:
            return self._get(obj, self._attrs[0])
        return tuple(self._get(obj, a) for a in self._attrs)


class methodcaller:
    def __init__(self, name, *args, **kwargs):
        self._name, self._args, self._kwargs = name, args, kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)
"""#

let stringSource = #"""
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = "0123456789abcdefABCDEF"
octdigits = "01234567"
punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
whitespace = " \t\n\r\x0b\x0c"
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(w.capitalize() for w in s.split(sep))
"""#

let abcSource = #"""
def abstractmethod(fn):
    fn.__isabstractmethod__ = True
    return fn


class ABCMeta(type):
    """Metaclass of abstract classes: instantiating one that still has abstract methods
    raises CPython 3.11's TypeError."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {key for key, value in namespace.items() if getattr(value, "__isabstractmethod__", False)}
        for base in bases:
            for key in getattr(base, "__abstractmethods__", ()):
                if getattr(getattr(cls, key, None), "__isabstractmethod__", False):
                    abstracts.add(key)
        cls.__abstractmethods__ = frozenset(abstracts)
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = getattr(cls, "__abstractmethods__", ())
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, "s" if len(names) > 1 else "", ", ".join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        return subclass


class ABC(metaclass=ABCMeta):
    __slots__ = ()
"""#
