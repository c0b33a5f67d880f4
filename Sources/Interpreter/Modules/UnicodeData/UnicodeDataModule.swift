extension Interpreter {
    /// `unicodedata`, CPython 3.11's (Unicode 14.0.0): `normalize`, `is_normalized`, `category`,
    /// `combining`, `decomposition`, `name`, `lookup`, `decimal`, `digit`, `numeric`, `mirrored`,
    /// `unidata_version`. Teachers paste it for `unicodeToAscii` (NFD, then drop the `Mn` marks).
    func buildUnicodeData(_ m: PyModule) {
        let db = UnicodeDatabase.shared
        m.add("unidata_version", .str(unicodeDataVersion))

        /// The one code point of a length-1 str, with CPython's message otherwise.
        func character(_ v: PyValue, _ function: String, _ i: Interpreter) throws -> Unicode.Scalar {
            if case .str(let s) = v {
                var it = s.unicodeScalars.makeIterator()
                if let first = it.next(), it.next() == nil { return first }
            }
            throw PyError.typeError("\(function)() argument must be a unicode character, not \(i.typeName(v))")
        }
        func string(_ v: PyValue, _ function: String, _ n: Int, _ i: Interpreter) throws -> String {
            guard case .str(let s) = v else {
                throw PyError.typeError("\(function)() argument \(n) must be str, not \(i.typeName(v))")
            }
            return s
        }
        func text(_ scalars: [UInt32]) -> String {
            var view = String.UnicodeScalarView()
            for cp in scalars { view.append(Unicode.Scalar(cp)!) }
            return String(view)
        }
        /// A character Unicode 14.0 has not assigned has no properties in CPython 3.11.
        func assigned(_ c: Unicode.Scalar) -> Bool { db.category(c.value) != "Cn" }

        for form in ["normalize", "is_normalized"] {
            m.addFunction(form) { i, a in
                try a.check(form, 2)
                let f = try string(a[0], form, 1, i), s = try string(a[1], form, 2, i)
                let scalars = s.unicodeScalars.map(\.value)
                guard let result = db.normalize(f, scalars) else { throw PyError.valueError("invalid normalization form") }
                return form == "normalize" ? .str(text(result)) : .bool(result == scalars)
            }
        }
        m.addFunction("category") { i, a in
            try a.check("unicodedata.category", 1)
            return .str(db.category(try character(a[0], "category", i).value))
        }
        m.addFunction("combining") { i, a in
            try a.check("unicodedata.combining", 1)
            return .int(db.combining(try character(a[0], "combining", i).value))
        }
        m.addFunction("decomposition") { i, a in
            try a.check("unicodedata.decomposition", 1)
            return .str(db.decomposition(try character(a[0], "decomposition", i).value))
        }
        m.addFunction("mirrored") { i, a in
            try a.check("unicodedata.mirrored", 1)
            let c = try character(a[0], "mirrored", i)
            return .int(db.mirrored(c.value) ? 1 : 0)
        }
        func name(_ c: Unicode.Scalar) -> String? {
            // CPython 3.11 has no names for Tangut ideographs and components (newer ones derive them).
            guard assigned(c), !(0x17000...0x187F7).contains(c.value), !(0x18D00...0x18D08).contains(c.value) else { return nil }
            if let n = c.properties.name { return n }
            switch c.value {
            case 0xAC00...0xD7A3:
                // Hangul syllables: HANGUL SYLLABLE + the jamo short names.
                let l = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"]
                let v = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI",
                         "YU", "EU", "YI", "I"]
                let t = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B",
                         "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"]
                let s = Int(c.value - 0xAC00)
                return "HANGUL SYLLABLE " + l[s / 588] + v[(s % 588) / 28] + t[s % 28]
            default:
                let hex = String(c.value, radix: 16, uppercase: true)
                if c.properties.isIdeographic && db.category(c.value) == "Lo" { return "CJK UNIFIED IDEOGRAPH-" + hex }
                return nil
            }
        }
        m.addFunction("name") { i, a in
            try a.check("name", 1, 2)
            let c = try character(a[0], "name", i)
            if let n = name(c) { return .str(n) }
            if a.count == 2 { return a[1] }
            throw PyError.valueError("no such name")
        }
        /// Names to characters, built on the first `lookup`.
        var names: [String: Unicode.Scalar]? = nil
        m.addFunction("lookup") { i, a in
            try a.check("unicodedata.lookup", 1)
            guard case .str(let key) = a[0] else {
                throw PyError.typeError("lookup() argument must be str, not \(i.typeName(a[0]))")
            }
            if names == nil {
                var table: [String: Unicode.Scalar] = [:]
                for cp in 0..<0x110000 as Range<UInt32> {
                    if let c = Unicode.Scalar(cp), let n = name(c) { table[n] = c }
                }
                names = table
            }
            // Names match case-insensitively, except the derived Hangul and CJK ones (CPython compares
            // their prefixes exactly).
            let upper = key.uppercased()
            let derived = upper.hasPrefix("HANGUL SYLLABLE ") || upper.hasPrefix("CJK UNIFIED IDEOGRAPH-")
            if !derived || upper == key, let c = names![upper] { return .str(String(Character(c))) }
            throw PyError.keyError(.str("undefined character name '\(key)'"))
        }
        /// `decimal`, `digit`, `numeric`: the value, else the default, else CPython's ValueError.
        func numberFunction(_ fname: String, _ message: String, _ value: @escaping (Unicode.Scalar) -> PyValue?) {
            m.addFunction(fname) { i, a in
                try a.check(fname, 1, 2)
                let c = try character(a[0], fname, i)
                if let v = value(c) { return v }
                if a.count == 2 { return a[1] }
                throw PyError.valueError(message)
            }
        }
        numberFunction("decimal", "not a decimal") { c in
            db.number(c.value).flatMap { $0.kind == "d" ? .int(Int($0.value)) : nil }
        }
        numberFunction("digit", "not a digit") { c in
            db.number(c.value).flatMap { $0.kind != "n" ? .int(Int($0.value)) : nil }
        }
        numberFunction("numeric", "not a numeric character") { c in db.number(c.value).map { .float($0.value) } }
    }
}
