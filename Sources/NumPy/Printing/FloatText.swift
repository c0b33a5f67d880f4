import Interpreter
import Tensors

/// NumPy's Dragon4 float formatting (`format_float_positional` / `_scientific`), built on
/// the shortest round-trip digits Swift prints and on C's correctly rounded printf for
/// digits past the shortest ones.
enum FloatText {
    /// Shortest round-trip digits of |x| for its own type, with the decimal point
    /// position: |x| = 0.DIGITS × 10^point. x must be finite and nonzero.
    static func shortest(_ x: Double, _ dtype: DType) -> (digits: [UInt8], point: Int) {
        let text: String
        switch dtype {
        case .float32: text = Float(abs(x)).description
        case .float16: text = shortestHalf(Float16(abs(x)))
        case .bfloat16: text = Float(abs(x)).description
        default: text = abs(x).description
        }
        var mantissa = Substring(text)
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exp = Int(text[text.index(after: e)...])!
            mantissa = text[..<e]
        }
        var intPart = mantissa, frac = Substring("")
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = mantissa[..<dot]
            frac = mantissa[mantissa.index(after: dot)...]
        }
        var digits = Array((intPart + frac).utf8).map { $0 - 48 }
        var point = intPart.count + exp
        while let f = digits.first, f == 0, digits.count > 1 { digits.removeFirst(); point -= 1 }
        while let l = digits.last, l == 0, digits.count > 1 { digits.removeLast() }
        return (digits, point)
    }

    /// Shortest round-trip text of a float16 (Swift's description prints some values in
    /// full): the fewest significant digits whose correctly rounded value reads back.
    static func shortestHalf(_ h: Float16) -> String {
        for p in 0..<6 {
            let s = cFormat("%.*e", Int32(p), Double(h))
            if let d = Double(s), Float16(d) == h { return s }
        }
        return Double(h).description
    }

    static func text(_ d: [UInt8]) -> String { String(decoding: d.map { $0 + 48 }, as: UTF8.self) }

    /// `dragon4_positional`: integer and fraction digit strings of x (sign separate).
    static func positionalParts(_ x: Double, _ dtype: DType, precision: Int, unique: Bool, minDigits: Int)
        -> (int: String, frac: String) {
        var intS: String, fracS: String
        if x == 0 {
            intS = "0"; fracS = ""
        } else if unique {
            let (d, p) = shortest(x, dtype)
            let fracCount = max(0, d.count - p)
            if precision >= 0 && fracCount > precision {
                (intS, fracS) = printfFixed(abs(x), precision)
                while fracS.hasSuffix("0") { fracS.removeLast() }
            } else {
                if p <= 0 {
                    intS = "0"; fracS = String(repeating: "0", count: -p) + text(d)
                } else if p >= d.count {
                    intS = text(d) + String(repeating: "0", count: p - d.count); fracS = ""
                } else {
                    intS = text(Array(d[..<p])); fracS = text(Array(d[p...]))
                }
            }
        } else {
            (intS, fracS) = printfFixed(abs(x), max(precision, 0))
        }
        if fracS.count < minDigits {
            // Dragon4 prints the value's own digits past the shortest ones, correctly rounded
            if x != 0 { (intS, fracS) = printfFixed(abs(x), minDigits) }
            else { fracS += String(repeating: "0", count: minDigits - fracS.count) }
        }
        return (intS, fracS)
    }

    private static func printfFixed(_ x: Double, _ p: Int) -> (String, String) {
        let s = cFormat("%.*f", Int32(p), x)
        if let dot = s.firstIndex(of: ".") { return (String(s[..<dot]), String(s[s.index(after: dot)...])) }
        return (s, "")
    }

    /// `dragon4_scientific`: mantissa digits (first digit, fraction digits) and exponent.
    static func scientificParts(_ x: Double, _ dtype: DType, precision: Int, unique: Bool, minDigits: Int)
        -> (first: String, frac: String, exp: Int) {
        if x == 0 {
            return ("0", String(repeating: "0", count: max(minDigits, unique ? 0 : precision)), 0)
        }
        var first: String, frac: String, e: Int
        if unique {
            let (d, p) = shortest(x, dtype)
            if precision >= 0 && d.count - 1 > precision {
                (first, frac, e) = printfSci(abs(x), precision)
                while frac.hasSuffix("0") { frac.removeLast() }
            } else {
                first = text([d[0]]); frac = text(Array(d.dropFirst())); e = p - 1
            }
        } else {
            (first, frac, e) = printfSci(abs(x), max(precision, 0))
        }
        if frac.count < minDigits {
            // Dragon4 prints the value's own digits past the shortest ones, correctly rounded
            (first, frac, e) = printfSci(abs(x), minDigits)
        }
        return (first, frac, e)
    }

    private static func printfSci(_ x: Double, _ p: Int) -> (String, String, Int) {
        let s = cFormat("%.*e", Int32(p), x)
        let parts = s.split(separator: "e")
        let m = parts[0], e = Int(parts[1])!
        if let dot = m.firstIndex(of: ".") { return (String(m[..<dot]), String(m[m.index(after: dot)...]), e) }
        return (String(m), "", e)
    }

    /// Full `format_float_positional`.
    static func positional(_ x: Double, _ dtype: DType, precision: Int = -1, unique: Bool = true,
                           fractional: Bool = true, trim: Character = "k", sign: Bool = false,
                           padLeft: Int = -1, padRight: Int = -1, minDigits: Int = -1) -> String {
        if !x.isFinite { return nonFinite(x, sign: sign) }
        var (i, f) = positionalParts(x, dtype, precision: precision, unique: unique, minDigits: max(minDigits, 0))
        let neg = x.sign == .minus
        var s = (neg ? "-" : (sign ? "+" : "")) + i
        switch trim {
        case "k": s += "." + f
        case ".":
            while f.hasSuffix("0") && f.count > max(minDigits, 0) { f.removeLast() }
            s += "." + f
        case "0":
            while f.hasSuffix("0") && f.count > max(minDigits, 0) { f.removeLast() }
            s += "." + (f.isEmpty ? "0" : f)
        default:
            while f.hasSuffix("0") && f.count > max(minDigits, 0) { f.removeLast() }
            s += f.isEmpty ? "" : "." + f
        }
        if trim == "k" && f.isEmpty && !unique && precision == 0 { /* "1." */ }
        let intLen = (neg || sign ? 1 : 0) + i.count
        if padLeft > intLen { s = String(repeating: " ", count: padLeft - intLen) + s }
        let fracLen = trim == "-" && f.isEmpty ? -1 : f.count
        if padRight >= 0 {
            let have = fracLen < 0 ? 0 : fracLen
            if padRight > have { s += String(repeating: " ", count: padRight - have + (fracLen < 0 ? 1 : 0)) }
        }
        return s
    }

    /// Full `format_float_scientific`.
    static func scientific(_ x: Double, _ dtype: DType, precision: Int = -1, unique: Bool = true,
                           trim: Character = "k", sign: Bool = false, padLeft: Int = -1,
                           expDigits: Int = -1, minDigits: Int = -1) -> String {
        if !x.isFinite { return nonFinite(x, sign: sign) }
        var (first, f, e) = scientificParts(x, dtype, precision: precision, unique: unique, minDigits: max(minDigits, 0))
        let neg = x.sign == .minus
        var s = (neg ? "-" : (sign ? "+" : "")) + first
        switch trim {
        case "k": s += "." + f
        case ".":
            while f.hasSuffix("0") && f.count > max(minDigits, 0) { f.removeLast() }
            s += "." + f
        case "0":
            while f.hasSuffix("0") && f.count > max(minDigits, 0) { f.removeLast() }
            s += "." + (f.isEmpty ? "0" : f)
        default:
            while f.hasSuffix("0") && f.count > max(minDigits, 0) { f.removeLast() }
            s += f.isEmpty ? "" : "." + f
        }
        let intLen = (neg || sign ? 1 : 0) + 1
        if padLeft > intLen { s = String(repeating: " ", count: padLeft - intLen) + s }
        var es = String(abs(e))
        let want = max(expDigits < 0 ? 2 : expDigits, 2)
        if es.count < want { es = String(repeating: "0", count: want - es.count) + es }
        if expDigits >= 0 && expDigits < 2 && es.count > expDigits {
            // NumPy pads to at least 2 digits unless exp_digits asks for fewer... keep 2
        }
        return s + "e" + (e < 0 ? "-" : "+") + es
    }

    static func nonFinite(_ x: Double, sign: Bool) -> String {
        if x.isNaN { return (sign ? "+" : "") + "nan" }
        return x < 0 ? "-inf" : ((sign ? "+" : "") + "inf")
    }

    /// The `str` of a NumPy float scalar (Python's repr rule on the type's shortest digits).
    static func scalarText(_ x: Double, _ dtype: DType) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
        let (d, p) = shortest(x, dtype)
        var out = x < 0 ? "-" : ""
        // NumPy prints float64 scalars positionally for 1e-4 <= |x| < 1e16, float32 below
        // 1e6 and float16 below 1e3 (scalartypes.c).
        let cutoff: Double = dtype == .float16 ? 1e3 : (dtype == .float32 ? 1e6 : 1e16)
        if abs(x) >= 1e-4 && abs(x) < cutoff {
            if p <= 0 {
                out += "0." + String(repeating: "0", count: -p) + text(d)
            } else if p >= d.count {
                out += text(d) + String(repeating: "0", count: p - d.count) + ".0"
            } else {
                out += text(Array(d[..<p])) + "." + text(Array(d[p...]))
            }
        } else {
            out += text([d[0]]) + (d.count > 1 ? "." + text(Array(d.dropFirst())) : "")
            let e = p - 1
            let es = String(abs(e))
            out += "e" + (e < 0 ? "-" : "+") + (es.count < 2 ? "0" + es : es)
        }
        return out
    }
}
