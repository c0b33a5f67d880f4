#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Distributions shared by `RandomState` and `Generator` that draw only uniforms
/// (distributions.c: `random_laplace`, `random_logistic`, `random_geometric`).
extension BitGenerator {
    /// U >= 0.5: loc - scale*log(2 - 2U); 0 < U < 0.5: loc + scale*log(2U); U == 0 redrawn.
    public func laplace(loc: Double, scale: Double) -> Double {
        while true {
            let u = nextDouble()
            if u >= 0.5 { return loc - scale * log(2.0 - u - u) }
            if u > 0.0 { return loc + scale * log(u + u) }
        }
    }

    public func logistic(loc: Double, scale: Double) -> Double {
        while true {
            let u = nextDouble()
            if u > 0.0 { return loc + scale * log(u / (1.0 - u)) }
        }
    }

    /// `Generator.geometric`: the search for p >= 1/3, else inversion of an exponential
    /// ziggurat draw, ceil(-E / log1p(-p)) (saturating at INT64_MAX).
    public func geometricGenerator(_ p: Double) -> Int64 {
        if p >= 0.333333333333333333333333 { return geometric(p) }
        let z = ceil(-standardExponentialZiggurat() / log1p(-p))
        if z >= 9.223372036854776e18 { return Int64.max }
        return cInt64(z)
    }

    /// The legacy geometric: the search for p >= 1/3, inversion of a uniform below.
    public func geometric(_ p: Double) -> Int64 {
        if p >= 0.333333333333333333333333 {
            var x: Int64 = 1
            var sum = p, product = p
            let q = 1.0 - p
            let u = nextDouble()
            while u > sum {
                product *= q
                sum += product
                x += 1
            }
            return x
        }
        return cInt64(ceil(log(1.0 - nextDouble()) / log(1.0 - p)))
    }
}

extension RandomState {
    public func lognormal(mean: Double, sigma: Double) -> Double { exp(mean + sigma * gauss()) }
    public func chisquare(_ df: Double) -> Double { 2.0 * standardGamma(df / 2.0) }
    public func standardT(_ df: Double) -> Double {
        let num = gauss()
        let denom = standardGamma(df / 2)
        return (df / 2).squareRoot() * num / denom.squareRoot()
    }
    public func standardCauchy() -> Double { gauss() / gauss() }
}

extension RandomGenerator {
    public func lognormal(mean: Double, sigma: Double) -> Double { exp(mean + sigma * bits.standardNormalZiggurat()) }
    public func chisquare(_ df: Double) -> Double { 2.0 * bits.standardGamma(df / 2.0) }
    public func standardT(_ df: Double) -> Double {
        let num = bits.standardNormalZiggurat()
        let denom = bits.standardGamma(df / 2)
        return (df / 2).squareRoot() * num / denom.squareRoot()
    }
    public func standardCauchy() -> Double { bits.standardNormalZiggurat() / bits.standardNormalZiggurat() }
}
