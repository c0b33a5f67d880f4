import Tensors

/// Elementwise math with one input. Formulas that need the result (exp, tanh, sigmoid,
/// sqrt) save the output; the rest save the input.
extension Differentiable {
    /// Records a unary op whose formula maps (grad, saved input or output) to the input grad.
    /// `extra`: the node's other saved arguments (`_saved_min`, `_saved_negative_slope`).
    static func unaryOp(_ name: String, _ x: Tensor, _ out: Tensor, savesOutput: Bool = false,
                        extra: [(String, SavedAttribute)] = [],
                        _ formula: @escaping (Tensor, Tensor) throws -> Tensor) throws(TensorError) -> Tensor {
        let mx = TensorMeta(x)
        // PyTorch's one-tensor unary nodes show it as `_saved_result` or `_saved_self`.
        return try record(name, [x], out, save: savesOutput ? [] : [x], saveOutput: savesOutput,
                          attributes: [(savesOutput ? "result" : "self", .tensor(0))] + extra) { ctx in
            var g = try handleRToC(mx.dtype, try formula(ctx.grad, try ctx.saved(0)))
            if g.dtype != mx.dtype { g = try to(g, mx.dtype) }
            return [g]
        }
    }

    public static func exp(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.exp()
        guard isRecording(x) else { return out }
        return try unaryOp("ExpBackward0", x, out, savesOutput: true) { g, y in try mul(g, try conjugated(y)) }
    }

    public static func log(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.log()
        guard isRecording(x) else { return out }
        return try unaryOp("LogBackward0", x, out) { g, x in try div(g, try conjugated(x)) }
    }

    public static func sqrt(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.sqrt()
        guard isRecording(x) else { return out }
        return try unaryOp("SqrtBackward0", x, out, savesOutput: true) { g, y in try div(g, try mulScalarOverload(try conjugated(y), .int(2))) }
    }

    public static func rsqrt(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.rsqrt)
        guard isRecording(x) else { return out }
        return try unaryOp("RsqrtBackward0", x, out, savesOutput: true) { g, y in
            // -0.5 * grad * result.pow(3).conj()
            try mul(try mulScalarOverload(g, .float(-0.5)), try conjugated(try pow(y, .int(3))))
        }
    }

    public static func abs(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.abs()
        guard isRecording(x) else { return out }
        return try unaryOp("AbsBackward0", x, out) { g, x in try mul(g, try sgn(x)) }
    }

    public static func sign(_ x: Tensor) throws(TensorError) -> Tensor {
        try zeroGradient("SignBackward0", x, try x.sign())
    }

    public static func sin(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.sin)
        guard isRecording(x) else { return out }
        return try unaryOp("SinBackward0", x, out) { g, x in try mul(g, try conjugated(try cos(x))) }
    }

    public static func cos(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.cos)
        guard isRecording(x) else { return out }
        return try unaryOp("CosBackward0", x, out) { g, x in try mul(g, try conjugated(try neg(try sin(x)))) }
    }

    public static func tan(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.tan)
        guard isRecording(x) else { return out }
        return try unaryOp("TanBackward0", x, out, savesOutput: true) { g, y in
            // grad * (1 + result.pow(2)).conj()
            try mul(g, try conjugated(try addScalarOverload(try pow(y, .int(2)), .int(1))))
        }
    }

    public static func tanh(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.tanh()
        guard isRecording(x) else { return out }
        return try unaryOp("TanhBackward0", x, out, savesOutput: true) { g, y in try ActivationGradient.tanh(g, y) }
    }

    public static func sigmoid(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.sigmoid()
        guard isRecording(x) else { return out }
        return try unaryOp("SigmoidBackward0", x, out, savesOutput: true) { g, y in try ActivationGradient.sigmoid(g, y) }
    }

    public static func relu(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.relu()
        guard isRecording(x) else { return out }
        return try unaryOp("ReluBackward0", x, out, savesOutput: true) { g, y in try thresholdBackward(g, y, .int(0)) }
    }

    public static func reciprocal(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.reciprocal()
        guard isRecording(x) else { return out }
        return try unaryOp("ReciprocalBackward0", x, out, savesOutput: true) { g, y in
            // -grad * (result * result).conj()
            try mul(try neg(g), try conjugated(try mul(y, y)))
        }
    }

    /// `square()` is `pow(2)` in PyTorch (PowBackward0).
    public static func square(_ x: Tensor) throws(TensorError) -> Tensor {
        try pow(x, .int(2))
    }

    public static func log1p(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.log1p)
        guard isRecording(x) else { return out }
        return try unaryOp("Log1PBackward0", x, out) { g, x in try div(g, try addScalarOverload(x, .int(1))) }
    }

    public static func expm1(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.expm1)
        guard isRecording(x) else { return out }
        return try unaryOp("Expm1Backward0", x, out, savesOutput: true) { g, y in
            // grad * (result.conj() + 1)
            try mul(g, try addScalarOverload(try conjugated(y), .int(1)))
        }
    }

    public static func log2(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.log2)
        guard isRecording(x) else { return out }
        return try unaryOp("Log2Backward0", x, out) { g, x in
            // grad / (self.conj() * 0.6931471805599453)
            try div(g, try mulScalarOverload(try conjugated(x), .float(RealMath.log(2))))
        }
    }

    public static func log10(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.log10)
        guard isRecording(x) else { return out }
        return try unaryOp("Log10Backward0", x, out) { g, x in
            // grad / (self.conj() * 2.3025850929940456)
            try div(g, try mulScalarOverload(try conjugated(x), .float(RealMath.log(10))))
        }
    }

    public static func exp2(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.exp2)
        guard isRecording(x) else { return out }
        return try unaryOp("Exp2Backward0", x, out, savesOutput: true) { g, y in
            // grad * result.conj() * M_LN2
            try mulScalarOverload(try mul(g, try conjugated(y)), .float(RealMath.log(2)))
        }
    }

    public static func asin(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.asin)
        guard isRecording(x) else { return out }
        return try unaryOp("AsinBackward0", x, out) { g, x in
            // grad * (-self * self + 1).rsqrt().conj()
            try mul(g, try conjugated(try rsqrt(try addScalarOverload(try mul(try neg(x), x), .int(1)))))
        }
    }

    public static func acos(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.acos)
        guard isRecording(x) else { return out }
        return try unaryOp("AcosBackward0", x, out) { g, x in
            // grad * -((-self * self + 1).rsqrt()).conj()
            try mul(g, try conjugated(try neg(try rsqrt(try addScalarOverload(try mul(try neg(x), x), .int(1))))))
        }
    }

    public static func atan(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.atan)
        guard isRecording(x) else { return out }
        return try unaryOp("AtanBackward0", x, out) { g, x in
            // grad / (self * self + 1).conj()
            try div(g, try conjugated(try addScalarOverload(try mul(x, x), .int(1))))
        }
    }

    public static func sinh(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.sinh)
        guard isRecording(x) else { return out }
        return try unaryOp("SinhBackward0", x, out) { g, x in try mul(g, try conjugated(try cosh(x))) }
    }

    public static func cosh(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.cosh)
        guard isRecording(x) else { return out }
        return try unaryOp("CoshBackward0", x, out) { g, x in try mul(g, try conjugated(try sinh(x))) }
    }

    public static func erf(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.erf)
        guard isRecording(x) else { return out }
        return try unaryOp("ErfBackward0", x, out) { g, x in
            // 2.0 / sqrt(M_PI) * exp(-(self.pow(2))) * grad
            try mul(try mulScalarOverload(try exp(try neg(try pow(x, .int(2)))), .float(2 / RealMath.sqrt(RealMath.pi))), g)
        }
    }

    /// F.hardtanh's bounds are floats; relu6 (hardtanh(0, 6) in ATen's C++) shows ints.
    static func hardtanhAttributes(_ lo: Double, _ hi: Double) -> [(String, SavedAttribute)] {
        let relu6 = lo == 0 && hi == 6
        return [("max_val", .scalar(relu6 ? .int(6) : .float(hi))), ("min_val", .scalar(relu6 ? .int(0) : .float(lo)))]
    }

    /// A Double argument as the Python number PyTorch's default shows (`beta=1` is an int).
    static func pythonNumber(_ d: Double) -> Scalar {
        d.rounded() == d && Swift.abs(d) < 1e15 ? .int(Int64(d)) : .float(d)
    }

    /// Rounding ops: the gradient is zero everywhere.
    public static func floor(_ x: Tensor) throws(TensorError) -> Tensor { try zeroGradient("FloorBackward0", x, try x.unary(.floor)) }
    public static func ceil(_ x: Tensor) throws(TensorError) -> Tensor { try zeroGradient("CeilBackward0", x, try x.unary(.ceil)) }
    public static func trunc(_ x: Tensor) throws(TensorError) -> Tensor { try zeroGradient("TruncBackward0", x, try x.unary(.trunc)) }
    /// `round(x)` or, when `decimals` was given at all (0 included), ATen's `round.decimals`
    /// overload: RoundBackward1, and integer inputs refused by its kernels (round(x) of an
    /// integer tensor is a copy).
    public static func round(_ x: Tensor, decimals: Int = 0, decimalsGiven: Bool = false) throws(TensorError) -> Tensor {
        let overload = decimalsGiven || decimals != 0
        if overload && !x.dtype.isFloatingPoint && !x.dtype.isComplex {
            throw .notImplemented("\"\(decimals == 0 ? "round_vml_cpu" : "round_cpu")\" not implemented for '\(x.dtype.scalarTypeName)'")
        }
        return try zeroGradient(overload ? "RoundBackward1" : "RoundBackward0", x, try x.round(decimals: decimals))
    }

    public static func frac(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.frac)
        guard isRecording(x) else { return out }
        return record("FracBackward0", [x], out) { ctx in [ctx.grad] }
    }

    static func zeroGradient(_ name: String, _ x: Tensor, _ out: Tensor) throws(TensorError) -> Tensor {
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return record(name, [x], out) { ctx in [try Tensor.zeros(mx.sizes, dtype: mx.dtype, device: ctx.grad.device)] }
    }

    // MARK: activations

    public static func leakyRelu(_ x: Tensor, slope: Double = 0.01) throws(TensorError) -> Tensor {
        let out = try x.unary(.leakyRelu(slope: slope))
        guard isRecording(x) else { return out }
        return try unaryOp("LeakyReluBackward0", x, out, extra: [("negative_slope", .scalar(.float(slope)))]) { g, x in try leakyReluBackward(g, x, slope: slope) }
    }

    public static func silu(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.silu)
        guard isRecording(x) else { return out }
        return try unaryOp("SiluBackward0", x, out) { g, x in
            // PyTorch: silu_backward (the kernel) outside grad mode, the composite inside.
            if !GradMode.current.isEnabled, let exact = try Tensor.activationBackward(.silu, grad: g, input: x) { return exact }
            return try siluBackwardComposite(g, x)
        }
    }

    /// `gelu(x, approximate='none'|'tanh')`.
    public static func gelu(_ x: Tensor, approximateTanh: Bool = false) throws(TensorError) -> Tensor {
        let out = try x.unary(approximateTanh ? .geluTanh : .gelu)
        guard isRecording(x) else { return out }
        return try unaryOp("GeluBackward0", x, out, extra: [("approximate", .string(approximateTanh ? "tanh" : "none"))]) { g, x in try geluBackward(g, x, approximateTanh: approximateTanh) }
    }

    public static func softplus(_ x: Tensor, beta: Double = 1, threshold: Double = 20) throws(TensorError) -> Tensor {
        let out = try x.unary(.softplus(beta: beta, threshold: threshold))
        guard isRecording(x) else { return out }
        return try unaryOp("SoftplusBackward0", x, out, extra: [("beta", .scalar(pythonNumber(beta))), ("threshold", .scalar(pythonNumber(threshold)))]) { g, x in try softplusBackward(g, x, beta: beta, threshold: threshold) }
    }

    public static func elu(_ x: Tensor, alpha: Double = 1) throws(TensorError) -> Tensor {
        let out = try x.unary(.elu(alpha: alpha))
        guard isRecording(x) else { return out }
        return try unaryOp("EluBackward0", x, out, extra: [("alpha", .scalar(.float(alpha))), ("input_scale", .scalar(.int(1))), ("scale", .scalar(.int(1)))]) { g, x in
            try `where`(try x.gt(.int(0)), g, try mul(g, try mul(try exp(x), .float(alpha))))
        }
    }

    public static func hardtanh(_ x: Tensor, min lo: Double = -1, max hi: Double = 1) throws(TensorError) -> Tensor {
        let out = try x.unary(.hardtanh(min: lo, max: hi))
        guard isRecording(x) else { return out }
        return try unaryOp("HardtanhBackward0", x, out, extra: hardtanhAttributes(lo, hi)) { g, x in try hardtanhBackward(g, x, min: lo, max: hi) }
    }

    public static func logSigmoid(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.logSigmoid)
        guard isRecording(x) else { return out }
        return try unaryOp("LogSigmoidBackward0", x, out) { g, x in try logSigmoidBackward(g, x) }
    }

    // MARK: clamp

    /// `clamp(min, max)` with numbers: ClampBackward1 (also for only `min` or only `max`).
    public static func clamp(_ x: Tensor, min lo: Scalar?, max hi: Scalar?) throws(TensorError) -> Tensor {
        let out = try x.clamp(min: lo, max: hi)
        guard isRecording(x) else { return out }
        return try unaryOp("ClampBackward1", x, out, extra: [("max", hi.map { .scalar($0) } ?? .none), ("min", lo.map { .scalar($0) } ?? .none)]) { g, x in
            // PyTorch keeps the gradient where min <= x <= max (NaN inputs get zero).
            var inside: Tensor? = nil
            if let lo { inside = try x.ge(lo) }
            if let hi {
                let h = try x.le(hi)
                inside = try inside.map { t throws(TensorError) in try t.logicalAnd(h) } ?? h
            }
            // clamp_backward: where(inside, grad, 0), WhereBackward0 under create_graph.
            return try `where`(inside!, g, Scalar.int(0))
        }
    }

    /// `clamp(min=tensor, max=tensor)`: ClampBackward0.
    public static func clamp(_ x: Tensor, min lo: Tensor?, max hi: Tensor?) throws(TensorError) -> Tensor {
        let out = try x.clamp(min: lo, max: hi)
        guard isRecording([x, lo, hi]) else { return out }
        let mx = TensorMeta(x), mlo = lo.map(TensorMeta.init), mhi = hi.map(TensorMeta.init)
        return try record("ClampBackward0", [x, lo, hi], out, save: [x, lo, hi],
                          attributes: [("max", hi == nil ? .undefinedTensor : .tensor(2)), ("min", lo == nil ? .undefinedTensor : .tensor(1)),
                                       ("self", .tensor(0))]) { ctx in
            try clampGradients(ctx, try ctx.saved(0), lo == nil ? nil : try ctx.saved(1),
                               hi == nil ? nil : try ctx.saved(2), mx, mlo, mhi)
        }
    }

    /// `torch.clamp_min(x, v)`: ClampMinBackward0.
    public static func clampMin(_ x: Tensor, _ lo: Scalar) throws(TensorError) -> Tensor {
        let out = try x.clamp(min: lo, max: nil)
        guard isRecording(x) else { return out }
        return try unaryOp("ClampMinBackward0", x, out, extra: [("min", .scalar(lo))]) { g, x in try `where`(try x.ge(lo), g, Scalar.int(0)) }
    }

    public static func clampMax(_ x: Tensor, _ hi: Scalar) throws(TensorError) -> Tensor {
        let out = try x.clamp(min: nil, max: hi)
        guard isRecording(x) else { return out }
        return try unaryOp("ClampMaxBackward0", x, out, extra: [("max", .scalar(hi))]) { g, x in try `where`(try x.le(hi), g, Scalar.int(0)) }
    }
}
