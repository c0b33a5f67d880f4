/// NumPy's `SeedSequence` (numpy/random/bit_generator.pyx, after O'Neill's `seed_seq_fe`):
/// the user's entropy (an int or a sequence of ints, as 32-bit words) is hashed into a pool
/// of four words, and any number of well-mixed state words is drawn from the pool.
public struct SeedSequence {
    static let poolSize = 4
    private static let initA: UInt32 = 0x43b0_d7e5
    private static let multA: UInt32 = 0x931e_8875
    private static let initB: UInt32 = 0x8b51_f9dd
    private static let multB: UInt32 = 0x58f3_8ded
    private static let mixMultL: UInt32 = 0xca01_f9dd
    private static let mixMultR: UInt32 = 0x4973_f715
    private static let xShift: UInt32 = 16

    /// The entropy as 32-bit words (least significant word of each integer first).
    public let entropyWords: [UInt32]
    public private(set) var pool: [UInt32]

    public init(entropyWords: [UInt32]) {
        self.entropyWords = entropyWords
        pool = [UInt32](repeating: 0, count: Self.poolSize)
        mixEntropy()
    }

    /// The words of one non-negative integer, as `_coerce_to_uint32_array` splits it
    /// (0 gives one zero word).
    public static func words(ofMagnitude magnitude: [UInt64]) -> [UInt32] {
        var words: [UInt32] = []
        for limb in magnitude {
            words.append(UInt32(truncatingIfNeeded: limb))
            words.append(UInt32(truncatingIfNeeded: limb >> 32))
        }
        while words.count > 1 && words.last == 0 { words.removeLast() }
        return words.isEmpty ? [0] : words
    }

    private static func hashMix(_ value: UInt32, _ hashConst: inout UInt32) -> UInt32 {
        var v = value ^ hashConst
        hashConst = hashConst &* multA
        v = v &* hashConst
        v ^= v >> xShift
        return v
    }

    private static func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
        var result = mixMultL &* x &- mixMultR &* y
        result ^= result >> xShift
        return result
    }

    private mutating func mixEntropy() {
        var hashConst = Self.initA
        let entropy = entropyWords
        for i in 0..<pool.count {
            pool[i] = Self.hashMix(i < entropy.count ? entropy[i] : 0, &hashConst)
        }
        for source in 0..<pool.count {
            for destination in 0..<pool.count where source != destination {
                pool[destination] = Self.mix(pool[destination], Self.hashMix(pool[source], &hashConst))
            }
        }
        if entropy.count > pool.count {
            for source in pool.count..<entropy.count {
                for destination in 0..<pool.count {
                    pool[destination] = Self.mix(pool[destination], Self.hashMix(entropy[source], &hashConst))
                }
            }
        }
    }

    /// `generate_state(count, np.uint32)`.
    public func generateState32(count: Int) -> [UInt32] {
        var hashConst = Self.initB
        var state = [UInt32](repeating: 0, count: count)
        for i in 0..<count {
            var value = pool[i % pool.count] ^ hashConst
            hashConst = hashConst &* Self.multB
            value = value &* hashConst
            value ^= value >> Self.xShift
            state[i] = value
        }
        return state
    }

    /// `generate_state(count, np.uint64)`: pairs of 32-bit words, low word first.
    public func generateState64(count: Int) -> [UInt64] {
        let words = generateState32(count: count * 2)
        return (0..<count).map { UInt64(words[2 * $0]) | UInt64(words[2 * $0 + 1]) << 32 }
    }
}
