#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `digamma` and `trigamma` (`polygamma(1, x)`) as ATen's CPU kernels compute them
/// (`calc_digamma` and `trigamma` in ATen/native/Math.h, Cephes-derived), in the tensor's
/// own precision. PyTorch's x86-64 build compiles these kernels for AVX2 with FMA, and GCC
/// contracts each `a * b + c` into one fused multiply-add, so the polynomial steps here
/// are fused too: that is what makes the last float digit agree.
public enum GammaFunctions {
    public static func digamma(_ x: Double) -> Double {
        if x == 0 { return x.sign == .minus ? .infinity : -.infinity }
        if x < 0 {
            if x == x.rounded(.towardZero) { return .nan }
            let r = x - x.rounded(.towardZero)
            return digamma(1 - x) - Double.pi / tan(Double.pi * r)
        }
        var x = x, result = 0.0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        if x == 10 { return result + 2.25175258906672110764 }
        let a: [Double] = [8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
                           -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
                           8.33333333333333333333E-2]
        var y = 0.0
        if x < 1.0e17 {
            let z = 1.0 / (x * x)
            var p = 0.0
            for c in a { p = c.addingProduct(p, z) }
            y = z * p
        }
        return result + log(x) - (0.5 / x) - y
    }

    public static func digamma(_ x: Float) -> Float {
        if x == 0 { return x.sign == .minus ? .infinity : -.infinity }
        if x < 0 {
            if x == x.rounded(.towardZero) { return .nan }
            let r = Double(x) - Double(x).rounded(.towardZero)
            let piOverTan = Float(Double.pi / tan(Double.pi * r))
            return digamma(1 - x) - piOverTan
        }
        var x = x
        var result: Float = 0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        if x == 10 { return result + Float(2.25175258906672110764) }
        let a: [Float] = [8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
                          -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
                          8.33333333333333333333E-2]
        var y: Float = 0
        if x < 1.0e17 {
            let z = 1 / (x * x)
            var p: Float = 0
            for c in a { p = c.addingProduct(p, z) }
            y = z * p
        }
        return result + logf(x) - (0.5 / x) - y
    }

    public static func trigamma(_ x: Double) -> Double {
        var x = x, sign = 1.0, result = 0.0
        if x < 0.5 {
            sign = -1
            let s = sin(Double.pi * x)
            result -= (Double.pi * Double.pi) / (s * s)
            x = 1 - x
        }
        for _ in 0..<6 {
            result += 1 / (x * x)
            x += 1
        }
        let ixx = 1 / (x * x)
        let inner = (1.0 / 6).addingProduct(-ixx, (1.0 / 30).addingProduct(-ixx, 1.0 / 42))
        result += (1 + 1 / (2 * x)).addingProduct(ixx, inner) / x
        return sign * result
    }

    public static func trigamma(_ x: Float) -> Float {
        var x = x
        var sign: Float = 1, result: Float = 0
        if x < 0.5 {
            sign = -1
            // c10::pi<float> is pi rounded to nearest; Swift's Float.pi is rounded down.
            let pi = Float(Double.pi)
            let s = sinf(pi * x)
            result -= (pi * pi) / (s * s)
            x = 1 - x
        }
        for _ in 0..<6 {
            result += 1 / (x * x)
            x += 1
        }
        let ixx = 1 / (x * x)
        let inner = (Float(1) / 6).addingProduct(-ixx, (Float(1) / 30).addingProduct(-ixx, Float(1) / 42))
        result += (1 + 1 / (2 * x)).addingProduct(ixx, inner) / x
        return sign * result
    }
}

extension Tensor {
    /// `torch.digamma` (float32 and float64; integer inputs become the default float dtype).
    public func digammaValues() throws(TensorError) -> Tensor {
        try mapGamma(GammaFunctions.digamma, GammaFunctions.digamma, name: "digamma")
    }

    /// `torch.polygamma(1, x)`.
    public func trigammaValues() throws(TensorError) -> Tensor {
        try mapGamma(GammaFunctions.trigamma, GammaFunctions.trigamma, name: "polygamma")
    }

    private func mapGamma(_ single: (Float) -> Float, _ double: (Double) -> Double, name: String) throws(TensorError) -> Tensor {
        let outType: DType = dtype == .float64 ? .float64 : (dtype.isFloatingPoint ? dtype : .float32)
        let values = try elementsAsDouble()
        let mapped = outType == .float64 ? values.map(double) : values.map { Double(single(Float($0))) }
        return try Tensor(values: mapped, shape: sizes, dtype: outType, device: device)
    }
}
