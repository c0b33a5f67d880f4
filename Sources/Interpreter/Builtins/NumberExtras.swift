#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `int.as_integer_ratio` and `float.fromhex`, as CPython's.
extension Interpreter {
    func bindNumberExtras() {
        types.int.addMethod("as_integer_ratio") { _, s, _ in
            if case .bool(let b) = s { return .tuple([.int(b ? 1 : 0), .int(1)]) }
            return .tuple([s, .int(1)])
        }
        types.float.addMethod("hex") { _, s, _ in
            guard case .float(let d) = s else { throw PyError.typeError("descriptor 'hex' requires a 'float' object") }
            return .str(Self.floatHex(d))
        }
        for t in [types.float!] {
            t.addMethod("__round__") { i, s, a in
                guard let round = i.builtins[Name("round")] else { return s }
                return try i.call(round, [s] + a.positional)
            }
        }
        types.float.addStaticMethod("fromhex") { i, a in
            try a.check("fromhex", 1)
            guard case .str(let text) = a[0] else {
                throw PyError.typeError("must be str, not \(i.typeName(a[0]))")
            }
            return .float(try Self.floatFromHex(text))
        }
    }

    /// CPython's `float.hex`: `0x1.8000000000000p+1`, subnormals as `0x0.…p-1022`.
    static func floatHex(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let sign = d.sign == .minus ? "-" : ""
        if d == 0 { return sign + "0x0.0p+0" }
        let bits = d.bitPattern
        let exponent = Int((bits >> 52) & 0x7ff)
        let mantissa = bits & ((1 << 52) - 1)
        let lead = exponent == 0 ? 0 : 1
        let e = exponent == 0 ? -1022 : exponent - 1023
        var hex = String(mantissa, radix: 16)
        hex = String(repeating: "0", count: 13 - hex.count) + hex
        return sign + "0x\(lead).\(hex)p" + (e >= 0 ? "+" : "-") + String(abs(e))
    }

    /// CPython's `float.fromhex`: optional sign, optional `0x`, hex digits with an optional
    /// point, optional `p` exponent; `inf`/`nan` spelled as `float()` takes them.
    static func floatFromHex(_ text: String) throws -> Double {
        let invalid = PyError.valueError("invalid hexadecimal floating-point string")
        var s = Substring(text).drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        while let l = s.last, l == " " || l == "\t" || l == "\n" { s = s.dropLast() }
        var sign = ""
        if let c = s.first, c == "+" || c == "-" { sign = String(c); s = s.dropFirst() }
        let lower = s.lowercased()
        if ["inf", "infinity"].contains(lower) { return sign == "-" ? -.infinity : .infinity }
        if lower == "nan" { return .nan }
        if lower.hasPrefix("0x") { s = s.dropFirst(2) }
        // Validate: hex digits, at most one point, at least one digit, then p[+-]digits.
        var digits = 0, sawPoint = false, i = s.startIndex
        while i < s.endIndex, s[i].isHexDigit || (s[i] == "." && !sawPoint) {
            if s[i] == "." { sawPoint = true } else { digits += 1 }
            i = s.index(after: i)
        }
        if digits == 0 { throw invalid }
        if i < s.endIndex {
            guard s[i] == "p" || s[i] == "P" else { throw invalid }
            var j = s.index(after: i)
            if j < s.endIndex, s[j] == "+" || s[j] == "-" { j = s.index(after: j) }
            guard j < s.endIndex, s[j...].allSatisfy({ $0.isASCII && $0.isNumber }) else { throw invalid }
        }
        let literal = sign + "0x" + s
        var end: UnsafeMutablePointer<CChar>?
        let v = literal.withCString { p -> Double in
            let r = strtod(p, &end)
            return r
        }
        if v.isInfinite { throw PyError.overflow("hexadecimal value too large to represent as a float") }
        return v
    }
}
