/// The raw random bits every NumPy distribution draws from (NumPy's `bitgen_t`): a stream of
/// 64-bit words, 32-bit words and doubles in [0, 1), each computed the way NumPy's bit
/// generator computes it, so that the distributions built on top give NumPy's numbers.
/// A class: generators are shared, mutable state (a `RandomState` and its bit generator).
public protocol BitGenerator: AnyObject {
    func nextUInt64() -> UInt64
    func nextUInt32() -> UInt32
    func nextDouble() -> Double
}

extension BitGenerator {
    /// NumPy's `next_float`: the top 24 of 32 bits, scaled to [0, 1).
    func nextFloat() -> Float {
        Float(nextUInt32() >> 8) * (1.0 / 16777216.0)
    }
}
