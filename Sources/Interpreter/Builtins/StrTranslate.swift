/// `str.translate` and `str.maketrans`, as CPython: the table is anything with
/// `__getitem__` keyed by code point; a LookupError keeps the character, None deletes it.
extension Interpreter {
    func strTranslate(_ s: String, table: PyValue) throws -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let mapped: PyValue
            do {
                mapped = try getItem(table, .int(Int(u.value)))
            } catch let e as PyError where errorIs(e, "LookupError") {
                out.append(u); continue
            }
            switch mapped {
            case .none: continue
            case .str(let r): out.append(contentsOf: r.unicodeScalars)
            default:
                guard let code = mapped.asInt else {
                    throw PyError.typeError("character mapping must return integer, None or str")
                }
                guard code >= 0, code <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(code)) else {
                    throw PyError.valueError("character mapping must be in range(0x110000)")
                }
                out.append(scalar)
            }
        }
        return String(out)
    }

    func strMaketrans(_ a: Arguments) throws -> PyValue {
        try StrArgumentStyle.positional(1, 3).check("str", "maketrans", a)
        let table = PyDict()
        if a.count == 1 {
            guard case .object(let o) = a[0], let d = o as? PyDict else {
                throw PyError.typeError("if you give only one argument to maketrans it must be a dict")
            }
            for (k, v) in d.items {
                if case .str(let ks) = k {
                    let scalars = Array(ks.unicodeScalars)
                    guard scalars.count == 1 else {
                        throw PyError.valueError("string keys in translate table must be of length 1")
                    }
                    try table.set(.int(Int(scalars[0].value)), v)
                } else if k.asInt != nil {
                    try table.set(k, v)
                } else {
                    throw PyError.typeError("keys in translate table must be strings or integers")
                }
            }
            return .object(table)
        }
        // Clinic converts the second and third arguments before the body looks at the first.
        for k in 1..<a.count where a[k].asString == nil {
            throw PyError.typeError("maketrans() argument \(k + 1) must be str, not \(a[k].isNone ? "None" : typeName(a[k]))")
        }
        guard case .str(let from) = a[0] else {
            throw PyError.typeError("first maketrans argument must be a string if there is a second argument")
        }
        let to = a[1].asString!
        let f = Array(from.unicodeScalars), t = Array(to.unicodeScalars)
        guard f.count == t.count else {
            throw PyError.valueError("the first two maketrans arguments must have equal length")
        }
        for (x, y) in zip(f, t) { try table.set(.int(Int(x.value)), .int(Int(y.value))) }
        if a.count > 2 {
            for x in a[2].asString!.unicodeScalars { try table.set(.int(Int(x.value)), .none) }
        }
        return .object(table)
    }
}

extension Interpreter {
    /// The `start`/`end` arguments of `find`, `count`, ... (positions 1 and 2), adjusted as
    /// CPython's ADJUST_INDICES: negatives count from the end, `end` is clamped to the
    /// length, but `start` is not, so a start past the end finds nothing.
    func substringBounds(_ a: Arguments, length: Int) throws -> (start: Int, stop: Int) {
        func bound(_ k: Int, _ fallback: Int) throws -> Int {
            guard a.count > k, !a[k].isNone else { return fallback }
            guard let v = try index(a[k]) else {
                throw PyError.typeError("slice indices must be integers or None or have an __index__ method")
            }
            return v
        }
        var start = try bound(1, 0), stop = try bound(2, length)
        if stop > length { stop = length } else if stop < 0 { stop = Swift.max(stop + length, 0) }
        if start < 0 { start = Swift.max(start + length, 0) }
        return (start, stop)
    }
}
