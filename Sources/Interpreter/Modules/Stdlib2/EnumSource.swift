/// `enum`: EnumType (the metaclass), Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique,
/// written after CPython 3.11's enum.py (reprs, lookups, flag pseudo-members, errors).
/// Members of enums mixing in a built-in type are instances of that built-in subclass
/// (see EnumModule.swift), so the data type's methods apply as in CPython.
let enumSource = #"""
import _enum as _native

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum',
           'auto', 'unique', 'property', 'verify', 'member', 'nonmember', 'FlagBoundary',
           'STRICT', 'CONFORM', 'EJECT', 'KEEP', 'global_flag_repr', 'global_enum_repr',
           'global_str', 'global_enum', 'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE', 'pickle_by_global_name', 'pickle_by_enum_name']

_builtin_property = property
_builtin_bin = bin


class _AutoNull:
    def __repr__(self):
        return '_auto_null'

_auto_null = _AutoNull()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value


class _Deferred:
    """An expression of auto() values in a class body (`WHITE = RED | GREEN`), computed once
    the members before it have their values."""
    def __init__(self, compute):
        self.compute = compute


def _resolved(x):
    if isinstance(x, auto):
        return x.value
    if isinstance(x, _Deferred):
        return x.compute()
    return x


def _deferring(op):
    def forward(self, other):
        return _Deferred(lambda: op(_resolved(self), _resolved(other)))
    def backward(self, other):
        return _Deferred(lambda: op(_resolved(other), _resolved(self)))
    return forward, backward


def _add_deferred_operators():
    ops = {'or': lambda a, b: a | b, 'and': lambda a, b: a & b, 'xor': lambda a, b: a ^ b,
           'add': lambda a, b: a + b, 'sub': lambda a, b: a - b, 'mul': lambda a, b: a * b,
           'lshift': lambda a, b: a << b}
    for name, op in ops.items():
        forward, backward = _deferring(op)
        for cls in (auto, _Deferred):
            setattr(cls, '__%s__' % name, forward)
            setattr(cls, '__r%s__' % name, backward)

_add_deferred_operators()


class nonmember(object):
    def __init__(self, value):
        self.value = value


class member(object):
    def __init__(self, value):
        self.value = value


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_' and name[1:2] != '_' and name[-2:-1] != '_')


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name, )
    pat_len = len(pattern)
    return (len(name) > pat_len and name.startswith(pattern) and name[pat_len:pat_len+1] != ['_']
            and (name[-1] != '_' or name[-2] != '_'))


def _is_descriptor(obj):
    if isinstance(obj, (_builtin_property, classmethod, staticmethod, type(_is_dunder))):
        return True
    return hasattr(type(obj), '__get__') or hasattr(type(obj), '__set__') or hasattr(type(obj), '__delete__')


def _is_single_bit(num):
    if num == 0:
        return False
    num &= num - 1
    return num == 0


def _iter_bits_lsb(num):
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


def bin(num, max_bits=None):
    """Like built-in bin(), except negative values are represented in twos-complement."""
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = _builtin_bin(num + ceiling).replace('1', '0', 1)
    else:
        s = _builtin_bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


mappingproxy = type(type.__dict__)


class FlagBoundary:
    pass


def _make_boundary(name, value):
    b = FlagBoundary()
    b._name_ = name
    b._value_ = value
    return b

STRICT = _make_boundary('STRICT', 'strict')
CONFORM = _make_boundary('CONFORM', 'conform')
EJECT = _make_boundary('EJECT', 'eject')
KEEP = _make_boundary('KEEP', 'keep')
FlagBoundary.__repr__ = lambda self: '<FlagBoundary.%s: %r>' % (self._name_, self._value_)
FlagBoundary.__str__ = lambda self: 'FlagBoundary.%s' % (self._name_, )


def _check_value_type(cls_name, name, value):
    return value


class EnumType(type):
    """Metaclass for Enum"""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_names = []
        member_values = {}
        body = {}
        for key, value in classdict.items():
            if isinstance(value, nonmember):
                body[key] = value.value
            elif isinstance(value, member):
                member_names.append(key)
                member_values[key] = value.value
            elif (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                  or _is_descriptor(value) or key == '_ignore_'):
                body[key] = value
            else:
                if key in member_values:
                    raise TypeError('%r already defined as %r' % (key, member_values[key]))
                member_names.append(key)
                member_values[key] = value
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        for key in ignore:
            if key in member_values:
                member_names.remove(key)
                del member_values[key]
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None and first_enum._member_names_:
            raise TypeError('<enum %r> cannot extend %r' % (cls, first_enum))
        new_member = body.pop('__new__', None)
        if new_member is not None:
            body['_new_member_'] = staticmethod(new_member)
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type
        if boundary is not None:
            body['_boundary_'] = boundary
        elif '_boundary_' not in body and first_enum is not None:
            body['_boundary_'] = getattr(first_enum, '_boundary_', None)
        body['_inverted_'] = None
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        metacls._fix_methods_(enum_class, bases, classdict, member_type)
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        last_values = []
        for name in member_names:
            value = member_values[name]
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
                value = value.value
            elif isinstance(value, _Deferred):
                value = value.compute()
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
                              if isinstance(v, auto) and v.value is _auto_null else (v.value if isinstance(v, auto) else v)
                              for v in value)
            last_values.append(value)
            enum_class._add_member_(name, value, is_flag)
        if is_flag:
            single_bits = multi_bits = 0
            for m in enum_class._member_map_.values():
                v = m._value_
                if _is_single_bit(v):
                    single_bits |= v
                else:
                    multi_bits |= v
            enum_class._flag_mask_ = single_bits | multi_bits
            enum_class._singles_mask_ = single_bits
            enum_class._all_bits_ = 2 ** ((single_bits | multi_bits).bit_length()) - 1
        return enum_class

    @staticmethod
    def _fix_methods_(enum_class, bases, classdict, member_type):
        # As CPython's EnumType.__new__: a ReprEnum keeps the data type's str() and
        # format(); elsewhere repr/str/format/reduce found on the data type or object are
        # replaced by the last base enum's; flags keep Flag's bitwise operators.
        if not bases:
            return
        last_enum = bases[-1]
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data type (i.e. int, str, float, etc.)')
            if '__format__' not in classdict:
                type.__setattr__(enum_class, '__format__', member_type.__format__)
                classdict = dict(classdict)
                classdict['__format__'] = True
            if '__str__' not in classdict:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, '__str__', method)
                classdict = dict(classdict)
                classdict['__str__'] = True
        for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
            if name not in classdict:
                enum_method = getattr(last_enum, name, None)
                found_method = getattr(enum_class, name, None)
                if enum_method is None or found_method is None:
                    continue
                if found_method is getattr(object, name, None) or found_method is getattr(member_type, name, None):
                    type.__setattr__(enum_class, name, enum_method)
        if Flag is not None and issubclass(enum_class, Flag):
            for op in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__', '__invert__'):
                if op not in classdict:
                    type.__setattr__(enum_class, op, getattr(Flag, op))

    def _add_member_(enum_class, name, value, is_flag):
        member_type = enum_class._member_type_
        if isinstance(value, tuple):
            args = value
        else:
            args = (value, )
        if member_type is tuple:
            args = (args, )
        new_member = getattr(enum_class, '_new_member_', None)
        if new_member is not None:
            enum_member = new_member(enum_class, *args)
            if not hasattr(enum_member, '_value_'):
                if member_type is object:
                    enum_member._value_ = value
                else:
                    enum_member._value_ = member_type(*args)
        elif member_type is object:
            enum_member = _native.new_member(enum_class)
            enum_member._value_ = value
        else:
            v = member_type(*args)
            enum_member = _native.new_member(enum_class, v)
            enum_member._value_ = v
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = enum_class
        enum_member.__init__(*args)
        enum_member._sort_order_ = len(enum_class._member_names_)
        canonical = None
        try:
            canonical = enum_class._value2member_map_.get(value)
        except TypeError:
            for m in enum_class._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is not None:
            enum_member = canonical
        else:
            if not is_flag or _is_single_bit(value):
                enum_class._member_names_.append(name)
        enum_class._member_map_[name] = enum_member
        try:
            enum_class._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            enum_class._unhashable_values_.append(value)
        type.__setattr__(enum_class, name, enum_member)

    def __bool__(cls):
        return True

    def __call__(cls, value=_auto_null, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            if value is _auto_null:
                raise TypeError("EnumType.__call__() missing 1 required positional argument: 'value'")
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start, boundary=boundary)

    def _lookup_(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if result is None and exc is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if exc is None:
            raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                            % (cls.__name__, result))
        raise exc

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            import warnings
            warnings.warn("in 3.12 __contains__ will no longer raise TypeError, but will return True or\n"
                          "False depending on whether the value is a member or the value of a member",
                          DeprecationWarning, stacklevel=2)
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (
                type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        return ['__class__', '__doc__', '__members__', '__module__'] + cls._member_names_

    def __getattr__(cls, name):
        if _is_dunder(name):
            raise AttributeError(name)
        try:
            return cls._member_map_[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        return mappingproxy(dict(cls._member_map_))

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        else:
            return "<enum %r>" % cls.__name__

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name, ))
        type.__setattr__(cls, name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
        bases = (cls, ) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if isinstance(names, dict):
            names = list(names.items())
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        classdict['__module__'] = module if module is not None else '__main__'
        if qualname is not None:
            classdict['__qualname__'] = qualname
        metacls = cls.__class__
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    @classmethod
    def _get_mixins_(metacls, class_name, bases):
        if not bases:
            return object, Enum
        member_type = object
        first_enum = None
        for base in bases:
            if isinstance(base, EnumType):
                if first_enum is None:
                    first_enum = base
                if base._member_type_ is not object and member_type is object:
                    member_type = base._member_type_
            else:
                for c in base.__mro__:
                    if c is object:
                        continue
                    if not isinstance(c, EnumType):
                        if member_type is object:
                            member_type = c
                        break
        if first_enum is None and Enum is not None:
            raise TypeError("new enumerations should be created as `EnumName([mixin_type, ...] [data_type,] enum_type)`")
        return member_type, first_enum


EnumMeta = EnumType
Enum = None
ReprEnum = None
Flag = None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start
        for last_value in reversed(last_values):
            try:
                return last_value + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ if '_value_repr_' in dir(self.__class__) else repr
        if self._name_ is None:
            return "<%s: %s>" % (self.__class__.__name__, v_repr(self._value_))
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_, )

    def __dir__(self):
        return sorted(set(['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']))

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_, )

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __setattr__(self, key, value):
        if key in ('name', 'value'):
            raise AttributeError("property '%s' of '%s' object has no setter" % (key, type(self).__name__))
        object.__setattr__(self, key, value)

    @_builtin_property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @_builtin_property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values, ))
        if len(values) == 1:
            if not isinstance(values[0], str):
                raise TypeError('%r is not a string' % (values[0], ))
        if len(values) >= 2:
            if not isinstance(values[1], str):
                raise TypeError('encoding must be a string, not %r' % (values[1], ))
        if len(values) == 3:
            if not isinstance(values[2], str):
                raise TypeError('errors must be a string, not %r' % (values[2]))
        v = str(*values)
        member = _native.new_member(cls, v)
        member._value_ = v
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum, boundary=STRICT):
    """Support for flags"""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit+1)

    @classmethod
    def _iter_member_(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if m._value_ & value == m._value_ and m._value_:
                yield m

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        singles_mask = cls._singles_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if (not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask)):
            if cls._boundary_ is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s" % (
                    cls, value, bin(value, max_bits), bin(flag_mask, max_bits)))
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif cls._boundary_ in (EJECT, KEEP):
                if value < 0:
                    value = (max(all_bits+1, 2**(value.bit_length())) + value)
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~singles_mask
        member_value = value & singles_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]' % (cls.__name__, value, unknown, _builtin_bin(unknown)))
        if cls._member_type_ is object:
            pseudo_member = _native.new_member(cls)
            pseudo_member._value_ = value
        else:
            v = cls._member_type_(value)
            pseudo_member = _native.new_member(cls, v)
            pseudo_member._value_ = v
        if member_value or aliases:
            members = []
            combined_value = 0
            for m in cls._iter_member_(member_value):
                members.append(m)
                combined_value |= m._value_
            if aliases:
                value = member_value | aliases
                for n, pv in cls._member_map_.items():
                    if pv not in members and pv._value_ and pv._value_ & value == pv._value_:
                        members.append(pv)
                        combined_value |= pv._value_
            unknown = value ^ combined_value
            pseudo_member._name_ = '|'.join([m._name_ for m in members])
            if not combined_value:
                pseudo_member._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError('%r: no members with value %r' % (cls, unknown))
            elif unknown:
                pseudo_member._name_ += '|%s' % repr(unknown)
        else:
            pseudo_member._name_ = None
        if not unknown:
            pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
            if neg_value is not None:
                cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        else:
            return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        else:
            return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            other = other
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            other = other
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            other = other
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                inv = self.__class__(~self._value_)
            else:
                inv = self.__class__(self._singles_mask_ & ~self._value_)
            object.__setattr__(self, '_inverted_', inv)
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags"""


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


class EnumCheck:
    pass

CONTINUOUS = 'no skipped integer values'
NAMED_FLAGS = 'multi-flag aliases may not contain unnamed flags'
UNIQUE = 'one name per value'


class verify:
    def __init__(self, *checks):
        self.checks = checks
    def __call__(self, enumeration):
        if UNIQUE in self.checks:
            unique(enumeration)
        return enumeration


def global_enum_repr(self):
    return '%s.%s' % (self.__class__.__module__, self._name_)

def global_flag_repr(self):
    return '%s.%s' % (self.__class__.__module__, self._name_)

def global_str(self):
    return self._name_

def global_enum(cls, update_str=False):
    return cls

def pickle_by_global_name(self, proto):
    return self.name

def pickle_by_enum_name(self, proto):
    return getattr, (self.__class__, self._name_)

property = _builtin_property
"""#
