import Lessons

/// Cuts a lesson back into notebook cells: each code cell as it is, and the prose between
/// them as Markdown cells, split at `CellMarker` lines. The front matter, output blocks and
/// the `NotebookRecord` line are no cells. In an imported lesson the one blank line import
/// put around each Markdown cell is taken off, so the cell's text comes back exactly; in a
/// lesson written by hand all blank lines around prose are.
struct LessonCells {
    struct Part: Equatable {
        var kind: NotebookCell.Kind
        /// Prose text (without a final newline), or the code cell's source as the lesson has it.
        var text: String
        /// For code: the index of the lesson cell.
        var codeCell: Int?
    }

    var parts: [Part] = []
    var record: NotebookRecord?

    init(_ lesson: Lesson) {
        let source = lesson.source
        var recordLine: Int?
        for number in stride(from: source.count, through: 1, by: -1) where NotebookRecord.isRecordLine(source.line(number)) {
            recordLine = number
            record = NotebookRecord(line: source.line(number))
            break
        }
        var hidden = Array(repeating: false, count: source.count + 2)
        if let frontMatter = lesson.frontMatter.lines {
            for number in frontMatter { hidden[number] = true }
        }
        var cellAtLine: [Int: Int] = [:]
        for cell in lesson.cells {
            cellAtLine[cell.lines.lowerBound] = cell.index
            let end = cell.expected?.lines.upperBound ?? cell.lines.upperBound
            for number in cell.lines.lowerBound...min(end, source.count) { hidden[number] = true }
        }
        var prose: [String] = []
        for number in stride(from: 1, through: source.count, by: 1) {
            if let index = cellAtLine[number] {
                addProse(prose, recordLine: recordLine != nil)
                prose = []
                parts.append(Part(kind: .code, text: lesson.cells[index].source, codeCell: index))
            } else if number == recordLine {
                addProse(prose, recordLine: true)
                prose = []
            } else if !hidden[number] {
                prose.append(source.line(number))
            }
        }
        addProse(prose, recordLine: recordLine != nil)
    }

    private mutating func addProse(_ lines: [String], recordLine imported: Bool) {
        var kind = NotebookCell.Kind.markdown
        var part: [String] = []
        func flush() {
            var body = part[...]
            if imported {
                if body.first?.isEmpty == true { body = body.dropFirst() }
                if body.last?.isEmpty == true { body = body.dropLast() }
            } else {
                while body.first?.allSatisfy(\.isWhitespace) == true { body = body.dropFirst() }
                while body.last?.allSatisfy(\.isWhitespace) == true { body = body.dropLast() }
            }
            if !body.isEmpty { parts.append(Part(kind: kind, text: body.joined(separator: "\n"))) }
            part = []
        }
        for line in lines {
            if let next = CellMarker.kind(of: line) {
                flush()
                kind = next
            } else {
                part.append(line)
            }
        }
        flush()
    }
}
