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
    func installBuiltins() {
        installExceptions()
        installTypeObjects()
        installCoreFunctions()
        installNumericFunctions()
        installIterationFunctions()
        installObjectFunctions()
        installDynamicCode()
        installStrMethods()
        installListMethods()
        installDictMethods()
        installSetMethods()
        installObjectMethods()
        installNumberMethods()
        installBytes()
        installTypeAliases()
        installMemoryview()
        installMappingProxy()
        installFileObjects()
        installBuiltinSubclassing()
        builtins[Name("None")] = PyValue.none
        builtins[Name("Ellipsis")] = .ellipsis
        builtins[Name("NotImplemented")] = .notImplemented
        builtinSuper = builtins[N.super_]?.asObject
    }

    private func installCoreFunctions() {
        fn("print") { i, a in
            var sep = " ", end = "\n"
            var file = PyValue.none
            for (k, v) in zip(a.keywordNames, a.keywordValues) {
                switch k.string {
                case "sep", "end":
                    if v.isNone { continue }
                    guard case .str(let text) = v else {
                        throw PyError.typeError("\(k) must be None or a string, not \(i.typeName(v))")
                    }
                    if k.string == "sep" { sep = text } else { end = text }
                case "file": file = v
                case "flush": break
                default: throw PyError.typeError("'\(k)' is an invalid keyword argument for print()")
                }
            }
            var out = ""
            for (n, v) in a.positional.enumerated() {
                if n > 0 { out += sep }
                out += try i.str(v)
            }
            // `sys.stdout` replaced (contextlib.redirect_stdout): print goes to its `write`.
            if file.isNone, let sys = i.modules["sys"], let so = sys[Name("stdout")], let orig = sys[Name("__stdout__")], !so.isIdentical(orig) {
                file = so
            }
            if file.isNone { i.write(out + end) } else { _ = try i.callMethod(file, "write", [.str(out + end)]) }
            return .none
        }
        fn("len") { i, a in try a.check("len", 1); return .int(try i.length(a[0])) }
        fn("repr") { i, a in
            try a.check("repr", 1)
            // A one-argument builtin counts a level of recursion in CPython.
            if a[0].asInstance != nil { return .str(try i.recursionLevel(" while calling a Python object") { try i.repr(a[0]) }) }
            return .str(try i.repr(a[0]))
        }
        fn("format") { i, a in
            try a.check("format", 1, 2)
            return .str(try i.format(a[0], a.count > 1 ? try i.stringArgument(a[1], "format() argument 2") : ""))
        }
        fn("ascii") { i, a in
            try a.check("ascii", 1)
            // repr() with each non-ASCII character escaped (backslash x, u or U and its hex code).
            return .str(try i.asciiRepr(a[0]))
        }
        fn("chr") { i, a in
            try a.check("chr", 1)
            // A C int argument, as CPython's.
            if case .object(let o) = a[0], o is PyBigInt { throw PyError.overflow("Python int too large to convert to C int") }
            let n = try i.intArgument(a[0])
            guard n >= Int(Int32.min), n <= Int(Int32.max) else { throw PyError.overflow("Python int too large to convert to C int") }
            guard n >= 0, let u = Unicode.Scalar(UInt32(clamping: n)) else { throw PyError.valueError("chr() arg not in range(0x110000)") }
            return .str(String(Character(u)))
        }
        fn("ord") { i, a in
            try a.check("ord", 1)
            guard case .str(let s) = a[0] else { throw PyError.typeError("ord() expected string of length 1, but \(i.typeName(a[0])) found") }
            guard s.unicodeScalars.count == 1 else { throw PyError.typeError("ord() expected a character, but string of length \(s.unicodeScalars.count) found") }
            return .int(Int(s.unicodeScalars.first!.value))
        }
        fn("hex") { i, a in try a.check("hex", 1); if let b = a[0].asObject as? PyBigInt { return .str((b.value.negative ? "-0x" : "0x") + b.value.magnitude.toString(radix: 16)) }; let n = try i.intArgument(a[0]); return .str((n < 0 ? "-0x" : "0x") + String(n.magnitude, radix: 16)) }
        fn("bin") { i, a in try a.check("bin", 1); if let b = a[0].asObject as? PyBigInt { return .str((b.value.negative ? "-0b" : "0b") + b.value.magnitude.toString(radix: 2)) }; let n = try i.intArgument(a[0]); return .str((n < 0 ? "-0b" : "0b") + String(n.magnitude, radix: 2)) }
        fn("oct") { i, a in try a.check("oct", 1); if let b = a[0].asObject as? PyBigInt { return .str((b.value.negative ? "-0o" : "0o") + b.value.magnitude.toString(radix: 8)) }; let n = try i.intArgument(a[0]); return .str((n < 0 ? "-0o" : "0o") + String(n.magnitude, radix: 8)) }
        fn("open") { _, _ in throw PyError(type: "PermissionError", message: "open() is not available: lessons have no file access") }
        fn("input") { _, _ in throw PyError.runtimeError("input() is not available: lessons cannot read input") }
        fn("__import__") { i, a in
            try a.check("__import__", 1, 5)
            let name = try i.stringArgument(a[0], "__import__() argument 1")
            _ = try i.importModule(name)
            return .object(try i.importModule(String(name.split(separator: ".")[0])))
        }
    }

    private func installNumericFunctions() {
        fn("abs") { i, a in
            try a.check("abs", 1)
            switch a[0] {
            case .int(let n):
                if n == .min { return PyBigInt.make(BigInt(n).magnitude) }
                return .int(abs(n))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .float(abs(d))
            default:
                if let r = try i.callSpecial(a[0], N.__abs__, []) { return r }
                throw PyError.typeError("bad operand type for abs(): '\(i.typeName(a[0]))'")
            }
        }
        fn("round") { i, a in
            let b = try a.bindClinic(ClinicSignature("round", ["number", "ndigits"], required: 1))
            let x = b[0]!
            var nd: PyValue? = nil
            if let v = b[1], !v.isNone { nd = v }
            switch x {
            case .int, .bool:
                let v = x.asInt!
                guard let ndv = nd else { return .int(v) }
                let d = try i.intArgument(ndv)
                if d >= 0 { return .int(v) }
                if d < -19 { return .int(0) }
                return roundedInteger(BigInt(v), ndigits: d)
            case .float(let d):
                guard let ndv = nd else {
                    if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
                    if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
                    return try i.intFromDouble(d.rounded(.toNearestOrEven))
                }
                return .float(roundDouble(d, try i.intArgument(ndv)))
            default:
                if let r = try i.callSpecial(x, N.__round__, nd.map { [$0] } ?? []) { return r }
                throw PyError.typeError("type \(i.typeName(x)) doesn't define __round__ method")
            }
        }
        fn("divmod") { i, a in
            try a.check("divmod", 2)
            return try i.divmod(a[0], a[1])
        }
        fn("pow") { i, a in
            let b = try a.bindClinic(ClinicSignature("pow", ["base", "exp", "mod"], required: 2))
            if let m = b[2], !m.isNone {
                guard let base = b[0]!.asInt, var e = b[1]!.asInt, let mod = m.asInt, e >= 0, mod != 0,
                      i.isIntegral(b[0]!), i.isIntegral(b[1]!), i.isIntegral(m) else {
                    return try i.powMod(b[0]!, b[1]!, m)
                }
                // Products of residues need 128 bits before the reduction.
                let um = UInt64(mod.magnitude)
                func mulmod(_ x: UInt64, _ y: UInt64) -> UInt64 {
                    let p = x.multipliedFullWidth(by: y)
                    return um.dividingFullWidth((p.high, p.low)).remainder
                }
                var result: UInt64 = 1 % um
                var ub = UInt64((base % Int(um) + Int(um)) % Int(um))
                while e > 0 {
                    if e & 1 == 1 { result = mulmod(result, ub) }
                    ub = mulmod(ub, ub)
                    e >>= 1
                }
                _ = base
                let r = Int(result)
                return .int(mod < 0 && r > 0 ? r + mod : r)
            }
            return try i.binaryOp(.pow, b[0]!, b[1]!)
        }
        fn("sum") { i, a in
            let b = try a.bindClinic(ClinicSignature("sum", ["iterable", "start"], positionalOnly: 1, required: 1))
            var total = b[1] ?? .int(0)
            if case .str = total { throw PyError.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            try i.forEach(b[0]!) { x in
                if case .int(let t) = total, case .int(let y) = x {
                    let (r, o) = t.addingReportingOverflow(y)
                    if !o { total = .int(r); return true }
                }
                if case .float(let t) = total, case .float(let y) = x { total = .float(t + y); return true }
                total = try i.binaryOp(.add, total, x)
                return true
            }
            return total
        }
        fn("min") { i, a in try i.minMax(a, "min", wantMax: false) }
        fn("max") { i, a in try i.minMax(a, "max", wantMax: true) }
        fn("hash") { i, a in try a.check("hash", 1); return .int(try i.hashValue(a[0])) }
        fn("id") { _, a in
            try a.check("id", 1)
            if case .object(let o) = a[0] { return .int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o).hashValue))) }
            return .int(abs((try? DictKey(a[0]))?.hashValue ?? 0))
        }
    }

    func minMax(_ a: Arguments, _ name: String, wantMax: Bool) throws -> PyValue {
        var key: PyValue?
        var def: PyValue?
        for (k, v) in zip(a.keywordNames, a.keywordValues) {
            if k == N.key { key = v.isNone ? nil : v }
            else if k == N.default_ { def = v }
            else { throw PyError.typeError("'\(k)' is an invalid keyword argument for \(name)()") }
        }
        if a.count == 0 { throw PyError.typeError("\(name) expected at least 1 argument, got 0") }
        let items: [PyValue]
        if a.count == 1 {
            items = try iterate(a[0])
        } else {
            if def != nil { throw PyError.typeError("Cannot specify a default for \(name)() with multiple positional arguments") }
            items = a.positional
        }
        if items.isEmpty {
            if let d = def { return d }
            throw PyError.valueError("\(name)() arg is an empty sequence")
        }
        var best = items[0]
        var bestKey = try key.map { try call($0, Arguments([best])) } ?? best
        for x in items.dropFirst() {
            let k = try key.map { try call($0, Arguments([x])) } ?? x
            let better = wantMax ? try truthy(try compare(.gt, k, bestKey)) : try truthy(try compare(.lt, k, bestKey))
            if better { best = x; bestKey = k }
        }
        return best
    }
}

/// `round(x, n)` for floats: correctly rounded through decimal formatting, as CPython does.
func roundDouble(_ x: Double, _ n: Int) -> Double {
    if !x.isFinite || x == 0 { return x }
    if n > 300 { return x }
    if n >= 0 {
        let s = cFormat("%.\(n)f", x)
        return Double(s) ?? x
    }
    if n < -308 { return 0.0 * x }
    let p = pow(10.0, Double(-n))
    let y = (x / p).rounded(.toNearestOrEven) * p
    return y
}
