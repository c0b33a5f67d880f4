# torch.nn.functional — part 5d: conv_transpose3d as ATen's SlowTranspose3d path
# (NaiveConvolutionTranspose3d.cpp, what PyTorch 2.15 picks on CPU for one image without
# groups; with groups, group by group as ATen's slow path does) and max_unpool3d. Float32
# batches go to oneDNN in PyTorch: there the forward and
# the input gradient come from natives in oneDNN's orders (OneDNNConvolution3D.swift); the
# weight and bias gradients keep the slow path's order and can differ in the last digit.


def _col2vol_add(cols, cin, k, s, d, out, full):
    """col2vol: kernel offsets in order, each adding its slab of `cols` into a zero
    volume of size `full` (padded)."""
    cols = cols.reshape([cin, k[0] * k[1] * k[2]] + out)
    vol = torch.zeros([cin] + full, dtype=cols.dtype)
    q = 0
    for a in range(k[0]):
        for b in range(k[1]):
            for c in range(k[2]):
                sl = vol[:, a * d[0]:a * d[0] + (out[0] - 1) * s[0] + 1:s[0],
                         b * d[1]:b * d[1] + (out[1] - 1) * s[1] + 1:s[1],
                         c * d[2]:c * d[2] + (out[2] - 1) * s[2] + 1:s[2]]
                sl.add_(cols[:, q])
                q += 1
    return vol


def conv_transpose3d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1):
    stride, padding, dilation = _conv_param(stride, 3), _conv_param(padding, 3), _conv_param(dilation, 3)
    output_padding = _conv_param(output_padding, 3)
    if input.dim() not in (4, 5):
        raise RuntimeError(f"Expected 4D (unbatched) or 5D (batched) input to conv_transpose3d, but got input of size: {list(input.shape)}")
    if groups <= 0:
        raise RuntimeError("non-positive groups is not supported")
    unbatched = input.dim() == 4
    if unbatched:
        input = input.unsqueeze(0)
    n, cin = input.shape[0], input.shape[1]
    if weight.dim() != 5:
        raise RuntimeError(f"Expected 5-dimensional input for 5-dimensional weight {list(weight.shape)}, but got {input.dim()}-dimensional input of size {list(input.shape)} instead")
    if groups != 1:
        result = _conv_transpose3d_onednn_groups(input, weight, bias, stride, padding, output_padding, groups, dilation)
        if result is None:
            result = _conv_transpose3d_groups(input, weight, bias, stride, padding, output_padding, groups, dilation)
        return result.squeeze(0) if unbatched else result
    if cin != weight.shape[0]:
        raise RuntimeError(f"Given transposed=1, weight of size {list(weight.shape)}, expected input{list(input.shape)} to have {weight.shape[0]} channels, but got {cin} channels instead")
    for i in range(3):
        if output_padding[i] >= stride[i] and output_padding[i] >= dilation[i]:
            raise RuntimeError("output padding must be smaller than either stride or dilation, but got "
                               f"output_padding_depth: {output_padding[0]} output_padding_height: {output_padding[1]} "
                               f"output_padding_width: {output_padding[2]} stride_depth: {stride[0]} stride_height: "
                               f"{stride[1]} stride_width: {stride[2]} dilation_depth: {dilation[0]} "
                               f"dilation_height: {dilation[1]} dilation_width: {dilation[2]}")
    cout = weight.shape[1]
    k = tuple(weight.shape[2:])
    kk = k[0] * k[1] * k[2]
    sizes = list(input.shape[2:])
    out = [(sizes[i] - 1) * stride[i] - 2 * padding[i] + dilation[i] * (k[i] - 1) + 1 + output_padding[i]
           for i in range(3)]
    # ATen's check_shape_forward looks at the bias before any backend checks the output size
    if bias is not None and (bias.dim() != 1 or bias.shape[0] != cout):
        raise RuntimeError(f"Given transposed=1, weight of size {list(weight.shape)}, expected bias to be 1-dimensional with {cout} elements, but got bias of size {list(bias.shape)} instead")
    empty = _conv_transpose3d_empty(input, weight, bias, stride, output_padding, 1, dilation, out)
    if empty is not None:
        return empty.squeeze(0) if unbatched else empty
    if min(out) < 1:
        raise RuntimeError(f"Given input size per channel: ({sizes[0]} x {sizes[1]} x {sizes[2]}). Calculated output size per channel: ({out[0]} x {out[1]} x {out[2]}). Output size is too small")
    x = input.detach()
    w = weight.detach()
    w2 = w.reshape([cin, cout * kk])
    dhw = sizes[0] * sizes[1] * sizes[2]
    # the padded output volume every column lands in, before the padding is cut off
    full = [out[i] + 2 * padding[i] for i in range(3)]
    # A float32 batch goes to oneDNN in PyTorch: the forward and the input gradient in
    # oneDNN's orders (None where the native does not reproduce it).
    b = bias.detach() if bias is not None else None
    fast = torch._onednn_conv_transpose3d(x, w, b, list(stride), list(padding), out, list(dilation), groups)
    images = []
    for i in range(n if fast is None else 0):
        cols = torch.mm(w2.t(), x[i].reshape([cin, dhw]))
        vol = _col2vol_add(cols, cout, k, stride, dilation, sizes, full)
        img = vol[:, padding[0]:padding[0] + out[0], padding[1]:padding[1] + out[1],
                  padding[2]:padding[2] + out[2]]
        if bias is not None:
            img = img + bias.detach().view(cout, 1, 1, 1)
        images.append(img)
    result = torch.stack(images, 0) if fast is None else fast
    inputs = (input, weight) if bias is None else (input, weight, bias)

    def backward(g):
        g = g.contiguous()
        gx_images = []
        gw = torch.zeros(w2.shape, dtype=w.dtype)
        pads = [padding[2], padding[2], padding[1], padding[1], padding[0], padding[0]]
        # oneDNN's weight pass of the convolution with the roles swapped (x its output
        # gradient, g its input) where it runs one (None elsewhere)
        gw_fast = None
        if fast is not None and tuple(dilation) == (1, 1, 1):
            gw_fast = torch._onednn_conv3d_weight_grad(x, g, w, list(stride), list(padding))
        elif fast is not None:
            # a dilated layer's weight pass is gemm:jit's (ONEDNN_VERBOSE)
            gw_fast = torch._onednn_conv3d_weight_grad(x, g, w, list(stride), list(padding), 1, list(dilation))
        for i in range(n if fast is None or gw_fast is None else 0):
            gp = torch.constant_pad_nd(g[i], pads, 0.0)
            cols = _conv3d_columns(gp, k, stride, dilation, sizes)
            if fast is None:
                gx_images.append(torch.mm(w2, cols).reshape([cin] + sizes))
            if fast is None:
                # slow_conv_transpose3d_acc_grad_parameters: gemm adding into the gradient (beta 1)
                gw = torch.addmm(gw, x[i].reshape([cin, dhw]), cols.t())
            else:
                gw = gw + torch.mm(x[i].reshape([cin, dhw]), cols.t())
        if fast is None:
            gx = torch.stack(gx_images, 0)
        else:
            gx = torch._onednn_conv3d(g, w, None, list(stride), list(padding), list(dilation), groups)
        gw = gw_fast if gw_fast is not None else gw.reshape(w.shape)
        if bias is None:
            return gx, gw
        if fast is not None:
            gb = torch._onednn_conv_transpose3d_bias_grad(g, w, list(stride), list(padding), list(dilation))
        else:
            gb = g[0].reshape([cout, -1]).sum(1) if n == 1 else g.sum([0, 2, 3, 4])
        return gx, gw, gb
    result = torch._linalg_record("ConvolutionBackward0", inputs, result, backward)
    return result.squeeze(0) if unbatched else result


def _conv_transpose3d_onednn_groups(input, weight, bias, stride, padding, output_padding, groups, dilation):
    """A grouped float32 conv_transpose3d oneDNN runs as `gemm:jit` deconvolution (groups the
    jit kernels refuse): every pass is the grouped convolution's with the roles swapped —
    forward its data gradient, input gradient its forward, weight gradient its weight pass
    (OneDNNConvolution3DGemm.swift). None where the native does not take the layer."""
    if (weight.dim() != 5 or input.dim() != 5 or weight.shape[0] % groups != 0 or input.shape[1] != weight.shape[0]
            or (bias is not None and (bias.dim() != 1 or bias.shape[0] != weight.shape[1] * groups))):
        return None
    k = weight.shape[2:]
    out = [(input.shape[2 + i] - 1) * stride[i] - 2 * padding[i] + dilation[i] * (k[i] - 1) + 1 + output_padding[i]
           for i in range(3)]
    if min(out) < 1:
        return _conv_transpose3d_empty(input, weight, bias, stride, output_padding, groups, dilation, out)
    x, w = input.detach(), weight.detach()
    b = bias.detach() if bias is not None else None
    fast = torch._onednn_conv_transpose3d(x, w, b, list(stride), list(padding), out, list(dilation), groups)
    if fast is None:
        return None
    inputs = (input, weight) if bias is None else (input, weight, bias)

    def backward(g):
        g = g.contiguous()
        gx = torch._onednn_conv3d(g, w, None, list(stride), list(padding), list(dilation), groups)
        gw = torch._onednn_conv3d_weight_grad(x, g, w, list(stride), list(padding), groups, list(dilation))
        if gx is None or gw is None:
            raise RuntimeError("conv_transpose3d: oneDNN's grouped backward passes are not reproduced for this layer")
        if bias is None:
            return gx, gw
        return gx, gw, torch._onednn_conv_transpose3d_bias_grad(g, w, list(stride), list(padding), list(dilation), groups)
    return torch._linalg_record("ConvolutionBackward0", inputs, fast, backward)


def _conv_transpose3d_empty(input, weight, bias, stride, output_padding, groups, dilation, out):
    """A layer ATen hands to oneDNN whose output has a 0-size dimension: ATen checks the
    output size only on its slow path, and `mkldnn_convolution_transpose` returns the empty
    output, its backward zero gradients (a negative size is oneDNN's memory-descriptor
    error). None where the output is not empty or ATen keeps the layer off oneDNN
    (`use_mkldnn`: float32, no output padding reaching the stride, the 1×1 single-thread
    clause, then groups, batch, kernel and size)."""
    if min(out) > 0 or input.dtype != torch.float32 or any(output_padding[i] >= stride[i] for i in range(3)):
        return None
    n, c = input.shape[0], input.shape[1]
    if (torch.get_num_threads() == 1 and n < 16 and tuple(weight.shape[3:]) == (1, 1)
            and tuple(stride) == (1, 1, 1) and tuple(dilation) == (1, 1, 1)):
        return None
    if not (groups > 1 or n > 1 or (weight.shape[3] > 3 and weight.shape[4] > 3)
            or n * c * input.shape[2] * input.shape[3] > 20480):
        return None
    if min(out) < 0:
        raise RuntimeError("could not construct a memory descriptor using a format tag")
    result = torch.zeros([n, weight.shape[1] * groups] + list(out), dtype=input.dtype)
    inputs = (input, weight) if bias is None else (input, weight, bias)

    def backward(g):
        return tuple(torch.zeros(t.shape, dtype=t.dtype) for t in inputs)
    return torch._linalg_record("ConvolutionBackward0", inputs, result, backward)


def _conv_transpose3d_groups(input, weight, bias, stride, padding, output_padding, groups, dilation):
    """conv_transpose3d with groups on a 5-d input: each group on its own, the results
    side by side, under one ConvolutionBackward0 node. ATen's slow path (float64) does
    exactly this; oneDNN's grouped `jit:avx2` (float32, groups of whole 8-channel blocks)
    runs the groups' plain orders one by one."""
    if weight.shape[0] % groups != 0:
        raise RuntimeError(f"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but got weight of size [{list(weight.shape)}] instead")
    if input.shape[1] != weight.shape[0]:
        raise RuntimeError(f"Given transposed=1, weight of size {list(weight.shape)}, expected input{list(input.shape)} to have {weight.shape[0]} channels, but got {input.shape[1]} channels instead")
    ci, co = weight.shape[0] // groups, weight.shape[1]
    if bias is not None and (bias.dim() != 1 or bias.shape[0] != co * groups):
        raise RuntimeError(f"Given transposed=1, weight of size {list(weight.shape)}, expected bias to be 1-dimensional with {co * groups} elements, but got bias of size {list(bias.shape)} instead")
    leaves, outs = [], []
    with torch.enable_grad():
        for i in range(groups):
            xi = input.detach()[:, i * ci:(i + 1) * ci].clone().requires_grad_()
            wi = weight.detach()[i * ci:(i + 1) * ci].clone().requires_grad_()
            bi = None if bias is None else bias.detach()[i * co:(i + 1) * co].clone().requires_grad_()
            yi = conv_transpose3d(xi, wi, bi, stride, padding, output_padding, 1, dilation)
            leaves.append([t for t in (xi, wi, bi) if t is not None])
            outs.append(yi)
    result = torch.cat([y.detach() for y in outs], 1)
    inputs = (input, weight) if bias is None else (input, weight, bias)

    def backward(g):
        parts = [torch.autograd.grad(outs[i], leaves[i], g[:, i * co:(i + 1) * co].contiguous(), retain_graph=True)
                 for i in range(groups)]
        return tuple(torch.cat([p[k] for p in parts], 0 if k > 0 else 1) for k in range(len(inputs)))
    return torch._linalg_record("ConvolutionBackward0", inputs, result, backward)


def max_unpool3d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    kernel_size = _triple(kernel_size)
    _stride = _triple(stride) if stride is not None else kernel_size
    padding = _triple(padding)
    output_size = _unpool_output_size(input, kernel_size, _stride, padding, output_size)
    if input.dim() not in (4, 5):
        raise RuntimeError(f"Input to max_unpooling3d should be a 4d or 5d Tensor, but got a tensor with {input.dim()} dimensions.")
    if indices.dtype != torch.int64:
        raise RuntimeError("elements in indices should be type int64 but got: " + str(indices.dtype).replace("torch.", "").capitalize())
    if input.shape != indices.shape:
        raise RuntimeError(f"Expected shape of indices to be same as that of the input tensor ({list(input.shape)}) but got indices tensor with shape: {list(indices.shape)}")
    x = input.detach()
    lead = list(x.shape[:-3])
    plane = output_size[0] * output_size[1] * output_size[2]
    flat_idx = indices.reshape(lead + [-1])
    if flat_idx.numel() > 0 and (int(flat_idx.min()) < 0 or int(flat_idx.max()) >= plane):
        bad = int(flat_idx.max()) if int(flat_idx.max()) >= plane else int(flat_idx.min())
        raise RuntimeError(f"Found an invalid max index: {bad} (output volumes are of size {output_size[0]}x{output_size[1]}x{output_size[2]}")
    out = torch.zeros(lead + [plane], dtype=x.dtype)
    out = out.scatter(len(lead), flat_idx, x.reshape(lead + [-1]))
    result = out.reshape(lead + list(output_size))

    def backward(g):
        return g.reshape(lead + [plane]).gather(len(lead), flat_idx).reshape(input.shape)
    return torch._linalg_record("MaxUnpool3DBackward0", (input,), result, backward)
