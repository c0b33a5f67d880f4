# torch.frobenius_norm, torch.nuclear_norm, torch.norm_except_dim: the three norms ATen
# keeps for TorchScript (LinearAlgebra.cpp, WeightNorm.cpp), written over the ops they call
# there (at::norm -> NormBackward0/1, linalg.matrix_norm 'nuc', norm along a view), so values
# and grad_fn names follow. Bound onto `torch` by Functions/PythonComposites.swift.
import warnings
import torch
import torch._nn as _nn

_warned = set()


def _warn_once(message):
    if message not in _warned:
        _warned.add(message)
        warnings.warn(message)


def frobenius_norm(input, dim, keepdim=False):
    _warn_once("at::frobenius_norm is deprecated and it is just left for JIT compatibility. It will be removed "
               "in a future PyTorch release. Please use `linalg.vector_norm(A, 2., dim, keepdim)` instead")
    if isinstance(dim, int):
        dim = [dim]
    dim = list(dim)
    if len(dim) > 2:
        raise RuntimeError("Expected at most 2 dimensions, but got " + str(len(dim)) + " dimensions instead.")
    return _nn.norm(input, 2, dim, keepdim)


def nuclear_norm(input, dim=None, keepdim=False):
    _warn_once("at::nuclear_norm is deprecated and it is just left for JIT compatibility. It will be removed "
               "in a future PyTorch release. Please use `linalg.matrix_norm(A, 'nuc', dim, keepdim)` instead")
    if isinstance(dim, bool):
        # nuclear_norm(input, keepdim)
        keepdim = dim
        dim = None
    if dim is None:
        return torch.linalg.matrix_norm(input, "nuc", (-2, -1), keepdim)
    if isinstance(dim, int):
        dim = [dim]
    dim = list(dim)
    if input.dim() < 2:
        raise RuntimeError("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.")
    if len(dim) != 2:
        raise RuntimeError("linalg.matrix_norm: dim must be a 2-tuple. Got " + " ".join([str(d) for d in dim]))
    n = input.dim()
    if (dim[0] + n if dim[0] < 0 else dim[0]) == (dim[1] + n if dim[1] < 0 else dim[1]):
        raise RuntimeError("linalg.matrix_norm: dims must be different. Got (" + str(dim[0] + n if dim[0] < 0 else dim[0])
                           + ", " + str(dim[1] + n if dim[1] < 0 else dim[1]) + ")")
    return torch.linalg.matrix_norm(input, "nuc", tuple(dim), keepdim)


def norm_except_dim(v, pow=2, dim=0):
    # WeightNorm.cpp: at::norm over a 2-D view (NormBackward1), the whole norm for dim=-1
    # (NormBackward0), and a transpose to dimension 0 for the others.
    if dim == -1:
        return _nn.norm(v, pow)
    if dim == 0:
        output_size = [v.size(0)] + [1] * (v.dim() - 1)
        return _nn.norm(v.contiguous().view(v.size(0), -1), pow, 1, False).view(output_size)
    if dim == v.dim() - 1:
        output_size = [1] * (v.dim() - 1) + [v.size(v.dim() - 1)]
        return _nn.norm(v.contiguous().view(-1, v.size(v.dim() - 1)), pow, 0, False).view(output_size)
    return norm_except_dim(v.transpose(0, dim), pow, 0).transpose(0, dim)
