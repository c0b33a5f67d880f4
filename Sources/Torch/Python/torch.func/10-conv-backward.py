# Per-sample gradients through a convolution (vmap(grad(f)) with the convolution's weight
# among the differentiated parameters): functorch's convolution batching rule and its
# convolution_backward rule (aten/src/ATen/functorch/BatchRulesConvolution.cpp).


def _conv_arguments(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    return input, weight, bias, stride, padding, dilation, groups


class _SharedWeightConv(torch.autograd.Function):
    """A batched input (B, N, C, ...) convolved with a weight (and bias) every sample shares,
    which grad tracks per sample (`w_leaf`, `b_leaf`: (B, ...) leaves).

    Forward: the batch folded into N, one convolution with the shared weight and bias.
    Backward, as convolution_backward_plumbing computes it under vmap:
    - the bias gradient: grad_output summed over N and the spatial dimensions (the logical
      dims 0, 2, 3.. of the batched grad_output, one reduction of the physical tensor);
    - the weight gradient (grad_output and input batched): both with B folded into the
      channels, N(BO) and N(BC), one convolution_backward with groups * B, whose
      (BO)C.. weight gradient unfolds to B per-sample weights;
    - the input gradient (grad_output batched, weight not): B folded into N, one
      convolution_backward with the shared weight.
    The convolution gradients come from the convolution's own backward on a stand-in
    operand (ATen's `make_dummy`: only its shape is read)."""

    @staticmethod
    def forward(ctx, x, w_leaf, b_leaf, w, b, conv, options):
        ctx.save_for_backward(x, w)
        ctx.conv = conv
        ctx.options = options
        ctx.has_bias = b_leaf is not None
        size, n = x.shape[0], x.shape[1]
        out = conv(x.reshape([size * n] + list(x.shape[2:])), w, b, *options)
        return out.reshape([size, n] + list(out.shape[1:]))

    @staticmethod
    def backward(ctx, grad):
        x, w = ctx.saved_tensors
        conv, options = ctx.conv, ctx.options
        stride, padding, dilation, groups = options
        size, n = x.shape[0], x.shape[1]
        grad_x = grad_w = grad_b = None
        if ctx.needs_input_grad[0]:
            folded = grad.reshape([size * n] + list(grad.shape[2:]))
            with torch.enable_grad():
                stand_in = torch.zeros([size * n] + list(x.shape[2:]), dtype=x.dtype).requires_grad_()
                out = conv(stand_in, w.detach(), None, *options)
                grad_x = torch.autograd.grad([out], [stand_in], [folded])[0]
            grad_x = grad_x.reshape(list(x.shape))
        if ctx.needs_input_grad[1]:
            g = grad.movedim(0, 1)
            g = g.reshape([n, size * g.shape[2]] + list(g.shape[3:]))
            xs = x.detach().movedim(0, 1)
            xs = xs.reshape([n, size * xs.shape[2]] + list(xs.shape[3:]))
            with torch.enable_grad():
                stand_in = torch.zeros([size * w.shape[0]] + list(w.shape[1:]), dtype=w.dtype).requires_grad_()
                out = conv(xs, stand_in, None, stride, padding, dilation, groups * size)
                grad_w = torch.autograd.grad([out], [stand_in], [g])[0]
            grad_w = grad_w.reshape([size] + list(w.shape))
        if ctx.has_bias and ctx.needs_input_grad[2]:
            grad_b = grad.sum([1] + list(range(3, grad.dim())))
        return grad_x, grad_w, grad_b, None, None, None, None


def _shared_weight_conv(orig, spatial, args, kwargs):
    input, weight, bias, stride, padding, dilation, groups = _conv_arguments(*args, **kwargs)
    if not isinstance(input, _Batched) or input._same is not None:
        raise _NeedLoop()
    if isinstance(bias, _Batched) and bias._same is None:
        raise _NeedLoop()
    for a in (stride, padding, dilation, groups):
        if _any_batched((a,), {}):
            raise _NeedLoop()
    P = input._p
    logical = P.dim() - 1
    if logical == spatial + 1:
        # An unbatched sample: conv unsqueezes it to N=1 and squeezes the output back.
        P = P.unsqueeze(1)
    elif logical != spatial + 2:
        raise _NeedLoop()
    if isinstance(bias, _Batched):
        b_leaf, b = bias._p, bias._same
    else:
        b_leaf, b = None, bias
    out = _SharedWeightConv.apply(P, weight._p, b_leaf, weight._same, b, orig, (stride, padding, dilation, groups))
    if logical == spatial + 1:
        out = out.squeeze(1)
    return _Batched(out)
