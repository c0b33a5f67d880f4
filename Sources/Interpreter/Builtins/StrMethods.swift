import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    func installStrMethods() {
        let c = types.str!
        // Each method checks its arguments the way its CPython implementation does, since the
        // wording differs by kind (see `StrArgumentStyle`).
        let noArguments: Set<String> = ["upper", "lower", "casefold", "swapcase", "capitalize", "title",
                                        "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace",
                                        "isupper", "islower", "istitle", "isidentifier", "isprintable", "isascii"]
        let oneArgument: Set<String> = ["join", "partition", "rpartition", "removeprefix", "removesuffix",
                                        "translate", "format_map", "zfill"]
        let positionalRange: [String: (Int, Int)] = ["strip": (0, 1), "lstrip": (0, 1), "rstrip": (0, 1),
                                                     "center": (1, 2), "ljust": (1, 2), "rjust": (1, 2),
                                                     "replace": (2, 3)]
        let parseTupleRange: Set<String> = ["count", "find", "rfind", "index", "rindex", "startswith", "endswith"]
        func style(_ name: String) -> StrArgumentStyle {
            if noArguments.contains(name) { return .none }
            if oneArgument.contains(name) { return .one }
            if let r = positionalRange[name] { return .positional(r.0, r.1) }
            if parseTupleRange.contains(name) { return .parseTuple(1, 3) }
            return .unchecked
        }
        func m(_ name: String, _ body: @escaping (Interpreter, String, Arguments) throws -> PyValue) {
            let argumentStyle = style(name)
            c.addMethod(name) { i, s, a in
                guard case .str(let str) = s else { throw PyError.typeError("descriptor '\(name)' requires a 'str' object but received a '\(i.typeName(s))'") }
                try argumentStyle.check("str", name, a)
                return try body(i, str, a)
            }
        }
        func stripSet(_ name: String, _ a: Arguments) throws -> Set<Unicode.Scalar>? {
            guard a.count > 0, !a[0].isNone else { return nil }
            guard case .str(let chars) = a[0] else { throw PyError.typeError("\(name) arg must be None or str") }
            return Set(chars.unicodeScalars)
        }
        func isStripped(_ u: Unicode.Scalar, _ set: Set<Unicode.Scalar>?) -> Bool {
            set.map { $0.contains(u) } ?? PyChars.isSpace(u)
        }
        func lstrip(_ s: String, _ set: Set<Unicode.Scalar>?) -> String {
            String(String.UnicodeScalarView(s.unicodeScalars.drop { isStripped($0, set) }))
        }
        func rstrip(_ s: String, _ set: Set<Unicode.Scalar>?) -> String {
            var u = Array(s.unicodeScalars)
            while let l = u.last, isStripped(l, set) { u.removeLast() }
            return String(String.UnicodeScalarView(u))
        }
        m("strip") { _, s, a in let set = try stripSet("strip", a); return .str(rstrip(lstrip(s, set), set)) }
        m("lstrip") { _, s, a in .str(lstrip(s, try stripSet("lstrip", a))) }
        m("rstrip") { _, s, a in .str(rstrip(s, try stripSet("rstrip", a))) }
        m("upper") { _, s, _ in .str(PyChars.upper(s)) }
        m("lower") { _, s, _ in .str(PyChars.lower(s)) }
        m("casefold") { _, s, _ in .str(PyChars.casefold(s)) }
        m("swapcase") { _, s, _ in .str(PyChars.swapcase(s)) }
        m("capitalize") { _, s, _ in .str(PyChars.capitalize(s)) }
        m("title") { _, s, _ in .str(PyChars.title(s)) }
        m("split") { i, s, a in
            let b = try a.bindClinic(ClinicSignature("split", ["sep", "maxsplit"]))
            let maxsplit = try b[1].map { try i.intArgument($0) } ?? -1
            if let sepV = b[0], !sepV.isNone {
                guard let sep = sepV.asString else { throw PyError.typeError("must be str or None, not \(i.typeName(sepV))") }
                if sep.isEmpty { throw PyError.valueError("empty separator") }
                return .list(splitString(s, sep, maxsplit).map { .str($0) })
            }
            return .list(splitWhitespace(s, maxsplit).map { .str($0) })
        }
        m("rsplit") { i, s, a in
            let b = try a.bindClinic(ClinicSignature("rsplit", ["sep", "maxsplit"]))
            let maxsplit = try b[1].map { try i.intArgument($0) } ?? -1
            if let sepV = b[0], !sepV.isNone {
                guard let sep = sepV.asString else { throw PyError.typeError("must be str or None, not \(i.typeName(sepV))") }
                if maxsplit < 0 { return .list(splitString(s, sep, -1).map { .str($0) }) }
                let rev = splitString(reversedScalars(s), reversedScalars(sep), maxsplit)
                return .list(rev.reversed().map { .str(reversedScalars($0)) })
            }
            if maxsplit < 0 { return .list(splitWhitespace(s, -1).map { .str($0) }) }
            let rev = splitWhitespace(reversedScalars(s), maxsplit)
            return .list(rev.reversed().map { .str(reversedScalars($0)) })
        }
        m("splitlines") { i, s, a in
            let b = try a.bindClinic(ClinicSignature("splitlines", ["keepends"]))
            let keep = try b[0].map { try i.intArgument($0) != 0 } ?? false
            return .list(splitLines(s, keepends: keep).map { .str($0) })
        }
        m("join") { i, s, a in
            guard (try? i.getIterator(a[0])) != nil else { throw PyError.typeError("can only join an iterable") }
            var parts: [String] = []
            var n = 0
            try i.forEach(a[0]) { v in
                guard let x = v.asString else {
                    throw PyError.typeError("sequence item \(n): expected str instance, \(i.typeName(v)) found")
                }
                parts.append(x); n += 1
                if n & 0xFFFF == 0 { try NativeDeadline.check() }
                return true
            }
            return .str(parts.joined(separator: s))
        }
        m("replace") { i, s, a in
            let old = try i.stringArgument(a[0], "replace() argument 1"), new = try i.stringArgument(a[1], "replace() argument 2")
            let count = a.count > 2 ? try i.intArgument(a[2]) : -1
            if count < 0 {
                if old.isEmpty {
                    return .str(new + s.unicodeScalars.map { String($0) }.joined(separator: new) + (s.isEmpty ? "" : new))
                }
                return .str(splitString(s, old, -1).joined(separator: new))
            }
            if old.isEmpty {
                // `new` goes before each of the first `count` code points (and at the end
                // when there are fewer).
                var out = String.UnicodeScalarView(), inserted = 0
                for u in s.unicodeScalars {
                    if inserted < count { out.append(contentsOf: new.unicodeScalars); inserted += 1 }
                    out.append(u)
                }
                if inserted < count { out.append(contentsOf: new.unicodeScalars) }
                return .str(String(out))
            }
            return .str(splitString(s, old, count).joined(separator: new))
        }
        // CPython's `tailmatch`, by code point: a start past the end (after ADJUST_INDICES)
        // matches nothing, not even "".
        func prefixCheck(_ name: String, fromEnd: Bool) {
            m(name) { i, s, a in
                let u = Array(s.unicodeScalars)
                let (start, stop) = try i.substringBounds(a, length: u.count)
                func matches(_ p: String) -> Bool {
                    let q = Array(p.unicodeScalars)
                    if start > u.count || stop - start < q.count { return false }
                    let at = fromEnd ? stop - q.count : start
                    return Array(u[at..<(at + q.count)]) == q
                }
                if let t = a[0].asTuple {
                    return .bool(try t.items.contains { matches(try i.stringArgument($0, "\(name) arg")) })
                }
                guard case .str(let p) = a[0] else {
                    throw PyError.typeError("\(name) first arg must be str or a tuple of str, not \(i.typeName(a[0]))")
                }
                return .bool(matches(p))
            }
        }
        prefixCheck("startswith", fromEnd: false)
        prefixCheck("endswith", fromEnd: true)
        func finder(_ name: String, reverse: Bool, raising: Bool) {
            m(name) { i, s, a in
                let u = Array(s.unicodeScalars)
                let (start, stop) = try i.substringBounds(a, length: u.count)
                let sub = Array(try i.stringArgument(a[0], "must be str").unicodeScalars)
                var found = -1
                if start <= u.count && stop - start >= sub.count {
                    let positions = Array(start...(stop - sub.count))
                    for p in reverse ? positions.reversed() : positions where Array(u[p..<(p + sub.count)]) == sub { found = p; break }
                }
                if found < 0 && raising { throw PyError.valueError("substring not found") }
                return .int(found)
            }
        }
        finder("find", reverse: false, raising: false)
        finder("rfind", reverse: true, raising: false)
        finder("index", reverse: false, raising: true)
        finder("rindex", reverse: true, raising: true)
        m("count") { i, s, a in
            let u = Array(s.unicodeScalars)
            let (start, stop) = try i.substringBounds(a, length: u.count)
            let sub = Array(try i.stringArgument(a[0], "must be str").unicodeScalars)
            if start > u.count || stop - start < sub.count { return .int(0) }
            if sub.isEmpty { return .int(stop - start + 1) }
            var n = 0, p = start
            while p + sub.count <= stop {
                if Array(u[p..<(p + sub.count)]) == sub { n += 1; p += sub.count } else { p += 1 }
            }
            return .int(n)
        }
        func justify(_ name: String, _ f: @escaping (String, Int, Character) -> String) {
            m(name) { i, s, a in
                let w = try i.intArgument(a[0])
                try i.reservePadding(w)
                var fill: Character = " "
                if a.count > 1 {
                    guard case .str(let fs) = a[1] else {
                        throw PyError.typeError("The fill character must be a unicode character, not \(i.typeName(a[1]))")
                    }
                    guard fs.count == 1 else { throw PyError.typeError("The fill character must be exactly one character long") }
                    fill = fs.first!
                }
                let r = f(s, w, fill)
                try NativeDeadline.throwIfTripped()
                return .str(r)
            }
        }
        // Lengths in code points, as CPython's (and without breaking graphemes of a long string).
        justify("ljust") { s, w, f in
            let n = s.unicodeScalars.count
            return n >= w ? s : s + LongText.padding(f, w - n)
        }
        justify("rjust") { s, w, f in
            let n = s.unicodeScalars.count
            return n >= w ? s : LongText.padding(f, w - n) + s
        }
        justify("center") { s, w, f in
            let n = s.unicodeScalars.count
            if n >= w { return s }
            let total = w - n
            let left = total / 2 + (total & w & 1)
            return LongText.padding(f, left) + s + LongText.padding(f, total - left)
        }
        m("zfill") { i, s, a in
            let w = try i.intArgument(a[0])
            try i.reservePadding(w)
            let n = s.unicodeScalars.count
            if n >= w { return .str(s) }
            let pad = try i.repeatedText("0", w - n)
            if let f = s.unicodeScalars.first, f == "-" || f == "+" {
                return .str(String(f) + pad + String(String.UnicodeScalarView(s.unicodeScalars.dropFirst())))
            }
            return .str(pad + s)
        }
        func predicate(_ name: String, _ test: @escaping (Unicode.Scalar) -> Bool) {
            m(name) { _, s, _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy(test)) }
        }
        predicate("isdigit", PyChars.isDigit)
        predicate("isdecimal", PyChars.isDecimal)
        predicate("isnumeric", PyChars.isNumeric)
        predicate("isalpha", PyChars.isAlpha)
        predicate("isalnum") { PyChars.isAlpha($0) || PyChars.isNumeric($0) }
        predicate("isspace", PyChars.isSpace)
        m("isascii") { _, s, _ in .bool(s.unicodeScalars.allSatisfy { $0.isASCII }) }
        m("isprintable") { _, s, _ in .bool(s.unicodeScalars.allSatisfy(isPrintableScalar)) }
        m("translate") { i, s, a in .str(try i.strTranslate(s, table: a[0])) }
        // CPython's `unicode_isupper`/`islower`/`istitle`: title-case letters count as upper.
        m("isupper") { _, s, _ in
            var cased = false
            for c in s.unicodeScalars {
                if PyChars.isLower(c) || PyChars.isTitle(c) { return .false }
                if PyChars.isUpper(c) { cased = true }
            }
            return .bool(cased)
        }
        m("islower") { _, s, _ in
            var cased = false
            for c in s.unicodeScalars {
                if PyChars.isUpper(c) || PyChars.isTitle(c) { return .false }
                if PyChars.isLower(c) { cased = true }
            }
            return .bool(cased)
        }
        m("istitle") { _, s, _ in
            var cased = false, previousCased = false
            for c in s.unicodeScalars {
                if PyChars.isUpper(c) || PyChars.isTitle(c) {
                    if previousCased { return .false }
                    previousCased = true; cased = true
                } else if PyChars.isLower(c) {
                    if !previousCased { return .false }
                    previousCased = true; cased = true
                } else {
                    previousCased = false
                }
            }
            return .bool(cased)
        }
        m("isidentifier") { _, s, _ in
            guard let f = s.unicodeScalars.first, f == "_" || f.properties.isXIDStart else { return .false }
            return .bool(s.unicodeScalars.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue })
        }
        m("partition") { i, s, a in
            let sep = try i.stringArgument(a[0], "must be str")
            let parts = splitString(s, sep, 1)
            if parts.count == 2 { return .tuple([.str(parts[0]), .str(sep), .str(parts[1])]) }
            return .tuple([.str(s), .str(""), .str("")])
        }
        m("rpartition") { i, s, a in
            let sep = try i.stringArgument(a[0], "must be str")
            let reversed = splitString(reversedScalars(s), reversedScalars(sep), 1)
            if reversed.count == 2 {
                return .tuple([.str(reversedScalars(reversed[1])), .str(sep), .str(reversedScalars(reversed[0]))])
            }
            return .tuple([.str(""), .str(""), .str(s)])
        }
        m("removeprefix") { i, s, a in
            let p = try i.stringArgument(a[0], "removeprefix() argument")
            let u = s.unicodeScalars, q = p.unicodeScalars
            return .str(u.starts(with: q) ? String(u.dropFirst(q.count)) : s)
        }
        m("removesuffix") { i, s, a in
            let p = try i.stringArgument(a[0], "removesuffix() argument")
            let u = s.unicodeScalars, q = p.unicodeScalars
            return .str(!q.isEmpty && u.reversed().starts(with: q.reversed()) ? String(u.dropLast(q.count)) : s)
        }
        m("format") { i, s, a in .str(try i.strFormat(s, a)) }
        m("format_map") { i, s, a in
            return .str(try i.strFormat(s, Arguments(), mapping: a[0]))
        }
        m("encode") { _, s, _ in .str(s) }
        m("expandtabs") { i, s, a in
            // As CPython: a C int tab size; none (<= 0) removes tabs; \n and \r restart
            // the column; the result is charged to the object limit before it is built.
            let b = try a.bindClinic(ClinicSignature("expandtabs", ["tabsize"]))
            let size = try b[0].map { try i.intArgument($0) } ?? 8
            guard size >= Int(Int32.min), size <= Int(Int32.max) else {
                throw PyError.overflow("Python int too large to convert to C int")
            }
            var total = 0, col = 0
            for ch in s {
                if ch == "\t" {
                    if size > 0 { let n = size - col % size; col += n; total += n }
                } else {
                    col += 1; total += ch.utf8.count
                    if ch == "\n" || ch == "\r" { col = 0 }
                }
                if total > i.limits.objectByteLimit { throw PyError.memoryError() }
            }
            try i.reserveObject(total, itemBytes: 1)
            var out = ""
            out.reserveCapacity(total)
            col = 0
            var polls = 0
            for ch in s {
                polls &+= 1
                if polls & 0xFFF == 0 { try NativeDeadline.check() }
                if ch == "\t" {
                    if size > 0 { let n = size - col % size; out += try i.repeatedText(" ", n); col += n }
                } else {
                    out.append(ch); col += 1
                    if ch == "\n" || ch == "\r" { col = 0 }
                }
            }
            return .str(out)
        }
        c.addMethod("__len__") { i, s, _ in .int(try i.length(s)) }
        c.addMethod("__contains__") { i, s, a in .bool(try i.contains(s, a[0])) }
        c.addMethod("__getitem__") { i, s, a in try i.getItem(s, a[0]) }
        c.addMethod("__eq__") { i, s, a in
            guard case .str = a[0] else { return .notImplemented }
            return .bool(try i.equals(s, a[0]))
        }
        c.addMethod("__hash__") { i, s, _ in .int(try i.hashValue(s)) }
        c.addMethod("__format__") { i, s, a in .str(try i.format(s, try i.str(a[0]))) }
        c.addStaticMethod("maketrans") { i, a in try i.strMaketrans(a) }
    }
}

func splitString(_ s: String, _ sep: String, _ maxsplit: Int) -> [String] {
    // By Unicode scalars, as Python counts: "\r\n" is one Character to Swift.
    var out: [String] = []
    var rest = Substring(s).unicodeScalars
    let pattern = Array(sep.unicodeScalars)
    while maxsplit < 0 || out.count < maxsplit, let r = rest.firstRange(of: pattern) {
        out.append(String(rest[..<r.lowerBound]))
        rest = rest[r.upperBound...]
    }
    out.append(String(rest))
    return out
}

/// The code points of `s` in reverse order (`rsplit`, `rpartition` search from the end).
func reversedScalars(_ s: String) -> String { String(String.UnicodeScalarView(s.unicodeScalars.reversed())) }

func splitWhitespace(_ s: String, _ maxsplit: Int) -> [String] {
    // By code point with Python's whitespace ("\x1c" is a separator, "\r\n" two).
    var out: [String] = []
    var u = Substring(s).unicodeScalars
    while true {
        u = u.drop(while: PyChars.isSpace)
        if u.isEmpty { break }
        if maxsplit >= 0 && out.count >= maxsplit { out.append(String(u)); break }
        let word = u.prefix { !PyChars.isSpace($0) }
        out.append(String(word))
        u = u.dropFirst(word.count)
    }
    return out
}
