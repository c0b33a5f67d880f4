/// Turns cell source into tokens, with Python's INDENT/DEDENT and implicit line joining.
struct Lexer {
    private let chars: [Unicode.Scalar]
    private var pos = 0
    private var line: Int
    private var lineStart = 0
    private var indents = [0]
    private var depth = 0
    /// Open brackets not yet closed, innermost last: what a `'(' was never closed` names.
    private var openBrackets: [(bracket: String, line: Int, col: Int)] = []
    private var tokens: [Token] = []
    private var atLineStart = true

    /// `firstColumn` shifts the columns of the first line (an f-string's expression lies
    /// at that column of its source line).
    init(_ source: String, firstLine: Int, firstColumn: Int = 0) {
        chars = Array(source.unicodeScalars)
        line = firstLine
        lineStart = -firstColumn
    }

    private var col: Int { pos - lineStart }
    private func peek(_ o: Int = 0) -> Unicode.Scalar? { pos + o < chars.count ? chars[pos + o] : nil }

    private func error(_ m: String, col c: Int? = nil) -> SyntaxErrorInfo {
        SyntaxErrorInfo(message: m, line: line, col: c ?? col)
    }

    /// The innermost bracket still open at the end of the source, if any.
    var unclosedBracket: (bracket: String, line: Int, col: Int)? { openBrackets.last }

    mutating func tokenize() throws -> [Token] {
        while true {
            if atLineStart && depth == 0 {
                if try handleIndentation() { continue }
            }
            guard let c = peek() else { break }
            if c == " " || c == "\t" || c == "\u{0C}" { pos += 1; continue }
            if c == "#" { while let d = peek(), d != "\n" { pos += 1 }; continue }
            if c == "\\" && (peek(1) == "\n" || (peek(1) == "\r" && peek(2) == "\n")) {
                pos += peek(1) == "\r" ? 3 : 2; line += 1; lineStart = pos; continue
            }
            if c == "\r" { pos += 1; continue }
            if c == "\n" {
                if depth == 0 {
                    tokens.append(Token(kind: .newline, line: line, col: col, endCol: col + 1))
                    atLineStart = true
                }
                pos += 1; line += 1; lineStart = pos
                continue
            }
            if isIdentStart(c) {
                if let t = try stringPrefixed() { tokens.append(t); continue }
                let start = pos
                while let d = peek(), isIdentContinue(d) { pos += 1 }
                tokens.append(Token(kind: .name(text(start, pos)), line: line, col: start - lineStart, endCol: col))
                continue
            }
            if (c.value >= 48 && c.value <= 57) || (c == "." && (peek(1).map { $0.value >= 48 && $0.value <= 57 } ?? false)) {
                tokens.append(try number()); continue
            }
            if c == "\"" || c == "'" { tokens.append(try string(prefix: "", start: pos)); continue }
            tokens.append(try op())
        }
        if !(tokens.last.map { $0.kind == .newline } ?? true) {
            tokens.append(Token(kind: .newline, line: line, col: col, endCol: col))
        }
        // An unclosed bracket is left to the parser, which knows whether to blame it
        // (`foo(1, 2`) or a syntax error before it (`def f(:`), as CPython does.
        for _ in 1..<indents.count { tokens.append(Token(kind: .dedent, line: line, col: 0, endCol: 0)) }
        tokens.append(Token(kind: .eof, line: line, col: col, endCol: col))
        return tokens
    }

    /// Measures a new line's indentation; returns true when the line was blank or a comment.
    private mutating func handleIndentation() throws -> Bool {
        var width = 0
        var p = pos
        while p < chars.count {
            if chars[p] == " " { width += 1 } else if chars[p] == "\t" { width = (width / 8 + 1) * 8 } else if chars[p] == "\u{0C}" { width = 0 } else { break }
            p += 1
        }
        if p >= chars.count || chars[p] == "\n" || chars[p] == "#" || (chars[p] == "\r") {
            // Blank line: skip it entirely.
            while p < chars.count && chars[p] != "\n" { p += 1 }
            if p < chars.count { pos = p + 1; line += 1; lineStart = pos; return true }
            pos = p
            atLineStart = false
            return true
        }
        pos = p
        atLineStart = false
        if width > indents.last! {
            indents.append(width)
            tokens.append(Token(kind: .indent, line: line, col: 0, endCol: width))
        } else if width < indents.last! {
            while width < indents.last! {
                indents.removeLast()
                tokens.append(Token(kind: .dedent, line: line, col: width, endCol: width))
            }
            if width != indents.last! {
                var end = p
                while end < chars.count && chars[end] != "\n" && chars[end] != "\r" { end += 1 }
                // CPython puts the caret just past the end of the offending line.
                throw SyntaxErrorInfo(message: "unindent does not match any outer indentation level", line: line,
                                      col: end - lineStart, typeName: "IndentationError")
            }
        }
        return false
    }

    private func text(_ a: Int, _ b: Int) -> String {
        // Names, numbers and operators are nearly always ASCII: copy their bytes directly.
        if chars[a..<b].allSatisfy({ $0.value < 128 }) {
            return String(unsafeUninitializedCapacity: b - a) { buffer in
                for i in 0..<(b - a) { buffer[i] = UInt8(truncatingIfNeeded: chars[a + i].value) }
                return b - a
            }
        }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: chars[a..<b])
        return String(s)
    }

    // ASCII is decided by range checks: Unicode property lookups dominated lexing time
    // (the embedded torch.nn sources are lexed on every `import torch.nn`).
    private func isIdentStart(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 { return v == 95 || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return c.properties.isXIDStart
    }
    private func isIdentContinue(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 { return v == 95 || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || (v >= 48 && v <= 57) }
        return c.properties.isXIDContinue
    }

    /// A string with a prefix like f, r, b, rb, fr; nil when the name is not a prefix.
    private mutating func stringPrefixed() throws -> Token? {
        var p = pos
        var prefix = ""
        while p < chars.count, p - pos < 2, "rRbBfFuU".unicodeScalars.contains(chars[p]) {
            prefix.unicodeScalars.append(chars[p]); p += 1
        }
        guard !prefix.isEmpty, p < chars.count, chars[p] == "\"" || chars[p] == "'" else { return nil }
        let start = pos
        pos = p
        return try string(prefix: prefix.lowercased(), start: start)
    }

    private mutating func string(prefix: String, start: Int) throws -> Token {
        let startLine = line
        let startCol = start - lineStart
        let q = peek()!
        let triple = peek(1) == q && peek(2) == q
        pos += triple ? 3 : 1
        let bodyLine = line, bodyCol = col
        let bodyStart = pos
        let isRaw = prefix.contains("r")
        let isF = prefix.contains("f")
        while true {
            guard let c = peek() else {
                throw SyntaxErrorInfo(message: triple ? "unterminated triple-quoted string literal (detected at line \(line))" : "unterminated string literal (detected at line \(startLine))", line: startLine, col: startCol)
            }
            if c == "\\" {
                pos += 1
                if peek() == "\n" { line += 1; lineStart = pos + 1 }
                pos += 1; continue
            }
            if c == "\n" {
                if !triple { throw SyntaxErrorInfo(message: "unterminated string literal (detected at line \(startLine))", line: startLine, col: startCol) }
                pos += 1; line += 1; lineStart = pos; continue
            }
            if c == q {
                if !triple { break }
                if peek(1) == q && peek(2) == q { break }
            }
            pos += 1
        }
        let body = text(bodyStart, pos)
        pos += triple ? 3 : 1
        let value = isF ? "" : (isRaw ? body : try unescape(body, line: bodyLine, col: bodyCol))
        let tok = StringToken(value: value, isFString: isF, isRaw: isRaw, isBytes: prefix.contains("b"), raw: body, rawLine: bodyLine, rawCol: bodyCol)
        return Token(kind: .string(tok), line: startLine, col: startCol, endCol: col)
    }

    private mutating func number() throws -> Token {
        let start = pos
        let startCol = col
        func digits(_ ok: (Unicode.Scalar) -> Bool) { while let d = peek(), ok(d) || d == "_" { pos += 1 } }
        let isDigit: (Unicode.Scalar) -> Bool = { $0.value >= 48 && $0.value <= 57 }
        if peek() == "0", let x = peek(1), "xXoObB".unicodeScalars.contains(x) {
            pos += 2
            let radix: Int
            switch x { case "x", "X": radix = 16; case "o", "O": radix = 8; default: radix = 2 }
            let ds = pos
            digits { $0.properties.isASCIIHexDigit }
            let t = text(ds, pos).replacing("_", with: "")
            guard let v = Int(t, radix: radix) else {
                guard !t.isEmpty, let b = BigInt(digits: Substring(t), radix: radix) else { throw error("invalid number literal", col: startCol) }
                return Token(kind: .bigInt(b), line: line, col: startCol, endCol: col)
            }
            return Token(kind: .int(v), line: line, col: startCol, endCol: col)
        }
        var isFloat = false
        digits(isDigit)
        if peek() == "." { isFloat = true; pos += 1; digits(isDigit) }
        if let e = peek(), e == "e" || e == "E" {
            let save = pos
            pos += 1
            if let s = peek(), s == "+" || s == "-" { pos += 1 }
            if let d = peek(), isDigit(d) { isFloat = true; digits(isDigit) } else { pos = save }
        }
        if let j = peek(), j == "j" || j == "J" {
            guard let v = Double(text(start, pos).replacing("_", with: "")) else { throw error("invalid number literal", col: startCol) }
            pos += 1
            if let d = peek(), isIdentStart(d) { throw error("invalid imaginary literal", col: startCol) }
            return Token(kind: .imaginary(v), line: line, col: startCol, endCol: col + 1)
        }
        if let d = peek(), isIdentStart(d) { throw error("invalid decimal literal", col: startCol) }
        let t = text(start, pos).replacing("_", with: "")
        if isFloat {
            guard let v = Double(t) else { throw error("invalid number literal", col: startCol) }
            return Token(kind: .float(v), line: line, col: startCol, endCol: col)
        }
        if t.count > 1 && t.hasPrefix("0") && t.contains(where: { $0 != "0" }) {
            throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", col: startCol)
        }
        guard let v = Int(t) else {
            guard let b = BigInt(digits: Substring(t), radix: 10) else { throw error("invalid number literal", col: startCol) }
            return Token(kind: .bigInt(b), line: line, col: startCol, endCol: col)
        }
        return Token(kind: .int(v), line: line, col: startCol, endCol: col)
    }

    private static let ops3: Set<String> = ["**=", "//=", ">>=", "<<=", "...", "!=="]
    private static let ops2: Set<String> = ["**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":="]
    /// Every scalar that appears in some operator.
    private static let operatorScalars = Set("+-*/%@&|^~<>()[]{},:.;=!".unicodeScalars)
    private static let ops1: Set<String> = ["+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "!"]

    private mutating func op() throws -> Token {
        let startCol = col
        for n in [3, 2, 1] where pos + n <= chars.count {
            // A candidate whose last scalar occurs in no operator cannot be one: skip it
            // without building its string.
            if n > 1 && (chars[pos + n - 1].value >= 128 || !Lexer.operatorScalars.contains(chars[pos + n - 1])) { continue }
            let s = text(pos, pos + n)
            let set = n == 3 ? Lexer.ops3 : n == 2 ? Lexer.ops2 : Lexer.ops1
            if set.contains(s) && s != "!==" {
                pos += n
                switch s {
                case "(", "[", "{":
                    // CPython's tokenizer limit (MAXLEVEL): it also bounds the parser's recursion.
                    if depth >= 200 { throw SyntaxErrorInfo(message: "too many nested parentheses", line: line, col: startCol) }
                    depth += 1
                    openBrackets.append((s, line, startCol))
                case ")", "]", "}":
                    if depth == 0 { throw SyntaxErrorInfo(message: "unmatched '\(s)'", line: line, col: startCol) }
                    depth -= 1
                    openBrackets.removeLast()
                default: break
                }
                return Token(kind: .op(s), line: line, col: startCol, endCol: col)
            }
        }
        let c = peek()!
        throw error("invalid character '\(Character(c))' (U+\(String(c.value, radix: 16, uppercase: true).leftPadded(4)))")
    }
}

extension String {
    func leftPadded(_ n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}

/// Processes backslash escapes of a non-raw string literal body.
func unescape(_ body: String, line: Int, col: Int) throws -> String {
    if !body.contains("\\") { return body }
    var out = String.UnicodeScalarView()
    let s = Array(body.unicodeScalars)
    var i = 0
    func hex(_ n: Int) throws -> Unicode.Scalar {
        guard i + n < s.count + 0 || i + n <= s.count - 1 + 1 else { throw SyntaxErrorInfo(message: "truncated escape", line: line, col: col) }
        var str = ""
        for k in 0..<n { guard i + 1 + k < s.count else { throw SyntaxErrorInfo(message: "(unicode error) truncated escape", line: line, col: col) }; str.unicodeScalars.append(s[i + 1 + k]) }
        guard let v = UInt32(str, radix: 16), let u = Unicode.Scalar(v) else {
            throw SyntaxErrorInfo(message: "(unicode error) invalid escape", line: line, col: col)
        }
        i += n
        return u
    }
    while i < s.count {
        let c = s[i]
        if c != "\\" || i + 1 >= s.count { out.append(c); i += 1; continue }
        i += 1
        let e = s[i]
        switch e {
        case "n": out.append("\n")
        case "t": out.append("\t")
        case "r": out.append("\r")
        case "\\": out.append("\\")
        case "'": out.append("'")
        case "\"": out.append("\"")
        case "0", "1", "2", "3", "4", "5", "6", "7":
            var v: UInt32 = 0
            var k = 0
            while k < 3, i < s.count, let d = Int(String(s[i])), d < 8 { v = v * 8 + UInt32(d); i += 1; k += 1 }
            i -= 1
            out.append(Unicode.Scalar(v) ?? "?")
        case "a": out.append("\u{07}")
        case "b": out.append("\u{08}")
        case "f": out.append("\u{0C}")
        case "v": out.append("\u{0B}")
        case "\n": break
        case "x": out.append(try hex(2))
        case "u": out.append(try hex(4))
        case "U": out.append(try hex(8))
        default: out.append("\\"); out.append(e)
        }
        i += 1
    }
    return String(out)
}
