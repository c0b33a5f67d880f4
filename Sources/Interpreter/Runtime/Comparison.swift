extension Interpreter {
    /// `a op b` for comparison operators; objects may return any value (`tensor == tensor`).
    func compare(_ op: CompareOp, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        switch op {
        case .is: return .bool(a.isIdentical(b))
        case .isNot: return .bool(!a.isIdentical(b))
        case .in: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        case .eq, .ne:
            if let r = try builtinEquals(a, b) { return .bool(op == .eq ? r : !r) }
            return try richCompare(op, a, b)
        default:
            if let r = try builtinOrder(op, a, b) { return .bool(r) }
            return try richCompare(op, a, b)
        }
    }

    private func richCompare(_ op: CompareOp, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        try recursionLevel(" in comparison") { try richCompareMethods(op, a, b) }
    }

    private func richCompareMethods(_ op: CompareOp, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        let ta = typeOf(a), tb = typeOf(b)
        let reflected = op.swapped
        if ta !== tb && tb.isSubclass(of: ta), let r = try callSpecial(b, reflected.name, a), !r.isNotImplemented { return r }
        if let r = try callSpecial(a, op.name, b), !r.isNotImplemented { return r }
        if let r = try callSpecial(b, reflected.name, a), !r.isNotImplemented { return r }
        if op == .ne, let r = try callSpecial(a, N.__eq__, [b]), !r.isNotImplemented { return .bool(!(try truthy(r))) }
        switch op {
        case .eq: return .bool(a.isIdentical(b))
        case .ne: return .bool(!a.isIdentical(b))
        default:
            throw PyError.typeError("'\(op.symbol)' not supported between instances of '\(ta.tpName ?? ta.name)' and '\(tb.tpName ?? tb.name)'")
        }
    }

    /// Equality of built-in values; nil when a special method must decide.
    func builtinEquals(_ a: PyValue, _ b: PyValue) throws -> Bool? {
        switch (a, b) {
        case (.none, .none): return true
        case (.str(let x), .str(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.object(let x), .object(let y)):
            if x is PyInstance || y is PyInstance { return nil }
            if let l = x as? PyBigInt { return bigEquals(l, b) ?? false }
            if let l = x as? PyList, let r = y as? PyList { return try sequenceEquals(l.items, r.items) }
            if let l = x as? PyTuple, let r = y as? PyTuple { return try sequenceEquals(l.items, r.items) }
            if let l = x as? PyDict, let r = y as? PyDict {
                if l.count != r.count { return false }
                try enterComparison()
                defer { depth -= 1 }
                for e in l.items {
                    guard let v = try r.get(e.key), try equals(e.value, v) else { return false }
                }
                return true
            }
            if let l = x as? PySet, let r = y as? PySet {
                return l.count == r.count ? try l.items.allSatisfy { try r.contains($0) } : false
            }
            if let l = x as? PyRange, let r = y as? PyRange {
                return l.count == r.count && (l.count == 0 || (l.start == r.start && (l.count == 1 || l.step == r.step)))
            }
            if let l = x as? PySlice, let r = y as? PySlice {
                return try equals(l.start, r.start) && equals(l.stop, r.stop) && equals(l.step, r.step)
            }
            if let l = x as? PyBoundMethod, let r = y as? PyBoundMethod {
                return l.receiver.isIdentical(r.receiver) && l.function.isIdentical(r.function)
            }
            // Dict views compare as sets through their `__eq__`.
            if x is PyDictView || y is PyDictView { return nil }
            return x === y
        case (.object(let x), _):
            if let l = x as? PyBigInt { return bigEquals(l, b) ?? false }
            return x is PyInstance ? nil : false
        case (_, .object(let y)):
            if let r = y as? PyBigInt { return bigEquals(r, a) ?? false }
            return y is PyInstance ? nil : false
        default:
            if let x = a.asDouble, let y = b.asDouble {
                if let i = a.asInt, let j = b.asInt { return i == j }
                if let i = a.asInt ?? b.asInt, i.magnitude > 1 << 53 { return BigInt(i).compare(a.asInt == nil ? x : y) == 0 }
                return x == y
            }
            return false
        }
    }

    private func sequenceEquals(_ a: [PyValue], _ b: [PyValue]) throws -> Bool {
        if a.count != b.count { return false }
        try enterComparison()
        defer { depth -= 1 }
        for i in a.indices where !(try equals(a[i], b[i])) { return false }
        return true
    }

    /// Comparing nested containers counts against the recursion limit, as in CPython, so a
    /// list that contains itself raises RecursionError instead of overflowing the stack.
    private func enterComparison() throws {
        depth += 1
        if depth >= limits.recursionLimit {
            depth -= 1
            throw PyError(type: "RecursionError", message: "maximum recursion depth exceeded in comparison")
        }
    }

    /// `a == b` as a Bool (containers, `in`, `index`): identity first, like CPython.
    public func equals(_ a: PyValue, _ b: PyValue) throws -> Bool {
        if case .object(let x) = a, case .object(let y) = b, x === y { return true }
        if let r = try builtinEquals(a, b) { return r }
        return try truthy(try richCompare(.eq, a, b))
    }

    /// Ordering of built-in values; nil when a special method must decide.
    private func builtinOrder(_ op: CompareOp, _ a: PyValue, _ b: PyValue) throws -> Bool? {
        switch (a, b) {
        case (.str(let x), .str(let y)):
            let lt = x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
            let gt = y.unicodeScalars.lexicographicallyPrecedes(x.unicodeScalars)
            return orderResult(op, lt: lt, gt: gt)
        case (.object(let x), .object(let y)):
            if x is PyBigInt || y is PyBigInt, let c = bigCompare(a, b) { return c.map { orderResult(op, lt: $0 < 0, gt: $0 > 0) } ?? false }
            if let l = x as? PyList, let r = y as? PyList { return try sequenceOrder(op, l.items, r.items) }
            if let l = x as? PyTuple, let r = y as? PyTuple { return try sequenceOrder(op, l.items, r.items) }
            if let l = x as? PySet, let r = y as? PySet {
                let sub = try l.items.allSatisfy { try r.contains($0) }
                let sup = try r.items.allSatisfy { try l.contains($0) }
                switch op {
                case .le: return sub
                case .lt: return sub && l.count < r.count
                case .ge: return sup
                case .gt: return sup && l.count > r.count
                default: return nil
                }
            }
            return nil
        default:
            if let i = a.asInt, let j = b.asInt { return orderResult(op, lt: i < j, gt: i > j) }
            if let c = bigCompare(a, b) ?? exactIntFloatCompare(a, b) { return c.map { orderResult(op, lt: $0 < 0, gt: $0 > 0) } ?? false }
            if let x = a.asDouble, let y = b.asDouble { return orderResult(op, lt: x < y, gt: x > y, nan: x.isNaN || y.isNaN) }
            return nil
        }
    }

    private func orderResult(_ op: CompareOp, lt: Bool, gt: Bool, nan: Bool = false) -> Bool {
        if nan { return false }
        switch op {
        case .lt: return lt
        case .le: return !gt
        case .gt: return gt
        case .ge: return !lt
        default: return false
        }
    }

    private func sequenceOrder(_ op: CompareOp, _ a: [PyValue], _ b: [PyValue]) throws -> Bool {
        try enterComparison()
        defer { depth -= 1 }
        for i in 0..<min(a.count, b.count) where !(try equals(a[i], b[i])) {
            return try truthy(try compare(op, a[i], b[i]))
        }
        return orderResult(op, lt: a.count < b.count, gt: a.count > b.count)
    }

    /// `a < b` as a Bool, for sorting.
    func lessThan(_ a: PyValue, _ b: PyValue) throws -> Bool {
        if case .int(let x) = a, case .int(let y) = b { return x < y }
        if case .float(let x) = a, case .float(let y) = b { return x < y }
        return try truthy(try compare(.lt, a, b))
    }

    /// `item in container`.
    public func contains(_ container: PyValue, _ item: PyValue) throws -> Bool {
        switch container {
        case .str(let s):
            // A str subclass instance (a `class Color(str, Enum)` member) is its text.
            guard case .str(let sub) = item.unwrappingBuiltinBase else {
                throw PyError.typeError("'in <string>' requires string as left operand, not \(typeName(item))")
            }
            // By Unicode scalars: `"\n" in "\r\n"` (Swift sees one Character there).
            return sub.isEmpty || s.unicodeScalars.firstRange(of: Array(sub.unicodeScalars)) != nil
        case .object(let o):
            switch o {
            case let l as PyList:
                for x in l.items where try equals(x, item) { return true }
                return false
            case let t as PyTuple:
                for x in t.items where try equals(x, item) { return true }
                return false
            case let d as PyDict: return try d.get(item) != nil
            case let s as PySet: return try s.contains(item)
            case let r as PyRange:
                // Ints (an int subclass counts as its value) by arithmetic; anything else
                // (`1.0 in range(3)`) by comparing with each element, as CPython does.
                let n = item.unwrappingBuiltinBase
                if n.asObject is PyBigInt { return false }  // beyond any Int bound of a range
                guard let i = n.asInt else {
                    var found = false
                    try forEach(container) { x in
                        if try equals(x, item) { found = true; return false }
                        return true
                    }
                    return found
                }
                if r.step > 0 { return i >= r.start && i < r.stop && (i - r.start) % r.step == 0 }
                return i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
            default:
                if let r = try callSpecial(container, N.__contains__, [item]) { return try truthy(r) }
            }
        default: break
        }
        if typeOf(container).lookup(N.__iter__) != nil || typeOf(container).lookup(N.__getitem__) != nil || container.asObject is PyIteratorObject {
            var found = false
            try forEach(container) { x in
                if try equals(x, item) { found = true; return false }
                return true
            }
            return found
        }
        throw PyError.typeError("argument of type '\(typeName(container))' is not iterable")
    }

    /// `bool(v)`.
    public func truthy(_ v: PyValue) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .object(let o):
            switch o {
            case let l as PyList: return !l.items.isEmpty
            case let t as PyTuple: return !t.items.isEmpty
            case let d as PyDict: return d.count > 0
            case let s as PySet: return s.count > 0
            case let r as PyRange: return r.count > 0
            case is PyInstance:
                if let r = try callSpecial(v, N.__bool__, []) {
                    guard case .bool(let b) = r else {
                        throw PyError.typeError("__bool__ should return bool, returned \(typeName(r))")
                    }
                    return b
                }
                if let r = try callSpecial(v, N.__len__, []) {
                    guard let n = r.asInt else { throw PyError.typeError("'\(typeName(r))' object cannot be interpreted as an integer") }
                    return n != 0
                }
                return true
            default: return true
            }
        }
    }
}
