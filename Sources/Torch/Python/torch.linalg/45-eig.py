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


def _eig_no_grad(A):
    if A.requires_grad and torch.is_grad_enabled():
        # The backward (PyTorch's linalg_eig_backward) needs complex autograd.
        raise NotImplementedError("linalg.eig: Gradbook has no autograd for complex results; "
                                  "call it on A.detach() or under torch.no_grad()")


def eig(A):
    _check_eig_input(A, "linalg.eig")
    if not bool(torch.isfinite(A).all()):
        raise RuntimeError("torch.linalg.eig: input tensor should not contain infs or NaNs.")
    _eig_no_grad(A)
    L, V, info = torch._linalg_geev(A, True)
    return _result("linalg_eig", ("eigenvalues", "eigenvectors"), L, V)


def eigvals(A):
    _check_eig_input(A, "linalg.eigvals")
    _eig_no_grad(A)
    L, _, info = torch._linalg_geev(A, False)
    return L


def _torch_eig(*args, **kwargs):
    raise RuntimeError(_EIG_REMOVED)
