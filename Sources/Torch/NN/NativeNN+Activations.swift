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
        func unary(_ name: String, _ make: @escaping ([PyValue]) throws -> Activation) {
            fn(name) { [unowned self] a in try Differentiable.activation(try tensor(a[0], name, "input"), try make(a)) }
        }
        unary("elu") { [unowned self] a in
            .elu(alpha: try double(a[1], "elu", "alpha"), scale: try double(a[2], "elu", "scale"),
                 inputScale: try double(a[3], "elu", "input_scale"))
        }
        unary("celu") { [unowned self] a in .celu(alpha: try double(a[1], "celu", "alpha")) }
        unary("hardsigmoid") { _ in .hardsigmoid }
        unary("hardswish") { _ in .hardswish }
        unary("softshrink") { [unowned self] a in .softshrink(lambda: try double(a[1], "softshrink", "lambd")) }
        unary("hardshrink") { [unowned self] a in .hardshrink(lambda: try double(a[1], "hardshrink", "lambd")) }
        unary("rrelu_eval") { [unowned self] a in .rreluEval(slope: try double(a[1], "rrelu", "negative_slope")) }

        fn("softplus") { [unowned self] a in
            try Differentiable.softplus(try tensor(a[0], "softplus", "input"), beta: try double(a[1], "softplus", "beta"),
                                        threshold: try double(a[2], "softplus", "threshold"))
        }
        fn("hardtanh") { [unowned self] a in
            try Differentiable.hardtanh(try tensor(a[0], "hardtanh", "input"), min: try double(a[1], "hardtanh", "min_val"),
                                        max: try double(a[2], "hardtanh", "max_val"))
        }
        fn("logsigmoid") { [unowned self] a in try Differentiable.logSigmoid(try tensor(a[0], "log_sigmoid", "input")) }
        fn("mish") { [unowned self] a in try Differentiable.mish(try tensor(a[0], "mish", "input")) }
        fn("glu") { [unowned self] a in try Differentiable.glu(try tensor(a[0], "glu", "input"), dim: try int(a[1], "glu", "dim")) }
        fn("prelu") { [unowned self] a in
            try Differentiable.prelu(try tensor(a[0], "prelu", "input"), try tensor(a[1], "prelu", "weight"))
        }
        fn("norm") { [unowned self] a in
            // ATen's own at::norm (used by pairwise_distance) records NormBackward1.
            try Differentiable.norm(try tensor(a[0], "norm", "input"), p: try double(a[1], "norm", "p"),
                                    dims: [try int(a[2], "norm", "dim")], keepdim: try bool(a[3], "norm", "keepdim"),
                                    nodeName: "NormBackward1")
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
