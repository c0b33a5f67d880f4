/// `str.format` and `str.format_map`, read as CPython's Objects/stringlib/unicode_format.h
/// reads them: literal text and `{field!conversion:spec}` markup, field names split into a
/// first part (an index into the positional arguments, or a key) and `.attr`/`[key]`
/// steps, automatic numbering that cannot be mixed with manual numbering, and nested specs
/// two levels deep. The order of work matches CPython's (the field is looked up and
/// converted before its spec is expanded), so automatic numbering inside a spec counts the
/// same fields.
struct StrFormatMarkup {
    /// Literal text, then (if present) one replacement field.
    struct Piece {
        var literal: ArraySlice<Unicode.Scalar>
        var field: Field?
    }

    struct Field {
        var name: ArraySlice<Unicode.Scalar>
        var conversion: Unicode.Scalar?
        var spec: ArraySlice<Unicode.Scalar>
        var specNeedsExpanding: Bool
    }

    let text: [Unicode.Scalar]
    var start: Int
    let end: Int

    init(_ text: [Unicode.Scalar], _ range: Range<Int>) {
        self.text = text
        start = range.lowerBound
        end = range.upperBound
    }

    /// `MarkupIterator_next`: nil at the end.
    mutating func next() throws -> Piece? {
        guard start < end else { return nil }
        let literalStart = start
        var c: Unicode.Scalar = "\0"
        var markupFollows = false
        while start < end {
            c = text[start]
            start += 1
            if c == "{" || c == "}" { markupFollows = true; break }
        }
        let atEnd = start >= end
        var length = start - literalStart
        if c == "}" && markupFollows && (atEnd || text[start] != "}") {
            throw PyError.valueError("Single '}' encountered in format string")
        }
        if atEnd && c == "{" && markupFollows {
            throw PyError.valueError("Single '{' encountered in format string")
        }
        if !atEnd && markupFollows {
            if text[start] == c {
                // An escaped brace: the first one is literal text, the second skipped.
                start += 1
                markupFollows = false
            } else {
                length -= 1
            }
        }
        let literal = text[literalStart..<(literalStart + length)]
        guard markupFollows else { return Piece(literal: literal, field: nil) }
        return Piece(literal: literal, field: try parseField())
    }

    /// `parse_field`: the name up to `!`, `:` or `}`, the conversion, the spec up to the
    /// matching `}`.
    private mutating func parseField() throws -> Field {
        let nameStart = start
        var c: Unicode.Scalar = "\0"
        scan: while start < end {
            c = text[start]
            start += 1
            switch c {
            case "{": throw PyError.valueError("unexpected '{' in field name")
            case "[":
                while start < end && text[start] != "]" { start += 1 }
            case "}", ":", "!": break scan
            default: break
            }
        }
        var field = Field(name: text[nameStart..<(start - 1)], conversion: nil, spec: [], specNeedsExpanding: false)
        if c == "!" || c == ":" {
            if c == "!" {
                guard start < end else {
                    throw PyError.valueError("end of string while looking for conversion specifier")
                }
                field.conversion = text[start]
                start += 1
                if start < end {
                    let after = text[start]
                    start += 1
                    if after == "}" { return field }
                    if after != ":" { throw PyError.valueError("expected ':' after conversion specifier") }
                }
            }
            let specStart = start
            var depth = 1
            while start < end {
                let s = text[start]
                start += 1
                if s == "{" { field.specNeedsExpanding = true; depth += 1 }
                else if s == "}" {
                    depth -= 1
                    if depth == 0 {
                        field.spec = text[specStart..<(start - 1)]
                        return field
                    }
                }
            }
            throw PyError.valueError("unmatched '{' in format spec")
        }
        if c != "}" { throw PyError.valueError("expected '}' before end of string") }
        return field
    }

    /// `get_integer`: a non-negative decimal (any script's digits), or nil.
    static func integer(_ s: ArraySlice<Unicode.Scalar>) throws -> Int? {
        guard !s.isEmpty else { return nil }
        var value = 0
        for u in s {
            guard u.properties.numericType == .decimal, let d = u.properties.numericValue.map({ Int($0) }) else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { throw PyError.valueError("Too many decimal digits in format string") }
            value = sum
        }
        return value
    }

    /// `FieldNameIterator_next` over the steps after a field's first part: `(isAttribute,
    /// name)` pairs.
    static func steps(_ rest: ArraySlice<Unicode.Scalar>) -> AnyIterator<Result<(Bool, ArraySlice<Unicode.Scalar>), PyError>> {
        var pos = rest.startIndex
        let end = rest.endIndex
        return AnyIterator {
            guard pos < end else { return nil }
            let kind = rest[pos]
            pos += 1
            let nameStart = pos
            let name: ArraySlice<Unicode.Scalar>
            switch kind {
            case ".":
                while pos < end && rest[pos] != "." && rest[pos] != "[" { pos += 1 }
                name = rest[nameStart..<pos]
            case "[":
                while pos < end && rest[pos] != "]" { pos += 1 }
                guard pos < end else {
                    pos = end
                    return .failure(PyError.valueError("Missing ']' in format string"))
                }
                name = rest[nameStart..<pos]
                pos += 1
            default:
                pos = end
                return .failure(PyError.valueError("Only '.' or '[' may follow ']' in format field specifier"))
            }
            if name.isEmpty {
                pos = end
                return .failure(PyError.valueError("Empty attribute in format string"))
            }
            return .success((kind == ".", name))
        }
    }
}

extension Interpreter {
    /// `str.format(*args, **kwargs)`, or `str.format_map(mapping)` when `mapping` is given.
    func strFormat(_ s: String, _ a: Arguments, mapping: PyValue? = nil) throws -> String {
        let text = Array(s.unicodeScalars)
        var auto = StrFormatAutoNumber()
        return try buildFormatted(text, 0..<text.count, a, mapping, depth: 2, &auto)
    }

    /// `build_string`: literal text and rendered fields; nested specs recurse one level less.
    private func buildFormatted(_ text: [Unicode.Scalar], _ range: Range<Int>, _ a: Arguments, _ mapping: PyValue?,
                                depth: Int, _ auto: inout StrFormatAutoNumber) throws -> String {
        if depth <= 0 { throw PyError.valueError("Max string recursion exceeded") }
        var markup = StrFormatMarkup(text, range)
        var out = String.UnicodeScalarView()
        while let piece = try markup.next() {
            out.append(contentsOf: piece.literal)
            guard let field = piece.field else { continue }
            var value = try formatFieldObject(field.name, a, mapping, &auto)
            if let conversion = field.conversion {
                switch conversion {
                case "r": value = .str(try repr(value))
                case "s": value = .str(try str(value))
                case "a": value = .str(try asciiRepr(value))
                default:
                    let shown = conversion.value > 32 && conversion.value < 127
                        ? String(Character(conversion)) : "\\x\(String(conversion.value, radix: 16))"
                    throw PyError.valueError("Unknown conversion specifier \(shown)")
                }
            }
            var spec = String(String.UnicodeScalarView(field.spec))
            if field.specNeedsExpanding {
                let specRange = field.spec.startIndex..<field.spec.endIndex
                spec = try buildFormatted(text, specRange, a, mapping, depth: depth - 1, &auto)
            }
            out.append(contentsOf: try format(value, spec).unicodeScalars)
            try NativeDeadline.throwIfTripped()
        }
        return String(out)
    }

    /// `get_field_object`: the first part (an argument index, automatic or given, or a
    /// keyword), then each `.attr` and `[key]` step.
    private func formatFieldObject(_ name: ArraySlice<Unicode.Scalar>, _ a: Arguments, _ mapping: PyValue?,
                                   _ auto: inout StrFormatAutoNumber) throws -> PyValue {
        var firstEnd = name.startIndex
        while firstEnd < name.endIndex && name[firstEnd] != "." && name[firstEnd] != "[" { firstEnd += 1 }
        let first = name[name.startIndex..<firstEnd]
        var index = try StrFormatMarkup.integer(first)
        let isEmpty = first.isEmpty
        if isEmpty || index != nil {
            try auto.use(automatic: isEmpty)
            if isEmpty { index = auto.next() }
        }
        var value: PyValue
        if let index {
            if mapping != nil { throw PyError.valueError("Format string contains positional fields") }
            guard index < a.count else {
                throw PyError.indexError("Replacement index \(index) out of range for positional args tuple")
            }
            value = a[index]
        } else {
            let key = String(String.UnicodeScalarView(first))
            if let m = mapping {
                value = try getItem(m, .str(key))
            } else {
                guard let v = a.keyword(Name(key)) else { throw PyError.keyError(.str(key)) }
                value = v
            }
        }
        for step in StrFormatMarkup.steps(name[firstEnd...]) {
            let (isAttribute, part) = try step.get()
            let partText = String(String.UnicodeScalarView(part))
            if isAttribute {
                value = try getAttribute(value, Name(partText))
            } else if let i = try StrFormatMarkup.integer(part) {
                value = try getItem(value, .int(i))
            } else {
                value = try getItem(value, .str(partText))
            }
        }
        return value
    }
}

/// The automatic-numbering state of one `str.format` call (`AutoNumber`).
struct StrFormatAutoNumber {
    private enum State { case initial, automatic, manual }
    private var state = State.initial
    private var field = 0

    mutating func use(automatic: Bool) throws {
        if state == .initial { state = automatic ? .automatic : .manual }
        if state == .manual && automatic {
            throw PyError.valueError("cannot switch from manual field specification to automatic field numbering")
        }
        if state == .automatic && !automatic {
            throw PyError.valueError("cannot switch from automatic field numbering to manual field specification")
        }
    }

    mutating func next() -> Int {
        field += 1
        return field - 1
    }
}
