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
    /// Built-in types are callable classes whose constructors convert arguments.
    func installTypeObjects() {
        let t = types
        for c in [t.object, t.type, t.int, t.float, t.bool, t.str, t.list, t.tuple, t.dict, t.set, t.frozenset,
                  t.range, t.slice, t.property, t.staticmethod, t.classmethod, t.superType] {
            builtins[Name(c!.name)] = .object(c!)
        }
        t.int.setConstructor { i, _, a in try i.makeInt(a) }
        t.float.setConstructor { i, _, a in
            try a.check("float", 0, 1)
            return a.count == 0 ? .float(0) : .float(try i.toDouble(a[0]))
        }
        t.bool.setConstructor { i, _, a in
            try a.check("bool", 0, 1)
            return a.count == 0 ? .false : .bool(try i.truthy(a[0]))
        }
        t.str.setConstructor { i, _, a in
            // `str(object, encoding, errors)` decodes bytes, as CPython's `unicode_new`.
            let b = try a.bindClinic(ClinicSignature("str", ["object", "encoding", "errors"]))
            for (k, name) in [(1, "encoding"), (2, "errors")] {
                if let v = b[k], v.asString == nil {
                    throw PyError.typeError("str() argument '\(name)' must be str, not \(v.isNone ? "None" : i.typeName(v))")
                }
            }
            guard let object = b[0] else { return .str("") }
            if b[1] == nil && b[2] == nil { return .str(try i.str(object)) }
            if case .str = object { throw PyError.typeError("decoding str is not supported") }
            guard i.typeName(object) == "bytes" || i.typeName(object) == "bytearray" else {
                throw PyError.typeError("decoding to str: need a bytes-like object, \(i.typeName(object)) found")
            }
            var decodeArguments: [PyValue] = [b[1] ?? .str("utf-8")]
            if let errors = b[2] { decodeArguments.append(errors) }
            return try i.call(try i.getAttribute(object, Name("decode")), decodeArguments)
        }
        t.list.setConstructor { i, _, a in
            try a.check("list", 0, 1)
            return .list(a.count == 0 ? [] : try i.iterate(a[0]))
        }
        t.tuple.setConstructor { i, _, a in
            try a.check("tuple", 0, 1)
            if a.count == 1, a[0].asTuple != nil { return a[0] }
            return .tuple(a.count == 0 ? [] : try i.iterate(a[0]))
        }
        t.dict.setConstructor { i, _, a in
            if a.count > 1 { throw PyError.typeError("dict expected at most 1 argument, got \(a.count)") }
            let d = PyDict()
            if a.count == 1 { try i.dictUpdate(d, a[0]) }
            for (k, v) in zip(a.keywordNames, a.keywordValues) { try d.set(.str(k.string), v) }
            return .object(d)
        }
        t.set.setConstructor { i, _, a in
            try a.check("set", 0, 1)
            // `set(s)` of a set copies its table (CPython's `set_merge`), keeping its order.
            let s = try PySet()
            if a.count == 1 { try s.update(with: a[0], i) }
            return .object(s)
        }
        t.frozenset.setConstructor { i, _, a in
            try a.check("frozenset", 0, 1)
            if a.count == 1, case .object(let o) = a[0], let s = o as? PySet {
                if s.frozen { return a[0] }
            }
            let s = try PySet(frozen: true)
            if a.count == 1 { try s.update(with: a[0], i) }
            return .object(s)
        }
        t.range.setConstructor { i, _, a in
            try a.check("range", 1, 3)
            let v = try a.positional.map { try i.intArgument($0) }
            switch v.count {
            case 1: return .object(PyRange(start: 0, stop: v[0], step: 1))
            case 2: return .object(PyRange(start: v[0], stop: v[1], step: 1))
            default:
                if v[2] == 0 { throw PyError.valueError("range() arg 3 must not be zero") }
                return .object(PyRange(start: v[0], stop: v[1], step: v[2]))
            }
        }
        t.slice.setConstructor { _, _, a in
            try a.check("slice", 1, 3)
            switch a.count {
            case 1: return .object(PySlice(start: .none, stop: a[0], step: .none))
            case 2: return .object(PySlice(start: a[0], stop: a[1], step: .none))
            default: return .object(PySlice(start: a[0], stop: a[1], step: a[2]))
            }
        }
        t.type.setConstructor { i, meta, a in
            if a.count == 1 && meta === i.types.type { return .object(i.typeOf(a[0])) }
            guard a.count == 3, case .str(let name) = a[0], let bases = a[1].asTuple, let ns = try i.classNamespaceDict(a[2]) else {
                throw PyError.typeError("type() takes 1 or 3 arguments")
            }
            let bs = try bases.items.map { v -> PyClass in
                guard case .object(let o) = v, let c = o as? PyClass else { throw PyError.typeError("bases must be types") }
                return c
            }
            let kw = zip(a.keywordNames, a.keywordValues).map { ($0, $1) }
            return .object(try i.makeClass(meta: meta, name: name, bases: bs, namespace: ns, keywords: kw))
        }
        t.property.setConstructor { _, _, a in
            let b = try a.bind(Signature("property", ["fget", "fset", "fdel", "doc"]))
            let p = PyProperty(fget: b[0].flatMap { $0.isNone ? nil : $0 }, fset: b[1].flatMap { $0.isNone ? nil : $0 },
                               fdel: b[2].flatMap { $0.isNone ? nil : $0 })
            p.doc = b[3] ?? .none
            return .object(p)
        }
        t.property.addMethod("setter") { _, s, a in
            let p = s.asObject as! PyProperty
            return .object(PyProperty(fget: p.fget, fset: a[0], fdel: p.fdel))
        }
        t.property.addMethod("getter") { _, s, a in
            let p = s.asObject as! PyProperty
            return .object(PyProperty(fget: a[0], fset: p.fset, fdel: p.fdel))
        }
        t.property.addMethod("deleter") { _, s, a in
            let p = s.asObject as! PyProperty
            return .object(PyProperty(fget: p.fget, fset: p.fset, fdel: a[0]))
        }
        t.staticmethod.setConstructor { _, _, a in try a.check("staticmethod", 1); return .object(PyStaticMethod(a[0])) }
        t.classmethod.setConstructor { _, _, a in try a.check("classmethod", 1); return .object(PyClassMethod(a[0])) }
        t.superType.setConstructor { i, _, a in
            guard a.count == 2, case .object(let o) = a[0], let c = o as? PyClass else {
                throw PyError.runtimeError("super(): no arguments")
            }
            return .object(try i.makeSuper(c, a[1]))
        }
    }

    /// `int(x)`, `int(s, base)`.
    func makeInt(_ a: Arguments) throws -> PyValue {
        let b = try a.bindClinic(ClinicSignature("int", ["x", "base"], positionalOnly: 1))
        guard let x = b[0] else {
            if b[1] != nil { throw PyError.typeError("int() missing string argument") }
            return .int(0)
        }
        if let baseV = b[1] {
            // CPython's order: the base is converted and checked before the value's type.
            // `PyNumber_AsSsize_t(base, NULL)` clamps an int of any size instead of raising.
            var isHuge = false
            if case .object(let o) = baseV, o is PyBigInt { isHuge = true }
            let base = isHuge ? -1 : try intArgument(baseV)
            guard base == 0 || (2...36).contains(base) else {
                throw PyError.valueError("int() base must be >= 2 and <= 36, or 0")
            }
            if let b = x.payload(ByteStorage.self)?.bytes { return try intFromBytes(b, base: base) }
            guard case .str(let s) = x else { throw PyError.typeError("int() can't convert non-string with explicit base") }
            return try intFromString(s, base: base)
        }
        switch x {
        case .int: return x
        case .bool(let v): return .int(v ? 1 : 0)
        case .float(let d): return try intFromDouble(d)
        case .str(let s): return try intFromString(s, base: 10)
        default:
            if let r = try callSpecial(x, N.__int__, []) { return r }
            if let r = try callSpecial(x, N.__index__, []) { return r }
            if let b = bytesLikeOrNil(x) { return try intFromBytes(b, base: 10) }
            throw PyError.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(typeName(x))'")
        }
    }

    /// `_PyLong_FromBytes`: the bytes parsed as ASCII text; the error shows them as `bytes`.
    func intFromBytes(_ b: [UInt8], base: Int) throws -> PyValue {
        do { return try intFromString(asciiText(b), base: base) } catch let e as PyError where e.pendingType == "ValueError" {
            throw PyError.valueError("invalid literal for int() with base \(base): \(bytesRepr(b))")
        }
    }

    /// Bytes as text for number parsing: ASCII as is, any other byte a character no
    /// number syntax accepts.
    func asciiText(_ b: [UInt8]) -> String {
        String(String.UnicodeScalarView(b.map { $0 < 128 ? Unicode.Scalar($0) : "\u{FFFF}" }))
    }

    func doubleToInt(_ d: Double) throws -> Int {
        if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
        if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
        guard let i = Int(exactly: d.rounded(.towardZero)) else {
            throw PyError.overflow("int too large: \(floatRepr(d)) does not fit in a 64-bit int")
        }
        return i
    }

    func parseInt(_ s: String, base: Int) throws -> Int {
        guard base == 0 || (2...36).contains(base) else {
            throw PyError.valueError("int() base must be >= 2 and <= 36, or 0")
        }
        var t = s.trimmingSpaces().replacing("_", with: "")
        var negative = false
        if t.hasPrefix("-") { negative = true; t.removeFirst() } else if t.hasPrefix("+") { t.removeFirst() }
        var b = base
        let lower = t.lowercased()
        if (b == 16 || b == 0) && lower.hasPrefix("0x") { t.removeFirst(2); b = 16 }
        else if (b == 8 || b == 0) && lower.hasPrefix("0o") { t.removeFirst(2); b = 8 }
        else if (b == 2 || b == 0) && lower.hasPrefix("0b") { t.removeFirst(2); b = 2 }
        if b == 0 { b = 10 }
        guard !t.isEmpty, let v = Int(t, radix: b) else {
            throw PyError.valueError("invalid literal for int() with base \(base): \(stringRepr(s))")
        }
        return negative ? -v : v
    }

    /// `float(x)`.
    func toDouble(_ x: PyValue) throws -> Double {
        switch x {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .str(let s):
            let t = s.trimmingSpaces().replacing("_", with: "")
            switch t.lowercased() {
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default: break
            }
            if let d = Double(t), !t.lowercased().contains("x"), !t.isEmpty { return d }
            throw PyError.valueError("could not convert string to float: \(stringRepr(s))")
        default:
            if let r = try callSpecial(x, N.__float__, []), let d = r.asDouble { return d }
            if let r = try callSpecial(x, N.__index__, []), let d = r.asDouble { return d }
            // `PyFloat_FromString` of a bytes-like object: its ASCII text, the object's repr in
            // the error.
            if let b = bytesLikeOrNil(x) {
                do { return try toDouble(.str(asciiText(b))) } catch let e as PyError where e.pendingType == "ValueError" {
                    throw PyError.valueError("could not convert string to float: \(try repr(x))")
                }
            }
            throw PyError.typeError("float() argument must be a string or a real number, not '\(typeName(x))'")
        }
    }

    func dictUpdate(_ d: PyDict, _ source: PyValue) throws {
        if try source.asDict != nil || lookupSpecial(source, Name("keys")) != nil {
            try mergeMapping(into: d, source)
            return
        }
        var n = 0
        try forEach(source) { pair in
            guard let kv = try? iterate(pair) else {
                throw PyError.typeError("cannot convert dictionary update sequence element #\(n) to a sequence")
            }
            if kv.count != 2 {
                throw PyError.valueError("dictionary update sequence element #\(n) has length \(kv.count); 2 is required")
            }
            try d.set(kv[0], kv[1])
            n += 1
            return true
        }
    }
}
