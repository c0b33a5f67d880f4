#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `math.gamma` and `math.lgamma` as CPython computes them. CPython does not call the C
/// library's `tgamma`/`lgamma`: it evaluates Lanczos' approximation (N = 13,
/// g = 6.024680040776729583740234375, the sum as a rational function) with its own error
/// correction and reflection, so glibc's functions differ from it in the last digit for
/// about half of all arguments. The same evaluation order over the same libm `exp`, `log`,
/// `pow`, `sin` and `cos` gives CPython's bits.
enum LanczosGamma {
    static let g = 6.024680040776729583740234375
    static let gMinusHalf = 5.524680040776729583740234375
    static let logPi = 1.144729885849400174143427351353058711647
    /// Numerator coefficients of the Lanczos sum, highest power last.
    static let numerator: [Double] = [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ]
    /// Denominator coefficients: x (x + 1) … (x + 11) expanded.
    static let denominator: [Double] = [
        0, 39916800, 120543840, 150917976, 105258076, 45995730,
        13339535, 2637558, 357423, 32670, 1925, 66, 1,
    ]

    /// The Lanczos sum for positive x: Horner in x below 5, in 1/x above (no overflow).
    static func sum(_ x: Double) -> Double {
        var num = 0.0, den = 0.0
        if x < 5 {
            for i in stride(from: numerator.count - 1, through: 0, by: -1) {
                num = num * x + numerator[i]
                den = den * x + denominator[i]
            }
        } else {
            for i in 0..<numerator.count {
                num = num / x + numerator[i]
                den = den / x + denominator[i]
            }
        }
        return num / den
    }

    /// sin(pi x) for finite x, reduced to a quarter period first so that integers give
    /// exact zeros.
    static func sinPi(_ x: Double) -> Double {
        let y = fmod(Swift.abs(x), 2.0)
        let r: Double
        switch Int((2.0 * y).rounded()) {
        case 0: r = sin(Double.pi * y)
        case 1: r = cos(Double.pi * (y - 0.5))
        case 2: r = sin(Double.pi * (1.0 - y))
        case 3: r = -cos(Double.pi * (y - 1.5))
        default: r = sin(Double.pi * (y - 2.0))
        }
        return copysign(1.0, x) * r
    }

    /// Γ(x) for finite, non-zero x that is not a negative integer (the caller raises).
    static func gamma(_ x: Double) -> Double {
        if x.isNaN || x == .infinity { return x }
        if x == x.rounded(.down), x > 0, x <= 23 {
            var f = 1.0
            var k = 2.0
            while k < x { f *= k; k += 1 }
            return f
        }
        let absx = Swift.abs(x)
        if absx < 1e-20 { return 1.0 / x }
        if absx > 200 { return x < 0 ? 0.0 / sinPi(x) : .infinity }
        let y = absx + gMinusHalf
        // The rounding error of y, scaled: a first-order correction of pow/exp below.
        var z: Double
        if absx > gMinusHalf {
            let q = y - absx
            z = q - gMinusHalf
        } else {
            let q = y - gMinusHalf
            z = q - absx
        }
        z = z * g / y
        var r: Double
        if x < 0 {
            r = -Double.pi / sinPi(absx) / absx * exp(y) / sum(absx)
            r -= z * r
            if absx < 140 {
                r /= pow(y, absx - 0.5)
            } else {
                let half = pow(y, absx / 2.0 - 0.25)
                r /= half
                r /= half
            }
        } else {
            r = sum(absx) / exp(y)
            r += z * r
            if absx < 140 {
                r *= pow(y, absx - 0.5)
            } else {
                let half = pow(y, absx / 2.0 - 0.25)
                r *= half
                r *= half
            }
        }
        return r
    }

    /// log|Γ(x)| for x that is not an integer ≤ 0 (the caller raises).
    static func logGamma(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x.isInfinite { return .infinity }
        if x == x.rounded(.down) && x <= 2 { return 0 }
        let absx = Swift.abs(x)
        if absx < 1e-20 { return -log(absx) }
        var r = log(sum(absx)) - g
        r += (absx - 0.5) * (log(absx + g - 0.5) - 1)
        if x < 0 { r = logPi - log(Swift.abs(sinPi(absx))) - log(absx) - r }
        return r
    }
}
