/// NumPy's bounded integer fills (`random_bounded_uint{64,32,16,8}_fill`, `random_bounded_bool_fill`):
/// `count` values in [offset, offset + range], by masked rejection (legacy `randint`) or
/// Lemire's multiply-shift rejection (`Generator.integers`). 8- and 16-bit draws are cut from
/// one 32-bit word (low bits first), exactly as NumPy buffers them within one call.
public enum BoundedIntegers {
    /// The integer width a dtype draws with.
    public enum Width: Sendable { case bool, bits8, bits16, bits32, bits64 }

    /// The smallest all-ones mask covering `max`.
    static func mask(_ max: UInt64) -> UInt64 {
        var m = max
        m |= m >> 1; m |= m >> 2; m |= m >> 4; m |= m >> 8; m |= m >> 16; m |= m >> 32
        return m
    }

    /// Values as bit patterns of the dtype's width (offset + draw, wrapping at that width),
    /// zero-extended to 64 bits: callers reinterpret them as the dtype.
    public static func fill(_ bits: BitGenerator, offset: UInt64, range: UInt64, count: Int,
                            width: Width, masked: Bool) -> [UInt64] {
        var buffer = WordBuffer(bits: bits)
        return fill(&buffer, offset: offset, range: range, count: count, width: width, masked: masked)
    }

    /// The same with a caller-held buffer (array bounds draw element by element, sharing it).
    static func fill(_ buffer: inout WordBuffer, offset: UInt64, range: UInt64, count: Int,
                     width: Width, masked: Bool) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: count)
        switch width {
        case .bits64:
            for i in 0..<count { out[i] = offset &+ draw64(&buffer, range: range, masked: masked) }
        case .bits32:
            let r = UInt32(truncatingIfNeeded: range), off = UInt32(truncatingIfNeeded: offset)
            for i in 0..<count { out[i] = UInt64(off &+ draw32(&buffer, range: r, masked: masked)) }
        case .bits16:
            let r = UInt16(truncatingIfNeeded: range), off = UInt16(truncatingIfNeeded: offset)
            for i in 0..<count { out[i] = UInt64(off &+ draw16(&buffer, range: r, masked: masked)) }
        case .bits8:
            let r = UInt8(truncatingIfNeeded: range), off = UInt8(truncatingIfNeeded: offset)
            for i in 0..<count { out[i] = UInt64(off &+ draw8(&buffer, range: r, masked: masked)) }
        case .bool:
            for i in 0..<count {
                if range == 0 { out[i] = offset; continue }
                out[i] = UInt64(buffer.nextBit())
            }
        }
        return out
    }

    /// One 64-bit-range draw: 32-bit words when the range fits them.
    static func draw64(_ buffer: inout WordBuffer, range: UInt64, masked: Bool) -> UInt64 {
        let bits = buffer.bits
        if range == 0 { return 0 }
        if range <= 0xffff_ffff {
            return UInt64(draw32(&buffer, range: UInt32(range), masked: masked))
        }
        if range == UInt64.max { return bits.nextUInt64() }
        if masked {
            let m = mask(range)
            while true {
                let v = bits.nextUInt64() & m
                if v <= range { return v }
            }
        }
        let exclusive = range &+ 1
        var (high, low) = bits.nextUInt64().multipliedFullWidth(by: exclusive)
        if low < exclusive {
            let threshold = (UInt64.max &- range) % exclusive
            while low < threshold {
                (high, low) = bits.nextUInt64().multipliedFullWidth(by: exclusive)
            }
        }
        return high
    }

    static func draw32(_ buffer: inout WordBuffer, range: UInt32, masked: Bool) -> UInt32 {
        if range == 0 { return 0 }
        if range == UInt32.max { return buffer.bits.nextUInt32() }
        return draw32Unchecked(buffer.bits, range: range, masked: masked)
    }

    private static func draw32Unchecked(_ bits: BitGenerator, range: UInt32, masked: Bool) -> UInt32 {
        if masked {
            let m = UInt32(truncatingIfNeeded: mask(UInt64(range)))
            while true {
                let v = bits.nextUInt32() & m
                if v <= range { return v }
            }
        }
        let exclusive = range &+ 1
        var product = UInt64(bits.nextUInt32()) * UInt64(exclusive)
        var leftover = UInt32(truncatingIfNeeded: product)
        if leftover < exclusive {
            let threshold = (UInt32.max &- range) % exclusive
            while leftover < threshold {
                product = UInt64(bits.nextUInt32()) * UInt64(exclusive)
                leftover = UInt32(truncatingIfNeeded: product)
            }
        }
        return UInt32(truncatingIfNeeded: product >> 32)
    }

    static func draw16(_ buffer: inout WordBuffer, range: UInt16, masked: Bool) -> UInt16 {
        if range == 0 { return 0 }
        if range == UInt16.max { return buffer.next16() }
        if masked {
            let m = UInt16(truncatingIfNeeded: mask(UInt64(range)))
            while true {
                let v = buffer.next16() & m
                if v <= range { return v }
            }
        }
        let exclusive = range &+ 1
        var product = UInt32(buffer.next16()) * UInt32(exclusive)
        var leftover = UInt16(truncatingIfNeeded: product)
        if leftover < exclusive {
            let threshold = (UInt16.max &- range) % exclusive
            while leftover < threshold {
                product = UInt32(buffer.next16()) * UInt32(exclusive)
                leftover = UInt16(truncatingIfNeeded: product)
            }
        }
        return UInt16(truncatingIfNeeded: product >> 16)
    }

    static func draw8(_ buffer: inout WordBuffer, range: UInt8, masked: Bool) -> UInt8 {
        if range == 0 { return 0 }
        if range == UInt8.max { return buffer.next8() }
        if masked {
            let m = UInt8(truncatingIfNeeded: mask(UInt64(range)))
            while true {
                let v = buffer.next8() & m
                if v <= range { return v }
            }
        }
        let exclusive = range &+ 1
        var product = UInt16(buffer.next8()) * UInt16(exclusive)
        var leftover = UInt8(truncatingIfNeeded: product)
        if leftover < exclusive {
            let threshold = (UInt8.max &- range) % exclusive
            while leftover < threshold {
                product = UInt16(buffer.next8()) * UInt16(exclusive)
                leftover = UInt8(truncatingIfNeeded: product)
            }
        }
        return UInt8(truncatingIfNeeded: product >> 8)
    }

    /// NumPy's `buf`/`bcnt` pair: one 32-bit word handed out 8, 16 or 1 bits at a time.
    struct WordBuffer {
        let bits: BitGenerator
        var word: UInt32 = 0
        var remaining = 0

        init(bits: BitGenerator) { self.bits = bits }

        mutating func next16() -> UInt16 {
            if remaining == 0 { word = bits.nextUInt32(); remaining = 1 } else { word >>= 16; remaining -= 1 }
            return UInt16(truncatingIfNeeded: word)
        }

        mutating func next8() -> UInt8 {
            if remaining == 0 { word = bits.nextUInt32(); remaining = 3 } else { word >>= 8; remaining -= 1 }
            return UInt8(truncatingIfNeeded: word)
        }

        mutating func nextBit() -> UInt8 {
            if remaining == 0 { word = bits.nextUInt32(); remaining = 31 } else { word >>= 1; remaining -= 1 }
            return UInt8(word & 1)
        }
    }
}
