/// `torch.get_rng_state()` / `set_rng_state()`: PyTorch's `CPUGeneratorImplState`, a
/// 5056-byte little-endian struct (legacy THGenerator fields, then the float normal cache).
extension CPUGenerator {
    /// Size of the state tensor PyTorch 2.15 produces and accepts.
    public static let stateByteCount = 5056

    /// Why a byte string cannot be a generator state; the texts are PyTorch's.
    public enum StateError: Error, Equatable, CustomStringConvertible {
        case wrongSize(Int)
        case invalidMersenneTwisterState

        public var description: String {
            switch self {
            case .wrongSize(let size):
                "Expected a CPUGeneratorImplState of size \(CPUGenerator.stateByteCount) but found the input RNG state size to be \(size)"
            case .invalidMersenneTwisterState:
                "Invalid mt19937 state"
            }
        }
    }

    private enum Offset {
        static let seed = 0, left = 8, seeded = 12, next = 16, words = 24
        static let normalY = 24 + 624 * 8 + 8, normalIsValid = normalY + 16
        static let floatNormal = 5048, floatNormalIsValid = 5052
    }

    /// The state as `torch.get_rng_state()` returns it.
    public var state: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Self.stateByteCount)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { raw in
                for (i, byte) in raw.enumerated() { bytes[offset + i] = byte }
            }
        }
        put(engine.seed, at: Offset.seed)
        put(engine.left, at: Offset.left)
        put(Int32(1), at: Offset.seeded)
        put(UInt64(engine.next), at: Offset.next)
        for (i, word) in engine.state.enumerated() { put(UInt64(word), at: Offset.words + 8 * i) }
        if let cached = nextDoubleNormal {
            put(cached.bitPattern, at: Offset.normalY)
            put(Int32(1), at: Offset.normalIsValid)
        }
        if let cached = nextFloatNormal {
            put(cached.bitPattern, at: Offset.floatNormal)
            bytes[Offset.floatNormalIsValid] = 1
        }
        return bytes
    }

    /// `torch.set_rng_state(bytes)`.
    public func setState(_ bytes: [UInt8]) throws(StateError) {
        guard bytes.count == Self.stateByteCount else { throw .wrongSize(bytes.count) }
        func get<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
            var value: T = 0
            for i in 0..<MemoryLayout<T>.size { value |= T(truncatingIfNeeded: bytes[offset + i]) << (8 * i) }
            return value
        }
        let left = get(Int32.self, at: Offset.left)
        let seeded = get(Int32.self, at: Offset.seeded)
        let next = get(UInt64.self, at: Offset.next)
        guard seeded != 0, left > 0, left <= 624, next <= 624 else { throw .invalidMersenneTwisterState }
        let words = (0..<624).map { UInt32(truncatingIfNeeded: get(UInt64.self, at: Offset.words + 8 * $0)) }
        engine = MT19937(seed: get(UInt64.self, at: Offset.seed), left: left, next: UInt32(next), state: words)
        nextDoubleNormal = get(Int32.self, at: Offset.normalIsValid) != 0
            ? Double(bitPattern: get(UInt64.self, at: Offset.normalY)) : nil
        nextFloatNormal = bytes[Offset.floatNormalIsValid] != 0
            ? Float(bitPattern: get(UInt32.self, at: Offset.floatNormal)) : nil
    }
}
