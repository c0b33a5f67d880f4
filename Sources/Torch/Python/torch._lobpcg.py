# torch.lobpcg: Knyazev's locally optimal block preconditioned conjugate gradient method
# for the k largest (or smallest) eigenpairs of a symmetric positive definite generalized
# problem A X = B X E, run as PyTorch 2.15's torch/_lobpcg.py runs it: the same single
# torch.randn((m, n)) draw for a missing X, the same Rayleigh-Ritz steps ("basic") or
# B-orthogonalised ones ("ortho", the default: SVQB with its drop/replace thresholds), the
# same convergence test on the relative residual norms, with each product, norm and
# decomposition taken in PyTorch's order — so after torch.manual_seed the eigenpairs are
# PyTorch's to the last bit (linalg.eigh, cholesky, solve_triangular and qr are exact here).
# Bound onto `torch` by Functions/PythonComposites.swift. Not here: gradients (PyTorch's
# LOBPCGAutogradFunction) and sparse A/B (Gradbook has no sparse layout).
import torch


def _dtype_of(A):
    if A.dtype in (torch.float16, torch.float32, torch.float64):
        return A.dtype
    return torch.float32


def _mul(A, X):
    # A missing B or iK stands for the identity.
    return X if A is None else torch.matmul(A, X)


def _gram(A, S):
    # S^T A S.
    return torch.matmul(S.mT, _mul(A, S))


def _eigh(M, largest=False):
    E, Z = torch.linalg.eigh(M, UPLO="U")
    if largest:
        E = torch.flip(E, dims=(-1,))
        Z = torch.flip(Z, dims=(-1,))
    return E, Z


class _Solver:
    """One LOBPCG run on a single (A, B, X) problem; `E`, `X` hold the current pairs."""

    def __init__(self, A, B, X, iK, ip, fp, bp, method, tracker):
        self.A, self.B, self.iK = A, B, iK
        self.iparams, self.fparams, self.bparams = ip, fp, bp
        self.method, self.tracker = method, tracker
        m, n = ip["m"], ip["n"]
        self.X = X
        self.E = torch.zeros((n,), dtype=X.dtype, device=X.device)
        self.R = torch.zeros((m, n), dtype=X.dtype, device=X.device)
        self.S = torch.zeros((m, 3 * n), dtype=X.dtype, device=X.device)
        self.tvars = {}
        self.ivars = {"istep": 0}
        self.fvars = {"_": 0.0}
        self.bvars = {"_": False}

    # -- driving loop ---------------------------------------------------------------

    def run(self):
        self.update()
        self._track()
        while not self.stop_iteration():
            self.update()
            self._track()

    def _track(self):
        if self.tracker is not None:
            self.tracker(self)

    def stop_iteration(self):
        return (self.bvars.get("force_stop", False) or self.ivars["iterations_left"] == 0
                or self.ivars["converged_count"] >= self.iparams["k"])

    def update(self):
        if self.ivars["istep"] == 0:
            x_norm = float(torch.linalg.vector_norm(self.X))
            inv = x_norm ** (-1)
            self.fvars["X_norm"] = x_norm
            self.fvars["A_norm"] = float(torch.linalg.vector_norm(_mul(self.A, self.X))) * inv
            self.fvars["B_norm"] = float(torch.linalg.vector_norm(_mul(self.B, self.X))) * inv
            self.ivars["iterations_left"] = self.iparams["niter"]
            self.ivars["converged_count"] = 0
            self.ivars["converged_end"] = 0
        if self.method == "ortho":
            self._step_ortho()
        else:
            self._step_basic()
        self.ivars["iterations_left"] = self.ivars["iterations_left"] - 1
        self.ivars["istep"] = self.ivars["istep"] + 1

    # -- residuals and convergence ------------------------------------------------------

    def update_residual(self):
        self.R = _mul(self.A, self.X) - _mul(self.B, self.X) * self.E

    def update_converged_count(self):
        before = self.ivars["converged_count"]
        X, R, E = self.X, self.R, self.E
        scale = self.fvars["A_norm"] + torch.abs(E[:X.shape[-1]]) * self.fvars["B_norm"]
        rerr = torch.linalg.vector_norm(R, ord=2, dim=(0,)) / (torch.linalg.vector_norm(X, ord=2, dim=(0,)) * scale)
        count = 0
        for ok in rerr < self.fparams["tol"]:
            if not ok:
                break
            count += 1
        if count < before:
            raise AssertionError("the number of converged eigenpairs (was " + str(before) + ", got " + str(count) + ") cannot decrease")
        self.ivars["converged_count"] = count
        self.tvars["rerr"] = rerr
        return count

    # -- the two update rules -----------------------------------------------------------

    def _first_ritz(self):
        # Rayleigh-Ritz on the starting block X.
        Ri = self._ritz_transform(self.X)
        E, Z = _eigh(_gram(_gram(self.A, self.X), Ri), self.bparams["largest"])
        return E, torch.matmul(self.X, torch.matmul(Ri, Z))

    def _step_basic(self):
        ns, nc = self.ivars["converged_end"], self.ivars["converged_count"]
        n = self.iparams["n"]
        if self.ivars["istep"] == 0:
            E, X = self._first_ritz()
            self.X[:] = X
            self.E[:] = E
            np = 0
            self.update_residual()
            nc = self.update_converged_count()
            self.S[..., :n] = self.X
        else:
            S_ = self.S[:, nc:ns]
            Ri = self._ritz_transform(S_)
            E_, Z = _eigh(_gram(_gram(self.A, S_), Ri), self.bparams["largest"])
            self.X[:, nc:] = torch.matmul(S_, torch.matmul(Ri, Z[:, :n - nc]))
            self.E[nc:] = E_[:n - nc]
            P = torch.matmul(S_, torch.matmul(Ri, Z[:, n:2 * n - nc]))
            np = P.shape[-1]
            self.update_residual()
            nc = self.update_converged_count()
            self.S[..., :n] = self.X
            self.S[:, n:n + np] = P
        W = _mul(self.iK, self.R if self.ivars["istep"] == 0 else self.R[:, nc:])
        ns = n + np + W.shape[-1]
        self.ivars["converged_end"] = ns
        self.S[:, n + np:ns] = W

    def _step_ortho(self):
        ns, nc = self.ivars["converged_end"], self.ivars["converged_count"]
        n = self.iparams["n"]
        if self.ivars["istep"] == 0:
            _E, X = self._first_ritz()
            self.X = X
            self.update_residual()
            np = 0
            nc = self.update_converged_count()
            self.S[:, :n] = self.X
            W = self._orthogonalize(self.R, self.X)
        else:
            S_ = self.S[:, nc:ns]
            E_, Z = _eigh(_gram(self.A, S_), self.bparams["largest"])
            self.X[:, nc:] = torch.matmul(S_, Z[:, :n - nc])
            self.E[nc:] = E_[:n - nc]
            Q = torch.linalg.qr(Z[:n - nc, n - nc:].mT).Q
            P = torch.matmul(S_, torch.matmul(Z[:, n - nc:], Q))
            np = P.shape[-1]
            self.update_residual()
            nc = self.update_converged_count()
            self.S[:, :n] = self.X
            self.S[:, n:n + np] = P
            W = self._orthogonalize(self.R[:, nc:], self.S[:, :n + np])
        ns = n + np + W.shape[-1]
        self.ivars["converged_end"] = ns
        self.S[:, n + np:ns] = W

    # -- B-orthonormal bases ------------------------------------------------------------

    def _ritz_transform(self, S):
        # Ri with Ri^T (S^T B S) Ri = I: the Cholesky factor of the diagonally scaled Gram
        # matrix, inverted against the scaling.
        SBS = _gram(self.B, S)
        d_row = SBS.diagonal(0, -2, -1) ** (-0.5)
        d_col = d_row.reshape(d_row.shape[0], 1)
        R = torch.linalg.cholesky(SBS * d_row * d_col, upper=True)
        return torch.linalg.solve_triangular(R, d_row.diag_embed(), upper=True, left=False)

    def _svqb(self, U, drop, tau):
        # Stathopoulos-Wu SVQB: B-orthonormalise U's columns, dropping (or lifting) the
        # directions whose eigenvalue is below tau times the largest.
        if torch.numel(U) == 0:
            return U
        UBU = _gram(self.B, U)
        d = UBU.diagonal(0, -2, -1)
        nz = torch.where(abs(d) != 0.0)
        if len(nz[0]) < len(d):
            U = U[:, nz[0]]
            if torch.numel(U) == 0:
                return U
            UBU = _gram(self.B, U)
            d = UBU.diagonal(0, -2, -1)
        d_col = (d ** (-0.5)).reshape(d.shape[0], 1)
        E, Z = _eigh(UBU * d_col * d_col.mT)
        t = tau * abs(E).max()
        if drop:
            keep = torch.where(E > t)[0]
            E = E[keep]
            Z = Z[:, keep]
            d_col = d_col[keep]
        else:
            E[torch.where(E < t)[0]] = t
        return torch.matmul(U * d_col.mT, Z * E ** (-0.5))

    def _orthogonalize(self, U, V):
        # U made B-orthogonal to V and B-orthonormal itself, within the ortho_* tolerances.
        ip, fp = self.iparams, self.fparams
        m = ip["m"]
        tau_ortho, tau_drop, tau_replace = fp["ortho_tol"], fp["ortho_tol_drop"], fp["ortho_tol_replace"]
        use_drop = self.bparams["ortho_use_drop"]
        for key in list(self.fvars.keys()):
            if key.startswith("ortho_") and key.endswith("_rerr"):
                self.fvars.pop(key)
        self.ivars.pop("ortho_i", 0)
        self.ivars.pop("ortho_j", 0)
        BV_norm = torch.linalg.vector_norm(_mul(self.B, V))
        BU = _mul(self.B, U)
        VBU = torch.matmul(V.mT, BU)
        i = j = 0
        for i in range(ip["ortho_i_max"]):
            U = U - torch.matmul(V, VBU)
            drop = False
            tau_svqb = tau_drop
            for j in range(ip["ortho_j_max"]):
                if use_drop:
                    U = self._svqb(U, drop, tau_svqb)
                    drop = True
                    tau_svqb = tau_replace
                else:
                    U = self._svqb(U, False, tau_replace)
                if torch.numel(U) == 0:
                    self.ivars["ortho_i"] = i
                    self.ivars["ortho_j"] = j
                    return U
                BU = _mul(self.B, U)
                UBU = torch.matmul(U.mT, BU)
                U_norm = torch.linalg.vector_norm(U)
                BU_norm = torch.linalg.vector_norm(BU)
                R = UBU - torch.eye(UBU.shape[-1], device=UBU.device, dtype=UBU.dtype)
                rerr = float(torch.linalg.vector_norm(R)) * float(BU_norm * U_norm) ** (-1)
                self.fvars["ortho_UBUmI_rerr[" + str(i) + ", " + str(j) + "]"] = rerr
                if rerr < tau_ortho:
                    break
            VBU = torch.matmul(V.mT, BU)
            VBU_norm = torch.linalg.vector_norm(VBU)
            U_norm = torch.linalg.vector_norm(U)
            rerr = float(VBU_norm) * float(BV_norm * U_norm) ** (-1)
            self.fvars["ortho_VBU_rerr[" + str(i) + "]"] = rerr
            if rerr < tau_ortho:
                break
            if m < U.shape[-1] + V.shape[-1]:
                raise ValueError("Overdetermined shape of U: #B-cols(=" + str(self.B.shape[-1]) + ") >= #U-cols(="
                                 + str(U.shape[-1]) + ") + #V-cols(=" + str(V.shape[-1]) + ") must hold")
        self.ivars["ortho_i"] = i
        self.ivars["ortho_j"] = j
        return U


def lobpcg(A, k=None, B=None, X=None, n=None, iK=None, niter=None, tol=None, largest=None, method=None,
           tracker=None, ortho_iparams=None, ortho_fparams=None, ortho_bparams=None):
    if A.requires_grad or (B is not None and B.requires_grad):
        raise NotImplementedError("Gradbook does not support gradients of torch.lobpcg")
    if A.shape[-2] != A.shape[-1]:
        raise AssertionError("A must be square, got shape " + str(A.shape))
    if B is not None and A.shape != B.shape:
        raise AssertionError("A and B must have same shape, got " + str(A.shape) + " vs " + str(B.shape))
    dtype = _dtype_of(A)
    device = A.device
    if tol is None:
        tol = {torch.float32: 1.2e-07, torch.float64: 2.23e-16}[dtype] ** 0.5
    m = A.shape[-1]
    if k is None:
        k = 1 if X is None else X.shape[-1]
    if X is not None:
        n = X.shape[-1]
    elif n is None:
        n = k
    if m < 3 * n:
        raise ValueError("LOBPCG algorithm is not applicable when the number of A rows (=" + str(m)
                         + ") is smaller than 3 x the number of requested eigenpairs (=" + str(n) + ")")
    method = "ortho" if method is None else method
    ip = {"m": m, "n": n, "k": k, "niter": 1000 if niter is None else niter}
    fp = {"tol": tol}
    bp = {"largest": True if largest is None else largest}
    if method == "ortho":
        if ortho_iparams is not None:
            ip.update(ortho_iparams)
        if ortho_fparams is not None:
            fp.update(ortho_fparams)
        if ortho_bparams is not None:
            bp.update(ortho_bparams)
        ip["ortho_i_max"] = ip.get("ortho_i_max", 3)
        ip["ortho_j_max"] = ip.get("ortho_j_max", 3)
        fp["ortho_tol"] = fp.get("ortho_tol", tol)
        fp["ortho_tol_drop"] = fp.get("ortho_tol_drop", tol)
        fp["ortho_tol_replace"] = fp.get("ortho_tol_replace", tol)
        bp["ortho_use_drop"] = bp.get("ortho_use_drop", False)

    def solve(A_, B_, X_):
        X_ = torch.randn((m, n), dtype=dtype, device=device) if X_ is None else X_
        if not (len(X_.shape) == 2 and X_.shape == (m, n)):
            raise AssertionError("X shape mismatch: got " + str(X_.shape) + ", expected " + str((m, n)))
        worker = _Solver(A_, B_, X_, iK, ip, fp, bp, method, tracker)
        worker.run()
        return worker

    if len(A.shape) > 2:
        N = int(torch.prod(torch.tensor(A.shape[:-2])))
        bA = A.reshape((N,) + A.shape[-2:])
        bB = B.reshape((N,) + A.shape[-2:]) if B is not None else None
        bX = X.reshape((N,) + X.shape[-2:]) if X is not None else None
        bE = torch.empty((N, k), dtype=dtype, device=device)
        bXret = torch.empty((N, m, k), dtype=dtype, device=device)
        for i in range(N):
            ip["batch_index"] = i
            worker = solve(bA[i], bB[i] if bB is not None else None, bX[i] if bX is not None else None)
            bE[i] = worker.E[:k]
            bXret[i] = worker.X[:, :k]
        return bE.reshape(A.shape[:-2] + (k,)), bXret.reshape(A.shape[:-2] + (m, k))
    worker = solve(A, B, X)
    return worker.E[:k], worker.X[:, :k]
