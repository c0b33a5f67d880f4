#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `_standard_gamma_grad`: the reparameterised gradient `-(∂/∂α cdf(x; α)) / pdf(x; α)` of a
/// standard Gamma sample `x` with respect to its concentration, as ATen computes it
/// (`standard_gamma_grad_one<scalar_t, double>` in native/Distributions.h: a series for
/// small `x`, Rice's saddle-point expansion for large `α`, a rational fit elsewhere). It is
/// compiled in ATen's baseline (non-FMA) unit, so no step here is fused. Float literals of
/// the C++ source (`0.8f`, `0.9f`, `1.1f`, `1.0e17f`) keep their float values.
public enum StandardGammaGradient {
    public static func value(alpha: Double, x: Double) -> Double {
        if x < Double(Float(0.8)) {
            var numer = 1.0, denom = alpha
            var series1 = numer / denom
            var series2 = numer / (denom * denom)
            for i in 1...5 {
                numer *= -x / Double(i)
                denom += 1
                series1 += numer / denom
                series2 += numer / (denom * denom)
            }
            let powXAlpha = pow(x, alpha)
            let gammaPdf = pow(x, alpha - 1) * exp(-x)
            let gammaCdf = powXAlpha * series1
            let gammaCdfAlpha = (log(x) - digamma(alpha)) * gammaCdf - powXAlpha * series2
            let result = -gammaCdfAlpha / gammaPdf
            return result.isNaN ? 0 : result
        }
        if alpha > 8 {
            if Double(Float(0.9)) * alpha <= x && x <= Double(Float(1.1)) * alpha {
                let numer1 = 1 + 24 * alpha * (1 + 12 * alpha)
                let numer2 = 1440 * (alpha * alpha) + 6 * x * (53 - 120 * x) - 65 * x * x / alpha + alpha * (107 + 3600 * x)
                let denom = 1244160 * (alpha * alpha) * (alpha * alpha)
                return numer1 * numer2 / denom
            }
            let denom = (8 * alpha).squareRoot()
            let term2 = denom / (alpha - x)
            let term3 = pow(x - alpha - alpha * log(x / alpha), -1.5)
            let term23 = x < alpha ? term2 - term3 : term2 + term3
            let term1 = log(x / alpha) * term23 - (2 / alpha).squareRoot() * (alpha + x) / ((alpha - x) * (alpha - x))
            let stirling = 1 + 1 / (12 * alpha) * (1 + 1 / (24 * alpha))
            let numer = x * term1
            return -stirling * numer / denom
        }
        let u = log(x / alpha)
        let v = log(alpha)
        let coef: [[Double]] = [
            [0.16009398, -0.094634809, 0.025146376, -0.0030648343, 1, 0.32668115, 0.10406089, 0.0014179084],
            [0.53487893, 0.1298071, 0.065735949, -0.0015649758, 0.16639465, 0.020070113, -0.0035938915, -0.00058392623],
            [0.040121004, -0.0065914022, -0.0026286047, -0.0013441777, 0.017050642, -0.0021309326, 0.00085092367, -1.5247877e-07],
        ]
        var c = [Double](repeating: 0, count: 8)
        for i in 0..<8 { c[i] = coef[0][i] + u * (coef[1][i] + u * coef[2][i]) }
        let p = c[0] + v * (c[1] + v * (c[2] + v * c[3]))
        let q = c[4] + v * (c[5] + v * (c[6] + v * c[7]))
        return exp(p / q)
    }

    /// `digamma_one<double, double>` of native/Distributions.h (not `calc_digamma`: its own
    /// reflection and float literals).
    static func digamma(_ x: Double) -> Double {
        if x == 0 { return .infinity }
        var x = x, additional = 0.0
        if x < 0 {
            if x == x.rounded(.down) { return .infinity }
            additional = -Double.pi / tan(Double.pi * x)
            x = 1 - x
        }
        var result = 0.0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        if x == 10 { return result + 2.25175258906672110764 + additional }
        let a = [8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
                 -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
                 8.33333333333333333333E-2]
        var y = 0.0
        if x < Double(Float(1.0e17)) {
            let z = 1.0 / (x * x)
            var p = 0.0
            for c in a { p = p * z + c }
            y = z * p
        }
        return result + log(x) - (0.5 / x) - y + additional
    }
}

extension Tensor {
    /// `torch._standard_gamma_grad(alpha, sample)`, element by element.
    public static func standardGammaGrad(alpha: Tensor, sample: Tensor) throws(TensorError) -> Tensor {
        let a = try alpha.elementsAsDouble(), x = try sample.elementsAsDouble()
        let single = alpha.dtype == .float32
        let values = zip(a, x).map { pair -> Double in
            let g = StandardGammaGradient.value(alpha: single ? Double(Float(pair.0)) : pair.0, x: pair.1)
            return single ? Double(Float(g)) : g
        }
        return try Tensor(values: values, shape: alpha.sizes, dtype: alpha.dtype, device: alpha.device)
    }
}
