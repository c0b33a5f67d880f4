# torch.nn — part 0: Module, the base class of every layer and model.
#
# A Module keeps its parameters, buffers and child modules in three dicts, filled
# by attribute assignment (`self.fc = nn.Linear(2, 3)`), so that `parameters()`,
# `state_dict()` and `print(model)` can walk the tree in the order the lesson
# assigned things, exactly as PyTorch does.

import math
import torch
import torch._nn as _nn
import torch.nn.functional as F
import torch.nn.init as init
from collections import OrderedDict

functional = F
Parameter = _nn.Parameter


class _IncompatibleKeys:
    """What `load_state_dict` returns: the keys it could not match."""

    def __init__(self, missing_keys, unexpected_keys):
        self.missing_keys = missing_keys
        self.unexpected_keys = unexpected_keys

    def __iter__(self):
        return iter([self.missing_keys, self.unexpected_keys])

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return (f"_IncompatibleKeys(missing_keys={repr(self.missing_keys)}, "
                f"unexpected_keys={repr(self.unexpected_keys)})")

    def __str__(self):
        return self.__repr__()


class RemovableHandle:
    """Returned by the `register_*_hook` methods; `remove()` unregisters the hook."""

    def __init__(self, hooks, key, extra_dicts=()):
        self._hooks = hooks
        self._key = key
        self._extra = list(extra_dicts)
        self.id = key

    def remove(self):
        if self._key in self._hooks:
            del self._hooks[self._key]
        for d in self._extra:
            if self._key in d:
                del d[self._key]

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.remove()


_backward_hook_function = []


def _backward_hook_function_class():
    """The identity node full backward hooks hang on (grad_fn BackwardHookFunctionBackward):
    one on the module's tensor inputs, one on its outputs. Made on first use, so that
    loading torch.nn needs no torch.autograd."""
    if not _backward_hook_function:
        class BackwardHookFunction(torch.autograd.Function):
            @staticmethod
            def forward(ctx, state, *args):
                ctx.mark_non_differentiable(*[a for a in args if not a.requires_grad])
                ctx.hook_state = state
                return args

            @staticmethod
            def backward(ctx, *grads):
                return (None,) + tuple(ctx.hook_state(grads))
        _backward_hook_function.append(BackwardHookFunction)
    return _backward_hook_function[0]


class _BackwardHookState:
    """What torch.utils.hooks.BackwardHook keeps between a module's output and input nodes."""

    def __init__(self, module, full_hooks, pre_hooks):
        self.module = module
        self.full_hooks = full_hooks
        self.pre_hooks = pre_hooks
        self.grad_outputs = None
        self.n_inputs = 0
        self.input_idx = None

    def packed_inputs(self, grads):
        result = [None] * self.n_inputs
        for i, g in zip(self.input_idx, grads):
            result[i] = g
        return tuple(result)

    def on_inputs(self, grads):
        grad_inputs = self.packed_inputs(grads)
        for hook in self.full_hooks:
            out = hook(self.module, grad_inputs, self.grad_outputs)
            if out is None:
                continue
            out = tuple(out)
            if len(out) != len(grad_inputs):
                raise RuntimeError(f"Backward hook returned an invalid number of grad_input, "
                                   f"got {len(out)}, but expected {len(grad_inputs)}")
            grad_inputs = out
        return tuple(grad_inputs[i] for i in self.input_idx)

    def on_outputs(self, grads):
        grads = tuple(grads)
        for hook in self.pre_hooks:
            out = hook(self.module, grads)
            if out is None:
                continue
            out = tuple(out) if isinstance(out, (tuple, list)) else (out,)
            if len(out) != len(grads):
                raise RuntimeError(f"Backward pre hook returned an invalid number of grad_output, "
                                   f"got {len(out)}, but expected {len(grads)}")
            grads = out
        self.grad_outputs = grads
        if self.input_idx is None:
            grad_inputs = tuple([None] * self.n_inputs)
            for hook in self.full_hooks:
                out = hook(self.module, grad_inputs, self.grad_outputs)
                if out is not None and not all(g is None for g in out):
                    raise RuntimeError("Backward hook for Modules where no input requires gradient should always "
                                       "return None or None for all gradients.")
        return grads

    def wrap(self, values, on_backward):
        idx = [i for i, a in enumerate(values) if isinstance(a, torch.Tensor)]
        tensors = [values[i] for i in idx]
        if not torch.is_grad_enabled() or not any(t.requires_grad for t in tensors):
            return None, values
        out = _backward_hook_function_class().apply(on_backward, *tensors)
        if not isinstance(out, tuple):
            out = (out,)
        values = list(values)
        for i, t in zip(idx, out):
            values[i] = t
        return idx, tuple(values)

    def setup_inputs(self, args):
        self.n_inputs = len(args)
        idx, args = self.wrap(args, self.on_inputs)
        self.input_idx = idx
        return args

    def setup_outputs(self, result):
        single = isinstance(result, torch.Tensor)
        values = (result,) if single else result
        if not isinstance(values, tuple):
            return result
        _, values = self.wrap(values, self.on_outputs)
        return values[0] if single else values


def _addindent(text, spaces):
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    first = lines.pop(0)
    rest = [(" " * spaces + line) if line else line for line in lines]
    return first + "\n" + "\n".join(rest)


def _contains_object(objects, obj):
    # Identity, not equality: tensors compare element-wise.
    for o in objects:
        if o is obj:
            return True
    return False


def _typename(value):
    if isinstance(value, torch.Tensor):
        return value.type()
    return type(value).__name__


_hook_counter = [0]

# Hooks for every module (torch.nn.modules.module.register_module_*_hook).
_global_forward_pre_hooks = {}
_global_forward_hooks = {}
_global_backward_hooks = {}
_global_backward_pre_hooks = {}


def _move_to_front(d, key):
    items = [(key, d[key])] + [(k, v) for k, v in d.items() if k != key]
    d.clear()
    for k, v in items:
        d[k] = v


def register_module_forward_pre_hook(hook):
    _hook_counter[0] += 1
    _global_forward_pre_hooks[_hook_counter[0]] = hook
    return RemovableHandle(_global_forward_pre_hooks, _hook_counter[0])


def register_module_forward_hook(hook, *, always_call=False):
    _hook_counter[0] += 1
    _global_forward_hooks[_hook_counter[0]] = hook
    return RemovableHandle(_global_forward_hooks, _hook_counter[0])


def register_module_full_backward_hook(hook):
    _hook_counter[0] += 1
    _global_backward_hooks[_hook_counter[0]] = hook
    return RemovableHandle(_global_backward_hooks, _hook_counter[0])


def register_module_full_backward_pre_hook(hook):
    _hook_counter[0] += 1
    _global_backward_pre_hooks[_hook_counter[0]] = hook
    return RemovableHandle(_global_backward_pre_hooks, _hook_counter[0])


class Module:
    """Base class for all neural network modules; subclass it and define `forward`."""

    # Recorded per module in `state_dict()._metadata`, as PyTorch does (torch.save writes it).
    _version = 1

    def __init__(self, *args, **kwargs):
        if kwargs:
            name = list(kwargs.keys())[0]
            raise TypeError(
                f"{type(self).__name__}.__init__() got an unexpected keyword argument '{name}'")
        if args:
            raise TypeError(
                f"{type(self).__name__}.__init__() takes 1 positional argument but {len(args) + 1} were given")
        object.__setattr__(self, "training", True)
        object.__setattr__(self, "_parameters", {})
        object.__setattr__(self, "_buffers", {})
        object.__setattr__(self, "_non_persistent_buffers", [])
        object.__setattr__(self, "_modules", {})
        object.__setattr__(self, "_forward_pre_hooks", {})
        object.__setattr__(self, "_forward_hooks", {})
        object.__setattr__(self, "_forward_pre_hooks_with_kwargs", {})
        object.__setattr__(self, "_forward_hooks_with_kwargs", {})
        object.__setattr__(self, "_forward_hooks_always_called", {})
        object.__setattr__(self, "_backward_hooks", {})
        object.__setattr__(self, "_backward_pre_hooks", {})
        object.__setattr__(self, "_is_full_backward_hook", None)

    def forward(self, *args, **kwargs):
        raise NotImplementedError(
            f'Module [{type(self).__name__}] is missing the required "forward" function')

    def __call__(self, *args, **kwargs):
        # Module._call_impl's order: forward pre-hooks, the backward hook node on the
        # inputs, forward, forward hooks, the backward hook node on the outputs.
        if not (self._forward_pre_hooks or self._forward_hooks or self._backward_hooks
                or self._backward_pre_hooks or _global_forward_pre_hooks or _global_forward_hooks
                or _global_backward_hooks or _global_backward_pre_hooks):
            return self.forward(*args, **kwargs)
        called_always = []
        result = None
        try:
            for hook_id, hook in list(_global_forward_pre_hooks.items()) + list(self._forward_pre_hooks.items()):
                if hook_id in self._forward_pre_hooks_with_kwargs:
                    pair = hook(self, args, kwargs)
                    if pair is not None:
                        if isinstance(pair, tuple) and len(pair) == 2:
                            args, kwargs = pair
                        else:
                            raise RuntimeError("forward pre-hook must return None or a tuple "
                                               f"of (new_args, new_kwargs), but got {pair}.")
                else:
                    new_args = hook(self, args)
                    if new_args is not None:
                        if not isinstance(new_args, tuple):
                            new_args = (new_args,)
                        args = new_args
            full_hooks = list(_global_backward_hooks.values()) + list(self._backward_hooks.values())
            pre_hooks = list(_global_backward_pre_hooks.values()) + list(self._backward_pre_hooks.values())
            state = None
            if full_hooks or pre_hooks:
                state = _BackwardHookState(self, full_hooks, pre_hooks)
                args = state.setup_inputs(args)
            result = self.forward(*args, **kwargs)
            for hook_id, hook in list(_global_forward_hooks.items()) + list(self._forward_hooks.items()):
                if hook_id in self._forward_hooks_always_called:
                    called_always.append(hook_id)
                if hook_id in self._forward_hooks_with_kwargs:
                    new_result = hook(self, args, kwargs, result)
                else:
                    new_result = hook(self, args, result)
                if new_result is not None:
                    result = new_result
            if state is not None:
                result = state.setup_outputs(result)
            return result
        except Exception:
            for hook_id, hook in list(self._forward_hooks.items()):
                if hook_id in self._forward_hooks_always_called and hook_id not in called_always:
                    try:
                        if hook_id in self._forward_hooks_with_kwargs:
                            new_result = hook(self, args, kwargs, result)
                        else:
                            new_result = hook(self, args, result)
                        if new_result is not None:
                            result = new_result
                    except Exception as e:
                        import warnings
                        warnings.warn("module forward hook with ``always_call=True`` raised an exception "
                                      f"that was silenced as another error was raised in forward: {str(e)}",
                                      stacklevel=2)
            raise

    def register_forward_hook(self, hook, *, prepend=False, with_kwargs=False, always_call=False):
        _hook_counter[0] += 1
        key = _hook_counter[0]
        self._forward_hooks[key] = hook
        if with_kwargs:
            self._forward_hooks_with_kwargs[key] = True
        if always_call:
            self._forward_hooks_always_called[key] = True
        if prepend:
            _move_to_front(self._forward_hooks, key)
        return RemovableHandle(self._forward_hooks, key,
                               [self._forward_hooks_with_kwargs, self._forward_hooks_always_called])

    def register_forward_pre_hook(self, hook, *, prepend=False, with_kwargs=False):
        _hook_counter[0] += 1
        key = _hook_counter[0]
        self._forward_pre_hooks[key] = hook
        if with_kwargs:
            self._forward_pre_hooks_with_kwargs[key] = True
        if prepend:
            _move_to_front(self._forward_pre_hooks, key)
        return RemovableHandle(self._forward_pre_hooks, key, [self._forward_pre_hooks_with_kwargs])

    def register_full_backward_hook(self, hook, prepend=False):
        if self._is_full_backward_hook is False:
            raise RuntimeError("Cannot use both regular backward hooks and full backward hooks on a "
                               "single Module. Please use only one of them.")
        object.__setattr__(self, "_is_full_backward_hook", True)
        _hook_counter[0] += 1
        key = _hook_counter[0]
        self._backward_hooks[key] = hook
        if prepend:
            _move_to_front(self._backward_hooks, key)
        return RemovableHandle(self._backward_hooks, key)

    def register_full_backward_pre_hook(self, hook, prepend=False):
        _hook_counter[0] += 1
        key = _hook_counter[0]
        self._backward_pre_hooks[key] = hook
        if prepend:
            _move_to_front(self._backward_pre_hooks, key)
        return RemovableHandle(self._backward_pre_hooks, key)

    # -- attributes: parameters, buffers and submodules live in their own dicts --

    def __getattr__(self, name):
        if name in ("_parameters", "_buffers", "_modules"):
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        if name in self._parameters:
            return self._parameters[name]
        if name in self._buffers:
            return self._buffers[name]
        if name in self._modules:
            return self._modules[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        params = self._parameters if hasattr(self, "_parameters") else None
        if isinstance(value, Parameter):
            if params is None:
                raise AttributeError("cannot assign parameters before Module.__init__() call")
            self._forget(name)
            self.register_parameter(name, value)
        elif params is not None and name in params:
            if value is not None:
                raise TypeError(
                    f"cannot assign '{_typename(value)}' as parameter '{name}' "
                    "(torch.nn.Parameter or None expected)")
            self.register_parameter(name, value)
        elif isinstance(value, Module):
            if params is None:
                raise AttributeError("cannot assign module before Module.__init__() call")
            self._forget(name)
            self._modules[name] = value
        elif params is not None and name in self._modules:
            if value is not None:
                raise TypeError(
                    f"cannot assign '{_typename(value)}' as child module '{name}' "
                    "(torch.nn.Module or None expected)")
            self._modules[name] = value
        elif params is not None and name in self._buffers:
            if value is not None and not isinstance(value, torch.Tensor):
                raise TypeError(
                    f"cannot assign '{_typename(value)}' as buffer '{name}' "
                    "(torch.nn.Buffer, torch.Tensor or None expected)")
            self._buffers[name] = value
        else:
            object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in self._parameters:
            del self._parameters[name]
        elif name in self._buffers:
            del self._buffers[name]
            if name in self._non_persistent_buffers:
                self._non_persistent_buffers.remove(name)
        elif name in self._modules:
            del self._modules[name]
        else:
            object.__delattr__(self, name)

    def _forget(self, name):
        # A name lives in exactly one place: the instance, or one of the three dicts.
        if name in self._parameters:
            del self._parameters[name]
        if name in self._buffers:
            del self._buffers[name]
        if name in self._modules:
            del self._modules[name]

    def register_parameter(self, name, param):
        if not hasattr(self, "_parameters"):
            raise AttributeError("cannot assign parameter before Module.__init__() call")
        if "." in name:
            raise KeyError('parameter name can\'t contain "."')
        if name == "":
            raise KeyError('parameter name can\'t be empty string ""')
        if param is not None and not isinstance(param, Parameter):
            raise TypeError(
                f"cannot assign '{_typename(param)}' object to parameter '{name}' "
                "(torch.nn.Parameter or None required)")
        self._parameters[name] = param

    def register_buffer(self, name, tensor, persistent=True):
        if not hasattr(self, "_buffers"):
            raise AttributeError("cannot assign buffer before Module.__init__() call")
        if "." in name:
            raise KeyError('buffer name can\'t contain "."')
        if tensor is not None and not isinstance(tensor, torch.Tensor):
            raise TypeError(
                f"cannot assign '{_typename(tensor)}' object to buffer '{name}' "
                "(torch Tensor or None required)")
        self._buffers[name] = tensor
        if persistent:
            if name in self._non_persistent_buffers:
                self._non_persistent_buffers.remove(name)
        elif name not in self._non_persistent_buffers:
            self._non_persistent_buffers.append(name)

    def add_module(self, name, module):
        if module is not None and not isinstance(module, Module):
            raise TypeError(f"{_typename(module)} is not a Module subclass")
        if "." in name:
            raise KeyError(f'module name can\'t contain ".", got: {name}')
        self._modules[name] = module

    def register_module(self, name, module):
        self.add_module(name, module)

    def get_submodule(self, target):
        module = self
        if target == "":
            return module
        for item in target.split("."):
            if item not in module._modules:
                raise AttributeError(f"{module._get_name()} has no attribute `{item}`")
            module = module._modules[item]
        return module

    # -- walking the tree --

    def named_modules(self, memo=None, prefix="", remove_duplicate=True):
        if memo is None:
            memo = []
        if _contains_object(memo, self):
            return
        if remove_duplicate:
            memo.append(self)
        yield prefix, self
        for name, module in self._modules.items():
            if module is None:
                continue
            sub_prefix = prefix + ("." if prefix else "") + name
            for pair in module.named_modules(memo, sub_prefix, remove_duplicate):
                yield pair

    def modules(self):
        for _, module in self.named_modules():
            yield module

    def named_children(self):
        seen = []
        for name, module in self._modules.items():
            if module is not None and not _contains_object(seen, module):
                seen.append(module)
                yield name, module

    def children(self):
        for _, module in self.named_children():
            yield module

    def _named_members(self, members_of, prefix, recurse, remove_duplicate):
        if recurse:
            modules = self.named_modules(prefix=prefix, remove_duplicate=remove_duplicate)
        else:
            modules = [(prefix, self)]
        seen = []
        for module_prefix, module in modules:
            for name, value in members_of(module):
                if value is None or _contains_object(seen, value):
                    continue
                if remove_duplicate:
                    seen.append(value)
                yield module_prefix + ("." if module_prefix else "") + name, value

    def named_parameters(self, prefix="", recurse=True, remove_duplicate=True):
        return self._named_members(lambda m: m._parameters.items(), prefix, recurse,
                                   remove_duplicate)

    def parameters(self, recurse=True):
        for _, param in self.named_parameters(recurse=recurse):
            yield param

    def named_buffers(self, prefix="", recurse=True, remove_duplicate=True):
        return self._named_members(lambda m: m._buffers.items(), prefix, recurse,
                                   remove_duplicate)

    def buffers(self, recurse=True):
        for _, buf in self.named_buffers(recurse=recurse):
            yield buf

    def apply(self, fn):
        for module in self.children():
            module.apply(fn)
        fn(self)
        return self

    # -- modes and gradients --

    def train(self, mode=True):
        if not isinstance(mode, bool):
            raise ValueError("training mode is expected to be boolean")
        self.training = mode
        for module in self.children():
            module.train(mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def zero_grad(self, set_to_none=True):
        for p in self.parameters():
            if p.grad is not None:
                if set_to_none:
                    p.grad = None
                else:
                    if p.grad.grad_fn is not None:
                        p.grad.detach_()
                    else:
                        p.grad.requires_grad_(False)
                    p.grad.zero_()

    # -- moving between devices and dtypes --

    def _apply(self, fn):
        for module in self.children():
            module._apply(fn)
        with torch.no_grad():
            for name, param in self._parameters.items():
                if param is None:
                    continue
                param.data = fn(param)
                if param.grad is not None:
                    param.grad = fn(param.grad)
            for name, buf in self._buffers.items():
                if buf is not None:
                    self._buffers[name] = fn(buf)
        return self

    def to(self, *args, **kwargs):
        device = kwargs.get("device", None)
        dtype = kwargs.get("dtype", None)
        for arg in args:
            if isinstance(arg, torch.dtype):
                dtype = arg
            elif isinstance(arg, torch.Tensor):
                device = arg.device
                dtype = arg.dtype
            else:
                device = arg

        def convert(t):
            if dtype is not None and t.is_floating_point():
                if device is not None:
                    return t.to(device=device, dtype=dtype)
                return t.to(dtype=dtype)
            if device is not None:
                return t.to(device=device)
            return t

        return self._apply(convert)

    def cpu(self):
        return self._apply(lambda t: t.cpu())

    def cuda(self, device=None):
        if device is None:
            return self._apply(lambda t: t.cuda())
        return self._apply(lambda t: t.cuda(device))

    def float(self):
        return self._apply(lambda t: t.float() if t.is_floating_point() else t)

    def double(self):
        return self._apply(lambda t: t.double() if t.is_floating_point() else t)

    def half(self):
        return self._apply(lambda t: t.half() if t.is_floating_point() else t)

    # -- saving and loading --

    def state_dict(self, destination=None, prefix="", keep_vars=False):
        if destination is None:
            destination = OrderedDict()
            destination._metadata = OrderedDict()
        if hasattr(destination, "_metadata"):
            destination._metadata[prefix[:-1]] = dict(version=self._version)
        for name, param in self._parameters.items():
            if param is not None:
                destination[prefix + name] = param if keep_vars else param.detach()
        for name, buf in self._buffers.items():
            if buf is not None and name not in self._non_persistent_buffers:
                destination[prefix + name] = buf if keep_vars else buf.detach()
        for name, module in self._modules.items():
            if module is not None:
                module.state_dict(destination=destination, prefix=prefix + name + ".",
                                  keep_vars=keep_vars)
        return destination

    def load_state_dict(self, state_dict, strict=True, assign=False):
        own = self.state_dict(keep_vars=True)
        missing_keys = []
        unexpected_keys = []
        error_msgs = []
        with torch.no_grad():
            for key, param in own.items():
                if key not in state_dict:
                    missing_keys.append(key)
                    continue
                value = state_dict[key]
                if not isinstance(value, torch.Tensor):
                    error_msgs.append(
                        f'While copying the parameter named "{key}", expected torch.Tensor or '
                        f"Tensor-like object from checkpoint but received {type(value)}")
                    continue
                if len(param.shape) == 0 and len(value.shape) == 1 and value.shape[0] == 1:
                    value = value[0]
                if value.shape != param.shape:
                    error_msgs.append(
                        f"size mismatch for {key}: copying a param with shape {value.shape} "
                        f"from checkpoint, the shape in current model is {param.shape}.")
                    continue
                param.copy_(value)
        for key in state_dict.keys():
            if key not in own:
                unexpected_keys.append(key)
        if strict:
            if unexpected_keys:
                names = ", ".join(['"' + k + '"' for k in unexpected_keys])
                error_msgs.insert(0, f"Unexpected key(s) in state_dict: {names}. ")
            if missing_keys:
                names = ", ".join(['"' + k + '"' for k in missing_keys])
                error_msgs.insert(0, f"Missing key(s) in state_dict: {names}. ")
        if error_msgs:
            details = "\n\t".join(error_msgs)
            raise RuntimeError(
                f"Error(s) in loading state_dict for {type(self).__name__}:\n\t{details}")
        return _IncompatibleKeys(missing_keys, unexpected_keys)

    # -- printing --

    def _get_name(self):
        return type(self).__name__

    def extra_repr(self):
        return ""

    def __repr__(self):
        extra_lines = []
        extra = self.extra_repr()
        if extra:
            extra_lines = extra.split("\n")
        child_lines = []
        for key, module in self._modules.items():
            child_lines.append("(" + key + "): " + _addindent(repr(module), 2))
        lines = extra_lines + child_lines
        main = self._get_name() + "("
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                main += extra_lines[0]
            else:
                main += "\n  " + "\n  ".join(lines) + "\n"
        return main + ")"
