# torch.nn.functional — part 3b: pdist (and torch.cdist, bound on torch by
# torch._nn_aliases). Values follow ATen's CPU kernels (aten/src/ATen/native/cpu/
# DistanceOpsKernel.cpp) operation by operation: pdist here, cdist's direct path in Swift
# (torch._cdist_values, torch._cdist_backward_values); torch._linalg_record names the node
# as PyTorch does (PdistBackward0, CdistBackward0, EuclideanDistBackward0).

def _dist_dtype_name(dtype):
    # Built at call time: torch.nn.functional loads before every dtype is bound on torch
    # in sessions that install only part of it (NNSourcesTests' stand-in torch).
    names = {torch.int64: "Long", torch.int32: "Int", torch.int16: "Short", torch.int8: "Char",
             torch.uint8: "Byte", torch.bool: "Bool"}
    return names.get(dtype, dtype)


def _dist_norm_p(p, fn):
    p = float(p)
    if p < 0:
        raise RuntimeError(f"{fn} only supports non-negative p values")
    if p not in (0.0, 1.0, 2.0, float("inf")):
        raise NotImplementedError(f"{fn}: only p=0, 1, 2 and inf are implemented here, got p={p}")
    return p


def _pdist_lanes(mapped, red=None):
    """map2_reduce_all over the last dim: under 8 columns one sum in column order; from
    8 on, eight lanes summed chunk by chunk (the short tail adds into the first lanes),
    then the AVX2 horizontal reduction (halves, quarters, pairs)."""
    if red is None:
        red = torch.add
    m = mapped.shape[-1]
    if m < 8:
        acc = mapped.select(-1, 0)
        for x in range(1, m):
            acc = red(acc, mapped.select(-1, x))
        return acc
    lanes = mapped.narrow(-1, 0, 8)
    s = 8
    while s < m:
        w = min(8, m - s)
        chunk = mapped.narrow(-1, s, w)
        if w < 8:
            lanes = torch.cat([red(lanes.narrow(-1, 0, w), chunk), lanes.narrow(-1, w, 8 - w)], -1)
        else:
            lanes = red(lanes, chunk)
        s += 8
    v = red(lanes.narrow(-1, 0, 4), lanes.narrow(-1, 4, 4))
    v = red(v.narrow(-1, 0, 2), v.narrow(-1, 2, 2))
    return red(v.select(-1, 0), v.select(-1, 1))


def _sqrt_rounded(t):
    """std::sqrt, correctly rounded (the kernels finish with the C library's sqrt, not
    the vectorised tensor sqrt)."""
    return t.double().sqrt().to(t.dtype) if t.dtype == torch.float32 else t.sqrt()


def _dist_sign(v):
    """Dist::sign: min(max(0, ceil v), 1) + min(max(-1, floor v), 0)."""
    return (v.ceil().clamp(0, 1) + v.floor().clamp(-1, 0))


def _dist_term(diff, grad, dist, p):
    """one pair's gradient contribution, as the *dist_calc::backward of ATen."""
    if p == 0.0:
        return torch.zeros(diff.shape, dtype=diff.dtype)
    if p == 1.0:
        return grad.unsqueeze(-1) * _dist_sign(diff)
    if p == float("inf"):
        # idist_calc::backward: grad * sign(diff) * (1 - min(1, ceil(||diff| - dist|))),
        # i.e. the gradient goes to every column whose difference is the maximum.
        w = 1 - torch.clamp((diff.abs() - dist.unsqueeze(-1)).abs().ceil(), max=1)
        return grad.unsqueeze(-1) * _dist_sign(diff) * w
    term = grad.unsqueeze(-1) * diff / dist.unsqueeze(-1)
    return term.masked_fill((dist == 0).unsqueeze(-1), 0.0)


def pdist(input, p=2):
    if input.dim() != 2:
        raise RuntimeError(f"pdist only supports 2D tensors, got: {input.dim()}D")
    if not input.is_floating_point():
        raise RuntimeError("pdist only supports floating-point dtypes")
    p = _dist_norm_p(p, "pdist")
    x = input.detach().contiguous()
    n = x.shape[0]
    pairs_i = [i for i in range(n) for j in range(i + 1, n)]
    pairs_j = [j for i in range(n) for j in range(i + 1, n)]
    if not pairs_i:
        return torch._linalg_record("PdistBackward0", (input,), torch.empty(0, dtype=x.dtype),
                                    lambda g: torch.zeros_like(x))
    xi = x.index_select(0, torch.tensor(pairs_i))
    xj = x.index_select(0, torch.tensor(pairs_j))
    diff = (xi - xj).abs()
    if p == 0.0:
        agg = _pdist_lanes(diff.ceil().clamp(max=1))
    elif p == float("inf"):
        agg = _pdist_lanes(diff, torch.maximum)
    else:
        agg = _pdist_lanes(diff * diff if p == 2.0 else diff)
    result = _sqrt_rounded(agg) if p == 2.0 else agg

    def backward(g):
        # run_backward_parallel_pdist: row i gains each pair (i, j) in order of j after
        # every earlier pair (k, i) has been taken off.
        terms = _dist_term(xi - xj, g, result, p)
        rows = [torch.zeros(x.shape[1], dtype=x.dtype) for _ in range(n)]
        k = 0
        for i in range(n):
            for j in range(i + 1, n):
                t = terms[k]
                rows[i] = rows[i] + t
                rows[j] = rows[j] - t
                k += 1
        return torch.stack(rows)
    return torch._linalg_record("PdistBackward0", (input,), result, backward)


_CDIST_MODES = {"use_mm_for_euclid_dist_if_necessary": 0, "use_mm_for_euclid_dist": 1,
                "donot_use_mm_for_euclid_dist": 2}


def _cdist_direct_values(a, b, p):
    """cdist_stub on the broadcast, contiguous rows: Swift's Tensor.cdistValues (one scalar
    loop over the columns per pair; libm's pow for other p, as ATen's plain C++ loop)."""
    return torch._cdist_values(a, b, float(p))


def _cdist_pair_gradient(a, b, g, dist, p):
    """_cdist_backward(g, a, b, p, dist): Swift's Tensor.cdistBackwardValues (each row of
    `a` sums its pair terms over `b`'s rows in order; Vectorized's SLEEF pow in the terms)."""
    return torch._cdist_backward_values(g, a, b, float(p), dist)


def _cdist_double_backward(h, g, x, y, p, dist):
    """_cdist_backward_backward (derivatives.yaml: _cdist_backward's grad_output, x1, x2 and
    cdist) for the incoming gradient h: the gradients for (g, x, y, dist), made with the
    ATen ops PyTorch 2.15 runs, in its order (recorded with a dispatch-mode trace; the
    C++ source was not available). p = 2 works on R = g / cdist with two matrix products;
    p = 1, inf and 0 are piecewise linear (only g gets a gradient); any other p goes
    through diff = x_i - y_j elementwise."""
    zero = dist == 0
    if p == 2.0:
        r = (g / dist).masked_fill(zero, 0)
        dr = (h * x).sum(-1, True) - h.matmul(y.mT)
        d_g = (dr / dist).masked_fill(zero, 0)
        return d_g, h * r.sum(-1, True), -(r.mT.matmul(h)), -(r * d_g)
    if p in (0.0, 1.0, float("inf")):
        if p == 0.0:
            d_g = torch.zeros_like(dist)
        else:
            diff = x.unsqueeze(-2) - y.unsqueeze(-3)
            s = diff.sgn()
            if p != 1.0:
                s = s * (diff.abs() == dist.unsqueeze(-1))
            d_g = (h.unsqueeze(-2) * s).sum(-1)
        return d_g, torch.zeros_like(x), torch.zeros_like(y), torch.zeros_like(dist)
    diff = x.unsqueeze(-2) - y.unsqueeze(-3)
    ad = diff.abs()
    dzero = diff == 0
    cp = dist.pow(p - 1)
    a = (g / cp).masked_fill(zero, 0)
    s = (diff.sgn() * ad.pow(p - 1)).masked_fill(dzero, 0)
    d_g = ((h.unsqueeze(-2) * s).sum(-1) / cp).masked_fill(zero, 0)
    d_dist = ((g / dist).masked_fill(zero, 0) * -(p - 1)) * d_g
    t = a.unsqueeze(-1) * ad.pow(p - 2).masked_fill(dzero, 0)
    d_x = (h * (p - 1)) * t.sum(-2)
    d_y = (t * h.unsqueeze(-2)).sum(-3) * -(p - 1)
    return d_g, d_x, d_y, d_dist


def _cdist_backward_node(g, x, y, p, dist):
    """_cdist_backward(grad, x, y, p, cdist) as one CdistBackwardBackward0 node over
    (grad, x, y, cdist), as PyTorch records it under create_graph for every p."""
    with torch.no_grad():
        value = _cdist_pair_gradient(x.detach(), y.detach(), g.detach(), dist.detach(), p)
    return torch._linalg_record("CdistBackwardBackward0", (g, x, y, dist), value,
                                lambda h: _cdist_double_backward(h, g, x, y, p, dist))


def _cdist_direct(x1, x2, a, b, p):
    result = _cdist_direct_values(a, b, p)

    def backward(g, dist):
        g = g.contiguous()
        if torch.is_grad_enabled() and x1.shape == a.shape and x2.shape == b.shape:
            # derivatives.yaml: x1: _cdist_backward(grad.contiguous(), x1, x2, p, result),
            # x2: _cdist_backward(grad.mT().contiguous(), x2, x1, p, result.mT().contiguous()),
            # `result` the saved output (this node's, under create_graph).
            return (_cdist_backward_node(g, x1, x2, p, dist),
                    _cdist_backward_node(g.mT.contiguous(), x2, x1, p, dist.mT.contiguous()))
        g1 = _cdist_pair_gradient(a, b, g, result, p)
        g2 = _cdist_pair_gradient(b, a, g.mT, result.mT, p)
        return g1.sum_to_size(x1.shape), g2.sum_to_size(x2.shape)
    return torch._linalg_record("CdistBackward0", (x1, x2), result, backward, True)


def _euclidean_dist(x1, x2, a, b, batch):
    """ATen's _euclidean_dist: |a|² - 2a·b + |b|² as one matrix product. When the batch
    dims hold more than one matrix, cdist_impl runs it on x.expand(batch + [r, c]) viewed
    to [B, r, c] (copied first when the expand is not contiguous), so the gradients come
    back through ViewBackward0 and ExpandBackward0; else on the inputs as they are
    (measured with PyTorch 2.15's graphs)."""
    n = 1
    for d in batch:
        n *= d
    if n > 1:
        def flat(x):
            e = x.expand(batch + list(x.shape[-2:]))
            if not e.is_contiguous():
                e = e.contiguous()
            return e.view([n] + list(x.shape[-2:]))
        x1, x2 = flat(x1), flat(x2)
        a = a.reshape(list(x1.shape))
        b = b.reshape(list(x2.shape))
    else:
        a, b = x1.detach(), x2.detach()
    a_norm = a.pow(2).sum(-1, True)
    b_norm = b.pow(2).sum(-1, True)
    a_ = torch.cat([a.mul(-2), a_norm, torch.ones_like(a_norm)], -1)
    b_ = torch.cat([b, torch.ones_like(b_norm), b_norm], -1)
    result = a_.matmul(b_.mT).clamp_min(0).sqrt()

    def backward(g, res):
        if torch.is_grad_enabled():
            # create_graph: _euclidean_dist_backward on the saved inputs and result, with
            # their history, its ops created in ATen's order (the matrix product before the
            # row sums), which fixes the order a second backward accumulates ratio's terms.
            ratio = (g / res).masked_fill(res == 0, 0)
            m1 = ratio.matmul(x2)
            g1 = x1 * ratio.sum(-1, True) - m1
            m2 = ratio.mT.matmul(x1)
            g2 = x2 * ratio.sum(-2, False).unsqueeze(-1) - m2
            return (g1 if g1.shape == x1.shape else g1.sum_to_size(x1.shape),
                    g2 if g2.shape == x2.shape else g2.sum_to_size(x2.shape))
        ratio = (g / result).masked_fill(result == 0, 0)
        g1 = a * ratio.sum(-1, True) - ratio.matmul(b)
        g2 = b * ratio.sum(-2, False).unsqueeze(-1) - ratio.mT.matmul(a)
        return g1.sum_to_size(x1.shape), g2.sum_to_size(x2.shape)
    return torch._linalg_record("EuclideanDistBackward0", (x1, x2), result, backward, True)


def _cdist(x1, x2, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary"):
    if compute_mode is None:
        compute_mode = "use_mm_for_euclid_dist_if_necessary"
    if compute_mode not in _CDIST_MODES:
        raise ValueError(f"{compute_mode} is not a valid value for compute_mode")
    mode = _CDIST_MODES[compute_mode]
    if x1.dim() < 2:
        raise RuntimeError(f"cdist only supports at least 2D tensors, X1 got: {x1.dim()}D")
    if x2.dim() < 2:
        raise RuntimeError(f"cdist only supports at least 2D tensors, X2 got: {x2.dim()}D")
    if x1.shape[-1] != x2.shape[-1]:
        raise RuntimeError(f"X1 and X2 must have the same number of columns. X1: {x1.shape[-1]} X2: {x2.shape[-1]}")
    if not x1.is_floating_point():
        raise RuntimeError(f"cdist only supports floating-point dtypes, X1 got: {_dist_dtype_name(x1.dtype)}")
    if not x2.is_floating_point():
        raise RuntimeError(f"cdist only supports floating-point dtypes, X2 got: {_dist_dtype_name(x2.dtype)}")
    if float(p) < 0:
        raise RuntimeError("cdist only supports non-negative p values")
    r1, r2 = x1.shape[-2], x2.shape[-2]
    batch = list(torch.broadcast_shapes(tuple(x1.shape[:-2]), tuple(x2.shape[:-2])))
    a = x1.detach().expand(batch + [r1, x1.shape[-1]]).contiguous()
    b = x2.detach().expand(batch + [r2, x2.shape[-1]]).contiguous()
    if x1.numel() == 0 or x2.numel() == 0:
        return torch.zeros(batch + [r1, r2], dtype=x1.dtype)
    if float(p) == 2.0 and (mode == 1 or (mode == 0 and (r1 > 25 or r2 > 25))):
        return _euclidean_dist(x1, x2, a, b, batch).view(batch + [r1, r2])
    return _cdist_direct(x1, x2, a, b, float(p))
