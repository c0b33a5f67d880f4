import Tensors

/// One entry point for every kernel-level unary op, so the binding can route any
/// `UnaryOp` through autograd. Predicates and other non-differentiable ops never record.
extension Differentiable {
    public static func unary(_ x: Tensor, _ op: UnaryOp) throws(TensorError) -> Tensor {
        switch op {
        case .neg: return try neg(x)
        case .abs: return try abs(x)
        case .sign: return try sign(x)
        case .square: return try square(x)
        case .reciprocal: return try reciprocal(x)
        case .exp: return try exp(x)
        case .exp2: return try exp2(x)
        case .expm1: return try expm1(x)
        case .log: return try log(x)
        case .log2: return try log2(x)
        case .log10: return try log10(x)
        case .log1p: return try log1p(x)
        case .sqrt: return try sqrt(x)
        case .rsqrt: return try rsqrt(x)
        case .sin: return try sin(x)
        case .cos: return try cos(x)
        case .tan: return try tan(x)
        case .asin: return try asin(x)
        case .acos: return try acos(x)
        case .atan: return try atan(x)
        case .sinh: return try sinh(x)
        case .cosh: return try cosh(x)
        case .tanh: return try tanh(x)
        case .asinh: return try asinh(x)
        case .acosh: return try acosh(x)
        case .atanh: return try atanh(x)
        case .erf: return try erf(x)
        case .erfc: return try erfc(x)
        case .sigmoid: return try sigmoid(x)
        case .logSigmoid: return try logSigmoid(x)
        case .relu: return try relu(x)
        case .gelu: return try gelu(x)
        case .geluTanh: return try gelu(x, approximateTanh: true)
        case .silu: return try silu(x)
        case .mish: return try mish(x)
        case let .softplus(beta, threshold): return try softplus(x, beta: beta, threshold: threshold)
        case let .leakyRelu(slope): return try leakyRelu(x, slope: slope)
        case let .elu(alpha): return try elu(x, alpha: alpha)
        case let .hardtanh(lo, hi): return try hardtanh(x, min: lo, max: hi)
        case .floor: return try floor(x)
        case .ceil: return try ceil(x)
        case .round: return try round(x)
        case let .roundDecimals(d): return try round(x, decimals: d)
        case .trunc: return try trunc(x)
        case .frac: return try frac(x)
        case let .clamp(lo, hi): return try clamp(x, min: lo.map { .float($0) }, max: hi.map { .float($0) })
        case .nanToNum: return try nanToNum(x, op)
        case let .powScalar(e): return try pow(x, .float(e))
        case .lgamma: return try lgamma(x)
        case .logicalNot, .bitwiseNot, .isnan, .isinf, .isposinf, .isneginf, .isfinite, .signbit:
            return try x.unary(op)
        }
    }

    /// `sgn`: SgnBackward0 (zero gradient for real inputs, like `sign`).
    public static func sgn(_ x: Tensor) throws(TensorError) -> Tensor {
        if x.dtype.isComplex { return try complexSgn(x) }
        return try zeroGradient("SgnBackward0", x, try x.sign())
    }

    public static func asinh(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.asinh)
        guard isRecording(x) else { return out }
        return try unaryOp("AsinhBackward0", x, out) { g, x in
            // grad * (self.pow(2) + 1).rsqrt().conj()
            try mul(g, try conjugated(try rsqrt(try addScalarOverload(try pow(x, .int(2)), .int(1)))))
        }
    }

    public static func acosh(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.acosh)
        guard isRecording(x) else { return out }
        return try unaryOp("AcoshBackward0", x, out) { g, x in
            // complex: grad * ((self + 1).rsqrt() * (self - 1).rsqrt()).conj(); real: grad * (self * self - 1).rsqrt()
            if x.dtype.isComplex {
                let r = try mul(try rsqrt(try addScalarOverload(x, .int(1))), try rsqrt(try subScalarOverload(x, .int(1))))
                return try mul(g, try conjugated(r))
            }
            return try mul(g, try rsqrt(try subScalarOverload(try mul(x, x), .int(1))))
        }
    }

    public static func atanh(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.atanh)
        guard isRecording(x) else { return out }
        return try unaryOp("AtanhBackward0", x, out) { g, x in try div(g, try conjugated(try scalarMinus(.int(1), try pow(x, .int(2))))) }
    }

    public static func erfc(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.erfc)
        guard isRecording(x) else { return out }
        return try unaryOp("ErfcBackward0", x, out) { g, x in
            // -2.0 / sqrt(M_PI) * exp(-(self.pow(2))) * grad
            try mul(try mulScalarOverload(try exp(try neg(try pow(x, .int(2)))), .float(-2 / RealMath.sqrt(RealMath.pi))), g)
        }
    }

    public static func mish(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.mish)
        guard isRecording(x) else { return out }
        return try unaryOp("MishBackward0", x, out) { g, x in
            // PyTorch: mish_backward (the kernel) outside grad mode, the composite inside.
            if !GradMode.current.isEnabled, let exact = try Tensor.activationBackward(.mish, grad: g, input: x) { return exact }
            // infinitely_differentiable_mish_backward: softplus as input.exp().log1p(), and
            // `1.0 - t` as ATen's C++ writes it (SubBackward0).
            let s = try sigmoid(x)
            let tsp = try tanh(try log1p(try exp(x)))
            let d = try add(tsp, try mul(try mul(x, s), try scalarMinus(.float(1.0), try mul(tsp, tsp))))
            return try mul(g, d)
        }
    }

    /// `nan_to_num`: the gradient passes where the input was finite.
    static func nanToNum(_ x: Tensor, _ op: UnaryOp) throws(TensorError) -> Tensor {
        let out = try x.unary(op)
        guard isRecording(x) else { return out }
        return try unaryOp("NanToNumBackward0", x, out) { g, x in
            // derivatives.yaml: grad * at::isfinite(self)
            try mul(g, try x.unary(.isfinite))
        }
    }
}

extension Differentiable {
    /// `lgamma`: LgammaBackward0, whose gradient is `grad * digamma(self)`.
    public static func lgamma(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.unary(.lgamma)
        guard isRecording(x) else { return out }
        // grad * digamma(self): DigammaBackward0 under create_graph.
        return try unaryOp("LgammaBackward0", x, out) { g, x in try mul(g, try special(x, .digamma)) }
    }
}
