/// `randint`, `random_` and `randperm` as PyTorch's CPU kernels draw them.
extension CPUGenerator {
    /// `uniform_int_from_to_distribution`: `low + draw % (high - low)`, where the draw is
    /// 64 bits once the range reaches 2^28 (PyTorch's bound for "visible modulo skew").
    @inline(__always)
    public func randomInteger(low: Int64, high: Int64) -> Int64 {
        precondition(low < high, "randint needs low < high")
        return randomInteger(range: UInt64(bitPattern: high &- low), base: low)
    }

    /// `uniform_int_from_to_distribution(range, base)` itself, for ranges `high - low` cannot
    /// hold (`random_(from, None)` on int64 spans `[from, 2^63 - 1]`).
    @inline(__always)
    public func randomInteger(range: UInt64, base: Int64) -> Int64 {
        let draw = range >= 1 << 28 ? random64() : UInt64(random())
        return Int64(bitPattern: draw % range &+ UInt64(bitPattern: base))
    }

    /// `torch.randint(low, high, (count,))`, element by element.
    public func randomIntegers(_ count: Int, low: Int64, high: Int64) -> [Int64] {
        (0..<count).map { _ in randomInteger(low: low, high: high) }
    }

    /// Which `uniform_int_distribution` a dtype uses for `random_()` with no bounds.
    public enum RandomBitsKind: Sendable {
        case bool, uint8, int8, int16, int32, int64, float16, bfloat16, float32, float64
    }

    /// `tensor.random_()`: `[0, 2^digits]` for floats, `[0, max]` for integers.
    public func randomBits(_ kind: RandomBitsKind) -> Int64 {
        switch kind {
        case .bool: return Int64(random() & 1)
        case .uint8: return Int64(random() % (1 << 8))
        case .int8: return Int64(random() % (1 << 7))
        case .int16: return Int64(random() % (1 << 15))
        case .int32: return Int64(random() % (1 << 31))
        case .int64: return Int64(random64() % (1 << 63))
        case .float16: return Int64(random() % ((1 << 11) + 1))
        case .bfloat16: return Int64(random() % ((1 << 8) + 1))
        case .float32: return Int64(random() % ((1 << 24) + 1))
        case .float64: return Int64(random64() % ((1 << 53) + 1))
        }
    }

    /// `torch.randperm(n)`: a Fisher–Yates shuffle of `0..<n`. Below `UInt32.max / 20` it
    /// swaps forward with 32-bit draws; above, PyTorch switches to the inside-out variant
    /// with 64-bit draws so the modulo stays unbiased.
    public func permutation(_ n: Int) -> [Int64] {
        precondition(n >= 0)
        if n < Int(UInt32.max / 20) {
            var result = (0..<Int64(n)).map { $0 }
            var i = 0
            while i < n - 1 {
                let z = Int(random()) % (n - i)
                result.swapAt(i, i + z)
                i += 1
            }
            return result
        }
        var result = [Int64](repeating: 0, count: n)
        for i in 0..<n {
            let z = Int(random64() % UInt64(i + 1))
            result[i] = result[z]
            result[z] = Int64(i)
        }
        return result
    }
}
