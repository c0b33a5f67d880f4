/// The text-like methods of `bytes` and `bytearray` (ASCII case mapping, split/strip/join,
/// searching, padding, `translate`, `%` formatting), with CPython 3.11's results and error
/// texts. A method of a `bytearray` returns a `bytearray`; large results are charged to the
/// session's object limit before they are built, as `bytes * n` is.
extension Interpreter {
    func installBytesMethods(_ cls: PyClass) {
        let bytearray: PyClass = types.bytearray
        /// A new object of the receiver's kind (`bytes` or `bytearray`).
        func make(_ i: Interpreter, _ s: PyValue, _ b: [UInt8]) -> PyValue {
            .object(PyInstance(cls: i.isInstance(s, bytearray) ? bytearray : i.types.bytes!, payload: ByteStorage(b)))
        }
        func me(_ i: Interpreter, _ s: PyValue) throws -> [UInt8] { try i.byteStorage(s).bytes }

        // Case mapping and classification: ASCII letters only, as CPython's bytes methods.
        let maps: [(String, ([UInt8]) -> [UInt8])] = [
            ("upper", { $0.map(asciiUpper) }),
            ("lower", { $0.map(asciiLower) }),
            ("swapcase", { $0.map { isAsciiLower($0) ? asciiUpper($0) : asciiLower($0) } }),
            ("capitalize", { b in b.enumerated().map { $0.offset == 0 ? asciiUpper($0.element) : asciiLower($0.element) } }),
            ("title", { b in
                var out: [UInt8] = []
                var prevCased = false
                for c in b {
                    let cased = isAsciiLower(c) || isAsciiUpper(c)
                    out.append(cased ? (prevCased ? asciiLower(c) : asciiUpper(c)) : c)
                    prevCased = cased
                }
                return out
            }),
        ]
        for (name, f) in maps {
            cls.addMethod(name) { i, s, a in try a.check(name, 0, 0); return make(i, s, f(try me(i, s))) }
        }
        let tests: [(String, (UInt8) -> Bool)] = [
            ("isdigit", { $0 >= 48 && $0 <= 57 }),
            ("isalpha", { isAsciiLower($0) || isAsciiUpper($0) }),
            ("isalnum", { isAsciiLower($0) || isAsciiUpper($0) || ($0 >= 48 && $0 <= 57) }),
            ("isspace", isAsciiSpace),
        ]
        for (name, f) in tests {
            cls.addMethod(name) { i, s, a in
                try a.check(name, 0, 0)
                let b = try me(i, s)
                return .bool(!b.isEmpty && b.allSatisfy(f))
            }
        }
        cls.addMethod("islower") { i, s, _ in
            let b = try me(i, s)
            return .bool(b.contains(where: isAsciiLower) && !b.contains(where: isAsciiUpper))
        }
        cls.addMethod("isupper") { i, s, _ in
            let b = try me(i, s)
            return .bool(b.contains(where: isAsciiUpper) && !b.contains(where: isAsciiLower))
        }

        cls.addMethod("isascii") { i, s, a in try a.check("isascii", 0, 0); return .bool(try me(i, s).allSatisfy { $0 < 128 }) }
        cls.addMethod("istitle") { i, s, a in
            try a.check("istitle", 0, 0)
            var cased = false, previousCased = false
            for c in try me(i, s) {
                if isAsciiUpper(c) {
                    if previousCased { return .false }
                    previousCased = true; cased = true
                } else if isAsciiLower(c) {
                    if !previousCased { return .false }
                    previousCased = true; cased = true
                } else {
                    previousCased = false
                }
            }
            return .bool(cased)
        }
        for (name, isPrefix) in [("removeprefix", true), ("removesuffix", false)] {
            cls.addMethod(name) { i, s, a in
                try StrArgumentStyle.one.check(i.typeName(s), name, a)
                let b = try me(i, s), affix = try i.bytesLike(a[0])
                if affix.isEmpty || affix.count > b.count { return make(i, s, b) }
                if isPrefix { return make(i, s, b.starts(with: affix) ? Array(b.dropFirst(affix.count)) : b) }
                return make(i, s, b.reversed().starts(with: affix.reversed()) ? Array(b.dropLast(affix.count)) : b)
            }
        }
        cls.addMethod("expandtabs") { i, s, a in
            let bound = try a.bindClinic(ClinicSignature("expandtabs", ["tabsize"]))
            let size = try bound[0].map { try i.intArgument($0) } ?? 8
            var out: [UInt8] = [], column = 0
            for c in try me(i, s) {
                if c == 9 {
                    if size > 0 { let n = size - column % size; out += [UInt8](repeating: 32, count: n); column += n }
                } else {
                    out.append(c); column += 1
                    if c == 10 || c == 13 { column = 0 }
                }
                if out.count > i.limits.objectByteLimit { throw PyError.memoryError() }
            }
            return make(i, s, out)
        }

        // Stripping.
        for (name, left, right) in [("strip", true, true), ("lstrip", true, false), ("rstrip", false, true)] {
            cls.addMethod(name) { i, s, a in
                let bound = try a.bind(Signature(name, ["bytes"], required: 0))
                let b = try me(i, s)
                let set: (UInt8) -> Bool
                if let chars = bound[0], !chars.isNone {
                    let cs = try i.bytesLike(chars)
                    set = { cs.contains($0) }
                } else { set = isAsciiSpace }
                var lo = 0, hi = b.count
                if left { while lo < hi && set(b[lo]) { lo += 1 } }
                if right { while hi > lo && set(b[hi - 1]) { hi -= 1 } }
                return make(i, s, Array(b[lo..<hi]))
            }
        }

        // Splitting and joining.
        for (name, fromRight) in [("split", false), ("rsplit", true)] {
            cls.addMethod(name) { i, s, a in
                let bound = try a.bind(Signature(name, ["sep", "maxsplit"], required: 0))
                let b = try me(i, s)
                let maxsplit = try bound[1].map { try i.intArgument($0) } ?? -1
                var sep: [UInt8]?
                if let v = bound[0], !v.isNone {
                    sep = try i.bytesLike(v)
                    if sep!.isEmpty { throw PyError.valueError("empty separator") }
                }
                let parts = splitBytes(b, sep: sep, maxsplit: maxsplit, fromRight: fromRight)
                return .list(parts.map { make(i, s, $0) })
            }
        }
        cls.addMethod("splitlines") { i, s, a in
            let bound = try a.bind(Signature("splitlines", ["keepends"], required: 0))
            let keep = try bound[0].map { try i.truthy($0) } ?? false
            let b = try me(i, s)
            var out: [PyValue] = []
            var start = 0, k = 0
            while k < b.count {
                if b[k] == 10 || b[k] == 13 {
                    var end = k + 1
                    if b[k] == 13 && k + 1 < b.count && b[k + 1] == 10 { end = k + 2 }
                    out.append(make(i, s, Array(b[start..<(keep ? end : k)])))
                    start = end; k = end
                } else { k += 1 }
            }
            if start < b.count { out.append(make(i, s, Array(b[start...]))) }
            return .list(out)
        }
        cls.addMethod("join") { i, s, a in
            try a.check("join", 1, 1)
            let sep = try me(i, s)
            var out: [UInt8] = []
            for (k, item) in try i.iterate(a[0]).enumerated() {
                guard let part = i.bytesLikeOrNil(item) else {
                    throw PyError.typeError("sequence item \(k): expected a bytes-like object, \(i.typeName(item)) found")
                }
                if k > 0 { out += sep }
                out += part
                try i.reserveObject(out.count, itemBytes: 1)
            }
            return make(i, s, out)
        }
        for (name, fromRight) in [("partition", false), ("rpartition", true)] {
            cls.addMethod(name) { i, s, a in
                try a.check(name, 1, 1)
                let b = try me(i, s)
                let sep = try i.bytesLike(a[0])
                if sep.isEmpty { throw PyError.valueError("empty separator") }
                let at = fromRight ? lastIndex(of: sep, in: b, 0, b.count) : firstIndex(of: sep, in: b, 0, b.count)
                guard let k = at else {
                    return fromRight ? .tuple([make(i, s, []), make(i, s, []), make(i, s, b)])
                        : .tuple([make(i, s, b), make(i, s, []), make(i, s, [])])
                }
                return .tuple([make(i, s, Array(b[..<k])), make(i, s, sep), make(i, s, Array(b[(k + sep.count)...]))])
            }
        }
        cls.addMethod("replace") { i, s, a in
            let bound = try a.bind(Signature("replace", ["old", "new", "count"], required: 2))
            let b = try me(i, s)
            let old = try i.bytesLike(bound[0]!), new = try i.bytesLike(bound[1]!)
            var count = try bound[2].map { try i.intArgument($0) } ?? -1
            if count < 0 { count = Int.max }
            var out: [UInt8] = []
            var k = 0, done = 0
            if old.isEmpty {
                // An empty pattern matches between every byte and at both ends.
                while done < count && k <= b.count {
                    out += new; done += 1
                    if k < b.count { out.append(b[k]) }
                    k += 1
                    try i.reserveObject(out.count, itemBytes: 1)
                }
                if k < b.count { out += b[k...] }
                return make(i, s, out)
            }
            while done < count, let at = firstIndex(of: old, in: b, k, b.count) {
                out += b[k..<at]; out += new
                k = at + old.count; done += 1
                try i.reserveObject(out.count, itemBytes: 1)
            }
            out += b[k...]
            return make(i, s, out)
        }

        // Searching.
        for name in ["find", "rfind", "index", "rindex", "count"] {
            cls.addMethod(name) { i, s, a in
                let bound = try a.bind(Signature(name, ["sub", "start", "end"], required: 1))
                let b = try me(i, s)
                let sub: [UInt8]
                if case .int(let n) = bound[0]! {
                    guard (0..<256).contains(n) else { throw PyError.valueError("byte must be in range(0, 256)") }
                    sub = [UInt8(n)]
                } else if let x = i.bytesLikeOrNil(bound[0]!) { sub = x }
                else { throw PyError.typeError("argument should be integer or bytes-like object, not '\(i.typeName(bound[0]!))'") }
                let (lo, hi) = try i.searchSpan(b.count, bound[1], bound[2])
                if name == "count" {
                    if lo > hi { return .int(0) }
                    if sub.isEmpty { return .int(hi - lo + 1) }
                    var n = 0, k = lo
                    while let at = firstIndex(of: sub, in: b, k, hi) { n += 1; k = at + sub.count }
                    return .int(n)
                }
                let found = lo > hi ? nil : name.hasPrefix("r") ? lastIndex(of: sub, in: b, lo, hi) : firstIndex(of: sub, in: b, lo, hi)
                if let at = found { return .int(at) }
                if name.hasSuffix("index") { throw PyError.valueError("subsection not found") }
                return .int(-1)
            }
        }
        for (name, atEnd) in [("startswith", false), ("endswith", true)] {
            cls.addMethod(name) { i, s, a in
                let bound = try a.bind(Signature(name, ["prefix", "start", "end"], required: 1))
                let b = try me(i, s)
                let (lo, hi) = try i.searchSpan(b.count, bound[1], bound[2])
                let candidates: [PyValue] = bound[0]!.asTuple?.items ?? [bound[0]!]
                for c in candidates {
                    guard let p = i.bytesLikeOrNil(c) else {
                        throw PyError.typeError(bound[0]!.asTuple == nil
                            ? "\(name) first arg must be bytes or a tuple of bytes, not \(i.typeName(c))"
                            : "a bytes-like object is required, not '\(i.typeName(c))'")
                    }
                    if lo > hi || hi - lo < p.count { continue }
                    let at = atEnd ? hi - p.count : lo
                    if Array(b[at..<(at + p.count)]) == p { return .true }
                }
                return .false
            }
        }

        // Padding.
        for name in ["center", "ljust", "rjust"] {
            cls.addMethod(name) { i, s, a in
                let bound = try a.bind(Signature(name, ["width", "fillchar"], required: 1))
                let b = try me(i, s)
                let width = try i.intArgument(bound[0]!)
                var fill: UInt8 = 32
                if let f = bound[1] {
                    guard let fb = i.bytesLikeOrNil(f), fb.count == 1 else {
                        throw PyError.typeError("\(name)() argument 2 must be a byte string of length 1, not \(i.typeName(f))")
                    }
                    fill = fb[0]
                }
                guard width > b.count else { return make(i, s, b) }
                try i.reservePadding(width)
                let total = width - b.count
                let left: Int
                switch name {
                case "ljust": left = 0
                case "rjust": left = total
                default: left = total / 2 + (total & width & 1)  // CPython's centring rule
                }
                return make(i, s, [UInt8](repeating: fill, count: left) + b + [UInt8](repeating: fill, count: total - left))
            }
        }
        cls.addMethod("zfill") { i, s, a in
            try a.check("zfill", 1, 1)
            let b = try me(i, s)
            let width = try i.intArgument(a[0])
            guard width > b.count else { return make(i, s, b) }
            try i.reservePadding(width)
            let zeros = [UInt8](repeating: 48, count: width - b.count)
            if let c = b.first, c == 43 || c == 45 { return make(i, s, [c] + zeros + b.dropFirst()) }
            return make(i, s, zeros + b)
        }

        // Translation.
        cls.addMethod("translate") { i, s, a in
            let bound = try a.bind(Signature("translate", ["table", "delete"], required: 1))
            let b = try me(i, s)
            var table: [UInt8]?
            if !bound[0]!.isNone {
                table = try i.bytesLike(bound[0]!)
                if table!.count != 256 { throw PyError.valueError("translation table must be 256 characters long") }
            }
            let delete = try bound[1].map { try i.bytesLike($0) } ?? []
            return make(i, s, b.filter { !delete.contains($0) }.map { table?[Int($0)] ?? $0 })
        }
        cls.addStaticMethod("maketrans") { i, a in
            try a.check("maketrans", 2, 2)
            let from = try i.bytesLike(a[0]), to = try i.bytesLike(a[1])
            guard from.count == to.count else { throw PyError.valueError("maketrans arguments must have same length") }
            var table = (0...255).map { UInt8($0) }
            for (f, t) in zip(from, to) { table[Int(f)] = t }
            return i.makeBytes(table)
        }

        cls.addMethod("__mod__") { i, s, a in make(i, s, try i.bytesPercentFormat(try me(i, s), a[0])) }
        cls.addMethod("__rmod__") { _, _, _ in .notImplemented }
    }

    /// The bytes of a bytes-like argument, or CPython's TypeError.
    func bytesLike(_ v: PyValue) throws -> [UInt8] {
        guard let b = bytesLikeOrNil(v) else { throw PyError.typeError("a bytes-like object is required, not '\(typeName(v))'") }
        return b
    }

    func bytesLikeOrNil(_ v: PyValue) -> [UInt8]? {
        if let s = v.payload(ByteStorage.self) { return s.bytes }
        if v.payload(MemoryViewBuffer.self) != nil { return try? view(v).bytes }
        return nil
    }

    /// `start`/`end` of a search clamped as a slice would be; `lo > hi` means an empty span.
    fileprivate func searchSpan(_ n: Int, _ start: PyValue?, _ end: PyValue?) throws -> (Int, Int) {
        func clamp(_ v: PyValue?, _ dflt: Int) throws -> Int {
            guard let v, !v.isNone else { return dflt }
            var k = try intArgument(v)
            if k < 0 { k = max(0, k + n) }
            return k
        }
        // A start past the end stays there (`b''.find(b'', 99)` is -1, as CPython).
        return (try clamp(start, 0), min(try clamp(end, n), n))
    }

    /// `b'...' % args`: the str formatter over the bytes read as Latin-1, with each `%s`/`%b`
    /// argument required to be bytes-like (CPython's TypeError otherwise) and `%r`/`%a`
    /// giving `ascii()` of the argument.
    func bytesPercentFormat(_ format: [UInt8], _ args: PyValue) throws -> [UInt8] {
        func latin1(_ b: [UInt8]) -> String { String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) })) }
        var text = format
        var values: [PyValue] = args.asTuple?.items ?? [args]
        let isTupleArgs = args.asTuple != nil
        var mapping: PyDict?
        if case .object(let o) = args, let d = o as? PyDict { mapping = d }
        // Pair each conversion with its argument to convert bytes arguments and check types.
        var k = 0, next = 0
        var newMapping: [(PyValue, PyValue)] = []
        func convert(_ v: PyValue, _ type: UInt8) throws -> PyValue {
            switch type {
            case UInt8(ascii: "s"), UInt8(ascii: "b"):
                if let b = bytesLikeOrNil(v) { return .str(latin1(b)) }
                if typeOf(v).lookup(Name("__bytes__")) != nil, let b = bytesLikeOrNil(try callMethod(v, "__bytes__")) { return .str(latin1(b)) }
                throw PyError.typeError("%b requires a bytes-like object, or an object that implements __bytes__, not '\(typeName(v))'")
            case UInt8(ascii: "r"), UInt8(ascii: "a"):
                return .str(try asciiRepr(v))
            case UInt8(ascii: "c"):
                // byte_converter: one byte, or an int in range(256).
                if let b = v.payload(ByteStorage.self)?.bytes, b.count == 1 { return .str(latin1(b)) }
                let code: Int?
                let notByte = PyError.typeError("%c requires an integer in range(256) or a single byte")
                if v.asObject is PyBigInt {
                    code = nil
                } else {
                    do {
                        guard let c = try index(v) else { throw notByte }
                        code = c
                    } catch let e as PyError where e.typeName == "TypeError" { throw notByte }
                }
                guard let c = code, c >= 0 && c <= 255 else { throw PyError.overflow("%c arg not in range(256)") }
                return .int(c)
            case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "g"), UInt8(ascii: "G"):
                do { return .float(try realAsDouble(v)) } catch is PyError {
                    throw PyError.typeError("float argument required, not \(typeName(v))")
                }
            default: return v
            }
        }
        while k < text.count {
            guard text[k] == 37 else { k += 1; continue }
            k += 1
            var key: String?
            if k < text.count && text[k] == 40 {
                var j = k + 1
                while j < text.count && text[j] != 41 { j += 1 }
                key = latin1(Array(text[(k + 1)..<min(j, text.count)]))
                k = j + 1
            }
            while k < text.count, let c = Optional(text[k]), c == 45 || c == 43 || c == 32 || c == 35 || c == 48 || (c >= 49 && c <= 57) || c == 46 || c == 42 {
                if c == 42 && key == nil { next += 1 }
                k += 1
            }
            guard k < text.count else { break }
            let type = text[k]
            if type == 37 { k += 1; continue }
            if type == UInt8(ascii: "r") || type == UInt8(ascii: "a") || type == UInt8(ascii: "b") {
                text[k] = UInt8(ascii: "s")
            }
            // bytes formatting names %i as %d in its errors.
            if type == UInt8(ascii: "i") { text[k] = UInt8(ascii: "d") }
            if let key, let m = mapping {
                let bytesKey = makeBytes(key.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
                newMapping.append((.str(key), try convert(try getItem(.object(m), bytesKey), type)))
            } else if next < values.count {
                values[next] = try convert(values[next], type)
                next += 1
            }
            k += 1
        }
        let converted: PyValue
        if let m = mapping {
            // The str formatter looks keys up as str: the used keys, Latin-1, converted.
            let d = PyDict()
            for (key, v) in newMapping { try setItem(.object(d), key, v) }
            converted = .object(d)
        } else if !isTupleArgs && bytesLikeOrNil(args) != nil {
            // A bytes or bytearray argument is one value, never a mapping (as `_PyBytes_FormatEx`).
            converted = .tuple([values[0]])
        } else {
            converted = isTupleArgs ? .tuple(values) : values[0]
        }
        let out: String
        do {
            out = try percentFormat(latin1(text), converted)
        } catch let e as PyError where e.exception == nil && e.description == "TypeError: not all arguments converted during string formatting" {
            throw PyError.typeError("not all arguments converted during bytes formatting")
        }
        return out.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    /// `ascii(v)`: the repr with non-ASCII characters escaped.
    func asciiRepr(_ v: PyValue) throws -> String {
        var out = ""
        for u in try repr(v).unicodeScalars {
            if u.value < 128 { out.unicodeScalars.append(u); continue }
            let hex = String(u.value, radix: 16)
            if u.value < 256 { out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
            else if u.value < 65536 { out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
            else { out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex }
        }
        return out
    }
}

private func isAsciiLower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
private func isAsciiUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
private func asciiUpper(_ c: UInt8) -> UInt8 { isAsciiLower(c) ? c - 32 : c }
private func asciiLower(_ c: UInt8) -> UInt8 { isAsciiUpper(c) ? c + 32 : c }
/// Python's `bytes.isspace` set: space, \t \n \v \f \r.
private func isAsciiSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }

private func firstIndex(of sub: [UInt8], in b: [UInt8], _ lo: Int, _ hi: Int) -> Int? {
    guard hi - lo >= sub.count else { return nil }
    if sub.isEmpty { return lo }
    var k = lo
    while k + sub.count <= hi {
        if b[k] == sub[0] && b[k..<(k + sub.count)].elementsEqual(sub) { return k }
        k += 1
    }
    return nil
}

private func lastIndex(of sub: [UInt8], in b: [UInt8], _ lo: Int, _ hi: Int) -> Int? {
    guard hi - lo >= sub.count else { return nil }
    var k = hi - sub.count
    while k >= lo {
        if b[k..<(k + sub.count)].elementsEqual(sub) { return k }
        k -= 1
    }
    return nil
}

/// `split`/`rsplit` with Python's rules: no separator splits on runs of ASCII whitespace and
/// drops empty ends; a separator keeps empty pieces.
private func splitBytes(_ b: [UInt8], sep: [UInt8]?, maxsplit: Int, fromRight: Bool) -> [[UInt8]] {
    let limit = maxsplit < 0 ? Int.max : maxsplit
    guard let sep else {
        var parts: [[UInt8]] = []
        if fromRight {
            var hi = b.count
            while true {
                while hi > 0 && isAsciiSpace(b[hi - 1]) { hi -= 1 }
                if hi == 0 { break }
                if parts.count == limit {
                    parts.append(Array(b[0..<hi])); break
                }
                var lo = hi
                while lo > 0 && !isAsciiSpace(b[lo - 1]) { lo -= 1 }
                parts.append(Array(b[lo..<hi])); hi = lo
            }
            return parts.reversed()
        }
        var lo = 0
        while true {
            while lo < b.count && isAsciiSpace(b[lo]) { lo += 1 }
            if lo == b.count { break }
            if parts.count == limit { parts.append(Array(b[lo...])); break }
            var hi = lo
            while hi < b.count && !isAsciiSpace(b[hi]) { hi += 1 }
            parts.append(Array(b[lo..<hi])); lo = hi
        }
        return parts
    }
    var parts: [[UInt8]] = []
    if fromRight {
        var hi = b.count
        while parts.count < limit, let at = lastIndex(of: sep, in: b, 0, hi) {
            parts.append(Array(b[(at + sep.count)..<hi])); hi = at
        }
        parts.append(Array(b[0..<hi]))
        return parts.reversed()
    }
    var lo = 0
    while parts.count < limit, let at = firstIndex(of: sep, in: b, lo, b.count) {
        parts.append(Array(b[lo..<at])); lo = at + sep.count
    }
    parts.append(Array(b[lo...]))
    return parts
}
