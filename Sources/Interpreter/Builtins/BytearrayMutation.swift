/// `bytearray` as a mutable sequence, after CPython 3.11's bytearrayobject.c: item and
/// slice assignment and deletion (`bytearray_ass_subscript`, whose extended-slice assignment
/// of an empty value deletes), `insert`/`pop`/`remove`/`reverse`/`clear`/`copy`, and the
/// in-place `+=`/`*=`, with CPython's error texts and order of checks.
extension Interpreter {
    func installBytearrayMutation(_ bytearray: PyClass) {
        func storage(_ i: Interpreter, _ s: PyValue) throws -> ByteStorage { try i.byteStorage(s) }

        bytearray.addMethod("__setitem__") { i, s, a in
            try i.bytearrayAssign(try storage(i, s), self: s, index: a[0], value: a[1]); return .none
        }
        bytearray.addMethod("__delitem__") { i, s, a in
            try i.bytearrayAssign(try storage(i, s), self: s, index: a[0], value: nil); return .none
        }
        bytearray.addMethod("insert") { i, s, a in
            try a.check("insert", 2, 2)
            let st = try storage(i, s)
            var k = try i.intArgument(a[0])
            let byte = try i.byteValue(a[1])
            let n = st.bytes.count
            if k < 0 { k = max(0, k + n) }
            st.bytes.insert(byte, at: min(k, n))
            return .none
        }
        bytearray.addMethod("pop") { i, s, a in
            try a.check("pop", 0, 1)
            let st = try storage(i, s)
            var k = a.count > 0 ? try i.intArgument(a[0]) : -1
            if st.bytes.isEmpty { throw PyError.indexError("pop from empty bytearray") }
            if k < 0 { k += st.bytes.count }
            guard k >= 0 && k < st.bytes.count else { throw PyError.indexError("pop index out of range") }
            return .int(Int(st.bytes.remove(at: k)))
        }
        bytearray.addMethod("remove") { i, s, a in
            try a.check("remove", 1, 1)
            let st = try storage(i, s)
            let byte = try i.byteValue(a[0])
            guard let k = st.bytes.firstIndex(of: byte) else { throw PyError.valueError("value not found in bytearray") }
            st.bytes.remove(at: k)
            return .none
        }
        bytearray.addMethod("reverse") { i, s, a in try a.check("reverse", 0, 0); try storage(i, s).bytes.reverse(); return .none }
        bytearray.addMethod("clear") { i, s, a in try a.check("clear", 0, 0); try storage(i, s).bytes.removeAll(); return .none }
        bytearray.addMethod("copy") { i, s, a in
            try a.check("copy", 0, 0)
            return .object(PyInstance(cls: bytearray, payload: ByteStorage(try storage(i, s).bytes)))
        }
        // `bytearray_iconcat`: any buffer, else "can't concat list to bytearray".
        bytearray.addMethod("__iadd__") { i, s, a in
            guard let other = i.bytesLikeOrNil(a[0]) else {
                throw PyError.typeError("can't concat \(i.typeName(a[0])) to \(i.typeName(s))")
            }
            let st = try storage(i, s)
            try i.reserveObject(st.bytes.count + other.count, itemBytes: 1)
            st.bytes += other
            return s
        }
        bytearray.addMethod("__imul__") { i, s, a in
            guard let n = try i.index(a[0]) else { return .notImplemented }
            let st = try storage(i, s)
            if n <= 0 || st.bytes.isEmpty { st.bytes.removeAll(); return s }
            try i.reserveRepetition(st.bytes.count, times: n, itemBytes: 1)
            st.bytes = Array([[UInt8]](repeating: st.bytes, count: n).joined())
            return s
        }
    }

    /// `_getbytevalue`: an integer (through `__index__`) in range(0, 256).
    func byteValue(_ v: PyValue) throws -> UInt8 {
        let n = try intArgument(v)
        guard (0..<256).contains(n) else { throw PyError.valueError("byte must be in range(0, 256)") }
        return UInt8(n)
    }

    /// `bytearray_ass_subscript`: `value` nil deletes. An int index stores one byte; a slice
    /// takes any bytes-like value or iterable of ints (not a number or a str), and an
    /// extended slice given an empty value deletes its elements, as CPython does.
    func bytearrayAssign(_ st: ByteStorage, self s: PyValue, index: PyValue, value: PyValue?) throws {
        var start: Int, stop: Int, step: Int
        if let k0 = try self.index(index) {
            let byte = try value.map { try byteValue($0) }
            var k = k0
            if k < 0 { k += st.bytes.count }
            guard k >= 0 && k < st.bytes.count else { throw PyError.indexError("bytearray index out of range") }
            if let byte { st.bytes[k] = byte; return }
            (start, stop, step) = (k, k + 1, 1)
        } else if let sl = index.asSlice {
            (start, stop, step) = try sliceIndices(sl, length: st.bytes.count)
        } else {
            throw PyError.typeError("bytearray indices must be integers or slices, not \(typeName(index))")
        }
        var needed: [UInt8] = []
        if let value {
            if let b = bytesLikeOrNil(value) {
                needed = b
            } else {
                switch value {
                case .int, .bool, .float, .str:
                    throw PyError.typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
                default:
                    if isNumber(value) {
                        throw PyError.typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
                    }
                    needed = try bytearrayFromObject(value)
                }
            }
        }
        // b[5:2] = ... inserts before 5, not before 2.
        if (step < 0 && start < stop) || (step > 0 && start > stop) { stop = start }
        if step == 1 {
            st.bytes.replaceSubrange(start..<stop, with: needed)
            return
        }
        var positions: [Int] = []
        var k = start
        while step > 0 ? k < stop : k > stop { positions.append(k); k += step }
        if needed.isEmpty {
            let drop = Set(positions)
            st.bytes = st.bytes.enumerated().filter { !drop.contains($0.offset) }.map { $0.element }
            return
        }
        guard needed.count == positions.count else {
            throw PyError.valueError("attempt to assign bytes of size \(needed.count) to extended slice of size \(positions.count)")
        }
        for (p, b) in zip(positions, needed) { st.bytes[p] = b }
    }

    /// `PyByteArray_FromObject` of a non-buffer: the bytearray constructor's iteration.
    private func bytearrayFromObject(_ v: PyValue) throws -> [UInt8] {
        guard (try? getIterator(v)) != nil else {
            throw PyError.typeError("cannot convert '\(typeName(v))' object to bytearray")
        }
        return try iterate(v).map { try byteValue($0) }
    }

    /// Whether CPython's `PyNumber_Check` holds: `__index__`, `__int__`, `__float__` or a
    /// complex.
    private func isNumber(_ v: PyValue) -> Bool {
        if typeName(v) == "complex" { return true }
        if case .object(let o) = v, o is PyInstance {
            return [N.__index__, Name("__int__"), Name("__float__")].contains { (try? hasAttribute(v, $0)) == true }
        }
        return false
    }
}
