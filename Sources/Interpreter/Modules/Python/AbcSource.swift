/// `abc`: `ABCMeta` with CPython 3.11's semantics — abstract methods block instantiation
/// with its TypeError text; `isinstance`/`issubclass` on an ABC ask `__subclasshook__`,
/// then the real MRO, then the classes `register` added (and their subclasses), then the
/// ABC's own subclasses, and remember answers until the next `register` anywhere, as the
/// C `_abc` module does. The per-class state lives in `_abc_impl`, as in CPython.
let abcSource = #"""
def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _isabstract(value):
    """An abstract method, or a property / class / static method wrapping one."""
    if getattr(value, "__isabstractmethod__", False):
        return True
    if getattr(getattr(value, "__func__", None), "__isabstractmethod__", False):
        return True
    if isinstance(value, property):
        return any(getattr(f, "__isabstractmethod__", False) for f in (getattr(value, "fget", None), getattr(value, "fset", None), getattr(value, "fdel", None)))
    return False


# Bumped by every register(): answers remembered as "not a subclass" are dropped then.
_abc_invalidation_counter = 0


def get_cache_token():
    return _abc_invalidation_counter


class _abc_data:
    __slots__ = ("registry", "cache", "negative_cache", "negative_version")

    def __init__(self):
        self.registry = {}
        self.cache = {}
        self.negative_cache = {}
        self.negative_version = _abc_invalidation_counter


def _abstracts_of(cls, own):
    names = {key for key, value in own if _isabstract(value)}
    for base in cls.__bases__:
        for key in getattr(base, "__abstractmethods__", ()):
            if _isabstract(getattr(cls, key, None)):
                names.add(key)
    return frozenset(names)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstracts_of(cls, namespace.items())
        cls._abc_impl = _abc_data()
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = getattr(cls, "__abstractmethods__", ())
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, "s" if len(names) > 1 else "", ", ".join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC. Returns the subclass, to allow usage as
        a class decorator."""
        global _abc_invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry[subclass] = None
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        subclass = instance.__class__
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if impl.negative_version == _abc_invalidation_counter and subclass in impl.negative_cache:
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_version < _abc_invalidation_counter:
            impl.negative_cache = {}
            impl.negative_version = _abc_invalidation_counter
        elif subclass in impl.negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError("__subclasshook__ must return either False, True, or NotImplemented")
            if ok:
                impl.cache[subclass] = None
            else:
                impl.negative_cache[subclass] = None
            return ok
        if cls in subclass.__mro__:
            impl.cache[subclass] = None
            return True
        for rcls in impl.registry:
            if issubclass(subclass, rcls):
                impl.cache[subclass] = None
                return True
        for scls in cls.__subclasses__():
            if issubclass(subclass, scls):
                impl.cache[subclass] = None
                return True
        impl.negative_cache[subclass] = None
        return False

    def _dump_registry(cls, file=None):
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        impl = cls._abc_impl
        print(f"_abc_registry: {set(impl.registry)!r}", file=file)
        print(f"_abc_cache: {set(impl.cache)!r}", file=file)
        print(f"_abc_negative_cache: {set(impl.negative_cache)!r}", file=file)
        print(f"_abc_negative_cache_version: {impl.negative_version!r}", file=file)

    def _abc_registry_clear(cls):
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def update_abstractmethods(cls):
    """Recompute an ABC's abstract methods after methods were added or removed."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    cls.__abstractmethods__ = _abstracts_of(cls, cls.__dict__.items())
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using inheritance."""
    __slots__ = ()
"""#
