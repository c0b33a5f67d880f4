#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The libm functions kernels need, for Float and Double, so one generic kernel serves both.
protocol RealElement: BinaryFloatingPoint, TensorElement {
    static func m_exp(_ x: Self) -> Self
    static func m_exp2(_ x: Self) -> Self
    static func m_expm1(_ x: Self) -> Self
    static func m_log(_ x: Self) -> Self
    static func m_log2(_ x: Self) -> Self
    static func m_log10(_ x: Self) -> Self
    static func m_log1p(_ x: Self) -> Self
    static func m_sin(_ x: Self) -> Self
    static func m_cos(_ x: Self) -> Self
    static func m_tan(_ x: Self) -> Self
    static func m_asin(_ x: Self) -> Self
    static func m_acos(_ x: Self) -> Self
    static func m_atan(_ x: Self) -> Self
    static func m_sinh(_ x: Self) -> Self
    static func m_cosh(_ x: Self) -> Self
    static func m_tanh(_ x: Self) -> Self
    static func m_asinh(_ x: Self) -> Self
    static func m_acosh(_ x: Self) -> Self
    static func m_atanh(_ x: Self) -> Self
    static func m_erf(_ x: Self) -> Self
    static func m_erfc(_ x: Self) -> Self
    static func m_lgamma(_ x: Self) -> Self
    static func m_pow(_ x: Self, _ y: Self) -> Self
    static func m_atan2(_ y: Self, _ x: Self) -> Self
    static func m_fmod(_ x: Self, _ y: Self) -> Self
    static func m_hypot(_ x: Self, _ y: Self) -> Self
    static func m_nearbyint(_ x: Self) -> Self
}

extension Float: RealElement {
    @inline(__always) static func m_exp(_ x: Float) -> Float { exp(x) }
    @inline(__always) static func m_exp2(_ x: Float) -> Float { exp2(x) }
    @inline(__always) static func m_expm1(_ x: Float) -> Float { expm1(x) }
    @inline(__always) static func m_log(_ x: Float) -> Float { log(x) }
    @inline(__always) static func m_log2(_ x: Float) -> Float { log2(x) }
    @inline(__always) static func m_log10(_ x: Float) -> Float { log10(x) }
    @inline(__always) static func m_log1p(_ x: Float) -> Float { log1p(x) }
    @inline(__always) static func m_sin(_ x: Float) -> Float { sin(x) }
    @inline(__always) static func m_cos(_ x: Float) -> Float { cos(x) }
    @inline(__always) static func m_tan(_ x: Float) -> Float { tan(x) }
    @inline(__always) static func m_asin(_ x: Float) -> Float { asin(x) }
    @inline(__always) static func m_acos(_ x: Float) -> Float { acos(x) }
    @inline(__always) static func m_atan(_ x: Float) -> Float { atan(x) }
    @inline(__always) static func m_sinh(_ x: Float) -> Float { sinh(x) }
    @inline(__always) static func m_cosh(_ x: Float) -> Float { cosh(x) }
    @inline(__always) static func m_tanh(_ x: Float) -> Float { tanh(x) }
    @inline(__always) static func m_asinh(_ x: Float) -> Float { asinh(x) }
    @inline(__always) static func m_acosh(_ x: Float) -> Float { acosh(x) }
    @inline(__always) static func m_atanh(_ x: Float) -> Float { atanh(x) }
    @inline(__always) static func m_erf(_ x: Float) -> Float { erf(x) }
    @inline(__always) static func m_erfc(_ x: Float) -> Float { erfc(x) }
    @inline(__always) static func m_lgamma(_ x: Float) -> Float { lgammaf(x) }
    @inline(__always) static func m_pow(_ x: Float, _ y: Float) -> Float { pow(x, y) }
    @inline(__always) static func m_atan2(_ y: Float, _ x: Float) -> Float { atan2(y, x) }
    @inline(__always) static func m_fmod(_ x: Float, _ y: Float) -> Float { fmod(x, y) }
    @inline(__always) static func m_hypot(_ x: Float, _ y: Float) -> Float { hypot(x, y) }
    @inline(__always) static func m_nearbyint(_ x: Float) -> Float { nearbyint(x) }
}

extension Double: RealElement {
    @inline(__always) static func m_exp(_ x: Double) -> Double { exp(x) }
    @inline(__always) static func m_exp2(_ x: Double) -> Double { exp2(x) }
    @inline(__always) static func m_expm1(_ x: Double) -> Double { expm1(x) }
    @inline(__always) static func m_log(_ x: Double) -> Double { log(x) }
    @inline(__always) static func m_log2(_ x: Double) -> Double { log2(x) }
    @inline(__always) static func m_log10(_ x: Double) -> Double { log10(x) }
    @inline(__always) static func m_log1p(_ x: Double) -> Double { log1p(x) }
    @inline(__always) static func m_sin(_ x: Double) -> Double { sin(x) }
    @inline(__always) static func m_cos(_ x: Double) -> Double { cos(x) }
    @inline(__always) static func m_tan(_ x: Double) -> Double { tan(x) }
    @inline(__always) static func m_asin(_ x: Double) -> Double { asin(x) }
    @inline(__always) static func m_acos(_ x: Double) -> Double { acos(x) }
    @inline(__always) static func m_atan(_ x: Double) -> Double { atan(x) }
    @inline(__always) static func m_sinh(_ x: Double) -> Double { sinh(x) }
    @inline(__always) static func m_cosh(_ x: Double) -> Double { cosh(x) }
    @inline(__always) static func m_tanh(_ x: Double) -> Double { tanh(x) }
    @inline(__always) static func m_asinh(_ x: Double) -> Double { asinh(x) }
    @inline(__always) static func m_acosh(_ x: Double) -> Double { acosh(x) }
    @inline(__always) static func m_atanh(_ x: Double) -> Double { atanh(x) }
    @inline(__always) static func m_erf(_ x: Double) -> Double { erf(x) }
    @inline(__always) static func m_erfc(_ x: Double) -> Double { erfc(x) }
    @inline(__always) static func m_lgamma(_ x: Double) -> Double { lgamma(x) }
    @inline(__always) static func m_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
    @inline(__always) static func m_atan2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
    @inline(__always) static func m_fmod(_ x: Double, _ y: Double) -> Double { fmod(x, y) }
    @inline(__always) static func m_hypot(_ x: Double, _ y: Double) -> Double { hypot(x, y) }
    @inline(__always) static func m_nearbyint(_ x: Double) -> Double { nearbyint(x) }
}
