/// `_string`: the parser behind `string.Formatter`, the same one `str.format` uses
/// (Builtins/StrFormatMethod.swift), exposed lazily as CPython's iterators: an error in the
/// format string surfaces when iteration reaches it.
extension Interpreter {
    func buildStringNative(_ m: PyModule) {
        /// `formatter_parser(s)`: `(literal, field_name, format_spec, conversion)` tuples,
        /// with None for the last three after text that has no field.
        m.addFunction("formatter_parser") { i, a in
            try a.check("formatter_parser", 1)
            guard case .str(let s) = a[0] else {
                throw PyError.typeError("descriptor 'formatter_parser' for 'str' objects doesn't apply to a '\(i.typeName(a[0]))' object")
            }
            let text = Array(s.unicodeScalars)
            var markup = StrFormatMarkup(text, 0..<text.count)
            return .object(PyNativeIterator {
                guard let piece = try markup.next() else { return nil }
                let literal = PyValue.str(String(String.UnicodeScalarView(piece.literal)))
                guard let field = piece.field else { return .tuple([literal, .none, .none, .none]) }
                return .tuple([literal, .str(String(String.UnicodeScalarView(field.name))),
                               .str(String(String.UnicodeScalarView(field.spec))),
                               field.conversion.map { .str(String(Character($0))) } ?? .none])
            })
        }
        /// `formatter_field_name_split(name)`: the first part (an int when it is one) and an
        /// iterator of `(is_attribute, key)` steps.
        m.addFunction("formatter_field_name_split") { i, a in
            try a.check("formatter_field_name_split", 1)
            guard case .str(let s) = a[0] else {
                throw PyError.typeError("descriptor 'formatter_field_name_split' for 'str' objects doesn't apply to a '\(i.typeName(a[0]))' object")
            }
            let name = Array(s.unicodeScalars)[...]
            var firstEnd = name.startIndex
            while firstEnd < name.endIndex && name[firstEnd] != "." && name[firstEnd] != "[" { firstEnd += 1 }
            let first = name[..<firstEnd]
            let firstValue: PyValue = try StrFormatMarkup.integer(first).map { .int($0) }
                ?? .str(String(String.UnicodeScalarView(first)))
            let steps = StrFormatMarkup.steps(name[firstEnd...])
            let rest = PyNativeIterator {
                guard let step = steps.next() else { return nil }
                let (isAttribute, part) = try step.get()
                let key: PyValue = try (isAttribute ? nil : StrFormatMarkup.integer(part)).map { .int($0) }
                    ?? .str(String(String.UnicodeScalarView(part)))
                return .tuple([.bool(isAttribute), key])
            }
            return .tuple([firstValue, .object(rest)])
        }
    }
}
