import Foundation

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
    @inline(__always) static func m_exp(_ x: Float) -> Float { Foundation.exp(x) }
    @inline(__always) static func m_exp2(_ x: Float) -> Float { Foundation.exp2(x) }
    @inline(__always) static func m_expm1(_ x: Float) -> Float { Foundation.expm1(x) }
    @inline(__always) static func m_log(_ x: Float) -> Float { Foundation.log(x) }
    @inline(__always) static func m_log2(_ x: Float) -> Float { Foundation.log2(x) }
    @inline(__always) static func m_log10(_ x: Float) -> Float { Foundation.log10(x) }
    @inline(__always) static func m_log1p(_ x: Float) -> Float { Foundation.log1p(x) }
    @inline(__always) static func m_sin(_ x: Float) -> Float { Foundation.sin(x) }
    @inline(__always) static func m_cos(_ x: Float) -> Float { Foundation.cos(x) }
    @inline(__always) static func m_tan(_ x: Float) -> Float { Foundation.tan(x) }
    @inline(__always) static func m_asin(_ x: Float) -> Float { Foundation.asin(x) }
    @inline(__always) static func m_acos(_ x: Float) -> Float { Foundation.acos(x) }
    @inline(__always) static func m_atan(_ x: Float) -> Float { Foundation.atan(x) }
    @inline(__always) static func m_sinh(_ x: Float) -> Float { Foundation.sinh(x) }
    @inline(__always) static func m_cosh(_ x: Float) -> Float { Foundation.cosh(x) }
    @inline(__always) static func m_tanh(_ x: Float) -> Float { Foundation.tanh(x) }
    @inline(__always) static func m_asinh(_ x: Float) -> Float { Foundation.asinh(x) }
    @inline(__always) static func m_acosh(_ x: Float) -> Float { Foundation.acosh(x) }
    @inline(__always) static func m_atanh(_ x: Float) -> Float { Foundation.atanh(x) }
    @inline(__always) static func m_erf(_ x: Float) -> Float { Foundation.erf(x) }
    @inline(__always) static func m_erfc(_ x: Float) -> Float { Foundation.erfc(x) }
    @inline(__always) static func m_lgamma(_ x: Float) -> Float { Foundation.lgammaf(x) }
    @inline(__always) static func m_pow(_ x: Float, _ y: Float) -> Float { Foundation.pow(x, y) }
    @inline(__always) static func m_atan2(_ y: Float, _ x: Float) -> Float { Foundation.atan2(y, x) }
    @inline(__always) static func m_fmod(_ x: Float, _ y: Float) -> Float { Foundation.fmod(x, y) }
    @inline(__always) static func m_hypot(_ x: Float, _ y: Float) -> Float { Foundation.hypot(x, y) }
    @inline(__always) static func m_nearbyint(_ x: Float) -> Float { Foundation.nearbyint(x) }
}

extension Double: RealElement {
    @inline(__always) static func m_exp(_ x: Double) -> Double { Foundation.exp(x) }
    @inline(__always) static func m_exp2(_ x: Double) -> Double { Foundation.exp2(x) }
    @inline(__always) static func m_expm1(_ x: Double) -> Double { Foundation.expm1(x) }
    @inline(__always) static func m_log(_ x: Double) -> Double { Foundation.log(x) }
    @inline(__always) static func m_log2(_ x: Double) -> Double { Foundation.log2(x) }
    @inline(__always) static func m_log10(_ x: Double) -> Double { Foundation.log10(x) }
    @inline(__always) static func m_log1p(_ x: Double) -> Double { Foundation.log1p(x) }
    @inline(__always) static func m_sin(_ x: Double) -> Double { Foundation.sin(x) }
    @inline(__always) static func m_cos(_ x: Double) -> Double { Foundation.cos(x) }
    @inline(__always) static func m_tan(_ x: Double) -> Double { Foundation.tan(x) }
    @inline(__always) static func m_asin(_ x: Double) -> Double { Foundation.asin(x) }
    @inline(__always) static func m_acos(_ x: Double) -> Double { Foundation.acos(x) }
    @inline(__always) static func m_atan(_ x: Double) -> Double { Foundation.atan(x) }
    @inline(__always) static func m_sinh(_ x: Double) -> Double { Foundation.sinh(x) }
    @inline(__always) static func m_cosh(_ x: Double) -> Double { Foundation.cosh(x) }
    @inline(__always) static func m_tanh(_ x: Double) -> Double { Foundation.tanh(x) }
    @inline(__always) static func m_asinh(_ x: Double) -> Double { Foundation.asinh(x) }
    @inline(__always) static func m_acosh(_ x: Double) -> Double { Foundation.acosh(x) }
    @inline(__always) static func m_atanh(_ x: Double) -> Double { Foundation.atanh(x) }
    @inline(__always) static func m_erf(_ x: Double) -> Double { Foundation.erf(x) }
    @inline(__always) static func m_erfc(_ x: Double) -> Double { Foundation.erfc(x) }
    @inline(__always) static func m_lgamma(_ x: Double) -> Double { Foundation.lgamma(x) }
    @inline(__always) static func m_pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
    @inline(__always) static func m_atan2(_ y: Double, _ x: Double) -> Double { Foundation.atan2(y, x) }
    @inline(__always) static func m_fmod(_ x: Double, _ y: Double) -> Double { Foundation.fmod(x, y) }
    @inline(__always) static func m_hypot(_ x: Double, _ y: Double) -> Double { Foundation.hypot(x, y) }
    @inline(__always) static func m_nearbyint(_ x: Double) -> Double { Foundation.nearbyint(x) }
}
