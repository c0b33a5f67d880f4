#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Libm on plain doubles, for constants inside formulas (the op names shadow libm's).
enum RealMath {
    static func log(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.log(x)
        #else
        Darwin.log(x)
        #endif
    }
    static func sqrt(_ x: Double) -> Double { x.squareRoot() }
    static let pi = Double.pi

    /// ψ(x): reflection for negatives, recurrence up to 6, then the asymptotic series.
    static func digamma(_ x: Double) -> Double {
        if x.isNaN || x == -.infinity { return .nan }
        if x == 0 { return x.sign == .minus ? .infinity : -.infinity }
        if x < 0 {
            if x == x.rounded(.down) { return .nan }
            return digamma(1 - x) - pi / tanPi(x)
        }
        var v = x, acc = 0.0
        while v < 6 { acc -= 1 / v; v += 1 }
        let f = 1 / (v * v)
        let series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))))
        return acc + log(v) - 0.5 / v - series
    }

    static func tanPi(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.tan(pi * x)
        #else
        Darwin.tan(pi * x)
        #endif
    }
}

import Tensors

extension Tensor {
    /// Logical not of a bool mask (named apart from any Tensors-layer API).
    func negatedMask() throws(TensorError) -> Tensor { try unary(.logicalNot) }
}
