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
}

import Tensors

extension Tensor {
    /// Logical not of a bool mask (named apart from any Tensors-layer API).
    func negatedMask() throws(TensorError) -> Tensor { try unary(.logicalNot) }
}
