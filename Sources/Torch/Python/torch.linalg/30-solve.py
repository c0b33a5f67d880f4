# Solves and inverses: getrf + getrs (solve, inv), potrf/potrs/potri, trtrs.


def _is_vector_rhs(A, B):
    return B.dim() == 1 or (B.dim() == A.dim() - 1 and tuple(B.shape) == tuple(A.shape[:-1]))


def _broadcast_solve(A, B, fn, vector):
    n = A.shape[-1]
    Bm = B.unsqueeze(-1) if vector else B
    if Bm.shape[-2] != n:
        k = 1 if vector else B.shape[-1]
        raise RuntimeError(f"{fn}: Incompatible shapes of A and B for the equation AX = B ({A.shape[-2]}x{n} and {Bm.shape[-2]}x{k})")
    batch = torch.broadcast_shapes(A.shape[:-2], Bm.shape[:-2])
    return A.expand(batch + A.shape[-2:]), Bm.expand(batch + Bm.shape[-2:])


def solve_ex(A, B, *, left=True, check_errors=False):
    _square_float(A, "linalg.solve")
    # X A = B is solved as A^T X^T = B^T with A's own LU (getrs 'T'), as PyTorch does.
    vector = left and _is_vector_rhs(A, B)
    Ae, Be = _broadcast_solve(A, B if left else B.mT, "linalg.solve", vector)
    LU, pivots, info = torch._linalg_getrf(Ae)
    if check_errors:
        _raise_solve_singular(info)
    X = torch._linalg_getrs(LU, pivots, Be, not left)
    if vector:
        X = X.squeeze(-1)
    if not left:
        X = X.mT
    Ad, Bd = A.detach(), B.detach()

    def backward(gX, ginfo):
        # gB = A^{-T} gX (gX A^{-T} when right) from the forward's LU (PyTorch's linalg_solve_backward).
        if not left:
            gB = torch._linalg_getrs(LU, pivots, gX.mT, False).mT
            return _sum_to(-(X.mT @ gB), Ad.shape), _sum_to(gB, Bd.shape)
        gXm = gX.unsqueeze(-1) if vector else gX
        gB = torch._linalg_getrs(LU, pivots, gXm.expand(LU.shape[:-2] + gXm.shape[-2:]), True)
        if vector:
            gB = gB.squeeze(-1)
        if vector:
            gA = -gB.unsqueeze(-1) * X.unsqueeze(-2)
        else:
            gA = -(gB @ X.mT)
        return _sum_to(gA, Ad.shape), _sum_to(gB, Bd.shape)
    X, info = _record("LinalgSolveExBackward0", (A, B), (X, info), backward)
    return _result("linalg_solve_ex", ("result", "info"), X, info)


def _raise_solve_singular(info):
    bad = _first_failure(info)
    if bad is not None:
        i, v = bad
        batch = f"(Batch element {i}): " if info.dim() > 0 else ""
        raise _LinAlgError(f"torch.linalg.solve: {batch}The solver failed because the input matrix is singular.")


def solve(A, B, *, left=True):
    X, info = solve_ex(A, B, left=left)
    _raise_solve_singular(info)
    return X


def inv_ex(A, *, check_errors=False):
    _square_float(A, "linalg.inv")
    LU, pivots, info = torch._linalg_getrf(A)
    if check_errors:
        _raise_singular("linalg.inv", info)
    Ainv = torch._linalg_getrs(LU, pivots, _eye_like(A), False)

    def backward(g, ginfo):
        # d(A^-1) = -A^-1 dA A^-1
        Ih = Ainv.mT
        return -(Ih @ (g @ Ih))
    Ainv, info = _record("LinalgInvExBackward0", (A,), (Ainv, info), backward)
    return _result("linalg_inv_ex", ("inverse", "info"), Ainv, info)


def inv(A):
    Ainv, info = inv_ex(A)
    _raise_singular("linalg.inv", info)
    return Ainv


_torch_inverse = inv


def cholesky_ex(A, *, upper=False, check_errors=False):
    _square_float(A, "linalg.cholesky")
    L, info = torch._linalg_potrf(A, upper)
    if check_errors:
        _raise_not_pd("linalg.cholesky", info)

    def backward(gL, ginfo):
        # gA = L^{-H} π*((L^H gL).tril()) L^{-1}, π*(X) = (X + X^H - diag X) / 2
        # (PyTorch's cholesky_backward, in its order of operations).
        Lo, g = (L.mT, gL.mT) if upper else (L, gL)
        gA = (Lo.mT @ g).tril()
        gA = 0.5 * (gA + gA.tril(-1).mT)
        gA = _trsm(Lo.mT, gA, True, True, False)
        return _trsm(Lo, gA, False, False, False)
    L, info = _record("LinalgCholeskyExBackward0", (A,), (L, info), backward)
    return _result("linalg_cholesky_ex", ("L", "info"), L, info)


def cholesky(A, *, upper=False):
    L, info = cholesky_ex(A, upper=upper)
    _raise_not_pd("linalg.cholesky", info)
    return L


def _torch_cholesky(A, upper=False, *, out=None):
    raise RuntimeError("This function was deprecated since version 1.9 and is now removed. `torch.cholesky` is deprecated in favor of `torch.linalg.cholesky`.\n"
                       "L = torch.cholesky(A) should be replaced with:\nL = torch.linalg.cholesky(A)\n"
                       "U = torch.cholesky(A, upper=True) should be replaced with:\nU = torch.linalg.cholesky(A).mH")


def _cholesky_solve_raw(B, L, upper):
    batch = torch.broadcast_shapes(B.shape[:-2], L.shape[:-2])
    return torch._linalg_potrs(B.expand(batch + B.shape[-2:]), L.expand(batch + L.shape[-2:]), upper)


def _torch_cholesky_solve(B, L, upper=False):
    _check_square(L, "cholesky_solve", "A")
    Bd, Ld = B.detach(), L.detach()
    X = _cholesky_solve_raw(Bd, Ld, upper)

    def backward(gX):
        # PyTorch's cholesky_solve_backward: gB = (L L^H)^{-1} gX, then the factor's
        # gradient from the symmetrised gB X^H (the broadcast summed away by the engine).
        gB = _cholesky_solve_raw(gX, Ld, upper)
        gL = None
        if L.requires_grad:
            common = gB @ X.mT
            common = common + common.mT
            gL = _sum_to(-(Ld @ common) if upper else -(common @ Ld), L.shape)
        return _sum_to(gB, B.shape), gL
    return _record("CholeskySolveBackward0", (B, L), X, backward)


def _torch_cholesky_inverse(L, upper=False):
    _check_square(L, "cholesky_inverse", "A")
    Ld = L.detach()
    Ainv, info = torch._linalg_potri(Ld, upper)

    def backward(g):
        # PyTorch's cholesky_inverse_backward: -(Ainv (g + g^H) Ainv) L (L first when upper).
        common = g + g.mT
        common = Ainv @ (common @ Ainv)
        return -(Ld @ common) if upper else -(common @ Ld)
    return _record("CholeskyInverseBackward0", (L,), Ainv, backward)


def _trsm(A, B, upper, left, unitriangular):
    """BLAS trsm as PyTorch calls it: a row-major A is passed as its (column-major)
    transpose with the triangle flipped and op(A) = A^T, so no copy is made."""
    if A.is_contiguous():
        return torch._linalg_trsm(A.mT, B, left, not upper, True, unitriangular)
    return torch._linalg_trsm(A, B, left, upper, False, unitriangular)


def solve_triangular(A, B, *, upper, left=True, unitriangular=False):
    _square_float(A, "linalg.solve_triangular")
    batch = torch.broadcast_shapes(A.shape[:-2], B.shape[:-2])
    Ae = A if A.shape[:-2] == batch else A.expand(batch + A.shape[-2:])
    X = _trsm(Ae, B.expand(batch + B.shape[-2:]), upper, left, unitriangular)
    Ad = Ae.detach()

    def backward(gX):
        # gB = A^{-H} gX, gA = -gB X^H on A's triangle (PyTorch's
        # linalg_solve_triangular_backward; the transposes when left=False).
        gB = _trsm(Ad.mT, gX, not upper, left, unitriangular)
        gA = -(gB @ X.mT) if left else -(X.mT @ gB)
        gA = gA.triu(int(unitriangular)) if upper else gA.tril(-int(unitriangular))
        return _sum_to(gA, A.shape), _sum_to(gB, B.shape)
    return _record("LinalgSolveTriangularBackward0", (A, B), X, backward)


def _triangular_solve_raw(b, A, upper, transpose, unitriangular):
    batch = torch.broadcast_shapes(A.shape[:-2], b.shape[:-2])
    Ae = A.expand(batch + A.shape[-2:])
    # ATen's triangular_solve runs BLAS trsm (no singularity check) on a column-major clone
    # of A, op(A) = A^T when transpose.
    return torch._linalg_trsm(Ae, b.expand(batch + b.shape[-2:]), True, upper, transpose, unitriangular), Ae


def _torch_triangular_solve(b, A, upper=True, transpose=False, unitriangular=False):
    bd, Ad = b.detach(), A.detach()
    X, Ae = _triangular_solve_raw(bd, Ad, upper, transpose, unitriangular)

    def backward(gX, gM):
        # PyTorch's triangular_solve_backward: gb = A^{-H} gX (one more triangular_solve
        # with the other transpose), gA = -gb X^H on A's triangle, plus the gradient of
        # the cloned coefficient; either output may have had none.
        gb = gA = None
        if gX is not None:
            gb, _ = _triangular_solve_raw(gX, Ad, upper, not transpose, unitriangular)
            if A.requires_grad:
                gA = -(X @ gb.mT) if transpose else -(gb @ X.mT)
                gA = gA.triu(int(unitriangular)) if upper else gA.tril(-int(unitriangular))
        if gA is None:
            gA = torch.zeros(1, dtype=Ad.dtype, device=Ad.device).expand(Ad.shape)
        if gb is None:
            gb = torch.zeros(1, dtype=bd.dtype, device=bd.device).expand(bd.shape)
        if A.requires_grad and gM is not None:
            gA = gA + gM
        return _sum_to(gb, b.shape), (_sum_to(gA, A.shape) if A.requires_grad else None)
    X, M = _record("TriangularSolveBackward0", (b, A), (X, Ae.clone()), backward, undefined=True)
    return _result("triangular_solve", ("solution", "cloned_coefficient"), X, M)


def _torch_removed(name, text):
    def removed(*args, **kwargs):
        raise RuntimeError(text)
    return removed


_torch_solve = _torch_removed("solve", "This function was deprecated since version 1.9 and is now removed. `torch.solve` is deprecated in favor of `torch.linalg.solve`. `torch.linalg.solve` has its arguments reversed and does not return the LU factorization.\n\nTo get the LU factorization see `torch.lu`, which can be used with `torch.lu_solve` or `torch.lu_unpack`.\nX = torch.solve(B, A).solution should be replaced with:\nX = torch.linalg.solve(A, B)")
_torch_lstsq = _torch_removed("lstsq", "This function was deprecated since version 1.9 and is now removed. `torch.lstsq` is deprecated in favor of `torch.linalg.lstsq`.\n`torch.linalg.lstsq` has reversed arguments and does not return the QR decomposition in the returned tuple (although it returns other information about the problem).\n\nTo get the QR decomposition consider using `torch.linalg.qr`.\n\nThe returned solution in `torch.lstsq` stored the residuals of the solution in the last m - n columns of the returned value whenever m > n. In torch.linalg.lstsq, the residuals are in the field 'residuals' of the returned named tuple.\n\nThe unpacking of the solution, as in\nX, _ = torch.lstsq(B, A).solution[:A.size(1)]\nshould be replaced with:\nX = torch.linalg.lstsq(A, B).solution")
_torch_matrix_rank = _torch_removed("matrix_rank", "This function was deprecated since version 1.9 and is now removed.\nPlease use the `torch.linalg.matrix_rank` function instead. The parameter 'symmetric' was renamed in `torch.linalg.matrix_rank()` to 'hermitian'.")


def _torch_qr(A, some=True, *, out=None):
    mode = "reduced" if some else "complete"
    raise RuntimeError("This function was deprecated since version 1.9 and is now removed. `torch.qr` is deprecated in favor of `torch.linalg.qr` and the boolean parameter `some` has been replaced with a string parameter `mode`.\n\n"
                       "Q, R = torch.qr(A) should be replaced with:\nQ, R = torch.linalg.qr(A, mode='reduced')\n\nand\n\n"
                       "Q, R = torch.qr(A, some=False) should be replaced with:\nQ, R = torch.linalg.qr(A, mode='complete')\n\n"
                       f"Since `some` was set to {some}, use mode='{mode}'.")


def lstsq(A, B, rcond=None, *, driver=None):
    if A.dim() < 2:
        raise RuntimeError("torch.linalg.lstsq: input must have at least 2 dimensions.")
    _check_float(A, "torch.linalg.lstsq")
    if driver is not None and driver not in ("gelsy", "gels", "gelsd", "gelss"):
        raise RuntimeError("torch.linalg.lstsq: parameter `driver` should be one of (gels, gelsy, gelsd, gelss)")
    if driver not in (None, "gelsy"):
        raise NotImplementedError(f"torch.linalg.lstsq: driver '{driver}' is not available in Gradbook (only the CPU default, 'gelsy')")
    vector = B.dim() == A.dim() - 1
    Bm = B.unsqueeze(-1) if vector else B
    if Bm.shape[-2] != A.shape[-2]:
        raise RuntimeError("torch.linalg.lstsq: input.size(-2) should match other.size(-2)")
    m, n = A.shape[-2], A.shape[-1]
    if rcond is None:
        rcond = torch.finfo(A.dtype).eps * max(m, n)
    batch = torch.broadcast_shapes(A.shape[:-2], Bm.shape[:-2])
    Ad, Bd = A.detach(), B.detach()
    X, rank = torch._linalg_gelsy(Ad.expand(batch + A.shape[-2:]), Bd.unsqueeze(-1).expand(batch + Bm.shape[-2:]) if vector else Bd.expand(batch + Bm.shape[-2:]), float(rcond))
    if vector:
        X = X.squeeze(-1)
    empty = torch.empty(0, dtype=A.dtype, device=A.device)

    def backward(gX, gres):
        # PyTorch's linalg_lstsq_backward through pinv(A) (gelsy keeps no residuals, so
        # only the solution's gradient flows): gA = pinv_backward(gX B^H), gB = pinv(A)^H gX.
        if gX is None:
            return None, None
        gXm = gX.unsqueeze(-1) if vector else gX
        Bmat = Bd.unsqueeze(-1) if vector else Bd
        P = pinv(Ad)
        gA = _pinv_backward(gXm @ Bmat.mT, P, Ad) if A.requires_grad else None
        gB = None
        if B.requires_grad:
            gB = P.mT @ gXm
            gB = gB.squeeze(-1) if vector else gB
        return (_sum_to(gA, A.shape) if gA is not None else None), (_sum_to(gB, B.shape) if gB is not None else None)
    X, empty = _record("LinalgLstsqBackward0", (A, B), (X, empty), backward, undefined=True)
    return _result("linalg_lstsq", ("solution", "residuals", "rank", "singular_values"), X, empty, rank,
                   torch.empty(0, dtype=A.dtype, device=A.device))


def ldl_factor_ex(A, *, hermitian=False, check_errors=False):
    _square_float(A, "torch.linalg.ldl_factor_ex")
    # PyTorch factors tril(A) with sytrf('L'): the upper triangle is never read or written.
    LD, pivots, info = torch._linalg_sytrf(A.detach().tril())
    if check_errors:
        _raise_ldl(info)
    LD, pivots, info = _not_implemented("linalg_ldl_factor_ex", (A,), (LD, pivots, info))
    return _result("linalg_ldl_factor_ex", ("LD", "pivots", "info"), LD, pivots, info)


def _not_implemented(op, inputs, outputs):
    """PyTorch's NotImplemented node (ATen ops without a derivative): the results require
    grad, and backward through them raises instead of dropping the gradient."""
    def backward(*grads):
        raise RuntimeError(f"derivative for aten::{op} is not implemented")
    return _record("torch::autograd::NotImplemented", inputs, outputs, backward)


def _raise_ldl(info):
    # PyTorch 2.15's check has no text for sytrf's info > 0 and trips an internal assert;
    # its message is reproduced as PyTorch prints it.
    bad = _first_failure(info)
    if bad is not None:
        raise RuntimeError('false INTERNAL ASSERT FAILED at "/__w/pytorch/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp":1677, '
                           f"please report a bug to PyTorch. torch.linalg.ldl_factor: Unknown error code: {bad[1]}.")


def ldl_factor(A, *, hermitian=False):
    LD, pivots, info = ldl_factor_ex(A, hermitian=hermitian)
    _raise_ldl(info)
    return _result("linalg_ldl_factor", ("LD", "pivots"), LD, pivots)


def ldl_solve(LD, pivots, B, *, hermitian=False):
    _check_square(LD, "torch.linalg.ldl_solve", "LD")
    batch = torch.broadcast_shapes(LD.shape[:-2], B.shape[:-2])
    X = torch._linalg_sytrs(LD.detach().expand(batch + LD.shape[-2:]), pivots.expand(batch + pivots.shape[-1:]),
                            B.detach().expand(batch + B.shape[-2:]))
    return _not_implemented("linalg_ldl_solve", (LD, B), X)
