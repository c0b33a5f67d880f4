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
        // CPython's METH_NOARGS methods reject any argument ("str.upper() takes no arguments (1 given)").
        let noArguments: Set<String> = ["upper", "lower", "casefold", "swapcase", "capitalize", "title",
                                        "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace",
                                        "isupper", "islower", "istitle", "isidentifier", "isprintable", "isascii"]
        func m(_ name: String, _ body: @escaping (Interpreter, String, Arguments) throws -> PyValue) {
            let takesNone = noArguments.contains(name)
            c.addMethod(name) { i, s, a in
                guard case .str(let str) = s else { throw PyError.typeError("descriptor '\(name)' requires a 'str' object but received a '\(i.typeName(s))'") }
                if takesNone && (a.count > 0 || !a.keywordNames.isEmpty) {
                    if a.count == 0 { throw PyError.typeError("str.\(name)() takes no keyword arguments") }
                    throw PyError.typeError("str.\(name)() takes no arguments (\(a.count) given)")
                }
                return try body(i, str, a)
            }
        }
        func stripSet(_ a: Arguments, _ i: Interpreter) throws -> Set<Unicode.Scalar>? {
            guard a.count > 0, !a[0].isNone else { return nil }
            return Set(try i.stringArgument(a[0], "strip arg").unicodeScalars)
        }
        func isStripped(_ u: Unicode.Scalar, _ set: Set<Unicode.Scalar>?) -> Bool {
            set.map { $0.contains(u) } ?? u.properties.isWhitespace
        }
        func lstrip(_ s: String, _ set: Set<Unicode.Scalar>?) -> String {
            String(String.UnicodeScalarView(s.unicodeScalars.drop { isStripped($0, set) }))
        }
        func rstrip(_ s: String, _ set: Set<Unicode.Scalar>?) -> String {
            var u = Array(s.unicodeScalars)
            while let l = u.last, isStripped(l, set) { u.removeLast() }
            return String(String.UnicodeScalarView(u))
        }
        m("strip") { i, s, a in .str(rstrip(lstrip(s, try stripSet(a, i)), try stripSet(a, i))) }
        m("lstrip") { i, s, a in .str(lstrip(s, try stripSet(a, i))) }
        m("rstrip") { i, s, a in .str(rstrip(s, try stripSet(a, i))) }
        m("upper") { _, s, _ in .str(s.uppercased()) }
        m("lower") { _, s, _ in .str(s.lowercased()) }
        m("casefold") { _, s, _ in .str(s.lowercased()) }
        m("swapcase") { _, s, _ in .str(String(s.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) })) }
        m("capitalize") { _, s, _ in .str(s.prefix(1).uppercased() + s.dropFirst().lowercased()) }
        m("title") { _, s, _ in
            var out = ""
            var prevLetter = false
            for ch in s {
                out += prevLetter ? ch.lowercased() : ch.uppercased()
                prevLetter = ch.isLetter
            }
            return .str(out)
        }
        m("split") { i, s, a in
            let b = try a.bind(Signature("split", ["sep", "maxsplit"]))
            let maxsplit = try b[1].map { try i.intArgument($0) } ?? -1
            if let sepV = b[0], !sepV.isNone {
                guard let sep = sepV.asString else { throw PyError.typeError("must be str or None, not \(i.typeName(sepV))") }
                if sep.isEmpty { throw PyError.valueError("empty separator") }
                return .list(splitString(s, sep, maxsplit).map { .str($0) })
            }
            return .list(splitWhitespace(s, maxsplit).map { .str($0) })
        }
        m("rsplit") { i, s, a in
            let b = try a.bind(Signature("rsplit", ["sep", "maxsplit"]))
            let maxsplit = try b[1].map { try i.intArgument($0) } ?? -1
            if let sepV = b[0], !sepV.isNone {
                guard let sep = sepV.asString else { throw PyError.typeError("must be str or None, not \(i.typeName(sepV))") }
                if maxsplit < 0 { return .list(splitString(s, sep, -1).map { .str($0) }) }
                let rev = splitString(String(s.reversed()), String(sep.reversed()), maxsplit)
                return .list(rev.reversed().map { .str(String($0.reversed())) })
            }
            if maxsplit < 0 { return .list(splitWhitespace(s, -1).map { .str($0) }) }
            let rev = splitWhitespace(String(s.reversed()), maxsplit)
            return .list(rev.reversed().map { .str(String($0.reversed())) })
        }
        m("splitlines") { i, s, a in
            let keep = try a.count > 0 ? i.truthy(a[0]) : false
            var out: [PyValue] = []
            var cur = ""
            for ch in s {
                if ch == "\n" || ch == "\r\n" || ch == "\r" {
                    out.append(.str(keep ? cur + String(ch) : cur)); cur = ""
                } else { cur.append(ch) }
            }
            if !cur.isEmpty { out.append(.str(cur)) }
            return .list(out)
        }
        m("join") { i, s, a in
            try a.check("join", 1)
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
            try a.check("replace", 2, 3)
            let old = try i.stringArgument(a[0], "replace() argument 1"), new = try i.stringArgument(a[1], "replace() argument 2")
            let count = a.count > 2 ? try i.intArgument(a[2]) : -1
            if count < 0 {
                if old.isEmpty {
                    return .str(new + s.unicodeScalars.map { String($0) }.joined(separator: new) + (s.isEmpty ? "" : new))
                }
                return .str(s.replacing(old, with: new))
            }
            var parts = splitString(s, old.isEmpty ? "\u{0}" : old, count)
            if old.isEmpty { parts = [s] }
            return .str(parts.joined(separator: new))
        }
        func prefixCheck(_ name: String, _ test: @escaping (String, String) -> Bool) {
            m(name) { i, s, a in
                try a.check(name, 1, 3)
                var sub = s
                if a.count > 1 {
                    let u = Array(s.unicodeScalars)
                    let sl = PySlice(start: a[1], stop: a.count > 2 ? a[2] : .none, step: .none)
                    sub = String(String.UnicodeScalarView(try i.sliceRange(sl, length: u.count).map { u[$0] }))
                }
                if let t = a[0].asTuple {
                    return .bool(try t.items.contains { test(sub, try i.stringArgument($0, "\(name) arg")) })
                }
                guard case .str(let p) = a[0] else {
                    throw PyError.typeError("\(name) first arg must be str or a tuple of str, not \(i.typeName(a[0]))")
                }
                return .bool(test(sub, p))
            }
        }
        prefixCheck("startswith") { $0.unicodeScalars.starts(with: $1.unicodeScalars) }
        prefixCheck("endswith") { $0.unicodeScalars.reversed().starts(with: $1.unicodeScalars.reversed()) }
        func finder(_ name: String, reverse: Bool, raising: Bool) {
            m(name) { i, s, a in
                try a.check(name, 1, 3)
                let sub = Array(try i.stringArgument(a[0], "must be str").unicodeScalars)
                let u = Array(s.unicodeScalars)
                let sl = PySlice(start: a.count > 1 ? a[1] : .none, stop: a.count > 2 ? a[2] : .none, step: .none)
                let (start, stop, _) = try i.sliceIndices(sl, length: u.count)
                var found = -1
                if stop - start >= sub.count {
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
            try a.check("count", 1, 3)
            let sub = try i.stringArgument(a[0], "must be str")
            if sub.isEmpty { return .int(s.unicodeScalars.count + 1) }
            return .int(splitString(s, sub, -1).count - 1)
        }
        func justify(_ name: String, _ f: @escaping (String, Int, Character) -> String) {
            m(name) { i, s, a in
                try a.check(name, 1, 2)
                let w = try i.intArgument(a[0])
                try i.reservePadding(w)
                var fill: Character = " "
                if a.count > 1 {
                    let fs = try i.stringArgument(a[1], "fill character")
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
            try a.check("zfill", 1)
            let w = try i.intArgument(a[0])
            try i.reservePadding(w)
            if s.count >= w { return .str(s) }
            let pad = try i.repeatedText("0", w - s.count)
            if let f = s.first, f == "-" || f == "+" { return .str(String(f) + pad + s.dropFirst()) }
            return .str(pad + s)
        }
        func predicate(_ name: String, _ test: @escaping (Character) -> Bool) {
            m(name) { _, s, _ in .bool(!s.isEmpty && s.allSatisfy(test)) }
        }
        predicate("isdigit") { $0.isNumber && $0.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit } }
        predicate("isdecimal") { $0.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal } }
        predicate("isnumeric") { $0.isNumber }
        predicate("isalpha") { $0.isLetter }
        predicate("isalnum") { $0.isLetter || $0.isNumber }
        predicate("isspace") { $0.isWhitespace }
        m("isupper") { _, s, _ in .bool(s.contains { $0.isCased } && !s.contains { $0.isLowercase }) }
        m("islower") { _, s, _ in .bool(s.contains { $0.isCased } && !s.contains { $0.isUppercase }) }
        m("istitle") { _, s, _ in
            var cased = false, prevCased = false
            for ch in s {
                if ch.isUppercase || (ch.isCased && !ch.isLowercase) {
                    if prevCased { return .false }
                    prevCased = true; cased = true
                } else if ch.isLowercase {
                    if !prevCased { return .false }
                    prevCased = true; cased = true
                } else {
                    prevCased = false
                }
            }
            return .bool(cased)
        }
        m("isidentifier") { _, s, _ in
            guard let f = s.unicodeScalars.first, f == "_" || f.properties.isXIDStart else { return .false }
            return .bool(s.unicodeScalars.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue })
        }
        m("partition") { i, s, a in
            try a.check("partition", 1)
            let sep = try i.stringArgument(a[0], "must be str")
            if let r = s.firstRange(of: sep) { return .tuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))]) }
            return .tuple([.str(s), .str(""), .str("")])
        }
        m("rpartition") { i, s, a in
            try a.check("rpartition", 1)
            let sep = try i.stringArgument(a[0], "must be str")
            if let r = s.lastRange(of: sep) { return .tuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))]) }
            return .tuple([.str(""), .str(""), .str(s)])
        }
        m("removeprefix") { i, s, a in
            let p = try i.stringArgument(a[0], "removeprefix() argument")
            return .str(s.hasPrefix(p) ? String(s.dropFirst(p.count)) : s)
        }
        m("removesuffix") { i, s, a in
            let p = try i.stringArgument(a[0], "removesuffix() argument")
            return .str(!p.isEmpty && s.hasSuffix(p) ? String(s.dropLast(p.count)) : s)
        }
        m("format") { i, s, a in .str(try i.strFormat(s, a)) }
        m("format_map") { i, s, a in
            try a.check("format_map", 1)
            return .str(try i.strFormat(s, Arguments(), mapping: a[0]))
        }
        m("encode") { _, s, _ in .str(s) }
        m("expandtabs") { i, s, a in
            // As CPython: a C int tab size; none (<= 0) removes tabs; \n and \r restart
            // the column; the result is charged to the object limit before it is built.
            let size = a.count > 0 ? try i.intArgument(a[0]) : 8
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
        c.addStaticMethod("maketrans") { _, _ in throw PyError.notImplementedError("str.maketrans is not supported") }
    }

    /// `str.format`: `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}`, `!r`, `:spec`.
    func strFormat(_ s: String, _ a: Arguments, mapping: PyValue? = nil) throws -> String {
        let c = Array(s)
        var out = ""
        var i = 0
        var auto = 0
        while i < c.count {
            let ch = c[i]
            if ch == "{" {
                if i + 1 < c.count && c[i + 1] == "{" { out.append("{"); i += 2; continue }
                var depth = 1
                var j = i + 1
                var field = ""
                while j < c.count {
                    if c[j] == "{" { depth += 1 } else if c[j] == "}" { depth -= 1; if depth == 0 { break } }
                    field.append(c[j]); j += 1
                }
                if j >= c.count { throw PyError.valueError("Single '{' encountered in format string") }
                i = j + 1
                var spec = ""
                var conv: Character?
                var name = field
                if let colon = topLevelIndex(field, ":") {
                    spec = String(field[field.index(after: colon)...])
                    name = String(field[..<colon])
                }
                if let bang = name.firstIndex(of: "!") {
                    conv = name[name.index(after: bang)...].first
                    name = String(name[..<bang])
                }
                if spec.contains("{") { spec = try strFormat(spec, a, mapping: mapping) }
                var v = try resolveField(name, a, mapping, &auto)
                if conv == "r" || conv == "a" { v = .str(try repr(v)) } else if conv == "s" { v = .str(try str(v)) }
                out += try format(v, spec)
                continue
            }
            if ch == "}" {
                if i + 1 < c.count && c[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw PyError.valueError("Single '}' encountered in format string")
            }
            out.append(ch)
            i += 1
        }
        return out
    }

    private func topLevelIndex(_ s: String, _ ch: Character) -> String.Index? {
        var depth = 0
        var idx = s.startIndex
        while idx < s.endIndex {
            let c = s[idx]
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 } else if c == ch && depth == 0 { return idx }
            idx = s.index(after: idx)
        }
        return nil
    }

    private func resolveField(_ field: String, _ a: Arguments, _ mapping: PyValue?, _ auto: inout Int) throws -> PyValue {
        var head = ""
        var rest = Substring(field)
        while let f = rest.first, f != "." && f != "[" { head.append(f); rest.removeFirst() }
        var v: PyValue
        if head.isEmpty {
            guard auto < a.count else { throw PyError.indexError("Replacement index \(auto) out of range for positional args tuple") }
            v = a[auto]; auto += 1
        } else if let n = Int(head) {
            guard n < a.count else { throw PyError.indexError("Replacement index \(n) out of range for positional args tuple") }
            v = a[n]
        } else if let m = mapping {
            v = try getItem(m, .str(head))
        } else {
            guard let x = a.keyword(Name(head)) else { throw PyError.keyError(.str(head)) }
            v = x
        }
        while let f = rest.first {
            rest.removeFirst()
            var part = ""
            if f == "." {
                while let g = rest.first, g != "." && g != "[" { part.append(g); rest.removeFirst() }
                v = try getAttribute(v, Name(part))
            } else {
                while let g = rest.first, g != "]" { part.append(g); rest.removeFirst() }
                rest.removeFirst()
                v = try getItem(v, Int(part).map { .int($0) } ?? .str(part))
            }
        }
        return v
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

func splitWhitespace(_ s: String, _ maxsplit: Int) -> [String] {
    var out: [String] = []
    var u = Substring(s)
    while true {
        u = u.drop { $0.isWhitespace }
        if u.isEmpty { break }
        if maxsplit >= 0 && out.count >= maxsplit { out.append(String(u)); break }
        let word = u.prefix { !$0.isWhitespace }
        out.append(String(word))
        u = u.dropFirst(word.count)
    }
    return out
}
