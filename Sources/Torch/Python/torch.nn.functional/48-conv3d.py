# torch.nn.functional — part 5c: conv3d as ATen's CPU slow path (ConvolutionMM3d.cpp)
# computes it for one image: vol2col columns, one matrix product per group with the
# bias as the product's starting C (torch.addmm, the same gemm call), and for the
# backward the transposed products and a col2vol that adds kernel offset by offset.
# PyTorch sends float32 batches of more than one image to oneDNN instead: there every
# pass comes from natives in oneDNN's orders (OneDNNConvolution3D.swift; `gemm:jit` for
# dilated and grouped layers and paddings as large as the kernel, OneDNNConvolution3DGemm.swift),
# except 1x1x1 weight gradients, still computed image by image here.


def _conv3d_columns(xp, k, s, d, out):
    """(C, D, H, W) padded image -> (C·kT·kH·kW, oT·oH·oW) columns, vol2col's order."""
    parts = []
    for a in range(k[0]):
        for b in range(k[1]):
            for c in range(k[2]):
                parts.append(xp[:, a * d[0]:a * d[0] + (out[0] - 1) * s[0] + 1:s[0],
                                b * d[1]:b * d[1] + (out[1] - 1) * s[1] + 1:s[1],
                                c * d[2]:c * d[2] + (out[2] - 1) * s[2] + 1:s[2]])
    cols = torch.stack(parts, 1)
    return cols.reshape([xp.shape[0] * k[0] * k[1] * k[2], out[0] * out[1] * out[2]])


def _conv3d_same_padding(input, weight, dilation):
    pads, sym = [], []
    for i in range(3):
        total = dilation[i] * (weight.shape[2 + i] - 1)
        left = total // 2
        sym.append(left)
        pads = [0, total - 2 * left] + pads
    if any(pads):
        input = torch.constant_pad_nd(input, pads, 0.0)
    return input, tuple(sym)


def _conv3d_pointwise(input, weight, bias):
    """A 1x1x1 float32 batch without groups, stride or padding: PyTorch's passes equal, bit
    for bit, those of the conv2d over (N, C, D·H, W) (checked at avx2 and avx512), so the
    2-d kernels (oneDNN's jit_1x1 orders) compute it, under one ConvolutionBackward0."""
    n, c, d, h, w = input.shape
    o = weight.shape[0]
    with torch.enable_grad():
        x2 = input.detach().reshape([n, c, d * h, w]).requires_grad_()
        w2 = weight.detach().reshape([o, c, 1, 1]).requires_grad_()
        b2 = bias.detach().requires_grad_() if bias is not None else None
        y2 = conv2d(x2, w2, b2)
    leaves = [x2, w2] if b2 is None else [x2, w2, b2]
    inputs = (input, weight) if bias is None else (input, weight, bias)

    def backward(g):
        gs = torch.autograd.grad(y2, leaves, g.contiguous().reshape(y2.shape), retain_graph=True)
        out = (gs[0].reshape(input.shape), gs[1].reshape(weight.shape))
        return out if bias is None else out + (gs[2],)
    return torch._linalg_record("ConvolutionBackward0", inputs, y2.detach().reshape([n, o, d, h, w]), backward)


def conv3d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    stride, dilation = _conv_param(stride, 3), _conv_param(dilation, 3)
    if not isinstance(padding, str):
        padding = _conv_param(padding, 3)
    if input.dim() not in (4, 5):
        raise RuntimeError(f"Expected 4D (unbatched) or 5D (batched) input to conv3d, but got input of size: {list(input.shape)}")
    unbatched = input.dim() == 4
    if unbatched:
        input = input.unsqueeze(0)
    if isinstance(padding, str):
        if padding == "valid":
            padding = (0, 0, 0)
        elif padding == "same":
            if any(v != 1 for v in stride):
                raise RuntimeError("padding='same' is not supported for strided convolutions")
            input, padding = _conv3d_same_padding(input, weight, dilation)
        else:
            raise RuntimeError(f"Invalid padding string: '{padding}'")
    padding = _triple(padding)
    if weight.dim() != 5:
        raise RuntimeError(f"Expected 5-dimensional input for 5-dimensional weight {list(weight.shape)}, but got {input.dim()}-dimensional input of size {list(input.shape)} instead")
    n, cin = input.shape[0], input.shape[1]
    cout = weight.shape[0]
    if cin != weight.shape[1] * groups:
        raise RuntimeError(f"Given groups={groups}, weight of size {list(weight.shape)}, expected input{list(input.shape)} to have {weight.shape[1] * groups} channels, but got {cin} channels instead")
    if bias is not None and (bias.dim() != 1 or bias.shape[0] != cout):
        raise RuntimeError(f"Given weight of size {list(weight.shape)}, expected bias to be 1-dimensional with {cout} elements, but got bias of size {list(bias.shape)} instead")
    k = tuple(weight.shape[2:])
    sizes = input.shape[2:]
    out = [(sizes[i] + 2 * padding[i] - dilation[i] * (k[i] - 1) - 1) // stride[i] + 1 for i in range(3)]
    if min(out) < 1:
        raise RuntimeError(f"Calculated padded input size per channel: ({sizes[0] + 2 * padding[0]} x {sizes[1] + 2 * padding[1]} x {sizes[2] + 2 * padding[2]}). Kernel size: ({(k[0] - 1) * dilation[0] + 1} x {(k[1] - 1) * dilation[1] + 1} x {(k[2] - 1) * dilation[2] + 1}). Kernel size can't be greater than actual input size")
    if (k == (1, 1, 1) and tuple(stride) == (1, 1, 1) and tuple(padding) == (0, 0, 0) and groups == 1 and n > 1
            and input.dtype == torch.float32 and weight.dtype == torch.float32 and input.device.type == "cpu"):
        result = _conv3d_pointwise(input, weight, bias)
        return result.squeeze(0) if unbatched else result
    x = input.detach()
    w = weight.detach()
    b = bias.detach() if bias is not None else None
    cg, og = cin // groups, cout // groups
    kk = k[0] * k[1] * k[2]
    ohw = out[0] * out[1] * out[2]
    pads = [padding[2], padding[2], padding[1], padding[1], padding[0], padding[0]]
    # A float32 batch goes to oneDNN in PyTorch: its forward and input gradient in
    # oneDNN's orders (None where the native does not reproduce it).
    fast = torch._onednn_conv3d(x, w, b, list(stride), list(padding), list(dilation), groups)
    images, columns = [], []
    # grouped slow_conv3d (undilated; slow_conv_dilated3d runs group by group) batches the
    # groups' products (MKL's batch call: float32/float64 only; float16/bfloat16 loop over
    # ATen's own gemm group by group, as addmm does)
    reduced = x.dtype in (torch.float16, torch.bfloat16)
    batched = groups > 1 and tuple(dilation) == (1, 1, 1) and not reduced
    for i in range(n if fast is None else 0):
        xp = torch.constant_pad_nd(x[i], pads, 0.0)
        cols = _conv3d_columns(xp, k, stride, dilation, out)
        columns.append(cols)
        if batched:
            # slow_conv3d: the groups' products in one gemm_batched_with_stride call, into
            # the bias (beta 1) or from zero
            start = b.reshape([groups, og, 1]).expand(groups, og, ohw) if b is not None else torch.zeros([groups, og, ohw], dtype=x.dtype)
            plane = torch._slow_conv3d_gemm(start, w.reshape([groups, og, cg * kk]), cols.reshape([groups, cg * kk, ohw]),
                                            1.0 if b is not None else 0.0, False, False)
            images.append(plane.reshape([cout] + out))
            continue
        planes = []
        for g in range(groups):
            w2 = w[g * og:(g + 1) * og].reshape([og, cg * kk])
            cg_cols = cols[g * cg * kk:(g + 1) * cg * kk]
            if b is not None:
                planes.append(torch.addmm(b[g * og:(g + 1) * og].unsqueeze(1).expand(og, ohw), w2, cg_cols))
            else:
                planes.append(torch.mm(w2, cg_cols))
        images.append(torch.cat(planes, 0).reshape([cout] + out))
    result = torch.stack(images, 0) if fast is None else fast
    inputs = (input, weight) if bias is None else (input, weight, bias)

    def backward(g):
        g = g.contiguous()
        gx_images = []
        # slow_conv3d_backward_weight_frame: gemm adds each image's product to the gradient
        # so far (beta = 1) — torch.addmm's call, not a product and then an add.
        gw = torch.zeros([cout, cg * kk], dtype=w.dtype)
        # oneDNN's jit:avx2 or gemm:jit weight pass where it runs one (None elsewhere)
        gw_fast = torch._onednn_conv3d_weight_grad(g, x, w, list(stride), list(padding), groups, list(dilation)) if fast is not None else None
        for i in range(n if gw_fast is None else 0):
            if fast is not None and len(columns) == i:
                columns.append(_conv3d_columns(torch.constant_pad_nd(x[i], pads, 0.0), k, stride, dilation, out))
            g2 = g[i].reshape([cout, ohw])
            fgrad = []
            if fast is None and batched:
                # slow_conv3d's batched products: columns' gradient from zero, weight
                # gradient added to (beta 1)
                g3 = g2.reshape([groups, og, ohw])
                w3 = w.reshape([groups, og, cg * kk])
                fgrad.append(torch._slow_conv3d_gemm(torch.zeros([groups, cg * kk, ohw], dtype=w.dtype), w3.transpose(1, 2), g3, 0.0, True, False))
                gw = torch._slow_conv3d_gemm(gw.reshape([groups, og, cg * kk]), g3,
                                             columns[i].reshape([groups, cg * kk, ohw]).transpose(1, 2), 1.0, False, True).reshape([cout, cg * kk])
            for gr in range(0 if fast is None and batched else groups):
                w2 = w[gr * og:(gr + 1) * og].reshape([og, cg * kk])
                g2g = g2[gr * og:(gr + 1) * og]
                if fast is None:
                    fgrad.append(torch.mm(w2.t(), g2g))
                cols_g = columns[i][gr * cg * kk:(gr + 1) * cg * kk]
                if reduced:
                    # ATen's gemm(T, N): dot_with_fp32_arith's order, rounded image by image
                    gw[gr * og:(gr + 1) * og] = torch._reduced_conv_weight_step(gw[gr * og:(gr + 1) * og], g2g, cols_g.contiguous())
                else:
                    gw[gr * og:(gr + 1) * og] = torch.addmm(gw[gr * og:(gr + 1) * og], g2g, cols_g.t())
            if fast is not None:
                continue
            fgrad = torch.cat(fgrad, 0).reshape([cin, kk] + out)
            # col2vol: kernel offsets in order, each adding its slab of the columns.
            gp = torch.zeros([cin] + [sizes[j] + 2 * padding[j] for j in range(3)], dtype=x.dtype)
            q = 0
            for a in range(k[0]):
                for bb in range(k[1]):
                    for c in range(k[2]):
                        sl = gp[:, a * dilation[0]:a * dilation[0] + (out[0] - 1) * stride[0] + 1:stride[0],
                                bb * dilation[1]:bb * dilation[1] + (out[1] - 1) * stride[1] + 1:stride[1],
                                c * dilation[2]:c * dilation[2] + (out[2] - 1) * stride[2] + 1:stride[2]]
                        sl.add_(fgrad[:, q])
                        q += 1
            gx_images.append(gp[:, padding[0]:padding[0] + sizes[0], padding[1]:padding[1] + sizes[1],
                                padding[2]:padding[2] + sizes[2]])
        if fast is None:
            gx = torch.stack(gx_images, 0)
        else:
            gx = torch._onednn_conv3d_input_grad(g, w, list(x.shape), list(stride), list(padding), groups, list(dilation))
        gw = gw_fast if gw_fast is not None else gw.reshape(w.shape)
        if bias is None:
            return gx, gw
        # the kernel's bias gradient: each channel's plane summed (one image: a row sum);
        # on oneDNN, gemm:jit's row by row order where it runs the weight pass
        gb = torch._onednn_conv3d_bias_grad(g, w, list(padding), groups, list(x.shape), list(stride), list(dilation)) if fast is not None else None
        if gb is None and reduced and tuple(dilation) != (1, 1, 1):
            # slow_conv_dilated3d: grad_bias += each image's plane sums, in the element type
            gb = torch._reduced_conv_dilated_bias_grad(g)
        if gb is None:
            gb = g[0].reshape([cout, ohw]).sum(1) if n == 1 else g.sum([0, 2, 3, 4])
        return gx, gw, gb
    result = torch._linalg_record("ConvolutionBackward0", inputs, result, backward)
    return result.squeeze(0) if unbatched else result
