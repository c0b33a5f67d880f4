import Interpreter
import Tensors

/// The values of ATen's direct cdist kernels, for torch.nn.functional's cdist (embedded
/// Python), which broadcasts the batch dimensions and records the node itself:
/// `torch._cdist_values(x1, x2, p)` is `cdist_stub`, `torch._cdist_backward_values(grad,
/// x1, x2, p, cdist)` is `_cdist_backward` (x1 and x2 with the same batch dimensions).
/// No autograd in either.
extension TorchRuntime {
    func bindCdistNatives(_ b: Binder) {
        b.free("_cdist_values") { [unowned self] _, args in
            guard args.count == 3 else { throw PyError.typeError("_cdist_values() takes 3 arguments") }
            let x1 = try tensor(args[0], "_cdist_values", "x1"), x2 = try tensor(args[1], "_cdist_values", "x2")
            let p = try double(args[2], "_cdist_values", "p")
            return wrap(try bridged { try Tensor.cdistValues(x1, x2, p: p) })
        }
        b.free("_cdist_backward_values") { [unowned self] _, args in
            guard args.count == 5 else { throw PyError.typeError("_cdist_backward_values() takes 5 arguments") }
            let fn = "_cdist_backward_values"
            let g = try tensor(args[0], fn, "grad"), x1 = try tensor(args[1], fn, "x1"), x2 = try tensor(args[2], fn, "x2")
            let p = try double(args[3], fn, "p"), dist = try tensor(args[4], fn, "cdist")
            return wrap(try bridged { try Tensor.cdistBackwardValues(g, x1, x2, p: p, dist: dist) })
        }
    }
}
