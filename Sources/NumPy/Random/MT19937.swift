/// The Mersenne Twister as NumPy's `MT19937` bit generator and legacy `RandomState` run it
/// (numpy/random/src/mt19937): Matsumoto–Nishimura's generator with NumPy's seeding
/// (`init_genrand` for an integer seed, `init_by_array` for an array) and its 53-bit doubles.
public final class MT19937: BitGenerator {
    static let stateLength = 624
    private static let period = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff

    /// The 624 words of state and the index of the next word to temper.
    public internal(set) var key: [UInt32]
    public internal(set) var position: Int

    /// Seeded from one 32-bit integer (`np.random.seed(5)`).
    public init(seed: UInt32) {
        key = [UInt32](repeating: 0, count: Self.stateLength)
        position = Self.stateLength
        seedInteger(seed)
    }

    /// Seeded from an array of 32-bit words (`np.random.seed([1, 2, 3])`).
    public init(seedArray: [UInt32]) {
        key = [UInt32](repeating: 0, count: Self.stateLength)
        position = Self.stateLength
        seedArrayWords(seedArray)
    }

    /// `MT19937(seed)` (not the legacy seeding): 624 words from a `SeedSequence`, the first
    /// replaced by 0x80000000 so the state is never all zero. NumPy leaves the position at 623
    /// (its fill loop's last index), so the first draw tempers the last word before any twist.
    public init(seedSequence: SeedSequence) {
        key = seedSequence.generateState32(count: Self.stateLength)
        key[0] = 0x8000_0000
        position = Self.stateLength - 1
    }

    /// Knuth's linear-congruential fill of the state (`mt19937_seed`).
    func seedInteger(_ seed: UInt32) {
        var s = seed
        for pos in 0..<Self.stateLength {
            key[pos] = s
            s = 1_812_433_253 &* (s ^ (s >> 30)) &+ UInt32(truncatingIfNeeded: pos + 1)
        }
        position = Self.stateLength
    }

    /// `init_by_array`: the reference seeding from a key of any length.
    func seedArrayWords(_ initKey: [UInt32]) {
        seedInteger(19_650_218)
        let n = Self.stateLength
        var i = 1, j = 0
        var k = max(n, initKey.count)
        while k > 0 {
            let prev = key[i - 1]
            key[i] = (key[i] ^ ((prev ^ (prev >> 30)) &* 1_664_525)) &+ initKey[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1; j += 1
            if i >= n { key[0] = key[n - 1]; i = 1 }
            if j >= initKey.count { j = 0 }
            k -= 1
        }
        k = n - 1
        while k > 0 {
            let prev = key[i - 1]
            key[i] = (key[i] ^ ((prev ^ (prev >> 30)) &* 1_566_083_941)) &- UInt32(truncatingIfNeeded: i)
            i += 1
            if i >= n { key[0] = key[n - 1]; i = 1 }
            k -= 1
        }
        key[0] = 0x8000_0000
        position = n
    }

    /// Regenerates all 624 words (the "twist").
    private func generate() {
        let n = Self.stateLength, m = Self.period
        func mix(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt32 {
            let y = (a & Self.upperMask) | (b & Self.lowerMask)
            return c ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
        }
        for i in 0..<(n - m) { key[i] = mix(key[i], key[i + 1], key[i + m]) }
        for i in (n - m)..<(n - 1) { key[i] = mix(key[i], key[i + 1], key[i + m - n]) }
        key[n - 1] = mix(key[n - 1], key[0], key[m - 1])
        position = 0
    }

    public func nextUInt32() -> UInt32 {
        if position >= Self.stateLength { generate() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// Two words, the first one high.
    public func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        return high << 32 | UInt64(nextUInt32())
    }

    /// 27 + 26 bits of two words: `(a >> 5) * 2**26 + (b >> 6)` over 2**53.
    public func nextDouble() -> Double {
        let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }
}
