/// Brain floating point: the top 16 bits of a Float32. Stored as bits; arithmetic happens
/// in Float, and results round back to nearest-even as PyTorch's `c10::BFloat16` does.
public struct BFloat16: Sendable, Equatable {
    public var bits: UInt16

    @inline(__always) public init(bits: UInt16) { self.bits = bits }

    @inline(__always) public init(_ f: Float) {
        if f.isNaN {
            bits = 0x7FC0
        } else {
            let u = f.bitPattern
            let roundingBias: UInt32 = 0x7FFF + ((u >> 16) & 1)
            bits = UInt16(truncatingIfNeeded: (u &+ roundingBias) >> 16)
        }
    }

    @inline(__always) public var float: Float { Float(bitPattern: UInt32(bits) << 16) }
}
