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

    def backward(gLU, gpivots, ginfo, LU=LU, pivots=pivots):
        # PyTorch's lu_factor_ex_backward: L's and U's parts of gLU through linalg_lu_backward.
        P, L, U = _unpack(LU, pivots)
        k = min(LU.shape[-2], LU.shape[-1])
        return _lu_backward(gLU.narrow(-1, 0, k), gLU.narrow(-2, 0, k), P, L, U)
    LU, pivots, info = _record("LinalgLuFactorExBackward0", (A,), (LU, pivots, info), backward)
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


def _unpack(LU, pivots):
    """lu_unpack as ATen's kernel writes it: row-major L (strict lower triangle, then a
    diagonal of ones written over it, so a -0 below the diagonal stays -0) and U."""
    m, n = LU.shape[-2], LU.shape[-1]
    k = min(m, n)
    L = LU.narrow(-1, 0, k).tril(-1).contiguous()
    L.diagonal(0, -2, -1).fill_(1)
    U = LU.narrow(-2, 0, k).triu().contiguous()
    P = _permutation(pivots, m).to(LU.device).to(LU.dtype)
    return P, L, U


def lu_unpack(LU_data, LU_pivots, unpack_data=True, unpack_pivots=True):
    P, L, U = _unpack(LU_data.detach(), LU_pivots)

    def backward(gL, gU):
        # PyTorch's lu_unpack_backward (gradients of the packed LU's two triangles).
        m, n = LU_data.shape[-2], LU_data.shape[-1]
        k = min(m, n)
        if gL is None and gU is None:
            return None
        if gL is not None and gU is not None:
            if m == n:
                return gL.tril(-1) + gU.triu()
            A1 = (gL.tril(-1) if m == k else gL.narrow(-2, 0, k).tril(-1)) + (gU.triu() if n == k else gU.narrow(-1, 0, k).triu())
            A2 = gL.narrow(-2, k, m - k) if m > n else gU.narrow(-1, k, n - k)
            return torch.cat([A1, A2], -2 if m > n else -1)
        if gL is not None:
            if m >= n:
                return gL.tril(-1)
            return torch.cat([gL.tril(-1), torch.zeros(list(gL.shape[:-1]) + [n - m], dtype=gL.dtype, device=gL.device)], -1)
        if n >= m:
            return gU.triu()
        return torch.cat([gU.triu(), torch.zeros(list(gU.shape[:-2]) + [m - n, gU.shape[-1]], dtype=gU.dtype, device=gU.device)], -2)
    L, U = _record("LuUnpackBackward0", (LU_data,), (L, U), backward, undefined=True)
    return _result("lu_unpack", ("P", "L", "U"), P, L, U)


def _tri(A, B, upper, left=True, unitriangular=False):
    """at::linalg_solve_triangular without autograd (A and B of one batch shape)."""
    return _trsm(A, B, upper, left, unitriangular)


def _lu_backward(gL, gU, P, L, U):
    """PyTorch's linalg_lu_backward (pivot=True), in its order of operations; gL or gU
    may be None (no gradient reached that factor)."""
    if gL is None and gU is None:
        return None
    m, n = L.shape[-2], U.shape[-1]
    k = min(m, n)
    if m == n:
        gA = (L.mT @ gL).tril(-1) if gL is not None else None
        if gU is not None:
            gA = gA + (gU @ U.mT).triu() if gA is not None else (gU @ U.mT).triu()
        gA = _tri(U.mT, gA, False, False)
        gA = _tri(L.mT, gA, True, True, True)
        return P @ gA
    if m < n:
        U1 = U.narrow(-1, 0, k)
        gA = L.mT @ gL if gL is not None else None
        if gU is not None:
            gA = gA - gU.triu() @ U.mT if gA is not None else -(gU.triu() @ U.mT)
        gA = _tri(U1.mT, gA.tril(-1), False, False)
        if gU is not None:
            gA = torch.cat([gA + gU.narrow(-1, 0, k).triu(), gU.narrow(-1, k, n - k)], -1)
        gA = _tri(L.mT, gA, True, True, True)
        if gU is None:
            gA = torch.cat([gA, torch.zeros_like(U.narrow(-1, k, n - k))], -1)
        return P @ gA
    L1 = L.narrow(-2, 0, k)
    gA = gU @ U.mT if gU is not None else None
    if gL is not None:
        gA = gA - L.mT @ gL.tril(-1) if gA is not None else -(L.mT @ gL.tril(-1))
    gA = _tri(L1.mT, gA.triu(), True, True, True)
    if gL is not None:
        gA = torch.cat([gA + gL.narrow(-2, 0, k).tril(-1), gL.narrow(-2, k, m - k)], -2)
    gA = _tri(U.mT, gA, False, False)
    if gL is None:
        gA = torch.cat([gA, torch.zeros_like(L.narrow(-2, k, m - k))], -2)
    return P @ gA


def lu(A, *, pivot=True):
    _check_matrix(A, "linalg.lu")
    _check_float(A, "linalg.lu")
    LU, pivots, _ = torch._linalg_getrf(A)
    P, L, U = _unpack(LU, pivots)

    def backward(gL, gU, P=P, L=L, U=U):
        return _lu_backward(gL, gU, P, L, U)
    # P is not differentiable (PyTorch's output_differentiability [False, True, True]).
    L, U = _record("LinalgLuBackward0", (A,), (L, U), backward, undefined=True)
    return _result("linalg_lu", ("P", "L", "U"), P, L, U)


def _lu_solve_raw(LU, pivots, B, left, adjoint):
    if left:
        return torch._linalg_getrs(LU, pivots, B, adjoint)
    # X A = B  <=>  A^T X^T = B^T
    return torch._linalg_getrs(LU, pivots, B.mT, not adjoint).mT


def _lu_solve_LU(gX, LU, pivots, X, left, adjoint):
    """PyTorch's linalg_lu_solve_LU: the gradient of lu_solve with respect to LU."""
    P, L, U = _unpack(LU, pivots)
    if left != adjoint:
        gR = _tri(U.mT, -((gX if left else gX.mT) @ (X.mT if left else X)), False)
        gL = _tri(L.mT, gR @ U.mT, True, True, True).tril(-1)
        return gL + gR.triu()
    gR = -(((P.mT @ (X if left else X.mT)) @ (gX.mT if left else gX)) @ P)
    gR = _tri(L.mT, gR, True, False, True)
    gU = _tri(U.mT, L.mT @ gR, False, False).triu()
    return gR.tril(-1) + gU


def lu_solve(LU, pivots, B, *, left=True, adjoint=False):
    _check_square(LU, "linalg.lu_solve", "LU")
    batch = torch.broadcast_shapes(LU.shape[:-2], B.shape[:-2])
    LUe = LU.expand(batch + LU.shape[-2:]).detach()
    Pe = pivots.expand(batch + pivots.shape[-1:])
    X = _lu_solve_raw(LUe, Pe, B.expand(batch + B.shape[-2:]).detach(), left, adjoint)

    def backward(gX):
        gLU = _sum_to(_lu_solve_LU(gX, LUe, Pe, X, left, adjoint), LU.shape) if LU.requires_grad else None
        gB = _sum_to(_lu_solve_raw(LUe, Pe, gX, left, not adjoint), B.shape) if B.requires_grad else None
        return gLU, gB
    return _record("LinalgLuSolveBackward0", (LU, B), X, backward)


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
