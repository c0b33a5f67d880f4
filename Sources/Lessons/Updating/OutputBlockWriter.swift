/// Writes, replaces and removes a cell's `output` block in the lesson's own bytes, inside
/// whatever block quote or list the cell sits in.
struct OutputBlockWriter {
    let source: SourceLines

    /// The edit that makes `cell`'s output block hold `text`; nil text or empty output removes it.
    func edit(for cell: Cell, text: String?) -> LineSplice.Edit? {
        let content = text.map(OutputComparison.comparedLines) ?? []
        guard let expected = cell.expected else {
            guard !content.isEmpty else { return nil }
            let after = cell.lines.upperBound
            let prefix = containerPrefix(of: cell)
            var block = [prefix.trimmingTrailingWhitespace()] + newBlock(content, prefix: prefix)
            let opening = source.line(cell.lines.lowerBound)
            if let fence = Fence(line: opening), cell.lines.count < 2 || !fence.isClosed(by: source.line(after)) {
                // The cell runs to the end of its container unclosed: close it first.
                block.insert(prefix + String(repeating: fence.character, count: fence.length), at: 0)
            }
            return LineSplice.Edit(lines: (after + 1)..<(after + 1), replacement: block)
        }
        guard !content.isEmpty else {
            return LineSplice.Edit(lines: (cell.lines.upperBound + 1)..<(expected.lines.upperBound + 1), replacement: [])
        }
        let opening = source.line(expected.lines.lowerBound)
        let closing = source.line(expected.lines.upperBound)
        let lines = expected.lines
        if let fence = Fence(line: opening), lines.count >= 2, fence.isClosed(by: closing),
           !content.contains(where: fence.isClosed(by:)) {
            let prefix = String(opening[..<fence.start])
            let body = content.map { line(prefix, $0) }
            return LineSplice.Edit(lines: (lines.lowerBound + 1)..<lines.upperBound, replacement: body)
        }
        let prefix = Fence(line: opening).map { String(opening[..<$0.start]) } ?? containerPrefix(of: cell)
        return LineSplice.Edit(lines: lines.lowerBound..<(lines.upperBound + 1), replacement: newBlock(content, prefix: prefix))
    }

    /// A fresh fenced output block, its fence longer than any backtick fence in the content.
    private func newBlock(_ content: [String], prefix: String, info: String = LessonParser.outputLanguage) -> [String] {
        var length = 3
        for text in content {
            let trimmed = text.drop(while: { $0 == " " })
            let run = trimmed.prefix(while: { $0 == "`" }).count
            if run >= length { length = run + 1 }
        }
        let fence = String(repeating: "`", count: length)
        return [prefix + fence + info] + content.map { line(prefix, $0) } + [prefix + fence]
    }

    private func line(_ prefix: String, _ text: String) -> String {
        text.isEmpty ? prefix.trimmingTrailingWhitespace() : prefix + text
    }

    /// A fenced block after `cell`, in its container, preceded by a blank line.
    func lines(of block: FencedBlock, for cell: Cell) -> [String] {
        let prefix = containerPrefix(of: cell)
        return [prefix.trimmingTrailingWhitespace()] + newBlock(OutputComparison.comparedLines(block.text), prefix: prefix, info: block.info)
    }

    /// For the student copy: the opening fence gets ` answer=ID`, the code lines become the
    /// stub (or one comment line inviting an answer).
    func stubEdits(for cell: Cell) -> [LineSplice.Edit] {
        guard cell.lines.count >= 2, let fence = Fence(line: source.line(cell.lines.lowerBound)) else { return [] }
        let opening = source.line(cell.lines.lowerBound)
        let prefix = containerPrefix(of: cell)
        let stub = cell.options.stub ?? StudentCopy.blankStub
        var edits = [LineSplice.Edit(lines: cell.lines.lowerBound..<(cell.lines.lowerBound + 1),
                                     replacement: [String(opening[..<fence.start]) + String(repeating: fence.character, count: fence.length)
                                                   + "python answer=\(StudentCopy.answerID(of: cell))"])]
        let closed = fence.isClosed(by: source.line(cell.lines.upperBound))
        let codeEnd = closed ? cell.lines.upperBound : cell.lines.upperBound + 1
        let stubLines = stub.split(separator: "\n", omittingEmptySubsequences: false).map { line(prefix, String($0)) }
        edits.append(LineSplice.Edit(lines: cell.firstCodeLine..<codeEnd, replacement: stubLines))
        return edits
    }

    /// What precedes the cell's fence on its lines (`> `, list indentation): new lines need it.
    private func containerPrefix(of cell: Cell) -> String {
        let closing = source.line(cell.lines.upperBound)
        if cell.lines.count >= 2, let fence = Fence(line: closing) {
            return String(closing[..<fence.start])
        }
        let opening = source.line(cell.lines.lowerBound)
        guard let fence = Fence(line: opening) else { return "" }
        // A list marker on the opening line becomes indentation on later lines.
        return String(opening[..<fence.start].map { $0 == ">" || $0 == " " || $0 == "\t" ? $0 : " " })
    }
}

/// The run of backticks or tildes that opens or closes a fenced block on a line.
struct Fence {
    var character: Character
    var length: Int
    var start: String.Index

    init?(line: String) {
        guard let start = line.firstIndex(where: { $0 == "`" || $0 == "~" }) else { return nil }
        let character = line[start]
        let length = line[start...].prefix(while: { $0 == character }).count
        guard length >= 3 else { return nil }
        self.character = character
        self.length = length
        self.start = start
    }

    /// Whether `line` (content or fence, container prefix included) would close this fence.
    func isClosed(by line: String) -> Bool {
        let trimmed = line.drop(while: { $0 == " " || $0 == ">" || $0 == "\t" })
        let run = trimmed.prefix(while: { $0 == character }).count
        return run >= length && trimmed.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
