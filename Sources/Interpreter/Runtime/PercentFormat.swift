/// `"..." % args`, as CPython's `PyUnicode_Format` (Objects/unicodeobject.c): the same
/// argument walk (one value, a tuple, or a mapping for `%(key)s`), the same conversions
/// (`PyNumber_Long`/`__index__` for the integer codes, `PyFloat_AsDouble` and
/// `PyOS_double_to_string` for the float codes) and the same padding, where a `0` flag
/// zero-fills numbers only and puts the sign and `0x` before the zeros.
extension Interpreter {
    func percentFormat(_ format: String, _ args: PyValue) throws -> String {
        var state = PercentFormatState(format: Array(format.unicodeScalars), args: args)
        if let t = args.asTuple {
            state.tuple = t.items
            state.argCount = t.items.count
            state.argIndex = 0
        }
        // PyMapping_Check: anything subscriptable but a tuple or str.
        if args.asTuple == nil, args.asString == nil, typeOf(args).lookup(N.__getitem__) != nil {
            state.mapping = args
        }
        var out = String.UnicodeScalarView()
        let c = state.format
        while state.pos < c.count {
            if c[state.pos] != "%" {
                let start = state.pos
                while state.pos < c.count && c[state.pos] != "%" { state.pos += 1 }
                out.append(contentsOf: c[start..<state.pos])
                continue
            }
            state.pos += 1
            if state.pos < c.count && c[state.pos] == "%" {
                out.append("%")
                state.pos += 1
                continue
            }
            var spec = try parsePercentSpec(&state)
            let text = try percentConvert(&spec, &state)
            try reservePadding(spec.width)
            appendPercentField(text, spec, to: &out)
            try NativeDeadline.throwIfTripped()
        }
        if state.argIndex < state.argCount && state.mapping == nil {
            throw PyError.typeError("not all arguments converted during string formatting")
        }
        return String(out)
    }

    /// `unicode_format_arg_parse`: a key, flags, width, precision and the conversion
    /// character, reading as CPython does (a `*` takes the next argument).
    private func parsePercentSpec(_ s: inout PercentFormatState) throws -> PercentSpec {
        let c = s.format
        var spec = PercentSpec()
        if s.pos < c.count && c[s.pos] == "(" {
            guard let mapping = s.mapping else { throw PyError.typeError("format requires a mapping") }
            s.pos += 1
            let keyStart = s.pos
            var depth = 1
            while depth > 0 && s.pos < c.count {
                if c[s.pos] == ")" { depth -= 1 } else if c[s.pos] == "(" { depth += 1 }
                s.pos += 1
            }
            if depth > 0 { throw PyError.valueError("incomplete format key") }
            var key = String.UnicodeScalarView()
            key.append(contentsOf: c[keyStart..<(s.pos - 1)])
            s.current = try getItem(mapping, .str(String(key)))
            s.argCount = -1
            s.argIndex = -2
        }
        func next() -> Unicode.Scalar? {
            guard s.pos < c.count else { return nil }
            s.pos += 1
            return c[s.pos - 1]
        }
        var ch = next()
        flags: while let f = ch {
            switch f {
            case "-": spec.leftJustify = true
            case "+": spec.plus = true
            case " ": spec.blank = true
            case "#": spec.alternate = true
            case "0": spec.zero = true
            default: break flags
            }
            ch = next()
        }
        if ch == "*" {
            let v = try s.nextArgument()
            guard v.isIntLike else { throw PyError.typeError("* wants int") }
            guard let w = v.asInt else { throw PyError.overflow("Python int too large to convert to C ssize_t") }
            if w < 0 { spec.leftJustify = true }
            spec.width = w.magnitude > UInt(Int.max) ? Int.max : abs(w)
            ch = next()
        } else if let d = ch, let digit = d.asciiDigit {
            spec.width = digit
            ch = next()
            while let d = ch, let digit = d.asciiDigit {
                let (m, o1) = spec.width.multipliedReportingOverflow(by: 10)
                let (sum, o2) = m.addingReportingOverflow(digit)
                if o1 || o2 { throw PyError.valueError("width too big") }
                spec.width = sum
                ch = next()
            }
        }
        if ch == "." {
            spec.precision = 0
            ch = next()
            if ch == "*" {
                let v = try s.nextArgument()
                guard v.isIntLike else { throw PyError.typeError("* wants int") }
                guard let p = v.asInt, p <= Int(Int32.max), p >= Int(Int32.min) else {
                    throw PyError.overflow("Python int too large to convert to C int")
                }
                spec.precision = max(p, 0)
                ch = next()
            } else if let d = ch, let digit = d.asciiDigit {
                var p = digit
                ch = next()
                while let d = ch, let digit = d.asciiDigit {
                    p = p * 10 + digit
                    if p > Int(Int32.max) { throw PyError.valueError("precision too big") }
                    ch = next()
                }
                spec.precision = p
            }
        }
        if ch == "h" || ch == "l" || ch == "L" { ch = next() }
        guard let conversion = ch else { throw PyError.valueError("incomplete format") }
        spec.conversion = conversion
        spec.index = s.pos - 1
        return spec
    }

    /// `unicode_format_arg_format`: the converted text of one argument.
    private func percentConvert(_ spec: inout PercentSpec, _ s: inout PercentFormatState) throws -> [Unicode.Scalar] {
        let v = try s.nextArgument()
        switch spec.conversion {
        case "s": return Array(try str(v).unicodeScalars)
        case "r": return Array(try repr(v).unicodeScalars)
        case "a": return Array(try asciiRepr(v).unicodeScalars)
        case "d", "i", "u", "o", "x", "X":
            spec.numeric = true
            return Array(try percentInteger(v, spec).unicodeScalars)
        case "e", "E", "f", "F", "g", "G":
            spec.numeric = true
            let d = try realAsDouble(v)
            let text = DoubleToString(code: Character(spec.conversion), precision: spec.precision ?? 6,
                                      alternate: spec.alternate).render(d)
            return Array(text.unicodeScalars)
        case "c":
            return [try percentChar(v)]
        default:
            let ch = spec.conversion
            let shown = ch.value >= 31 && ch.value <= 126 ? Character(ch) : "?"
            throw PyError.valueError("unsupported format character '\(shown)' (0x\(String(ch.value, radix: 16))) at index \(spec.index)")
        }
    }

    /// `mainformatlong` and `_PyUnicode_FormatLong`: the digits with their sign, the `0o`/
    /// `0x` prefix under `#`, zero-extended to the precision.
    private func percentInteger(_ v: PyValue, _ spec: PercentSpec) throws -> String {
        let type = spec.conversion
        func wrongType() -> PyError {
            let what = (type == "o" || type == "x" || type == "X") ? "an integer is required" : "a real number is required"
            return PyError.typeError("%\(Character(type)) format: \(what), not \(typeName(v))")
        }
        guard isNumber(v) else { throw wrongType() }
        var integer = v
        if !v.isIntLike {
            do {
                if type == "o" || type == "x" || type == "X" {
                    guard case .object(let o) = v, o is PyInstance, let r = try callSpecial(v, N.__index__, []), r.isIntLike else { throw wrongType() }
                    integer = r
                } else {
                    integer = try makeInt(Arguments([v]))
                }
            } catch let e as PyError where e.typeName == "TypeError" {
                throw wrongType()
            }
        }
        let negative: Bool
        let radix = type == "o" ? 8 : (type == "x" || type == "X") ? 16 : 10
        var digits: String
        if let big = integer.asObject as? PyBigInt {
            negative = big.value.negative
            digits = radix == 10 ? try decimalString(big.value.magnitude) : big.value.magnitude.toString(radix: radix)
        } else {
            let i = integer.asInt ?? 0
            negative = i < 0
            digits = String(i.magnitude, radix: radix)
        }
        if let p = spec.precision, p > digits.count {
            try reservePadding(p)
            digits = String(repeating: "0", count: p - digits.count) + digits
        }
        var prefix = ""
        if spec.alternate && radix != 10 { prefix = radix == 8 ? "0o" : "0x" }
        let text = (negative ? "-" : "") + prefix + digits
        return type == "X" ? text.uppercased() : text
    }

    /// `PyNumber_Check`: what the integer codes accept before converting.
    private func isNumber(_ v: PyValue) -> Bool {
        switch v {
        case .int, .bool, .float: return true
        case .object(let o) where o is PyBigInt: return true
        case .object(let o) where o is PyInstance:
            let t = typeOf(v)
            return t.lookup(N.__index__) != nil || t.lookup(N.__int__) != nil || t.lookup(N.__float__) != nil
                || t.name == "complex"
        default: return false
        }
    }

    /// `PyFloat_AsDouble`: a float, `__float__`, or `__index__`.
    func realAsDouble(_ v: PyValue) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let o as PyBigInt): return try bigToDouble(o.value)
        case .object(let o) where o is PyInstance:
            if let r = try callSpecial(v, N.__float__, []) {
                guard case .float(let d) = r else {
                    throw PyError.typeError("\(typeName(v)).__float__ returned non-float (type \(typeName(r)))")
                }
                return d
            }
            if let r = try callSpecial(v, N.__index__, []) { return try realAsDouble(r) }
        default: break
        }
        throw PyError.typeError("must be real number, not \(typeName(v))")
    }

    /// `formatchar`: a one-character str, or an int code point.
    private func percentChar(_ v: PyValue) throws -> Unicode.Scalar {
        if case .str(let s) = v {
            guard s.unicodeScalars.count == 1 else { throw PyError.typeError("%c requires int or char") }
            return s.unicodeScalars.first!
        }
        var code: PyValue = v
        if !v.isIntLike {
            let index: PyValue?
            do {
                guard case .object(let o) = v, o is PyInstance else { throw PyError.typeError("%c requires int or char") }
                index = try callSpecial(v, N.__index__, [])
            } catch let e as PyError where e.typeName == "TypeError" {
                throw PyError.typeError("%c requires int or char")
            }
            guard let r = index, r.isIntLike else { throw PyError.typeError("%c requires int or char") }
            code = r
        }
        guard let x = code.asInt, x >= 0, x <= 0x10FFFF else {
            throw PyError.overflow("%c arg not in range(0x110000)")
        }
        return Unicode.Scalar(UInt32(x)) ?? "\u{FFFD}"
    }

    /// `unicode_format_arg_output`: precision truncates text conversions; numbers take the
    /// sign flags, and with `0` the sign and `0x` go before the zero fill.
    private func appendPercentField(_ text: [Unicode.Scalar], _ spec: PercentSpec, to out: inout String.UnicodeScalarView) {
        var body = text[...]
        if spec.conversion == "s" || spec.conversion == "r" || spec.conversion == "a", let p = spec.precision, body.count > p {
            body = body.prefix(p)
        }
        let fill: Unicode.Scalar = spec.numeric && spec.zero ? "0" : " "
        var width = spec.width
        var length = body.count
        var sign: Unicode.Scalar?
        if spec.numeric {
            if let first = body.first, first == "-" || first == "+" {
                sign = first
                body = body.dropFirst()
                length -= 1
            } else if spec.plus {
                sign = "+"
            } else if spec.blank {
                sign = " "
            }
        }
        if width < length { width = length }
        if let sign {
            if fill != " " { out.append(sign) }
            if width > length { width -= 1 }
        }
        let prefixed = spec.alternate && (spec.conversion == "x" || spec.conversion == "X" || spec.conversion == "o")
        if prefixed {
            if fill != " " {
                out.append(contentsOf: body.prefix(2))
                body = body.dropFirst(2)
            }
            width = max(width - 2, 0)
            length -= 2
        }
        if width > length && !spec.leftJustify {
            out.append(contentsOf: repeatElement(fill, count: width - length))
            width = length
        }
        if fill == " " {
            if let sign { out.append(sign) }
            if prefixed {
                out.append(contentsOf: body.prefix(2))
                body = body.dropFirst(2)
            }
        }
        out.append(contentsOf: body.prefix(length))
        if width > length { out.append(contentsOf: repeatElement(" ", count: width - length)) }
    }
}

/// One `%` conversion's options.
private struct PercentSpec {
    var leftJustify = false, plus = false, blank = false, alternate = false, zero = false
    var width = 0
    var precision: Int?
    var conversion: Unicode.Scalar = "s"
    /// Where the conversion character is, for CPython's "at index N".
    var index = 0
    /// A number conversion: signs and zero fill apply.
    var numeric = false
}

/// The walk over a `%` format and its arguments (`struct unicode_formatter_t`).
private struct PercentFormatState {
    let format: [Unicode.Scalar]
    var pos = 0
    /// The single argument, or the mapping's value for the last `%(key)`.
    var current: PyValue
    var tuple: [PyValue] = []
    /// -1 with index -2: one argument (`current`), which the first conversion takes.
    var argCount = -1
    var argIndex = -2
    var mapping: PyValue?

    init(format: [Unicode.Scalar], args: PyValue) {
        self.format = format
        self.current = args
    }

    mutating func nextArgument() throws -> PyValue {
        guard argIndex < argCount else { throw PyError.typeError("not enough arguments for format string") }
        argIndex += 1
        return argCount < 0 ? current : tuple[argIndex - 1]
    }
}

private extension Unicode.Scalar {
    var asciiDigit: Int? { value >= 48 && value <= 57 ? Int(value - 48) : nil }
}

extension PyValue {
    /// An int of any size (bool included): `PyLong_Check`.
    var isIntLike: Bool {
        switch self {
        case .int, .bool: return true
        case .object(let o): return o is PyBigInt
        default: return false
        }
    }
}
