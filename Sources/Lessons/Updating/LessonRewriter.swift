/// Produces new lesson text from a result: `check --update`'s rewrite of the lesson file, and
/// the executed Markdown copy that `run` writes next to the HTML handout.
public enum LessonRewriter {
    /// The lesson with wrong output blocks replaced, missing ones added and those of cells
    /// that now print nothing removed; everything else byte-identical. Cells that did not
    /// run, or have `check: false`, keep their blocks.
    public static func updated(_ result: LessonResult) -> String {
        let writer = OutputBlockWriter(source: result.lesson.source)
        var edits: [LineSplice.Edit] = []
        for cell in result.cells {
            guard let outcome = cell.outcome, cell.cell.options.check else { continue }
            if let expected = cell.cell.expected,
               OutputComparison.matches(outcome.shownText, expected.text, tolerance: cell.cell.options.tolerance) {
                continue
            }
            if let edit = writer.edit(for: cell.cell, text: outcome.shownText) { edits.append(edit) }
        }
        return LineSplice.apply(edits, to: result.lesson.source)
    }

    /// The lesson with fresh output blocks (only for cells that ran) and without `#|` lines.
    /// `blocks` gives each cell's extra fenced blocks (teaching visuals as text), written
    /// after its output block, where `check` never compares them; `after` gives lines placed
    /// after those (its figures' image links).
    public static func executed(_ result: LessonResult, blocks: (CellResult) -> [FencedBlock] = { _ in [] },
                                after: (CellResult) -> [String] = { _ in [] }) -> String {
        rewritten(result, blocks: blocks, after: after, student: false)
    }

    /// The student copy (`run --student`): as `executed`, but each `solution` cell's code is
    /// its stub, its fence says `python answer=ID` (what `check --answers` looks for), and
    /// `solution: all` drops its output and visuals.
    public static func student(_ result: LessonResult, blocks: (CellResult) -> [FencedBlock] = { _ in [] },
                               after: (CellResult) -> [String] = { _ in [] }) -> String {
        rewritten(result, blocks: blocks, after: after, student: true)
    }

    private static func rewritten(_ result: LessonResult, blocks: (CellResult) -> [FencedBlock],
                                  after: (CellResult) -> [String], student: Bool) -> String {
        let writer = OutputBlockWriter(source: result.lesson.source)
        var edits: [LineSplice.Edit] = []
        for cell in result.cells {
            let solution = student ? cell.cell.options.solution : nil
            let output = solution == .all ? nil : cell.outcome?.shownText
            let output_edit = writer.edit(for: cell.cell, text: output)
            var extra = solution == .all ? [] : blocks(cell).flatMap { writer.lines(of: $0, for: cell.cell) }
            let position = (cell.cell.expected?.lines.upperBound ?? cell.cell.lines.upperBound) + 1
            let links = solution == .all ? [] : after(cell)
            if !links.isEmpty {
                // An image link is a paragraph: blank lines keep it apart from the prose around it.
                extra += [""] + links
                if position <= result.lesson.source.lines.count,
                   !result.lesson.source.line(position).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    extra.append("")
                }
            }
            if !extra.isEmpty {
                if var insertion = output_edit, insertion.lines == position..<position {
                    insertion.replacement += extra
                    edits.append(insertion)
                } else {
                    if let output_edit { edits.append(output_edit) }
                    edits.append(LineSplice.Edit(lines: position..<position, replacement: extra))
                }
            } else if let output_edit {
                edits.append(output_edit)
            }
            if cell.cell.optionLineCount > 0 {
                let first = cell.cell.firstSourceLine
                edits.append(LineSplice.Edit(lines: first..<(first + cell.cell.optionLineCount), replacement: []))
            }
            if solution != nil {
                edits += writer.stubEdits(for: cell.cell)
            }
        }
        return LineSplice.apply(edits, to: result.lesson.source)
    }
}
