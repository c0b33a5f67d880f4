#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// CPython's `PyOS_double_to_string` (Python/pystrtod.c): the one routine behind
/// `format(float)`, `'%f' % x`, `str.format` and the parts of `format(complex)`. Its layout
/// rules (when `g` switches to an exponent, where `#` keeps a trailing point, how `z` drops
/// the sign of a zero) are reproduced step by step from `format_float_short`; the digits come
/// from correctly rounded sources (the shortest round-trip digits, or C's `%e`/`%f`, which
/// round the exact binary value half-even as David Gay's `dtoa` does).
struct DoubleToString {
    /// `e`, `f`, `g` or `r` (repr); the upper-case `E`, `F`, `G` are given as lower case with
    /// `upper` set.
    var code: Character
    var precision: Int
    var alwaysSign = false
    /// `repr` style: an integral value keeps `.0`, and `g` switches to an exponent one digit
    /// earlier (format's omitted type with a precision).
    var addDot0 = false
    /// `#`: keep the point and trailing zeros of `g`.
    var alternate = false
    /// `z`: a value that rounds to zero loses its minus sign.
    var noNegativeZero = false
    var upper = false

    init(code: Character, precision: Int, alwaysSign: Bool = false, addDot0: Bool = false,
         alternate: Bool = false, noNegativeZero: Bool = false) {
        self.upper = code.isUppercase
        self.code = Character(code.lowercased())
        self.precision = precision
        self.alwaysSign = alwaysSign
        self.addDot0 = addDot0
        self.alternate = alternate
        self.noNegativeZero = noNegativeZero
    }

    func render(_ d: Double) -> String {
        var precision = self.precision
        // dtoa's mode and digit count for each code.
        var digits: [UInt8]
        var decpt: Int
        switch code {
        case "e":
            precision += 1
            (digits, decpt) = Self.significantDigits(d, precision)
        case "f": (digits, decpt) = Self.fixedDigits(d, precision)
        case "g":
            if precision == 0 { precision = 1 }
            (digits, decpt) = Self.significantDigits(d, precision)
        default: (digits, decpt) = Self.shortest(d)
        }
        var negative = d.sign == .minus
        if d.isNaN || d.isInfinite {
            // Gay's "Infinity"/"NaN"; a NaN's sign is ignored.
            if d.isNaN { negative = false }
            var out = negative ? "-" : (alwaysSign ? "+" : "")
            let word = d.isNaN ? "nan" : "inf"
            out += upper ? word.uppercased() : word
            return out
        }
        if noNegativeZero && negative && (digits.isEmpty || digits == [48]) { negative = false }

        var useExp = false
        var vdigitsEnd = digits.count
        switch code {
        case "e":
            useExp = true
            vdigitsEnd = precision
        case "f":
            vdigitsEnd = decpt + precision
        case "g":
            if decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision) { useExp = true }
            if alternate { vdigitsEnd = precision }
        default:
            // repr switches to an exponent at 1e16.
            if decpt <= -4 || decpt > 16 { useExp = true }
        }
        var exp = 0
        if useExp {
            exp = decpt - 1
            decpt = 1
        }
        let vdigitsStart = decpt <= 0 ? decpt - 1 : 0
        if !useExp && addDot0 {
            vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1
        } else {
            vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt
        }

        var out: [UInt8] = []
        out.reserveCapacity(vdigitsEnd - vdigitsStart + 8)
        if negative { out.append(45) } else if alwaysSign { out.append(43) }
        func zeros(_ n: Int) { if n > 0 { out.append(contentsOf: repeatElement(48, count: n)) } }
        // Zeros on the left of the digits, with the point when it falls there.
        if decpt <= 0 {
            zeros(decpt - vdigitsStart)
            out.append(46)
            zeros(-decpt)
        } else {
            zeros(-vdigitsStart)
        }
        // The digits, with the point when it falls inside them.
        if decpt > 0 && decpt <= digits.count {
            out.append(contentsOf: digits[0..<decpt])
            out.append(46)
            out.append(contentsOf: digits[decpt...])
        } else {
            out.append(contentsOf: digits)
        }
        // Zeros on the right, with the point when it falls there.
        if digits.count < decpt {
            zeros(decpt - digits.count)
            out.append(46)
            zeros(vdigitsEnd - decpt)
        } else {
            zeros(vdigitsEnd - digits.count)
        }
        if out.last == 46 && !alternate { out.removeLast() }
        var text = String(decoding: out, as: UTF8.self)
        if useExp {
            text += upper ? "E" : "e"
            text += (exp < 0 ? "-" : "+") + (abs(exp) < 10 ? "0" : "") + String(abs(exp))
        }
        return text
    }

    /// dtoa mode 0: the shortest digits that read back as `d` (zero is "0" at decpt 1).
    static func shortest(_ d: Double) -> ([UInt8], Int) {
        if d == 0 || !d.isFinite { return ([48], 1) }
        let (_, digits, decpt) = shortestDigits(d)
        return (Array(digits.utf8), decpt)
    }

    /// dtoa mode 2: `n` significant digits, correctly rounded, trailing zeros dropped.
    static func significantDigits(_ d: Double, _ n: Int) -> ([UInt8], Int) {
        if d == 0 || !d.isFinite { return ([48], 1) }
        let text = Array(cFormat("%.*e", Int32(clamping: max(n, 1) - 1), abs(d)).utf8)
        let e = text.firstIndex(of: 101)!
        var digits = text[..<e].filter { $0 != 46 }
        let exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self))!
        while digits.count > 1 && digits.last == 48 { digits.removeLast() }
        return (digits, exponent + 1)
    }

    /// dtoa mode 3: digits up to `n` places after the point, correctly rounded; a value that
    /// rounds to zero has no digits (decpt -n), as Gay's "no digits, fcvt style".
    static func fixedDigits(_ d: Double, _ n: Int) -> ([UInt8], Int) {
        if d == 0 || !d.isFinite { return ([48], 1) }
        let text = Array(cFormat("%.*f", Int32(clamping: n), abs(d)).utf8)
        let point = text.firstIndex(of: 46) ?? text.count
        var digits = Array(text.filter { $0 != 46 })
        var decpt = point
        var lead = 0
        while lead < digits.count && digits[lead] == 48 { lead += 1 }
        if lead == digits.count { return ([], -n) }
        digits.removeFirst(lead)
        decpt -= lead
        while digits.last == 48 { digits.removeLast() }
        return (digits, decpt)
    }
}
