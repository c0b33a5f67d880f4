import Tensors

/// NumPy 2.4's `array2string` / `array_repr` / `array_str` (numpy/_core/arrayprint.py):
/// per-dtype element formatters sized from the (summarised) data, then `_formatArray`'s
/// line wrapping.
struct ArrayPrinter {
    var options: PrintOptions

    /// Elements as they print: doubles for floats, integers otherwise.
    enum Values { case floats([Double]), ints([Int64]), bools([Bool]) }

    func values(_ a: NDArray) -> Values {
        if a.dtype == .bool { return .bools(a.int64s().map { $0 != 0 }) }
        if a.dtype.isFloatingPoint { return .floats(a.doubles()) }
        return .ints(a.int64s())
    }

    /// The C-order flat indices printed when summarising (`_leading_trailing`).
    func shownIndices(_ shape: [Int], summarise: Bool) -> [Int] {
        var out: [Int] = []
        func rec(_ axis: Int, _ base: Int) {
            if axis == shape.count { out.append(base); return }
            let n = shape[axis]
            let stride = shape[(axis + 1)...].reduce(1, *)
            let e = options.edgeitems
            if summarise && 2 * e < n {
                for i in 0..<e { rec(axis + 1, base + i * stride) }
                for i in (n - e)..<n { rec(axis + 1, base + i * stride) }
            } else {
                for i in 0..<n { rec(axis + 1, base + i * stride) }
            }
        }
        rec(0, 0)
        return out
    }

    /// Builds the element formatter for `data` (already restricted to shown elements).
    func formatter(_ vals: Values, shown: [Int], dtype: DType, zeroDim: Bool) -> (Int) -> String {
        switch vals {
        case .bools(let b):
            let t = zeroDim ? "True" : " True"
            return { b[$0] ? t : "False" }
        case .ints(let v):
            var width = 0
            if !shown.isEmpty {
                let mx = shown.map { v[$0] }.max()!, mn = shown.map { v[$0] }.min()!
                var maxLen = String(mx).count
                if options.sign != "-" && mx >= 0 { maxLen += 1 }
                width = max(maxLen, String(mn).count)
            }
            let plus = options.sign == "+"
            return { i in
                var s = (plus && v[i] >= 0 ? "+" : (options.sign == " " && v[i] >= 0 ? " " : "")) + String(v[i])
                if s.count < width { s = String(repeating: " ", count: width - s.count) + s }
                return s
            }
        case .floats(let v):
            let f = FloatFormatter(data: shown.map { v[$0] }, dtype: dtype, options: options)
            return { f.format(v[$0]) }
        }
    }

    /// `array2string(a, separator=..., prefix=...)` with `suffix` taken off the width.
    func array2string(_ a: NDArray, separator: String, prefix: String, suffix: String) -> String {
        if a.size == 0 { return "[]" }
        let width = options.linewidth - suffix.count
        let summarise = a.size > options.threshold
        let vals = values(a)
        let shown = shownIndices(a.shape, summarise: summarise)
        let fmt = formatter(vals, shown: shown, dtype: a.dtype, zeroDim: a.ndim == 0)
        if a.ndim == 0 { return fmt(0) }
        let nextLinePrefix = " " + String(repeating: " ", count: prefix.count)
        return formatArray(a.shape, fmt, width, nextLinePrefix, separator, summarise ? "..." : "")
    }

    private func extendLine(_ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ nextPrefix: String) {
        var needsWrap = line.count + word.count > width
        if line.count <= nextPrefix.count { needsWrap = false }
        if needsWrap {
            s += rstrip(line) + "\n"
            line = nextPrefix
        }
        line += word
    }

    private func extendLinePretty(_ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ nextPrefix: String) {
        let words = word.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if words.count == 1 { extendLine(&s, &line, word, width, nextPrefix); return }
        let maxLen = words.map(\.count).max()!
        var indent: String
        if line.count + maxLen > width && line.count > nextPrefix.count {
            s += rstrip(line) + "\n"
            line = nextPrefix + words[0]
            indent = nextPrefix
        } else {
            indent = String(repeating: " ", count: line.count)
            line += words[0]
        }
        for w in words.dropFirst() {
            s += rstrip(line) + "\n"
            line = indent + w
        }
        line += String(repeating: " ", count: maxLen - words.last!.count)
    }

    private func rstrip(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t.removeLast() }
        return String(t)
    }

    private func formatArray(_ shape: [Int], _ fmt: (Int) -> String, _ lineWidth: Int, _ nextLinePrefix: String,
                             _ separator: String, _ summaryInsert: String) -> String {
        let edge = options.edgeitems
        func recurse(_ axis: Int, _ base: Int, _ hanging: String, _ currWidth: Int) -> String {
            let axesLeft = shape.count - axis
            if axesLeft == 0 { return fmt(base) }
            let nextHanging = hanging + " "
            let nextWidth = currWidth - 1
            let n = shape[axis]
            let stride = shape[(axis + 1)...].reduce(1, *)
            let showSummary = !summaryInsert.isEmpty && 2 * edge < n
            let leading = showSummary ? edge : 0
            let trailing = showSummary ? edge : n
            var s = ""
            let sepStripped = rstrip(separator)
            if axesLeft == 1 {
                let elemWidth = currWidth - max(sepStripped.count, 1)
                var line = hanging
                for i in 0..<leading {
                    let w = recurse(axis + 1, base + i * stride, nextHanging, nextWidth)
                    extendLinePretty(&s, &line, w, elemWidth, hanging)
                    line += separator
                }
                if showSummary {
                    extendLine(&s, &line, summaryInsert, elemWidth, hanging)
                    line += separator
                }
                var i = trailing
                while i > 1 {
                    let w = recurse(axis + 1, base + (n - i) * stride, nextHanging, nextWidth)
                    extendLinePretty(&s, &line, w, elemWidth, hanging)
                    line += separator
                    i -= 1
                }
                let w = recurse(axis + 1, base + (n - 1) * stride, nextHanging, nextWidth)
                extendLinePretty(&s, &line, w, elemWidth, hanging)
                s += line
            } else {
                let lineSep = sepStripped + String(repeating: "\n", count: axesLeft - 1)
                for i in 0..<leading {
                    s += hanging + recurse(axis + 1, base + i * stride, nextHanging, nextWidth) + lineSep
                }
                if showSummary { s += hanging + summaryInsert + lineSep }
                var i = trailing
                while i > 1 {
                    s += hanging + recurse(axis + 1, base + (n - i) * stride, nextHanging, nextWidth) + lineSep
                    i -= 1
                }
                s += hanging + recurse(axis + 1, base + (n - 1) * stride, nextHanging, nextWidth)
            }
            return "[" + String(s.dropFirst(hanging.count)) + "]"
        }
        return recurse(0, 0, nextLinePrefix, lineWidth)
    }

    static func shapeText(_ shape: [Int]) -> String {
        if shape.count == 1 { return "(\(shape[0]),)" }
        return "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// `repr(a)`.
    func repr(_ a: NDArray, className: String = "array") -> String {
        let prefix = className + "("
        let lst = array2string(a, separator: ", ", prefix: prefix, suffix: ")")
        var extras: [String] = []
        if (a.size == 0 && a.shape != [0]) || a.size > options.threshold {
            extras.append("shape=" + ArrayPrinter.shapeText(a.shape))
        }
        let implied = a.dtype == .float64 || a.dtype == .int64 || a.dtype == .bool
        if !implied || a.size == 0 { extras.append("dtype=" + a.dtype.numpyName) }
        if extras.isEmpty { return prefix + lst + ")" }
        let arrStr = prefix + lst + ","
        let extraStr = extras.joined(separator: ", ") + ")"
        let lastLineLen = arrStr.count - ((arrStr.lastIndex(of: "\n").map { arrStr.distance(from: arrStr.startIndex, to: $0) } ?? -1) + 1)
        var spacer = " "
        if lastLineLen + extraStr.count + 1 > options.linewidth {
            spacer = "\n" + String(repeating: " ", count: prefix.count)
        }
        return arrStr + spacer + extraStr
    }

    /// `str(a)`.
    func str(_ a: NDArray) -> String {
        if a.ndim == 0 { return NumPyScalars.text(a) }
        return array2string(a, separator: " ", prefix: "", suffix: "")
    }
}

/// `FloatingFormat`: sizes fixed/scientific notation and padding from the shown values.
struct FloatFormatter {
    let dtype: DType
    let options: PrintOptions
    var expFormat = false
    var precision: Int
    var unique = true
    var trim: Character = "."
    var minDigits = 0
    var padLeft = 0
    var padRight = 0
    var expSize = -1

    init(data: [Double], dtype: DType, options: PrintOptions) {
        self.dtype = dtype
        self.options = options
        precision = options.floatmode == "unique" ? -1 : options.precision
        let finite = data.filter { $0.isFinite }
        let absNonZero = finite.filter { $0 != 0 }.map { abs($0) }
        if let maxV = absNonZero.max(), let minV = absNonZero.min() {
            let cutoff = pow10(min(8, dtype.decimalPrecision))
            if maxV >= cutoff || (!options.suppress && (minV < 0.0001 || maxV / minV > 1000.0)) {
                expFormat = true
            }
        }
        let fixedMode = options.floatmode == "fixed"
        let signPlus = options.sign == "+"
        if finite.isEmpty {
            padLeft = 0; padRight = 0; trim = "."; expSize = -1; unique = true; minDigits = -1
        } else if expFormat {
            let u = !fixedMode
            var maxFrac = 0, maxInt = 0, maxExp = 0
            for x in finite {
                let s = FloatText.scientific(x, dtype, precision: precision, unique: u, trim: fixedMode ? "k" : ".", sign: signPlus)
                let parts = s.split(separator: "e")
                let mant = parts[0]
                let dot = mant.firstIndex(of: ".")!
                maxInt = max(maxInt, mant.distance(from: mant.startIndex, to: dot))
                maxFrac = max(maxFrac, mant.distance(from: mant.index(after: dot), to: mant.endIndex))
                maxExp = max(maxExp, parts[1].count)
            }
            expSize = maxExp - 1
            trim = "k"
            precision = maxFrac
            minDigits = maxFrac
            unique = u
            padLeft = maxInt
            padRight = expSize + 2 + precision
        } else {
            let u = !fixedMode
            var maxFrac = 0, maxInt = 0
            for x in finite {
                let s = FloatText.positional(x, dtype, precision: precision, unique: u, trim: fixedMode ? "k" : ".", sign: signPlus)
                let dot = s.firstIndex(of: ".")!
                maxInt = max(maxInt, s.distance(from: s.startIndex, to: dot))
                maxFrac = max(maxFrac, s.distance(from: s.index(after: dot), to: s.endIndex))
            }
            padLeft = maxInt
            padRight = maxFrac
            expSize = -1
            unique = u
            if options.floatmode == "fixed" || options.floatmode == "maxprec_equal" {
                precision = padRight; minDigits = padRight; trim = "k"
            } else {
                trim = "."; minDigits = 0
            }
        }
        if options.sign == " " && !finite.contains(where: { $0.sign == .minus }) { padLeft += 1 }
        if finite.count != data.count {
            let negInf = options.sign != "-" || data.contains { $0.isInfinite && $0 < 0 }
            let offset = padRight + 1
            padLeft = max(padLeft, options.nanstr.count - offset, options.infstr.count + (negInf ? 1 : 0) - offset)
        }
    }

    func format(_ x: Double) -> String {
        if !x.isFinite {
            let ret: String
            if x.isNaN { ret = (options.sign == "+" ? "+" : "") + options.nanstr }
            else { ret = (x < 0 ? "-" : (options.sign == "+" ? "+" : "")) + options.infstr }
            return String(repeating: " ", count: max(0, padLeft + padRight + 1 - ret.count)) + ret
        }
        if expFormat {
            return FloatText.scientific(x, dtype, precision: precision, unique: unique, trim: trim,
                                        sign: options.sign == "+", padLeft: padLeft, expDigits: expSize, minDigits: minDigits)
        }
        return FloatText.positional(x, dtype, precision: precision, unique: unique, trim: trim,
                                    sign: options.sign == "+", padLeft: padLeft, padRight: padRight, minDigits: minDigits)
    }
}

private func pow10(_ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<n { r *= 10 }
    return r
}
