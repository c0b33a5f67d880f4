# torch.nn.functional — part 5b: 3-d pooling (max, average, adaptive, Lp), composed in
# the order of ATen's CPU kernels (aten/src/ATen/native/cpu/MaxPoolKernel.cpp,
# AvgPoolKernel.cpp, AdaptiveAvgPoolKernel.cpp, AdaptiveMaxPoolKernel.cpp): each window
# is walked depth, then height, then width, in float, and the result is recorded as
# the node PyTorch names (MaxPool3DWithIndicesBackward0, AvgPool3DBackward0, ...).


def _triple(value):
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return (value, value, value)


def _pool3d_input(input, fn):
    if input.dim() not in (4, 5):
        raise RuntimeError("non-empty 4D or 5D (batch mode) tensor expected for input")
    x = input.detach()
    if input.dim() == 4:
        x = x.unsqueeze(0)
    return x.contiguous()


def _pool3d_out_size(size, k, pad, stride, dil, ceil):
    # pooling_output_shape: floor or ceil, and the last window must start inside.
    num = size + 2 * pad - dil * (k - 1) - 1 + (stride - 1 if ceil else 0)
    out = num // stride + 1
    if ceil and (out - 1) * stride >= size + pad:
        out -= 1
    return out


def _pool3d_geometry(x, kernel_size, stride, padding, dilation, ceil_mode, fn, check_input_size=False):
    k = _triple(kernel_size)
    s = k if stride is None or stride == [] or stride == () else _triple(stride)
    p = _triple(padding)
    d = _triple(dilation)
    if len(k) != 3:
        raise RuntimeError(f"{fn}: kernel_size must either be a single int, or a tuple of three ints")
    for i in range(3):
        if k[i] <= 0:
            raise RuntimeError(f"kernel size should be greater than zero, but got kT: {k[0]} kH: {k[1]} kW: {k[2]}")
        if s[i] <= 0:
            raise RuntimeError(f"stride should be greater than zero, but got dT: {s[0]} dH: {s[1]} dW: {s[2]}")
    for i in range(3):
        if p[i] > ((k[i] - 1) * d[i] + 1) // 2:
            raise RuntimeError(f"pad should be at most half of effective kernel size, but got pad={p[i]}, kernel_size={k[i]} and dilation={d[i]}")
    sizes = x.shape[2:]
    out = [_pool3d_out_size(sizes[i], k[i], p[i], s[i], d[i], ceil_mode) for i in range(3)]
    # pool3d_shape_check, after pooling_output_shape's check above: average pooling wants the
    # input at least as large as the kernel, and every 3-d pool a padding of at most half the
    # (undilated) kernel.
    if check_input_size and (sizes[0] < k[0] or sizes[1] < k[1] or sizes[2] < k[2]):
        raise RuntimeError(f"input image (T: {sizes[0]} H: {sizes[1]} W: {sizes[2]}) smaller than kernel size "
                           f"(kT: {k[0]} kH: {k[1]} kW: {k[2]})")
    if k[0] // 2 < p[0] or k[2] // 2 < p[2] or k[1] // 2 < p[1]:
        raise RuntimeError(f"pad should be smaller than or equal to half of kernel size, but got kT: {k[0]} kW: {k[2]} "
                           f"kH: {k[1]} padT: {p[0]} padW: {p[2]} padH: {p[1]}")
    if min(out) < 1:
        raise RuntimeError(f"Given input size: ({x.shape[1]}x{sizes[0]}x{sizes[1]}x{sizes[2]}). "
                           f"Calculated output size: ({x.shape[1]}x{out[0]}x{out[1]}x{out[2]}). Output size is too small")
    return k, s, p, d, out


def _pool3d_padded(x, p, k, s, d, out, value):
    """x padded in front by p and behind far enough for every window (ceil mode)."""
    pads = []
    for i in (2, 1, 0):
        need = (out[i] - 1) * s[i] + d[i] * (k[i] - 1) + 1
        pads += [p[i], max(0, need - p[i] - x.shape[2 + i])]
    return torch.constant_pad_nd(x, pads, value)


def _pool3d_window(t, a, b, c, s, d, out):
    return t[:, :, a * d[0]:a * d[0] + (out[0] - 1) * s[0] + 1:s[0],
             b * d[1]:b * d[1] + (out[1] - 1) * s[1] + 1:s[1],
             c * d[2]:c * d[2] + (out[2] - 1) * s[2] + 1:s[2]]


def _pool3d_result(input, out):
    return out.squeeze(0) if input.dim() == 4 else out


def _pool3d_first_valid(o, s, p, d):
    start = o * s - p
    while start < 0:
        start += d
    return start


def max_pool3d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1,
                            ceil_mode=False, return_indices=False):
    x = _pool3d_input(input, "max_pool3d")
    k, s, p, d, out = _pool3d_geometry(x, kernel_size, stride, padding, dilation, ceil_mode,
                                       "max_pool3d")
    D, H, W = x.shape[2:]
    xp = _pool3d_padded(x, p, k, s, d, out, float("-inf"))
    positions = torch.arange(D * H * W).view(1, 1, D, H, W)
    pp = _pool3d_padded(positions, p, k, s, d, out, -1)
    starts = [[_pool3d_first_valid(o, s[i], p[i], d[i]) for o in range(out[i])] for i in range(3)]
    first = (torch.tensor(starts[0]).view(-1, 1, 1) * (H * W) + torch.tensor(starts[1]).view(1, -1, 1) * W
             + torch.tensor(starts[2]).view(1, 1, -1))
    best = torch.full([x.shape[0], x.shape[1]] + out, float("-inf"), dtype=x.dtype)
    index = first.expand(best.shape).clone()
    for a in range(k[0]):
        for b in range(k[1]):
            for c in range(k[2]):
                v = _pool3d_window(xp, a, b, c, s, d, out)
                take = (v > best) | v.isnan()
                best = torch.where(take, v, best)
                index = torch.where(take, _pool3d_window(pp, a, b, c, s, d, out).expand(best.shape), index)
    best = _pool3d_result(input, best)
    index = _pool3d_result(input, index)

    flat_index = index.reshape([x.shape[0], x.shape[1], -1])

    def backward(g, gi):
        # max_pool3d_with_indices_backward: each output adds its gradient at its index,
        # in output order; one MaxPool3DWithIndicesBackwardBackward0 node over
        # (grad_output, self) under create_graph, as PyTorch records that op.
        shape = [x.shape[0], x.shape[1], D * H * W]
        with torch.no_grad():
            g5 = g.reshape([x.shape[0], x.shape[1], -1])
            gx = torch.zeros(shape, dtype=x.dtype).scatter_add_(2, flat_index, g5).view(input.shape)

        def double_backward(ggx):
            # max_pool_double_backward: the gradient at each output's index; self: zeros.
            gg = ggx.reshape([x.shape[0], x.shape[1], -1]).gather(2, flat_index).view(g.shape)
            return gg, torch.zeros_like(input)
        return torch._linalg_record("MaxPool3DWithIndicesBackwardBackward0", (g, input), gx, double_backward)
    best, index = torch._linalg_record("MaxPool3DWithIndicesBackward0", (input,), (best, index), backward)
    return best, index


def max_pool3d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
               return_indices=False):
    output, indices = max_pool3d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode)
    if return_indices:
        return output, indices
    return output


def _avg_counts(size, o_n, k, s, p, include_pad):
    counts = []
    for o in range(o_n):
        start = o * s - p
        end = min(start + k, size + p)
        pool = end - start
        start, end = max(start, 0), min(end, size)
        counts.append(pool if include_pad else end - start)
    return counts


def avg_pool3d(input, kernel_size, stride=None, padding=0, ceil_mode=False,
               count_include_pad=True, divisor_override=None):
    x = _pool3d_input(input, "avg_pool3d")
    k, s, p, d, out = _pool3d_geometry(x, kernel_size, stride, padding, 1, ceil_mode, "avg_pool3d", check_input_size=True)
    if divisor_override is not None and divisor_override == 0:
        raise RuntimeError("divisor must be not zero")
    sizes = x.shape[2:]
    if divisor_override is not None:
        divisor = torch.full(out, float(divisor_override), dtype=x.dtype)
    else:
        c = [torch.tensor(_avg_counts(sizes[i], out[i], k[i], s[i], p[i], count_include_pad)) for i in range(3)]
        divisor = (c[0].view(-1, 1, 1) * c[1].view(1, -1, 1) * c[2].view(1, 1, -1)).to(x.dtype)
    xp = _pool3d_padded(x, p, k, s, d, out, 0.0)
    total = torch.zeros([x.shape[0], x.shape[1]] + out, dtype=x.dtype)
    for a in range(k[0]):
        for b in range(k[1]):
            for c_ in range(k[2]):
                total = total + _pool3d_window(xp, a, b, c_, s, d, out)
    result = _pool3d_result(input, total / divisor)

    def backward(g):
        # avg_pool3d_backward: every output spreads grad / divisor over its window, in
        # output order; a position reached from several windows gets the later ones'
        # shares last, which is the windows' offsets walked backwards. Under create_graph
        # it is one AvgPool3DBackwardBackward0 node over (grad_output, self).
        with torch.no_grad():
            delta = g.reshape(total.shape) / divisor
            gp = torch.zeros(xp.shape, dtype=x.dtype)
            for a in reversed(range(k[0])):
                for b in reversed(range(k[1])):
                    for c_ in reversed(range(k[2])):
                        sl = _pool3d_window(gp, a, b, c_, s, d, out)
                        sl.add_(delta)
            gx = gp[:, :, p[0]:p[0] + sizes[0], p[1]:p[1] + sizes[1], p[2]:p[2] + sizes[2]].reshape(input.shape)

        def double_backward(ggx):
            # derivatives.yaml: grad_output gets avg_pool3d(grad, ...), self zeros.
            gg = avg_pool3d(ggx, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)
            return gg, torch.zeros_like(input)
        return torch._linalg_record("AvgPool3DBackwardBackward0", (g, input), gx, double_backward)
    return torch._linalg_record("AvgPool3DBackward0", (input,), result, backward)


def _adaptive_ranges(size, o_n):
    return [((o * size) // o_n, -((-(o + 1) * size) // o_n)) for o in range(o_n)]


def _adaptive3d_size(input, output_size):
    if isinstance(output_size, int):
        return [output_size] * 3
    defaults = list(input.shape)[-3:]
    return [v if v is not None else dflt for v, dflt in zip(output_size, defaults)]


def _adaptive3d_windows(x, out, fill):
    """yields, window offset by offset in (d, h, w) order, the values at that offset of
    every output's window (`fill` where a shorter window has run out)."""
    sizes = x.shape[2:]
    ranges = [_adaptive_ranges(sizes[i], out[i]) for i in range(3)]
    longest = [max(e - b for b, e in r) for r in ranges]
    for a in range(longest[0]):
        for b in range(longest[1]):
            for c in range(longest[2]):
                idx, ok = [], []
                for i, off in enumerate((a, b, c)):
                    idx.append(torch.tensor([min(st + off, sizes[i] - 1) for st, en in ranges[i]]))
                    ok.append(torch.tensor([st + off < en for st, en in ranges[i]]))
                v = x.index_select(2, idx[0]).index_select(3, idx[1]).index_select(4, idx[2])
                valid = ok[0].view(-1, 1, 1) & ok[1].view(1, -1, 1) & ok[2].view(1, 1, -1)
                pos = (idx[0].view(-1, 1, 1) * (sizes[1] * sizes[2]) + idx[1].view(1, -1, 1) * sizes[2]
                       + idx[2].view(1, 1, -1))
                yield torch.where(valid, v, torch.tensor(fill, dtype=x.dtype)), valid, pos
    return


def adaptive_avg_pool3d(input, output_size):
    out = _adaptive3d_size(input, output_size)
    if input.dim() not in (4, 5):
        raise RuntimeError(f"adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got {list(input.shape)}")
    if out == [1, 1, 1]:
        return input.mean([-1, -2, -3], True)
    x = _pool3d_input(input, "adaptive_avg_pool3d")
    sizes = x.shape[2:]
    ranges = [_adaptive_ranges(sizes[i], out[i]) for i in range(3)]
    c = [torch.tensor([e - b for b, e in ranges[i]]).to(x.dtype) for i in range(3)]

    def per_window(t):
        # sum / kd / kh / kw, three roundings as in the kernel
        return t / c[0].view(-1, 1, 1) / c[1].view(1, -1, 1) / c[2].view(1, 1, -1)
    total = torch.zeros([x.shape[0], x.shape[1]] + out, dtype=x.dtype)
    for v, valid, pos in _adaptive3d_windows(x, out, 0.0):
        total = total + v
    result = _pool3d_result(input, per_window(total))

    def backward(g):
        # adaptive_avg_pool3d_backward: output by output, grad / count over its window.
        delta = per_window(g.reshape(total.shape))
        gx = torch.zeros(x.shape, dtype=x.dtype)
        for od, (d0, d1) in enumerate(ranges[0]):
            for oh, (h0, h1) in enumerate(ranges[1]):
                for ow, (w0, w1) in enumerate(ranges[2]):
                    gx[:, :, d0:d1, h0:h1, w0:w1] += delta[:, :, od:od + 1, oh:oh + 1, ow:ow + 1]
        return gx.reshape(input.shape)
    return torch._linalg_record("AdaptiveAvgPool3DBackward0", (input,), result, backward)


def adaptive_max_pool3d_with_indices(input, output_size, return_indices=False):
    out = _adaptive3d_size(input, output_size)
    x = _pool3d_input(input, "adaptive_max_pool3d")
    best = torch.full([x.shape[0], x.shape[1]] + out, float("-inf"), dtype=x.dtype)
    index = None
    for v, valid, pos in _adaptive3d_windows(x, out, float("-inf")):
        if index is None:
            index = pos.expand(best.shape).clone()
        take = (v > best) | v.isnan()
        best = torch.where(take, v, best)
        index = torch.where(take, pos.expand(best.shape), index)
    best = _pool3d_result(input, best)
    index = _pool3d_result(input, index)

    def backward(g, gi):
        n, ch = x.shape[0], x.shape[1]
        gx = torch.zeros([n, ch, x.shape[2] * x.shape[3] * x.shape[4]], dtype=x.dtype)
        gx = gx.scatter_add_(2, index.reshape([n, ch, -1]), g.reshape([n, ch, -1]))
        return gx.view(input.shape)
    best, index = torch._linalg_record("AdaptiveMaxPool3DBackward0", (input,), (best, index), backward)
    return best, index


def adaptive_max_pool3d(input, output_size, return_indices=False):
    output, indices = adaptive_max_pool3d_with_indices(input, output_size)
    if return_indices:
        return output, indices
    return output


def lp_pool3d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    kd, kw, kh = _triple(kernel_size)
    if stride is not None:
        out = avg_pool3d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    else:
        out = avg_pool3d(input.pow(norm_type), kernel_size, padding=0, ceil_mode=ceil_mode)
    return (torch.sign(out) * relu(torch.abs(out))).mul(kd * kw * kh).pow(1.0 / norm_type)
