extension Interpreter {
    /// An integer index from an int, bool or object with `__index__`.
    public func index(_ v: PyValue) throws -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o) where o is PyInstance:
            if let r = try callSpecial(v, N.__index__, []) { return r.asInt }
            return nil
        default: return nil
        }
    }

    /// Python's `slice.indices(length)`: clamped start, stop and step.
    public func sliceIndices(_ s: PySlice, length: Int) throws -> (start: Int, stop: Int, step: Int) {
        var step = 1
        if !s.step.isNone {
            guard let st = try index(s.step) else { throw PyError.typeError("slice indices must be integers or None or have an __index__ method") }
            if st == 0 { throw PyError.valueError("slice step cannot be zero") }
            step = st
        }
        func bound(_ v: PyValue, _ def: Int) throws -> Int {
            if v.isNone { return def }
            guard var i = try index(v) else { throw PyError.typeError("slice indices must be integers or None or have an __index__ method") }
            if i < 0 {
                i += length
                if i < 0 { i = step < 0 ? -1 : 0 }
            } else if i >= length {
                i = step < 0 ? length - 1 : length
            }
            return i
        }
        let start = try bound(s.start, step < 0 ? length - 1 : 0)
        let stop = try bound(s.stop, step < 0 ? -1 : length)
        return (start, stop, step)
    }

    /// The positions a slice selects.
    func sliceRange(_ s: PySlice, length: Int) throws -> [Int] {
        let (start, stop, step) = try sliceIndices(s, length: length)
        var out: [Int] = []
        var i = start
        while step > 0 ? i < stop : i > stop { out.append(i); i += step }
        return out
    }

    private func normalizedIndex(_ i: Int, _ count: Int, _ what: String) throws -> Int {
        let j = i < 0 ? i + count : i
        if j < 0 || j >= count { throw PyError.indexError("\(what) index out of range") }
        return j
    }

    /// `obj[key]`.
    public func getItem(_ obj: PyValue, _ key: PyValue) throws -> PyValue {
        switch obj {
        case .str(let s):
            let scalars = Array(s.unicodeScalars)
            if let i = try index(key) { return .str(String(scalars[try normalizedIndex(i, scalars.count, "string")])) }
            if let sl = key.asSlice {
                var out = String.UnicodeScalarView()
                for i in try sliceRange(sl, length: scalars.count) { out.append(scalars[i]) }
                return .str(String(out))
            }
            throw PyError.typeError("string indices must be integers, not '\(typeName(key))'")
        case .object(let o):
            switch o {
            case let l as PyList:
                if case .int(let i) = key {
                    let j = i < 0 ? i + l.items.count : i
                    if j < 0 || j >= l.items.count { throw PyError.indexError("list index out of range") }
                    return l.items[j]
                }
                if let i = try index(key) { return l.items[try normalizedIndex(i, l.items.count, "list")] }
                if let sl = key.asSlice { return .list(try sliceRange(sl, length: l.items.count).map { l.items[$0] }) }
                throw PyError.typeError("list indices must be integers or slices, not \(typeName(key))")
            case let t as PyTuple:
                if let i = try index(key) { return t.items[try normalizedIndex(i, t.items.count, "tuple")] }
                if let sl = key.asSlice { return .tuple(try sliceRange(sl, length: t.items.count).map { t.items[$0] }) }
                throw PyError.typeError("tuple indices must be integers or slices, not \(typeName(key))")
            case let d as PyDict:
                if let v = try d.get(key) { return v }
                throw PyError.keyError(key)
            case let r as PyRange:
                if let i = try index(key) {
                    if r.exactCount == nil {
                        guard let item = r.hugeItem(i) else { throw PyError.indexError("range object index out of range") }
                        return .int(item)
                    }
                    let j = try normalizedIndex(i, r.count, "range object")
                    return .int(r.start + j * r.step)
                }
                if let sl = key.asSlice {
                    let (start, stop, step) = try sliceIndices(sl, length: r.count)
                    return .object(PyRange(start: r.start + start * r.step, stop: r.start + stop * r.step, step: r.step * step))
                }
                throw PyError.typeError("range indices must be integers or slices, not \(typeName(key))")
            case let c as PyClass:
                if c.metaclass != nil, let m = metaclassMethod(c, N.__getitem__) {
                    return try callAttribute(m, receiver: obj, Arguments(key))
                }
                if let raw = c.lookup(Name("__class_getitem__")) {
                    if case .object(let ro) = raw, ro is PyFunction { return try call(raw, Arguments(.object(c), key)) }
                    return try call(try classAttribute(c, Name("__class_getitem__")), Arguments(key))
                }
                // A class written in the lesson has no `__class_getitem__` unless it defines
                // or inherits one; built-in and library classes here are all generic.
                let genericBuiltins: Set<String> = ["list", "dict", "tuple", "set", "frozenset", "type", "enumerate",
                                                    "BaseExceptionGroup", "ExceptionGroup"]
                if c.mro.dropLast().allSatisfy({ $0.module == "__main__" }) || (isBuiltinType(c) && !genericBuiltins.contains(c.name)) {
                    throw PyError.typeError("type '\(c.name)' is not subscriptable")
                }
                return genericAlias(obj, key)
            default:
                if let r = try callSpecial(obj, N.__getitem__, [key]) { return r }
            }
        default: break
        }
        throw PyError.typeError("'\(typeName(obj))' object is not subscriptable")
    }

    /// `obj[key] = value`.
    public func setItem(_ obj: PyValue, _ key: PyValue, _ value: PyValue) throws {
        if case .object(let o) = obj {
            switch o {
            case let l as PyList:
                if let i = try index(key) { l.items[try normalizedIndex(i, l.items.count, "list assignment")] = value; return }
                if let sl = key.asSlice {
                    let new = try iterate(value)
                    if try sl.step.isNone || index(sl.step) == 1 {
                        let (start, stop, _) = try sliceIndices(sl, length: l.items.count)
                        l.items.replaceSubrange(start..<max(start, stop), with: new)
                    } else {
                        let positions = try sliceRange(sl, length: l.items.count)
                        if positions.count != new.count {
                            throw PyError.valueError("attempt to assign sequence of size \(new.count) to extended slice of size \(positions.count)")
                        }
                        for (p, v) in zip(positions, new) { l.items[p] = v }
                    }
                    return
                }
                throw PyError.typeError("list indices must be integers or slices, not \(typeName(key))")
            case let d as PyDict:
                try d.set(key, value)
                return
            default:
                if try callSpecial(obj, N.__setitem__, [key, value]) != nil { return }
            }
        }
        throw PyError.typeError("'\(typeName(obj))' object does not support item assignment")
    }

    /// `del obj[key]`.
    public func deleteItem(_ obj: PyValue, _ key: PyValue) throws {
        if case .object(let o) = obj {
            switch o {
            case let l as PyList:
                if let i = try index(key) { l.items.remove(at: try normalizedIndex(i, l.items.count, "list assignment")); return }
                if let sl = key.asSlice {
                    let positions = Set(try sliceRange(sl, length: l.items.count))
                    l.items = l.items.enumerated().filter { !positions.contains($0.offset) }.map { $0.element }
                    return
                }
                throw PyError.typeError("list indices must be integers or slices, not \(typeName(key))")
            case let d as PyDict:
                if try d.remove(key) == nil { throw PyError.keyError(key) }
                return
            default:
                if try callSpecial(obj, N.__delitem__, [key]) != nil { return }
            }
        }
        // CPython words it "doesn't" when an index meets a type with sequence methods
        // (containers, instances of Python classes), "does not" otherwise.
        throw PyError.typeError("'\(typeName(obj))' object \(try hasSequenceSlots(obj) && index(key) != nil ? "doesn't" : "does not") support item deletion")
    }

    private func hasSequenceSlots(_ v: PyValue) -> Bool {
        switch v {
        case .none, .bool, .int, .float: return false
        case .str: return true
        case .object(let o):
            if o is PyClass || o is PyFunction || o is PyBuiltinFunction || o is PyBoundMethod || o is PyModule { return false }
            if o === PySingleton.notImplemented || o === PySingleton.ellipsis { return false }
            let t = typeOf(v)
            return !(t.module == "builtins" && (t.name == "complex" || t.name == "ellipsis"))
        }
    }

    /// `len(v)`.
    public func length(_ v: PyValue) throws -> Int {
        switch v {
        case .str(let s): return s.unicodeScalars.count
        case .object(let o):
            switch o {
            case let l as PyList: return l.items.count
            case let t as PyTuple: return t.items.count
            case let d as PyDict: return d.count
            case let s as PySet: return s.count
            case let r as PyRange:
                guard let n = r.exactCount else { throw PyError.overflow("Python int too large to convert to C ssize_t") }
                return n
            default:
                if let r = try callSpecial(v, N.__len__, []) {
                    guard let n = r.asInt else { throw PyError.typeError("'\(typeName(r))' object cannot be interpreted as an integer") }
                    if n < 0 { throw PyError.valueError("__len__() should return >= 0") }
                    return n
                }
            }
        default: break
        }
        throw PyError.typeError("object of type '\(typeName(v))' has no len()")
    }

    /// Key/value pairs of a mapping (`**m`, `dict(m)`, `update`).
    func mappingItems(_ m: PyValue) throws -> [(PyValue, PyValue)] {
        if let d = m.builtinBase == nil ? m.asDict : mergeableDictBase(m) { return d.items.map { ($0.key, $0.value) } }
        if try lookupSpecial(m, Name("keys")) != nil {
            let keys = try iterate(try callMethod(m, "keys"))
            return try keys.map { ($0, try getItem(m, $0)) }
        }
        throw PyError.typeError("'\(typeName(m))' object is not a mapping")
    }

    func mergeMapping(into d: PyDict, _ m: PyValue) throws {
        for (k, v) in try mappingItems(m) { try d.set(k, v) }
    }
}
