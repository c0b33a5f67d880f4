import Autograd
import Interpreter
import Tensors

/// Tensor methods the embedded optimizers and layers call that the core binding does not
/// provide: the fused point-wise updates (`lerp_`, `addcmul(_)`, `addcdiv(_)`) and the
/// in-place `relu_`/`sqrt_`. Each is added only when the Tensor class lacks it, so the core
/// binding's own version wins once it has one.
extension TorchRuntime {
    func bindNNMethods(_ interp: Interpreter) {
        let cls: PyClass = tensorClass
        func add(_ name: String, _ body: @escaping (Interpreter, Tensor, PyValue, Arguments) throws -> PyValue) {
            if cls.lookup(Name(name)) != nil { return }
            cls.addMethod(name) { interp, s, args in
                guard let t = tensorPayload(s) else { throw PyError.typeError("\(name)(): expected a Tensor") }
                do { return try body(interp, t, s, args) } catch let e as TensorError { throw e.python }
            }
        }
        let lerpSig = Signature("lerp_", ["end", "weight"], required: 2)
        add("lerp_") { [unowned self] _, t, s, args in
            let b = try args.bind(lerpSig)
            _ = try NNOps.lerp(t, try tensor(b[0]!, "lerp_", "end"), weight: try double(b[1]!, "lerp_", "weight"), inPlace: true)
            return s
        }
        add("lerp") { [unowned self] _, t, _, args in
            let b = try args.bind(Signature("lerp", ["end", "weight"], required: 2))
            return wrap(try NNOps.lerp(t, try tensor(b[0]!, "lerp", "end"), weight: try double(b[1]!, "lerp", "weight"), inPlace: false))
        }
        for (name, inPlace) in [("addcmul_", true), ("addcmul", false), ("addcdiv_", true), ("addcdiv", false)] {
            let sig = Signature(name, ["tensor1", "tensor2"], keywordOnly: ["value"], required: 2)
            let divides = name.hasPrefix("addcdiv")
            add(name) { [unowned self] _, t, s, args in
                let b = try args.bind(sig)
                let t1 = try tensor(b[0]!, name, "tensor1"), t2 = try tensor(b[1]!, name, "tensor2")
                let value = try b[2].map { try double($0, name, "value") } ?? 1
                let r = divides ? try NNOps.addcdiv(t, t1, t2, value: value, inPlace: inPlace)
                                : try NNOps.addcmul(t, t1, t2, value: value, inPlace: inPlace)
                return inPlace ? s : wrap(r)
            }
        }
        add("relu_") { _, t, s, args in
            try args.expectNone("relu_")
            _ = try Differentiable.relu_(t)
            return s
        }
        add("sqrt_") { _, t, s, args in
            try args.expectNone("sqrt_")
            _ = try Differentiable.sqrt_(t)
            return s
        }
        if let torch = torchModule, torch["relu_"] == nil {
            torch.addFunction("relu_") { interp, args in
                guard args.count == 1, let t = tensorPayload(args[0]) else {
                    throw PyError.typeError("relu_(): argument 'input' (position 1) must be Tensor")
                }
                do { _ = try Differentiable.relu_(t) } catch let e as TensorError { throw e.python }
                return args[0]
            }
        }
    }
}
