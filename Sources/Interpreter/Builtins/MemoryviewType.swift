/// A `memoryview`'s window on the bytes of a `bytes` or `bytearray` (shared
/// `ByteStorage`: writes through a view of a bytearray change the bytearray).
/// One-dimensional, as course code uses it: items of a native struct format at a byte
/// offset and a stride (slices with steps), `cast` between a byte format and others.
final class MemoryViewBuffer {
    let storage: ByteStorage
    let obj: PyValue
    let readonly: Bool
    var released = false
    let offset: Int
    /// Bytes from one item to the next (negative for reversed slices).
    let stride: Int
    let count: Int
    let format: String
    let itemsize: Int

    init(storage: ByteStorage, obj: PyValue, readonly: Bool, offset: Int, stride: Int, count: Int, format: String, itemsize: Int) {
        self.storage = storage; self.obj = obj; self.readonly = readonly
        self.offset = offset; self.stride = stride; self.count = count; self.format = format; self.itemsize = itemsize
    }

    /// The bytes of the items in order.
    var bytes: [UInt8] {
        if stride == itemsize { return Array(storage.bytes[offset..<offset + count * itemsize]) }
        var out: [UInt8] = []
        out.reserveCapacity(count * itemsize)
        for k in 0..<count { let p = offset + k * stride; out += storage.bytes[p..<p + itemsize] }
        return out
    }

    /// The item size of a native struct format CPython's memoryview accepts ('@' prefix allowed).
    static func itemSize(_ format: String) -> Int? {
        let f = format.hasPrefix("@") ? String(format.dropFirst()) : format
        switch f {
        case "B", "b", "c", "?": return 1
        case "h", "H", "e": return 2
        case "i", "I", "f": return 4
        case "l", "L", "q", "Q", "n", "N", "d", "P": return 8
        default: return nil
        }
    }
}

extension Interpreter {
    func installMemoryview() {
        let cls = makeClass("memoryview", module: "builtins")
        builtins[Name("memoryview")] = .object(cls)
        cls.setConstructor { i, c, a in
            let b = try a.bind(Signature("memoryview", ["object"], required: 1))
            let src = b[0]!
            if let m = src.payload(MemoryViewBuffer.self) {
                let v = try i.liveView(m)
                return i.makeInstance(c, payload: MemoryViewBuffer(storage: v.storage, obj: v.obj, readonly: v.readonly, offset: v.offset,
                                                                    stride: v.stride, count: v.count, format: v.format, itemsize: v.itemsize))
            }
            guard let s = src.payload(ByteStorage.self) else {
                throw PyError.typeError("memoryview: a bytes-like object is required, not '\(i.typeName(src))'")
            }
            let readonly = !i.isInstance(src, i.types.bytearray)
            return i.makeInstance(c, payload: MemoryViewBuffer(storage: s, obj: src, readonly: readonly, offset: 0, stride: 1,
                                                                count: s.bytes.count, format: "B", itemsize: 1))
        }
        cls.addMethod("__len__") { i, s, _ in .int(try i.view(s).count) }
        cls.addMethod("__repr__") { i, s, _ in
            let v = try i.viewObject(s)
            return .str(v.payload(MemoryViewBuffer.self)!.released ? "<released memory at \(i.address(s.asObject!))>" : "<memory at \(i.address(s.asObject!))>")
        }
        cls.addMethod("__getitem__") { i, s, a in
            let v = try i.view(s)
            if let sl = a[0].asSlice {
                let (start, stop, step) = try i.sliceIndices(sl, length: v.count)
                let n = step > 0 ? max(0, (stop - start + step - 1) / step) : max(0, (start - stop - step - 1) / -step)
                return i.makeInstance(i.typeOf(s), payload: MemoryViewBuffer(
                    storage: v.storage, obj: v.obj, readonly: v.readonly, offset: v.offset + start * v.stride,
                    stride: v.stride * step, count: n, format: v.format, itemsize: v.itemsize))
            }
            return try i.viewItem(v, try i.viewIndex(v, a[0]))
        }
        cls.addMethod("__setitem__") { i, s, a in
            let v = try i.view(s)
            if v.readonly { throw PyError.typeError("cannot modify read-only memory") }
            if let sl = a[0].asSlice {
                let (start, stop, step) = try i.sliceIndices(sl, length: v.count)
                let n = step > 0 ? max(0, (stop - start + step - 1) / step) : max(0, (start - stop - step - 1) / -step)
                let src = try i.byteValues(a[1])
                let srcFormat = a[1].payload(MemoryViewBuffer.self)?.format ?? "B"
                guard src.count == n * v.itemsize, srcFormat == v.format || (v.format == "B" && srcFormat == "B") else {
                    throw PyError.valueError("memoryview assignment: lvalue and rvalue have different structures")
                }
                for k in 0..<n {
                    let p = v.offset + (start + k * step) * v.stride
                    for b in 0..<v.itemsize { v.storage.bytes[p + b] = src[k * v.itemsize + b] }
                }
                return .none
            }
            let k = try i.viewIndex(v, a[0])
            let encoded = try i.encodeViewItem(v.format, a[1])
            let p = v.offset + k * v.stride
            for b in 0..<v.itemsize { v.storage.bytes[p + b] = encoded[b] }
            return .none
        }
        cls.addMethod("__iter__") { i, s, _ in
            let v = try i.view(s)
            return try i.getIterator(.list(try (0..<v.count).map { try i.viewItem(v, $0) }))
        }
        cls.addMethod("__eq__") { i, s, a in
            let v = try i.viewObject(s).payload(MemoryViewBuffer.self)!
            if case .object(let o) = a[0], o === s.asObject { return .true }
            let other: [PyValue]
            if let w = a[0].payload(MemoryViewBuffer.self) {
                if v.released || w.released { return .false }
                other = try (0..<w.count).map { try i.viewItem(w, $0) }
            } else if let b = a[0].payload(ByteStorage.self) {
                other = b.bytes.map { .int(Int($0)) }
            } else {
                return .notImplemented
            }
            if v.released { return .false }
            let mine = try (0..<v.count).map { try i.viewItem(v, $0) }
            guard mine.count == other.count else { return .false }
            for (x, y) in zip(mine, other) where !(try i.equals(x, y)) { return .false }
            return .true
        }
        cls.addMethod("__ne__") { i, s, a in
            let r = try i.callMethod(s, "__eq__", [a[0]])
            if case .bool(let b) = r { return .bool(!b) }
            return r
        }
        cls.addMethod("__hash__") { i, s, _ in
            let v = try i.view(s)
            if !v.readonly { throw PyError.valueError("cannot hash writable memoryview object") }
            guard ["B", "b", "c"].contains(v.format) else {
                throw PyError.valueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
            }
            return .int(try i.hashValue(i.makeBytes(v.bytes)))
        }
        cls.addMethod("__enter__") { i, s, _ in _ = try i.view(s); return s }
        cls.addMethod("__exit__") { i, s, _ in try i.viewObject(s).payload(MemoryViewBuffer.self)!.released = true; return .none }
        cls.addMethod("release") { i, s, _ in try i.viewObject(s).payload(MemoryViewBuffer.self)!.released = true; return .none }
        cls.addMethod("tobytes") { i, s, _ in i.makeBytes(try i.view(s).bytes) }
        cls.addMethod("tolist") { i, s, _ in
            let v = try i.view(s)
            return .list(try (0..<v.count).map { try i.viewItem(v, $0) })
        }
        cls.addMethod("hex") { i, s, _ in
            let digits = Array("0123456789abcdef")
            var out = ""
            for b in try i.view(s).bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
            return .str(out)
        }
        cls.addMethod("cast") { i, s, a in
            let b = try a.bind(Signature("cast", ["format", "shape"], required: 1))
            let v = try i.view(s)
            let format = try i.stringArgument(b[0]!, "cast() argument 'format'")
            guard let size = MemoryViewBuffer.itemSize(format) else {
                throw PyError.valueError("memoryview: destination format must be a native single character format prefixed with an optional '@'")
            }
            let plain = format.hasPrefix("@") ? String(format.dropFirst()) : format
            let byteFormats: Set<String> = ["B", "b", "c"]
            if !byteFormats.contains(plain) && !byteFormats.contains(v.format) {
                throw PyError.typeError("memoryview: cannot cast between two non-byte formats")
            }
            if v.stride != v.itemsize { throw PyError.typeError("memoryview: casts are restricted to C-contiguous views") }
            let nbytes = v.count * v.itemsize
            if nbytes % size != 0 { throw PyError.typeError("memoryview: length is not a multiple of itemsize") }
            return i.makeInstance(i.typeOf(s), payload: MemoryViewBuffer(storage: v.storage, obj: v.obj, readonly: v.readonly, offset: v.offset,
                                                                          stride: size, count: nbytes / size, format: plain, itemsize: size))
        }
        func property(_ name: String, _ get: @escaping (Interpreter, MemoryViewBuffer) -> PyValue) {
            cls.addProperty(name) { i, s in get(i, try i.view(s)) }
        }
        property("format") { _, v in .str(v.format) }
        property("itemsize") { _, v in .int(v.itemsize) }
        property("nbytes") { _, v in .int(v.count * v.itemsize) }
        property("readonly") { _, v in .bool(v.readonly) }
        property("ndim") { _, _ in .int(1) }
        property("shape") { _, v in .tuple([.int(v.count)]) }
        property("strides") { _, v in .tuple([.int(v.stride)]) }
        property("obj") { _, v in v.obj }
        property("c_contiguous") { _, v in .bool(v.stride == v.itemsize || v.count <= 1) }
        property("f_contiguous") { _, v in .bool(v.stride == v.itemsize || v.count <= 1) }
        property("contiguous") { _, v in .bool(v.stride == v.itemsize || v.count <= 1) }
    }

    private func viewObject(_ s: PyValue) throws -> PyValue {
        guard s.payload(MemoryViewBuffer.self) != nil else { throw PyError.typeError("descriptor requires a 'memoryview' object") }
        return s
    }

    /// The view of `s`, refused once released.
    func view(_ s: PyValue) throws -> MemoryViewBuffer {
        guard let v = s.payload(MemoryViewBuffer.self) else { throw PyError.typeError("descriptor requires a 'memoryview' object") }
        return try liveView(v)
    }

    private func liveView(_ v: MemoryViewBuffer) throws -> MemoryViewBuffer {
        if v.released { throw PyError.valueError("operation forbidden on released memoryview object") }
        return v
    }

    private func viewIndex(_ v: MemoryViewBuffer, _ index: PyValue) throws -> Int {
        guard index.asInt != nil || index.asObject is PyBigInt else {
            throw PyError.typeError("memoryview: invalid slice key")
        }
        var k = try intArgument(index)
        if k < 0 { k += v.count }
        guard k >= 0 && k < v.count else { throw PyError.indexError("index out of bounds on dimension 1") }
        return k
    }

    /// Item `k` unpacked by the view's format (little-endian, as this machine).
    private func viewItem(_ v: MemoryViewBuffer, _ k: Int) throws -> PyValue {
        let p = v.offset + k * v.stride
        var raw: UInt64 = 0
        for b in 0..<v.itemsize { raw |= UInt64(v.storage.bytes[p + b]) << (8 * UInt64(b)) }
        switch v.format {
        case "B", "H", "I", "L", "Q", "N", "P":
            return raw > UInt64(Int.max) ? PyBigInt.make(BigInt(negative: false, limbs: [UInt32(truncatingIfNeeded: raw), UInt32(raw >> 32)])) : .int(Int(raw))
        case "b": return .int(Int(Int8(truncatingIfNeeded: raw)))
        case "h": return .int(Int(Int16(truncatingIfNeeded: raw)))
        case "i": return .int(Int(Int32(truncatingIfNeeded: raw)))
        case "c": return makeBytes([UInt8(raw)])
        case "?": return .bool(raw != 0)
        case "f": return .float(Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))))
        case "e": return .float(Double(Float16(bitPattern: UInt16(truncatingIfNeeded: raw))))
        case "d": return .float(Double(bitPattern: raw))
        default: return .int(Int(bitPattern: UInt(raw)))
        }
    }

    /// `value` packed for one item of `format`, with CPython's errors.
    private func encodeViewItem(_ format: String, _ value: PyValue) throws -> [UInt8] {
        let size = MemoryViewBuffer.itemSize(format) ?? 1
        func little(_ raw: UInt64) -> [UInt8] { (0..<size).map { UInt8(truncatingIfNeeded: raw >> (8 * UInt64($0))) } }
        switch format {
        case "f", "d", "e":
            guard let d = value.asDouble ?? value.asInt.map(Double.init) else {
                throw PyError.typeError("memoryview: invalid type for format '\(format)'")
            }
            return format == "d" ? little(d.bitPattern) : format == "f" ? little(UInt64(Float(d).bitPattern)) : little(UInt64(Float16(d).bitPattern))
        case "c":
            guard let b = value.payload(ByteStorage.self), b.bytes.count == 1, !isInstance(value, types.bytearray) else {
                throw PyError.valueError("memoryview: invalid value for format 'c'")
            }
            return b.bytes
        case "?":
            return [try truthy(value) ? 1 : 0]
        default:
            guard let n = value.asInt else {
                throw PyError.typeError("memoryview: invalid type for format '\(format)'")
            }
            let signed = ["b", "h", "i", "l", "q", "n"].contains(format)
            let bits = 8 * size
            let ok = signed ? (bits == 64 || (n >= -(1 << (bits - 1)) && n < 1 << (bits - 1)))
                            : (n >= 0 && (bits == 64 || n < 1 << bits))
            guard ok else { throw PyError.valueError("memoryview: invalid value for format '\(format)'") }
            return little(UInt64(bitPattern: Int64(n)))
        }
    }
}
