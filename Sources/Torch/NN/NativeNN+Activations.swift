import Autograd
import Interpreter
import Tensors

/// The `torch._nn` functions for the further activations, distances and losses of
/// torch.nn.functional (NATIVE_NN.md lists them). Arguments arrive positionally,
/// already normalised by the Python side.
extension TorchRuntime {
    func addNativeActivations(_ m: PyModule) {
        func fn(_ name: String, _ body: @escaping ([PyValue]) throws -> Tensor) {
            m.addFunction(name) { [unowned self] _, args in
                do { return wrap(try body(args.positional)) } catch let e as TensorError { throw e.python }
            }
        }
        func reduction(_ v: PyValue) throws -> LossReduction {
            guard let s = v.asString, let r = LossReduction(rawValue: s) else {
                throw PyError.valueError("\(v) is not a valid value for reduction")
            }
            return r
        }
        typealias Unary = (Tensor) throws(TensorError) -> Tensor
        /// `name(input, ...)` and its in-place twin `name_(input, ...)`, which PyTorch
        /// records as the same node or, for some, as `...Backward1`.
        func unary(_ name: String, inPlaceNode: String? = nil, _ make: @escaping ([PyValue]) throws -> Unary) {
            fn(name) { [unowned self] a in try make(a)(try tensor(a[0], name, "input")) }
            m.addFunction(name + "_") { [unowned self] _, args in
                let a = args.positional
                do {
                    _ = try Differentiable.inPlace(try tensor(a[0], name + "_", "input"), name: inPlaceNode, try make(a))
                    return a[0]
                } catch let e as TensorError { throw e.python }
            }
        }
        func activation(_ a: Activation) -> Unary { { x throws(TensorError) in try Differentiable.activation(x, a) } }
        unary("elu", inPlaceNode: "EluBackward1") { [unowned self] a in
            activation(.elu(alpha: try double(a[1], "elu", "alpha"), scale: try double(a[2], "elu", "scale"),
                            inputScale: try double(a[3], "elu", "input_scale")))
        }
        unary("celu", inPlaceNode: "CeluBackward1") { [unowned self] a in activation(.celu(alpha: try double(a[1], "celu", "alpha"))) }
        unary("hardsigmoid") { _ in activation(.hardsigmoid) }
        unary("hardswish") { _ in activation(.hardswish) }
        unary("softshrink") { [unowned self] a in activation(.softshrink(lambda: try double(a[1], "softshrink", "lambd"))) }
        unary("hardshrink") { [unowned self] a in activation(.hardshrink(lambda: try double(a[1], "hardshrink", "lambd"))) }
        unary("rrelu_eval", inPlaceNode: "RreluWithNoiseBackward1") { [unowned self] a in
            activation(.rreluEval(slope: try double(a[1], "rrelu", "negative_slope")))
        }
        unary("softplus") { [unowned self] a in
            let beta = try double(a[1], "softplus", "beta"), threshold = try double(a[2], "softplus", "threshold")
            return { x throws(TensorError) in try Differentiable.softplus(x, beta: beta, threshold: threshold) }
        }
        unary("hardtanh") { [unowned self] a in
            let lo = try double(a[1], "hardtanh", "min_val"), hi = try double(a[2], "hardtanh", "max_val")
            return { x throws(TensorError) in try Differentiable.hardtanh(x, min: lo, max: hi) }
        }
        unary("logsigmoid") { _ in { x throws(TensorError) in try Differentiable.logSigmoid(x) } }
        unary("mish") { _ in { x throws(TensorError) in try Differentiable.mish(x) } }

        fn("glu") { [unowned self] a in try Differentiable.glu(try tensor(a[0], "glu", "input"), dim: try int(a[1], "glu", "dim")) }
        fn("prelu") { [unowned self] a in
            try Differentiable.prelu(try tensor(a[0], "prelu", "input"), try tensor(a[1], "prelu", "weight"))
        }
        fn("norm") { [unowned self] a in
            // ATen's own at::norm (used by pairwise_distance, frobenius_norm, norm_except_dim):
            // with dims (an int or a list) it records NormBackward1, without NormBackward0.
            let x = try tensor(a[0], "norm", "input"), p = try double(a[1], "norm", "p")
            if a.count < 3 || a[2].isNone { return try Differentiable.norm(x, p: p, nodeName: "NormBackward0") }
            let dims: [Int]
            if case .int(let d) = a[2] { dims = [d] } else { dims = try intList(a[2], "norm", "dim") }
            return try Differentiable.norm(x, p: p, dims: dims, keepdim: try bool(a[3], "norm", "keepdim"), nodeName: "NormBackward1")
        }
        fn("add_scalar") { [unowned self] a in
            // ATen's add.Scalar (AddBackward1), as C++ compositions such as
            // pairwise_distance's `x1 - x2 + eps` record it.
            try Differentiable.addScalarOverload(try tensor(a[0], "add", "input"), .float(try double(a[1], "add", "other")))
        }
        fn("huber_loss") { [unowned self] a in
            try Differentiable.huberLoss(try tensor(a[0], "huber_loss", "input"), try tensor(a[1], "huber_loss", "target"),
                                         reduction: try reduction(a[2]), delta: try double(a[3], "huber_loss", "delta"))
        }
        fn("soft_margin_loss") { [unowned self] a in
            try Differentiable.softMarginLoss(try tensor(a[0], "soft_margin_loss", "input"), try tensor(a[1], "soft_margin_loss", "target"),
                                              reduction: try reduction(a[2]))
        }
        fn("multi_margin_loss") { [unowned self] a in
            try Differentiable.multiMarginLoss(try tensor(a[0], "multi_margin_loss", "input"), try tensor(a[1], "multi_margin_loss", "target"),
                                               p: try int(a[2], "multi_margin_loss", "p"), margin: try double(a[3], "multi_margin_loss", "margin"),
                                               weight: a[4].isNone ? nil : try tensor(a[4], "multi_margin_loss", "weight"),
                                               reduction: try reduction(a[5]))
        }
    }
}
