import Interpreter
import Tensors

/// `torch._linalg_geev(A, vectors)` — LAPACK `geev` behind `torch.linalg.eig`/`eigvals`
/// (Python/torch.linalg/45-eig.py) — and the removed `torch.eig`/`Tensor.eig`, which
/// raise PyTorch's removal message.
extension TorchRuntime {
    func bindLinalgEig(_ b: Binder) {
        b.free("_linalg_geev") { [unowned self] _, args in
            guard args.count == 2 else { throw PyError.typeError("_linalg_geev() takes 2 arguments") }
            let a = try tensor(args[0], "_linalg_geev", "input", position: 1)
            let vectors = try bool(args[1], "_linalg_geev", "vectors")
            let r = try bridged { try LinalgKernels.generalEigen(a, vectors: vectors) }
            let placed = try [r.values, r.vectors, r.info].map { t in
                a.device == t.device ? t : try bridged { try t.to(device: a.device) }
            }
            return .tuple(placed.map { wrap($0) })
        }
        // `torch._linalg_complex_solve(A, B)`: (X, info) for complex A, B of one batch shape
        // (MKL's getrf + getrs, as ATen's complex linalg.solve): eig's backward.
        b.free("_linalg_complex_solve") { [unowned self] _, args in
            guard args.count == 2 else { throw PyError.typeError("_linalg_complex_solve() takes 2 arguments") }
            let a = try tensor(args[0], "_linalg_complex_solve", "A", position: 1)
            let rhs = try tensor(args[1], "_linalg_complex_solve", "B", position: 2)
            let r = try bridged { try LinalgKernels.complexSolve(a, rhs) }
            return .tuple([wrap(r.x), wrap(r.info)])
        }
        func removed(_ interp: Interpreter) throws -> PyValue {
            let m = try interp.importModule("torch.linalg")
            guard let f = m["_torch_eig"] else { throw PyError.attributeError("torch.linalg has no _torch_eig") }
            return f
        }
        b.module.addFunction("eig") { interp, args in try interp.call(try removed(interp), args) }
        b.cls.addMethod("eig") { interp, s, args in try interp.call(try removed(interp), args.prepending(s)) }
    }
}
