/// `types`: the classes of built-in objects (found from examples of them, so they are the
/// interpreter's own) and `SimpleNamespace`, as CPython 3.11 names and prints them.
let typesSource = #"""
import sys as _sys

GenericAlias = type(list[int])
UnionType = type(int | str)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
MappingProxyType = type(type.__dict__)


def _function():
    pass


def _generator():
    yield


class _C:
    def _method(self):
        pass


FunctionType = LambdaType = type(_function)
BuiltinFunctionType = BuiltinMethodType = type(len)
MethodType = type(_C()._method)
GeneratorType = type(_generator())
CodeType = type(_generator().gi_code)
FrameType = type(_generator().gi_frame)
ModuleType = type(_sys)
del _function, _generator, _C


class SimpleNamespace:
    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        for k, v in dict(mapping_or_iterable, **kwargs).items():
            setattr(self, k, v)

    def __repr__(self):
        return "namespace(" + ", ".join(k + "=" + repr(v) for k, v in self.__dict__.items()) + ")"

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return self.__dict__ == other.__dict__
"""#
