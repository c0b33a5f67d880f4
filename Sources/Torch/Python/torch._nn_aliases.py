# torch-level names for nn operations (torch.conv2d, torch.layer_norm, torch.dropout, ...),
# with the positional signatures of PyTorch's `torch.X` (native_functions.yaml), which
# differ from torch.nn.functional's in places: losses take reduction as an int
# (0 none, 1 mean, 2 sum; the schema's default `Mean` reaches Python as 0, so an omitted
# reduction means none), norms take trailing cudnn flags, dropouts a required `train`.
# Bound onto `torch` (and Tensor.prelu / Tensor.hardshrink) by Functions/NNAliases.swift.

import torch
import torch._nn as _nn
import torch.nn.functional as F

_REDUCTIONS = ["none", "mean", "sum"]


def _reduction(value):
    if isinstance(value, str):
        return value
    return _REDUCTIONS[value]


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    return F.conv1d(input, weight, bias, stride, padding, dilation, groups)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    return F.conv2d(input, weight, bias, stride, padding, dilation, groups)


def conv_transpose1d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1):
    return F.conv_transpose1d(input, weight, bias, stride, padding, output_padding, groups, dilation)


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1):
    return F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)


def bilinear(input1, input2, weight, bias=None):
    return F.bilinear(input1, input2, weight, bias)


def embedding(weight, indices, padding_idx=-1, scale_grad_by_freq=False, sparse=False):
    return _nn.embedding(weight, indices, padding_idx, scale_grad_by_freq)


def _stride(stride):
    if stride is None or stride == [] or stride == ():
        return None
    return stride


def max_pool1d(input, kernel_size, stride=(), padding=0, dilation=1, ceil_mode=False):
    return F.max_pool1d(input, kernel_size, _stride(stride), padding, dilation, ceil_mode)


def max_pool1d_with_indices(input, kernel_size, stride=(), padding=0, dilation=1, ceil_mode=False):
    return F.max_pool1d_with_indices(input, kernel_size, _stride(stride), padding, dilation,
                                     ceil_mode)


def max_pool2d(input, kernel_size, stride=(), padding=0, dilation=1, ceil_mode=False):
    return F.max_pool2d(input, kernel_size, _stride(stride), padding, dilation, ceil_mode)


def avg_pool1d(input, kernel_size, stride=(), padding=0, ceil_mode=False, count_include_pad=True):
    return F.avg_pool1d(input, kernel_size, _stride(stride), padding, ceil_mode, count_include_pad)


def adaptive_avg_pool1d(input, output_size):
    return F.adaptive_avg_pool1d(input, output_size)


def adaptive_max_pool1d(input, output_size):
    return F.adaptive_max_pool1d_with_indices(input, output_size)


def batch_norm(input, weight, bias, running_mean, running_var, training, momentum, eps,
               cudnn_enabled):
    return _nn.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)


def instance_norm(input, weight, bias, running_mean, running_var, use_input_stats, momentum, eps,
                  cudnn_enabled):
    return F.instance_norm(input, running_mean, running_var, weight, bias, use_input_stats,
                           momentum, eps)


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05, cudnn_enable=True):
    return F.layer_norm(input, normalized_shape, weight, bias, eps)


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-05, cudnn_enabled=True):
    return _nn.group_norm(input, num_groups, weight, bias, eps)


def rms_norm(input, normalized_shape, weight=None, eps=None):
    return F.rms_norm(input, normalized_shape, weight, eps)


def dropout(input, p, train):
    return F.dropout(input, p, train)


def feature_dropout(input, p, train):
    return F._dropout_impl(input, p, train, True, False, False)


def alpha_dropout(input, p, train):
    return F._dropout_impl(input, p, train, False, True, False)


def feature_alpha_dropout(input, p, train):
    return F._dropout_impl(input, p, train, True, True, False)


def threshold(input, threshold, value):
    return _nn.threshold(input, threshold, value)


def hardshrink(input, lambd=0.5):
    return F.hardshrink(input, lambd)


def prelu(input, weight):
    return F.prelu(input, weight)


def selu(input):
    return F.selu(input)


def celu(input, alpha=1.0):
    return F.celu(input, alpha)


def rrelu(input, lower=1.0 / 8, upper=1.0 / 3, training=False, generator=None):
    return F.rrelu(input, lower, upper, training)


def pixel_shuffle(input, upscale_factor):
    return _nn.pixel_shuffle(input, upscale_factor)


def pixel_unshuffle(input, downscale_factor):
    return _nn.pixel_unshuffle(input, downscale_factor)


def channel_shuffle(input, groups):
    return _nn.channel_shuffle(input, groups)


def constant_pad_nd(input, pad, value=0):
    return _nn.pad(input, tuple(pad), "constant", value)


def cosine_similarity(x1, x2, dim=1, eps=1e-08):
    return F.cosine_similarity(x1, x2, dim, eps)


def pairwise_distance(x1, x2, p=2.0, eps=1e-06, keepdim=False):
    return F.pairwise_distance(x1, x2, p, eps, keepdim)


def conv3d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    return F.conv3d(input, weight, bias, stride, padding, dilation, groups)


def conv_transpose3d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1):
    return F.conv_transpose3d(input, weight, bias, stride, padding, output_padding, groups, dilation)


def max_pool3d(input, kernel_size, stride=(), padding=0, dilation=1, ceil_mode=False):
    return F.max_pool3d(input, kernel_size, stride, padding, dilation, ceil_mode)


def pdist(input, p=2):
    return F.pdist(input, p)


def cdist(x1, x2, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary"):
    return F._cdist(x1, x2, p, compute_mode)


def binary_cross_entropy_with_logits(input, target, weight=None, pos_weight=None, reduction=0):
    return F.binary_cross_entropy_with_logits(input, target, weight, reduction=_reduction(reduction),
                                              pos_weight=pos_weight)


def hinge_embedding_loss(input, target, margin=1.0, reduction=0):
    return F.hinge_embedding_loss(input, target, margin, reduction=_reduction(reduction))


def kl_div(input, target, reduction=0, *, log_target=False):
    return F.kl_div(input, target, reduction=_reduction(reduction), log_target=log_target)


def margin_ranking_loss(input1, input2, target, margin=0.0, reduction=0):
    return F.margin_ranking_loss(input1, input2, target, margin, reduction=_reduction(reduction))


def cosine_embedding_loss(input1, input2, target, margin=0.0, reduction=0):
    return F.cosine_embedding_loss(input1, input2, target, margin, reduction=_reduction(reduction))


def poisson_nll_loss(input, target, log_input, full, eps, reduction):
    return F.poisson_nll_loss(input, target, log_input, full, eps=eps,
                              reduction=_reduction(reduction))


def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-06, swap=False,
                        reduction=0):
    return F.triplet_margin_loss(anchor, positive, negative, margin, p, eps, swap,
                                 reduction=_reduction(reduction))


# -- raw ATen forms: torch.convolution, the grid samplers, embedding_bag, ctc_loss --

def _int_list(value, fn, name, position):
    if isinstance(value, (list, tuple)) and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return list(value)
    raise TypeError(f"{fn}(): argument '{name}' (position {position}) must be tuple of ints, not "
                    f"{type(value).__name__}")


def convolution(input, weight, bias, stride, padding, dilation, transposed, output_padding, groups):
    """ATen's `convolution`: batched input only (F.conv*d add the batch dim of an unbatched
    input before they reach it), the same `ConvolutionBackward0` node as F.conv*d."""
    stride = _int_list(stride, "convolution", "stride", 4)
    padding = _int_list(padding, "convolution", "padding", 5)
    dilation = _int_list(dilation, "convolution", "dilation", 6)
    output_padding = _int_list(output_padding, "convolution", "output_padding", 8)
    k = weight.dim()
    if k - 2 <= 0:
        raise RuntimeError("weight should have at least three dimensions")

    def expand(values, name):
        # ATen's expand_param_if_needed: one value serves every spatial dim.
        if len(values) == 1:
            return values * (k - 2)
        if len(values) != k - 2:
            raise RuntimeError(f"expected {name} to be a single integer value or a list of {k - 2} values to match "
                               f"the convolution dimensions, but got {name}={values}")
        return values

    stride = expand(stride, "stride")
    padding = expand(padding, "padding")
    dilation = expand(dilation, "dilation")
    output_padding = expand(output_padding, "output_padding")
    if input.dim() != k:
        raise RuntimeError(f"Expected {k}-dimensional input for {k}-dimensional weight {list(weight.shape)}, "
                           f"but got {input.dim()}-dimensional input of size {list(input.shape)} instead")
    if transposed:
        fn = {3: F.conv_transpose1d, 4: F.conv_transpose2d, 5: F.conv_transpose3d}.get(k)
        if fn is not None:
            return fn(input, weight, bias, stride, padding, output_padding, groups, dilation)
    else:
        fn = {3: F.conv1d, 4: F.conv2d, 5: F.conv3d}.get(k)
        if fn is not None:
            return fn(input, weight, bias, stride, padding, dilation, groups)
    raise NotImplementedError(f"torch.convolution: {k}-dimensional weight is not supported")


def grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners):
    return _nn.grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners)


def grid_sampler_2d(input, grid, interpolation_mode, padding_mode, align_corners):
    return _nn.grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners, 2)


def grid_sampler_3d(input, grid, interpolation_mode, padding_mode, align_corners):
    return _nn.grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners, 3)


def affine_grid_generator(theta, size, align_corners):
    size = _int_list(size, "affine_grid_generator", "size", 2)
    if len(size) != 4 and len(size) != 5:
        raise RuntimeError("AffineGridGenerator needs 4d (spatial) or 5d (volumetric) inputs.")
    return _nn.affine_grid_generator(theta, size, align_corners)


def ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction=1, zero_infinity=False):
    # ATen: Mean (1) and Sum (2) reduce; any other value returns the per-sample losses.
    r = "mean" if reduction == 1 else "sum" if reduction == 2 else "none"
    return F.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank, r, zero_infinity)


def embedding_bag(weight, indices, offsets, scale_grad_by_freq=False, mode=0, sparse=False,
                  per_sample_weights=None, include_last_offset=False, padding_idx=None):
    """ATen's `embedding_bag` on the CPU: (output, offset2bag, bag_size, max_indices), the
    three index tensors built as `_embedding_bag_cpu_impl` builds them: offset2bag is empty
    on the float32 'sum' fast path, bag_size is zeroed for 'sum' (and has one entry per
    offset when nothing requires grad), max_indices is bag_size's copy except for 'max'."""
    rows = weight.shape[0]
    if padding_idx is None:
        padding_idx = -1
    else:
        if not (-rows <= padding_idx < rows):
            raise RuntimeError(f"padding_idx must be within the number of embeddings, -{rows} through "
                               f"{rows - 1}, but got {padding_idx}")
        if padding_idx < 0:
            padding_idx += rows
    if indices.dim() != 1 and indices.dim() != 2:
        raise RuntimeError(f"input has to be a 1D or 2D Tensor, but got Tensor of dimension {indices.dim()}")
    if indices.dim() == 1 and offsets.dim() != 1:
        raise RuntimeError(f"offsets has to be a 1D Tensor, but got Tensor of dimension {offsets.dim()}")
    if weight.dim() != 2:
        raise RuntimeError(f"weight has to be a 2D Tensor, but got Tensor of dimension {weight.dim()}")
    for t, name in ((indices, "indices"), (offsets, "offsets")):
        if t.dtype != torch.int64 and t.dtype != torch.int32:
            raise RuntimeError(f"Expected tensor for argument #1 '{name}' to have one of the following scalar "
                               f"types: Long, Int; but got {t.type()} instead (while checking arguments for "
                               "embedding_bag)")
    common = torch.promote_types(indices.dtype, offsets.dtype)
    indices = indices.to(common)
    offsets = offsets.to(common)
    psw = per_sample_weights
    if psw is not None and mode != 0:
        raise RuntimeError("embedding_bag: per_sample_weights only supported with mode='sum'")
    if include_last_offset and offsets.shape[0] < 1:
        raise RuntimeError("include_last_offset: number of offset should be at least 1")
    # ATen picks `_embedding_bag` (bag_size per bag) over `_embedding_bag_forward_only`
    # when an input requires grad, whatever the grad mode.
    requires_grad = weight.requires_grad or (psw is not None and psw.requires_grad)
    output = _nn.embedding_bag(weight, indices, offsets, mode, psw, include_last_offset, padding_idx,
                               scale_grad_by_freq)
    n = indices.shape[0]
    bags = offsets.shape[0] - (1 if include_last_offset else 0)
    fast_sum = (weight.dtype == torch.float32 and weight.stride(1) == 1 and padding_idx < 0
                and (psw is None or psw.stride(0) == 1))
    if mode != 0 or not fast_sum:
        starts = offsets[:bags] if include_last_offset else offsets
        offset2bag = torch.zeros(n + 1, dtype=common)
        offset2bag.index_add_(0, starts, torch.ones_like(starts))
        offset2bag[0] -= 1
        offset2bag = offset2bag.cumsum(0, dtype=common)[:n].clone()
    else:
        offset2bag = torch.empty(0, dtype=common)
    if mode == 0:
        bag_size = torch.zeros(bags if requires_grad else offsets.shape[0], dtype=common)
        return output, offset2bag, bag_size, bag_size.clone()
    bag_size = torch.zeros(bags, dtype=common)
    if bags > 1:
        bag_size[:bags - 1] = offsets[1:bags] - offsets[:bags - 1]
    if bags > 0:
        bag_size[bags - 1] = n - offsets[bags - 1]
    if padding_idx >= 0:
        padded = (indices == padding_idx).to(common)
        bag_size.index_add_(0, offset2bag, -padded)
    if mode == 1:
        return output, offset2bag, bag_size, bag_size.clone()
    max_indices = _nn.embedding_bag_max_indices(weight, indices, offsets, include_last_offset, padding_idx)
    return output, offset2bag, bag_size, max_indices.to(common)


# -- the functional RNNs (torch.lstm / gru / rnn_tanh / rnn_relu with a flat parameter
#    list, as nn.LSTM & co. call them through _VF) and the single-step cells --

def _rnn_module_fn(name):
    import torch.nn as nn
    return getattr(nn, name)


class _FlatRNN:
    """An RNN described by ATen's arguments instead of a module: the flat parameter list
    (w_ih, w_hh[, b_ih, b_hh][, w_hr] per layer and direction). Runs nn.RNNBase's own
    forward passes (oneDNN for a float32 LSTM without projections, ATen's cells otherwise)."""

    def __init__(self, mode, params, has_biases, num_layers, dropout, train, bidirectional, proj_size):
        params = list(params)
        per = (4 if has_biases else 2) + (1 if proj_size else 0)
        if len(params) % per != 0:
            if mode == "LSTM":
                # PyTorch 2.15's lstm gathers its parameters through a MatrixRef.
                raise RuntimeError(f"MatrixRef: ArrayRef size {len(params)} not divisible by stride {per}")
            raise RuntimeError("got an incorrect number of RNN parameters")
        if bidirectional and (len(params) // per) % 2 != 0:
            raise RuntimeError("Odd number of params or hiddens given to a bidirectional RNN")
        self.mode = mode
        self.params = params
        self.per = per
        self.bias = has_biases
        self.num_layers = num_layers
        self.dropout = float(dropout)
        self.training = train
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        self.hidden_size = params[1].shape[1] if len(params) > 1 else 0

    def _layer_params(self, layer, direction):
        k = (layer * (2 if self.bidirectional else 1) + direction) * self.per
        p = self.params[k:k + self.per]
        b_ih = p[2] if self.bias else None
        b_hh = p[3] if self.bias else None
        w_hr = p[-1] if self.proj_size else None
        return p[0], p[1], b_ih, b_hh, w_hr

    def _step(self, x_proj, state, w_hh, b_hh, w_hr):
        base = _rnn_module_fn("RNNBase")
        return base._step(self, x_proj, state, w_hh, b_hh, w_hr)

    def _run_direction(self, layer_input, state, layer, direction):
        return _rnn_module_fn("RNNBase")._run_direction(self, layer_input, state, layer, direction)

    def _run(self, input, hx):
        return _rnn_module_fn("RNNBase")._run(self, input, hx)

    def _run_onednn(self, input, hx):
        return _rnn_module_fn("RNNBase")._run_onednn(self, input, hx)

    def _packed_direction(self, data, sizes, state, layer, direction):
        return _rnn_module_fn("RNNBase")._packed_direction(self, data, sizes, state, layer, direction)

    def _packed_layers(self, data, sizes, hx):
        return _rnn_module_fn("RNNBase")._packed_layers(self, data, sizes, hx)


def _packed_run(rnn, data, batch_sizes, hx):
    """ATen's packed overload (data, batch_sizes): RNNBase's packed layers without the
    PackedSequence wrapper or index permutations."""
    sizes = [int(b) for b in batch_sizes.tolist()]
    output, hidden = rnn._packed_layers(data, sizes, hx)
    if rnn.mode == "LSTM":
        return output, hidden[0], hidden[1]
    return output, hidden


def lstm(input, hx, params, has_biases, num_layers, dropout, train, bidirectional, batch_first=None):
    if isinstance(hx, torch.Tensor):
        # lstm(data, batch_sizes, hx, params, has_biases, num_layers, dropout, train, bidirectional)
        data, batch_sizes, hx = input, hx, params
        params, has_biases, num_layers, dropout, train, bidirectional = (
            has_biases, num_layers, dropout, train, bidirectional, batch_first)
        if len(hx) != 2:
            raise RuntimeError("lstm expects two hidden states")
        proj = hx[0].shape[2] if hx[0].shape[2] != hx[1].shape[2] else 0
        rnn = _FlatRNN("LSTM", params, has_biases, num_layers, dropout, train, bidirectional, proj)
        return _packed_run(rnn, data, batch_sizes, hx)
    if len(hx) != 2:
        raise RuntimeError("lstm expects two hidden states")
    proj = hx[0].shape[2] if hx[0].shape[2] != hx[1].shape[2] else 0
    rnn = _FlatRNN("LSTM", params, has_biases, num_layers, dropout, train, bidirectional, proj)
    seq = input.transpose(0, 1) if batch_first else input
    fast = rnn._run_onednn(seq, tuple(hx))
    output, hidden = fast if fast is not None else rnn._run(seq, tuple(hx))
    if batch_first:
        output = output.transpose(0, 1)
    return output, hidden[0], hidden[1]


def _one_hidden(mode):
    def run(input, hx, params, has_biases, num_layers, dropout, train, bidirectional, batch_first=None):
        if not isinstance(params, torch.Tensor) and batch_first is not None:
            rnn = _FlatRNN(mode, params, has_biases, num_layers, dropout, train, bidirectional, 0)
            seq = input.transpose(0, 1) if batch_first else input
            output, hidden = rnn._run(seq, hx)
            if batch_first:
                output = _rnn_module_fn("_transpose_batch_first")(output)
            return output, hidden
        # (data, batch_sizes, hx, params, has_biases, num_layers, dropout, train, bidirectional)
        data, batch_sizes, hx = input, hx, params
        params, has_biases, num_layers, dropout, train, bidirectional = (
            has_biases, num_layers, dropout, train, bidirectional, batch_first)
        rnn = _FlatRNN(mode, params, has_biases, num_layers, dropout, train, bidirectional, 0)
        return _packed_run(rnn, data, batch_sizes, hx)
    return run


gru = _one_hidden("GRU")
rnn_tanh = _one_hidden("RNN_TANH")
rnn_relu = _one_hidden("RNN_RELU")


def _check_cell(input, hx, w_ih, w_hh, gates, label):
    hidden = w_hh.size(1)
    if input.dim() != 2:
        raise RuntimeError(f"Expected 2D input (batch x feature), but got {input.dim()}D input")
    if input.size(1) != w_ih.size(1):
        raise RuntimeError(f"input has inconsistent input_size: got {input.size(1)} expected {w_ih.size(1)}")
    if w_ih.size(0) != gates * hidden:
        raise RuntimeError(f"weight_ih first dim must be {gates} * hidden_size = {gates * hidden}, "
                           f"but got {w_ih.size(0)}")
    if w_hh.size(0) != gates * hidden:
        raise RuntimeError(f"weight_hh first dim must be {gates} * hidden_size = {gates * hidden}, "
                           f"but got {w_hh.size(0)}")
    for i, h in enumerate(hx):
        if h.dim() != 2:
            raise RuntimeError(f"Expected 2D hidden{label[i]} (batch x hidden_size), but got {h.dim()}D tensor")
        if input.size(0) != h.size(0):
            raise RuntimeError(f"Input batch size {input.size(0)} doesn't match hidden{label[i]} batch size "
                               f"{h.size(0)}")
        if h.size(1) != hidden:
            raise RuntimeError(f"hidden{label[i]} has inconsistent hidden_size: got {h.size(1)}, expected {hidden}")


def lstm_cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
    if len(hx) != 2:
        raise RuntimeError("lstm_cell expects two hidden states")
    _check_cell(input, hx, w_ih, w_hh, 4, (0, 1))
    x_proj = F.linear(input, w_ih, b_ih)
    return _rnn_module_fn("_lstm_cell")(x_proj, (hx[0], hx[1]), w_hh, b_hh, None)


def gru_cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
    _check_cell(input, (hx,), w_ih, w_hh, 3, (0,))
    return _rnn_module_fn("_gru_cell")(F.linear(input, w_ih, b_ih), hx, w_hh, b_hh)


def rnn_tanh_cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
    _check_cell(input, (hx,), w_ih, w_hh, 1, (0,))
    return _rnn_module_fn("_rnn_tanh_cell")(F.linear(input, w_ih, b_ih), hx, w_hh, b_hh)


def rnn_relu_cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
    _check_cell(input, (hx,), w_ih, w_hh, 1, (0,))
    return _rnn_module_fn("_rnn_relu_cell")(F.linear(input, w_ih, b_ih), hx, w_hh, b_hh)
