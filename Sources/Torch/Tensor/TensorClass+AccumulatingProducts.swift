import Autograd
import Interpreter
import Tensors

/// `addmv`, `addr`, `baddbmm`, `addbmm` and their in-place twins (recorded under the
/// out-of-place node, as PyTorch records `addmv_`).
extension TorchRuntime {
    func bindAccumulatingProducts(_ b: Binder) {
        typealias Product = (Tensor, Tensor, Tensor, Scalar, Scalar) throws(TensorError) -> Tensor
        let products: [(String, String, String, Product)] = [
            ("addmv", "mat", "vec", { a, b, c, beta, alpha throws(TensorError) in try Differentiable.addmv(a, b, c, beta: beta, alpha: alpha) }),
            ("addr", "vec1", "vec2", { a, b, c, beta, alpha throws(TensorError) in try Differentiable.addr(a, b, c, beta: beta, alpha: alpha) }),
            ("baddbmm", "batch1", "batch2", { a, b, c, beta, alpha throws(TensorError) in try Differentiable.baddbmm(a, b, c, beta: beta, alpha: alpha) }),
            ("addbmm", "batch1", "batch2", { a, b, c, beta, alpha throws(TensorError) in try Differentiable.addbmm(a, b, c, beta: beta, alpha: alpha) }),
        ]
        for (name, first, second, product) in products {
            let sig = Signature(name, [first, second], keywordOnly: ["beta", "alpha"], required: 2)
            bindWithInPlace(b, name) { [unowned self] t, args in
                let bound = try args.bind(sig)
                let x = try tensor(bound[0]!, name, first, position: 1), y = try tensor(bound[1]!, name, second, position: 2)
                let beta = try bound.given(2).map { try scalarOrItem($0, name, "beta") } ?? .int(1)
                let alpha = try bound.given(3).map { try scalarOrItem($0, name, "alpha") } ?? .int(1)
                return try bridged { try product(t, x, y, beta, alpha) }
            } others: { args in
                guard let bound = try? args.bind(sig) else { return [] }
                return [bound.given(0).flatMap(tensorPayload), bound.given(1).flatMap(tensorPayload)]
            }
        }
    }
}
