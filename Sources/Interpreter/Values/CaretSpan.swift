/// Where CPython 3.11 draws its position markers under a traceback line: the span of the
/// expression that failed in that frame (0-based columns, end exclusive) and, for binary
/// operators and subscripts, the secondary range drawn with `^` inside `~`.
struct CaretSpan {
    let line: Int
    let col: Int
    let endLine: Int
    let endCol: Int
    /// The `^` part for `a + b` (the operator) and `a[i]` (from `[` to `]`); nil for `^^^^`.
    var anchors: (start: Int, end: Int)? = nil

    /// The marker line for `source` (the frame's line, as in the file), or nil when CPython
    /// shows none: markers that would cover the whole stripped line, without anchors.
    func markers(under source: String) -> String? {
        let chars = Array(source.unicodeScalars)
        var lead = 0
        while lead < chars.count, chars[lead] == " " || chars[lead] == "\t" || chars[lead] == "\u{0C}" { lead += 1 }
        var trail = chars.count
        while trail > lead, chars[trail - 1] == " " || chars[trail - 1] == "\t" || chars[trail - 1] == "\n" || chars[trail - 1] == "\r" { trail -= 1 }
        let strippedLength = trail - lead
        let start = col
        var end = endCol
        var anchors = self.anchors
        if endLine != line {
            end = lead + strippedLength
            anchors = nil
        }
        guard start >= lead, end > start else { return nil }
        if let a = anchors, a.end > a.start {
            // Always drawn: the operator or subscript is marked even on a whole line.
        } else if end - start >= strippedLength {
            return nil
        } else {
            anchors = nil
        }
        var out = "    " + String(repeating: " ", count: start - lead)
        if let a = anchors {
            out += String(repeating: "~", count: max(0, a.start - start))
            out += String(repeating: "^", count: a.end - a.start)
            out += String(repeating: "~", count: max(0, end - a.end))
        } else {
            out += String(repeating: "^", count: end - start)
        }
        return out
    }
}
