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


def cmp_to_key(mycmp):
    """Turns an old-style comparison function into a key, as CPython's does."""
    class K:
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    K.__name__ = "KeyWrapper"
    K.__qualname__ = "KeyWrapper"
    return K


def singledispatch(func):
    """Dispatch on the type of the first argument (its class's MRO), as CPython's."""
    registry = {object: func}

    def dispatch(cls):
        for c in cls.__mro__:
            if c in registry:
                return registry[c]
        return func

    def register(cls, fn=None):
        if fn is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            fn = cls
            ann = getattr(fn, "__annotations__", {})
            if not ann:
                raise TypeError(f"Invalid first argument to `register()`: {fn!r}. Use either `@register(some_class)` or plain `@register` on an annotated function.")
            cls = list(ann.values())[0]
        registry[cls] = fn
        return fn

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f"{getattr(func, '__name__', 'singledispatch function')} requires at least 1 positional argument")
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper


class partialmethod:
    def __init__(self, func, *args, **keywords):
        self.func, self.args, self.keywords = func, args, keywords

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)
"""#

let typingSource = #"""
def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return obj.__module__ + "." + obj.__qualname__
    if obj is ...:
        return "..."
    if obj is None or obj is type(None):
        return "None"
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    if isinstance(obj, str):
        return repr(obj)
    return repr(obj)


class _Subscripted:
    """`List[int]`, `Optional[str]`, `Callable[[int], str]`: printed as CPython's."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args

    def __getitem__(self, params):
        return self

    def __call__(self, *args, **kwargs):
        raise TypeError("Type " + self.__origin__._name + " cannot be instantiated; use " + self.__origin__._name.lower() + "() instead")

    def __eq__(self, other):
        return isinstance(other, _Subscripted) and (self.__origin__, self.__args__) == (other.__origin__, other.__args__)

    def __hash__(self):
        return hash((self.__origin__._name, len(self.__args__)))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        if self.__origin__._name in ("Union", "Optional"):
            for arg in self.__args__:
                if issubclass(cls, arg):
                    return True
            return False
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __mro_entries__(self, bases):
        return self.__origin__.__mro_entries__(bases)

    def __repr__(self):
        name = self.__origin__._name
        args = self.__args__
        if name == "Union" and len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return "typing.Optional[" + _type_repr(other) + "]"
        if name == "Optional":
            return "typing.Optional[" + _type_repr(args[0]) + "]"
        if name == "Literal":
            return "typing.Literal[" + ", ".join(repr(a) for a in args) + "]"
        if not args:
            return "typing." + name + "[()]"
        return "typing." + name + "[" + ", ".join(_type_repr(a) for a in args) + "]"


# Where the aliases of classes lead (`typing.List.__origin__ is list`), found on first use.
_ORIGINS = {
    "List": ("builtins", "list"), "Dict": ("builtins", "dict"), "Set": ("builtins", "set"),
    "FrozenSet": ("builtins", "frozenset"), "Tuple": ("builtins", "tuple"), "Type": ("builtins", "type"),
    "DefaultDict": ("collections", "defaultdict"), "OrderedDict": ("collections", "OrderedDict"),
    "Counter": ("collections", "Counter"), "Deque": ("collections", "deque"),
    "AbstractSet": ("collections.abc", "Set"),
}
for _n in ("Callable", "Iterable", "Iterator", "Generator", "Sequence", "MutableSequence", "Collection",
           "Container", "Hashable", "Sized", "Reversible", "Mapping", "MutableMapping", "MutableSet",
           "Awaitable", "Coroutine", "AsyncIterator", "AsyncIterable", "AsyncGenerator", "ByteString",
           "KeysView", "ItemsView", "ValuesView", "MappingView"):
    _ORIGINS[_n] = ("collections.abc", _n)
del _n


class _Alias:
    def __init__(self, name):
        self._name = name

    @property
    def __origin__(self):
        where = _ORIGINS.get(self._name)
        if where is None:
            raise AttributeError("'_SpecialForm' object has no attribute '__origin__'")
        if where[0] == "builtins":
            import builtins as module
        elif where[0] == "collections":
            import collections as module
        else:
            from collections import abc as module
        return getattr(module, where[1])

    def __instancecheck__(self, obj):
        if self._name not in _ORIGINS:
            raise TypeError("typing." + self._name + " cannot be used with isinstance()")
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        if self._name == "Any":
            return False
        if self._name not in _ORIGINS:
            raise TypeError("typing." + self._name + " cannot be used with issubclass()")
        if isinstance(cls, _Subscripted):
            raise TypeError("Subscripted generics cannot be used with class and instance checks")
        if isinstance(cls, _Alias):
            return issubclass(cls.__origin__, self.__origin__)
        return issubclass(cls, self.__origin__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(type(None) if p is None else p for p in params)
        if self._name == "Union":
            flat = []
            for p in params:
                for q in (p.__args__ if isinstance(p, _Subscripted) and p.__origin__ is Union else (p,)):
                    if q not in flat:
                        flat.append(q)
            if len(flat) == 1:
                return flat[0]
            params = tuple(flat)
        if self._name == "Optional":
            return Union[params[0], None]
        return _Subscripted(self, params)

    def __call__(self, *args, **kwargs):
        raise TypeError("Type " + self._name + " cannot be instantiated")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        return "typing." + self._name


Any = _Alias("Any")
Union = _Alias("Union")
Optional = _Alias("Optional")
List = _Alias("List")
Dict = _Alias("Dict")
DefaultDict = _Alias("DefaultDict")
OrderedDict = _Alias("OrderedDict")
Counter = _Alias("Counter")
Deque = _Alias("Deque")
Tuple = _Alias("Tuple")
Set = _Alias("Set")
FrozenSet = _Alias("FrozenSet")
Callable = _Alias("Callable")
Iterable = _Alias("Iterable")
Iterator = _Alias("Iterator")
Generator = _Alias("Generator")
Sequence = _Alias("Sequence")
MutableSequence = _Alias("MutableSequence")
Collection = _Alias("Collection")
Container = _Alias("Container")
Hashable = _Alias("Hashable")
Sized = _Alias("Sized")
Reversible = _Alias("Reversible")
Mapping = _Alias("Mapping")
MutableMapping = _Alias("MutableMapping")
AbstractSet = _Alias("AbstractSet")
MutableSet = _Alias("MutableSet")
Awaitable = _Alias("Awaitable")
AsyncGenerator = _Alias("AsyncGenerator")
ByteString = _Alias("ByteString")
KeysView = _Alias("KeysView")
ItemsView = _Alias("ItemsView")
ValuesView = _Alias("ValuesView")
MappingView = _Alias("MappingView")
Coroutine = _Alias("Coroutine")
AsyncIterator = _Alias("AsyncIterator")
AsyncIterable = _Alias("AsyncIterable")
Type = _Alias("Type")
ClassVar = _Alias("ClassVar")
Final = _Alias("Final")
Literal = _Alias("Literal")
Annotated = _Alias("Annotated")
NoReturn = _Alias("NoReturn")
Never = _Alias("Never")
Self = _Alias("Self")
LiteralString = _Alias("LiteralString")
TypeAlias = _Alias("TypeAlias")
IO = _Alias("IO")
TextIO = _Alias("TextIO")
BinaryIO = _Alias("BinaryIO")
AnyStr = _Alias("AnyStr")
Text = str
TYPE_CHECKING = False


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        return ("+" if self.__covariant__ else "-" if self.__contravariant__ else "~") + self.__name__


class ParamSpec(TypeVar):
    pass


class Generic:
    @classmethod
    def __class_getitem__(cls, params):
        return cls


from abc import ABCMeta as _ABCMeta

_EXCLUDED_ATTRIBUTES = frozenset([
    "__parameters__", "__orig_bases__", "__orig_class__", "_is_protocol", "_is_runtime_protocol",
    "__abstractmethods__", "__annotations__", "__dict__", "__doc__", "__init__", "__module__",
    "__new__", "__slots__", "__subclasshook__", "__weakref__", "__class_getitem__",
    "_MutableMapping__marker", "__qualname__"])


def _get_protocol_attrs(cls):
    """The members a protocol asks for: names its classes define or annotate."""
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ("Protocol", "Generic"):
            continue
        annotations = getattr(base, "__annotations__", {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith("_abc_") and attr not in _EXCLUDED_ATTRIBUTES:
                attrs.add(attr)
    return attrs


def _is_callable_members_only(cls):
    return all(callable(getattr(cls, attr, None)) for attr in _get_protocol_attrs(cls))


# Set while ABCMeta's own checks run for a protocol (CPython lets calls from the abc
# module through without the runtime_checkable test).
_reckless_checks = 0


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError("Protocols cannot be instantiated")
    if cls.__init__ is not _no_init_or_replace_init:
        return
    for base in cls.__mro__:
        init = base.__dict__.get("__init__", _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


class _ProtocolMeta(_ABCMeta):
    def __instancecheck__(cls, instance):
        global _reckless_checks
        if (getattr(cls, "_is_protocol", False) and not getattr(cls, "_is_runtime_protocol", False)
                and not _reckless_checks):
            raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
        if ((not getattr(cls, "_is_protocol", False) or _is_callable_members_only(cls))
                and issubclass(instance.__class__, cls)):
            return True
        if cls._is_protocol:
            if all(hasattr(instance, attr) and
                   (not callable(getattr(cls, attr, None)) or getattr(instance, attr) is not None)
                   for attr in _get_protocol_attrs(cls)):
                return True
        _reckless_checks += 1
        try:
            return super().__instancecheck__(instance)
        finally:
            _reckless_checks -= 1


@classmethod
def _proto_hook(cls, other):
    if not cls.__dict__.get("_is_protocol", False):
        return NotImplemented
    if not getattr(cls, "_is_runtime_protocol", False):
        if _reckless_checks:
            return NotImplemented
        raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
    if not _is_callable_members_only(cls):
        if _reckless_checks:
            return NotImplemented
        raise TypeError("Protocols with non-method members don't support issubclass()")
    if not isinstance(other, type):
        raise TypeError("issubclass() arg 1 must be a class")
    for attr in _get_protocol_attrs(cls):
        for base in other.__mro__:
            if attr in base.__dict__:
                if base.__dict__[attr] is None:
                    return NotImplemented
                break
            annotations = getattr(base, "__annotations__", {})
            if (isinstance(annotations, dict) and attr in annotations
                    and issubclass(other, Generic) and getattr(other, "_is_protocol", False)):
                break
        else:
            return NotImplemented
    return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get("_is_protocol", False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if "__subclasshook__" not in cls.__dict__:
            cls.__subclasshook__ = _proto_hook
        if not cls._is_protocol:
            return
        for base in cls.__bases__:
            if not (base in (object, Generic) or
                    base.__module__ in ("collections.abc", "contextlib") and base.__name__ in _PROTO_ALLOWLIST or
                    issubclass(base, Generic) and getattr(base, "_is_protocol", False)):
                raise TypeError("Protocols can only inherit from other protocols, got %r" % base)
        if cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init


_PROTO_ALLOWLIST = ("Callable", "Awaitable", "Iterable", "Iterator", "AsyncIterable", "AsyncIterator",
                    "Hashable", "Sized", "Container", "Collection", "Reversible", "Buffer",
                    "AbstractContextManager", "AbstractAsyncContextManager")


def runtime_checkable(cls):
    if not issubclass(cls, Generic) or not getattr(cls, "_is_protocol", False):
        raise TypeError("@runtime_checkable can be only applied to protocol classes, got %r" % cls)
    cls._is_runtime_protocol = True
    return cls


def final(f):
    return f


def cast(typ, value):
    return value


def overload(fn):
    return fn


def no_type_check(fn):
    return fn


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable, but got: " + repr(arg))


def reveal_type(obj):
    import sys
    print("Runtime type is " + repr(type(obj).__name__), file=sys.stderr)
    return obj


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Annotations with string forward references evaluated in the object's module."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(getattr(base, "__annotations__", {}) if "__annotations__" in base.__dict__ else {})
    else:
        hints = dict(getattr(obj, "__annotations__", {}))
    if globalns is None:
        globalns = getattr(obj, "__globals__", None)
        if globalns is None:
            import sys
            globalns = getattr(sys.modules.get(getattr(obj, "__module__", ""), None), "__dict__", {})
    out = {}
    for k, v in hints.items():
        if isinstance(v, str):
            v = _eval_forward(v, globalns, localns)
        if v is None:
            v = type(None)
        out[k] = v
    return out


def _eval_forward(text, globalns, localns):
    names = dict(globalns or {})
    names.update(localns or {})
    import builtins
    if text in names:
        return names[text]
    if hasattr(builtins, text):
        return getattr(builtins, text)
    return text


def get_origin(tp):
    return getattr(tp, "__origin__", None)


def get_args(tp):
    return getattr(tp, "__args__", ())


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if ns.get("_root"):
            return super().__new__(mcls, typename, bases, ns)
        import collections
        types = ns.get("__annotations__", {})
        fields = list(types)
        defaults = []
        for f in fields:
            if f in ns:
                defaults.append(ns[f])
            elif defaults:
                raise TypeError("Non-default namedtuple field " + f + " cannot follow default field" + ("s " if len(defaults) > 1 else " ") + ", ".join(fields[fields.index(f) - len(defaults):fields.index(f)]))
        nt = collections.namedtuple(typename, fields, defaults=defaults)
        nt.__annotations__ = dict(types)
        nt.__module__ = ns.get("__module__", "__main__")
        nt.__qualname__ = ns.get("__qualname__", typename)
        nt._field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))
        for k, v in ns.items():
            if k in ("__annotations__", "__module__", "__qualname__", "__doc__") or k in fields:
                continue
            setattr(nt, k, v)
        return nt

    def __call__(cls, typename, fields=None, /, **kwargs):
        import collections
        if fields is None:
            fields = list(kwargs.items())
        return collections.namedtuple(typename, [f for f, _ in fields])


class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        cls = super().__new__(mcls, name, bases, ns)
        anns = {}
        for b in bases:
            anns.update(getattr(b, "__annotations__", {}))
        anns.update(ns.get("__annotations__", {}))
        cls.__annotations__ = anns
        cls.__total__ = total
        return cls

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)


class TypedDict(metaclass=_TypedDictMeta):
    pass
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
def index(a):
    # PyNumber_Index: an int as it is, else __index__ with CPython's TypeError (range()
    # performs exactly that conversion).
    if isinstance(a, int):
        return a
    return range(a).stop


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


def iadd(a, b):
    a += b
    return a
def isub(a, b):
    a -= b
    return a
def imul(a, b):
    a *= b
    return a
def itruediv(a, b):
    a /= b
    return a
def ifloordiv(a, b):
    a //= b
    return a
def imod(a, b):
    a %= b
    return a
def ipow(a, b):
    a **= b
    return a
def imatmul(a, b):
    a @= b
    return a
def iand(a, b):
    a &= b
    return a
def ior(a, b):
    a |= b
    return a
def ixor(a, b):
    a ^= b
    return a
def ilshift(a, b):
    a <<= b
    return a
def irshift(a, b):
    a >>= b
    return a
def iconcat(a, b):
    a += b
    return a
def lshift(a, b): return a << b
def rshift(a, b): return a >> b
def invert(a): return ~a
inv = invert
def is_(a, b): return a is b
def is_not(a, b): return a is not b
def concat(a, b): return a + b
def setitem(a, b, c): a[b] = c
def delitem(a, b): del a[b]
def countOf(a, b): return sum(1 for x in a if x is b or x == b)
def indexOf(a, b):
    for i, x in enumerate(a):
        if x is b or x == b:
            return i
    raise ValueError("sequence.index(x): x not in sequence")
def length_hint(obj, default=0):
    if not isinstance(default, int):
        raise TypeError(f"'{type(default).__name__}' object cannot be interpreted as an integer")
    try:
        return len(obj)
    except TypeError:
        pass
    method = getattr(type(obj), '__length_hint__', None)
    if method is None:
        return default
    try:
        hint = method(obj)
    except TypeError:
        return default
    if hint is NotImplemented:
        return default
    if not isinstance(hint, int):
        raise TypeError(f'__length_hint__ must be an integer, not {type(hint).__name__}')
    if hint < 0:
        raise ValueError('__length_hint__() should return >= 0')
    return hint
def call(obj, /, *args, **kwargs): return obj(*args, **kwargs)
__add__ = add; __sub__ = sub; __mul__ = mul; __truediv__ = truediv; __floordiv__ = floordiv
__mod__ = mod; __pow__ = pow; __neg__ = neg; __eq__ = eq; __lt__ = lt; __getitem__ = getitem
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


class Template:
    """`$name` / `${name}` substitution with CPython's pattern and errors."""
    delimiter = "$"
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _regex(self):
        import re
        delim = re.escape(self.delimiter)
        bid = self.braceidpattern or self.idpattern
        return re.compile(delim + r"(?:(?P<escaped>" + delim + r")|(?P<named>" + self.idpattern + r")|{(?P<braced>" + bid + r")}|(?P<invalid>))", re.IGNORECASE)

    def _invalid(self, mo):
        i = mo.start("invalid")
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno, lineno = 1, 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError("Invalid placeholder in string: line %d, col %d" % (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        values = dict(mapping or {})
        values.update(kws)

        def convert(mo):
            named = mo.group("named") or mo.group("braced")
            if named is not None:
                return str(values[named])
            if mo.group("escaped") is not None:
                return self.delimiter
            if mo.group("invalid") is not None:
                self._invalid(mo)
            raise ValueError("Unrecognized named group in pattern")
        return self._regex().sub(convert, self.template)

    def safe_substitute(self, mapping=None, /, **kws):
        values = dict(mapping or {})
        values.update(kws)

        def convert(mo):
            named = mo.group("named") or mo.group("braced")
            if named is not None:
                try:
                    return str(values[named])
                except KeyError:
                    return mo.group()
            if mo.group("escaped") is not None:
                return self.delimiter
            if mo.group("invalid") is not None:
                return mo.group()
            raise ValueError("Unrecognized named group in pattern")
        return self._regex().sub(convert, self.template)

    def get_identifiers(self):
        ids = []
        for mo in self._regex().finditer(self.template):
            named = mo.group("named") or mo.group("braced")
            if named is not None and named not in ids:
                ids.append(named)
            elif named is None and mo.group("invalid") is not None and mo.group("escaped") is None:
                self._invalid(mo)
        return ids

    def is_valid(self):
        for mo in self._regex().finditer(self.template):
            if mo.group("invalid") is not None:
                return False
        return True


class Formatter:
    # The overridable steps of str.format: parse, get_field/get_value, convert_field,
    # format_field and check_unused_args, run in CPython's order.
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        pieces = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                pieces.append(literal_text)
            if field_name is None:
                continue
            if field_name == "":
                if auto_arg_index is False:
                    raise ValueError("cannot switch from manual field specification to automatic field numbering")
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError("cannot switch from automatic field numbering to manual field specification")
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(format_spec, args, kwargs, used_args,
                                                        recursion_depth - 1, auto_arg_index=auto_arg_index)
            pieces.append(self.format_field(obj, format_spec))
        return "".join(pieces), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        import _string
        return _string.formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        import _string
        first, rest = _string.formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            obj = getattr(obj, i) if is_attr else obj[i]
        return obj, first
"""#

