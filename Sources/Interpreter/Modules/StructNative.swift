/// `_struct_floats`: the IEEE 754 bits of the `e`, `f` and `d` codes of `struct` (the rest
/// of the module is Python, StructSource.swift). Half and single precision round to
/// nearest-even as CPython's `PyFloat_Pack2`/`PyFloat_Pack4` do, and a finite value too
/// large for the format raises CPython's OverflowError.
extension Interpreter {
    func buildStructFloats(_ m: PyModule) {
        /// `pack(x, size, little)`: the bytes of float `x` in 2, 4 or 8 bytes.
        m.addFunction("pack") { i, a in
            try a.check("pack", 3)
            let x = try i.doubleArgument(a[0])
            let size = try i.intArgument(a[1])
            let little = try i.truthy(a[2])
            let bits: UInt64
            switch size {
            case 2:
                let h = Float16(x)
                if h.isInfinite && x.isFinite { throw PyError(type: "OverflowError", message: "float too large to pack with e format") }
                bits = UInt64(h.bitPattern)
            case 4:
                let f = Float(x)
                if f.isInfinite && x.isFinite { throw PyError(type: "OverflowError", message: "float too large to pack with f format") }
                bits = UInt64(f.bitPattern)
            default:
                bits = x.bitPattern
            }
            var out = (0..<size).map { UInt8(truncatingIfNeeded: bits >> (8 * UInt64($0))) }
            if !little { out.reverse() }
            return i.makeBytes(out)
        }
        /// `unpack(data, little)`: the float whose 2, 4 or 8 bytes `data` holds.
        m.addFunction("unpack") { i, a in
            try a.check("unpack", 2)
            var bytes = try i.byteValues(a[0])
            if !(try i.truthy(a[1])) { bytes.reverse() }
            var bits: UInt64 = 0
            for (k, b) in bytes.enumerated() { bits |= UInt64(b) << (8 * UInt64(k)) }
            switch bytes.count {
            case 2: return .float(Double(Float16(bitPattern: UInt16(bits))))
            case 4: return .float(Double(Float(bitPattern: UInt32(bits))))
            default: return .float(Double(bitPattern: bits))
            }
        }
    }
}
