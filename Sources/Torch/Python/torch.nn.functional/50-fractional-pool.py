# torch.nn.functional — part 5e: fractional max pooling (2-d and 3-d), as ATen's CPU
# kernels (FractionalMaxPool2d.cpp / FractionalMaxPool3d.cpp): one uniform sample per
# plane and spatial dim (torch.rand, drawn here exactly as torch.nn.functional draws it)
# turns into window starts by generate_intervals in the input's float type; each window
# is scanned in order, NaN winning; the backward adds the gradient at the indices in
# output order.


def _fractional_starts(samples, size, out, pool, dtype):
    """generate_intervals for every plane at once: (planes, out) int64 starts."""
    planes = samples.shape[0]
    if out > 1:
        alpha = torch.tensor(float(size - pool), dtype=dtype) / torch.tensor(float(out - 1), dtype=dtype)
        i = torch.arange(out - 1).to(dtype).view(1, -1)
        s = samples.view(-1, 1)
        head = ((i + s) * alpha).to(torch.int64) - (s * alpha).to(torch.int64)
        last = torch.full([planes, 1], size - pool, dtype=torch.int64)
        return torch.cat([head, last], 1)
    return torch.full([planes, out], size - pool, dtype=torch.int64)


def _fractional_max_pool(input, kernel_size, output_size, samples, dims, node, fn):
    batched = input.dim() == dims + 2
    x = input.detach() if batched else input.detach().unsqueeze(0)
    x = x.contiguous()
    n, c = x.shape[0], x.shape[1]
    sizes = list(x.shape[2:])
    names = ["time", "height", "width"][3 - dims:]
    for d in range(dims):
        if output_size[d] + kernel_size[d] - 1 > sizes[d]:
            raise RuntimeError(f"{fn}(): pool {names[d]} {kernel_size[d]} too large relative to input {names[d]} {sizes[d]}")
    samples = samples.detach().to(x.dtype).reshape([n * c, dims])
    # the 2-d kernel keeps the width's sample first, the 3-d kernel time, height, width
    order = [1, 0] if dims == 2 else [0, 1, 2]
    starts = [_fractional_starts(samples[:, order[d]].contiguous(), sizes[d], output_size[d], kernel_size[d], x.dtype)
              for d in range(dims)]
    strides = [1] * dims
    for d in reversed(range(dims - 1)):
        strides[d] = strides[d + 1] * sizes[d + 1]
    flat = x.reshape([n * c, -1])
    best = torch.full([n * c] + list(output_size), float("-inf"), dtype=x.dtype)

    def position(offsets):
        pos = None
        for d in range(dims):
            shape = [n * c] + [1] * dims
            shape[1 + d] = output_size[d]
            term = (starts[d] + offsets[d]).view(shape) * strides[d]
            pos = term if pos is None else pos + term
        return pos.expand(best.shape)
    index = position([0] * dims).clone()
    offsets_list = [[]]
    for d in range(dims):
        offsets_list = [o + [k] for o in offsets_list for k in range(kernel_size[d])]
    for offsets in offsets_list:
        pos = position(offsets)
        v = flat.gather(1, pos.reshape([n * c, -1])).view(best.shape)
        take = (v > best) | v.isnan()
        best = torch.where(take, v, best)
        index = torch.where(take, pos, index)
    shape = [n, c] + list(output_size)
    best = best.view(shape)
    index = index.view(shape)
    if not batched:
        best, index = best.squeeze(0), index.squeeze(0)

    def backward(g, gi):
        gx = torch.zeros([n * c, flat.shape[1]], dtype=x.dtype)
        gx = gx.scatter_add_(1, index.reshape([n * c, -1]), g.reshape([n * c, -1]))
        return gx.view(input.shape)
    return torch._linalg_record(node, (input,), (best, index), backward)


def _fractional_max_pool_nd(input, kernel_size, output_size, output_ratio, _random_samples, dims, fn):
    tup = _pair if dims == 2 else _triple
    if output_size is None and output_ratio is None:
        raise ValueError(f"{fn} requires specifying either an output_size or an output_ratio")
    if output_size is None:
        if dims == 2 and isinstance(output_ratio, (list, tuple)) and len(output_ratio) > 2:
            raise ValueError("fractional_max_pool2d requires output_ratio to either be a single Int or tuple of Ints.")
        ratio = tup(output_ratio)
        output_size = [int(input.size(-dims + d) * ratio[d]) for d in range(dims)]
    if input.dim() not in (dims + 1, dims + 2):
        raise RuntimeError(f"{fn}(): Expected {dims + 1}D or {dims + 2}D tensor, but got: {list(input.shape)}")
    if _random_samples is None:
        n_batch = 1 if input.dim() == dims + 1 else input.size(0)
        _random_samples = torch.rand(n_batch, input.size(-dims - 1), dims, dtype=input.dtype, device=input.device)
    node = "FractionalMaxPool2DBackward0" if dims == 2 else "FractionalMaxPool3DBackward0"
    return _fractional_max_pool(input, list(tup(kernel_size)), list(tup(output_size)), _random_samples,
                                dims, node, fn)


def fractional_max_pool2d_with_indices(input, kernel_size, output_size=None, output_ratio=None,
                                       return_indices=False, _random_samples=None):
    return _fractional_max_pool_nd(input, kernel_size, output_size, output_ratio, _random_samples, 2,
                                   "fractional_max_pool2d")


def fractional_max_pool2d(input, kernel_size, output_size=None, output_ratio=None,
                          return_indices=False, _random_samples=None):
    output, indices = fractional_max_pool2d_with_indices(input, kernel_size, output_size, output_ratio,
                                                         False, _random_samples)
    return (output, indices) if return_indices else output


def fractional_max_pool3d_with_indices(input, kernel_size, output_size=None, output_ratio=None,
                                       return_indices=False, _random_samples=None):
    return _fractional_max_pool_nd(input, kernel_size, output_size, output_ratio, _random_samples, 3,
                                   "fractional_max_pool3d")


def fractional_max_pool3d(input, kernel_size, output_size=None, output_ratio=None,
                          return_indices=False, _random_samples=None):
    output, indices = fractional_max_pool3d_with_indices(input, kernel_size, output_size, output_ratio,
                                                         False, _random_samples)
    return (output, indices) if return_indices else output
