# General (non-symmetric) eigen-decomposition: LAPACK geev through torch._linalg_geev,
# which also turns LAPACK's real/imaginary pairs into complex eigenvalues and
# eigenvectors (PyTorch's linalg_eig_make_complex_eigenvectors). Results are complex64
# for float32 input and complex128 for float64.

_EIG_REMOVED = (
    "This function was deprecated since version 1.9 and is now removed. `torch.linalg.eig` returns complex "
    "tensors of dtype `cfloat` or `cdouble` rather than real tensors mimicking complex tensors.\n\n"
    "L, _ = torch.eig(A) should be replaced with:\nL_complex = torch.linalg.eigvals(A)\n\nand\n\n"
    "L, V = torch.eig(A, eigenvectors=True) should be replaced with:\nL_complex, V_complex = torch.linalg.eig(A)")


def _check_eig_input(A, fn):
    if not A.is_floating_point() and not A.is_complex():
        raise RuntimeError(f"Unknown Complex ScalarType for {_DTYPE_NAMES.get(A.dtype, str(A.dtype))}")
    _check_square(A, fn)
    if A.dtype in (torch.float16, torch.bfloat16):
        raise NotImplementedError(f"\"linalg_eig_out_cpu\" not implemented for '{_DTYPE_NAMES[A.dtype]}'")
    if A.dtype not in (torch.float32, torch.float64):
        raise NotImplementedError(f"{fn}: Gradbook computes eigen-decompositions of float32 and float64 matrices only")


def _complex_solve(A, B):
    # ATen's linalg_solve for complex A: getrf of A, getrs ('N'); a singular A raises.
    X, info = torch._linalg_complex_solve(A, B)
    _raise_solve_singular(info)
    return X


def _eig_backward(gL, gV, L, V, real_input):
    # PyTorch's linalg_eig_backward (non-Hermitian), then handle_r_to_c for a real A:
    # gA = V^-H (diag(gL) + (V^H gV - V^H V diag(re(diag(V^H gV)))) / E*) V^H.
    if gL is None and gV is None:
        return None
    Vh = V.mH
    if gV is None:
        gA = _complex_solve(Vh, gL.unsqueeze(-1) * Vh)
    else:
        VhgV = Vh @ gV
        diag = VhgV.diagonal(0, -2, -1)
        im = diag.imag
        if not torch.allclose(im, torch.zeros_like(im), rtol=1e-2, atol=1e-2):
            raise RuntimeError("linalg_eig_backward: The eigenvectors in the complex case are specified up to "
                               "multiplication by e^{i phi}. The specified loss function depends on this quantity, "
                               "so it is ill-defined.")
        VhgV = VhgV - Vh @ (V * diag.real.unsqueeze(-2))
        Lc = L.conj()
        E = Lc.unsqueeze(-2) - Lc.unsqueeze(-1)
        E.diagonal(0, -2, -1).fill_(1.)
        gA = VhgV / E
        if gL is not None:
            gA.diagonal(0, -2, -1).copy_(gL)
        gA = _complex_solve(Vh, gA @ Vh)
    return gA.real if real_input else gA


def _eig_recorded(A, L, V):
    real_input = not A.is_complex()
    Ls, Vs = L, V
    return _record("LinalgEigBackward0", (A,), (L, V),
                   lambda gL, gV: _eig_backward(gL, gV, Ls, Vs, real_input), undefined=True)


def eig(A):
    _check_eig_input(A, "linalg.eig")
    if not bool(torch.isfinite(A).all()):
        raise RuntimeError("torch.linalg.eig: input tensor should not contain infs or NaNs.")
    L, V, info = torch._linalg_geev(A, True)
    if A.requires_grad and torch.is_grad_enabled():
        L, V = _eig_recorded(A, L, V)
    return _result("linalg_eig", ("eigenvalues", "eigenvectors"), L, V)


def eigvals(A):
    _check_eig_input(A, "linalg.eigvals")
    if A.requires_grad and torch.is_grad_enabled():
        # ATen's linalg_eigvals: linalg_eig's eigenvalues when a gradient may be needed.
        if not bool(torch.isfinite(A).all()):
            raise RuntimeError("torch.linalg.eig: input tensor should not contain infs or NaNs.")
        L, V, info = torch._linalg_geev(A, True)
        return _eig_recorded(A, L, V)[0]
    L, _, info = torch._linalg_geev(A, False)
    return L


def _torch_eig(*args, **kwargs):
    raise RuntimeError(_EIG_REMOVED)
