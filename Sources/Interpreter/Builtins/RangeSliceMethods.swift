/// `range.count`, `range.index` and `slice.indices`, as CPython: an int is found
/// arithmetically (no iteration over a huge range), anything else by comparing items.
extension Interpreter {
    func installRangeSliceMethods() {
        // Static (no capture of the interpreter: these closures live in its own classes).
        func range(_ i: Interpreter, _ s: PyValue, _ name: String) throws -> PyRange {
            guard case .object(let o) = s, let r = o as? PyRange else {
                throw PyError.typeError("descriptor '\(name)' for 'range' objects doesn't apply to a '\(i.typeName(s))' object")
            }
            return r
        }
        /// The position of int `x` in `r`, nil when it is not there.
        func position(_ r: PyRange, _ x: Int) -> Int? {
            let offset = x - r.start
            if r.step > 0 ? (x < r.start || x >= r.stop) : (x > r.start || x <= r.stop) { return nil }
            return offset % r.step == 0 ? offset / r.step : nil
        }
        // The sequence slots CPython's range type shows in its dict (the operations
        // themselves run natively; these make `range.__len__` and friends exist).
        types.range.addMethod("__len__") { i, s, _ in _ = try range(i, s, "__len__"); return .int(try i.length(s)) }
        types.range.addMethod("__iter__") { i, s, _ in _ = try range(i, s, "__iter__"); return try i.getIterator(s) }
        types.range.addMethod("__contains__") { i, s, a in _ = try range(i, s, "__contains__"); return .bool(try i.contains(s, a[0])) }
        types.range.addMethod("__getitem__") { i, s, a in _ = try range(i, s, "__getitem__"); return try i.getItem(s, a[0]) }
        types.range.addMethod("__bool__") { i, s, _ in .bool(try range(i, s, "__bool__").count > 0) }
        types.range.addMethod("count") { i, s, a in
            try StrArgumentStyle.one.check("range", "count", a)
            let r = try range(i, s, "count")
            if case .int(let x) = a[0] { return .int(position(r, x) == nil ? 0 : 1) }
            if case .bool(let b) = a[0] { return .int(position(r, b ? 1 : 0) == nil ? 0 : 1) }
            var n = 0
            try i.forEach(s) { v in if try i.equals(v, a[0]) { n += 1 }; return true }
            return .int(n)
        }
        types.range.addMethod("index") { i, s, a in
            try StrArgumentStyle.one.check("range", "index", a)
            let r = try range(i, s, "index")
            var x: Int? = nil
            if case .int(let v) = a[0] { x = v } else if case .bool(let b) = a[0] { x = b ? 1 : 0 }
            if let x {
                if let p = position(r, x) { return .int(p) }
                throw PyError.valueError("\(try i.repr(a[0])) is not in range")
            }
            var k = 0, found: Int? = nil
            try i.forEach(s) { v in
                if try i.equals(v, a[0]) { found = k; return false }
                k += 1
                return true
            }
            if let found { return .int(found) }
            throw PyError.valueError("sequence.index(x): x not in sequence")
        }
        types.slice.addMethod("indices") { i, s, a in
            try StrArgumentStyle.one.check("slice", "indices", a)
            guard case .object(let o) = s, let sl = o as? PySlice else {
                throw PyError.typeError("descriptor 'indices' for 'slice' objects doesn't apply to a '\(i.typeName(s))' object")
            }
            let n = try i.intArgument(a[0])
            if n < 0 { throw PyError.valueError("length should not be negative") }
            let (start, stop, step) = try i.sliceIndices(sl, length: n)
            return .tuple([.int(start), .int(stop), .int(step)])
        }
    }
}
