# Products and small compositions: matrix_power, multi_dot, vecdot, vander, kron,
# tensordot, block_diag, tensorinv, tensorsolve.


def matrix_power(A, n):
    _check_square(A, "linalg.matrix_power")
    # linalg_matrix_power_impl: n = 0 clones the input and copies the identity over it (so
    # the result is in the graph, CopyBackwards, with a zero gradient), n = ±1 are a clone
    # and the inverse themselves.
    if n == 0:
        return A.clone(memory_format=torch.contiguous_format).copy_(torch.eye(A.shape[-1], dtype=A.dtype, device=A.device))
    if n == 1:
        return A.clone(memory_format=torch.contiguous_format)
    if n == -1:
        return inv(A)
    if n < 0:
        A = inv(A)
        n = -n
    if n == 2:
        return torch.matmul(A, A)
    if n == 3:
        return torch.matmul(torch.matmul(A, A), A)
    z = None
    result = None
    while n > 0:
        z = A if z is None else torch.matmul(z, z)
        if n & 1:
            result = z if result is None else torch.matmul(result, z)
        n >>= 1
    return result


def multi_dot(tensors):
    n = len(tensors)
    if n < 2:
        raise RuntimeError(f"multi_dot(): expected at least 2 tensors but got {n}")
    first, last = tensors[0], tensors[-1]
    mats = list(tensors)
    if first.dim() == 1:
        mats[0] = first.unsqueeze(0)
    if last.dim() == 1:
        mats[-1] = last.unsqueeze(-1)
    out_shape = []
    if first.dim() != 1:
        out_shape.append(first.shape[0])
    if last.dim() != 1:
        out_shape.append(last.shape[-1])
    if n == 2:
        r = mats[0].mm(mats[1])
    elif n == 3:
        a, b = mats[0].shape
        c, d = mats[2].shape
        cost_1 = (a * c) * (b + d)
        cost_2 = (b * d) * (a + c)
        r = mats[0].mm(mats[1].mm(mats[2])) if cost_1 > cost_2 else mats[0].mm(mats[1]).mm(mats[2])
    else:
        p = [m.shape[0] for m in mats] + [mats[-1].shape[1]]
        cost = [[0] * n for _ in range(n)]
        split = [[0] * n for _ in range(n)]
        for length in range(1, n):
            for i in range(n - length):
                j = i + length
                cost[i][j] = None
                for k in range(i, j):
                    q = cost[i][k] + cost[k + 1][j] + p[i] * p[k + 1] * p[j + 1]
                    if cost[i][j] is None or q < cost[i][j]:
                        cost[i][j] = q
                        split[i][j] = k

        def chain(i, j):
            if i == j:
                return mats[i]
            return chain(i, split[i][j]).mm(chain(split[i][j] + 1, j))
        r = chain(0, n - 1)
    return r.view(out_shape)


def _torch_chain_matmul(*matrices):
    if len(matrices) == 1:
        return matrices[0].clone()
    return multi_dot(list(matrices))


def vecdot(x, y, *, dim=-1):
    return (x * y).sum(dim)


def matmul(input, other):
    return torch.matmul(input, other)


def diagonal(A, *, offset=0, dim1=-2, dim2=-1):
    return torch.diagonal(A, offset, dim1, dim2)


def vander(x, N=None):
    if x.dim() < 1:
        raise RuntimeError("linalg.vander: x must have at least one dimension")
    n = x.shape[-1] if N is None else N
    if n < 1:
        raise RuntimeError(f"N must be greater than 1.")
    ones = torch.ones_like(x).unsqueeze(-1)
    if n == 1:
        return ones
    powers = x.unsqueeze(-1).expand(list(x.shape) + [n - 1]).cumprod(-1)
    return torch.cat([ones, powers], -1)


def _torch_kron(a, b):
    nd = max(a.dim(), b.dim())
    a_shape = [1] * (nd - a.dim()) + list(a.shape)
    b_shape = [1] * (nd - b.dim()) + list(b.shape)
    a_view, b_view, out = [], [], []
    for sa, sb in zip(a_shape, b_shape):
        a_view += [sa, 1]
        b_view += [1, sb]
        out.append(sa * sb)
    return (a.reshape(a_view) * b.reshape(b_view)).reshape(out)


def _torch_tensordot(a, b, dims=2, out=None):
    """ATen's tensordot composite (Linear.cpp), node for node: a contracted dim of size 1
    on one side sums the other side's dim first; both operands are permuted (even in
    order) and reshaped to matrices for one mm, or flattened for a dot when both free
    parts have one element; the product is viewed to the free dims."""
    if isinstance(dims, int):
        dims_a = list(range(a.dim() - dims, a.dim()))
        dims_b = list(range(dims))
    else:
        dims_a, dims_b = dims
        dims_a = [dims_a] if isinstance(dims_a, int) else list(dims_a)
        dims_b = [dims_b] if isinstance(dims_b, int) else list(dims_b)
    dims_a = [d % a.dim() for d in dims_a]
    dims_b = [d % b.dim() for d in dims_b]
    t1, t2 = a, b
    size = 1
    for da, db in zip(dims_a, dims_b):
        if b.shape[db] == 1:
            t1 = t1.sum(da, True)
        elif a.shape[da] == 1:
            t2 = t2.sum(db, True)
        else:
            size *= a.shape[da]
    free_a = [d for d in range(a.dim()) if d not in dims_a]
    free_b = [d for d in range(b.dim()) if d not in dims_b]
    rows = 1
    for d in free_a:
        rows *= t1.shape[d]
    cols = 1
    for d in free_b:
        cols *= t2.shape[d]
    shape = [t1.shape[d] for d in free_a] + [t2.shape[d] for d in free_b]
    p1 = t1.permute(free_a + dims_a)
    p2 = t2.permute(dims_b + free_b)
    if rows == 1 and cols == 1:
        v2 = p2 if p2.dim() == 1 else p2.reshape(size)
        v1 = p1 if p1.dim() == 1 else p1.reshape(size)
        return v1.dot(v2).view(shape)
    return p1.reshape(rows, size).mm(p2.reshape(size, cols)).view(shape)


def _torch_block_diag(*tensors):
    mats = []
    for t in tensors:
        if t.dim() == 0:
            t = t.reshape(1, 1)
        elif t.dim() == 1:
            t = t.unsqueeze(0)
        elif t.dim() > 2:
            raise RuntimeError(f"torch.block_diag: Input tensors must have 2 or fewer dimensions. Input {len(mats)} has {t.dim()} dimensions")
        mats.append(t)
    dtype = mats[0].dtype
    for m in mats[1:]:
        dtype = torch.promote_types(dtype, m.dtype)
    rows = sum(m.shape[0] for m in mats)
    cols = sum(m.shape[1] for m in mats)
    out = torch.zeros(rows, cols, dtype=dtype, device=mats[0].device)
    r = c = 0
    for m in mats:
        out[r:r + m.shape[0], c:c + m.shape[1]] = m
        r += m.shape[0]
        c += m.shape[1]
    return out


def tensorinv(A, ind=2):
    if ind <= 0:
        raise RuntimeError(f"Expected a strictly positive integer for 'ind', but got {ind}")
    out_shape = list(A.shape[ind:]) + list(A.shape[:ind])
    rows = 1
    for s in A.shape[:ind]:
        rows *= s
    cols = 1
    for s in A.shape[ind:]:
        cols *= s
    if rows != cols:
        raise RuntimeError(f"Expected self to satisfy the requirement prod(self.shape[ind:]) == prod(self.shape[:ind]), but got {cols} != {rows}")
    return inv(A.reshape(rows, cols)).reshape(out_shape)


def tensorsolve(A, B, dims=None):
    if dims is not None:
        dims = [d % A.dim() for d in dims]
        A = A.movedim(dims, list(range(A.dim() - len(dims), A.dim())))
    result_shape = list(A.shape[B.dim():])
    n = 1
    for s in result_shape:
        n *= s
    return solve(A.reshape(B.numel(), n), B.reshape(-1)).reshape(result_shape)


def _torch_matrix_power(A, n):
    return matrix_power(A, n)


def _cross_raw(a, b, dim):
    # PyTorch's kernel computes a_i b_j - a_j b_i as fma(a_i, b_j, -(a_j b_i)).
    def part(t, i):
        return t.narrow(dim, i, 1)

    def term(i, j):
        return torch._linalg_fma(part(a, i), part(b, j), -(part(a, j) * part(b, i)))
    return torch.cat([term(1, 2), term(2, 0), term(0, 1)], dim)


def cross(input, other, *, dim=-1):
    if input.dim() != other.dim():
        raise RuntimeError("linalg.cross: inputs must have the same number of dimensions.")
    if input.shape[dim] != 3 or other.shape[dim] != 3:
        raise RuntimeError(f"linalg.cross: inputs dimension {dim} must have length 3. Got {input.shape[dim]} and {other.shape[dim]}")
    shape = torch.broadcast_shapes(input.shape, other.shape)
    a, b = input.expand(shape), other.expand(shape)
    with torch.no_grad():
        out = _cross_raw(a, b, dim)

    def backward(g):
        if torch.is_grad_enabled():
            # create_graph: derivatives.yaml's linalg_cross(other.conj(), grad, dim) and
            # linalg_cross(grad, self.conj(), dim), each a LinalgCrossBackward0 over the
            # saved input (other's formula first: the generated node runs them sorted).
            g_other = _sum_to(cross(g, input, dim=dim), other.shape)
            return (_sum_to(cross(other, g, dim=dim), input.shape), g_other)
        return (_sum_to(_cross_raw(b.detach(), g, dim), input.shape),
                _sum_to(_cross_raw(g, a.detach(), dim), other.shape))
    return _record("LinalgCrossBackward0", (input, other), out, backward)


def _torch_cross(input, other, dim=None):
    # torch.cross: linalg.cross on `dim`, which defaults to the first dimension of size 3.
    if input.dim() != other.dim():
        raise RuntimeError("linalg.cross: inputs must have the same number of dimensions.")
    if dim is None:
        shape = torch.broadcast_shapes(input.shape, other.shape)
        sizes = list(shape)
        if 3 not in sizes:
            raise RuntimeError("no dimension of size 3 in input")
        dim = sizes.index(3)
    return cross(input, other, dim=dim)
