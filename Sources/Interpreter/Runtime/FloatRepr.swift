/// Python's `repr(float)`: shortest round-trip digits, fixed notation for decimal
/// exponents in [-4, 16), scientific otherwise (`1e-05`, `1e+16`).
func floatRepr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    let (negative, digits, decpt) = shortestDigits(d)
    var out = negative ? "-" : ""
    if decpt > -4 && decpt <= 16 {
        if decpt <= 0 {
            out += "0." + String(repeating: "0", count: -decpt) + digits
        } else if decpt >= digits.count {
            out += digits + String(repeating: "0", count: decpt - digits.count) + ".0"
        } else {
            let i = digits.index(digits.startIndex, offsetBy: decpt)
            out += digits[..<i] + "." + digits[i...]
        }
    } else {
        let first = digits.prefix(1)
        let rest = digits.dropFirst()
        out += first + (rest.isEmpty ? "" : "." + rest)
        let e = decpt - 1
        out += "e" + (e < 0 ? "-" : "+") + String(abs(e)).leftPadded(2)
    }
    return out
}

/// Shortest round-trip decimal digits of a finite nonzero double, and the position of the
/// decimal point (value = 0.DIGITS × 10^decpt).
func shortestDigits(_ d: Double) -> (negative: Bool, digits: String, decpt: Int) {
    // Swift's description is shortest round-trip; normalise its notation.
    var s = Substring(abs(d).description)
    var exp = 0
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exp = Int(s[s.index(after: e)...])!
        s = s[..<e]
    }
    var intPart = Substring(s)
    var frac = Substring("")
    if let dot = s.firstIndex(of: ".") {
        intPart = s[..<dot]
        frac = s[s.index(after: dot)...]
    }
    var digits = String(intPart) + String(frac)
    var decpt = intPart.count + exp
    while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); decpt -= 1 }
    while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
    return (d < 0, digits, decpt)
}
