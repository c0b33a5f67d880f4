# torch.autograd.graph, as PyTorch 2.15 writes it for what lessons use: the Node class
# (every grad_fn is an instance), saved_tensors_hooks, save_on_cpu and
# disable_saved_tensors_hooks. The hook stack and the packing live in the native
# autograd (torch._autograd): a node's saved tensors are handed to the innermost
# pack_hook when saved and to its unpack_hook each time backward or `_saved_*` needs them.
import contextlib
import torch
from torch._autograd import (
    _node_class,
    _push_saved_tensors_default_hooks,
    _pop_saved_tensors_default_hooks,
    _saved_tensors_hooks_disable,
    _saved_tensors_hooks_enable,
    _saved_tensors_hooks_get_disabled_error_message,
)

__all__ = [
    "saved_tensors_hooks",
    "save_on_cpu",
    "disable_saved_tensors_hooks",
    "Node",
]

Node = _node_class()


class saved_tensors_hooks:
    """Context-manager that sets a pair of pack / unpack hooks for saved tensors."""

    def __init__(self, pack_hook, unpack_hook):
        self.pack_hook = pack_hook
        self.unpack_hook = unpack_hook

    def __enter__(self):
        _push_saved_tensors_default_hooks(self.pack_hook, self.unpack_hook)

    def __exit__(self, *args):
        _pop_saved_tensors_default_hooks()


class save_on_cpu(saved_tensors_hooks):
    """Context manager under which tensors saved by the forward pass will be stored on cpu, then retrieved for backward."""

    def __init__(self, pin_memory=False, device_type="cuda"):
        device_module = getattr(torch, device_type, torch.cuda)

        def pack_to_cpu(tensor):
            if not pin_memory:
                return (tensor.device, tensor.cpu())
            is_pinnable = device_module.is_available() and not tensor.is_sparse
            packed = torch.empty(
                tensor.size(),
                dtype=tensor.dtype,
                layout=tensor.layout,
                pin_memory=is_pinnable,
            )
            packed.copy_(tensor, non_blocking=is_pinnable)
            return (tensor.device, packed)

        def unpack_from_cpu(packed):
            device, tensor = packed
            return tensor.to(device, non_blocking=pin_memory)

        super().__init__(pack_to_cpu, unpack_from_cpu)


@contextlib.contextmanager
def disable_saved_tensors_hooks(error_message):
    """Context-manager that disables the saved tensors default hooks feature."""
    maybe_prev_message = None
    try:
        maybe_prev_message = _saved_tensors_hooks_get_disabled_error_message()
        _saved_tensors_hooks_disable(error_message)
        yield
    finally:
        if maybe_prev_message is None:
            _saved_tensors_hooks_enable()
        else:
            _saved_tensors_hooks_disable(maybe_prev_message)
