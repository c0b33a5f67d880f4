#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The scalar samplers behind `cauchy_`, `log_normal_`, `geometric_`, `torch._standard_gamma`,
/// `torch.poisson` and `torch.binomial`, drawing from the generator in the order PyTorch's
/// CPU kernels do (ATen's `DistributionsHelper.h` and `native/Distributions.h`), so a seeded
/// lesson prints PyTorch's values.
extension CPUGenerator {
    /// `cauchy_distribution<double>`: `median + sigma * tan(pi * (u - 0.5))`, the multiply-add
    /// fused as the compiler contracts it in ATen's AVX2/AVX-512 kernel builds.
    public func cauchy(median: Double, sigma: Double) -> Double {
        median.addingProduct(sigma, tan(Double.pi * (uniformDouble() - 0.5)))
    }

    /// `lognormal_distribution<double>`: `exp` of one (possibly cached) double normal.
    public func logNormal(mean: Double, std: Double) -> Double {
        exp(normalSample(mean: mean, std: std))
    }

    /// `geometric_distribution<double>`: `ceil(log(u) / log1p(-p))`.
    public func geometric(_ p: Double) -> Double {
        ceil(log(uniformDouble()) / log1p(-p))
    }

    /// `sample_gamma<scalar_t, double>` (Marsaglia and Tsang, with the `alpha < 1` boost).
    /// `alpha` is kept in the tensor's own precision where PyTorch keeps it in `scalar_t`:
    /// `single` says the tensor is float32, so `alpha + 1` and `alpha - 1/3` round to float.
    public func standardGamma(_ alpha: Double, single: Bool) -> Double {
        var alpha = alpha
        var scale = 1.0
        let third = Double(Float(1) / Float(3))
        if alpha < 1 {
            if alpha == 0 { return 0 }
            let exponent = single ? Double(Float(1) / Float(alpha)) : 1 / alpha
            scale *= pow(1 - uniformDouble(), exponent)
            alpha = single ? Double(Float(alpha) + 1) : alpha + 1
        }
        let d = single ? Double(Float(alpha) - Float(1) / Float(3)) : alpha - third
        let c = 1 / (9 * d).squareRoot()
        let squeeze = Double(Float(0.0331))
        while true {
            var x = 0.0, y = 0.0
            repeat {
                x = normalSample()
                y = 1 + c * x
            } while y <= 0
            let v = y * y * y
            let u = 1 - uniformDouble()
            let xx = x * x
            if u < 1 - squeeze * xx * xx { return scale * d * v }
            if log(u) < 0.5 * xx + d * (1 - v + log(v)) { return scale * d * v }
        }
    }

    /// `sample_poisson`: transformed rejection (Hörmann 1993) for `lambda >= 10`, products of
    /// uniforms below.
    public func poisson(_ lambda: Double) -> Double {
        if lambda >= 10 {
            let slam = lambda.squareRoot(), loglam = log(lambda)
            let b = 0.931 + 2.53 * slam
            let a = -0.059 + 0.02483 * b
            let invalpha = 1.1239 + 1.1328 / (b - 3.4)
            let vr = 0.9277 - 3.6224 / (b - 2)
            while true {
                let u = uniformDouble() - 0.5
                let v = uniformDouble()
                let us = 0.5 - abs(u)
                let k = floor((2 * a / us + b) * u + lambda + 0.43)
                if us >= 0.07 && v <= vr { return k }
                if k < 0 || (us < 0.013 && v > us) { continue }
                if log(v) + log(invalpha) - log(a / (us * us) + b) <= -lambda + k * loglam - lgamma(k + 1) { return k }
            }
        }
        if lambda == 0 { return 0 }
        let enlam = exp(-lambda)
        var count = 0.0, product = 1.0
        while true {
            product *= uniformDouble()
            if product > enlam { count += 1 } else { return count }
        }
    }

    /// `sample_binomial<scalar_t, double>`: inversion by geometric jumps when `n·p < 10`,
    /// BTRS otherwise; `p > 0.5` samples the failures. `single` keeps the `scalar_t`
    /// (float) steps of a float32 tensor in float.
    public func binomial(count: Double, prob: Double, single: Bool) -> Double {
        let r: (Double) -> Double = single ? { Double(Float($0)) } : { $0 }
        if count <= 0 || prob <= 0 { return 0 }
        if prob >= 1 { return count }
        if prob <= 0.5 {
            return r(count * prob) >= 10 ? btrs(count, prob, r) : inversion(count, prob, single)
        }
        if prob > 0.5 {
            let q = r(1 - prob)
            return r(count * q) >= 10 ? r(count - btrs(count, q, r)) : r(count - inversion(count, q, single))
        }
        return .nan
    }

    private func inversion(_ count: Double, _ prob: Double, _ single: Bool) -> Double {
        let logprob = single ? Double(log1p(-Float(prob))) : log1p(-prob)
        var geomSum = 0.0, geoms = 0.0
        while true {
            geomSum += ceil(log(uniformDouble()) / logprob)
            if geomSum > count { return geoms }
            geoms += 1
        }
    }

    private func btrs(_ count: Double, _ prob: Double, _ r: (Double) -> Double) -> Double {
        let stddev = r(r(r(count * prob) * r(1 - prob)).squareRoot())
        let b = 1.15 + 2.53 * stddev
        let a = -0.0873 + 0.0248 * b + 0.01 * prob
        let c = r(count * prob) + 0.5
        let vR = 0.92 - 4.2 / b
        let ratio = r(prob / r(1 - prob))
        let alpha = (2.83 + 5.1 / b) * stddev
        let m = floor(r((count + 1) * prob))
        while true {
            let u = uniformDouble() - 0.5
            var v = uniformDouble()
            let us = 0.5 - abs(u)
            let k = r(floor((2 * a / us + b) * u + c))
            if k < 0 || k > count { continue }
            if us >= 0.07 && v <= vR { return k }
            v = log(v * alpha / (a / (us * us) + b))
            let upper = (m + 0.5) * log((m + 1) / (ratio * (count - m + 1)))
                + r(count + 1) * log((count - m + 1) / r(count - k + 1))
                + (k + 0.5) * log(ratio * r(count - k + 1) / r(k + 1))
                + Self.stirlingTail(m) + Self.stirlingTail(count - m)
                - Self.stirlingTail(k) - Self.stirlingTail(r(count - k))
            if v <= upper { return k }
        }
    }

    /// `stirling_approx_tail`: tabulated below 10, the series beyond.
    private static func stirlingTail(_ k: Double) -> Double {
        let table = [0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509,
                     0.0166446911898211, 0.0138761288230707, 0.0118967099458917, 0.0104112652619720,
                     0.00925546218271273, 0.00833056343336287]
        if k < 10 { return table[Int(k)] }
        let kp1sq = (k + 1) * (k + 1)
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1)
    }
}
