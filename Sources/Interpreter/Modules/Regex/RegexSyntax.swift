/// The syntax of CPython's regular expressions (its `re._parser`), parsed into a tree the
/// backtracking matcher walks. Errors carry CPython's texts and pattern positions.

/// Flag bits, as CPython numbers them.
enum RegexFlag {
    static let ignoreCase = 2, locale = 4, multiline = 8, dotAll = 16, unicode = 32, verbose = 64, ascii = 256
}

/// One item of a character class.
enum ClassItem {
    case char(UInt32)
    case range(UInt32, UInt32)
    case category(Category, Bool)   // \d, \w, \s; negated for \D, \W, \S
}

enum Category { case digit, word, space }

/// A node of the parsed pattern.
indirect enum RegexNode {
    case char(UInt32, ic: Bool)
    case any(dotAll: Bool)
    case set([ClassItem], negated: Bool, ic: Bool)
    case category(Category, negated: Bool)
    case lineStart(multiline: Bool), lineEnd(multiline: Bool)
    case stringStart, stringEnd, wordBoundary, notWordBoundary
    case seq([RegexNode])
    case alt([RegexNode])
    case group(Int, RegexNode)
    case repeatNode(RegexNode, min: Int, max: Int, greedy: Bool, possessive: Bool)
    case backref(Int, ic: Bool)
    case look(RegexNode, ahead: Bool, negated: Bool, width: Int)
    case atomic(RegexNode)
    case conditional(Int, RegexNode, RegexNode)

    /// Matches exactly one character (what the matcher loops over without closures).
    var isSingle: Bool {
        switch self {
        case .char, .any, .set, .category: return true
        default: return false
        }
    }
}

/// A pattern error: CPython's message and the position it names.
struct RegexSyntaxError: Error {
    let message: String
    let position: Int
}

let regexMaxRepeat = Int(UInt32.max)

/// The parsed pattern: its tree, group count and names, and its flags (with inline ones).
struct RegexProgram {
    let root: RegexNode
    let groups: Int
    let groupNames: [(String, Int)]
    let flags: Int
}

struct RegexParser {
    let p: [UInt32]
    var i = 0
    var flags: Int
    var groups = 0
    var names: [String: Int] = [:]
    var nameOrder: [(String, Int)] = []
    var openGroups: Set<Int> = []
    var lookbehindDepth = 0

    init(_ pattern: String, flags: Int) {
        p = pattern.unicodeScalars.map { $0.value }
        self.flags = flags
    }

    static func parse(_ pattern: String, flags: Int) throws -> RegexProgram {
        var parser = RegexParser(pattern, flags: flags)
        parser.scanGlobalFlags()
        let root = try parser.parseAlternation(depth: 0)
        if parser.i < parser.p.count {
            // Only a ')' stops the top level early.
            throw RegexSyntaxError(message: "unbalanced parenthesis", position: parser.i)
        }
        var f = parser.flags
        if f & RegexFlag.ascii == 0 { f |= RegexFlag.unicode }
        if f & RegexFlag.ascii != 0 && f & RegexFlag.unicode != 0 && flags & RegexFlag.unicode != 0 {
            throw RegexSyntaxError(message: "ASCII and UNICODE flags are incompatible", position: -1)
        }
        return RegexProgram(root: root, groups: parser.groups, groupNames: parser.nameOrder, flags: f)
    }

    /// Inline global flags must lead the pattern (3.11); they apply to all of it.
    mutating func scanGlobalFlags() {
        var j = 0
        while j + 2 < p.count, p[j] == 0x28, p[j + 1] == 0x3F {
            var k = j + 2
            var f = 0
            while k < p.count, let bit = flagBit(p[k]) { f |= bit; k += 1 }
            guard k < p.count, p[k] == 0x29, k > j + 2 else { return }
            flags |= f
            j = k + 1
        }
    }

    func flagBit(_ c: UInt32) -> Int? {
        switch c {
        case 0x69: return RegexFlag.ignoreCase   // i
        case 0x6D: return RegexFlag.multiline    // m
        case 0x73: return RegexFlag.dotAll       // s
        case 0x78: return RegexFlag.verbose      // x
        case 0x61: return RegexFlag.ascii        // a
        case 0x75: return RegexFlag.unicode      // u
        case 0x4C: return RegexFlag.locale       // L
        default: return nil
        }
    }

    var verbose: Bool { flags & RegexFlag.verbose != 0 }
    var ignoreCase: Bool { flags & RegexFlag.ignoreCase != 0 }
    var multiline: Bool { flags & RegexFlag.multiline != 0 }
    var atEnd: Bool { i >= p.count }

    func char(_ s: Unicode.Scalar) -> UInt32 { s.value }

    mutating func skipVerbose() {
        guard verbose else { return }
        while i < p.count {
            let c = p[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C { i += 1; continue }
            if c == 0x23 {
                while i < p.count && p[i] != 0x0A { i += 1 }
                continue
            }
            break
        }
    }

    mutating func parseAlternation(depth: Int) throws -> RegexNode {
        var branches: [RegexNode] = []
        while true {
            branches.append(try parseSequence(depth: depth))
            if i < p.count && p[i] == 0x7C { i += 1; continue }
            break
        }
        return branches.count == 1 ? branches[0] : .alt(branches)
    }

    mutating func parseSequence(depth: Int) throws -> RegexNode {
        var items: [RegexNode] = []
        while true {
            skipVerbose()
            guard i < p.count else { break }
            let c = p[i]
            if c == 0x7C { break }
            if c == 0x29 {
                if depth == 0 { throw RegexSyntaxError(message: "unbalanced parenthesis", position: i) }
                break
            }
            var atom: RegexNode?
            switch c {
            case 0x28: atom = try parseGroup(depth: depth)
            case 0x5B: atom = try parseClass()
            case 0x2E: i += 1; atom = .any(dotAll: flags & RegexFlag.dotAll != 0)
            case 0x5E: i += 1; atom = .lineStart(multiline: multiline)
            case 0x24: i += 1; atom = .lineEnd(multiline: multiline)
            case 0x5C: atom = try parseEscape()
            case 0x2A, 0x2B, 0x3F:
                throw RegexSyntaxError(message: "nothing to repeat", position: i)
            case 0x7B:
                if quantifierAhead() { throw RegexSyntaxError(message: "nothing to repeat", position: i) }
                i += 1
                atom = .char(c, ic: ignoreCase)
            default:
                i += 1
                atom = .char(c, ic: ignoreCase)
            }
            guard var node = atom else { continue }   // comments and flag groups
            // Quantifiers.
            while true {
                skipVerbose()
                guard i < p.count else { break }
                let q = p[i]
                let qpos = i
                var lo = 0, hi = regexMaxRepeat
                if q == 0x2A { i += 1 }
                else if q == 0x2B { lo = 1; i += 1 }
                else if q == 0x3F { hi = 1; i += 1 }
                else if q == 0x7B, let (a, b, end) = readBraces(i) {
                    lo = a ?? 0; hi = b ?? regexMaxRepeat
                    if let b = b, let a = a, b < a {
                        throw RegexSyntaxError(message: "min repeat greater than max repeat", position: i + 1)
                    }
                    if lo >= regexMaxRepeat || (b != nil && hi >= regexMaxRepeat) {
                        throw RegexSyntaxError(message: "the repetition number is too large", position: i + 1)
                    }
                    i = end
                } else { break }
                if case .repeatNode = node {
                    throw RegexSyntaxError(message: "multiple repeat", position: qpos)
                }
                if isUnrepeatable(node) {
                    throw RegexSyntaxError(message: "nothing to repeat", position: qpos)
                }
                var greedy = true, possessive = false
                if i < p.count && p[i] == 0x3F { greedy = false; i += 1 }
                else if i < p.count && p[i] == 0x2B { possessive = true; i += 1 }
                node = .repeatNode(node, min: lo, max: hi, greedy: greedy, possessive: possessive)
                break
            }
            // A quantifier directly after a quantifier (`a**`) is a multiple repeat.
            skipVerbose()
            if case .repeatNode = node, i < p.count, p[i] == 0x2A || p[i] == 0x2B || p[i] == 0x3F || (p[i] == 0x7B && quantifierAhead()) {
                throw RegexSyntaxError(message: "multiple repeat", position: i)
            }
            items.append(node)
        }
        return items.count == 1 ? items[0] : .seq(items)
    }

    func isUnrepeatable(_ n: RegexNode) -> Bool {
        switch n {
        case .lineStart, .lineEnd, .stringStart, .stringEnd, .wordBoundary, .notWordBoundary: return true
        default: return false
        }
    }

    func quantifierAhead() -> Bool { readBraces(i) != nil }

    /// `{m,n}` at `k`: the bounds and the index after `}`; nil when it is a literal `{`.
    func readBraces(_ k: Int) -> (Int?, Int?, Int)? {
        var j = k + 1
        var lo = "", hi = ""
        var sawComma = false
        while j < p.count {
            let c = p[j]
            if c >= 0x30 && c <= 0x39 { if sawComma { hi.append(Character(Unicode.Scalar(c)!)) } else { lo.append(Character(Unicode.Scalar(c)!)) } }
            else if c == 0x2C && !sawComma { sawComma = true }
            else if c == 0x7D { break }
            else { return nil }
            j += 1
        }
        guard j < p.count else { return nil }
        if !sawComma && lo.isEmpty { return nil }
        let a = lo.isEmpty ? nil : Int(lo) ?? regexMaxRepeat
        let b = sawComma ? (hi.isEmpty ? nil : Int(hi) ?? regexMaxRepeat) : a
        return (a, b, j + 1)
    }

    mutating func readName(terminator: UInt32, start: Int) throws -> String {
        var name: [UInt32] = []
        while true {
            guard i < p.count else { throw RegexSyntaxError(message: "missing \(terminator == 0x3E ? ">" : ")"), unterminated name", position: start) }
            if p[i] == terminator { i += 1; break }
            name.append(p[i]); i += 1
        }
        let s = String(String.UnicodeScalarView(name.compactMap(Unicode.Scalar.init)))
        if s.isEmpty { throw RegexSyntaxError(message: "missing group name", position: start) }
        return s
    }

    func isIdentifier(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first else { return false }
        if !(f.properties.isXIDStart || f == "_") { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isXIDContinue || $0 == "_" }
    }

    mutating func parseGroup(depth: Int) throws -> RegexNode? {
        let open = i
        i += 1
        var capture = true
        var name: String?
        if i < p.count && p[i] == 0x3F {
            i += 1
            guard i < p.count else { throw RegexSyntaxError(message: "unexpected end of pattern", position: i) }
            let c = p[i]
            switch c {
            case 0x50:   // P
                i += 1
                guard i < p.count else { throw RegexSyntaxError(message: "unexpected end of pattern", position: i) }
                if p[i] == 0x3C {
                    i += 1
                    let nameStart = i
                    let n = try readName(terminator: 0x3E, start: nameStart)
                    if !isIdentifier(n) { throw RegexSyntaxError(message: "bad character in group name '\(n)'", position: nameStart) }
                    name = n
                } else if p[i] == 0x3D {
                    i += 1
                    let nameStart = i
                    let n = try readName(terminator: 0x29, start: nameStart)
                    if !isIdentifier(n) { throw RegexSyntaxError(message: "bad character in group name '\(n)'", position: nameStart) }
                    guard let g = names[n] else { throw RegexSyntaxError(message: "unknown group name '\(n)'", position: nameStart) }
                    if openGroups.contains(g) { throw RegexSyntaxError(message: "cannot refer to an open group", position: nameStart) }
                    return .backref(g, ic: ignoreCase)
                } else {
                    throw RegexSyntaxError(message: "unknown extension ?P\(Character(Unicode.Scalar(p[i])!))", position: i - 2)
                }
            case 0x3A:   // :
                i += 1; capture = false
            case 0x23:   // # comment
                while i < p.count && p[i] != 0x29 { i += 1 }
                guard i < p.count else { throw RegexSyntaxError(message: "missing ), unterminated comment", position: open) }
                i += 1
                return nil
            case 0x3D, 0x21:   // lookahead
                i += 1
                let inner = try parseAlternation(depth: depth + 1)
                try close(open)
                return .look(inner, ahead: true, negated: c == 0x21, width: 0)
            case 0x3C:   // lookbehind
                i += 1
                guard i < p.count else { throw RegexSyntaxError(message: "unexpected end of pattern", position: i) }
                let d = p[i]
                guard d == 0x3D || d == 0x21 else {
                    throw RegexSyntaxError(message: "unknown extension ?<\(Character(Unicode.Scalar(d)!))", position: open + 1)
                }
                i += 1
                lookbehindDepth += 1
                let inner = try parseAlternation(depth: depth + 1)
                lookbehindDepth -= 1
                try close(open)
                guard let w = fixedWidth(inner) else {
                    throw RegexSyntaxError(message: "look-behind requires fixed-width pattern", position: -1)
                }
                return .look(inner, ahead: false, negated: d == 0x21, width: w)
            case 0x3E:   // atomic
                i += 1
                let inner = try parseAlternation(depth: depth + 1)
                try close(open)
                return .atomic(inner)
            case 0x28:   // conditional
                i += 1
                let nameStart = i
                let ref = try readName(terminator: 0x29, start: nameStart)
                var g: Int
                if let n = Int(ref), ref.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    g = n
                    if g == 0 { throw RegexSyntaxError(message: "bad group number", position: nameStart) }
                } else {
                    if !isIdentifier(ref) { throw RegexSyntaxError(message: "bad character in group name '\(ref)'", position: nameStart) }
                    guard let n = names[ref] else { throw RegexSyntaxError(message: "unknown group name '\(ref)'", position: nameStart) }
                    g = n
                }
                let yes = try parseSequence(depth: depth + 1)
                var no: RegexNode = .seq([])
                if i < p.count && p[i] == 0x7C {
                    i += 1
                    no = try parseSequence(depth: depth + 1)
                    if i < p.count && p[i] == 0x7C {
                        throw RegexSyntaxError(message: "conditional backref with more than two branches", position: i)
                    }
                }
                try close(open)
                if g > groups { throw RegexSyntaxError(message: "invalid group reference \(g)", position: nameStart) }
                return .conditional(g, yes, no)
            default:
                // Flags: (?imsx-imsx:...) or (?imsx) (global, only at the start).
                var add = 0, remove = 0
                while i < p.count, let b = flagBit(p[i]) { add |= b; i += 1 }
                if i < p.count && p[i] == 0x2D {
                    i += 1
                    while i < p.count, let b = flagBit(p[i]) { remove |= b; i += 1 }
                    if remove == 0 {
                        throw RegexSyntaxError(message: "missing flag", position: i)
                    }
                }
                guard i < p.count else { throw RegexSyntaxError(message: "missing -, : or )", position: i) }
                if p[i] == 0x29 {
                    if add == 0 {
                        let ch = Character(Unicode.Scalar(p[i - 1 == open + 1 ? i : i])!)
                        throw RegexSyntaxError(message: "unknown extension ?\(ch)", position: open + 1)
                    }
                    if open != 0 && !isLeadingFlagGroup(open) {
                        throw RegexSyntaxError(message: "global flags not at the start of the expression", position: open)
                    }
                    i += 1
                    return nil
                }
                if p[i] == 0x3A {
                    if add == 0 && remove == 0 {
                        throw RegexSyntaxError(message: "unknown extension ?:", position: open + 1)
                    }
                    i += 1
                    let saved = flags
                    flags = (flags | add) & ~remove
                    let inner = try parseAlternation(depth: depth + 1)
                    flags = saved
                    try close(open)
                    return .seq([inner])
                }
                if add == 0 && remove == 0 {
                    throw RegexSyntaxError(message: "unknown extension ?\(Character(Unicode.Scalar(p[i])!))", position: open + 1)
                }
                throw RegexSyntaxError(message: "missing -, : or )", position: i)
            }
        }
        var index = 0
        if capture {
            groups += 1
            index = groups
            if let n = name {
                if let old = names[n] {
                    throw RegexSyntaxError(message: "redefinition of group name '\(n)' as group \(index); was group \(old)", position: open + 4)
                }
                names[n] = index
                nameOrder.append((n, index))
            }
            openGroups.insert(index)
        }
        let inner = try parseAlternation(depth: depth + 1)
        try close(open)
        if capture { openGroups.remove(index); return .group(index, inner) }
        return .seq([inner])
    }

    /// Whether the flag group at `open` follows only other leading flag groups.
    func isLeadingFlagGroup(_ open: Int) -> Bool {
        var j = 0
        while j < open {
            guard p[j] == 0x28, j + 1 < p.count, p[j + 1] == 0x3F else { return false }
            var k = j + 2
            while k < p.count, flagBit(p[k]) != nil { k += 1 }
            guard k < p.count, p[k] == 0x29 else { return false }
            j = k + 1
        }
        return j == open
    }

    mutating func close(_ open: Int) throws {
        guard i < p.count, p[i] == 0x29 else {
            throw RegexSyntaxError(message: "missing ), unterminated subpattern", position: open)
        }
        i += 1
    }

    /// The width of a fixed-width pattern (lookbehinds need one), nil otherwise.
    func fixedWidth(_ n: RegexNode) -> Int? {
        switch n {
        case .char, .any, .set, .category: return 1
        case .lineStart, .lineEnd, .stringStart, .stringEnd, .wordBoundary, .notWordBoundary, .look: return 0
        case .seq(let items):
            var t = 0
            for x in items { guard let w = fixedWidth(x) else { return nil }; t += w }
            return t
        case .alt(let bs):
            let ws = bs.map(fixedWidth)
            guard let f = ws.first, let w = f, ws.allSatisfy({ $0 == w }) else { return nil }
            return w
        case .group(_, let x), .atomic(let x): return fixedWidth(x)
        case .repeatNode(let x, let lo, let hi, _, _):
            guard lo == hi, let w = fixedWidth(x) else { return nil }
            return w * lo
        case .backref: return nil
        case .conditional(_, let a, let b):
            guard let wa = fixedWidth(a), let wb = fixedWidth(b), wa == wb else { return nil }
            return wa
        }
    }

    // MARK: Escapes

    mutating func hexDigits(_ count: Int, escapeStart: Int) throws -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<count {
            guard i < p.count, let d = hexValue(p[i]) else {
                let esc = String(String.UnicodeScalarView(p[escapeStart..<min(i, p.count)].compactMap(Unicode.Scalar.init)))
                _ = k
                throw RegexSyntaxError(message: "incomplete escape \(esc)", position: escapeStart)
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    func hexValue(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }

    /// A simple escape both inside and outside classes; nil when not one.
    mutating func commonEscape(_ c: UInt32, start: Int) throws -> UInt32? {
        switch c {
        case 0x61: return 7          // \a
        case 0x66: return 12         // \f
        case 0x6E: return 10         // \n
        case 0x72: return 13         // \r
        case 0x74: return 9          // \t
        case 0x76: return 11         // \v
        case 0x78: return try hexDigits(2, escapeStart: start)
        case 0x75: return try hexDigits(4, escapeStart: start)
        case 0x55:
            let v = try hexDigits(8, escapeStart: start)
            if v > 0x10FFFF {
                let esc = String(String.UnicodeScalarView(p[start..<i].compactMap(Unicode.Scalar.init)))
                throw RegexSyntaxError(message: "bad escape \(esc)", position: start)
            }
            return v
        default: return nil
        }
    }

    func badEscape(_ c: UInt32, _ start: Int) -> RegexSyntaxError {
        RegexSyntaxError(message: "bad escape \\\(Character(Unicode.Scalar(c)!))", position: start)
    }

    func isASCIILetterOrDigit(_ c: UInt32) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    mutating func parseEscape() throws -> RegexNode {
        let start = i
        i += 1
        guard i < p.count else { throw RegexSyntaxError(message: "bad escape (end of pattern)", position: start) }
        let c = p[i]
        i += 1
        switch c {
        case 0x41: return .stringStart            // \A
        case 0x5A: return .stringEnd              // \Z
        case 0x62: return .wordBoundary           // \b
        case 0x42: return .notWordBoundary        // \B
        case 0x64: return .category(.digit, negated: false)
        case 0x44: return .category(.digit, negated: true)
        case 0x77: return .category(.word, negated: false)
        case 0x57: return .category(.word, negated: true)
        case 0x73: return .category(.space, negated: false)
        case 0x53: return .category(.space, negated: true)
        case 0x30:   // \0 octal
            var v: UInt32 = 0, n = 0
            while n < 2, i < p.count, p[i] >= 0x30, p[i] <= 0x37 { v = v * 8 + p[i] - 0x30; i += 1; n += 1 }
            return .char(v, ic: ignoreCase)
        case 0x31...0x39:
            // Octal escape of three digits, else a group reference of one or two digits.
            if i + 1 < p.count, p[i] >= 0x30, p[i] <= 0x37, p[i + 1] >= 0x30, p[i + 1] <= 0x37, c <= 0x37 {
                let v = (c - 0x30) * 64 + (p[i] - 0x30) * 8 + (p[i + 1] - 0x30)
                i += 2
                if v > 0o377 {
                    let esc = String(String.UnicodeScalarView(p[start..<i].compactMap(Unicode.Scalar.init)))
                    throw RegexSyntaxError(message: "octal escape value \(esc) outside of range 0-0o377", position: start)
                }
                return .char(v, ic: ignoreCase)
            }
            var g = Int(c - 0x30)
            if i < p.count, p[i] >= 0x30, p[i] <= 0x39 { g = g * 10 + Int(p[i] - 0x30); i += 1 }
            if g > groups {
                throw RegexSyntaxError(message: "invalid group reference \(g)", position: start + 1)
            }
            if openGroups.contains(g) { throw RegexSyntaxError(message: "cannot refer to an open group", position: start) }
            return .backref(g, ic: ignoreCase)
        default:
            if let v = try commonEscape(c, start: start) { return .char(v, ic: ignoreCase) }
            if c == 0x4E { throw RegexSyntaxError(message: "bad escape \\N", position: start) }
            if isASCIILetterOrDigit(c) { throw badEscape(c, start) }
            return .char(c, ic: ignoreCase)
        }
    }

    mutating func parseClass() throws -> RegexNode {
        let open = i
        i += 1
        var negated = false
        if i < p.count && p[i] == 0x5E { negated = true; i += 1 }
        var items: [ClassItem] = []
        var first = true
        while true {
            guard i < p.count else { throw RegexSyntaxError(message: "unterminated character set", position: open) }
            let c = p[i]
            if c == 0x5D && !first { i += 1; break }
            first = false
            let itemStart = i
            var lo: ClassItem
            if c == 0x5C {
                lo = try classEscape()
            } else {
                i += 1
                lo = .char(c)
            }
            // A range?
            if i + 1 < p.count, p[i] == 0x2D, p[i + 1] != 0x5D {
                i += 1
                var hi: ClassItem
                if p[i] == 0x5C { hi = try classEscape() } else { hi = .char(p[i]); i += 1 }
                guard case .char(let a) = lo, case .char(let b) = hi else {
                    let text = String(String.UnicodeScalarView(p[itemStart..<i].compactMap(Unicode.Scalar.init)))
                    throw RegexSyntaxError(message: "bad character range \(text)", position: itemStart)
                }
                if b < a {
                    let text = String(String.UnicodeScalarView(p[itemStart..<i].compactMap(Unicode.Scalar.init)))
                    throw RegexSyntaxError(message: "bad character range \(text)", position: itemStart)
                }
                items.append(.range(a, b))
            } else {
                if i >= p.count && i > itemStart {
                    throw RegexSyntaxError(message: "unterminated character set", position: open)
                }
                items.append(lo)
            }
        }
        return .set(items, negated: negated, ic: ignoreCase)
    }

    mutating func classEscape() throws -> ClassItem {
        let start = i
        i += 1
        guard i < p.count else { throw RegexSyntaxError(message: "unterminated character set", position: start) }
        let c = p[i]
        i += 1
        switch c {
        case 0x64: return .category(.digit, false)
        case 0x44: return .category(.digit, true)
        case 0x77: return .category(.word, false)
        case 0x57: return .category(.word, true)
        case 0x73: return .category(.space, false)
        case 0x53: return .category(.space, true)
        case 0x62: return .char(8)
        case 0x30...0x37:
            var v = c - 0x30, n = 1
            while n < 3, i < p.count, p[i] >= 0x30, p[i] <= 0x37 { v = v * 8 + p[i] - 0x30; i += 1; n += 1 }
            if v > 0o377 {
                let esc = String(String.UnicodeScalarView(p[start..<i].compactMap(Unicode.Scalar.init)))
                throw RegexSyntaxError(message: "octal escape value \(esc) outside of range 0-0o377", position: start)
            }
            return .char(v)
        default:
            if let v = try commonEscape(c, start: start) { return .char(v) }
            if isASCIILetterOrDigit(c) { throw badEscape(c, start) }
            return .char(c)
        }
    }
}
