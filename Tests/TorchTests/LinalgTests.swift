import Testing
import Foundation
import Interpreter
import Tensors
import Torch

/// `torch.linalg` against real PyTorch 2.15: the golden lessons in
/// Tests/TorchTests/LinalgLessons (outputs written by PyTorch through `torch_golden.py`,
/// most printed with `tolist()` so every bit shows), cell by cell.
struct LinalgLessonTests {
    static var lessonPaths: [String] { GoldenLessonFolder.lessonPaths("LinalgLessons") }

    @Test(arguments: lessonPaths)
    func lessonMatchesPyTorch(path: String) throws {
        // Bit-for-bit only with PyTorch's LAPACK (MKL's); OpenBLAS's may differ in the last digits.
        try GoldenLessonFolder.expectMatchesPyTorch(path, exact: MathBackend.matchesPyTorch,
            withoutVendor: "without MKL, LAPACK is OpenBLAS's and the last bits may differ (docs/linalg.md)")
    }
}

/// Every recorded linalg backward formula against central finite differences in float64,
/// through the cell language as a lesson would write it.
struct LinalgGradientTests {
    static let script = """
    import torch
    torch.manual_seed(0)
    L = torch.linalg
    A0 = torch.randn(3, 3, dtype=torch.float64)
    S0 = A0 @ A0.mT + torch.eye(3, dtype=torch.float64)
    R0 = torch.randn(4, 3, dtype=torch.float64)
    B0 = torch.randn(3, 2, dtype=torch.float64)
    C0 = torch.randn(4, 2, dtype=torch.float64)
    T0 = L.cholesky(S0)

    def scalar(f, x):
        out = f(x)
        outs = out if isinstance(out, tuple) else (out,)
        total = 0
        for i, o in enumerate(outs):
            if o.dtype.is_floating_point:
                w = torch.cos(torch.arange(o.numel(), dtype=torch.float64) * 0.7 + i).reshape(o.shape)
                total = total + (o * w).sum()
        return total

    def check(name, base, f, symmetric=False):
        x = base.clone().requires_grad_()
        scalar(f, x).backward()
        worst = 0.0
        eps = 1e-6
        n, m = base.shape
        for i in range(n):
            for j in range(m):
                if symmetric and j < i:
                    continue
                d = torch.zeros_like(base)
                d[i, j] = eps
                if symmetric:
                    d[j, i] = eps
                with torch.no_grad():
                    fd = (scalar(f, base + d) - scalar(f, base - d)).item() / (2 * eps)
                g = x.grad[i, j].item() + (x.grad[j, i].item() if symmetric and i != j else 0.0)
                worst = max(worst, abs(fd - g) / max(1.0, abs(fd)))
        print(name, "ok" if worst < 1e-6 else f"off by {worst}")

    check("det", A0, lambda x: L.det(x))
    check("slogdet", A0, lambda x: tuple(L.slogdet(x)))
    check("inv", A0, lambda x: L.inv(x))
    check("solve A", A0, lambda x: L.solve(x, B0))
    check("solve B", B0, lambda x: L.solve(A0, x))
    check("solve right", A0, lambda x: L.solve(x, B0.mT, left=False))
    check("solve vector", A0, lambda x: L.solve(x, B0[:, 0]))
    check("cholesky", S0, lambda x: L.cholesky(x), symmetric=True)
    check("cholesky upper", S0, lambda x: L.cholesky(x, upper=True), symmetric=True)
    check("qr", R0, lambda x: tuple(L.qr(x)))
    check("solve_triangular", S0.triu(), lambda x: L.solve_triangular(x.triu(), B0, upper=True))
    check("solve_triangular right", S0.tril(), lambda x: L.solve_triangular(x.tril(), B0.mT, upper=False, left=False))
    check("solve_triangular B", B0, lambda x: L.solve_triangular(S0.tril(), x, upper=False, unitriangular=True))
    check("eigh", S0, lambda x: (L.eigh(x)[0], L.eigh(x)[1] * L.eigh(x)[1][0:1]), symmetric=True)
    check("eigvalsh", S0, lambda x: L.eigvalsh(x), symmetric=True)
    check("svd", R0, lambda x: (L.svd(x, full_matrices=False)[1], L.svd(x, full_matrices=False)[0] * L.svd(x, full_matrices=False)[0][0:1]))
    check("svdvals", R0, lambda x: L.svdvals(x))
    check("pinv", R0, lambda x: L.pinv(x))
    check("pinv wide", R0.mT.contiguous(), lambda x: L.pinv(x))
    check("matrix_exp", A0, lambda x: L.matrix_exp(x))
    check("matrix_exp small", A0 * 0.01, lambda x: L.matrix_exp(x))
    check("nuc", R0, lambda x: L.matrix_norm(x, "nuc"))
    TAU0 = 2.0 / (1.0 + (R0.tril(-1) ** 2).sum(-2))
    check("householder_product", R0, lambda x: L.householder_product(x, TAU0))
    check("householder_product tau", TAU0[:2].unsqueeze(0), lambda x: L.householder_product(R0, x[0]))
    check("matrix_exp skew", A0, lambda x: L.matrix_exp(x - x.mH))
    check("qr wide", R0.mT.contiguous(), lambda x: tuple(L.qr(x)))
    check("lu_factor", A0, lambda x: L.lu_factor(x)[0])
    check("lu", A0, lambda x: tuple(L.lu(x)))
    check("lu tall", R0, lambda x: tuple(L.lu(x)))
    check("lu wide", R0.mT.contiguous(), lambda x: tuple(L.lu(x)))
    check("lu U", R0.mT.contiguous(), lambda x: L.lu(x)[2])
    check("lu_solve", A0, lambda x: L.lu_solve(*L.lu_factor(x), B0))
    check("lu_solve B", B0, lambda x: L.lu_solve(*L.lu_factor(A0), x))
    check("lu_solve adjoint right", A0, lambda x: L.lu_solve(*L.lu_factor(x), B0.mT, left=False, adjoint=True))
    check("cholesky_solve", T0, lambda x: torch.cholesky_solve(B0, x.tril()))
    check("cholesky_solve B", B0, lambda x: torch.cholesky_solve(x, T0))
    check("cholesky_inverse", T0, lambda x: torch.cholesky_inverse(x.tril()))
    check("triangular_solve", S0.triu(), lambda x: tuple(torch.triangular_solve(B0, x.triu(), upper=True)))
    check("triangular_solve B", B0, lambda x: torch.triangular_solve(x, S0.tril(), upper=False, transpose=True)[0])
    check("lstsq", R0, lambda x: L.lstsq(x, C0).solution)
    check("lstsq B", C0, lambda x: L.lstsq(R0, x).solution)
    """

    @Test func backwardFormulasMatchFiniteDifferences() {
        let out = TorchSession().run(Self.script)
        let names = ["det", "slogdet", "inv", "solve A", "solve B", "solve right", "solve vector", "cholesky",
                     "cholesky upper", "qr", "solve_triangular", "solve_triangular right", "solve_triangular B", "eigh", "eigvalsh", "svd", "svdvals", "pinv", "pinv wide",
                     "matrix_exp", "matrix_exp small", "nuc", "householder_product", "householder_product tau", "matrix_exp skew",
                     "qr wide", "lu_factor", "lu", "lu tall", "lu wide", "lu U",
                     "lu_solve", "lu_solve B", "lu_solve adjoint right", "cholesky_solve", "cholesky_solve B",
                     "cholesky_inverse", "triangular_solve", "triangular_solve B", "lstsq", "lstsq B"]
        #expect(out == names.map { "\($0) ok\n" }.joined(), "\(out)")
    }

    /// The grad_fn names PyTorch gives these results.
    @Test func gradFnNames() {
        let out = TorchSession().run("""
        import torch
        A = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
        S = (A @ A.mT + torch.eye(3)).detach().requires_grad_()
        for r in [torch.linalg.det(A), torch.linalg.slogdet(A)[1], torch.linalg.inv(A), torch.linalg.solve(A, A),
                  torch.linalg.cholesky(S), torch.linalg.qr(A)[0], torch.linalg.eigh(S)[1], torch.linalg.svd(A)[0],
                  torch.linalg.svdvals(A), torch.linalg.pinv(A), torch.linalg.matrix_exp(A), torch.logdet(S),
                  torch.linalg.solve_triangular(A, A, upper=True), torch.linalg.cross(A, A),
                  torch.linalg.householder_product(A, A[0]), torch.orgqr(A, A[0])]:
            print(r.grad_fn.name())
        """)
        #expect(out == """
        LinalgDetBackward0
        LinalgSlogdetBackward0
        LinalgInvExBackward0
        LinalgSolveExBackward0
        LinalgCholeskyExBackward0
        LinalgQrBackward0
        LinalgEighBackward0
        LinalgSvdBackward0
        LinalgSvdBackward0
        LinalgPinvBackward0
        LinalgMatrixExpBackward0
        WhereBackward0
        LinalgSolveTriangularBackward0
        LinalgCrossBackward0
        LinalgHouseholderProductBackward0
        LinalgHouseholderProductBackward0

        """)
    }

    /// The factorizations and solves that had no node (their results silently dropped the
    /// gradient): PyTorch 2.15's names, and which outputs require grad.
    @Test func gradFnNamesOfFactorsAndSolves() {
        let out = TorchSession().run("""
        import torch
        A = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
        S = (A @ A.mT + torch.eye(3)).detach()
        C = torch.linalg.cholesky(S).requires_grad_()
        LU, piv = torch.linalg.lu_factor(A)
        P, Lf, U = torch.linalg.lu(A)
        r = torch.triangular_solve(A, C, upper=False)
        print(LU.grad_fn.name(), piv.requires_grad, P.requires_grad, Lf.grad_fn.name(), U.grad_fn.name())
        print(torch.linalg.lu_solve(LU, piv, A).grad_fn.name(), torch.lu_unpack(LU, piv).L.grad_fn.name())
        print(torch.cholesky_solve(A, C).grad_fn.name(), torch.cholesky_inverse(C).grad_fn.name())
        print(r.solution.grad_fn.name(), r.cloned_coefficient.grad_fn.name())
        print(torch.linalg.lstsq(A, A).solution.grad_fn.name(), torch.linalg.lstsq(A, A).residuals.requires_grad)
        """)
        #expect(out == """
        LinalgLuFactorExBackward0 False False LinalgLuBackward0 LinalgLuBackward0
        LinalgLuSolveBackward0 LuUnpackBackward0
        CholeskySolveBackward0 CholeskyInverseBackward0
        TriangularSolveBackward0 TriangularSolveBackward0
        LinalgLstsqBackward0 True

        """)
    }

    /// ldl_* have no derivative in ATen (PyTorch's NotImplemented node): each result requires
    /// grad and backward raises, none silently drops the gradient. matrix_sqrth and polar
    /// have their 2.15 backward (values: the linalg-backward capability script).
    @Test func factorizationsWithoutBackwardRaise() {
        let out = TorchSession().run("""
        import torch
        A = torch.randn(3, 3, dtype=torch.float64)
        S = (A @ A.mT + torch.eye(3, dtype=torch.float64)).requires_grad_()
        LD, piv = torch.linalg.ldl_factor(S)
        X = torch.linalg.ldl_solve(LD.detach(), piv, S)
        for r in [LD, X, torch.linalg.matrix_sqrth(S), torch.linalg.polar(S)[0]]:
            try:
                print(r.grad_fn.name(), end=" ")
                r.sum().backward()
                print(S.grad.shape)
            except (RuntimeError, NotImplementedError) as e:
                print(type(e).__name__, e)
        """)
        #expect(out == """
        torch::autograd::NotImplemented RuntimeError derivative for aten::linalg_ldl_factor_ex is not implemented
        torch::autograd::NotImplemented RuntimeError derivative for aten::linalg_ldl_solve is not implemented
        LinalgMatrixSqrthBackward0 torch.Size([3, 3])
        LinalgPolarBackward0 torch.Size([3, 3])

        """)
    }

    /// No grad_fn when nothing requires grad, and the LAPACK source is reported.
    @Test func noGraphWithoutRequiresGrad() {
        let out = TorchSession().run("""
        import torch
        print(torch.linalg.det(torch.eye(2)).grad_fn, torch.linalg.svd(torch.eye(2)).U.requires_grad)
        print(torch._linalg_lapack_source() in ("Intel MKL", "OpenBLAS"))
        """)
        #expect(out == "None False\nTrue\n")
    }
}

/// The names this binding adds, each present where PyTorch has it (the surface count in
/// `SurfaceCoverageTests` keeps a floor per namespace; this keeps each name).
struct LinalgSurfaceTests {
    @Test func namesExist() {
        let linalg = ["LinAlgError", "cholesky", "cholesky_ex", "cond", "cross", "det", "diagonal", "eigh", "eigvalsh",
                      "householder_product", "inv", "inv_ex", "ldl_factor", "ldl_factor_ex", "ldl_solve", "lstsq", "lu", "lu_factor", "lu_factor_ex", "lu_solve",
                      "matmul", "matrix_exp", "matrix_norm", "matrix_sqrth", "polar", "matrix_power", "matrix_rank", "multi_dot", "norm", "pinv",
                      "qr", "slogdet", "solve", "solve_ex", "solve_triangular", "svd", "svdvals", "tensorinv",
                      "tensorsolve", "vander", "vecdot", "vector_norm"]
        let methods = ["det", "logdet", "slogdet", "inverse", "cholesky", "cholesky_inverse", "cholesky_solve", "solve",
                       "lstsq", "lu", "lu_solve", "qr", "svd", "pinverse", "matrix_exp", "matrix_power",
                       "triangular_solve", "geqrf", "orgqr", "ormqr", "kron"]
        let functions = methods + ["lu_unpack", "matrix_rank", "tensordot", "chain_matmul", "block_diag"]
        let source = """
        import torch
        import torch.linalg
        print([n for n in \(linalg) if not hasattr(torch.linalg, n)])
        print([n for n in \(functions) if not hasattr(torch, n)])
        print([n for n in \(methods) if not hasattr(torch.Tensor, n)])
        """
        #expect(TorchSession().run(source) == "[]\n[]\n[]\n")
    }
}
