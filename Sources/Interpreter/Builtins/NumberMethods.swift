extension Interpreter {
    func installNumberMethods() {
        let i = types.int!, f = types.float!, b = types.bool!
        /// The int itself, as a plain int (bools become 0 or 1).
        func plain(_ s: PyValue) -> PyValue { if case .bool(let b) = s { return .int(b ? 1 : 0) }; return s }
        i.addProperty("real", get: { _, s in plain(s) })
        i.addProperty("imag", get: { _, _ in .int(0) })
        i.addProperty("numerator", get: { _, s in plain(s) })
        i.addProperty("denominator", get: { _, _ in .int(1) })
        i.addMethod("bit_length") { interp, s, _ in .int(interp.bigOperand(s)?.bitLength ?? 0) }
        i.addMethod("bit_count") { interp, s, _ in
            .int(interp.bigOperand(s)?.limbs.reduce(0) { $0 + $1.nonzeroBitCount } ?? 0)
        }
        i.addMethod("conjugate") { _, s, _ in plain(s) }
        i.addMethod("__index__") { _, s, _ in plain(s) }
        i.addMethod("__int__") { _, s, _ in plain(s) }
        i.addMethod("__abs__") { interp, s, _ in PyBigInt.make(interp.bigOperand(s)?.magnitude ?? BigInt(0)) }
        i.addMethod("__round__") { interp, s, a in
            guard a.count > 0, !a[0].isNone else { return plain(s) }
            let nd = try interp.intArgument(a[0])
            if nd >= 0 { return plain(s) }
            return roundedInteger(interp.bigOperand(s)!, ndigits: nd)
        }
        i.addMethod("__float__") { interp, s, _ in .float(try interp.bigToDouble(interp.bigOperand(s)!)) }
        i.addMethod("to_bytes") { interp, s, a in
            let b = try a.bind(Signature("to_bytes", ["length", "byteorder", "signed"], required: 0))
            let length = try b[0].map { try interp.intArgument($0) } ?? 1
            let order = try b[1].map { try interp.stringArgument($0, "to_bytes() argument 'byteorder'") } ?? "big"
            let signed = try b[2].map { try interp.truthy($0) } ?? false
            guard order == "big" || order == "little" else { throw PyError.valueError("byteorder must be either 'little' or 'big'") }
            if length < 0 { throw PyError.valueError("length argument must be non-negative") }
            let x = interp.bigOperand(s)!
            if x.negative && !signed { throw PyError.overflow("can't convert negative int to unsigned") }
            let limit = signed ? 8 * length - 1 : 8 * length
            let fits = x.negative ? BigInt.compare(-x - BigInt(1), BigInt(0)) >= 0 && (-x - BigInt(1)).bitLength <= limit : x.bitLength <= limit
            if !fits || (length == 0 && !x.isZero) { throw PyError.overflow("int too big to convert") }
            // The low `length` bytes of the two's complement.
            let wrapped = x.negative ? x + BigInt(1).shiftedLeft(8 * length) : x
            var bytes: [UInt8] = []
            for k in 0..<length {
                let limb = k / 4 < wrapped.limbs.count ? wrapped.limbs[k / 4] : 0
                bytes.append(UInt8(truncatingIfNeeded: limb >> (8 * UInt32(k % 4))))
            }
            if order == "big" { bytes.reverse() }
            return interp.makeBytes(bytes)
        }
        i.addClassMethod("from_bytes") { interp, _, a in
            let b = try a.bind(Signature("from_bytes", ["bytes", "byteorder", "signed"], required: 1))
            var bytes = try interp.byteValues(b[0]!)
            let order = try b[1].map { try interp.stringArgument($0, "from_bytes() argument 'byteorder'") } ?? "big"
            let signed = try b[2].map { try interp.truthy($0) } ?? false
            guard order == "big" || order == "little" else { throw PyError.valueError("byteorder must be either 'little' or 'big'") }
            if order == "big" { bytes.reverse() }
            var limbs = [UInt32](repeating: 0, count: (bytes.count + 3) / 4)
            for (k, byte) in bytes.enumerated() { limbs[k / 4] |= UInt32(byte) << (8 * UInt32(k % 4)) }
            var x = BigInt(negative: false, limbs: limbs)
            if signed, let last = bytes.last, last & 0x80 != 0 { x = x - BigInt(1).shiftedLeft(8 * bytes.count) }
            return PyBigInt.make(x)
        }
        i.addMethod("__hash__") { interp, s, _ in .int(try interp.hashValue(s)) }
        i.addMethod("__format__") { interp, s, a in .str(try interp.format(s, try interp.str(a[0]))) }
        f.addProperty("real", get: { _, s in s })
        f.addProperty("imag", get: { _, _ in .float(0) })
        f.addMethod("is_integer") { _, s, _ in
            guard case .float(let d) = s else { return .false }
            return .bool(d.isFinite && d == d.rounded())
        }
        f.addMethod("conjugate") { _, s, _ in s }
        f.addMethod("__int__") { interp, s, _ in try interp.intFromDouble(s.asDouble ?? 0) }
        f.addMethod("__float__") { _, s, _ in s }
        f.addMethod("__hash__") { interp, s, _ in .int(try interp.hashValue(s)) }
        f.addMethod("__format__") { interp, s, a in .str(try interp.format(s, try interp.str(a[0]))) }
        f.addMethod("as_integer_ratio") { _, s, _ in
            guard case .float(let d) = s else { throw PyError.typeError("descriptor 'as_integer_ratio' requires a 'float' object") }
            if d.isNaN { throw PyError.valueError("cannot convert NaN to integer ratio") }
            if !d.isFinite { throw PyError.overflow("cannot convert Infinity to integer ratio") }
            if d == 0 { return .tuple([.int(0), .int(1)]) }
            // d = m * 2**e exactly, with m an odd integer.
            var m = Int64(d.significandBitPattern | (d.isNormal ? (1 << 52) : 0))
            var e = Int(d.exponent) - 52
            if !d.isNormal { e = -1074 }
            while m & 1 == 0 { m >>= 1; e += 1 }
            if d < 0 { m = -m }
            if e >= 0 { return .tuple([PyBigInt.make(BigInt(Int(m)).shiftedLeft(e)), .int(1)]) }
            return .tuple([.int(Int(m)), PyBigInt.make(BigInt(1).shiftedLeft(-e))])
        }
        bindNumberExtras()
        installNumberDunders()
        installIteratorTypes()
        installRangeSliceMethods()
        b.addMethod("__repr__") { _, s, _ in .str(s.asInt == 1 ? "True" : "False") }
    }
}

/// `int.__round__` with negative `ndigits`: the nearest multiple of 10**-ndigits, ties to
/// the even multiple (CPython's `_PyLong_Round`), in big-int arithmetic so no size overflows.
func roundedInteger(_ x: BigInt, ndigits nd: Int) -> PyValue {
    let p = BigInt(10).power(-nd)
    let (q, r) = x.floorDivMod(p)
    let twice = BigInt.compare(r + r, p)
    let up = twice > 0 || (twice == 0 && (q.limbs.first ?? 0) & 1 == 1)
    return PyBigInt.make((up ? q + BigInt(1) : q) * p)
}
