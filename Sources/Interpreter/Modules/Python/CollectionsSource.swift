/// `collections`, written in the cell language. The mapping types wrap a dict (built-in
/// types cannot be subclassed here) and print as CPython 3.11 prints them.
let collectionsSource = #"""
class OrderedDict:
    def __init__(self, other=(), **kwargs):
        self._data = {}
        self.update(other, **kwargs)

    def update(self, other=(), **kwargs):
        if hasattr(other, "keys"):
            for k in other.keys():
                self._data[k] = other[k]
        else:
            for k, v in other:
                self._data[k] = v
        for k, v in kwargs.items():
            self._data[k] = v

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(list(self._data))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._data.items()) == list(other._data.items())
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def popitem(self, last=True):
        if not self._data:
            raise KeyError("dictionary is empty")
        key = list(self._data)[-1 if last else 0]
        return key, self._data.pop(key)

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            rest = self._data
            self._data = {key: value}
            self._data.update(rest)

    def copy(self):
        return OrderedDict(self._data)

    def clear(self):
        self._data.clear()

    def __repr__(self):
        if not self._data:
            return "OrderedDict()"
        return "OrderedDict(" + repr(list(self._data.items())) + ")"


class defaultdict:
    def __init__(self, default_factory=None, other=(), **kwargs):
        self.default_factory = default_factory
        self._data = dict(other, **kwargs)

    def __getitem__(self, key):
        if key in self._data:
            return self._data[key]
        return self.__missing__(key)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if isinstance(other, defaultdict):
            return self._data == other._data
        return self._data == other

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def update(self, other=(), **kwargs):
        self._data.update(other, **kwargs)

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    def clear(self):
        self._data.clear()

    def __repr__(self):
        f = self.default_factory
        name = "None" if f is None else repr(f)
        return "defaultdict(" + name + ", " + repr(self._data) + ")"


class Counter:
    def __init__(self, iterable=None, **kwargs):
        self._data = {}
        self.update(iterable, **kwargs)

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if hasattr(iterable, "keys"):
                for k in iterable.keys():
                    self._data[k] = self._data.get(k, 0) + iterable[k]
            else:
                for k in iterable:
                    self._data[k] = self._data.get(k, 0) + 1
        for k, v in kwargs.items():
            self._data[k] = self._data.get(k, 0) + v

    def __getitem__(self, key):
        return self._data.get(key, 0)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        if key in self._data:
            del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if isinstance(other, Counter):
            return self._data == other._data
        return self._data == other

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def total(self):
        return sum(self._data.values())

    def most_common(self, n=None):
        ordered = sorted(self._data.items(), key=lambda kv: kv[1], reverse=True)
        return ordered if n is None else ordered[:n]

    def elements(self):
        out = []
        for k, v in self._data.items():
            out.extend([k] * v)
        return iter(out)

    def __add__(self, other):
        result = Counter()
        for k in list(self._data) + [k for k in other._data if k not in self._data]:
            v = self[k] + other[k]
            if v > 0:
                result._data[k] = v
        return result

    def __sub__(self, other):
        result = Counter()
        for k in self._data:
            v = self[k] - other[k]
            if v > 0:
                result._data[k] = v
        return result

    def __repr__(self):
        if not self._data:
            return "Counter()"
        items = ", ".join(repr(k) + ": " + repr(v) for k, v in self.most_common())
        return "Counter({" + items + "})"


class deque:
    def __init__(self, iterable=(), maxlen=None):
        self.maxlen = maxlen
        self._items = []
        for x in iterable:
            self.append(x)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop(0)

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def extend(self, iterable):
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        for x in iterable:
            self.appendleft(x)

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items.clear()

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return "deque(" + repr(self._items) + ")"
        return "deque(" + repr(self._items) + ", maxlen=" + repr(self.maxlen) + ")"


def namedtuple(typename, field_names, defaults=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    defaults = tuple(defaults) if defaults is not None else ()

    class _NamedTuple:
        _fields = fields
        __match_args__ = fields

        def __init__(self, *args, **kwargs):
            values = list(args)
            missing = fields[len(values):]
            first_default = len(fields) - len(defaults)
            for i, name in enumerate(missing, start=len(args)):
                if name in kwargs:
                    values.append(kwargs.pop(name))
                elif i >= first_default:
                    values.append(defaults[i - first_default])
                else:
                    raise TypeError(typename + ".__new__() missing 1 required positional argument: '" + name + "'")
            if kwargs:
                raise TypeError(typename + ".__new__() got an unexpected keyword argument '" + list(kwargs)[0] + "'")
            if len(values) > len(fields):
                raise TypeError(typename + ".__new__() takes " + str(len(fields) + 1) + " positional arguments but " + str(len(values) + 1) + " were given")
            object.__setattr__(self, "_values", tuple(values))

        def __getattr__(self, name):
            if name in fields:
                return self._values[fields.index(name)]
            raise AttributeError("'" + typename + "' object has no attribute '" + name + "'")

        def __setattr__(self, name, value):
            raise AttributeError("can't set attribute")

        def __getitem__(self, i):
            return self._values[i]

        def __len__(self):
            return len(self._values)

        def __iter__(self):
            return iter(self._values)

        def __eq__(self, other):
            if isinstance(other, _NamedTuple):
                return self._values == other._values
            return self._values == other

        def __hash__(self):
            return hash(self._values)

        def __lt__(self, other):
            return self._values < tuple(other)

        def _asdict(self):
            return dict(zip(fields, self._values))

        def _replace(self, **kwargs):
            d = self._asdict()
            d.update(kwargs)
            return _NamedTuple(**d)

        def __repr__(self):
            return typename + "(" + ", ".join(f + "=" + repr(v) for f, v in zip(fields, self._values)) + ")"

    _NamedTuple.__name__ = typename
    _NamedTuple.__qualname__ = typename
    return _NamedTuple
"""#
