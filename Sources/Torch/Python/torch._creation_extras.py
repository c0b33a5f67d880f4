# torch.asarray and torch.empty_permuted, written as PyTorch 2.15 defines them
# (torch/csrc/utils/tensor_new.cpp's asarray, TensorFactories.cpp's empty_permuted), with
# their error texts. Bound onto `torch` by Functions/PythonComposites.swift.
import warnings
import torch

_SCALAR_TYPE_NAMES = {torch.float32: "Float", torch.float64: "Double", torch.float16: "Half",
                      torch.bfloat16: "BFloat16", torch.complex64: "ComplexFloat",
                      torch.complex128: "ComplexDouble", torch.int64: "Long", torch.int32: "Int",
                      torch.int16: "Short", torch.int8: "Char", torch.uint8: "Byte", torch.bool: "Bool"}


def asarray(obj, *, dtype=None, device=None, copy=None, requires_grad=None):
    if not isinstance(obj, torch.Tensor) and type(obj).__name__ == "ndarray":
        obj = torch.from_numpy(obj)
    if isinstance(obj, torch.Tensor):
        t = obj
        target_device = torch.device(device) if device is not None else None
        wrong_device = target_device is not None and target_device != t.device
        wrong_dtype = dtype is not None and dtype != t.dtype
        if copy or (copy is None and (wrong_device or wrong_dtype)):
            if wrong_device or wrong_dtype:
                t = t.to(device=target_device if target_device is not None else t.device,
                         dtype=dtype if dtype is not None else t.dtype, copy=bool(copy))
            else:
                t = t.clone()
        else:
            if wrong_device:
                raise ValueError("can't alias tensor from device '" + str(t.device) + "' to '" + str(target_device) + "'.")
            if wrong_dtype:
                raise ValueError("can't alias tensor with dtype '" + _SCALAR_TYPE_NAMES[t.dtype] + "' into dtype '"
                                 + _SCALAR_TYPE_NAMES[dtype] + "'.")
        wanted = requires_grad
        if requires_grad is None:
            wanted = obj.requires_grad
            if obj.requires_grad:
                warnings.warn("torch.asarray: unspecified requires_grad now defaults to obj.requires_grad instead of "
                              "False. Pass requires_grad=False explicitly to get the old behavior and silence this warning.")
        if wanted:
            if not t.requires_grad:
                if not (t.is_floating_point() or t.is_complex()):
                    raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
                t.requires_grad_(True)
        elif t.requires_grad:
            if t.is_leaf:
                t.requires_grad_(False)
            else:
                t = t.detach()
        return t
    if copy is not None and not copy:
        raise ValueError("can't alias arbitrary sequence into a tensor.")
    t = torch.tensor(obj, dtype=dtype, device=device)
    if requires_grad:
        if not (t.is_floating_point() or t.is_complex()):
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        t.requires_grad_(True)
    return t


def empty_permuted(size, physical_layout, *, dtype=None, layout=None, device=None, requires_grad=False,
                   pin_memory=False):
    size = list(size)
    physical_layout = list(physical_layout)
    dim = len(size)
    if dim != len(physical_layout):
        raise RuntimeError("Number of dimensions in size does not match the length of the physical_layout; i.e. "
                           "len(size) = " + str(dim) + " is not equal to len(physical_layout) = "
                           + str(len(physical_layout)))
    seen = [False] * dim
    phys_size = [0] * dim
    perm = [0] * dim
    for i in range(dim):
        p = physical_layout[i]
        if p < 0 or p >= dim:
            raise RuntimeError("Dimension out of range (expected to be between 0 and " + str(dim - 1) + ", but got "
                               + str(p) + " at index " + str(i) + ").  NB: negative dims not currently supported; "
                               "file an issue if you want it.")
        if seen[p]:
            raise RuntimeError("Duplicate dim not allowed")
        seen[p] = True
        phys_size[i] = size[p]
        perm[p] = i
    t = torch.empty(phys_size, dtype=dtype, device=device).permute(perm)
    if requires_grad:
        if not (t.is_floating_point() or t.is_complex()):
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        t.requires_grad_(True)
    return t
