/// A backtracking matcher over a parsed pattern, with CPython's `re` semantics: leftmost
/// match, alternatives tried in order, greedy/lazy/possessive repeats, captures that keep
/// the last iteration. It polls the cell's deadline so catastrophic backtracking can be
/// interrupted like any long loop.
final class RegexMatcher {
    let s: [UInt32]
    let ascii: Bool
    let interp: Interpreter
    /// Start and end of each group (index 0 is the whole match); -1 when unset.
    var caps: [Int]
    var lastIndex = -1
    var steps = 0
    /// A position where an empty match is refused (after an empty match in
    /// `finditer`/`sub`/`split`, the next one must advance); -1 when none.
    var forbidEmptyAt = -1

    /// The native stack address where matching started, and how much it may use.
    let stackBase = currentStackAddress()
    static let maxStackBytes: UInt = 64 << 20

    init(subject: [UInt32], groups: Int, ascii: Bool, interp: Interpreter) {
        s = subject
        caps = Array(repeating: -1, count: 2 * (groups + 1))
        self.ascii = ascii
        self.interp = interp
    }

    @inline(__always)
    func step() throws {
        steps &+= 1
        if steps & 0xFFF == 0 { try interp.checkDeadline() }
    }

    // MARK: Characters

    static func lower(_ c: UInt32) -> UInt32 {
        if c < 128 { return (c >= 65 && c <= 90) ? c + 32 : c }
        guard let u = Unicode.Scalar(c) else { return c }
        let m = u.properties.lowercaseMapping.unicodeScalars
        return m.count == 1 ? m.first!.value : c
    }

    static func upper(_ c: UInt32) -> UInt32 {
        if c < 128 { return (c >= 97 && c <= 122) ? c - 32 : c }
        guard let u = Unicode.Scalar(c) else { return c }
        let m = u.properties.uppercaseMapping.unicodeScalars
        return m.count == 1 ? m.first!.value : c
    }

    func isCategory(_ cat: Category, _ c: UInt32) -> Bool {
        switch cat {
        case .digit:
            if c < 128 || ascii { return c >= 48 && c <= 57 }
            return Unicode.Scalar(c)?.properties.numericType == .decimal
        case .word:
            if c < 128 || ascii {
                return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
            }
            guard let u = Unicode.Scalar(c) else { return false }
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return u.properties.numericType != nil
            }
        case .space:
            if c < 128 || ascii { return c == 32 || (c >= 9 && c <= 13) || (!ascii && c >= 28 && c <= 31) }
            switch c {
            case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
            default: return false
            }
        }
    }

    func inClass(_ items: [ClassItem], _ c: UInt32) -> Bool {
        for it in items {
            switch it {
            case .char(let x): if x == c { return true }
            case .range(let a, let b): if c >= a && c <= b { return true }
            case .category(let cat, let neg): if isCategory(cat, c) != neg { return true }
            }
        }
        return false
    }

    /// Whether the one-character node `n` matches the character at `i` (`i` in range).
    @inline(__always)
    func single(_ n: RegexNode, _ c: UInt32) -> Bool {
        switch n {
        case .char(let x, let ic):
            if x == c { return true }
            return ic && RegexMatcher.lower(x) == RegexMatcher.lower(c)
        case .any(let all): return all || c != 10
        case .set(let items, let neg, let ic):
            if inClass(items, c) { return !neg }
            if ic {
                let l = RegexMatcher.lower(c), u = RegexMatcher.upper(c)
                if (l != c && inClass(items, l)) || (u != c && inClass(items, u)) { return !neg }
            }
            return neg
        case .category(let cat, let neg): return isCategory(cat, c) != neg
        default: return false
        }
    }

    func isWord(_ i: Int) -> Bool { i >= 0 && i < s.count && isCategory(.word, s[i]) }

    // MARK: Matching

    typealias Cont = (Int) throws -> Bool

    /// Matches `n` at `i`, then the rest of the pattern (`k`) from where `n` ended.
    func m(_ n: RegexNode, _ i: Int, _ k: Cont) throws -> Bool {
        try step()
        // Backtracking recurses; past this much native stack, stop before the thread's
        // stack runs out (patterns whose repeats loop, see `fixedWidth`, never get here).
        if stackBase &- currentStackAddress() > RegexMatcher.maxStackBytes {
            throw PyError(type: "RecursionError", message: "maximum recursion depth exceeded while matching a regular expression")
        }
        switch n {
        case .char, .any, .set, .category:
            return i < s.count && single(n, s[i]) ? try k(i + 1) : false
        case .lineStart(let multi):
            return (i == 0 || (multi && s[i - 1] == 10)) ? try k(i) : false
        case .lineEnd(let multi):
            let ok = i == s.count || (s[i] == 10 && (multi || i == s.count - 1))
            return ok ? try k(i) : false
        case .stringStart: return i == 0 ? try k(i) : false
        case .stringEnd: return i == s.count ? try k(i) : false
        case .wordBoundary: return isWord(i - 1) != isWord(i) ? try k(i) : false
        case .notWordBoundary:
            if s.isEmpty { return false }
            return isWord(i - 1) == isWord(i) ? try k(i) : false
        case .seq(let items): return try seq(items, 0, i, k)
        case .alt(let branches):
            for b in branches where try m(b, i, k) { return true }
            return false
        case .group(let g, let inner):
            return try m(inner, i) { j in
                let os = self.caps[2 * g], oe = self.caps[2 * g + 1], ol = self.lastIndex
                self.caps[2 * g] = i; self.caps[2 * g + 1] = j; self.lastIndex = g
                if try k(j) { return true }
                self.caps[2 * g] = os; self.caps[2 * g + 1] = oe; self.lastIndex = ol
                return false
            }
        case .repeatNode(let x, let lo, let hi, let greedy, let possessive):
            if possessive {
                let saved = caps, sl = lastIndex
                var end = -1
                _ = try repeatGeneral(x, lo, hi, true, 0, i) { j in end = j; return true }
                if end >= 0, try k(end) { return true }
                caps = saved; lastIndex = sl
                return false
            }
            if x.isSingle { return try repeatSingle(x, lo, hi, greedy, i, k) }
            if let w = RegexMatcher.fixedWidth(x), w > 0 { return try repeatFixed(x, w, lo, hi, greedy, i, k) }
            return try repeatGeneral(x, lo, hi, greedy, 0, i, k)
        case .backref(let g, let ic):
            let a = caps[2 * g], b = caps[2 * g + 1]
            guard a >= 0 && b >= 0 else { return false }
            let len = b - a
            guard i + len <= s.count else { return false }
            for d in 0..<len {
                let x = s[a + d], y = s[i + d]
                if x != y && !(ic && RegexMatcher.lower(x) == RegexMatcher.lower(y)) { return false }
            }
            return try k(i + len)
        case .look(let inner, let ahead, let negated, let width):
            let start = ahead ? i : i - width
            if start < 0 { return negated ? try k(i) : false }
            let saved = caps, sl = lastIndex
            let found = try m(inner, start) { j in ahead || j == i }
            if negated {
                caps = saved; lastIndex = sl
                return found ? false : try k(i)
            }
            if !found { caps = saved; lastIndex = sl; return false }
            if try k(i) { return true }
            caps = saved; lastIndex = sl
            return false
        case .atomic(let inner):
            let saved = caps, sl = lastIndex
            var end = -1
            _ = try m(inner, i) { j in end = j; return true }
            if end >= 0, try k(end) { return true }
            caps = saved; lastIndex = sl
            return false
        case .conditional(let g, let yes, let no):
            return try m(caps[2 * g + 1] >= 0 ? yes : no, i, k)
        }
    }

    func seq(_ items: [RegexNode], _ from: Int, _ i: Int, _ k: Cont) throws -> Bool {
        var idx = from, pos = i
        // Runs of one-character nodes need no continuations.
        while idx < items.count && items[idx].isSingle {
            guard pos < s.count, single(items[idx], s[pos]) else { return false }
            idx += 1; pos += 1
        }
        if idx == items.count { return try k(pos) }
        if idx == items.count - 1 { return try m(items[idx], pos, k) }
        return try m(items[idx], pos) { j in try self.seq(items, idx + 1, j, k) }
    }

    func repeatSingle(_ x: RegexNode, _ lo: Int, _ hi: Int, _ greedy: Bool, _ i: Int, _ k: Cont) throws -> Bool {
        if greedy {
            var n = 0
            while n < hi && i + n < s.count && single(x, s[i + n]) { n += 1 }
            if n < lo { return false }
            while n >= lo {
                try step()
                if try k(i + n) { return true }
                n -= 1
            }
            return false
        }
        var n = 0
        while n < lo {
            guard i + n < s.count, single(x, s[i + n]) else { return false }
            n += 1
        }
        while true {
            try step()
            if try k(i + n) { return true }
            guard n < hi, i + n < s.count, single(x, s[i + n]) else { return false }
            n += 1
        }
    }

    /// The width of a body that matches at most one way, with no group inside a group:
    /// runs of one-character nodes, alternatives of them, or one group around such. Their
    /// repeats loop instead of recursing, so `(?:ab)*` or `(a|b)*` over a long subject
    /// neither recurses deeply nor backtracks into the body.
    static func fixedWidth(_ n: RegexNode, groupAllowed: Bool = true) -> Int? {
        switch n {
        case .char, .any, .set, .category: return 1
        case .seq(let items):
            if items.count == 1 { return fixedWidth(items[0], groupAllowed: groupAllowed) }
            return items.allSatisfy(\.isSingle) ? items.count : nil
        case .alt(let branches): return branches.allSatisfy(\.isSingle) ? 1 : nil
        case .group(_, let inner): return groupAllowed ? fixedWidth(inner, groupAllowed: false) : nil
        default: return nil
        }
    }

    /// Whether a fixed-width body (see `fixedWidth`) matches at `i`.
    func matchesFixed(_ n: RegexNode, _ i: Int) -> Bool {
        switch n {
        case .char, .any, .set, .category: return i < s.count && single(n, s[i])
        case .seq(let items):
            if items.count == 1 { return matchesFixed(items[0], i) }
            guard i + items.count <= s.count else { return false }
            for (d, x) in items.enumerated() where !single(x, s[i + d]) { return false }
            return true
        case .alt(let branches):
            guard i < s.count else { return false }
            return branches.contains { single($0, s[i]) }
        case .group(_, let inner): return matchesFixed(inner, i)
        default: return false
        }
    }

    /// The group a fixed-width body captures, if any.
    static func fixedGroup(_ n: RegexNode) -> Int? {
        switch n {
        case .group(let g, _): return g
        case .seq(let items) where items.count == 1: return fixedGroup(items[0])
        default: return nil
        }
    }

    func repeatFixed(_ x: RegexNode, _ w: Int, _ lo: Int, _ hi: Int, _ greedy: Bool, _ i: Int, _ k: Cont) throws -> Bool {
        var n = 0
        while n < hi && matchesFixed(x, i + n * w) { n += 1 }
        if n < lo { return false }
        let g = RegexMatcher.fixedGroup(x)
        let os = g.map { caps[2 * $0] } ?? -1, oe = g.map { caps[2 * $0 + 1] } ?? -1, ol = lastIndex
        func attempt(_ c: Int) throws -> Bool {
            try step()
            if let g = g, c > 0 {
                caps[2 * g] = i + (c - 1) * w; caps[2 * g + 1] = i + c * w; lastIndex = g
            }
            if try k(i + c * w) { return true }
            if let g = g { caps[2 * g] = os; caps[2 * g + 1] = oe; lastIndex = ol }
            return false
        }
        if greedy {
            var c = n
            while c >= lo { if try attempt(c) { return true }; c -= 1 }
        } else {
            for c in lo...n where try attempt(c) { return true }
        }
        return false
    }

    func repeatGeneral(_ x: RegexNode, _ lo: Int, _ hi: Int, _ greedy: Bool, _ count: Int, _ i: Int, _ k: Cont) throws -> Bool {
        if count < lo {
            return try m(x, i) { j in
                // An empty iteration beyond what is needed cannot help.
                if j == i && count + 1 >= lo { return try k(j) }
                return try self.repeatGeneral(x, lo, hi, greedy, count + 1, j, k)
            }
        }
        if greedy {
            // As in CPython, an iteration may match empty, but then the loop stops there.
            if count < hi, try m(x, i, { j in try j == i ? k(j) : self.repeatGeneral(x, lo, hi, greedy, count + 1, j, k) }) {
                return true
            }
            return try k(i)
        }
        if try k(i) { return true }
        if count < hi {
            return try m(x, i) { j in try j != i && self.repeatGeneral(x, lo, hi, greedy, count + 1, j, k) }
        }
        return false
    }

    /// Tries a match starting exactly at `start`; fills `caps[0...1]` on success.
    func matchAt(_ root: RegexNode, _ start: Int, full: Bool) throws -> Bool {
        for j in caps.indices { caps[j] = -1 }
        lastIndex = -1
        return try m(root, start) { j in
            if full && j != self.s.count { return false }
            if j == start && start == self.forbidEmptyAt { return false }
            self.caps[0] = start; self.caps[1] = j
            return true
        }
    }
}

/// The address of a local of the caller's frame (the stack grows down).
@inline(never)
func currentStackAddress() -> UInt {
    var marker = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
}
