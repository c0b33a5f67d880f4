/// The activations and binary functions PyTorch's CPU kernels compute in `cpu_kernel_vec`
/// with SLEEF in the vector lanes and libm in the scalar tail (Activation.cpp, Gelu.h,
/// Elu.h, BinaryOpsKernel.cpp, PowKernel.cpp). GCC contracts `a + b·c` into one fused
/// multiply-add in both paths (the AVX2 build has FMA), so the formulas here do too where
/// PyTorch's results show it.

/// `gelu(x, approximate='tanh')`: 0.5·x·(1 + tanh(β·(x + κ·x³))), with x + κ·x³ fused.
struct GeluTanhFunction<T: RealElement>: VectorizedFunction {
    let tanh: (T) -> T
    @inline(__always) private func value(_ x: T, _ th: (T) -> T) -> T {
        let beta = T(1.41421356237309504880 * 1.12837916709551257390 * 0.5), kappa = T(0.044715)  // M_SQRT2·M_2_SQRTPI·0.5
        let cube = x * x * x
        let inner = beta * x.addingProduct(kappa, cube)
        return T(0.5) * x * (1 + th(inner))
    }
    @inline(__always) func lane(_ x: T) -> T { value(x, tanh) }
    @inline(__always) func tail(_ x: T) -> T { value(x, T.m_tanh) }
}

/// `gelu(x)` in PyTorch's own kernel (float64; float32 goes to oneDNN in PyTorch):
/// x·0.5·(1 + erf(x·√½)).
struct GeluErfFunction<T: RealElement>: VectorizedFunction {
    let erf: (T) -> T
    @inline(__always) func lane(_ x: T) -> T { x * T(0.5) * (1 + erf(x * T(0.70710678118654752440))) }
    @inline(__always) func tail(_ x: T) -> T { x * T(0.5) * (1 + T.m_erf(x * T(0.70710678118654752440))) }
}

/// `mish`: x·tanh(log1p(exp(x))).
struct MishFunction<T: RealElement>: VectorizedFunction {
    let exp: (T) -> T, log1p: (T) -> T, tanh: (T) -> T
    @inline(__always) func lane(_ x: T) -> T { x * tanh(log1p(exp(x))) }
    @inline(__always) func tail(_ x: T) -> T { x * T.m_tanh(T.m_log1p(T.m_exp(x))) }
}

/// `elu` (Elu.h): x ≥ 0 ? x : expm1(x)·alpha — SLEEF's expm1 in lanes, libm's in the tail,
/// whose test is x < 0 (the same elements but for NaN, which both keep).
struct ELUFunction<T: RealElement>: VectorizedFunction {
    let expm1: (T) -> T
    let alpha: T
    @inline(__always) func lane(_ x: T) -> T { x >= 0 ? x : expm1(x) * alpha }
    @inline(__always) func tail(_ x: T) -> T { x < 0 ? T.m_expm1(x) * alpha : x }
}

/// `atan2(a, b)`: SLEEF's u10 atan2 in lanes, libm's in the tail.
struct Atan2Function<T: RealElement>: VectorizedBinaryFunction {
    let atan2: (T, T) -> T
    @inline(__always) func lane(_ a: T, _ b: T) -> T { atan2(a, b) }
    @inline(__always) func tail(_ a: T, _ b: T) -> T { T.m_atan2(a, b) }
}

/// `pow(base, exponent)` with a tensor exponent (and `2 ** x`, whose base PyTorch wraps in
/// a scalar tensor): SLEEF's pow in lanes, `std::pow` in the element type in the tail.
struct PowTensorFunction<T: RealElement>: VectorizedBinaryFunction {
    let pow: (T, T) -> T
    @inline(__always) func lane(_ a: T, _ b: T) -> T { pow(a, b) }
    @inline(__always) func tail(_ a: T, _ b: T) -> T { T.m_pow(a, b) }
}

extension SLEEFLibrary {
    func atan2<T: RealElement>(_ t: T.Type) -> (T, T) -> T {
        if T.self == Float.self {
            let f = atan2f
            return { unsafeBitCast(f(unsafeBitCast($0, to: Float.self), unsafeBitCast($1, to: Float.self)), to: T.self) }
        }
        let d = atan2d
        return { unsafeBitCast(d(unsafeBitCast($0, to: Double.self), unsafeBitCast($1, to: Double.self)), to: T.self) }
    }
}

// MARK: backward (grad_output, input) kernels of Activation.cpp, as cpu_kernel_vec runs them

/// SiLU: dy·σ·(1 + x·(1 − σ)), the inner sum fused.
struct SiLUBackwardFunction<T: RealElement>: VectorizedBinaryFunction {
    let exp: (T) -> T
    @inline(__always) private func value(_ dy: T, _ x: T, _ e: (T) -> T) -> T {
        let s = 1 / (1 + e(-x))
        return dy * s * T(1).addingProduct(x, 1 - s)
    }
    @inline(__always) func lane(_ dy: T, _ x: T) -> T { value(dy, x, exp) }
    @inline(__always) func tail(_ dy: T, _ x: T) -> T { value(dy, x, T.m_exp) }
}

/// GELU (tanh): dy·(½(1 + t) + ½x·(1 − t²)·β(1 + 3κx²)) with 1 − t² and 1 + 3κx² fused.
struct GeluTanhBackwardFunction<T: RealElement>: VectorizedBinaryFunction {
    let tanh: (T) -> T
    @inline(__always) private func value(_ dy: T, _ x: T, _ th: (T) -> T) -> T {
        let beta = T(1.41421356237309504880 * 1.12837916709551257390 * 0.5), kappa = T(0.044715)
        let xSquared = x * x, cube = x * x * x
        let t = th(beta * x.addingProduct(kappa, cube))
        let left = T(0.5) * x, right = 1 + t
        let leftDerivative = T(0.5) * right
        let tanhDerivative = T(1).addingProduct(-t, t)
        let innerDerivative = beta * T(1).addingProduct(T(3) * kappa, xSquared)
        let rightDerivative = left * tanhDerivative * innerDerivative
        return dy * (leftDerivative + rightDerivative)
    }
    @inline(__always) func lane(_ dy: T, _ x: T) -> T { value(dy, x, tanh) }
    @inline(__always) func tail(_ dy: T, _ x: T) -> T { value(dy, x, T.m_tanh) }
}

/// GELU (erf, float64): dy·(Φ + x·φ), x·φ + Φ fused in the vector lanes.
struct GeluErfBackwardFunction<T: RealElement>: VectorizedBinaryFunction {
    let erf: (T) -> T, exp: (T) -> T
    @inline(__always) private func value(_ dy: T, _ x: T, _ er: (T) -> T, _ ex: (T) -> T, fused: Bool) -> T {
        let kBeta = T(1.12837916709551257390 * 0.70710678118654752440 * 0.5)
        let cdf = T(0.5) * (1 + er(x * T(0.70710678118654752440)))
        let pdf = kBeta * ex(x * x * T(-0.5))
        return dy * (fused ? cdf.addingProduct(x, pdf) : cdf + x * pdf)
    }
    @inline(__always) func lane(_ dy: T, _ x: T) -> T { value(dy, x, erf, exp, fused: true) }
    /// The scalar tail adds x·φ + Φ unfused (measured: 1 ulp apart from the fused sum on
    /// the tail element of a 40,033-element float64 gradient).
    @inline(__always) func tail(_ dy: T, _ x: T) -> T { value(dy, x, T.m_erf, T.m_exp, fused: false) }
}

/// float32 GELU backward as ATen's kernel computes it (an expanded, transposed or otherwise
/// non-contiguous input; a contiguous one goes to oneDNN): in vector lanes
/// `Vectorized<float>::erf` (ATen's polynomial) and SLEEF's exp, with `cdf + x·pdf` one
/// fused multiply-add (GCC contracts `cdf_vec + x_vec * pdf_vec` of the AVX2/AVX-512 build:
/// measured on a 2×1040 expanded input, the unfused sum differs in 250 of 2,080 lanes); in
/// the scalar tail glibc's erff and expf without fused multiply-adds.
struct GeluErfBackwardFloatFunction: VectorizedBinaryFunction {
    let exp: (Float) -> Float
    private var erfLanes: ATenGeluFloatFunction { ATenGeluFloatFunction(exp: exp) }
    private static let kBeta = Float(1.12837916709551257390 * 0.70710678118654752440 * 0.5)
    private static let kAlpha = Float(0.70710678118654752440)
    @inline(__always) func lane(_ dy: Float, _ x: Float) -> Float {
        let cdf = Float(0.5) * (1 + erfLanes.erf(x * Self.kAlpha))
        let pdf = Self.kBeta * exp(x * x * Float(-0.5))
        return dy * cdf.addingProduct(x, pdf)
    }
    @inline(__always) func tail(_ dy: Float, _ x: Float) -> Float {
        let cdf = Float(0.5) * (1 + Float.m_erf(x * Self.kAlpha))
        let pdf = Self.kBeta * Float.m_exp(x * x * Float(-0.5))
        return dy * (cdf + x * pdf)
    }
}

/// Mish: dy·(t + x·σ·(1 − t²)), t = tanh(softplus(x)); both sums fused.
struct MishBackwardFunction<T: RealElement>: VectorizedBinaryFunction {
    let exp: (T) -> T, log1p: (T) -> T, tanh: (T) -> T
    @inline(__always) private func value(_ dy: T, _ x: T, _ ex: (T) -> T, _ lp: (T) -> T, _ th: (T) -> T) -> T {
        let s = 1 / (1 + ex(-x))
        let t = th(lp(ex(x)))
        return dy * t.addingProduct(x * s, T(1).addingProduct(-t, t))
    }
    @inline(__always) func lane(_ dy: T, _ x: T) -> T { value(dy, x, exp, log1p, tanh) }
    @inline(__always) func tail(_ dy: T, _ x: T) -> T { value(dy, x, T.m_exp, T.m_log1p, T.m_tanh) }
}

/// Softplus: dy where x·β > threshold, else dy·z/(z + 1) with z = exp(x·β).
struct SoftplusBackwardFunction<T: RealElement>: VectorizedBinaryFunction {
    let exp: (T) -> T
    let beta: T, threshold: T
    @inline(__always) func lane(_ dy: T, _ x: T) -> T { let z = exp(x * beta); return x * beta > threshold ? dy : dy * z / (z + 1) }
    @inline(__always) func tail(_ dy: T, _ x: T) -> T { let z = T.m_exp(x * beta); return x * beta > threshold ? dy : dy * z / (z + 1) }
}

/// ELU (from the input): x ≤ 0 ? dy·inputScale·negcoef·exp(x·inputScale) : dy·scale.
struct ELUBackwardFunction<T: RealElement>: VectorizedBinaryFunction {
    let exp: (T) -> T
    let neg: T, pos: T, input: T
    @inline(__always) func lane(_ dy: T, _ x: T) -> T { x > 0 ? dy * pos : dy * input * neg * exp(x * input) }
    @inline(__always) func tail(_ dy: T, _ x: T) -> T { x <= 0 ? dy * input * neg * T.m_exp(x * input) : dy * pos }
}

/// LogSigmoid: (m − s·b/(1 + b))·dy with b = exp(−|x|) as the forward's buffer holds it
/// (SLEEF in every element), m, s = 1, 1 for x < 0 and 0, −1 otherwise.
struct LogSigmoidBackwardFunction<T: RealElement>: VectorizedBinaryFunction {
    let exp: (T) -> T
    @inline(__always) func lane(_ dy: T, _ x: T) -> T {
        let b = exp(-Swift.abs(x))
        let negative = x < 0
        let m: T = negative ? 1 : 0, s: T = negative ? 1 : -1
        return (m - s * (b / (1 + b))) * dy
    }
    @inline(__always) func tail(_ dy: T, _ x: T) -> T { lane(dy, x) }
}

/// The activations whose gradient has a kernel of its own in PyTorch.
public enum ActivationGradient: Sendable {
    case silu, gelu, geluTanh, mish, logSigmoid
    case softplus(beta: Double, threshold: Double)
    /// Coefficients as `Activation.eluCoefficients` rounds them.
    case elu(neg: Double, pos: Double, input: Double)
}

extension Tensor {
    /// grad_input of an activation as PyTorch's backward kernel computes it (SLEEF lanes,
    /// libm tail); nil without SLEEF, for other dtypes or shapes, and for float32 GELU
    /// (oneDNN's backward in PyTorch).
    public static func activationBackward(_ kind: ActivationGradient, grad: Tensor, input: Tensor) throws(TensorError) -> Tensor? {
        guard let sleef = SLEEFLibrary.shared, input.device == .cpu, grad.sizes == input.sizes, grad.dtype == input.dtype,
              input.dtype == .float32 || input.dtype == .float64 else { return nil }
        // TensorIterator walks grad and input where they lie: a row whose operands are not
        // all unit-stride (a transposed or sliced input) takes the scalar loop throughout.
        let out = try Tensor.iteratorOutput(input.sizes, dtype: input.dtype, device: .cpu, inputs: [grad, input])
        func run<T: RealElement>(_ t: T.Type) {
            let shape = out.sizes, o = Operand(out), a = Operand(grad), b = Operand(input)
            switch kind {
            case .silu: VectorizedLoops.map2(SiLUBackwardFunction<T>(exp: sleef.exp(T.self)), shape, o, a, b)
            case .geluTanh: VectorizedLoops.map2(GeluTanhBackwardFunction<T>(tanh: sleef.unary("tanh", T.self)), shape, o, a, b)
            case .gelu where T.self == Float.self && input.isContiguous && input.numel > 1:
                // gelu_backward_out_cpu hands a contiguous float32 input to oneDNN.
                VectorizedLoops.map2(OneDNNGeluBackwardFunction(), shape, o, a, b)
            case .gelu where T.self == Float.self:
                VectorizedLoops.map2(GeluErfBackwardFloatFunction(exp: sleef.exp(Float.self)), shape, o, a, b)
            case .gelu:
                VectorizedLoops.map2(GeluErfBackwardFunction<T>(erf: sleef.unary("erf", T.self), exp: sleef.exp(T.self)), shape, o, a, b)
            case .mish:
                VectorizedLoops.map2(MishBackwardFunction<T>(exp: sleef.exp(T.self), log1p: sleef.unary("log1p", T.self),
                                                             tanh: sleef.unary("tanh", T.self)), shape, o, a, b)
            case .logSigmoid: VectorizedLoops.map2(LogSigmoidBackwardFunction<T>(exp: sleef.exp(T.self)), shape, o, a, b)
            case let .softplus(beta, threshold):
                VectorizedLoops.map2(SoftplusBackwardFunction<T>(exp: sleef.exp(T.self), beta: T(beta), threshold: T(threshold)),
                                     shape, o, a, b)
            case let .elu(neg, pos, inputScale):
                VectorizedLoops.map2(ELUBackwardFunction<T>(exp: sleef.exp(T.self), neg: T(neg), pos: T(pos), input: T(inputScale)),
                                     shape, o, a, b)
            }
        }
        if input.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return out
    }
}
