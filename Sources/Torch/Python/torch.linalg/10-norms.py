# Vector and matrix norms; ord=2, -2 and 'nuc' take the singular values (40-spectral.py).
_NEEDS_SVD = (2, -2, "nuc")


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None):
    return x.norm(ord, dim, keepdim, dtype=dtype)


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None):
    if A.dim() < 2:
        raise RuntimeError(f"linalg.matrix_norm: The input tensor A must have at least 2 dimensions.")
    if dtype is not None:
        A = A.to(dtype)
    if ord == "fro":
        return vector_norm(A, 2, dim, keepdim)
    if ord in _NEEDS_SVD:
        return _spectral_norm(A, ord, dim, keepdim)
    if ord not in (1, -1, float("inf"), float("-inf")):
        raise RuntimeError(f"linalg.matrix_norm: Order {ord} not supported.")
    rows, cols = dim
    # ord=±1 reduces the absolute sums over rows (per column), ord=±inf over columns (per row).
    summed, other = (rows, cols) if ord in (1, -1) else (cols, rows)
    sums = A.abs().sum(summed, keepdim=True)
    result = sums.amax(other, keepdim=True) if ord > 0 else sums.amin(other, keepdim=True)
    if not keepdim:
        result = result.squeeze(max(rows % A.dim(), cols % A.dim())).squeeze(min(rows % A.dim(), cols % A.dim()))
    return result


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None):
    if ord is None:
        return vector_norm(A, 2, dim, keepdim, dtype=dtype)
    if isinstance(dim, int):
        dim = (dim,)
    if (dim is not None and len(dim) == 2) or (dim is None and A.dim() == 2):
        return matrix_norm(A, ord, dim if dim is not None else (-2, -1), keepdim, dtype=dtype)
    if isinstance(ord, str):
        raise RuntimeError(f"linalg.vector_norm: ord={ord!r} is only supported for matrices")
    return vector_norm(A, ord, dim, keepdim, dtype=dtype)
