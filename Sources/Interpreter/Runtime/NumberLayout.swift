/// How CPython lays a formatted number into its field (`calc_number_widths` and
/// `fill_number` in Python/formatter_unicode.c):
///
///     <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>
///
/// With a `0` fill and `=` alignment the digits themselves are zero-extended (and grouped)
/// up to the width, which is why `format(1234, '010,')` is `'00,001,234'`.
struct NumberLayout {
    /// `-` when the number is negative; the spec's sign decides the rest.
    var negative: Bool
    /// `0x`, `0b`, `0o` with `#`; empty otherwise.
    var prefix = ""
    /// The integer digits (no sign, no prefix).
    var digits: Substring
    /// A decimal point follows the digits.
    var hasDecimal = false
    /// What follows the point: fraction digits, exponent, `%`, or `inf`/`nan` when there are
    /// no digits at all.
    var remainder: Substring = ""
    /// `X`: prefix and digits upper-cased.
    var upper = false

    /// The field for `spec`; `grouping` is false where the spec's separators do not apply
    /// (`n`, which uses the C locale's empty grouping).
    func render(_ spec: FormatSpec, separator: String?, every: Int) -> String {
        var signText = ""
        switch spec.sign {
        case "+": signText = negative ? "-" : "+"
        case " ": signText = negative ? "-" : " "
        default: if negative { signText = "-" }
        }
        let nonDigits = signText.count + prefix.count + (hasDecimal ? 1 : 0) + remainder.count
        let minWidth = (spec.fill == "0" && spec.align == "=") ? (spec.width ?? -1) - nonDigits : 0
        var grouped = digits.isEmpty ? "" : groupThousands(digits, minWidth: minWidth, separator: separator ?? "", every: separator == nil ? nil : every)
        var pre = prefix
        if upper { grouped = grouped.uppercased(); pre = pre.uppercased() }
        let padding = (spec.width ?? -1) - (nonDigits + grouped.count)
        var left = 0, middle = 0, right = 0
        if padding > 0 {
            switch spec.align {
            case "<": right = padding
            case "^": left = padding / 2; right = padding - left
            case "=": middle = padding
            default: left = padding
            }
        }
        let fill = String(Character(spec.fill))
        var out = ""
        out.reserveCapacity((spec.width ?? 0) + grouped.utf8.count + 8)
        if left > 0 { out += LongText.padding(Character(spec.fill), left) }
        out += signText + pre
        if middle > 0 { out += String(repeating: fill, count: middle) }
        out += grouped
        if hasDecimal { out += "." }
        out += remainder
        if right > 0 { out += LongText.padding(Character(spec.fill), right) }
        return out
    }
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: groups of `every` digits from the right
/// (one group when `every` is nil), separated by `separator`, zero-extended on the left until
/// the grouped text is at least `minWidth` long.
func groupThousands(_ digits: Substring, minWidth: Int, separator: String, every: Int?) -> String {
    let d = Array(digits.utf8)
    var pieces: [String] = []
    var remaining = d.count
    var minWidth = minWidth
    var useSeparator = false
    func take(_ l: Int) {
        let zeros = max(0, l - remaining)
        let chars = max(0, min(remaining, l))
        var piece = String(repeating: "0", count: zeros)
        piece += String(decoding: d[(remaining - chars)..<remaining], as: UTF8.self)
        if useSeparator { piece += separator }
        pieces.append(piece)
        useSeparator = true
        remaining -= chars
        minWidth -= l
    }
    if let every {
        while true {
            take(min(every, max(max(remaining, minWidth), 1)))
            if remaining <= 0 && minWidth <= 0 { return pieces.reversed().joined() }
            minWidth -= separator.count
        }
    }
    take(max(max(remaining, minWidth), 1))
    return pieces.reversed().joined()
}

/// CPython's `calc_padding` for text and complex fields: the left and right fill counts.
func fieldPadding(length: Int, width: Int?, align: Unicode.Scalar) -> (left: Int, right: Int) {
    let total = max(length, width ?? length)
    let left: Int
    switch align {
    case ">": left = total - length
    case "^": left = (total - length) / 2
    default: left = 0
    }
    return (left, total - length - left)
}
