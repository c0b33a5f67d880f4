import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    /// `a op b` with Python's numeric rules, sequence operators, then special methods.
    func binaryOp(_ op: BinaryOp, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        if let r = try numericBinary(op, a, b) { return r }
        let aIsInstance: Bool = { if case .object(let o) = a { return o is PyInstance }; return false }()
        if !aIsInstance, let r = try builtinBinary(op, a, b) { return r }
        let ta = typeOf(a), tb = typeOf(b)
        if ta !== tb && tb.isSubclass(of: ta), tb.lookup(op.reflectedName) != nil,
           let r = try callSpecial(b, op.reflectedName, a), !r.isNotImplemented {
            return r
        }
        if let r = try callSpecial(a, op.name, b), !r.isNotImplemented { return r }
        if ta !== tb, let r = try callSpecial(b, op.reflectedName, a), !r.isNotImplemented { return r }
        if op == .mod, case .str = a {
            return .str(try percentFormat(a.asString!, b))
        }
        if op == .or, let u = typeUnion(a, b) { return u }
        // CPython's messages name tp_name: 'collections.deque', 'datetime.timedelta'.
        let na = ta.tpName ?? ta.name, nb = tb.tpName ?? tb.name
        let isBytes: (PyValue) -> Bool = { v in v.payload(ByteStorage.self) != nil }
        let isSeq: (PyValue) -> Bool = { v in
            if case .str = v { return true }
            return v.asList != nil || v.asTuple != nil || isBytes(v)
        }
        if op == .mul && (isSeq(a) || isSeq(b)) {
            let count = isSeq(a) ? b : a
            // An int too large for a repeat count: CPython's PyNumber_AsSsize_t.
            if count.asObject is PyBigInt { throw PyError.overflow("cannot fit 'int' into an index-sized integer") }
            throw PyError.typeError("can't multiply sequence by non-int of type '\(isSeq(a) ? nb : na)'")
        }
        if op == .add && isBytes(a) {
            throw PyError.typeError("can't concat \(nb) to \(na)")
        }
        if op == .add, case .str = a {
            throw PyError.typeError("can only concatenate str (not \"\(nb)\") to str")
        }
        // CPython falls back to the left operand's sequence concatenation, which raises.
        if op == .add, let seq = a.asList != nil ? "list" : a.asTuple != nil ? "tuple" : nil {
            throw PyError.typeError("can only concatenate \(seq) (not \"\(nb)\") to \(seq)")
        }
        throw PyError.typeError("unsupported operand type(s) for \(op.symbol): '\(na)' and '\(nb)'")
    }

    /// `a op= b`: `__iop__` first, then the plain operator; lists extend in place.
    func inplaceOp(_ op: BinaryOp, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        if case .object(let o) = a {
            if let l = o as? PyList {
                if op == .add { l.items.append(contentsOf: try iterate(b)); return a }
                if op == .mul, let n = b.asInt {
                    try reserveRepetition(l.items.count, times: n, itemBytes: MemoryLayout<PyValue>.stride)
                    let items = l.items; l.items = []; if !items.isEmpty { for _ in 0..<max(n, 0) { l.items += items } }; return a
                }
            }
            // `dict_ior`: updates in place from a mapping or an iterable of pairs.
            if let d = o as? PyDict, op == .or {
                try dictUpdate(d, b)
                return a
            }
            if !(o is PyTuple || o is PySet || o is PyDict), let r = try callSpecial(a, op.inplaceName, b), !r.isNotImplemented { return r }
            if let s = o as? PySet, !s.frozen, [.or, .and, .sub, .xor].contains(op) {
                if let other = b.asObject as? PySet, try s.inplace(op, other, self) { return a }
                let r: PyValue
                do { r = try binaryOp(op, a, b) } catch let e as PyError { throw augmentedError(e, op) }
                guard let rs = r.asObject as? PySet else { return r }
                s.takeBody(of: rs)
                return a
            }
        }
        do {
            return try binaryOp(op, a, b)
        } catch let e as PyError {
            throw augmentedError(e, op)
        }
    }

    /// CPython names the augmented operator: "unsupported operand type(s) for +=: ...".
    private func augmentedError(_ e: PyError, _ op: BinaryOp) -> PyError {
        guard e.exception == nil && e.pendingType == "TypeError" else { return e }
        let plain = "unsupported operand type(s) for \(op.symbol): "
        if case .str(let m)? = e.pendingArgs.first, m.hasPrefix(plain) {
            return PyError.typeError("unsupported operand type(s) for \(op == .pow ? "**" : op.symbol)=: " + m.dropFirst(plain.count))
        }
        return e
    }

    /// Unary `-x`, `+x`, `~x`.
    func unaryOp(_ op: UnaryOp, _ v: PyValue) throws -> PyValue {
        switch (op, v) {
        case (.neg, .int(let i)):
            if i == .min { return PyBigInt.make(-BigInt(i)) }
            return .int(-i)
        case (.neg, .float(let d)): return .float(-d)
        case (.neg, .bool(let b)): return .int(b ? -1 : 0)
        case (.pos, .int), (.pos, .float): return v
        case (.pos, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
        default: if let r = bigUnary(op, v) { return r }
        }
        if let r = try callSpecial(v, op.name, []) { return r }
        throw PyError.typeError("bad operand type for unary \(op.symbol): '\(typeName(v))'")
    }

    /// int/float/bool arithmetic; nil when an operand is not a number.
    func numericBinary(_ op: BinaryOp, _ a: PyValue, _ b: PyValue) throws -> PyValue? {
        // int has no `@`: the generic path's error names both types (`'int' and 'bool'`).
        if op == .matmul { return nil }
        switch (a, b) {
        case (.int(let x), .int(let y)): return try intBinary(op, x, y)
        case (.bool(let x), .bool(let y)):
            switch op {
            case .and: return .bool(x && y)
            case .or: return .bool(x || y)
            case .xor: return .bool(x != y)
            default: return try intBinary(op, x ? 1 : 0, y ? 1 : 0)
            }
        case (.int(let x), .bool(let y)): return try intBinary(op, x, y ? 1 : 0)
        case (.bool(let x), .int(let y)): return try intBinary(op, x ? 1 : 0, y)
        default: break
        }
        if let r = try bigNumericBinary(op, a, b) { return r }
        guard let x = a.asDouble, let y = b.asDouble else { return nil }
        switch op {
        case .lshift, .rshift, .and, .or, .xor, .matmul: return nil
        default: return try floatBinary(op, x, y)
        }
    }

    func intBinary(_ op: BinaryOp, _ x: Int, _ y: Int) throws -> PyValue {
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y); if o { return try bigBinary(op, BigInt(x), BigInt(y)) }; return .int(r)
        case .sub:
            let (r, o) = x.subtractingReportingOverflow(y); if o { return try bigBinary(op, BigInt(x), BigInt(y)) }; return .int(r)
        case .mul:
            let (r, o) = x.multipliedReportingOverflow(by: y); if o { return try bigBinary(op, BigInt(x), BigInt(y)) }; return .int(r)
        case .truediv:
            if y == 0 { throw PyError.zeroDivision("division by zero") }
            if x.magnitude > 1 << 53 || y.magnitude > 1 << 53 { return .float(try trueDivide(BigInt(x), BigInt(y))) }
            return .float(Double(x) / Double(y))
        case .floordiv:
            if y == 0 { throw PyError.zeroDivision("integer division or modulo by zero") }
            if x == .min && y == -1 { return try bigBinary(op, BigInt(x), BigInt(y)) }
            var q = x / y
            if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }
            return .int(q)
        case .mod:
            if y == 0 { throw PyError.zeroDivision("integer modulo by zero") }
            if y == -1 { return .int(0) }
            var r = x % y
            if r != 0 && ((r < 0) != (y < 0)) { r += y }
            return .int(r)
        case .pow:
            if y < 0 {
                if x == 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(pow(Double(x), Double(y)))
            }
            var result = 1, base = x, e = y
            while e > 0 {
                if e & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base); if o { return try bigBinary(op, BigInt(x), BigInt(y)) }
                    result = r
                }
                e >>= 1
                if e > 0 {
                    let (b2, o) = base.multipliedReportingOverflow(by: base); if o { return try bigBinary(op, BigInt(x), BigInt(y)) }
                    base = b2
                }
            }
            return .int(result)
        case .lshift:
            if y < 0 { throw PyError.valueError("negative shift count") }
            if x == 0 { return .int(0) }
            if y >= 63 || (x << y) >> y != x { return try bigBinary(op, BigInt(x), BigInt(y)) }
            return .int(x << y)
        case .rshift:
            if y < 0 { throw PyError.valueError("negative shift count") }
            return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case .and: return .int(x & y)
        case .or: return .int(x | y)
        case .xor: return .int(x ^ y)
        case .matmul:
            throw PyError.typeError("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    func floatBinary(_ op: BinaryOp, _ x: Double, _ y: Double) throws -> PyValue {
        switch op {
        case .add: return .float(x + y)
        case .sub: return .float(x - y)
        case .mul: return .float(x * y)
        case .truediv:
            if y == 0 { throw PyError.zeroDivision("float division by zero") }
            return .float(x / y)
        case .floordiv:
            if y == 0 { throw PyError.zeroDivision("float floor division by zero") }
            return .float(floatDivmod(x, y).0)
        case .mod:
            if y == 0 { throw PyError.zeroDivision("float modulo") }
            return .float(floatDivmod(x, y).1)
        case .pow:
            if x == 0 && y < 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
            if x < 0 && y != y.rounded() && y.isFinite {
                // Python 3: a complex result, as CPython hands the power to `complex`.
                if let c = try lazyBuiltin(Name("complex")) {
                    return try binaryOp(.pow, try call(c, [.float(x)]), .float(y))
                }
                throw PyError.valueError("negative number cannot be raised to a fractional power (complex numbers are not supported)")
            }
            let r = pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PyError(type: "OverflowError", args: [.int(34), .str("Numerical result out of range")]) }
            return .float(r)
        default:
            throw PyError.typeError("unsupported operand type(s) for \(op.symbol): 'float' and 'float'")
        }
    }

    /// CPython's float divmod, with the sign rules of floor division.
    func floatDivmod(_ vx: Double, _ wx: Double) -> (Double, Double) {
        var mod = fmod(vx, wx)
        var div = (vx - mod) / wx
        if mod != 0 {
            if (wx < 0) != (mod < 0) { mod += wx; div -= 1 }
        } else {
            mod = Double(sign: wx.sign, exponentBitPattern: 0, significandBitPattern: 0)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
        } else {
            floordiv = Double(sign: (vx / wx).sign, exponentBitPattern: 0, significandBitPattern: 0)
        }
        return (floordiv, mod)
    }

    /// Sequence and set operators of built-in types.
    private func builtinBinary(_ op: BinaryOp, _ a: PyValue, _ b: PyValue) throws -> PyValue? {
        switch (a, b) {
        case (.str(let x), .str(let y)) where op == .add: return .str(x + y)
        case (.str(let x), _) where op == .mul:
            guard let n = b.asInt else { return nil }
            try reserveStringRepetition(x, times: n)
            return .str(n > 0 ? try repeatedText(x, n) : "")
        case (_, .str(let y)) where op == .mul:
            guard let n = a.asInt else { return nil }
            try reserveStringRepetition(y, times: n)
            return .str(n > 0 ? try repeatedText(y, n) : "")
        case (.str(let x), _) where op == .mod:
            return .str(try percentFormat(x, b))
        case (.object(let o), _):
            if let l = o as? PyList {
                if op == .add {
                    guard let r = b.asList else {
                        if case .object(let ro) = b, ro is PyInstance { return nil }
                        throw PyError.typeError("can only concatenate list (not \"\(typeName(b))\") to list")
                    }
                    return .list(l.items + r.items)
                }
                if op == .mul, let n = b.asInt { return .list(try repeatItems(l.items, n)) }
            } else if let t = o as? PyTuple {
                if op == .add {
                    guard let r = b.asTuple else {
                        if case .object(let ro) = b, ro is PyInstance { return nil }
                        throw PyError.typeError("can only concatenate tuple (not \"\(typeName(b))\") to tuple")
                    }
                    return .tuple(t.items + r.items)
                }
                if op == .mul, let n = b.asInt { return .tuple(try repeatItems(t.items, n)) }
            } else if let s = o as? PySet, case .object(let ob) = b, let s2 = ob as? PySet {
                return try setOp(op, s, s2)
            } else if let d = o as? PyDict, op == .or, let d2 = b.asDict {
                let r = d.copy()
                for e in d2.items { try r.set(e.key, e.value) }
                return .object(r)
            }
            if op == .mul, let n = a.asInt, (o is PyList || o is PyTuple) { _ = n }
        case (_, .object(let o)) where op == .mul:
            guard let n = a.asInt else { return nil }
            if let l = o as? PyList { return .list(try repeatItems(l.items, n)) }
            if let t = o as? PyTuple { return .tuple(try repeatItems(t.items, n)) }
        default: break
        }
        return nil
    }

    private func repeatItems(_ items: [PyValue], _ n: Int) throws -> [PyValue] {
        var out: [PyValue] = []
        // An empty sequence stays empty however large n is (CPython returns at once).
        if n <= 0 || items.isEmpty { return out }
        try reserveRepetition(items.count, times: n, itemBytes: MemoryLayout<PyValue>.stride)
        out.reserveCapacity(items.count * n)
        for _ in 0..<n { out.append(contentsOf: items) }
        return out
    }

    private func setOp(_ op: BinaryOp, _ a: PySet, _ b: PySet) throws -> PyValue? {
        if let s = try PySet.cpythonOperation(op, a, b, self) { return .object(s) }
        let r: [PyValue]
        switch op {
        case .or: r = a.items + b.items
        case .and: r = try a.items.filter { try b.contains($0) }
        case .sub: r = try a.items.filter { !(try b.contains($0)) }
        case .xor: r = try a.items.filter { !(try b.contains($0)) } + b.items.filter { !(try a.contains($0)) }
        default: return nil
        }
        return .object(try PySet(r, frozen: a.frozen))
    }
}
