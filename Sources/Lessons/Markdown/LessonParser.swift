#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns a lesson file into a `Lesson`: front matter, `python` cells with their options and
/// expected output, all with their lines in the file. cmark does the Markdown parsing.
public enum LessonParser {
    /// Info-string first words that make a fenced block a code cell.
    public static let cellLanguages: Set<String> = ["python", "py"]
    /// Info-string first word of an expected-output block.
    public static let outputLanguage = "output"

    /// A NUL byte would reach cmark, which turns it into U+FFFD: the lesson would run text
    /// that is not in the file. It is refused where it stands.
    static func refuseNUL(_ text: String, path: String) throws(LessonError) {
        guard let nul = text.utf8.firstIndex(of: 0) else { return }
        var line = 1, lineStart = text.utf8.startIndex
        var i = text.utf8.startIndex
        while i < nul {
            if text.utf8[i] == UInt8(ascii: "\n") { line += 1; lineStart = text.utf8.index(after: i) }
            i = text.utf8.index(after: i)
        }
        let column = text[lineStart..<nul].count + 1
        throw LessonError(file: path, line: line, column: column,
                          message: "lesson contains a NUL byte (U+0000): write it as '\\x00' in Python and as '␀' in output blocks")
    }

    /// Reads and parses the lesson at `url`; `path` is how messages name it.
    public static func load(_ url: URL, path: String) throws(LessonError) -> Lesson {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LessonError(file: path, line: 0, column: 0, message: "cannot read lesson: \(FileErrorMessage.text(for: error))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError(file: path, line: 0, column: 0, message: "lesson is not valid UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Parses lesson text; `path` is how messages and tracebacks name the file.
    public static func parse(_ text: String, path: String) throws(LessonError) -> Lesson {
        try refuseNUL(text, path: path)
        let source = SourceLines(text)
        let frontMatter = try FrontMatter.parse(source, file: path)
        let body = source.normalized(blanking: frontMatter.lines)
        let document = MarkdownDocument(parsing: body)
        var cells: [Cell] = []
        for block in document.codeBlocks where cellLanguages.contains(block.language) {
            var expected: ExpectedOutput?
            if let next = block.nextSiblingCodeBlock, document.codeBlocks[next].language == outputLanguage {
                let output = document.codeBlocks[next]
                expected = ExpectedOutput(text: output.literal, lines: output.startLine...output.endLine)
            }
            let (options, optionLines) = try parseOptions(block.literal, firstLine: block.startLine + 1,
                                                          source: source, file: path)
            var cell = Cell(index: cells.count, lines: block.startLine...block.endLine,
                            source: block.literal, firstSourceLine: block.startLine + 1,
                            optionLineCount: optionLines, options: options, expected: expected)
            cell.claims = InlineClaim.find(in: cell.code, firstLine: cell.firstCodeLine)
            cells.append(cell)
        }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let title = frontMatter.title ?? document.firstTitle ?? fileName
        return Lesson(path: path, source: source, frontMatter: frontMatter, cells: cells, title: title)
    }

    /// Reads the leading `#|` lines of a cell's text.
    private static func parseOptions(_ literal: String, firstLine: Int, source: SourceLines,
                                     file: String) throws(LessonError) -> (CellOptions, Int) {
        var options = CellOptions()
        var count = 0
        var seen: Set<String> = []
        for line in literal.split(separator: "\n", omittingEmptySubsequences: false) {
            guard CellOptions.isOptionLine(line) else { break }
            let number = firstLine + count
            let column = self.column(of: line, inFileLine: source.line(number))
            let key = line.drop(while: { $0 == " " || $0 == "\t" }).dropFirst(2)
                .prefix(while: { $0 != ":" }).trimmingWhitespace()
            if seen.contains(key) {
                throw LessonError(file: file, line: number, column: column, message: "cell option '\(key)' is given twice")
            }
            seen.insert(key)
            try options.set(line: line, file: file, number: number, column: column)
            count += 1
        }
        return (options, count)
    }

    /// 1-based byte column where a code line's text starts in its file line (after any
    /// block-quote or list indentation that cmark removed).
    private static func column(of codeLine: Substring, inFileLine fileLine: String) -> Int {
        let fileBytes = fileLine.utf8.count
        let codeBytes = codeLine.utf8.count
        guard fileLine.hasSuffix(codeLine), fileBytes >= codeBytes else { return 1 }
        return fileBytes - codeBytes + 1
    }
}
