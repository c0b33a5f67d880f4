# torch.quantile / torch.nanquantile, torch.cov / torch.corrcoef: composites, written the
# way ATen composes them (Sorting.cpp's quantile: sort, ranks in double, gather, lerp
# with weights in the input dtype, an in-place squeeze; Correlation.cpp's cov: weighted mean, mm, true_divide,
# squeeze), so values, grad_fn names and gradients follow from the ops they use.
# Bound onto `torch` and `Tensor` by Functions/TensorMisc2.swift.

import torch

_INTERPOLATIONS = ["linear", "lower", "higher", "midpoint", "nearest"]
_SCALAR_TYPE_NAMES = {torch.float32: "Float", torch.float64: "Double", torch.float16: "Half",
                      torch.bfloat16: "BFloat16", torch.int64: "Long", torch.int32: "Int",
                      torch.int16: "Short", torch.int8: "Char", torch.uint8: "Byte", torch.bool: "Bool"}


def _quantile(input, q, dim, keepdim, interpolation, ignore_nan):
    if not isinstance(q, torch.Tensor):
        q = float(q)
        if not (q >= 0 and q <= 1):
            raise RuntimeError("quantile() q must be in the range [0, 1] but got " + str(q))
        q = torch.scalar_tensor(q, dtype=input.dtype, device=input.device)
    if interpolation not in _INTERPOLATIONS:
        raise RuntimeError("quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, but got " + str(interpolation))
    if input.numel() == 0:
        raise RuntimeError("quantile() input tensor must be non-empty")
    if q.dim() > 1:
        raise RuntimeError("quantile() q must be a scalar or 1D tensor")
    if input.dtype != torch.float32 and input.dtype != torch.float64:
        raise RuntimeError("quantile() input tensor must be either float or double dtype")
    if input.dtype != q.dtype:
        raise RuntimeError("quantile() q tensor must be same dtype as the input tensor")
    ndim = max(input.dim(), 1)
    wrapped = 0
    if dim is not None:
        wrapped = dim + ndim if dim < 0 else dim
        if wrapped < 0 or wrapped >= ndim:
            raise IndexError("Dimension out of range (expected to be in range of [" + str(-ndim) + ", " + str(ndim - 1) + "], but got " + str(dim) + ")")
    out_shape = []
    if dim is not None and input.dim() > 0:
        out_shape = list(input.shape)
        if keepdim:
            out_shape[wrapped] = 1
        else:
            del out_shape[wrapped]
    elif keepdim:
        out_shape = [1] * input.dim()
    if q.dim() > 0:
        out_shape.insert(0, q.numel())
    if not bool(torch.logical_and(q >= 0, q <= 1).all()):
        raise RuntimeError("quantile() q values must be in the range [0, 1]")
    if dim is None:
        sorted_ = input.flatten().sort()[0]
    elif wrapped == input.dim() - 1:
        sorted_ = input.sort()[0]
    else:
        sorted_ = input.unsqueeze(-1).transpose(wrapped, -1).sort()[0]
    if q.dim() == 0:
        out_shape.insert(0, q.numel())
    in_shape = out_shape[1:] + [sorted_.size(-1)]
    sorted_ = sorted_.view(in_shape)
    if ignore_nan:
        ranks = q.double() * (sorted_.isnan().logical_not().sum(-1, True) - 1)
        ranks = ranks.masked_fill(ranks < 0, 0)
    else:
        last_index = sorted_.size(-1) - 1
        scaled, has_nan = torch.broadcast_tensors(q.double() * last_index, sorted_.isnan().any(-1, True))
        ranks = scaled.masked_fill(has_nan, last_index)
    if interpolation == "lower":
        ranks = ranks.floor()
    elif interpolation == "higher":
        ranks = ranks.ceil()
    elif interpolation == "nearest":
        ranks = ranks.round()
    ranks_below = ranks.long()
    values = sorted_.gather(-1, ranks_below)
    if interpolation == "linear" or interpolation == "midpoint":
        if interpolation == "midpoint":
            weights = torch.full_like(ranks, 0.5, dtype=input.dtype)
        else:
            weights = (ranks - ranks_below).to(input.dtype)
        ranks_above = ranks.ceil().long()
        values = values.lerp(sorted_.gather(-1, ranks_above), weights)
    if q.dim() == 0:
        return _squeeze_fresh_(values, -1)
    return _squeeze_fresh_(values.unsqueeze(0).transpose(0, -1), -1)


def quantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    return _quantile(input, q, dim, keepdim, interpolation, False)


def nanquantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    return _quantile(input, q, dim, keepdim, interpolation, True)


def cov(input, *, correction=1, fweights=None, aweights=None):
    if input.dim() > 2:
        raise RuntimeError("cov(): expected input to have two or fewer dimensions but got an input with " + str(input.dim()) + " dimensions")
    if input.dtype == torch.bool:
        raise NotImplementedError("cov(): bool dtype is not supported for input")
    x = input.view(1, -1) if input.dim() < 2 else input
    n = x.size(1)
    w = None
    if fweights is not None:
        w = fweights
        if w.dim() > 1:
            raise RuntimeError("cov(): expected fweights to have one or fewer dimensions but got fweights with " + str(w.dim()) + " dimensions")
        if w.is_floating_point() or w.dtype == torch.bool:
            raise RuntimeError("cov(): expected fweights to have integral dtype but got fweights with " + _SCALAR_TYPE_NAMES[w.dtype] + " dtype")
        if w.numel() != n:
            raise RuntimeError("cov(): expected fweights to have the same numel as there are observations in the input but got " + str(w.numel()) + " != " + str(n))
        if n != 0 and not bool(w.min() >= 0):
            raise RuntimeError("cov(): fweights cannot be negative")
    if aweights is not None:
        aw = aweights
        if aw.dim() > 1:
            raise RuntimeError("cov(): expected aweights to have one or fewer dimensions but got aweights with " + str(aw.dim()) + " dimensions")
        if not aw.is_floating_point():
            raise RuntimeError("cov(): expected aweights to have floating point dtype but got aweights with " + _SCALAR_TYPE_NAMES[aw.dtype] + " dtype")
        if aw.numel() != n:
            raise RuntimeError("cov(): expected aweights to have the same numel as there are observations in the input but got " + str(aw.numel()) + " != " + str(n))
        if n != 0 and not bool(aw.min() >= 0):
            raise RuntimeError("cov(): aweights cannot be negative")
        w = aw if w is None else w * aw
    w_sum = w.sum() if w is not None else torch.scalar_tensor(n, dtype=torch.int64)
    if w is not None and not bool(w_sum != 0):
        raise RuntimeError("cov(): weights sum to zero, can't be normalized")
    avg = (x * w if w is not None else x).sum(1) / w_sum
    if w is None:
        norm_factor = torch.scalar_tensor(n - correction, dtype=torch.int64)
    elif correction == 0:
        norm_factor = w_sum
    elif aweights is None:
        norm_factor = w_sum - correction
    elif fweights is None and n == 1 and correction == 1:
        norm_factor = torch.scalar_tensor(0, dtype=torch.int64)
    else:
        norm_factor = w_sum - correction * (w * aweights).sum() / w_sum
    if bool(norm_factor <= 0):
        import warnings
        warnings.warn("cov(): degrees of freedom is <= 0. Correction should be strictly less than the number of observations.")
        norm_factor = torch.zeros_like(norm_factor)
    if n == 1 and (fweights is not None) != (aweights is not None):
        x = torch.zeros_like(x)
        if not x.is_floating_point():
            x = x.float()
    else:
        x = x - avg.unsqueeze(1)
    c = torch.mm(x, (x * w if w is not None else x).t())
    return torch.true_divide(c, norm_factor).squeeze()


def corrcoef(input):
    if input.dim() > 2:
        raise RuntimeError("corrcoef(): expected input to have two or fewer dimensions but got an input with " + str(input.dim()) + " dimensions")
    c = cov(input)
    if c.dim() == 0:
        return c / c
    d = c.diagonal()
    stddev = torch.sqrt(d)
    c = c / stddev.view(-1, 1)
    c = c / stddev.view(1, -1)
    return c.clip(-1, 1)


def fill_diagonal_(self, fill_value, wrap=False):
    # ATen's fill_diagonal_: the main diagonal as one strided view (stride = the sum of
    # all strides) filled in place, and for a tall matrix with wrap=True the diagonals
    # that restart every width + 1 rows.
    n = self.dim()
    if n < 2:
        raise RuntimeError("dimensions must larger than 1")
    height = self.size(0)
    width = self.size(1)
    if n > 2:
        for i in range(1, n):
            if self.size(i) != height:
                raise RuntimeError("all dimensions of input must be of equal length")
    offset = self.storage_offset()
    size = min(height, width)
    stride = 0
    for i in range(n):
        stride += self.stride(i)
    self.as_strided((size,), (stride,), offset).fill_(fill_value)
    if wrap and n == 2 and height > width + 1:
        step = width + 1
        wrap_size = (self.numel() + step - 1) // step - size
        self.as_strided((wrap_size,), (stride,), offset + self.stride(0) * (width + 1)).fill_(fill_value)
    return self


def vander(x, N=None, increasing=False):
    # ATen's vander: ones, the powers as a cumulative product of the repeated column,
    # then flipped unless increasing.
    if x.dim() != 1:
        raise RuntimeError("x must be a one-dimensional tensor.")
    n = x.size(0) if N is None else N
    if n < 0:
        raise RuntimeError("N must be non-negative.")
    dtype = torch.promote_types(x.dtype, torch.int64)
    result = torch.empty((x.size(0), n), dtype=dtype, device=x.device)
    if n > 0:
        result.fill_(1)
        if n > 1:
            result[:, 1:].copy_(x.unsqueeze(1))
            result[:, 1:].copy_(torch.cumprod(result[:, 1:], 1))
    if not increasing:
        return torch.flip(result, [1])
    return result


# -- Tensor.resize / resize_as: torch/_tensor.py's deprecated non-inplace forms, through
#    torch.autograd._functions.Resize (a Python Function: ResizeBackward) --

class Resize(torch.autograd.Function):
    @staticmethod
    def forward(ctx, tensor, sizes):
        ctx.sizes = sizes
        numel = 1
        for s in sizes:
            numel = numel * s
        ctx.numel = numel
        if tensor.numel() != numel:
            raise RuntimeError(
                ("requested resize to {} ({} elements in total), "
                 "but the given tensor has a size of {} ({} elements). "
                 "autograd's resize can only change the shape of a given "
                 "tensor, while preserving the number of elements. ").format(
                    "x".join(map(str, sizes)), numel, "x".join(map(str, tensor.size())), tensor.numel()))
        ctx.input_sizes = tensor.size()
        # PyTorch: `tensor.new(tensor)` (an alias of the storage) for a contiguous tensor,
        # so writes to the result reach the input; a copy otherwise.
        return tensor.detach().contiguous().view(*sizes)

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output.contiguous().view(ctx.input_sizes), None


def resize(self, *sizes):
    import warnings
    warnings.warn("non-inplace resize is deprecated", stacklevel=2)
    return Resize.apply(self, sizes)


def resize_as(self, tensor):
    import warnings
    warnings.warn("non-inplace resize_as is deprecated", stacklevel=2)
    return Resize.apply(self, tensor.size())
