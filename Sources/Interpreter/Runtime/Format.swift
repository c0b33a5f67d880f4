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

/// A parsed format specification (`[[fill]align][sign][z][#][0][width][,|_][.precision][type]`).
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    init(_ spec: String) throws {
        var c = Array(spec)
        var i = 0
        func isAlign(_ ch: Character) -> Bool { "<>=^".contains(ch) }
        if c.count >= 2 && isAlign(c[1]) { fill = c[0]; align = c[1]; i = 2 }
        else if c.count >= 1 && isAlign(c[0]) { align = c[0]; i = 1 }
        if i < c.count && "+- ".contains(c[i]) { sign = c[i]; i += 1 }
        if i < c.count && c[i] == "z" { i += 1 }
        if i < c.count && c[i] == "#" { alternate = true; i += 1 }
        if i < c.count && c[i] == "0" { zeroPad = true; i += 1 }
        var w = ""
        while i < c.count && c[i].isASCII && c[i].isNumber { w.append(c[i]); i += 1 }
        width = Int(w) ?? 0
        // A padded result past the default object limit would exhaust memory.
        if width > Interpreter.Limits().objectByteLimit { throw PyError.memoryError() }
        if i < c.count && (c[i] == "," || c[i] == "_") { grouping = c[i]; i += 1 }
        if i < c.count && c[i] == "." {
            i += 1
            var p = ""
            while i < c.count && c[i].isASCII && c[i].isNumber { p.append(c[i]); i += 1 }
            if p.isEmpty { throw PyError.valueError("Format specifier missing precision") }
            precision = Int(p)
        }
        if i < c.count { type = c[i]; i += 1 }
        if i < c.count { throw PyError.valueError("Invalid format specifier '\(spec)' for object of type '\(c.isEmpty ? "" : "")'") }
        if zeroPad && align == nil { fill = "0"; align = "=" }
        c = []
    }

    /// Pads `body` (without sign) to the width; `prefix` is the sign and base prefix.
    func pad(_ prefix: String, _ body: String, defaultAlign: Character) -> String {
        let len = prefix.count + body.count
        if len >= width { return prefix + body }
        let n = width - len
        let fillStr = LongText.padding(fill, n)
        switch align ?? defaultAlign {
        case "<": return prefix + body + fillStr
        case "^":
            let left = LongText.padding(fill, n / 2), right = LongText.padding(fill, n - n / 2)
            return left + prefix + body + right
        case "=": return prefix + fillStr + body
        default: return fillStr + prefix + body
        }
    }
}

/// Inserts a separator every `every` digits from the right.
/// `digits` with the fewest leading zeros that make its grouped form (a separator every
/// `every` digits) at least `target` characters long, as CPython's zero padding with `,`/`_`
/// does. Computed directly: prepending one zero at a time was quadratic in the width.
func zeroFilledForGrouping(_ digits: String, every: Int, target: Int) -> String {
    func groupedLength(_ d: Int) -> Int { d + (d - 1) / every }
    let count = digits.count
    guard target > 0, groupedLength(count) < target else { return digits }
    var d = Swift.max(count, target * every / (every + 1) - 2)
    while groupedLength(d) < target { d += 1 }
    return String(repeating: "0", count: d - count) + digits
}

func groupDigits(_ digits: String, _ sep: Character, every: Int) -> String {
    var out: [Character] = []
    for (i, ch) in digits.reversed().enumerated() {
        if i > 0 && i % every == 0 { out.append(sep) }
        out.append(ch)
    }
    return String(out.reversed())
}

extension Interpreter {
    /// `format(v, spec)`.
    public func format(_ v: PyValue, _ spec: String) throws -> String {
        let s = try formatValue(v, spec)
        // A long padding stopped early for the cell's time limit.
        try NativeDeadline.throwIfTripped()
        return s
    }

    private func formatValue(_ v: PyValue, _ spec: String) throws -> String {
        switch v {
        case .int(let i): return try formatInt(i, spec)
        case .bool(let b): return spec.isEmpty ? (b ? "True" : "False") : try formatInt(b ? 1 : 0, spec)
        case .float(let d): return try formatFloat(d, spec)
        case .str(let s): return try formatString(s, spec)
        case .object(let o as PyBigInt): return try formatBigInt(o.value, spec)
        case .object(let o) where o is PyInstance:
            if let m = typeOf(v).lookup(N.__format__) {
                let r = try callAttribute(m, receiver: v, Arguments([.str(spec)]))
                guard case .str(let s) = r else { throw PyError.typeError("__format__ must return a str, not \(typeName(r))") }
                return s
            }
            fallthrough
        default:
            if spec.isEmpty { return try str(v) }
            throw PyError.typeError("unsupported format string passed to \(typeName(v)).__format__")
        }
    }

    func formatString(_ s: String, _ spec: String) throws -> String {
        if spec.isEmpty { return s }
        let f = try FormatSpec(spec)
        try reservePadding(f.width)
        if let t = f.type, t != "s" { throw PyError.valueError("Unknown format code '\(t)' for object of type 'str'") }
        if let g = f.grouping { throw PyError.valueError("Cannot specify '\(g)' with 's'.") }
        if f.sign != "-" { throw PyError.valueError("Sign not allowed in string format specifier") }
        if f.align == "=" { throw PyError.valueError("'=' alignment not allowed in string format specifier") }
        var body = s
        if let p = f.precision { body = String(s.unicodeScalars.prefix(p).map(Character.init)) }
        return f.pad("", body, defaultAlign: "<")
    }

    func formatInt(_ i: Int, _ spec: String) throws -> String {
        if spec.isEmpty { return String(i) }
        let f = try FormatSpec(spec)
        try reservePadding(f.width)
        if let t = f.type, "eEfFgG%".contains(t) { return try formatFloat(Double(i), spec) }
        if f.precision != nil { throw PyError.valueError("Precision not allowed in integer format specifier") }
        let mag = i.magnitude
        var digits: String
        var prefix = ""
        switch f.type {
        case nil, "d", "n": digits = String(mag)
        case "b": digits = String(mag, radix: 2); if f.alternate { prefix = "0b" }
        case "o": digits = String(mag, radix: 8); if f.alternate { prefix = "0o" }
        case "x": digits = String(mag, radix: 16); if f.alternate { prefix = "0x" }
        case "X": digits = String(mag, radix: 16).uppercased(); if f.alternate { prefix = "0X" }
        case "c":
            guard let u = Unicode.Scalar(UInt32(clamping: i)) else { throw PyError.overflow("%c arg not in range(0x110000)") }
            return f.pad("", String(Character(u)), defaultAlign: "<")
        default:
            throw PyError.valueError("Unknown format code '\(f.type!)' for object of type 'int'")
        }
        if let g = f.grouping {
            let every = (f.type == nil || f.type == "d" || f.type == "n") ? 3 : 4
            if f.fill == "0" && f.align == "=" {
                let signLen = (i < 0 || f.sign != "-") ? 1 : 0
                let target = f.width - signLen - prefix.count
                digits = zeroFilledForGrouping(digits, every: every, target: target)
            }
            digits = groupDigits(digits, g, every: every)
        }
        let signStr = i < 0 ? "-" : (f.sign == "+" ? "+" : f.sign == " " ? " " : "")
        return f.pad(signStr + prefix, digits, defaultAlign: ">")
    }

    func formatFloat(_ d: Double, _ spec: String) throws -> String {
        if spec.isEmpty { return floatRepr(d) }
        let f = try FormatSpec(spec)
        try reservePadding(f.width)
        let negative = d.sign == .minus && !(d.isNaN)
        let a = abs(d)
        var body: String
        let upper = f.type.map { $0.isUppercase } ?? false
        // CPython checks the presentation type before looking at the value.
        if let t = f.type, !"eEfFgGn%".contains(t) {
            throw PyError.valueError("Unknown format code '\(t)' for object of type 'float'")
        }
        if a.isInfinite || a.isNaN {
            body = a.isNaN ? "nan" : "inf"
            if upper { body = body.uppercased() }
            if f.type == "%" { body += "%" }
        } else {
            switch f.type {
            case "f", "F":
                body = cFormat("%\(f.alternate ? "#" : "").\(f.precision ?? 6)f", a)
            case "e", "E":
                body = cFormat("%\(f.alternate ? "#" : "").\(f.precision ?? 6)\(upper ? "E" : "e")", a)
            case "g", "G", "n":
                let p = f.precision ?? 6
                body = cFormat("%\(f.alternate ? "#" : "").\(p == 0 ? 1 : p)\(upper ? "G" : "g")", a)
            case "%":
                body = cFormat("%\(f.alternate ? "#" : "").\(f.precision ?? 6)f", a * 100) + "%"
            case nil:
                if let p0 = f.precision {
                    let p = max(p0, 1)
                    let sci = cFormat("%.\(p - 1)e", a)
                    let x = Int(sci[sci.index(after: sci.firstIndex(of: "e")!)...]) ?? 0
                    if x < -4 || x >= p - 1 {
                        var mant = String(sci[..<sci.firstIndex(of: "e")!])
                        if mant.contains(".") {
                            while mant.hasSuffix("0") { mant.removeLast() }
                            if mant.hasSuffix(".") { mant.removeLast() }
                        }
                        body = mant + "e" + (x < 0 ? "-" : "+") + String(abs(x)).leftPadded(2)
                    } else {
                        body = cFormat("%.\(p)g", a)
                        if !body.contains(".") { body += ".0" }
                    }
                } else {
                    body = floatRepr(a)
                }
            default:
                throw PyError.valueError("Unknown format code '\(f.type!)' for object of type 'float'")
            }
        }
        if let g = f.grouping, a.isFinite {
            var intPart = body
            var rest = ""
            if let idx = body.firstIndex(where: { $0 == "." || $0 == "e" || $0 == "E" || $0 == "%" }) {
                intPart = String(body[..<idx]); rest = String(body[idx...])
            }
            if f.fill == "0" && f.align == "=" {
                let signLen = (negative || f.sign != "-") ? 1 : 0
                let target = f.width - signLen - rest.count
                intPart = zeroFilledForGrouping(intPart, every: 3, target: target)
            }
            body = groupDigits(intPart, g, every: 3) + rest
        }
        let signStr = negative ? "-" : (f.sign == "+" ? "+" : f.sign == " " ? " " : "")
        return f.pad(signStr, body, defaultAlign: ">")
    }

    /// `"..." % args`.
    func percentFormat(_ format: String, _ args: PyValue) throws -> String {
        var values: [PyValue]
        var mapping: PyValue?
        if let t = args.asTuple { values = t.items } else { values = [args] }
        if case .object(let o) = args, o is PyDict || (o is PyInstance && typeOf(args).lookup(N.__getitem__) != nil && args.asTuple == nil) {
            mapping = args
        }
        var next = 0
        func take() throws -> PyValue {
            guard next < values.count else { throw PyError.typeError("not enough arguments for format string") }
            next += 1
            return values[next - 1]
        }
        let c = Array(format)
        var out = ""
        var i = 0
        var usedMapping = false
        while i < c.count {
            if c[i] != "%" { out.append(c[i]); i += 1; continue }
            i += 1
            guard i < c.count else { throw PyError.valueError("incomplete format") }
            var key: String?
            if c[i] == "(" {
                var depth = 1
                var k = ""
                i += 1
                while i < c.count && depth > 0 {
                    if c[i] == "(" { depth += 1 } else if c[i] == ")" { depth -= 1; if depth == 0 { break } }
                    k.append(c[i]); i += 1
                }
                i += 1
                key = k
            }
            var flags = ""
            while i < c.count && "-+ #0".contains(c[i]) { flags.append(c[i]); i += 1 }
            var width = ""
            if i < c.count && c[i] == "*" { width = String(try take().asInt ?? 0); i += 1 }
            while i < c.count && c[i].isASCII && c[i].isNumber { width.append(c[i]); i += 1 }
            if let wi = Int(width) { try reservePadding(wi.magnitude > Int.max ? .max : abs(wi)) }
            var precision: String?
            if i < c.count && c[i] == "." {
                i += 1
                var p = ""
                if i < c.count && c[i] == "*" { p = String(try take().asInt ?? 0); i += 1 }
                while i < c.count && c[i].isASCII && c[i].isNumber { p.append(c[i]); i += 1 }
                precision = p.isEmpty ? "0" : p
            }
            while i < c.count && "hlL".contains(c[i]) { i += 1 }
            guard i < c.count else { throw PyError.valueError("incomplete format") }
            let type = c[i]
            i += 1
            if type == "%" { out += "%"; continue }
            let v: PyValue
            if let k = key {
                guard let m = mapping else { throw PyError.typeError("format requires a mapping") }
                v = try getItem(m, .str(k))
                usedMapping = true
            } else {
                v = try take()
            }
            let cflags = flags
            let w = width
            let pr = precision.map { ".\($0)" } ?? ""
            switch type {
            case "d", "i", "u":
                let n: Int
                if let x = v.asInt { n = x }
                else if case .float(let d) = v {
                    // NaN and infinity raise as int() does; a float past Int64 prints its digits.
                    let whole = try intFromDouble(d)
                    guard let x = whole.asInt else {
                        let digits = try str(whole)
                        let pad = String(repeating: " ", count: max(0, (Int(w) ?? 0) - digits.count))
                        out += cflags.contains("-") ? digits + pad : pad + digits
                        continue
                    }
                    n = x
                }
                else if let b = v.asObject as? PyBigInt {
                    // Beyond 64 bits: the digits (within the int/str digit limit), padded.
                    var digits = try decimalString(b.value)
                    if !b.value.negative && cflags.contains("+") { digits = "+" + digits }
                    let pad = String(repeating: " ", count: max(0, (Int(w) ?? 0) - digits.count))
                    out += cflags.contains("-") ? digits + pad : pad + digits
                    continue
                }
                else if let x = try index(v) { n = x }
                else { throw PyError.typeError("%\(type) format: a real number is required, not \(typeName(v))") }
                out += cFormat("%\(cflags)\(w)\(pr)ld", n)
            case "x", "X", "o":
                guard let n = try index(v) else { throw PyError.typeError("%\(type) format: an integer is required, not \(typeName(v))") }
                var s = cFormat("%\(cflags.replacing("#", with: ""))\(w)\(pr)l\(type)", n)
                if flags.contains("#") {
                    let p = type == "o" ? "0o" : type == "x" ? "0x" : "0X"
                    s = s.replacing(" ", with: "")
                    s = (n < 0 ? "-" : "") + p + s.replacing("-", with: "")
                    if let wi = Int(w), s.count < wi { s = String(repeating: " ", count: wi - s.count) + s }
                }
                out += s
            case "f", "F", "e", "E", "g", "G":
                // CPython's PyNumber_Float: floats, then __float__ / __index__ (NumPy scalars).
                let d = try doubleArgument(v)
                if d.isNaN || d.isInfinite {
                    let body = d.isNaN ? "nan" : (d < 0 ? "-inf" : (flags.contains("+") ? "+inf" : "inf"))
                    let s = type.isUppercase ? body.uppercased() : body
                    out += flags.contains("-") ? s.padded(to: Int(w) ?? 0) : String(repeating: " ", count: max(0, (Int(w) ?? 0) - s.count)) + s
                } else {
                    out += cFormat("%\(cflags)\(w)\(pr)\(type)", d)
                }
            case "s", "r", "a", "c":
                var s: String
                if type == "c" {
                    if let n = v.asInt, let u = Unicode.Scalar(UInt32(clamping: n)) { s = String(Character(u)) }
                    else if case .str(let x) = v, x.unicodeScalars.count == 1 { s = x }
                    else { throw PyError.typeError("%c requires int or char") }
                } else {
                    s = type == "s" ? try str(v) : try repr(v)
                }
                if let p = precision, let pn = Int(p) { s = String(s.prefix(pn)) }
                if let wi = Int(w), s.count < wi {
                    let padding = String(repeating: " ", count: wi - s.count)
                    s = flags.contains("-") ? s + padding : padding + s
                }
                out += s
            default:
                throw PyError.valueError("unsupported format character '\(type)' (0x\(String(type.unicodeScalars.first!.value, radix: 16))) at index \(i - 1)")
            }
        }
        if !usedMapping && next < values.count && mapping == nil {
            throw PyError.typeError("not all arguments converted during string formatting")
        }
        return out
    }
}
