import Tensors

/// `+ - * / **` and friends, tensor-tensor (broadcast) and tensor-number. A Python number
/// operand still counts as an input without history (PyTorch wraps it in a tensor), so
/// `(x * 2).grad_fn.next_functions` has two entries.
extension Differentiable {
    public static func add(_ a: Tensor, _ b: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        let out = try a.add(b, alpha: alpha)
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        return record("AddBackward0", [a, b], out, attributes: [("alpha", .scalar(alpha ?? .int(1)))]) { ctx in
            [ctx.needs(0) ? try reduce(ctx.grad, to: ma) : nil,
             ctx.needs(1) ? try reduce(try scaled(ctx.grad, alpha), to: mb) : nil]
        }
    }

    public static func add(_ a: Tensor, _ b: Scalar, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        let out = try a.add(b, alpha: alpha)
        guard isRecording(a) else { return out }
        let ma = TensorMeta(a)
        return record("AddBackward0", [a, nil], out, attributes: [("alpha", .scalar(alpha ?? .int(1)))]) { ctx in [try reduce(ctx.grad, to: ma), nil] }
    }

    public static func sub(_ a: Tensor, _ b: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        let out = try a.sub(b, alpha: alpha)
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        return record("SubBackward0", [a, b], out, attributes: [("alpha", .scalar(alpha ?? .int(1)))]) { ctx in
            [ctx.needs(0) ? try reduce(ctx.grad, to: ma) : nil,
             ctx.needs(1) ? try reduce(try scaled(try neg(ctx.grad), alpha), to: mb) : nil]
        }
    }

    public static func sub(_ a: Tensor, _ b: Scalar, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        let out = try a.sub(b, alpha: alpha)
        guard isRecording(a) else { return out }
        let ma = TensorMeta(a)
        return record("SubBackward0", [a, nil], out, attributes: [("alpha", .scalar(alpha ?? .int(1)))]) { ctx in [try reduce(ctx.grad, to: ma), nil] }
    }

    /// `other - alpha * a` (`2 - x`): RsubBackward1.
    public static func rsub(_ a: Tensor, _ b: Scalar, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        let scaledA = alpha.map { $0 == .int(1) } ?? true ? a : try a.mul(alpha!)
        let out = try scaledA.binary(.sub, b, reflected: true)
        guard isRecording(a) else { return out }
        let ma = TensorMeta(a)
        return record("RsubBackward1", [a], out, attributes: [("alpha", .scalar(alpha ?? .int(1)))]) { ctx in [try reduce(try scaled(try neg(ctx.grad), alpha), to: ma)] }
    }

    /// `torch.rsub(a, b)`: `b - alpha * a` with a tensor `b`.
    public static func rsub(_ a: Tensor, _ b: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        let out = try b.sub(a, alpha: alpha)
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        return record("RsubBackward0", [a, b], out) { ctx in
            [ctx.needs(0) ? try reduce(try scaled(try neg(ctx.grad), alpha), to: ma) : nil,
             ctx.needs(1) ? try reduce(ctx.grad, to: mb) : nil]
        }
    }

    public static func mul(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let out = try a.mul(b)
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        return try record("MulBackward0", [a, b], out, save: [b.requiresGrad ? a : nil, a.requiresGrad ? b : nil],
                          attributes: [("other", .tensor(1)), ("self", .tensor(0))]) { ctx in
            // `other` before `self`, as PyTorch's generated MulBackward0 (see DivBackward0);
            // mul_tensor_backward: grad * other.conj(), the real part for a real input.
            let gb = ctx.needs(1) ? try reduce(try mul(ctx.grad, try conjugated(try ctx.saved(0))), to: mb) : nil
            return [ctx.needs(0) ? try reduce(try mul(ctx.grad, try conjugated(try ctx.saved(1))), to: ma) : nil, gb]
        }
    }

    public static func mul(_ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        let out = try a.mul(b)
        guard isRecording(a) else { return out }
        let ma = TensorMeta(a)
        // Python wraps the number in a 0-dim tensor that MulBackward0 saves as `other`.
        return record("MulBackward0", [a, nil], out, attributes: [("other", .wrappedNumber(b)), ("self", .undefinedTensor)]) { ctx in
            [try reduce(try mul(ctx.grad, conjugatedScalar(b)), to: ma), nil]
        }
    }

    public static func div(_ a: Tensor, _ b: Tensor, roundingMode: RoundingMode? = nil) throws(TensorError) -> Tensor {
        let out = try a.div(b, roundingMode: roundingMode)
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        if roundingMode != nil {
            return try record("DivBackward2", [a, b], out, save: [b.requiresGrad ? a : nil, b],
                              attributes: [("other", .tensor(1)), ("rounding_mode", .string(roundingMode!.rawValue)), ("self", .tensor(0))]) { ctx in
                [ctx.needs(0) ? try a.zerosLike() : nil, ctx.needs(1) ? try b.zerosLike() : nil]
            }
        }
        return try record("DivBackward0", [a, b], out, save: [b.requiresGrad ? a : nil, b],
                          attributes: [("other", .tensor(1)), ("self", .tensor(0))]) { ctx in
            let g = ctx.grad, y = try ctx.saved(1)
            // PyTorch's generated DivBackward0 evaluates its formulas in the sorted order of
            // the argument names (load_derivatives.py), `other` before `self`: under
            // create_graph that is the order the nodes are created, and so the order the
            // engine later sums their contributions.
            // div_tensor_other_backward: -grad * ((self / other) / other).conj();
            // div_tensor_self_backward: grad / other.conj().
            let gb = ctx.needs(1) ? try reduce(try mul(neg(g), try conjugated(try div(try div(try ctx.saved(0), y), y))), to: mb) : nil
            return [ctx.needs(0) ? try reduce(try div(g, try conjugated(y)), to: ma) : nil, gb]
        }
    }

    public static func div(_ a: Tensor, _ b: Scalar, roundingMode: RoundingMode? = nil) throws(TensorError) -> Tensor {
        let out = try a.div(b, roundingMode: roundingMode)
        guard isRecording(a) else { return out }
        let ma = TensorMeta(a)
        if roundingMode != nil {
            // Python wraps the number in a tensor: div.Tensor_mode, DivBackward2.
            return record("DivBackward2", [a, nil], out) { ctx in [try ctx.grad.zerosLike(dtype: ma.dtype), nil] }
        }
        return record("DivBackward0", [a, nil], out, attributes: [("other", .wrappedNumber(b)), ("self", .undefinedTensor)]) { ctx in
            [try reduce(try div(ctx.grad, conjugatedScalar(b)), to: ma), nil]
        }
    }

    /// `2 / x`: PyTorch computes `x.reciprocal() * 2`.
    public static func rdiv(_ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        try mul(try reciprocal(a), b)
    }

    public static func neg(_ a: Tensor) throws(TensorError) -> Tensor {
        let out = try a.neg()
        guard isRecording(a) else { return out }
        return record("NegBackward0", [a], out) { ctx in [try neg(ctx.grad)] }
    }

    /// `x ** e` for a number: PowBackward0.
    public static func pow(_ a: Tensor, _ e: Scalar) throws(TensorError) -> Tensor {
        let out = try a.pow(e)
        guard isRecording(a) else { return out }
        let ma = TensorMeta(a)
        return try record("PowBackward0", [a], out, save: [a], attributes: [("exponent", .scalar(e)), ("self", .tensor(0))]) { ctx in
            let x = try ctx.saved(0), g = ctx.grad
            if case .complex(let re, let im) = e {
                if re == 0 && im == 0 { return [try g.zerosLike(dtype: ma.dtype)] }
                // pow_backward: grad * (exponent * self.pow(exponent - 1)).conj()
                let d = try mulScalarOverload(try pow(x, .complex(re - 1, im)), e)
                return [try reduce(try mul(g, try conjugated(d)), to: ma)]
            }
            if e.doubleValue == 0 { return [try g.zerosLike(dtype: ma.dtype)] }
            if x.dtype.isComplex {
                let d = try mulScalarOverload(try pow(x, .float(e.doubleValue - 1)), .float(e.doubleValue))
                return [try reduce(try mul(g, try conjugated(d)), to: ma)]
            }
            let e1: Scalar = e.isFloatingPoint ? .float(e.doubleValue - 1) : .int(e.int64Value - 1)
            // pow_backward: grad * (exponent * self.pow(exponent - 1)), the product with the
            // number an ATen mul.Scalar (MulBackward1 under create_graph).
            return [try reduce(try mul(g, try mulScalarOverload(try pow(x, e1), e)), to: ma)]
        }
    }

    /// `x ** y` with a tensor exponent: PowBackward1.
    public static func pow(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let out = try a.pow(b)
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        return try record("PowBackward1", [a, b], out, save: [a, b], saveOutput: true,
                          attributes: [("exponent", .tensor(1)), ("self", .tensor(0)), ("result", .tensor(2))]) { ctx in
            let x = try ctx.saved(0), y = try ctx.saved(1), g = ctx.grad
            var ga: Tensor? = nil, gb: Tensor? = nil
            // pow_backward_self: where(exponent == 0, 0, grad * (exponent * self.pow(exponent - 1)));
            // pow_backward_exponent: grad * where(self == 0 & exponent >= 0, 0, result * self.log()).
            // Complex operands take the conjugates of both factors (derivatives.yaml's .conj()),
            // and a complex exponent counts as non-negative when it is real and >= 0.
            if ctx.needs(0) {
                let d = try mul(y, try pow(x, try subScalarOverload(y, .int(1))))
                ga = try reduce(try `where`(try y.eq(.int(0)), Scalar.int(0), try mul(g, try conjugated(d))), to: ma)
            }
            if ctx.needs(1) {
                let r = try conjugated(try mul(try ctx.saved(2), try log(x)))
                let nonNegative = y.dtype.isComplex
                    ? try y.imagPart().eq(.int(0)).logicalAnd(try y.realPart().ge(.int(0))) : try y.ge(.int(0))
                let zeroBase = try x.eq(.int(0)).logicalAnd(nonNegative)
                gb = try reduce(try mul(g, try `where`(zeroBase, Scalar.int(0), r)), to: mb)
            }
            return [ga, gb]
        }
    }

    /// `n ** x` with a number base: PowBackward2.
    public static func pow(_ base: Scalar, _ b: Tensor) throws(TensorError) -> Tensor {
        let out = try b.binary(.pow, base, reflected: true)
        guard isRecording(b) else { return out }
        let mb = TensorMeta(b)
        // PowBackward2 saves the exponent and the result (pow_backward_exponent's inputs).
        return try record("PowBackward2", [b], out, save: [b], saveOutput: true,
                          attributes: [("exponent", .tensor(0)), ("result", .tensor(1)), ("self", .scalar(base))]) { ctx in
            let exponent = try ctx.saved(0)
            if exponent.dtype.isComplex || base.isComplex {
                // pow_backward_exponent: grad * (result * log(base)).conj(), log of the base
                // as a complex number (std::log of complex<double>, glibc's clog).
                let lb = try Tensor(scalar: base, dtype: .complex128).log().item()
                var r = try conjugated(try mulScalarOverload(try ctx.saved(1), lb))
                if base.doubleValue == 0 && base.imagValue == 0 {
                    let nonNegative = exponent.dtype.isComplex
                        ? try exponent.imagPart().eq(.int(0)).logicalAnd(try exponent.realPart().ge(.int(0)))
                        : try exponent.ge(.int(0))
                    r = try `where`(nonNegative, Scalar.int(0), r)
                }
                return [try reduce(try mul(ctx.grad, r), to: mb)]
            }
            if base.doubleValue == 0 {
                // grad * where(exponent >= 0, 0, result * log(0)) (pow_backward_exponent).
                let zeroExp = try (try ctx.saved(0)).ge(.int(0))
                let r = try mulScalarOverload(try ctx.saved(1), .float(RealMath.log(0)))
                return [try reduce(try mul(ctx.grad, try `where`(zeroExp, Scalar.int(0), r)), to: mb)]
            }
            // grad * (result * log(self)): mul.Scalar, MulBackward1
            return [try reduce(try mul(ctx.grad, try mulScalarOverload(try ctx.saved(1), .float(RealMath.log(base.doubleValue)))), to: mb)]
        }
    }

    public static func maximum(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        try extremum(a, b, isMax: true)
    }

    public static func minimum(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        try extremum(a, b, isMax: false)
    }

    /// Ties share the gradient equally, as PyTorch's formula does; NaNs send it to both.
    static func extremum(_ a: Tensor, _ b: Tensor, isMax: Bool) throws(TensorError) -> Tensor {
        let out = isMax ? try a.maximum(b) : try a.minimum(b)
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        return try record(isMax ? "MaximumBackward0" : "MinimumBackward0", [a, b], out, save: [a, b],
                          attributes: [("other", .tensor(1)), ("self", .tensor(0))]) { ctx in
            // where(a == b, grad / 2, grad), then zero where the other side wins; a NaN on
            // either side compares false everywhere, so both sides keep the whole gradient.
            let x = try ctx.saved(0), y = try ctx.saved(1)
            let shared = try `where`(try x.eq(y), try divScalarOverload(ctx.grad, .int(2)), ctx.grad)
            let aLoses = isMax ? try x.lt(y) : try x.gt(y)
            let bLoses = isMax ? try x.gt(y) : try x.lt(y)
            return [ctx.needs(0) ? try reduce(try whereZero(aLoses, shared), to: ma) : nil,
                    ctx.needs(1) ? try reduce(try whereZero(bLoses, shared), to: mb) : nil]
        }
    }

    // MARK: helpers for formulas

    /// `g * alpha`, or `g` itself when alpha is 1.
    /// derivatives.yaml's `maybe_multiply(grad, alpha)`: grad itself for alpha 1, else
    /// `mul.Scalar` (MulBackward1 under create_graph). Subtraction's other operand gets
    /// `maybe_multiply(-grad, alpha)` (NegBackward0 first).
    static func scaled(_ g: Tensor, _ alpha: Scalar?) throws(TensorError) -> Tensor {
        guard let alpha, alpha != .int(1) else { return g }
        return try mulScalarOverload(g, alpha)
    }

    static func negated(_ alpha: Scalar?) -> Scalar {
        switch alpha ?? .int(1) {
        case .int(let i): .int(-i)
        case .float(let d): .float(-d)
        case .bool(let b): .int(b ? -1 : 0)
        case .complex(let re, let im): .complex(-re, -im)
        }
    }

    /// A number's conjugate (`alpha.conj()`, `other.conj()` of a Scalar).
    static func conjugatedScalar(_ s: Scalar) -> Scalar {
        if case .complex(let re, let im) = s { return .complex(re, -im) }
        return s
    }

    /// `t` with zeros where `mask` is true (broadcast to t's shape).
    static func whereZero(_ mask: Tensor, _ t: Tensor) throws(TensorError) -> Tensor {
        try maskedFill(t, mask, .int(0))
    }
}
