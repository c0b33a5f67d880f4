# torch.optim — part 0: Optimizer, the base class that holds parameter groups and state.
#
# Every update follows PyTorch's single-tensor CPU code path operation by operation
# (same in-place ops, same order, Python floats where PyTorch uses Python floats), so
# parameters after each step equal PyTorch's bit for bit.

import math
import torch


def _typename(value):
    if isinstance(value, torch.Tensor):
        return value.type()
    return type(value).__name__


class Optimizer:
    """Holds `param_groups` (dicts of params and hyper-parameters) and per-param `state`."""

    # PyTorch's multi-tensor updates assert that autograd is off; SGD's does not check.
    _foreach_refuses_autograd = True

    def __init__(self, params, defaults):
        self.defaults = defaults
        # Keyed by the parameter tensor itself (tensors hash by identity).
        self.state = {}
        self.param_groups = []
        if isinstance(params, torch.Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of "
                            "Tensors or dicts, but got " + _typename(params))
        param_groups = list(params)
        if len(param_groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]
        for group in param_groups:
            self.add_param_group(group)
        if defaults.get("fused"):
            # Adam, AdamW, SGD and Adagrad refuse these after building their groups
            if defaults.get("differentiable"):
                raise RuntimeError("`fused` does not support `differentiable`")
            if defaults.get("foreach"):
                raise RuntimeError("`fused` and `foreach` cannot be `True` together.")
            # GradScaler.step then hands the scale and found_inf to the fused kernels.
            self._step_supports_amp_scaling = True

    def add_param_group(self, param_group):
        if not isinstance(param_group, dict):
            raise TypeError(f"param_group must be a dict, but got {type(param_group).__name__}")
        group = {}
        for key, value in param_group.items():
            group[key] = value
        params = group["params"]
        if isinstance(params, torch.Tensor):
            group["params"] = [params]
        else:
            group["params"] = list(params)
        for param in group["params"]:
            if not isinstance(param, torch.Tensor):
                raise TypeError("optimizer can only optimize Tensors, but one of the params is "
                                + _typename(param))
            if not param.is_leaf:
                raise ValueError("can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            if name not in group:
                group[name] = default
        for other in self.param_groups:
            for p in other["params"]:
                for q in group["params"]:
                    if p is q:
                        raise ValueError(
                            "some parameters appear in more than one parameter group")
        self.param_groups.append(group)

    def _state_for(self, param):
        # PyTorch's state is a defaultdict(dict): touching it creates the entry.
        if param not in self.state:
            self.state[param] = {}
        return self.state[param]

    def zero_grad(self, set_to_none=True):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    if set_to_none:
                        p.grad = None
                    else:
                        if p.grad.grad_fn is not None:
                            p.grad.detach_()
                        else:
                            p.grad.requires_grad_(False)
                        p.grad.zero_()

    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        # differentiable=True keeps grad mode on through the update (so an in-place update
        # of a leaf that requires grad raises, as in PyTorch); otherwise it is off.
        with torch.set_grad_enabled(bool(self.defaults.get("differentiable", False))):
            for group in self.param_groups:
                if (group.get("foreach") and group.get("differentiable")
                        and self._foreach_refuses_autograd
                        and any(p.grad is not None for p in group["params"])):
                    raise AssertionError("_foreach ops don't support autograd")
                self._update_group(group)
        return loss

    def _update_group(self, group):
        raise NotImplementedError

    def _fused_skips_step(self):
        """ATen's fused CPU kernels return at once when GradScaler's found_inf is 1."""
        found_inf = getattr(self, "found_inf", None)
        return found_inf is not None and found_inf.item() == 1.0

    def _fused_unscale_grad(self, p):
        """The fused kernels divide each gradient by GradScaler's grad_scale (in the
        gradient's dtype) and store it back before the update."""
        grad_scale = getattr(self, "grad_scale", None)
        if grad_scale is not None:
            p.grad.div_(grad_scale)

    def _fused_restore_step(self, step_t):
        """_fused_adam / _fused_adagrad subtract found_inf from the steps they added 1 to."""
        found_inf = getattr(self, "found_inf", None)
        if found_inf is not None:
            step_t.sub_(found_inf)

    def state_dict(self):
        index_of = []
        packed_groups = []
        for group in self.param_groups:
            packed = {}
            for key, value in group.items():
                if key != "params":
                    packed[key] = value
            indices = []
            for p in group["params"]:
                found = -1
                for i, q in enumerate(index_of):
                    if q is p:
                        found = i
                if found < 0:
                    index_of.append(p)
                    found = len(index_of) - 1
                indices.append(found)
            packed["params"] = indices
            packed_groups.append(packed)
        packed_state = {}
        for param, value in self.state.items():
            for i, q in enumerate(index_of):
                if q is param:
                    packed_state[i] = value
        return {"state": packed_state, "param_groups": packed_groups}

    def load_state_dict(self, state_dict):
        saved_groups = state_dict["param_groups"]
        if len(self.param_groups) != len(saved_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        params_by_index = {}
        for group, saved in zip(self.param_groups, saved_groups):
            if len(group["params"]) != len(saved["params"]):
                raise ValueError("loaded state dict contains a parameter group that doesn't "
                                 "match the size of optimizer's group")
            for index, p in zip(saved["params"], group["params"]):
                params_by_index[index] = p
        self.state = {}
        for index, values in state_dict["state"].items():
            if index not in params_by_index:
                continue
            param = params_by_index[index]
            # As in PyTorch, tensors are cast to the parameter's dtype but not copied: a
            # state tensor that already has that dtype is shared with `state_dict`.
            copied = {}
            for key, value in values.items():
                if isinstance(value, torch.Tensor):
                    if key != "step" and param.is_floating_point():
                        value = value.to(dtype=param.dtype)
                copied[key] = value
            self.state[param] = copied
        new_groups = []
        for group, saved in zip(self.param_groups, saved_groups):
            new_group = {}
            for key, value in saved.items():
                new_group[key] = value
            new_group["params"] = group["params"]
            new_groups.append(new_group)
        self.param_groups = new_groups

    def __repr__(self):
        text = type(self).__name__ + " ("
        for i, group in enumerate(self.param_groups):
            text += "\n"
            text += f"Parameter Group {i}\n"
            for key in sorted(group.keys()):
                if key != "params":
                    text += f"    {key}: {group[key]}\n"
        return text + ")"
