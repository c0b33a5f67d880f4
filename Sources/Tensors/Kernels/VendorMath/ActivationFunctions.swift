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
