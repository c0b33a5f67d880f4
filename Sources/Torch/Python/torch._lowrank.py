# torch.svd_lowrank / torch.pca_lowrank: Halko–Martinsson–Tropp randomized range finder
# as PyTorch 2.15's torch/_lowrank.py runs it — the same single torch.randn draw of the
# (n x q) test matrix, the same matmul / linalg.qr / linalg.svd sequence (dense inputs) —
# so after torch.manual_seed the results are PyTorch's. Bound onto `torch` by
# Functions/PythonComposites.swift.
import torch


def _floating_dtype(A):
    # Integer inputs draw and compute in float32.
    if A.dtype in (torch.float16, torch.float32, torch.float64):
        return A.dtype
    return torch.float32


def _range_basis(A, q, niter, M):
    niter = 2 if niter is None else niter
    dtype = A.dtype if A.is_complex() else _floating_dtype(A)
    R = torch.randn(A.shape[-1], q, dtype=dtype, device=A.device)
    Y = torch.matmul(A, R)
    if M is not None:
        Y = Y - torch.matmul(M, R)
    Q = torch.linalg.qr(Y).Q
    for _ in range(niter):
        Y = torch.matmul(A.mH, Q)
        if M is not None:
            Y = Y - torch.matmul(M.mH, Q)
        Q = torch.linalg.qr(Y).Q
        Y = torch.matmul(A, Q)
        if M is not None:
            Y = Y - torch.matmul(M, Q)
        Q = torch.linalg.qr(Y).Q
    return Q


def _svd_lowrank(A, q=6, niter=2, M=None):
    q = 6 if q is None else q
    m = A.shape[-2]
    n = A.shape[-1]
    if M is not None:
        M = M.broadcast_to(A.size())
    wide = m < n
    if wide:
        A = A.mH
        if M is not None:
            M = M.mH
    Q = _range_basis(A, q, niter, M)
    B = torch.matmul(Q.mH, A)
    if M is not None:
        B = B - torch.matmul(Q.mH, M)
    U, S, Vh = torch.linalg.svd(B, full_matrices=False)
    V = Vh.mH
    U = Q.matmul(U)
    if wide:
        return V, S, U
    return U, S, V


def svd_lowrank(A, q=6, niter=2, M=None):
    return _svd_lowrank(A, q=q, niter=niter, M=M)


def pca_lowrank(A, q=None, center=True, niter=2):
    m = A.shape[-2]
    n = A.shape[-1]
    if q is None:
        q = min(6, m, n)
    elif not (q >= 0 and q <= min(m, n)):
        raise ValueError("q(=" + str(q) + ") must be non-negative integer and not greater than min(m, n)="
                         + str(min(m, n)))
    if not niter >= 0:
        raise ValueError("niter(=" + str(niter) + ") must be non-negative integer")
    if not center:
        return _svd_lowrank(A, q, niter=niter, M=None)
    C = A.mean(dim=(-2,), keepdim=True)
    return _svd_lowrank(A - C, q, niter=niter, M=None)
