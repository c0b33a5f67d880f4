# LU: getrf/getrs. Determinants factor A.mT when A is row-major (no copy), as PyTorch does.


def _perm_sign(pivots):
    n = pivots.shape[-1]
    moved = (pivots != torch.arange(1, n + 1, dtype=torch.int32, device=pivots.device)).sum(-1)
    return 1 - 2 * (moved % 2)


def lu_factor_ex(A, *, pivot=True, check_errors=False):
    _check_matrix(A, "torch.linalg.lu_factor_ex")
    _check_float(A, "linalg.lu_factor_ex")
    LU, pivots, info = torch._linalg_getrf(A)
    if check_errors:
        _raise_singular("torch.linalg.lu_factor_ex", info)
    return _result("linalg_lu_factor_ex", ("LU", "pivots", "info"), LU, pivots, info)


def lu_factor(A, *, pivot=True):
    LU, pivots, info = lu_factor_ex(A, pivot=pivot)
    bad = _first_failure(info)
    if bad is not None:
        i, v = bad
        batch = f"(Batch element {i}): " if info.dim() > 0 else ""
        raise RuntimeError(f"torch.linalg.lu_factor: {batch}U[{v},{v}] is zero and using it on lu_solve would result in a division by zero. "
                           "If you still want to perform the factorization, consider calling linalg.lu(A, pivot) or linalg.lu_factor_ex(A, pivot)")
    return _result("linalg_lu_factor", ("LU", "pivots"), LU, pivots)


def _permutation(pivots, m):
    """P with A = P L U, from LAPACK's 1-based row interchanges."""
    batch = list(pivots.shape[:-1])
    flat = pivots.reshape(-1, pivots.shape[-1]).tolist()
    mats = []
    for piv in flat:
        perm = list(range(m))
        for i, p in enumerate(piv):
            perm[i], perm[p - 1] = perm[p - 1], perm[i]
        P = [[0.0] * m for _ in range(m)]
        for i in range(m):
            P[perm[i]][i] = 1.0
        mats.append(P)
    return torch.tensor(mats).reshape(batch + [m, m])


def lu_unpack(LU_data, LU_pivots, unpack_data=True, unpack_pivots=True):
    m, n = LU_data.shape[-2], LU_data.shape[-1]
    k = min(m, n)
    L = LU_data.tril(-1)[..., :, :k] + torch.eye(m, k, dtype=LU_data.dtype, device=LU_data.device)
    U = LU_data.triu()[..., :k, :]
    P = _permutation(LU_pivots, m).to(LU_data.device).to(LU_data.dtype)
    return _result("lu_unpack", ("P", "L", "U"), P, L, U)


def lu(A, *, pivot=True):
    _check_matrix(A, "linalg.lu")
    _check_float(A, "linalg.lu")
    LU, pivots, _ = torch._linalg_getrf(A)
    P, L, U = lu_unpack(LU, pivots)
    return _result("linalg_lu", ("P", "L", "U"), P, L, U)


def _lu_solve_raw(LU, pivots, B, left, adjoint):
    if left:
        return torch._linalg_getrs(LU, pivots, B, adjoint)
    # X A = B  <=>  A^T X^T = B^T
    return torch._linalg_getrs(LU, pivots, B.mT, not adjoint).mT


def lu_solve(LU, pivots, B, *, left=True, adjoint=False):
    _check_square(LU, "linalg.lu_solve", "LU")
    batch = torch.broadcast_shapes(LU.shape[:-2], B.shape[:-2])
    LUe = LU.expand(batch + LU.shape[-2:])
    Pe = pivots.expand(batch + pivots.shape[-1:])
    X = _lu_solve_raw(LUe, Pe, B.expand(batch + B.shape[-2:]), left, adjoint)
    return X


def _torch_lu(A, pivot=True, get_infos=False):
    LU, pivots, info = lu_factor_ex(A, pivot=pivot)
    return (LU, pivots, info) if get_infos else (LU, pivots)


def _torch_lu_solve(b, LU_data, LU_pivots):
    return lu_solve(LU_data, LU_pivots, b)


_torch_lu_unpack = lu_unpack


def det(A):
    _check_square(A, "linalg.det")
    _check_float(A, "linalg.det")
    LU, pivots, info = torch._linalg_getrf(A.mT if A.is_contiguous() else A)
    d = _diag(LU).prod(-1) * _perm_sign(pivots)

    def backward(g):
        # gA = (g det) A^{-T}: solve A^T X = diag(g det).
        return solve(A.detach().mT, _diag_embed((g * d).unsqueeze(-1).expand(A.shape[:-1])))
    return _record("LinalgDetBackward0", (A,), d, backward)


def slogdet(A):
    _check_square(A, "linalg.slogdet")
    _check_float(A, "linalg.slogdet")
    LU, pivots, info = torch._linalg_getrf(A.mT if A.is_contiguous() else A)
    diag = _diag(LU)
    sign = diag.sign().prod(-1) * _perm_sign(pivots)
    logabsdet = diag.abs().log().sum(-1)

    def backward(gsign, glogabsdet):
        return solve(A.detach().mT, _diag_embed(glogabsdet.unsqueeze(-1).expand(A.shape[:-1])))
    sign, logabsdet = _record("LinalgSlogdetBackward0", (A,), (sign, logabsdet), backward)
    return _result("linalg_slogdet", ("sign", "logabsdet"), sign, logabsdet)


def _torch_slogdet(A):
    sign, logabsdet = slogdet(A)
    return _result("slogdet", ("sign", "logabsdet"), sign, logabsdet)


def _torch_logdet(A):
    sign, logabsdet = slogdet(A)
    return torch.where(sign == -1, float("nan"), logabsdet)


_torch_det = det
