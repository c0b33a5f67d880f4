/// How a `str` method checks its argument count, after the CPython mechanism it is built
/// on; each has its own wording, and lessons that print errors show it.
enum StrArgumentStyle {
    /// `METH_NOARGS` (`upper`, `isdigit`): "str.upper() takes no arguments (1 given)".
    case none
    /// `METH_O` (`join`, `partition`, `zfill`): "str.join() takes exactly one argument (0 given)".
    case one
    /// Clinic positional-only (`strip`, `center`, `replace`): "center expected at least 1 argument, got 0".
    case positional(Int, Int)
    /// `PyArg_ParseTuple` (`find`, `count`, `startswith`): "find() takes at least 1 argument (0 given)".
    case parseTuple(Int, Int)
    /// The method binds its own arguments (`split`, `splitlines`, `format`).
    case unchecked

    func check(_ type: String, _ name: String, _ a: Arguments) throws {
        switch self {
        case .none:
            if a.hasKeywords { throw PyError.typeError("\(type).\(name)() takes no keyword arguments") }
            if a.count > 0 { throw PyError.typeError("\(type).\(name)() takes no arguments (\(a.count) given)") }
        case .one:
            if a.hasKeywords { throw PyError.typeError("\(type).\(name)() takes no keyword arguments") }
            if a.count != 1 { throw PyError.typeError("\(type).\(name)() takes exactly one argument (\(a.count) given)") }
        case .positional(let lo, let hi):
            if a.hasKeywords { throw PyError.typeError("\(type).\(name)() takes no keyword arguments") }
            if a.count < lo { throw PyError.typeError("\(name) expected at least \(lo) argument\(lo == 1 ? "" : "s"), got \(a.count)") }
            if a.count > hi { throw PyError.typeError("\(name) expected at most \(hi) argument\(hi == 1 ? "" : "s"), got \(a.count)") }
        case .parseTuple(let lo, let hi):
            try a.checkParseTuple(name, lo, hi)
        case .unchecked:
            break
        }
    }
}

/// `str.splitlines`: CPython's line boundaries, not only `\n` and `\r`.
func splitLines(_ s: String, keepends: Bool) -> [String] {
    var out: [String] = []
    var line = String.UnicodeScalarView()
    var pendingCR = false
    func finish(_ ending: String.UnicodeScalarView) {
        var l = line
        if keepends { l.append(contentsOf: ending) }
        out.append(String(l))
        line = String.UnicodeScalarView()
    }
    for u in s.unicodeScalars {
        if pendingCR {
            pendingCR = false
            if u == "\n" { finish(String.UnicodeScalarView(["\r", "\n"])); continue }
            finish(String.UnicodeScalarView(["\r"]))
        }
        switch u.value {
        case 0x0D: pendingCR = true
        case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: finish(String.UnicodeScalarView([u]))
        default: line.append(u)
        }
    }
    if pendingCR { finish(String.UnicodeScalarView(["\r"])) }
    if !line.isEmpty { out.append(String(line)) }
    return out
}
