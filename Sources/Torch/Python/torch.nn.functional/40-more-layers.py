# torch.nn.functional — part 5: the rest of the layer zoo (1-d pooling, adaptive max
# pooling, Lp pooling, shuffles, feature and alpha dropout, instance/group/RMS/local
# response norm, threshold, softmin, in-place activations, more losses).
#
# What PyTorch computes natively with a grad_fn of its own (threshold, pixel_shuffle,
# adaptive_max_pool2d, native_group_norm) calls torch._nn; what ATen composes
# (max_pool1d = max_pool2d on an unsqueezed input, instance_norm = batch_norm on a
# (1, N·C, ...) view, alpha dropout, hinge embedding loss) is composed here in ATen's order.


def _ntuple_of(n, value):
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return tuple([value for _ in range(n)])


def _list_with_default(out_size, defaults):
    if isinstance(out_size, int):
        return out_size
    if len(defaults) <= len(out_size):
        raise ValueError("Input dimension should be at least " + str(len(out_size) + 1))
    defaults = list(defaults)[-len(out_size):]
    return [v if v is not None else d for v, d in zip(out_size, defaults)]


def _check_dims_2_to_3(input, name):
    if input.dim() < 2 or input.dim() > 3:
        raise RuntimeError(f"Expected 2 to 3 dimensions, but got {input.dim()}-dimensional "
                           f"tensor for argument #1 'self' (while checking arguments for {name})")


# -- threshold, softmin, in-place activations --

def threshold(input, threshold, value, inplace=False):
    if inplace:
        return _nn.threshold_(input, threshold, value)
    return _nn.threshold(input, threshold, value)


def threshold_(input, threshold, value):
    return _nn.threshold_(input, threshold, value)


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        dim = _softmax_dim(input.dim())
    if dtype is None:
        return (-input).softmax(dim)
    return (-input).softmax(dim, dtype=dtype)


def elu_(input, alpha=1.0):
    return _nn.elu_(input, alpha, 1.0, 1.0)


def selu_(input):
    return _nn.elu_(input, _SELU_ALPHA, _SELU_SCALE, 1.0)


def celu_(input, alpha=1.0):
    return _nn.celu_(input, alpha)


def hardtanh_(input, min_val=-1.0, max_val=1.0):
    return _nn.hardtanh_(input, min_val, max_val)


def leaky_relu_(input, negative_slope=0.01):
    return _nn.leaky_relu_(input, negative_slope)


def rrelu_(input, lower=1.0 / 8, upper=1.0 / 3, training=False):
    return rrelu(input, lower, upper, training, True)


# -- 1-d pooling: ATen runs the 2-d kernels on input.unsqueeze(-2) --

def _max_pool1d_checks(input, kernel_size, stride, padding, dilation, ceil_mode):
    if input.dim() != 2 and input.dim() != 3:
        raise RuntimeError("max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim "
                           f"batch size for input, but got:{list(input.shape)}")
    if kernel_size[0] <= 0:
        raise RuntimeError(f"max_pool1d() kernel_size must be greater than zero, but got {kernel_size[0]}")
    if stride[0] <= 0:
        raise RuntimeError(f"max_pool1d() stride must be greater than zero, but got {stride[0]}")
    if padding[0] < 0:
        raise RuntimeError(f"max_pool1d() padding must be non-negative, but got {padding[0]}")
    if padding[0] > kernel_size[0] // 2:
        raise RuntimeError("max_pool1d() padding should be at most half of kernel size, but got "
                           f"padding={padding[0]} and kernel_size={kernel_size[0]}")
    if dilation[0] <= 0:
        raise RuntimeError(f"max_pool1d() dilation must be greater than zero, but got {dilation[0]}")
    size = input.size(-1)
    span = size + 2 * padding[0] - dilation[0] * (kernel_size[0] - 1) - 1
    if ceil_mode:
        out = (span + stride[0] - 1) // stride[0] + 1
        if (out - 1) * stride[0] >= size + padding[0]:
            out -= 1
    else:
        out = span // stride[0] + 1
    if out <= 0:
        raise RuntimeError(f"max_pool1d() Invalid computed output size: {out}")


def max_pool1d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1,
                            ceil_mode=False, return_indices=False):
    _check_dims_2_to_3(input, "max_pool1d")
    kernel_size = _single(kernel_size)
    stride = kernel_size if stride is None or stride == [] or stride == () else _single(stride)
    output, indices = _nn.max_pool2d(input.unsqueeze(-2), (1, kernel_size[0]), (1, stride[0]),
                                     (0, _single(padding)[0]), (1, _single(dilation)[0]), ceil_mode)
    return output.squeeze(-2), indices.squeeze(-2)


def max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
               return_indices=False):
    if return_indices:
        return max_pool1d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode)
    kernel_size = _single(kernel_size)
    stride = kernel_size if stride is None or stride == [] or stride == () else _single(stride)
    padding = _single(padding)
    dilation = _single(dilation)
    _max_pool1d_checks(input, kernel_size, stride, padding, dilation, ceil_mode)
    output, _ = _nn.max_pool2d(input.unsqueeze(-2), (1, kernel_size[0]), (1, stride[0]),
                               (0, padding[0]), (1, dilation[0]), ceil_mode)
    return output.squeeze(-2)


def max_pool2d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1,
                            ceil_mode=False, return_indices=False):
    return max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode, True)


def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False,
               count_include_pad=True):
    _check_dims_2_to_3(input, "avg_pool1d")
    kernel_size = _single(kernel_size)
    stride = kernel_size if stride is None or stride == [] or stride == () else _single(stride)
    output = _nn.avg_pool2d(input.unsqueeze(-2), (1, kernel_size[0]), (1, stride[0]),
                            (0, _single(padding)[0]), ceil_mode, count_include_pad, None)
    return output.squeeze(-2)


def adaptive_avg_pool1d(input, output_size):
    _check_dims_2_to_3(input, "adaptive_avg_pool1d")
    output_size = _single(output_size)
    return _nn.adaptive_avg_pool2d(input.unsqueeze(-2), (1, output_size[0])).squeeze(-2)


def adaptive_max_pool2d_with_indices(input, output_size, return_indices=False):
    output_size = _list_with_default(output_size, input.size())
    return _nn.adaptive_max_pool2d(input, _pair(output_size))


def adaptive_max_pool2d(input, output_size, return_indices=False):
    output, indices = adaptive_max_pool2d_with_indices(input, output_size)
    if return_indices:
        return output, indices
    return output


def adaptive_max_pool1d_with_indices(input, output_size, return_indices=False):
    _check_dims_2_to_3(input, "adaptive_max_pool1d")
    output_size = _single(output_size)
    output, indices = _nn.adaptive_max_pool2d(input.unsqueeze(-2), (1, output_size[0]))
    return output.squeeze(-2), indices.squeeze(-2)


def adaptive_max_pool1d(input, output_size, return_indices=False):
    output, indices = adaptive_max_pool1d_with_indices(input, output_size)
    if return_indices:
        return output, indices
    return output


def lp_pool1d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    if isinstance(norm_type, (int, float)):
        if norm_type == 0:
            raise ValueError(f"norm_type must be a non-zero value, but got {norm_type}")
        if norm_type == float("inf"):
            return max_pool1d(input.abs(), kernel_size, stride, 0, 1, ceil_mode)
        if norm_type == -float("inf"):
            return -max_pool1d(-input.abs(), kernel_size, stride, 0, 1, ceil_mode)
    if stride is not None:
        out = avg_pool1d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    else:
        out = avg_pool1d(input.pow(norm_type), kernel_size, padding=0, ceil_mode=ceil_mode)
    return (torch.sign(out) * relu(torch.abs(out))).mul(kernel_size).pow(1.0 / norm_type)


def lp_pool2d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    kw, kh = _pair(kernel_size)
    if isinstance(norm_type, (int, float)):
        if norm_type == 0:
            raise ValueError(f"norm_type must be a non-zero value, but got {norm_type}")
        if norm_type == float("inf"):
            return max_pool2d(input.abs(), kernel_size, stride, 0, 1, ceil_mode)
        if norm_type == -float("inf"):
            return -max_pool2d(-input.abs(), kernel_size, stride, 0, 1, ceil_mode)
    if stride is not None:
        out = avg_pool2d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    else:
        out = avg_pool2d(input.pow(norm_type), kernel_size, padding=0, ceil_mode=ceil_mode)
    return (torch.sign(out) * relu(torch.abs(out))).mul(kw * kh).pow(1.0 / norm_type)


# -- shuffles --

def pixel_shuffle(input, upscale_factor):
    return _nn.pixel_shuffle(input, upscale_factor)


def pixel_unshuffle(input, downscale_factor):
    return _nn.pixel_unshuffle(input, downscale_factor)


def channel_shuffle(input, groups):
    return _nn.channel_shuffle(input, groups)


# -- feature and alpha dropout, as ATen's _dropout_impl draws and scales the noise --

_ALPHA_DROPOUT_ALPHA = 1.7580993408473766


def _dropout_impl(input, p, train, feature, alpha, inplace):
    if p < 0 or p > 1:
        raise RuntimeError(f"dropout probability has to be between 0 and 1, but got {p}")
    if p == 0 or not train or input.numel() == 0:
        return input
    if p == 1:
        if inplace:
            return input.mul_(torch.zeros((), dtype=input.dtype))
        return input * torch.zeros((), dtype=input.dtype)
    if feature:
        if input.dim() < 2:
            raise RuntimeError("Feature dropout requires at least 2 dimensions in the input")
        sizes = [input.size(0), input.size(1)] + [1 for _ in range(input.dim() - 2)]
        noise = torch.empty(sizes, dtype=input.dtype)
    else:
        noise = torch.empty_like(input)
    noise.bernoulli_(1 - p)
    if alpha:
        a = 1.0 / math.sqrt((_ALPHA_DROPOUT_ALPHA * _ALPHA_DROPOUT_ALPHA * p + 1) * (1 - p))
        b = noise.add(-1).mul_(_ALPHA_DROPOUT_ALPHA * a).add_(_ALPHA_DROPOUT_ALPHA * a * p)
        noise.mul_(a)
        if inplace:
            return input.mul_(noise).add_(b)
        return (input * noise).add_(b)
    noise.div_(1 - p)
    if inplace:
        return input.mul_(noise)
    return input * noise


def _check_dropout_p(p):
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")


def dropout1d(input, p=0.5, training=True, inplace=False):
    _check_dropout_p(p)
    inp_dim = input.dim()
    if inp_dim not in (2, 3):
        raise RuntimeError(
            f"dropout1d: Expected 2D or 3D input, but received a {inp_dim}D input. "
            "Note that dropout1d exists to provide channel-wise dropout on inputs with 1 "
            "spatial dimension, a channel dimension, and an optional batch dimension "
            "(i.e. 2D or 3D inputs).")
    is_batched = inp_dim == 3
    if not is_batched:
        input = input.unsqueeze_(0) if inplace else input.unsqueeze(0)
    result = _dropout_impl(input, p, training, True, False, inplace)
    if not is_batched:
        result = result.squeeze_(0) if inplace else result.squeeze(0)
    return result


def dropout2d(input, p=0.5, training=True, inplace=False):
    _check_dropout_p(p)
    return _dropout_impl(input, p, training, True, False, inplace)


def dropout3d(input, p=0.5, training=True, inplace=False):
    _check_dropout_p(p)
    is_batched = input.dim() == 5
    if not is_batched:
        input = input.unsqueeze_(0) if inplace else input.unsqueeze(0)
    result = _dropout_impl(input, p, training, True, False, inplace)
    if not is_batched:
        result = result.squeeze_(0) if inplace else result.squeeze(0)
    return result


def alpha_dropout(input, p=0.5, training=False, inplace=False):
    _check_dropout_p(p)
    return _dropout_impl(input, p, training, False, True, inplace)


def feature_alpha_dropout(input, p=0.5, training=False, inplace=False):
    _check_dropout_p(p)
    return _dropout_impl(input, p, training, True, True, inplace)


# -- normalisation --

def _verify_spatial_size(size):
    size_prods = 1
    for i in range(2, len(size)):
        size_prods *= size[i]
    if size_prods == 1:
        raise ValueError(f"Expected more than 1 spatial element when training, got input size {size}")


def _repeat_if_defined(t, n):
    if t is None:
        return None
    return t.repeat(n)


def instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None,
                  use_input_stats=True, momentum=0.1, eps=1e-5):
    if use_input_stats:
        _verify_spatial_size(input.size())
    if not use_input_stats and (running_mean is None or running_var is None):
        raise RuntimeError("Expected running_mean and running_var to be defined when "
                           "use_input_stats is false")
    b = input.size(0)
    c = input.size(1)
    shape = [1, b * c] + list(input.shape)[2:]
    mean_ = _repeat_if_defined(running_mean, b)
    var_ = _repeat_if_defined(running_var, b)
    out = _nn.batch_norm(input.contiguous().view(shape), mean_, var_,
                         _repeat_if_defined(weight, b), _repeat_if_defined(bias, b),
                         use_input_stats, momentum, eps)
    with torch.no_grad():
        if running_mean is not None:
            running_mean.copy_(mean_.view(b, c).mean(0, False))
        if running_var is not None:
            running_var.copy_(var_.view(b, c).mean(0, False))
    return out.view(input.shape)


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-5):
    if input.dim() < 2:
        raise RuntimeError(f"Expected at least 2 dimensions for input tensor but received {input.dim()}")
    size = [input.size(0) * input.size(1) // num_groups, num_groups] + list(input.shape)[2:]
    size_prods = size[0]
    for i in range(len(size) - 2):
        size_prods *= size[i + 2]
    if size_prods == 1:
        raise ValueError(f"Expected more than 1 value per channel when training, got input size {size}")
    return _nn.group_norm(input, num_groups, weight, bias, eps)


def rms_norm(input, normalized_shape, weight=None, eps=None):
    normalized_shape = tuple(normalized_shape)
    dims = [-(i + 1) for i in range(len(normalized_shape))]
    if eps is None:
        eps = torch.finfo(input.dtype).eps
    rsqrt_input = torch.rsqrt(input.pow(2).mean(dims, keepdim=True).add_(eps))
    result = input.mul(rsqrt_input)
    if weight is not None:
        result = result.mul(weight)
    return result


def local_response_norm(input, size, alpha=1e-4, beta=0.75, k=1.0):
    dim = input.dim()
    if dim < 3:
        raise ValueError(f"Expected 3D or higher dimensionality                          input (got {dim} dimensions)")
    if input.numel() == 0:
        return input
    div = input.mul(input)
    if dim == 3:
        div = div.unsqueeze(1)
        div = pad(div, (0, 0, size // 2, (size - 1) // 2))
        div = avg_pool2d(div, (size, 1), stride=1).squeeze(1)
    else:
        # avg_pool3d over (size, 1, 1) windows is avg_pool2d over (size, 1) on the
        # trailing dimensions flattened: the same sums, in the same order.
        sizes = input.size()
        div = div.view(sizes[0], 1, sizes[1], -1)
        div = pad(div, (0, 0, size // 2, (size - 1) // 2))
        div = avg_pool2d(div, (size, 1), stride=1).squeeze(1)
        div = div.view(sizes)
    div = div.mul(alpha).add(k).pow(beta)
    return input / div


# -- more losses --

def hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None,
                         reduction="mean"):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    zeros = torch.zeros_like(input)
    margin_clamp = (margin - input).clamp_min_(0)
    output_margin = torch.where(target != 1, margin_clamp, zeros)
    output_self = torch.where(target != -1, input, zeros)
    return _reduce(output_margin + output_self, reduction)


def multilabel_soft_margin_loss(input, target, weight=None, size_average=None, reduce=None,
                                reduction="mean"):
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce, reduction)
    loss = -(target * logsigmoid(input) + (1 - target) * logsigmoid(-input))
    if weight is not None:
        loss = loss * weight
    class_dim = input.dim() - 1
    C = input.size(class_dim)
    loss = loss.sum(dim=class_dim) / C
    if reduction == "none":
        return loss
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    raise ValueError(reduction + " is not valid")


def triplet_margin_with_distance_loss(anchor, positive, negative, *, distance_function=None,
                                      margin=1.0, swap=False, reduction="mean"):
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    if margin <= 0:
        raise ValueError(f"margin must be greater than 0, got {margin}")
    a_dim = anchor.dim()
    p_dim = positive.dim()
    n_dim = negative.dim()
    if not (a_dim == p_dim and p_dim == n_dim):
        raise RuntimeError(
            f"The anchor, positive, and negative tensors are expected to have "
            f"the same number of dimensions, but got: anchor {a_dim}D, "
            f"positive {p_dim}D, and negative {n_dim}D inputs")
    if distance_function is None:
        distance_function = pairwise_distance
    dist_pos = distance_function(anchor, positive)
    dist_neg = distance_function(anchor, negative)
    if swap:
        dist_swap = distance_function(positive, negative)
        dist_neg = torch.minimum(dist_neg, dist_swap)
    loss = torch.clamp_min(margin + dist_pos - dist_neg, 0)
    if reduction == "sum":
        return torch.sum(loss)
    if reduction == "mean":
        return torch.mean(loss)
    return loss


# -- transposed convolution, resampling, sliding blocks --

def conv_transpose1d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1):
    return _nn.conv_transpose(input, weight, bias, _conv_param(stride, 1), _conv_param(padding, 1),
                              _conv_param(output_padding, 1), groups, _conv_param(dilation, 1), 1)


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1):
    return _nn.conv_transpose(input, weight, bias, _conv_param(stride, 2), _conv_param(padding, 2),
                              _conv_param(output_padding, 2), groups, _conv_param(dilation, 2), 2)


import warnings as _warnings


def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None,
                recompute_scale_factor=None, antialias=False):
    if mode in ("nearest", "area", "nearest-exact"):
        if align_corners is not None:
            raise ValueError("align_corners option can only be set with the interpolating modes: "
                             "linear | bilinear | bicubic | trilinear")
    elif align_corners is None:
        align_corners = False
    dim = input.dim() - 2
    if size is not None and scale_factor is not None:
        raise ValueError("only one of size or scale_factor should be defined")
    elif size is not None:
        if isinstance(size, (list, tuple)):
            if len(size) != dim:
                raise ValueError("Input and output must have the same number of spatial dimensions, but got "
                                 f"input with spatial dimensions of {list(input.shape[2:])} and output size of {size}. "
                                 "Please provide input tensor in (N, C, d1, d2, ...,dK) format and "
                                 "output size in (o1, o2, ...,oK) format.")
            output_size = list(size)
        else:
            output_size = [size for _ in range(dim)]
        scale_factors = None
    elif scale_factor is not None:
        if isinstance(scale_factor, (list, tuple)):
            if len(scale_factor) != dim:
                raise ValueError("Input and scale_factor must have the same number of spatial dimensions, but "
                                 f"got input with spatial dimensions of {list(input.shape[2:])} and "
                                 f"scale_factor of shape {scale_factor}. "
                                 "Please provide input tensor in (N, C, d1, d2, ...,dK) format and "
                                 "scale_factor in (s1, s2, ...,sK) format.")
            scale_factors = list(scale_factor)
        else:
            scale_factors = [scale_factor for _ in range(dim)]
        output_size = None
    else:
        raise ValueError("either size or scale_factor should be defined")
    if recompute_scale_factor is not None and recompute_scale_factor and size is not None:
        raise ValueError("recompute_scale_factor is not meaningful with an explicit size.")
    if mode == "area" and output_size is None:
        recompute_scale_factor = True
    if scale_factors is not None and recompute_scale_factor:
        output_size = [int(input.size(i + 2) * scale_factors[i]) for i in range(dim)]
        scale_factors = None
    if antialias and not (mode in ("bilinear", "bicubic", "lanczos") and input.dim() == 4):
        raise ValueError("Anti-alias option is restricted to bilinear, bicubic, and lanczos modes and requires "
                         "a 4-D tensor as input")
    if output_size is None:
        output_size = [int(float(input.size(i + 2)) * scale_factors[i]) for i in range(dim)]
    scales = scale_factors if scale_factors is not None else [None for _ in range(dim)]
    if mode in ("nearest", "nearest-exact") and dim in (1, 2, 3):
        return _nn.upsample_nearest(input, output_size, scales[0], scales[dim - 1], mode == "nearest-exact",
                                    scales[1] if dim == 3 else None)
    if mode == "area" and dim in (1, 2, 3):
        if dim == 1:
            return adaptive_avg_pool1d(input, output_size)
        if dim == 2:
            return adaptive_avg_pool2d(input, output_size)
        return adaptive_avg_pool3d(input, output_size)
    if (dim, mode) in ((1, "linear"), (2, "bilinear"), (3, "trilinear"), (2, "bicubic")):
        return _nn.upsample_interpolate(input, list(output_size), "cubic" if mode == "bicubic" else "linear",
                                        align_corners, list(scales), antialias)
    if mode == "lanczos" and dim == 2:
        if align_corners:
            raise ValueError("Lanczos mode does not support align_corners=True")
        if not antialias:
            raise ValueError("Lanczos mode requires antialias=True")
        return _nn.upsample_interpolate(input, list(output_size), "lanczos", align_corners, list(scales), True)
    wrong = {(1, "bilinear"): "Got 3D input, but bilinear mode needs 4D input",
             (1, "trilinear"): "Got 3D input, but trilinear mode needs 5D input",
             (2, "linear"): "Got 4D input, but linear mode needs 3D input",
             (2, "trilinear"): "Got 4D input, but trilinear mode needs 5D input",
             (3, "linear"): "Got 5D input, but linear mode needs 3D input",
             (3, "bilinear"): "Got 5D input, but bilinear mode needs 4D input"}
    if (dim, mode) in wrong:
        raise NotImplementedError(wrong[(dim, mode)])
    raise NotImplementedError(
        f"Input Error: Only 3D, 4D and 5D input Tensors supported (got {input.dim()}D) for the modes: "
        f"nearest | linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact (got {mode})")


def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None):
    _warnings.warn("`nn.functional.upsample` is deprecated. Use `nn.functional.interpolate` instead.", stacklevel=2)
    return interpolate(input, size, scale_factor, mode, align_corners)


def upsample_nearest(input, size=None, scale_factor=None):
    _warnings.warn("`nn.functional.upsample_nearest` is deprecated. Use `nn.functional.interpolate` instead.", stacklevel=2)
    return interpolate(input, size, scale_factor, mode="nearest")


def upsample_bilinear(input, size=None, scale_factor=None):
    _warnings.warn("`nn.functional.upsample_bilinear` is deprecated. Use `nn.functional.interpolate` instead.", stacklevel=2)
    return interpolate(input, size, scale_factor, mode="bilinear", align_corners=True)


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    if input.dim() == 3:
        return _nn.im2col(input.unsqueeze(0), _pair(kernel_size), _pair(dilation), _pair(padding),
                          _pair(stride)).squeeze(0)
    return _nn.im2col(input, _pair(kernel_size), _pair(dilation), _pair(padding), _pair(stride))


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    if input.dim() == 2:
        return _nn.col2im(input.unsqueeze(0), _pair(output_size), _pair(kernel_size),
                          _pair(dilation), _pair(padding), _pair(stride)).squeeze(0)
    return _nn.col2im(input, _pair(output_size), _pair(kernel_size), _pair(dilation),
                      _pair(padding), _pair(stride))


# -- unpooling, multi-label margin --

def _unpool_output_size(input, kernel_size, stride, padding, output_size):
    input_size = input.size()
    default_size = []
    for d in range(len(kernel_size)):
        default_size.append((input_size[-len(kernel_size) + d] - 1) * stride[d] + kernel_size[d]
                            - 2 * padding[d])
    if output_size is None:
        return default_size
    if len(output_size) == len(kernel_size) + 2:
        output_size = output_size[2:]
    if len(output_size) != len(kernel_size):
        raise ValueError("output_size should be a sequence containing "
                         f"{len(kernel_size)} or {len(kernel_size) + 2} elements, but it has a length of "
                         f"'{len(output_size)}'")
    for d in range(len(kernel_size)):
        min_size = default_size[d] - stride[d]
        max_size = default_size[d] + stride[d]
        if not (min_size < output_size[d] < max_size):
            raise ValueError(f'invalid output_size "{output_size}" (dim {d} must be between '
                             f'{min_size} and {max_size})')
    return list(output_size)


def max_unpool1d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    kernel_size = _single(kernel_size)
    _stride = _single(stride) if stride is not None else kernel_size
    padding = _single(padding)
    output_size = _unpool_output_size(input, kernel_size, _stride, padding, output_size)
    output_size = list(output_size) + [1]
    return _nn.max_unpool2d(input.unsqueeze(-1), indices.unsqueeze(-1), output_size).squeeze(-1)


def max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    kernel_size = _pair(kernel_size)
    _stride = _pair(stride) if stride is not None else kernel_size
    padding = _pair(padding)
    output_size = _unpool_output_size(input, kernel_size, _stride, padding, output_size)
    return _nn.max_unpool2d(input, indices, output_size)


def multilabel_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    return _nn.multilabel_margin_loss(input, target, reduction)


# -- embedding bags, Gumbel-softmax --

def embedding_bag(input, weight, offsets=None, max_norm=None, norm_type=2, scale_grad_by_freq=False,
                  mode="mean", sparse=False, per_sample_weights=None, include_last_offset=False,
                  padding_idx=None):
    if per_sample_weights is not None and input.size() != per_sample_weights.size():
        raise ValueError(f"embedding_bag: If per_sample_weights ({per_sample_weights.shape}) is not None, "
                         f"then it must have the same shape as the input ({input.shape})")
    if not weight.dim() == 2:
        raise ValueError(f"weight has to be a 2D Tensor, but got Tensor of dimension {weight.dim()}")
    if input.dim() == 2:
        if offsets is not None:
            raise ValueError("if input is 2D, then offsets has to be None, as input is treated is a "
                             "mini-batch of fixed length sequences. However, found offsets of type "
                             f"<class 'torch.Tensor'>")
        offsets = torch.arange(0, input.numel(), input.size(1), dtype=input.dtype)
        include_last_offset = False
        input = input.reshape(-1)
        if per_sample_weights is not None:
            per_sample_weights = per_sample_weights.reshape(-1)
    elif input.dim() == 1:
        if offsets is None:
            raise ValueError("offsets has to be a 1D Tensor but got None")
        if offsets.dim() != 1:
            raise ValueError("offsets has to be a 1D Tensor")
    else:
        raise ValueError(f"input has to be 1D or 2D Tensor, but got Tensor of dimension {input.dim()}")
    if mode == "sum":
        mode_enum = 0
    elif mode == "mean":
        mode_enum = 1
    elif mode == "max":
        mode_enum = 2
        if scale_grad_by_freq:
            raise ValueError("max mode does not support scaling the gradient by the frequency")
        if sparse:
            raise ValueError("max mode does not support sparse weights")
    else:
        raise ValueError("mode has to be one of sum, mean or max")
    if sparse:
        raise NotImplementedError("embedding_bag: sparse=True is not supported (Gradbook has no sparse tensors)")
    if max_norm is not None:
        _embedding_renorm_(weight, input, max_norm, norm_type)
    if per_sample_weights is not None and mode != "sum":
        raise NotImplementedError(
            "embedding_bag: per_sample_weights was not None. "
            "per_sample_weights is only supported for mode='sum' "
            f"(got mode='{mode}'). Please open a feature request on GitHub.")
    if padding_idx is None:
        padding_idx = -1
    elif padding_idx < 0:
        padding_idx = padding_idx + weight.size(0)
    return _nn.embedding_bag(weight, input, offsets, mode_enum, per_sample_weights,
                             include_last_offset, padding_idx, scale_grad_by_freq)


def gumbel_softmax(logits, tau=1, hard=False, eps=1e-10, dim=-1):
    gumbels = -torch.empty_like(logits).exponential_().log()
    gumbels = (logits + gumbels) / tau
    y_soft = gumbels.softmax(dim)
    if hard:
        index = y_soft.max(dim, keepdim=True)[1]
        y_hard = torch.zeros_like(logits).scatter_(dim, index, 1.0)
        return y_hard - y_soft.detach() + y_soft
    return y_soft
