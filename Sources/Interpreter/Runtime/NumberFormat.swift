/// `format()` of the built-in values (`int.__format__`, `float.__format__`,
/// `str.__format__`, and the native half of `complex.__format__`), following CPython's
/// Python/formatter_unicode.c: each parses the spec with its own default type and
/// alignment, rejects the presentation types it does not know, checks the options its type
/// forbids in CPython's order, and lays the result out with `NumberLayout`.
extension Interpreter {
    func formatString(_ s: String, _ spec: String, typeName: String = "str") throws -> String {
        if spec.isEmpty { return s }
        let f = try FormatSpec(spec, typeName: typeName, defaultType: "s", defaultAlign: "<")
        guard f.type == "s" else { throw FormatSpec.unknownType(f.type, typeName) }
        if let sign = f.sign {
            throw PyError.valueError(sign == " " ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier")
        }
        if f.noNegativeZero { throw PyError.valueError("Negative zero coercion (z) not allowed in string format specifier") }
        if f.alternate { throw PyError.valueError("Alternate form (#) not allowed in string format specifier") }
        if f.align == "=" { throw PyError.valueError("'=' alignment not allowed in string format specifier") }
        try reservePadding(f.width ?? 0)
        var body = s
        if let p = f.precision, s.unicodeScalars.count > p {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s.unicodeScalars.prefix(p))
            body = String(view)
        }
        return padField(body, f)
    }

    func formatInt(_ i: Int, _ spec: String, typeName: String = "int") throws -> String {
        if spec.isEmpty { return String(i) }
        return try formatInteger(negative: i < 0, small: i, spec, typeName,
                                 digits: { String(i.magnitude, radix: $0) }, asDouble: { Double(i) })
    }

    func formatBigInt(_ n: BigInt, _ spec: String, typeName: String = "int") throws -> String {
        if spec.isEmpty { return try decimalString(n) }
        let magnitude = n.magnitude
        return try formatInteger(negative: n.negative, small: nil, spec, typeName,
                                 digits: { $0 == 10 ? try self.decimalString(magnitude) : magnitude.toString(radix: $0) },
                                 asDouble: { try self.bigToDouble(n) })
    }

    /// `format_long_internal`: `small` is the value when it fits a C long (`c` needs it).
    private func formatInteger(negative: Bool, small: Int?, _ spec: String, _ typeName: String,
                               digits: (Int) throws -> String, asDouble: () throws -> Double) throws -> String {
        let f = try FormatSpec(spec, typeName: typeName, defaultType: "d", defaultAlign: ">")
        switch f.type {
        case "b", "c", "d", "o", "x", "X", "n": break
        case "e", "E", "f", "F", "g", "G", "%": return try formatDouble(try asDouble(), f)
        default: throw FormatSpec.unknownType(f.type, typeName)
        }
        if f.precision != nil { throw PyError.valueError("Precision not allowed in integer format specifier") }
        if f.noNegativeZero { throw PyError.valueError("Negative zero coercion (z) not allowed in integer format specifier") }
        try reservePadding(f.width ?? 0)
        if f.type == "c" {
            if f.sign != nil { throw PyError.valueError("Sign not allowed with integer format specifier 'c'") }
            if f.alternate { throw PyError.valueError("Alternate form (#) not allowed with integer format specifier 'c'") }
            guard let x = small else { throw PyError.overflow("Python int too large to convert to C long") }
            guard x >= 0 && x <= 0x10FFFF else { throw PyError.overflow("%c arg not in range(0x110000)") }
            // Lone surrogates cannot live in a Swift string: the replacement character.
            let char = String(Character(Unicode.Scalar(UInt32(x)) ?? "\u{FFFD}"))
            return NumberLayout(negative: false, digits: "", remainder: Substring(char)).render(f, separator: nil, every: 3)
        }
        let base: Int, prefix: String
        switch f.type {
        case "b": (base, prefix) = (2, "0b")
        case "o": (base, prefix) = (8, "0o")
        case "x", "X": (base, prefix) = (16, "0x")
        default: (base, prefix) = (10, "")
        }
        let text = try digits(base)
        try NativeDeadline.throwIfTripped()
        return NumberLayout(negative: negative, prefix: f.alternate ? prefix : "", digits: Substring(text), upper: f.type == "X")
            .render(f, separator: f.thousands.map { String(Character($0)) }, every: f.groupEvery)
    }

    func formatFloat(_ d: Double, _ spec: String, typeName: String = "float") throws -> String {
        if spec.isEmpty { return floatRepr(d) }
        let f = try FormatSpec(spec, typeName: typeName, defaultType: nil, defaultAlign: ">")
        switch f.type {
        case nil, "e", "E", "f", "F", "g", "G", "n", "%": return try formatDouble(d, f)
        default: throw FormatSpec.unknownType(f.type, typeName)
        }
    }

    /// `format_float_internal`.
    private func formatDouble(_ d: Double, _ f: FormatSpec) throws -> String {
        var type = f.type
        var addDot0 = false
        var defaultPrecision = 6
        if type == nil {
            // Omitted type: repr() without a precision, else 'g' with at least one decimal.
            addDot0 = true
            type = "r"
            defaultPrecision = 0
        }
        if type == "n" { type = "g" }
        var value = d, percent = false
        if type == "%" { type = "f"; value *= 100; percent = true }
        let precision = try checkedPrecision(f) ?? defaultPrecision
        if f.precision != nil && type == "r" { type = "g" }
        try reservePadding(f.width ?? 0)
        var text = DoubleToString(code: Character(type!), precision: precision, addDot0: addDot0,
                                  alternate: f.alternate, noNegativeZero: f.noNegativeZero).render(value)
        if percent { text += "%" }
        return layoutDecimal(Substring(text), f, sign: f.sign)
    }

    /// A spec's precision, refused past a C int as CPython does, and reserved: `'.999999999f'`
    /// would build a gigabyte string.
    private func checkedPrecision(_ f: FormatSpec) throws -> Int? {
        guard let p = f.precision else { return nil }
        if p > Int(Int32.max) { throw PyError.valueError("precision too big") }
        try reservePadding(p)
        return p
    }

    /// A `PyOS_double_to_string` result split into sign, digits, point and remainder
    /// (`parse_number`), then laid out.
    private func layoutDecimal(_ text: Substring, _ f: FormatSpec, sign: Unicode.Scalar?) -> String {
        var body = text
        let negative = body.first == "-"
        if negative { body = body.dropFirst() }
        let end = body.firstIndex { !($0.isASCII && $0.isNumber) } ?? body.endIndex
        var rest = body[end...]
        let hasDecimal = rest.first == "."
        if hasDecimal { rest = rest.dropFirst() }
        var spec = f
        spec.sign = sign
        return NumberLayout(negative: negative, digits: body[..<end], hasDecimal: hasDecimal, remainder: rest)
            .render(spec, separator: f.type == "n" ? nil : f.thousands.map { String(Character($0)) }, every: 3)
    }

    /// `format_complex_internal`: both parts through `PyOS_double_to_string`, the imaginary
    /// part always signed unless the real part is omitted, then padded as one field.
    func formatComplex(real: Double, imag: Double, _ spec: String) throws -> String {
        let f = try FormatSpec(spec, typeName: "complex", defaultType: nil, defaultAlign: ">")
        switch f.type {
        case nil, "e", "E", "f", "F", "g", "G", "n": break
        default: throw FormatSpec.unknownType(f.type, "complex")
        }
        if let p = f.precision, p > Int(Int32.max) { throw PyError.valueError("precision too big") }
        if f.fill == "0" { throw PyError.valueError("Zero padding is not allowed in complex format specifier") }
        if f.align == "=" { throw PyError.valueError("'=' alignment flag is not allowed in complex format specifier") }
        var type = f.type
        var defaultPrecision = 6
        var skipReal = false, parens = false
        if type == nil {
            // Omitted type: like str(self).
            type = "r"
            defaultPrecision = 0
            if real == 0 && real.sign == .plus { skipReal = true } else { parens = true }
        }
        if type == "n" { type = "g" }
        let precision = try checkedPrecision(f) ?? defaultPrecision
        if f.precision != nil && type == "r" { type = "g" }
        try reservePadding(f.width ?? 0)
        let convert = DoubleToString(code: Character(type!), precision: precision,
                                     alternate: f.alternate, noNegativeZero: f.noNegativeZero)
        // The parts are laid out unpadded; the padding goes around the whole.
        var part = f
        part.width = nil
        part.align = "<"
        part.fill = " "
        let re = skipReal ? "" : layoutDecimal(Substring(convert.render(real)), part, sign: f.sign)
        let im = layoutDecimal(Substring(convert.render(imag)), part, sign: skipReal ? f.sign : "+")
        let body = (parens ? "(" : "") + re + im + "j" + (parens ? ")" : "")
        return padField(body, f)
    }

    /// `calc_padding` and the fill around a text field.
    private func padField(_ body: String, _ f: FormatSpec) -> String {
        let (left, right) = fieldPadding(length: body.unicodeScalars.count, width: f.width, align: f.align)
        if left == 0 && right == 0 { return body }
        let fill = Character(f.fill)
        return (left > 0 ? LongText.padding(fill, left) : "") + body + (right > 0 ? LongText.padding(fill, right) : "")
    }
}
