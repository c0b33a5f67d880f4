# QR (geqrf + orgqr), symmetric eigen-decomposition (syevd), SVD (gesdd) and what is
# computed from singular values: pinv, matrix_rank, cond, the spectral and nuclear norms.


def geqrf(A):
    _check_matrix(A, "geqrf")
    _check_float(A, "geqrf")
    a, tau = torch._linalg_geqrf(A)
    return _result("geqrf", ("a", "tau"), a, tau)


def _torch_geqrf(A):
    return geqrf(A)


def _torch_orgqr(A, tau):
    return householder_product(A, tau)


def _torch_ormqr(A, tau, C, left=True, transpose=False):
    side = C.shape[-2] if left else C.shape[-1]
    if tau.shape[-1] != min(side, A.shape[-1]):
        raise RuntimeError(f"torch.ormqr: tau.shape[-1] must be equal to min(other.shape[{-2 if left else -1}], input.shape[-1])")
    return torch._linalg_ormqr(A, tau, C, left, transpose)


def _qr_backward(gQ, gR, Q, R, mode):
    """PyTorch's linalg_qr_backward (real case), in its order of operations; gQ or gR is
    None when no gradient reached it."""
    m, n = Q.shape[-2], R.shape[-1]
    if mode == "complete" and m > n:
        raise RuntimeError("The QR decomposition is not differentiable when mode='complete' and nrows > ncols.")
    if gQ is None and gR is None:
        return None
    if gQ is not None:
        gA = gR @ R.mT - Q.mT @ gQ if gR is not None else -(Q.mT @ gQ)
    else:
        gA = gR @ R.mT
    if m >= n:
        # syminvadj(X) = X + X^H with its diagonal halved
        gA = gA.triu()
        gA = gA + gA.mT
        gA.diagonal(0, -2, -1).mul_(0.5)
        gA = Q @ gA
        if gQ is not None:
            gA = gA + gQ
        return _trsm(R.mT, gA, False, False, False)
    # trilImInvAdjSkew(-gA) = (X - X^H).tril() with X = -gA
    X = -gA
    gA = Q @ (X - X.mT).tril()
    gA = _trsm(R.narrow(-1, 0, m).mT, gA, False, False, False)
    gA = torch.cat([gA, torch.zeros(list(R.shape[:-1]) + [n - m], dtype=gA.dtype, device=gA.device)], -1)
    if gR is not None:
        gA = gA + Q @ gR
    return gA


def qr(A, mode="reduced"):
    _check_matrix(A, "linalg.qr")
    _check_float(A, "linalg.qr")
    if mode not in ("reduced", "complete", "r"):
        raise RuntimeError(f"qr received unrecognized mode '{mode}' but expected one of 'reduced' (default), 'r', or 'complete'")
    m, n = A.shape[-2], A.shape[-1]
    k = min(m, n)
    a, tau = torch._linalg_geqrf(A)
    rows = m if mode == "complete" else k
    # R column-major, as PyTorch's (it is the upper triangle of geqrf's column-major result).
    R = a[..., :rows, :].triu().mT.contiguous().mT
    if mode == "r":
        Q = torch.empty(0, dtype=A.dtype, device=A.device)
    elif mode == "complete" and m > n:
        pad = torch.zeros(list(A.shape[:-2]) + [m, m - n], dtype=A.dtype, device=A.device)
        Q = torch._linalg_orgqr(torch.cat([a, pad], -1), tau)
    else:
        Q = torch._linalg_orgqr(a[..., :, :k], tau)

    def backward(gQ, gR):
        return _qr_backward(gQ, gR, Q, R, mode)
    if mode == "r":
        return _result("linalg_qr", ("Q", "R"), Q, R)
    Q, R = _record("LinalgQrBackward0", (A,), (Q, R), backward, undefined=True)
    return _result("linalg_qr", ("Q", "R"), Q, R)


def _eigh_backward(V, L, gL, gV):
    # PyTorch's linalg_eig_backward, Hermitian case: gA = V (diag(gL) + skew(V^H gV)/2 / E) V^H
    # with E_ij = L_j - L_i; V (gL V^H) alone when no gradient reached V.
    if gV is None:
        if gL is None:
            return None
        return (V * gL.unsqueeze(-2)) @ V.mT
    VhgV = V.mT @ gV
    VhgV = 0.5 * (VhgV - VhgV.mT)
    E = L.unsqueeze(-2) - L.unsqueeze(-1)
    E.diagonal(0, -2, -1).fill_(1)
    inner = VhgV / E
    if gL is not None:
        inner.diagonal(0, -2, -1).copy_(gL)
    return V @ (inner @ V.mT)


def eigh(A, UPLO="L"):
    _square_float(A, "linalg.eigh")
    if UPLO not in ("L", "U"):
        raise RuntimeError(f"Expected UPLO argument to be 'L' or 'U', but got {UPLO}")
    L, V, info = torch._linalg_syevd(A, True, UPLO == "U")
    Ls, Vs = L, V
    L, V = _record("LinalgEighBackward0", (A,), (L, V), lambda gL, gV: _eigh_backward(Vs, Ls, gL, gV), undefined=True)
    return _result("linalg_eigh", ("eigenvalues", "eigenvectors"), L, V)


def eigvalsh(A, UPLO="L"):
    _square_float(A, "linalg.eigvalsh")
    if not A.requires_grad:
        L, _, info = torch._linalg_syevd(A, False, UPLO == "U")
        return L
    # With autograd PyTorch computes the eigenvectors too (the backward needs them).
    L, V, info = torch._linalg_syevd(A, True, UPLO == "U")
    return _record("LinalgEighBackward0", (A,), L, lambda gL: _eigh_backward(V, L, gL, None))


def _svd_backward(U, S, Vh, gU, gS, gVh, full_matrices):
    # PyTorch's svd_backward (real case), in its order of operations; a gradient that did
    # not arrive is None (svdvals' shortcut when only S got one).
    k = S.shape[-1]
    if full_matrices:
        U, Vh = U.narrow(-1, 0, k), Vh.narrow(-2, 0, k)
        gU = gU.narrow(-1, 0, k) if gU is not None else None
        gVh = gVh.narrow(-2, 0, k) if gVh is not None else None
    if gS is None and gU is None and gVh is None:
        return None
    m, n = U.shape[-2], Vh.shape[-1]
    if gU is None and gVh is None:
        return U @ (gS.unsqueeze(-1) * Vh) if m >= n else (U * gS.unsqueeze(-2)) @ Vh
    if gU is not None:
        UhgU = U.mT @ gU
        UhgU = UhgU - UhgU.mT
    if gVh is not None:
        VhgV = Vh @ gVh.mT
        VhgV = VhgV - VhgV.mT
    S2 = S * S
    E = S2.unsqueeze(-2) - S2.unsqueeze(-1)
    E.diagonal(0, -2, -1).fill_(1)
    if gU is not None and gVh is not None:
        gA = (UhgU * S.unsqueeze(-2) + S.unsqueeze(-1) * VhgV) / E
    elif gU is not None:
        gA = (UhgU / E) * S.unsqueeze(-2)
    else:
        gA = S.unsqueeze(-1) * (VhgV / E)
    if gS is not None:
        gA = gA + _diag_embed(gS)
    if m > n and gU is not None:
        gA = U @ gA
        gUSinv = gU / S.unsqueeze(-2)
        gA = gA + gUSinv - U @ (U.mT @ gUSinv)
        return gA @ Vh
    if m < n and gVh is not None:
        gA = gA @ Vh
        SinvgVh = gVh / S.unsqueeze(-1)
        gA = gA + SinvgVh - (SinvgVh @ Vh.mT) @ Vh
        return U @ gA
    return U @ (gA @ Vh) if m >= n else (U @ gA) @ Vh


def svd(A, full_matrices=True, *, driver=None):
    _check_matrix(A, "linalg.svd")
    _check_float(A, "linalg.svd")
    U, S, Vh, info = torch._linalg_gesdd(A, "A" if full_matrices else "S")

    def backward(gU, gS, gVh):
        return _svd_backward(U, S, Vh, gU, gS, gVh, full_matrices)
    U, S, Vh = _record("LinalgSvdBackward0", (A,), (U, S, Vh), backward, undefined=True)
    return _result("linalg_svd", ("U", "S", "Vh"), U, S, Vh)


def svdvals(A, *, driver=None):
    _check_matrix(A, "linalg.svd")
    _check_float(A, "linalg.svd")
    if not A.requires_grad:
        return torch._linalg_gesdd(A, "N")[1]
    U, S, Vh, info = torch._linalg_gesdd(A, "S")
    m, n = A.shape[-2], A.shape[-1]

    def backward(gS):
        return U @ (gS.unsqueeze(-1) * Vh) if m >= n else (U * gS.unsqueeze(-2)) @ Vh
    return _record("LinalgSvdBackward0", (A,), S, backward)


def _torch_svd(A, some=True, compute_uv=True):
    if compute_uv:
        U, S, Vh = svd(A, full_matrices=not some)
        return _result("svd", ("U", "S", "V"), U, S, Vh.mT)
    S = svdvals(A)
    m, n = A.shape[-2], A.shape[-1]
    U = torch.zeros(list(A.shape[:-2]) + [m, m], dtype=A.dtype, device=A.device)
    V = torch.zeros(list(A.shape[:-2]) + [n, n], dtype=A.dtype, device=A.device)
    return _result("svd", ("U", "S", "V"), U, S, V)


def _default_rtol(A, atol):
    if atol is not None and atol > 0:
        return 0.0
    eps = torch.finfo(A.dtype).eps
    return eps * max(A.shape[-2], A.shape[-1])


def pinv(A, *, atol=None, rtol=None, hermitian=False):
    _check_matrix(A, "linalg.pinv")
    _check_float(A, "linalg.pinv")
    if rtol is None:
        rtol = _default_rtol(A, atol)
    if atol is None:
        atol = 0.0
    U, S, Vh, _ = torch._linalg_gesdd(A, "S")
    if S.numel() == 0:
        P = torch.zeros(list(A.shape[:-2]) + [A.shape[-1], A.shape[-2]], dtype=A.dtype, device=A.device)
    else:
        max_val = S.narrow(-1, 0, 1)
        tol = torch.clamp(rtol * max_val, min=atol) if not isinstance(rtol, torch.Tensor) else torch.maximum(atol, rtol * max_val)
        S_pinv = torch.where(S > tol, S.reciprocal(), torch.zeros_like(S)).to(A.dtype)
        P = (Vh.mT * S_pinv.unsqueeze(-2)) @ U.mT

    def backward(g):
        return _pinv_backward(g, P, A.detach())
    return _record("LinalgPinvBackward0", (A,), P, backward)


def _pinv_backward(g, P, Ad):
    """PyTorch's pinv_backward (real case), for pinv and lstsq."""
    m, n = Ad.shape[-2], Ad.shape[-1]
    Ph = P.mT
    gh = g.mT
    if m <= n:
        K = gh @ P
        KPh = K @ Ph
        return -(P @ K).mT + KPh - (Ad @ P) @ KPh + (Ph @ P) @ (gh - K @ Ad)
    K = P @ gh
    PhK = Ph @ K
    return -(K @ P).mT + (gh - Ad @ K) @ P @ Ph + PhK - PhK @ P @ Ad


def _torch_pinverse(A, rcond=1e-15):
    return pinv(A, rtol=rcond)


def matrix_rank(A, tol=None, hermitian=False, *, atol=None, rtol=None):
    _check_matrix(A, "linalg.matrix_rank")
    _check_float(A, "linalg.matrix_rank")
    if tol is not None:
        atol, rtol = tol, 0.0
    if rtol is None:
        rtol = _default_rtol(A, atol)
    if atol is None:
        atol = 0.0
    S = torch._linalg_gesdd(A, "N")[1]
    if S.numel() == 0:
        return torch.zeros(A.shape[:-2], dtype=torch.int64, device=A.device)
    tol_ = torch.clamp(rtol * S.amax(-1, keepdim=True), min=atol)
    return (S > tol_).sum(-1)


def _spectral_norm(A, ord, dim, keepdim):
    rows, cols = dim[0] % A.dim(), dim[1] % A.dim()
    order = [d for d in range(A.dim()) if d not in (rows, cols)] + [rows, cols]
    B = A.permute(order)
    S = svdvals(B)
    # ATen's linalg_matrix_norm: the reduction keeps its dimension when asked, then one
    # unsqueeze and the inverse permutation put both reduced dimensions back (PermuteBackward0).
    if ord == "nuc":
        r = S.sum(-1, keepdim)
    elif ord == 2:
        r = S.amax(-1, keepdim)
    else:
        r = S.amin(-1, keepdim)
    if keepdim:
        inverse = [0] * len(order)
        for i in range(len(order)):
            inverse[order[i]] = i
        r = r.unsqueeze(-1).permute(inverse)
    return r


def cond(A, p=None):
    _check_matrix(A, "linalg.cond")
    if p is None or p == 2 or p == -2:
        S = svdvals(A)
        if p == -2:
            return S[..., -1] / S[..., 0]
        return S[..., 0] / S[..., -1]
    _check_square(A, "linalg.cond")
    return matrix_norm(A, p) * matrix_norm(inv(A), p)


def matrix_sqrth(A):
    # V diag(sqrt(max(L, 0))) V^T from eigh, symmetrised, as PyTorch 2.15 computes it.
    _square_float(A, "linalg.matrix_sqrth")
    L, V, _ = torch._linalg_syevd(A.detach(), True, False)
    X = (V * L.clamp(min=0).sqrt().unsqueeze(-2)) @ V.mT
    return _record("LinalgMatrixSqrthBackward0", (A,), 0.5 * (X + X.mT), lambda g: _matrix_sqrth_backward(A, g))


def _eigh_sandwich(V, s, G):
    # V ((V^T G V) / (s_i + s_j)) V^T with ATen's products and their order: the solution
    # of the Sylvester equation both 2.15 backward formulas below share.
    D = s.unsqueeze(-1) + s.unsqueeze(-2)
    T = ((V.mT @ G) @ V) / D
    return (V @ T) @ V.mT


def _matrix_sqrth_backward(A, g):
    # linalg_matrix_sqrth_differential (PyTorch 2.15, traced op by op): eigh of the input
    # again, sqrt of the clamped eigenvalues, the symmetrised gradient through the
    # sandwich, the result symmetrised.
    L, V, _ = torch._linalg_syevd(A.detach(), True, False)
    s = L.clamp_min(0).sqrt()
    D = s.unsqueeze(-1) + s.unsqueeze(-2)
    G = (g + g.mT) * 0.5
    R = (V @ (((V.mT @ G) @ V) / D)) @ V.mT
    return (R + R.mT) * 0.5


def _polar_backward(gU, gH, A, U, H):
    # linalg_polar_backward (PyTorch 2.15, traced op by op): eigh of H gives the singular
    # values s (clamped) and right vectors V; gU contributes
    # (gU - U U^T gU) V / s V^T + U sandwich(U^T gU - (U^T gU)^T), gH contributes
    # A sandwich(gH + gH^T); an undefined gradient contributes nothing.
    L, V, _ = torch._linalg_syevd(H.detach(), True, False)
    s = L.clamp_min(0)
    gA = None
    if gU is not None:
        M = U.mT @ gU
        gA = (((gU - U @ M) @ V) / s.unsqueeze(-2)) @ V.mT
        gA = gA + U @ _eigh_sandwich(V, s, M - M.mT)
    if gH is not None:
        part = A @ _eigh_sandwich(V, s, gH + gH.mT)
        gA = part if gA is None else gA + part
    return gA


def polar(A):
    # A = U H from the reduced SVD A = W S Vh: U = W Vh, H = Vh^T (S Vh), symmetrised.
    _check_matrix(A, "linalg.polar")
    _check_float(A, "linalg.polar")
    if A.shape[-2] < A.shape[-1]:
        raise RuntimeError(f"linalg.polar: input must have at least as many rows as columns, but got {A.shape[-2]} by {A.shape[-1]} matrices")
    W, S, Vh, _ = torch._linalg_gesdd(A.detach(), "S")
    # Vh^T (S Vh), the rows of Vh scaled (measured: scaling the columns of Vh^T instead
    # rounds differently from 6x6 on).
    H = Vh.mT @ (S.unsqueeze(-1) * Vh)
    U, H = W @ Vh, 0.5 * (H + H.mT)
    Us, Hs = U, H
    U, H = _record("LinalgPolarBackward0", (A,), (U, H), lambda gU, gH: _polar_backward(gU, gH, A, Us, Hs), undefined=True)
    return _result("linalg_polar", ("U", "H"), U, H)
