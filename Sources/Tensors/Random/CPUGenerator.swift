/// PyTorch's CPU random generator (`at::CPUGeneratorImpl`): a Mersenne Twister plus the
/// cached second Box–Muller sample, so `torch.manual_seed(s)` gives PyTorch's numbers.
///
/// A class because `torch.Generator` objects are shared by reference; a session is
/// single-threaded, so it needs no lock.
public final class CPUGenerator {
    /// PyTorch's default seed for a generator nobody seeded.
    public static let defaultSeed: UInt64 = 67_280_421_310_721

    var engine: MT19937
    /// Second sample of the last scalar (double) Box–Muller draw, used by the next one.
    var nextDoubleNormal: Double?
    /// Float twin of `nextDoubleNormal`; PyTorch keeps it in its state though CPU kernels
    /// draw normals in double.
    var nextFloatNormal: Float?

    public init(seed: UInt64 = CPUGenerator.defaultSeed) {
        engine = MT19937(seed: seed)
    }

    /// `torch.manual_seed(seed)` / `Generator.manual_seed`: reseeds and forgets cached normals.
    public func manualSeed(_ seed: UInt64) {
        engine = MT19937(seed: seed)
        nextDoubleNormal = nil
        nextFloatNormal = nil
    }

    /// `initial_seed()`: the seed last given, all 64 bits.
    public var initialSeed: UInt64 { engine.seed }

    /// A copy with the same state (`Generator.clone_state`-like uses, and tests).
    public func copy() -> CPUGenerator {
        let twin = CPUGenerator()
        twin.engine = engine
        twin.nextDoubleNormal = nextDoubleNormal
        twin.nextFloatNormal = nextFloatNormal
        return twin
    }

    /// One 32-bit draw (`random()`).
    @inline(__always)
    public func random() -> UInt32 { engine.nextUInt32() }

    /// Two draws, the first in the high half (`random64()`).
    @inline(__always)
    public func random64() -> UInt64 {
        let high = UInt64(engine.nextUInt32())
        let low = UInt64(engine.nextUInt32())
        return high << 32 | low
    }
}
