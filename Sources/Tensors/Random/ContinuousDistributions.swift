#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `bernoulli` and `exponential_` as PyTorch's default CPU kernels draw them.
extension CPUGenerator {
    /// `bernoulli_distribution<float>`: a float uniform below `p` (float32/16 probabilities).
    @inline(__always)
    public func bernoulli(_ p: Float) -> Bool { uniformFloat() < p }

    /// `bernoulli_distribution<double>`: a double uniform below `p` (float64 probabilities
    /// and the scalar `bernoulli_(p)` of the default kernel).
    @inline(__always)
    public func bernoulli(_ p: Double) -> Bool { uniformDouble() < p }

    /// `exponential_distribution<double>`: `-1/λ · log1p(-u)` from a double uniform.
    @inline(__always)
    public func exponential(lambda: Double = 1) -> Double {
        -1.0 / lambda * log1p(-uniformDouble())
    }
}
