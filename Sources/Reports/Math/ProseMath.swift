/// Finds `$...$` and `$$...$$` in a lesson's Markdown prose and stands each in by a
/// placeholder that cmark treats as a letter, so emphasis and escapes never reach the TeX;
/// the placeholders are turned into MathML in cmark's text nodes afterwards.
///
/// Pandoc's rules decide what is math: an opening `$` not followed by a space, a closing `$`
/// not preceded by a space nor followed by a digit ("$5 and $6" is no formula), `\$` is a
/// dollar, no formula spans a blank line. Code blocks and code spans are never looked into.
struct ProseMath {
    struct Formula: Equatable {
        var tex: String
        var display: Bool
        /// File line where the formula starts.
        var line: Int
    }

    /// The Markdown with formulas replaced by placeholders.
    private(set) var text: String
    private(set) var formulas: [Formula] = []
    /// Lines removed before each original line (formulas that spanned lines now take one).
    private var removedBefore: [Int] = []

    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// Scans `markdown`, leaving alone the lines of `codeLines` (code blocks, fences included).
    init(_ markdown: String, codeLines: [ClosedRange<Int>]) {
        var output = ""
        var removed = 0
        var removedBefore = [0]
        var paragraph: [Substring] = []
        var paragraphStart = 1
        var formulas: [Formula] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            let (scanned, found) = Self.scan(paragraph.joined(separator: "\n"), firstLine: paragraphStart, startIndex: formulas.count)
            formulas += found
            output += scanned + "\n"
            removed += paragraph.count - (scanned.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } + 1)
            paragraph = []
        }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            if codeLines.contains(where: { $0.contains(number) }) || line.allSatisfy(\.isWhitespace) {
                flush()
                output += line + "\n"
            } else {
                if paragraph.isEmpty { paragraphStart = number }
                paragraph.append(line)
            }
            removedBefore.append(removed)
        }
        flush()
        output.removeLast()
        text = output
        self.formulas = formulas
        self.removedBefore = removedBefore
    }

    /// Where a line of the original Markdown is in `text`, for lines outside formulas
    /// (code blocks always are).
    func lineInText(_ line: Int) -> Int {
        line - (line < removedBefore.count ? removedBefore[line] : removedBefore.last ?? 0)
    }

    /// The formulas of one run of non-blank lines.
    private static func scan(_ text: String, firstLine: Int, startIndex: Int) -> (String, [Formula]) {
        let characters = Array(text)
        var output = ""
        var formulas: [Formula] = []
        var index = 0
        func lineAt(_ position: Int) -> Int {
            firstLine + characters[..<position].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                output.append(character)
                output.append(characters[index + 1])
                index += 2
            } else if character == "`" {
                let end = codeSpanEnd(characters, from: index)
                output += String(characters[index..<end])
                index = end
            } else if character == "$", let (end, contentStart, contentEnd, display) = formulaEnd(characters, from: index) {
                formulas.append(Formula(tex: String(characters[contentStart..<contentEnd]), display: display, line: lineAt(index)))
                output.append(open)
                output += String(startIndex + formulas.count - 1)
                output.append(close)
                index = end
            } else {
                output.append(character)
                index += 1
            }
        }
        return (output, formulas)
    }

    /// The end of the code span (or of the literal backtick run) starting at `start`.
    private static func codeSpanEnd(_ characters: [Character], from start: Int) -> Int {
        var runEnd = start
        while runEnd < characters.count, characters[runEnd] == "`" { runEnd += 1 }
        let length = runEnd - start
        var index = runEnd
        while index < characters.count {
            if characters[index] == "`" {
                var end = index
                while end < characters.count, characters[end] == "`" { end += 1 }
                if end - index == length { return end }
                index = end
            } else {
                index += 1
            }
        }
        return runEnd
    }

    /// The formula opening at `start`: its end (exclusive), its content range and whether it
    /// is displayed; nil when the dollar is just a dollar.
    private static func formulaEnd(_ characters: [Character], from start: Int) -> (Int, Int, Int, Bool)? {
        let display = start + 1 < characters.count && characters[start + 1] == "$"
        let contentStart = start + (display ? 2 : 1)
        guard contentStart < characters.count else { return nil }
        if !display, characters[contentStart].isWhitespace { return nil }
        var index = contentStart
        while index < characters.count {
            let character = characters[index]
            if character == "\\" { index += 2; continue }
            if character == "$" {
                if display {
                    if index + 1 < characters.count, characters[index + 1] == "$", index > contentStart {
                        return (index + 2, contentStart, index, true)
                    }
                    return nil
                }
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                if index > contentStart, !characters[index - 1].isWhitespace, !after.isASCIIDigit {
                    return (index + 1, contentStart, index, false)
                }
                if after == "$" { return nil }
            }
            index += 1
        }
        return nil
    }

    /// The placeholder-bearing literal of a text node as HTML (formulas as MathML), or nil
    /// when it holds no formula.
    func html(_ literal: String, render: (Formula) -> String) -> String? {
        guard literal.contains(Self.open) else { return nil }
        return substitute(literal, escape: { $0.htmlEscaped }, formula: render)
    }

    /// The literal with each formula written back as its TeX, dollars included.
    func plain(_ literal: String) -> String {
        guard literal.contains(Self.open) else { return literal }
        return substitute(literal, escape: { $0 }, formula: { $0.display ? "$$\($0.tex)$$" : "$\($0.tex)$" })
    }

    private func substitute(_ literal: String, escape: (String) -> String, formula: (Formula) -> String) -> String {
        var result = ""
        var rest = Substring(literal)
        while let open = rest.firstIndex(of: Self.open) {
            result += escape(String(rest[..<open]))
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: Self.close),
                  let number = Int(rest[afterOpen..<close]), number < formulas.count else {
                result += escape(String(rest[open...afterOpen]))
                rest = rest[rest.index(after: afterOpen)...]
                continue
            }
            result += formula(formulas[number])
            rest = rest[rest.index(after: close)...]
        }
        return result + escape(String(rest))
    }
}
