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


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A tuple subclass with named fields, as CPython's (its checks and error texts)."""
    keywords = {"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
                "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
                "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
                "return", "try", "while", "with", "yield"}
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in keywords
                    or name.startswith("_") or name in seen):
                field_names[index] = "_%d" % index
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: %r" % (name,))
        if name in keywords:
            raise ValueError("Type names and field names cannot be a keyword: %r" % (name,))
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: %r" % (name,))
        if name in seen:
            raise ValueError("Encountered duplicate field name: %r" % (name,))
        seen.add(name)
    fields = tuple(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(reversed(list(zip(reversed(fields), reversed(defaults)))))
    else:
        defaults = ()
    num_fields = len(fields)
    required = num_fields - len(defaults)
    arg_list = ", ".join(fields)

    class _NamedTuple(tuple):
        __slots__ = ()
        _fields = fields
        _field_defaults = field_defaults
        __match_args__ = fields

        def __new__(_cls, *args, **kwargs):
            if len(args) > num_fields:
                if defaults:
                    raise TypeError("%s.__new__() takes from %d to %d positional arguments but %d were given"
                                    % (typename, required + 1, num_fields + 1, len(args) + 1))
                raise TypeError("%s.__new__() takes %d positional arguments but %d were given"
                                % (typename, num_fields + 1, len(args) + 1))
            values = list(args)
            for name in kwargs:
                if name not in fields:
                    raise TypeError("%s.__new__() got an unexpected keyword argument '%s'" % (typename, name))
                if fields.index(name) < len(args):
                    raise TypeError("%s.__new__() got multiple values for argument '%s'" % (typename, name))
            missing = []
            for i in range(len(args), num_fields):
                name = fields[i]
                if name in kwargs:
                    values.append(kwargs[name])
                elif i >= required:
                    values.append(defaults[i - required])
                else:
                    missing.append(name)
            if missing:
                if len(missing) == 1:
                    raise TypeError("%s.__new__() missing 1 required positional argument: '%s'" % (typename, missing[0]))
                listed = ", ".join("'%s'" % m for m in missing[:-1]) + " and '%s'" % missing[-1]
                raise TypeError("%s.__new__() missing %d required positional arguments: %s" % (typename, len(missing), listed))
            return tuple.__new__(_cls, values)

        @classmethod
        def _make(cls, iterable):
            result = tuple.__new__(cls, iterable)
            if len(result) != num_fields:
                raise TypeError("Expected %d arguments, got %d" % (num_fields, len(result)))
            return result

        def _replace(self, /, **kwds):
            result = self._make(map(kwds.pop, fields, self))
            if kwds:
                raise ValueError("Got unexpected field names: %r" % list(kwds))
            return result

        def __repr__(self):
            return self.__class__.__name__ + "(" + ", ".join(
                "%s=%r" % (name, value) for name, value in zip(fields, self)) + ")"

        def _asdict(self):
            return dict(zip(self._fields, self))

        def __getnewargs__(self):
            return tuple(self)

        def __setattr__(self, name, value):
            if name in fields:
                raise AttributeError("can't set attribute")
            raise AttributeError("'%s' object has no attribute '%s'" % (self.__class__.__name__, name))

    def _getter(index):
        return property(lambda self: self[index], doc="Alias for field number %d" % index)

    for index, name in enumerate(fields):
        setattr(_NamedTuple, name, _getter(index))
    _NamedTuple.__doc__ = "%s(%s)" % (typename, arg_list)
    _NamedTuple.__name__ = typename
    result = _NamedTuple
    result.__qualname__ = typename
    result.__module__ = "__main__" if module is None else module
    return result
"""#
