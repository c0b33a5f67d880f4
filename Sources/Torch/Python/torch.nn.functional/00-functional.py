# torch.nn.functional — the stateless operations behind torch.nn's layers.
#
# Where PyTorch computes a function natively (and names its grad_fn after it, like
# MseLossBackward0) we call the native module torch._nn; where PyTorch composes it from
# other tensor operations (l1_loss, dropout) we compose it the same way here, so that
# results and grad_fn names match.

import math
import torch
import torch._nn as _nn


def _check_reduction(reduction):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return reduction


def _reduce(loss, reduction):
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss


def _legacy_reduction(size_average, reduce, reduction):
    if size_average is None and reduce is None:
        return reduction
    if size_average is None:
        size_average = True
    if reduce is None:
        reduce = True
    if size_average and reduce:
        return "mean"
    if reduce:
        return "sum"
    return "none"


def _pair(value):
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return (value, value)


def _single(value):
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return (value,)


# -- affine maps and convolutions --

def _conv_param(value, n, name=None):
    """A convolution's stride/padding/dilation as n values: ATen's expand_param_if_needed
    repeats a single value (an int or a one-element list) over the spatial dims and refuses
    a list of another length."""
    if isinstance(value, (list, tuple)):
        if len(value) == 1:
            return tuple(value) * n
        if name is not None and len(value) != n:
            raise RuntimeError(f"expected {name} to be a single integer value or a list of {n} values to match "
                               f"the convolution dimensions, but got {name}={list(value)}")
        return tuple(value)
    return tuple([value] * n)

def linear(input, weight, bias=None):
    return _nn.linear(input, weight, bias)


def bilinear(input1, input2, weight, bias=None):
    return _nn.bilinear(input1, input2, weight, bias)


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    stride = _conv_param(stride, 1, "stride")
    if not isinstance(padding, str):
        padding = _conv_param(padding, 1, "padding")
    return _nn.conv1d(input, weight, bias, stride, padding, _conv_param(dilation, 1, "dilation"), groups)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    stride = _conv_param(stride, 2, "stride")
    if not isinstance(padding, str):
        padding = _conv_param(padding, 2, "padding")
    return _nn.conv2d(input, weight, bias, stride, padding, _conv_param(dilation, 2, "dilation"), groups)


# -- pooling --

def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
               return_indices=False):
    kernel_size = _pair(kernel_size)
    # An omitted stride travels as () (the kernel size), as PyTorch's node shows it.
    stride = () if stride is None else _pair(stride)
    output, indices = _nn.max_pool2d(input, kernel_size, stride, _pair(padding),
                                     _pair(dilation), ceil_mode)
    if return_indices:
        return output, indices
    return output


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False,
               count_include_pad=True, divisor_override=None):
    kernel_size = _pair(kernel_size)
    stride = () if stride is None else _pair(stride)
    return _nn.avg_pool2d(input, kernel_size, stride, _pair(padding), ceil_mode,
                          count_include_pad, divisor_override)


def adaptive_avg_pool2d(input, output_size):
    return _nn.adaptive_avg_pool2d(input, _pair(output_size))


# -- activations --

def relu(input, inplace=False):
    if inplace:
        return torch.relu_(input)
    return torch.relu(input)


def relu_(input):
    return torch.relu_(input)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    if inplace:
        return _nn.leaky_relu_(input, negative_slope)
    return _nn.leaky_relu(input, negative_slope)


def gelu(input, approximate="none"):
    return _nn.gelu(input, approximate)


def silu(input, inplace=False):
    if inplace:
        return _nn.silu_(input)
    return _nn.silu(input)


def sigmoid(input):
    return input.sigmoid()


def tanh(input):
    return input.tanh()


def _softmax_dim(ndim):
    # PyTorch's legacy rule when dim is not given (it also warns).
    if ndim == 0 or ndim == 1 or ndim == 3:
        return 0
    return 1


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _softmax_dim(input.dim())
    if dtype is None:
        return input.softmax(dim)
    return input.softmax(dim, dtype=dtype)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _softmax_dim(input.dim())
    if dtype is None:
        return input.log_softmax(dim)
    return input.log_softmax(dim, dtype=dtype)


# -- regularisation and normalisation --

def _empty_like_preserving_layout(input):
    # empty_like keeps a dense input's strides, so the mask of a transposed input is drawn
    # in its memory order: create the permuted tensor contiguous, then view it back.
    dims = sorted(range(input.dim()), key=lambda d: (-input.stride(d), d))
    if dims == list(range(input.dim())):
        return torch.empty_like(input)
    inverse = [0] * len(dims)
    for i, d in enumerate(dims):
        inverse[d] = i
    empty = torch.empty([input.size(d) for d in dims], dtype=input.dtype, device=input.device)
    return empty.permute(inverse)


def dropout(input, p=0.5, training=True, inplace=False):
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if p == 0 or not training or input.numel() == 0:
        return input
    if p == 1:
        if inplace:
            return input.mul_(torch.zeros((), dtype=input.dtype))
        return input * torch.zeros((), dtype=input.dtype)
    # As ATen does on the CPU: a Bernoulli(1-p) mask, scaled, then one multiplication.
    noise = _empty_like_preserving_layout(input).bernoulli_(1 - p)
    noise.div_(1 - p)
    if inplace:
        return input.mul_(noise)
    return input * noise


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False,
               momentum=0.1, eps=1e-5):
    if training:
        size = input.shape
        values_per_channel = 1
        for i in range(len(size)):
            if i != 1:
                values_per_channel *= size[i]
        if values_per_channel == 1:
            raise ValueError(
                f"Expected more than 1 value per channel when training, got input size {size}")
    return _nn.batch_norm(input, running_mean, running_var, weight, bias, training, momentum,
                          eps)


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    if isinstance(normalized_shape, int):
        normalized_shape = (normalized_shape,)
    return _nn.layer_norm(input, tuple(normalized_shape), weight, bias, eps)


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0,
              scale_grad_by_freq=False, sparse=False):
    if padding_idx is not None:
        if padding_idx > 0:
            if padding_idx >= weight.size(0):
                raise AssertionError("Padding_idx must be within num_embeddings")
        elif padding_idx < 0:
            if padding_idx < -weight.size(0):
                raise AssertionError("Padding_idx must be within num_embeddings")
            padding_idx = weight.size(0) + padding_idx
    else:
        padding_idx = -1
    if max_norm is not None:
        with torch.no_grad():
            _embedding_renorm_(weight, input, max_norm, norm_type)
    return _nn.embedding(weight, input, padding_idx, scale_grad_by_freq)


def _embedding_renorm_(weight, input, max_norm, norm_type):
    # PyTorch's embedding_renorm_: each looked-up row whose norm exceeds max_norm is
    # scaled in place by max_norm / (norm + 1e-7), the factor computed in double.
    for index in sorted(set(input.reshape(-1).tolist())):
        row = weight[index]
        norm = row.norm(norm_type).item()
        if norm > max_norm:
            row.mul_(max_norm / (norm + 1e-7))


def one_hot(tensor, num_classes=-1):
    return _nn.one_hot(tensor, num_classes)


def pad(input, pad, mode="constant", value=None):
    return _nn.pad(input, tuple(pad), mode, value)


# -- losses --

def mse_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    return _nn.mse_loss(input, target, reduction)


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    return _reduce((input - target).abs(), reduction)


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean",
                   beta=1.0):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    if beta == 0.0:
        return _reduce((input - target).abs(), reduction)
    return _nn.smooth_l1_loss(input, target, reduction, beta)


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
             reduction="mean"):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    return _nn.nll_loss(input, target, weight, reduction, ignore_index)


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100,
                  reduce=None, reduction="mean", label_smoothing=0.0):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    return _nn.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing)


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None,
                         reduction="mean"):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    if target.size() != input.size():
        raise ValueError(
            f"Using a target size ({target.size()}) that is different to the input size "
            f"({input.size()}) is deprecated. Please ensure they have the same size.")
    return _nn.binary_cross_entropy(input, target, weight, reduction)


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None,
                                     reduce=None, reduction="mean", pos_weight=None):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    if target.size() != input.size():
        raise ValueError(
            f"Target size ({target.size()}) must be the same as input size ({input.size()})")
    return _nn.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)
