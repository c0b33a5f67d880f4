/// `dataclasses` and `__future__`, written in the cell language.
let dataclassesSource = #"""
class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class Field:
    def __init__(self, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True):
        self.name = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare

    def __repr__(self):
        return "Field(name=" + repr(self.name) + ",default=" + repr(self.default) + ")"


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True):
    return Field(default, default_factory, init, repr, compare)


def fields(obj):
    return tuple(obj.__dataclass_fields__.values())


def asdict(obj):
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def astuple(obj):
    return tuple(getattr(obj, f.name) for f in fields(obj))


def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")


def replace(obj, **changes):
    values = asdict(obj)
    values.update(changes)
    return type(obj)(**values)


def _process(cls, init, repr_, eq, order, frozen):
    own = cls.__dict__
    annotations = own.get("__annotations__", {})
    collected = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__dataclass_fields__", {}).values():
            collected[f.name] = f
    for name in annotations:
        default = own.get(name, MISSING)
        f = default if isinstance(default, Field) else Field(default)
        f.name = name
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        collected[name] = f
    all_fields = list(collected.values())
    if "__match_args__" not in own:
        cls.__match_args__ = tuple(f.name for f in all_fields if f.init)
    cls.__dataclass_fields__ = collected
    qualname = cls.__qualname__

    if init and "__init__" not in own:
        init_fields = [f for f in all_fields if f.init]

        def __init__(self, *args, **kwargs):
            if len(args) > len(init_fields):
                raise TypeError(qualname + ".__init__() takes " + str(len(init_fields) + 1) + " positional arguments but " + str(len(args) + 1) + " were given")
            for k in kwargs:
                if k not in [f.name for f in init_fields]:
                    raise TypeError(qualname + ".__init__() got an unexpected keyword argument '" + k + "'")
            missing = []
            for i, f in enumerate(init_fields):
                if i < len(args):
                    if f.name in kwargs:
                        raise TypeError(qualname + ".__init__() got multiple values for argument '" + f.name + "'")
                    value = args[i]
                elif f.name in kwargs:
                    value = kwargs[f.name]
                elif f.default is not MISSING:
                    value = f.default
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                else:
                    missing.append(f.name)
                    continue
                object.__setattr__(self, f.name, value)
            if missing:
                names = ["'" + m + "'" for m in missing]
                listed = names[0] if len(names) == 1 else (" and ".join(names) if len(names) == 2 else ", ".join(names[:-1]) + ", and " + names[-1])
                raise TypeError(qualname + ".__init__() missing " + str(len(missing)) + " required positional argument" + ("" if len(missing) == 1 else "s") + ": " + listed)
            for f in all_fields:
                if not f.init:
                    if f.default is not MISSING:
                        object.__setattr__(self, f.name, f.default)
                    elif f.default_factory is not MISSING:
                        object.__setattr__(self, f.name, f.default_factory())
            if hasattr(self, "__post_init__"):
                self.__post_init__()

        cls.__init__ = __init__

    if repr_ and "__repr__" not in own:
        def __repr__(self):
            return qualname + "(" + ", ".join(f.name + "=" + repr(getattr(self, f.name)) for f in all_fields if f.repr) + ")"
        cls.__repr__ = __repr__

    def _key(self):
        return tuple(getattr(self, f.name) for f in all_fields if f.compare)

    if eq and "__eq__" not in own:
        def __eq__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return _key(self) == _key(other)
        cls.__eq__ = __eq__
        if not frozen:
            cls.__hash__ = None

    if order:
        def __lt__(self, other): return _key(self) < _key(other)
        def __le__(self, other): return _key(self) <= _key(other)
        def __gt__(self, other): return _key(self) > _key(other)
        def __ge__(self, other): return _key(self) >= _key(other)
        cls.__lt__, cls.__le__, cls.__gt__, cls.__ge__ = __lt__, __le__, __gt__, __ge__

    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError("cannot assign to field '" + name + "'")
        def __hash__(self):
            return hash(_key(self))
        cls.__setattr__ = __setattr__
        cls.__hash__ = __hash__
    return cls


class FrozenInstanceError(AttributeError):
    pass


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen)
    if cls is None:
        return wrap
    return wrap(cls)
"""#

let futureSource = #"""
annotations = None
division = None
print_function = None
"""#
