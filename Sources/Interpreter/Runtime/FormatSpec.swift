/// A parsed format specification, `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`,
/// read as CPython's `parse_internal_render_format_spec` (Python/formatter_unicode.c) reads
/// it: the same order of checks and the same errors, so a teacher's mistyped spec fails
/// with the message Python gives. Works on code points: a fill may be any character.
struct FormatSpec {
    var fill: Unicode.Scalar = " "
    var align: Unicode.Scalar
    /// `+`, `-` or space; nil when the spec names none (CPython's `'\0'`).
    var sign: Unicode.Scalar?
    var noNegativeZero = false
    var alternate = false
    /// nil when the spec gives none (CPython's -1).
    var width: Int?
    /// `,` or `_`; `groupEvery` is 4 for `_` with `b`, `o`, `x` and `X`.
    var thousands: Unicode.Scalar?
    var groupEvery = 3
    var precision: Int?
    /// nil for an omitted type where the object's default type is none (float, complex).
    var type: Unicode.Scalar?

    /// `typeName` names the object in errors; `defaultType` and `defaultAlign` are the
    /// object's (`d` and `>` for int, nil and `>` for float, `s` and `<` for str).
    init(_ spec: String, typeName: String, defaultType: Unicode.Scalar?, defaultAlign: Unicode.Scalar) throws {
        let c = Array(spec.unicodeScalars)
        let end = c.count
        var pos = 0
        align = defaultAlign
        type = defaultType
        func isAlign(_ u: Unicode.Scalar) -> Bool { u == "<" || u == ">" || u == "=" || u == "^" }
        var fillSpecified = false, alignSpecified = false
        if end - pos >= 2 && isAlign(c[pos + 1]) {
            fill = c[pos]; align = c[pos + 1]
            fillSpecified = true; alignSpecified = true
            pos += 2
        } else if end - pos >= 1 && isAlign(c[pos]) {
            align = c[pos]; alignSpecified = true
            pos += 1
        }
        if end - pos >= 1 && (c[pos] == " " || c[pos] == "+" || c[pos] == "-") {
            sign = c[pos]; pos += 1
        }
        if end - pos >= 1 && c[pos] == "z" { noNegativeZero = true; pos += 1 }
        if end - pos >= 1 && c[pos] == "#" { alternate = true; pos += 1 }
        // The special case for 0-padding (backwards compatible).
        if !fillSpecified && end - pos >= 1 && c[pos] == "0" {
            fill = "0"
            if !alignSpecified && defaultAlign == ">" { align = "=" }
            pos += 1
        }
        width = try Self.integer(c, &pos)
        if end - pos >= 1 && c[pos] == "," { thousands = ","; pos += 1 }
        if end - pos >= 1 && c[pos] == "_" {
            if thousands != nil { throw Self.commaAndUnderscore() }
            thousands = "_"; pos += 1
        }
        if end - pos >= 1 && c[pos] == "," {
            if thousands == "_" { throw Self.commaAndUnderscore() }
        }
        if end - pos >= 1 && c[pos] == "." {
            pos += 1
            precision = try Self.integer(c, &pos)
            if precision == nil { throw PyError.valueError("Format specifier missing precision") }
        }
        if end - pos > 1 {
            throw PyError.valueError("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if end - pos == 1 { type = c[pos]; pos += 1 }
        if let t = thousands {
            switch type {
            case "d", "e", "f", "g", "E", "G", "%", "F", nil: break
            case "b", "o", "x", "X":
                // Underscores every four digits in bin/oct/hex (PEP 515); commas are refused.
                guard t == "_" else { fallthrough }
                groupEvery = 4
            default:
                throw PyError.valueError("Cannot specify '\(t)' with \(Self.quoted(type!)).")
            }
        }
    }

    /// Decimal digits (any script's, as `Py_UNICODE_TODECIMAL`), or nil when there are none.
    private static func integer(_ c: [Unicode.Scalar], _ pos: inout Int) throws -> Int? {
        var value = 0, count = 0
        while pos < c.count, c[pos].properties.numericType == .decimal,
              let digit = c[pos].properties.numericValue.map({ Int($0) }) {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(digit)
            if o1 || o2 { throw PyError.valueError("Too many decimal digits in format string") }
            value = s; count += 1; pos += 1
        }
        return count == 0 ? nil : value
    }

    private static func commaAndUnderscore() -> PyError {
        PyError.valueError("Cannot specify both ',' and '_'.")
    }

    /// A presentation type as CPython's messages show it: `'x'`, or `'\x..'` outside
    /// printable ASCII.
    static func quoted(_ t: Unicode.Scalar) -> String {
        t.value > 32 && t.value < 128 ? "'\(Character(t))'" : "'\\x\(String(t.value, radix: 16))'"
    }

    /// CPython's `unknown_presentation_type`.
    static func unknownType(_ t: Unicode.Scalar?, _ typeName: String) -> PyError {
        PyError.valueError("Unknown format code \(quoted(t ?? "\0")) for object of type '\(typeName)'")
    }
}
