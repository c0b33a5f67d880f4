import Autograd
import Interpreter
import Tensors

/// The special functions whose arguments are more than one tensor: `polygamma(n, x)`,
/// `mvlgamma(x, p)`, `ldexp`, `frexp`, `lerp`, `addcmul`, `addcdiv`, `float_power_`.
extension TorchRuntime {
    func bindGammaFunctions(_ b: Binder) {
        func polygamma(_ n: Int, _ t: Tensor) throws -> Tensor {
            if n < 0 { throw PyError.runtimeError("polygamma(n, x) does not support negative n.") }
            return try bridged { try Differentiable.special(t, .polygamma(n)) }
        }
        b.free("polygamma") { [unowned self] _, args in
            let bound = try args.bind(Signature("polygamma", ["n", "input"], required: 2))
            let n = try int(bound[0]!, "polygamma", "n")
            return wrap(try polygamma(n, try tensor(bound[1]!, "polygamma", "input", position: 2)))
        }
        b.method("polygamma") { [unowned self] _, t, args in
            let bound = try args.bind(Signature("polygamma", ["n"], required: 1))
            return wrap(try polygamma(try int(bound[0]!, "polygamma", "n"), t))
        }
        addSpecialInPlace(b, "polygamma_") { [unowned self] t, args in
            let bound = try args.bind(Signature("polygamma_", ["n"], required: 1))
            return try polygamma(try int(bound[0]!, "polygamma_", "n"), t)
        }

        func mvlgamma(_ t: Tensor, _ p: Int) throws -> Tensor {
            if p < 1 { throw PyError.runtimeError("p has to be greater than or equal to 1") }
            return try bridged { try Differentiable.special(t, .multigammaln(p)) }
        }
        let mvSig = Signature("mvlgamma", ["p"], required: 1)
        b.both("mvlgamma") { [unowned self] _, t, args in
            wrap(try mvlgamma(t, try int(try args.bind(mvSig)[0]!, "mvlgamma", "p")))
        }
        b.function("_special_multigammaln") { [unowned self] _, t, args in
            wrap(try mvlgamma(t, try int(try args.bind(Signature("multigammaln", ["p"], required: 1))[0]!, "multigammaln", "p")))
        }
        addSpecialInPlace(b, "mvlgamma_") { [unowned self] t, args in
            try mvlgamma(t, try int(try args.bind(Signature("mvlgamma_", ["p"], required: 1))[0]!, "mvlgamma_", "p"))
        }
    }

    /// `ldexp(x, e)` = x · 2^e (PyTorch's composite: `mul(x, pow(2., e))`) and `frexp`.
    func bindExponentSplitting(_ b: Binder) {
        func ldexp(_ t: Tensor, _ other: PyValue, _ fn: String) throws -> Tensor {
            let e = try tensor(other, fn, "other", position: 2)
            return try bridged { try Differentiable.ldexp(t, e) }
        }
        let sig = Signature("ldexp", ["other"], required: 1)
        b.both("ldexp") { [unowned self] _, t, args in wrap(try ldexp(t, try args.bind(sig)[0]!, "ldexp")) }
        addSpecialInPlace(b, "ldexp_") { t, args in try ldexp(t, try args.bind(Signature("ldexp_", ["other"], required: 1))[0]!, "ldexp_") }

        b.both("frexp") { [unowned self] _, t, args in
            try args.expectNone("frexp")
            guard t.dtype.isFloatingPoint else {
                throw PyError.runtimeError("torch.frexp() only supports floating-point dtypes")
            }
            let (m, e) = try bridged { try Differentiable.frexp(t) }
            return returnTuple("frexp", m, e)
        }
    }

    /// `lerp`, `addcmul`, `addcdiv` (and in place) with broadcasting and autograd;
    /// `float_power_`.
    func bindPointwiseTernary(_ b: Binder) {
        func lerp(_ start: Tensor, _ args: Arguments, _ fn: String) throws -> Tensor {
            let bound = try args.bind(Signature(fn, ["end", "weight"], required: 2))
            let end = try tensor(bound[0]!, fn, "end", position: 2)
            if end.dtype != start.dtype {
                throw PyError.runtimeError("expected dtype \(OutArgument.cTypeName(start.dtype)) for `end` but got dtype \(OutArgument.cTypeName(end.dtype))")
            }
            let w = bound[1]!
            if let wt = tensorPayload(w) {
                if wt.dtype != start.dtype {
                    throw PyError.runtimeError("expected dtype \(OutArgument.cTypeName(start.dtype)) for `weight` but got dtype \(OutArgument.cTypeName(wt.dtype))")
                }
                return try bridged { try Differentiable.lerp(start, end, weight: wt, weightScalar: nil) }
            }
            guard let s = scalar(w) else {
                throw PyError.typeError("\(fn)(): argument 'weight' (position 3) must be Tensor, not \(typeNameForError(w))")
            }
            return try bridged {
                // lerp_kernel_scalar_weight reads the weight as opmath (float for float16/bfloat16).
                let reduced = start.dtype == .float16 || start.dtype == .bfloat16
                return try Differentiable.lerp(start, end, weight: try Tensor(scalar: s, dtype: reduced ? .float32 : start.dtype),
                                               weightScalar: s.doubleValue)
            }
        }
        b.both("lerp") { [unowned self] _, t, args in wrap(try lerp(t, args, "lerp")) }
        addPointwiseInPlace(b, "lerp_") { t, args in try lerp(t, args, "lerp_") }

        for divides in [false, true] {
            let name = divides ? "addcdiv" : "addcmul"
            func run(_ t: Tensor, _ args: Arguments, _ fn: String) throws -> Tensor {
                let bound = try args.bind(Signature(fn, ["tensor1", "tensor2"], keywordOnly: ["value"], required: 2))
                let t1 = try tensor(bound[0]!, fn, "tensor1", position: 2), t2 = try tensor(bound[1]!, fn, "tensor2", position: 3)
                let value = try bound[2].map { try scalarOrItem($0, fn, "value") } ?? .int(1)
                var p = TypePromotion()
                p.add(t); p.add(t1); p.add(t2)
                let dtype = p.result
                if divides && !t1.dtype.isFloatingPoint && !t2.dtype.isFloatingPoint {
                    throw PyError.runtimeError("Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.")
                }
                if !dtype.isFloatingOrComplex, case .float = value {
                    throw PyError.runtimeError("For integral input tensors, argument value must not be a floating point number.")
                }
                let op: PointwiseTernary = divides ? .addcdiv(value: value.doubleValue) : .addcmul(value: value.doubleValue)
                return try bridged { try Differentiable.pointwise(op, t, t1, t2, dtype: dtype) }
            }
            b.both(name) { [unowned self] _, t, args in wrap(try run(t, args, name)) }
            addPointwiseInPlace(b, name + "_") { t, args in try run(t, args, name + "_") }
        }

        b.checkedMethod("float_power_") { [unowned self] _, s, args in
            guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor 'float_power_' requires a 'torch._C.TensorBase' object") }
            let e = try args.bind(Signature("float_power_", ["exponent"], required: 1))[0]!
            if t.dtype != .float64 {
                throw PyError.runtimeError("the base given to float_power_ has dtype \(t.dtype.scalarTypeName) but the operation's result requires dtype Double")
            }
            _ = try bridged { try Differentiable.inPlace(t, others: [tensorPayload(e)]) { x throws(TensorError) in
                if let et = tensorPayload(e) { return try Differentiable.pow(x, try et.to(.float64)) }
                return try Differentiable.pow(x, .float(scalar(e)?.doubleValue ?? 0))
            } }
            return s
        }
    }

    /// In-place twins of the optimizer updates: written straight into x, no dtype probe
    /// (the result dtype is x's own unless promotion widens it).
    func addPointwiseInPlace(_ b: Binder, _ name: String, _ f: @escaping (Tensor, Arguments) throws -> Tensor) {
        b.checkedMethod(name) { _, s, args in
            guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor '\(name)' requires a 'torch._C.TensorBase' object") }
            try TorchRuntime.writeInPlace(t, args, f)
            return s
        }
    }
}
