/// Python's per-code-point character classes and case mappings for `str` methods. Swift's
/// `Character` works on grapheme clusters ("\r\n" is one), and its whitespace and case
/// rules are not CPython's; these follow `Objects/unicodectype.c` and `unicodeobject.c`.
enum PyChars {
    /// `_PyUnicode_IsWhitespace`: bidirectional class WS, B or S, or category Zs.
    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    static func isAlpha(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isDecimal(_ u: Unicode.Scalar) -> Bool { u.properties.numericType == .decimal }
    static func isDigit(_ u: Unicode.Scalar) -> Bool {
        u.properties.numericType == .decimal || u.properties.numericType == .digit
    }
    static func isNumeric(_ u: Unicode.Scalar) -> Bool { u.properties.numericType != nil }
    static func isTitle(_ u: Unicode.Scalar) -> Bool { u.properties.generalCategory == .titlecaseLetter }
    static func isUpper(_ u: Unicode.Scalar) -> Bool { u.properties.isUppercase }
    static func isLower(_ u: Unicode.Scalar) -> Bool { u.properties.isLowercase }
    static func isCased(_ u: Unicode.Scalar) -> Bool { u.properties.isCased }

    /// `str.lower`, with CPython's final-sigma rule: a capital sigma after a cased letter and
    /// not before one (case-ignorable characters skipped) becomes "ς".
    static func lower(_ s: String) -> String {
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (k, c) in u.enumerated() {
            if c.value == 0x3A3 {
                out.append(Unicode.Scalar(isFinalSigma(u, k) ? 0x3C2 : 0x3C3)!)
            } else {
                out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    private static func isFinalSigma(_ u: [Unicode.Scalar], _ k: Int) -> Bool {
        var j = k - 1
        while j >= 0 && u[j].properties.isCaseIgnorable { j -= 1 }
        guard j >= 0 && u[j].properties.isCased else { return false }
        j = k + 1
        while j < u.count && u[j].properties.isCaseIgnorable { j += 1 }
        return j == u.count || !u[j].properties.isCased
    }

    static func upper(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars { out += c.properties.uppercaseMapping }
        return out
    }

    /// `str.casefold`: full case folding. Swift has no folding table; for the characters that
    /// change when folded, lowering the upper-case form gives the fold ("ß" → "ss", "ſ" → "s",
    /// "ﬁ" → "fi"), except Cherokee small letters, which fold to their capitals.
    static func casefold(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            let p = c.properties
            if !p.changesWhenCaseFolded { out.unicodeScalars.append(c); continue }
            if (0xAB70...0xABBF).contains(c.value) || (0x13F8...0x13FD).contains(c.value) {
                out += p.uppercaseMapping
            } else {
                for x in p.uppercaseMapping.unicodeScalars { out += x.properties.lowercaseMapping }
            }
        }
        return out
    }

    /// `str.title`: title-case after an uncased character, lower-case after a cased one.
    static func title(_ s: String) -> String {
        var out = ""
        var previousCased = false
        for c in s.unicodeScalars {
            out += previousCased ? c.properties.lowercaseMapping : c.properties.titlecaseMapping
            previousCased = c.properties.isCased
        }
        return out
    }

    /// `str.capitalize` (Python 3.8+): the first character title-cased, the rest lowered.
    static func capitalize(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return "" }
        return first.properties.titlecaseMapping + lower(String(String.UnicodeScalarView(s.unicodeScalars.dropFirst())))
    }

    static func swapcase(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            let p = c.properties
            out += p.isUppercase ? p.lowercaseMapping : p.isLowercase ? p.uppercaseMapping : String(c)
        }
        return out
    }
}
