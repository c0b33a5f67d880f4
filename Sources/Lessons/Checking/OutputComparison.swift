/// Decides whether a cell printed what its output block says. Trailing spaces on lines,
/// trailing blank lines and object addresses never matter; with a tolerance, numbers may
/// differ by that much.
public enum OutputComparison {
    /// The lines that are compared: trailing whitespace and trailing blank lines removed.
    public static func comparedLines(_ text: String) -> [String] {
        var lines = visibleControls(text).split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingTrailingWhitespace() }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines
    }

    /// Control characters other than tab and newline as Unicode's control pictures (`\r` →
    /// `␍`, NUL → `␀`, DEL → `␡`): a bare `\r` is a line break to cmark, so written raw into an
    /// output block it would split the block and the next update would eat the line after
    /// it. Written as pictures, an output block reads back exactly what was written, and a
    /// cell printing `"a\rb"` matches a block holding `a␍b`.
    public static func visibleControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHiddenControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHiddenControl(scalar) {
                scalars.append(Unicode.Scalar(scalar.value == 0x7F ? 0x2421 : 0x2400 + scalar.value)!)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func isHiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
    }

    /// Whether `actual` matches `expected`. With `tolerance`, every number in the output is
    /// compared as a number: `|a - e| <= tolerance * max(1, |e|)`; all other text exactly.
    /// Object addresses (`<Node object at 0x…>`) match any address ([ObjectAddress]).
    public static func matches(_ actual: String, _ expected: String, tolerance: Double? = nil) -> Bool {
        let actualLines = comparedLines(actual).map(ObjectAddress.masked)
        let expectedLines = comparedLines(expected).map(ObjectAddress.masked)
        guard let tolerance else { return actualLines == expectedLines }
        guard actualLines.count == expectedLines.count else { return false }
        for (a, e) in zip(actualLines, expectedLines) where a != e {
            let actualTokens = NumberTokens(a).tokens
            let expectedTokens = NumberTokens(e).tokens
            guard actualTokens.count == expectedTokens.count else { return false }
            for (x, y) in zip(actualTokens, expectedTokens) {
                switch (x, y) {
                case let (.text(s), .text(t)) where s == t: continue
                case let (.number(u), .number(v)) where u == v || abs(u - v) <= tolerance * max(1, abs(v)): continue
                default: return false
                }
            }
        }
        return true
    }
}

/// A line cut into numbers and the text between them, for comparison within a tolerance.
struct NumberTokens {
    enum Token: Equatable {
        case text(String)
        case number(Double)
    }

    private(set) var tokens: [Token] = []

    init(_ line: String) {
        let characters = Array(line)
        var text = ""
        var index = 0
        while index < characters.count {
            if let (value, end) = Self.number(in: characters, at: index) {
                if !text.isEmpty { tokens.append(.text(text)); text = "" }
                tokens.append(.number(value))
                index = end
            } else {
                text.append(characters[index])
                index += 1
            }
        }
        if !text.isEmpty { tokens.append(.text(text)) }
    }

    /// A decimal number (optional sign, digits, fraction, exponent) starting at `start`, when
    /// it is not the tail of a name such as `float32`.
    private static func number(in characters: [Character], at start: Int) -> (Double, Int)? {
        if start > 0, characters[start - 1].isLetter || characters[start - 1] == "_" || characters[start - 1].isNumber {
            return nil
        }
        var index = start
        if index < characters.count, characters[index] == "-" || characters[index] == "+" { index += 1 }
        let digitsStart = index
        while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
        if index < characters.count, characters[index] == "." {
            index += 1
            while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
        }
        guard index > digitsStart, characters[digitsStart...index - 1].contains(where: \.isNumber) else { return nil }
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            var exponent = index + 1
            if exponent < characters.count, characters[exponent] == "-" || characters[exponent] == "+" { exponent += 1 }
            let exponentDigits = exponent
            while exponent < characters.count, characters[exponent].isASCII, characters[exponent].isNumber { exponent += 1 }
            if exponent > exponentDigits { index = exponent }
        }
        guard let value = Double(String(characters[start..<index])) else { return nil }
        return (value, index)
    }
}
