/// O'Neill's PCG64 (XSL-RR 128/64) as NumPy's default bit generator runs it
/// (numpy/random/src/pcg64): a 128-bit LCG stepped before each output, the high and low
/// halves xor-ed and rotated by the top six bits. 32-bit draws use the two halves of one
/// 64-bit draw, low half first (NumPy keeps the high half for the next call).
public final class PCG64: BitGenerator {
    /// The LCG multiplier 0x2360ED051FC65DA44385DF649FCCF645.
    private static let multiplierHigh: UInt64 = 0x2360_ED05_1FC6_5DA4
    private static let multiplierLow: UInt64 = 0x4385_DF64_9FCC_F645

    public internal(set) var stateHigh: UInt64 = 0, stateLow: UInt64 = 0
    public internal(set) var incrementHigh: UInt64 = 0, incrementLow: UInt64 = 0
    /// NumPy's `has_uint32` / `uinteger`: the saved high half of the last 64-bit draw.
    public internal(set) var bufferedUInt32: UInt32?

    /// `pcg64_set_seed`: state and stream from 128-bit `initState` and `initSequence`.
    public init(initState: (high: UInt64, low: UInt64), initSequence: (high: UInt64, low: UInt64)) {
        incrementHigh = initSequence.high << 1 | initSequence.low >> 63
        incrementLow = initSequence.low << 1 | 1
        step()
        let (low, carry) = stateLow.addingReportingOverflow(initState.low)
        stateLow = low
        stateHigh = stateHigh &+ initState.high &+ (carry ? 1 : 0)
        step()
    }

    /// `PCG64(seed)`: seeded through a `SeedSequence`, as `np.random.default_rng(seed)` does.
    public convenience init(seedSequence: SeedSequence) {
        let words = seedSequence.generateState64(count: 4)
        self.init(initState: (words[0], words[1]), initSequence: (words[2], words[3]))
    }

    /// `state = {...}`: restores a state read from `state`.
    public func setState(state: (high: UInt64, low: UInt64), increment: (high: UInt64, low: UInt64), buffered: UInt32?) {
        (stateHigh, stateLow) = state
        (incrementHigh, incrementLow) = increment
        bufferedUInt32 = buffered
    }

    /// state = state * multiplier + increment (mod 2**128).
    private func step() {
        let (high, low) = stateLow.multipliedFullWidth(by: Self.multiplierLow)
        let cross = stateHigh &* Self.multiplierLow &+ stateLow &* Self.multiplierHigh
        let (newLow, carry) = low.addingReportingOverflow(incrementLow)
        stateLow = newLow
        stateHigh = high &+ cross &+ incrementHigh &+ (carry ? 1 : 0)
    }

    public func nextUInt64() -> UInt64 {
        step()
        let value = stateHigh ^ stateLow
        let rotation = stateHigh >> 58
        return value >> rotation | value << ((64 &- rotation) & 63)
    }

    public func nextUInt32() -> UInt32 {
        if let saved = bufferedUInt32 {
            bufferedUInt32 = nil
            return saved
        }
        let next = nextUInt64()
        bufferedUInt32 = UInt32(truncatingIfNeeded: next >> 32)
        return UInt32(truncatingIfNeeded: next)
    }

    /// The top 53 bits over 2**53.
    public func nextDouble() -> Double {
        Double(nextUInt64() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }
}
