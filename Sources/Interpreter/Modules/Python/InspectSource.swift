/// `inspect`: the generator-state helpers, the `is…` type tests and `signature` (with
/// `Signature`, `Parameter`, `BoundArguments`), printing and binding as CPython 3.11's do.
/// A Python function's parameters come from `_inspect` (InspectNative.swift); built-in
/// functions have no signature here. `currentframe` and `getargvalues` read
/// snapshots of the running frames (FrameSnapshots.swift); source retrieval is not provided.
let inspectSource = #"""
import types as _types
import enum as _enum
import _inspect
from collections import namedtuple as _namedtuple

Arguments = _namedtuple('Arguments', 'args, varargs, varkw')
ArgInfo = _namedtuple('ArgInfo', 'args varargs keywords locals')

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'


def currentframe():
    """The caller's frame: a snapshot of its locals, globals and line (see sys._getframe)."""
    import sys
    return sys._getframe(1)


def getargs(co):
    """(args, varargs, varkw) of a code object's parameters."""
    nargs = co.co_argcount + co.co_kwonlyargcount
    names = co.co_varnames
    args = list(names[:nargs])
    varargs = None
    if co.co_flags & 4:
        varargs = names[nargs]
        nargs += 1
    varkw = None
    if co.co_flags & 8:
        varkw = names[nargs]
    return Arguments(args, varargs, varkw)


def getargvalues(frame):
    """ArgInfo(args, varargs, keywords, locals) of a frame."""
    args, varargs, varkw = getargs(frame.f_code)
    return ArgInfo(args, varargs, varkw, frame.f_locals)


def getgeneratorstate(generator):
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getgeneratorlocals(generator):
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = getattr(generator, "gi_frame", None)
    if frame is not None:
        return generator.gi_frame.f_locals
    return {}


def isgenerator(object):
    return isinstance(object, _types.GeneratorType)


def isfunction(object):
    return isinstance(object, _types.FunctionType)


def ismethod(object):
    return isinstance(object, _types.MethodType)


def isbuiltin(object):
    return isinstance(object, _types.BuiltinFunctionType)


def isclass(object):
    return isinstance(object, type)


def ismodule(object):
    return isinstance(object, _types.ModuleType)


def iscode(object):
    return isinstance(object, _types.CodeType)


def isframe(object):
    return isinstance(object, _types.FrameType)


def isgeneratorfunction(object):
    if ismethod(object):
        object = object.__func__
    return _inspect.is_generator_function(object)


def iscoroutinefunction(object):
    return False


def isroutine(object):
    return isinstance(object, (_types.FunctionType, _types.MethodType, _types.BuiltinFunctionType))


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker - used in Parameter & Signature."""


class _ParameterKind(_enum.IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self.name

    @property
    def description(self):
        return _KIND_DESCRIPTIONS[self]


_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD
_KIND_DESCRIPTIONS = {
    _POSITIONAL_ONLY: 'positional-only',
    _POSITIONAL_OR_KEYWORD: 'positional or keyword',
    _VAR_POSITIONAL: 'variadic positional',
    _KEYWORD_ONLY: 'keyword-only',
    _VAR_KEYWORD: 'variadic keyword',
}


def formatannotation(annotation, base_module=None):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, _types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


class Parameter:
    __slots__ = ('_name', '_kind', '_default', '_annotation')

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            self._kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError(f'value {kind!r} is not a valid Parameter.kind')
        if default is not _empty and self._kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError(f'{self._kind.description} parameters cannot have default values')
        self._default = default
        self._annotation = annotation
        if name is _empty:
            raise ValueError('name is a required attribute for Parameter')
        if not isinstance(name, str):
            raise TypeError(f'name must be a str, not a {type(name).__name__}')
        if not name.isidentifier():
            raise ValueError(f'{name!r} is not a valid parameter name')
        self._name = name

    @property
    def name(self):
        return self._name

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    @property
    def kind(self):
        return self._kind

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return type(self)(self._name if name is _void else name,
                          self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = f'{text}: {formatannotation(self._annotation)}'
        if self._default is not _empty:
            text += (' = ' if self._annotation is not _empty else '=') + repr(self._default)
        if self._kind == _VAR_POSITIONAL:
            return '*' + text
        if self._kind == _VAR_KEYWORD:
            return '**' + text
        return text

    def __repr__(self):
        return f'<{type(self).__name__} "{self}">'

    def __hash__(self):
        return hash((self.name, self.kind, self.annotation, self.default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and self._annotation == other._annotation)


class BoundArguments:
    __slots__ = ('arguments', '_signature')

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        out = []
        for name, param in self._signature.parameters.items():
            if param.kind >= _KEYWORD_ONLY or name not in self.arguments:
                break
            if param.kind == _VAR_POSITIONAL:
                out.extend(self.arguments[name])
            else:
                out.append(self.arguments[name])
        return tuple(out)

    @property
    def kwargs(self):
        out = {}
        started = False
        for name, param in self._signature.parameters.items():
            if not started:
                if param.kind >= _KEYWORD_ONLY:
                    started = True
                elif name not in self.arguments:
                    started = True
                    continue
                else:
                    continue
            if name in self.arguments:
                if param.kind == _VAR_KEYWORD:
                    out.update(self.arguments[name])
                else:
                    out[name] = self.arguments[name]
        return out

    def apply_defaults(self):
        filled = {}
        for name, param in self._signature.parameters.items():
            if name in self.arguments:
                filled[name] = self.arguments[name]
            elif param.default is not _empty:
                filled[name] = param.default
            elif param.kind == _VAR_POSITIONAL:
                filled[name] = ()
            elif param.kind == _VAR_KEYWORD:
                filled[name] = {}
        self.arguments = filled

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        parts = ', '.join(f'{name}={value!r}' for name, value in self.arguments.items())
        return f'<{type(self).__name__} ({parts})>'


class Signature:
    __slots__ = ('_return_annotation', '_parameters')

    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = {}
        if parameters is not None:
            top = _POSITIONAL_ONLY
            seen_default = False
            for param in parameters:
                kind = param.kind
                name = param.name
                if __validate_parameters__:
                    if kind < top:
                        raise ValueError(f'wrong parameter order: {top.description} parameter before '
                                         f'{kind.description} parameter')
                    top = kind
                    if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                        if param.default is _empty:
                            if seen_default:
                                raise ValueError('non-default argument follows default argument')
                        else:
                            seen_default = True
                    else:
                        seen_default = False
                    if name in params:
                        raise ValueError(f'duplicate parameter name: {name!r}')
                params[name] = param
        self._parameters = params
        self._return_annotation = return_annotation

    @property
    def parameters(self):
        proxy = getattr(_types, 'MappingProxyType', None)
        return proxy(self._parameters) if proxy is not None else dict(self._parameters)

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        return type(self)(self._parameters.values() if parameters is _void else parameters,
                          return_annotation=self._return_annotation if return_annotation is _void
                          else return_annotation)

    def __hash__(self):
        return hash((tuple(p for p in self._parameters.values() if p.kind != _KEYWORD_ONLY),
                     frozenset(p for p in self._parameters.values() if p.kind == _KEYWORD_ONLY),
                     self._return_annotation))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return (self._return_annotation == other._return_annotation and
                list(self._parameters.values()) == list(other._parameters.values()))

    def _bind(self, args, kwargs, partial=False):
        arguments = {}
        kwargs = dict(kwargs)
        params = list(self._parameters.values())
        positional = [p for p in params if p.kind <= _POSITIONAL_OR_KEYWORD]
        rest = params[len(positional):]
        for k, value in enumerate(args):
            if k == len(positional):
                if rest and rest[0].kind == _VAR_POSITIONAL:
                    arguments[rest[0].name] = tuple(args[k:])
                    break
                raise TypeError('too many positional arguments')
            p = positional[k]
            if p.kind == _POSITIONAL_OR_KEYWORD and p.name in kwargs:
                raise TypeError(f'multiple values for argument {p.name!r}')
            arguments[p.name] = value
        var_keyword = None
        for p in params:
            if p.name in arguments or p.kind == _VAR_POSITIONAL:
                continue
            if p.kind == _VAR_KEYWORD:
                var_keyword = p
                continue
            if p.name in kwargs:
                if p.kind == _POSITIONAL_ONLY:
                    raise TypeError(f'{p.name!r} parameter is positional only, but was passed as a keyword')
                arguments[p.name] = kwargs.pop(p.name)
            elif not partial and p.default is _empty:
                raise TypeError(f'missing a required argument: {p.name!r}')
        if kwargs:
            if var_keyword is None:
                raise TypeError(f'got an unexpected keyword argument {next(iter(kwargs))!r}')
            arguments[var_keyword.name] = kwargs
        return self._bound_arguments_cls(self, arguments)

    def bind(self, /, *args, **kwargs):
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return f'<{type(self).__name__} {self}>'

    def __str__(self):
        parts = []
        pending_slash = False
        star_needed = True
        for param in self._parameters.values():
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                pending_slash = True
            elif pending_slash:
                parts.append('/')
                pending_slash = False
            if kind == _VAR_POSITIONAL:
                star_needed = False
            elif kind == _KEYWORD_ONLY and star_needed:
                parts.append('*')
                star_needed = False
            parts.append(str(param))
        if pending_slash:
            parts.append('/')
        text = '(' + ', '.join(parts) + ')'
        if self._return_annotation is not _empty:
            text += ' -> ' + formatannotation(self._return_annotation)
        return text

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return _signature(obj, cls, follow_wrapped)


def _function_signature(function, cls):
    annotations = getattr(function, '__annotations__', None) or {}
    params = [cls._parameter_cls(name, kind, default=default, annotation=annotations.get(name, _empty))
              for name, kind, default in _inspect.parameters(function, _empty)]
    return cls(params, return_annotation=annotations.get('return', _empty), __validate_parameters__=False)


def _without_first(sig):
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError('invalid method signature')
    if params[0].kind == _VAR_POSITIONAL:
        return sig
    return sig.replace(parameters=params[1:])


def _signature(obj, cls, follow_wrapped=True):
    if not callable(obj):
        raise TypeError(f'{obj!r} is not a callable object')
    if isinstance(obj, _types.MethodType):
        return _without_first(_signature(obj.__func__, cls, follow_wrapped))
    if follow_wrapped:
        while hasattr(obj, '__wrapped__') and not isinstance(obj, type):
            obj = obj.__wrapped__
            if isinstance(obj, _types.MethodType):
                return _signature(obj, cls, follow_wrapped)
    sig = getattr(obj, '__signature__', None)
    if sig is not None and not isinstance(obj, type):
        if not isinstance(sig, Signature):
            raise TypeError(f'unexpected object {sig!r} in __signature__ attribute')
        return sig
    if isinstance(obj, _types.FunctionType):
        return _function_signature(obj, cls)
    if isinstance(obj, _types.BuiltinFunctionType):
        raise ValueError(f'no signature found for builtin {obj!r}')
    if isinstance(obj, type):
        for klass in obj.__mro__:
            if klass is object:
                break
            if '__new__' in klass.__dict__ and isinstance(klass.__dict__['__new__'], (staticmethod, _types.FunctionType)):
                return _without_first(_signature(obj.__new__, cls, follow_wrapped))
            if '__init__' in klass.__dict__ and isinstance(klass.__dict__['__init__'], _types.FunctionType):
                return _without_first(_signature(klass.__dict__['__init__'], cls, follow_wrapped))
        if obj.__init__ is object.__init__ and obj.__new__ is object.__new__:
            return cls([])
        raise ValueError(f'no signature found for builtin type {obj!r}')
    call = getattr(type(obj), '__call__', None)
    if isinstance(call, _types.FunctionType):
        return _without_first(_signature(call, cls, follow_wrapped))
    raise ValueError(f'callable {obj!r} is not supported by signature')


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped)
"""#
