/// CPython's random number generator (MT19937 with `init_by_array` seeding), so
/// `random.seed(0); random.random()` gives 0.8444218515250481 as in CPython.
struct MersenneTwister {
    private var mt = [UInt32](repeating: 0, count: 624)
    private var index = 625
    var gaussNext: Double?

    init(seed: Int) { self.seed(seed) }

    private mutating func initGenrand(_ s: UInt32) {
        mt[0] = s
        for i in 1..<624 {
            mt[i] = 1812433253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    /// Seeds from an integer the way CPython does: its absolute value as 32-bit words.
    mutating func seed(_ n: Int) {
        var key: [UInt32] = []
        var m = n.magnitude
        if m == 0 { key = [0] }
        while m > 0 { key.append(UInt32(truncatingIfNeeded: m)); m >>= 32 }
        initByArray(key)
        gaussNext = nil
    }

    /// Seeds from an int's magnitude given as 32-bit words, least significant first.
    mutating func seed(key: [UInt32]) {
        initByArray(key.isEmpty ? [0] : key)
        gaussNext = nil
    }

    private mutating func initByArray(_ key: [UInt32]) {
        initGenrand(19650218)
        var i = 1, j = 0
        var k = max(624, key.count)
        while k > 0 {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1664525)) &+ key[j] &+ UInt32(j)
            i += 1; j += 1
            if i >= 624 { mt[0] = mt[623]; i = 1 }
            if j >= key.count { j = 0 }
            k -= 1
        }
        k = 623
        while k > 0 {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1566083941)) &- UInt32(i)
            i += 1
            if i >= 624 { mt[0] = mt[623]; i = 1 }
            k -= 1
        }
        mt[0] = 0x80000000
    }

    mutating func next32() -> UInt32 {
        if index >= 624 {
            for kk in 0..<624 {
                let y = (mt[kk] & 0x80000000) | (mt[(kk + 1) % 624] & 0x7fffffff)
                mt[kk] = mt[(kk + 397) % 624] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0)
            }
            index = 0
        }
        var y = mt[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        y ^= y >> 18
        return y
    }

    /// CPython's `getstate()` words: the 624 state words and the position.
    var stateWords: [Int] { mt.map { Int($0) } + [index] }

    /// `setstate()`: 624 words and a position (0...624).
    mutating func restore(words: [UInt32], position: Int) {
        mt = words
        index = position
    }

    /// `random.random()`: 53 random bits.
    mutating func random() -> Double {
        let a = Double(next32() >> 5), b = Double(next32() >> 6)
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `random.getrandbits(k)` for k <= 64.
    mutating func bits(_ k: Int) -> UInt64 {
        if k <= 32 { return UInt64(next32() >> (32 - UInt32(k))) }
        let lo = UInt64(next32())
        let hi = UInt64(next32() >> (64 - UInt32(k)))
        return (hi << 32) | lo
    }

    /// CPython's `_randbelow_with_getrandbits(n)`.
    mutating func below(_ n: Int) -> Int {
        if n <= 0 { return 0 }
        let k = Int.bitWidth - n.leadingZeroBitCount
        var r = Int(bits(k))
        while r >= n { r = Int(bits(k)) }
        return r
    }
}
