/// The 32-bit Mersenne Twister exactly as PyTorch's `at::mt19937` runs it: seeded with
/// `init_genrand(seed & 0xffffffff)`, state regenerated lazily when `left` reaches zero.
///
/// `left`/`next` are kept in PyTorch's form (not the textbook `mti`) because
/// `torch.get_rng_state()` exposes them byte for byte.
public struct MT19937: Sendable, Equatable {
    static let stateSize = 624
    static let shift = 397

    /// The seed as given (all 64 bits); only the low 32 seed the state.
    public internal(set) var seed: UInt64
    /// Draws left before the state is regenerated (1 right after seeding).
    public internal(set) var left: Int32
    /// Index of the next state word to temper.
    public internal(set) var next: UInt32
    /// The 624 state words.
    public internal(set) var state: [UInt32]

    public init(seed: UInt64 = 5489) {
        self.seed = seed
        var state = [UInt32](repeating: 0, count: Self.stateSize)
        state[0] = UInt32(truncatingIfNeeded: seed)
        for j in 1..<Self.stateSize {
            let previous = state[j - 1]
            state[j] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(j)
        }
        self.state = state
        left = 1
        next = 0
    }

    /// Restores a state read back from `torch.get_rng_state()`; the caller validates it.
    init(seed: UInt64, left: Int32, next: UInt32, state: [UInt32]) {
        precondition(state.count == Self.stateSize)
        self.seed = seed
        self.left = left
        self.next = next
        self.state = state
    }

    /// One tempered 32-bit draw.
    @inline(__always)
    public mutating func nextUInt32() -> UInt32 {
        left -= 1
        if left == 0 { regenerate() }
        var y = state[Int(next)]
        next += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    private mutating func regenerate() {
        left = Int32(Self.stateSize)
        next = 0
        let n = Self.stateSize, m = Self.shift
        state.withUnsafeMutableBufferPointer { s in
            @inline(__always) func twist(_ u: UInt32, _ v: UInt32) -> UInt32 {
                let mixed = (u & 0x8000_0000) | (v & 0x7fff_ffff)
                return (mixed >> 1) ^ ((v & 1) != 0 ? 0x9908_b0df : 0)
            }
            for i in 0..<(n - m) {
                s[i] = s[i + m] ^ twist(s[i], s[i + 1])
            }
            for i in (n - m)..<(n - 1) {
                s[i] = s[i + m - n] ^ twist(s[i], s[i + 1])
            }
            s[n - 1] = s[m - 1] ^ twist(s[n - 1], s[0])
        }
    }
}
