import torch
import functools
import warnings
from torch import _autograd

__all__ = ["FunctionCtx", "BackwardCFunction", "Function", "InplaceFunction", "NestedIOFunction",
           "once_differentiable"]


class FunctionCtx:
    """What `forward` (or `setup_context`) writes into: tensors to save, inputs changed
    in place, outputs that are not differentiable."""

    def save_for_backward(self, *tensors):
        i = 0
        for t in tensors:
            if not (t is None or isinstance(t, torch.Tensor)):
                raise TypeError("save_for_backward can only save variables, but argument " + str(i)
                                + " is of type " + type(t).__name__)
            i += 1
        self.to_save = tensors

    def save_for_forward(self, *tensors):
        self.saved_for_forward = tensors

    def mark_dirty(self, *args):
        self.dirty_tensors = args

    def mark_non_differentiable(self, *args):
        self.non_differentiable = args

    def set_materialize_grads(self, value):
        self.materialize_grads = value


class _HookMixin:
    pass


class BackwardCFunction(FunctionCtx, _HookMixin):
    """The class of a custom Function's node: its instances are both the `ctx` that
    forward and backward see and the outputs' `grad_fn`."""

    def apply(self, *args):
        # What the engine calls with the output gradients.
        cls = self._forward_cls
        backward_fn = cls.backward
        vjp_fn = cls.vjp
        if backward_fn is not Function.backward and vjp_fn is not Function.vjp:
            raise RuntimeError("Implementing both 'backward' and 'vjp' for a custom Function is not allowed. "
                               "You should only implement one of them.")
        user_fn = vjp_fn if vjp_fn is not Function.vjp else backward_fn
        return user_fn(self, *args)

    def name(self):
        return type(self).__name__

    @property
    def saved_tensors(self):
        return _autograd.saved_tensors(self)

    @property
    def next_functions(self):
        return _autograd.next_functions(self)

    @property
    def metadata(self):
        if not hasattr(self, "_metadata"):
            self._metadata = {}
        return self._metadata


class _SingleLevelFunction(FunctionCtx, _HookMixin):
    def __init_subclass__(cls, **kwargs):
        # PyTorch's FunctionMeta: each subclass gets its node class, `<Name>Backward`.
        backward_cls = type(cls.__name__ + "Backward", (BackwardCFunction,),
                            {"_forward_cls": cls, "__module__": "torch.autograd.function"})
        cls._backward_cls = _autograd.set_class_module(backward_cls, "torch.autograd.function")

    @staticmethod
    def forward(*args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom autograd.Function.")

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError("You must implement either the backward or vjp method for your custom "
                                  "autograd.Function to use it with backward mode AD.")

    vjp = backward

    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise NotImplementedError("You must implement the jvp function for custom autograd.Function to use it "
                                  "with forward mode AD.")


class Function(_SingleLevelFunction):
    """Base class of custom autograd operations: subclasses define static `forward`
    and `backward` (and optionally `setup_context`) and are called with `.apply`."""

    def __init__(self, *args, **kwargs):
        warnings.warn(str(type(self)) + " should not be instantiated. Methods on autograd functions are all "
                      "static, so you should invoke them on the class itself. Instantiating an autograd function "
                      "will raise an error in a future version of PyTorch.", DeprecationWarning)

    def __call__(self, *args, **kwargs):
        raise RuntimeError("Legacy autograd function with non-static forward method is deprecated. Please use "
                           "new-style autograd function with static forward method. (Example: "
                           "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)")

    @classmethod
    def apply(cls, *args, **kwargs):
        all_args = args + tuple(kwargs.values())
        ctx = cls._backward_cls()
        ctx.needs_input_grad = tuple(isinstance(a, torch.Tensor) and a.requires_grad for a in all_args)
        uses_setup_context = cls.setup_context is not _SingleLevelFunction.setup_context
        with torch.no_grad():
            if uses_setup_context:
                outputs = cls.forward(*args, **kwargs)
                cls.setup_context(ctx, all_args, outputs)
            else:
                outputs = cls.forward(ctx, *args, **kwargs)
        return _autograd.function_apply(ctx, type(ctx).__name__, all_args, outputs)


class InplaceFunction(Function):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace


class NestedIOFunction(Function):
    pass


def once_differentiable(fn):
    """A backward that may run only once: differentiating its result raises."""

    @functools.wraps(fn)
    def wrapper(ctx, *args):
        with torch.no_grad():
            outputs = fn(ctx, *args)
        if not torch.is_grad_enabled():
            return outputs
        requires_grad = any(isinstance(arg, torch.Tensor) and arg.requires_grad for arg in args)
        if not requires_grad:
            return outputs
        if not isinstance(outputs, tuple):
            outputs = (outputs,)

        def fake_requires_grad(var):
            if var is not None:
                var = var.detach()
                var.requires_grad = True
            return var

        fakes = [fake_requires_grad(v) for v in outputs]
        errors = _autograd.delayed_error(
            "trying to differentiate twice a function that was marked with @once_differentiable",
            *[v for v in fakes if v is not None])
        result = []
        k = 0
        for v in fakes:
            if v is None:
                result.append(None)
            else:
                result.append(errors[k])
                k += 1
        return tuple(result)

    return wrapper
