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
    /// `after` gives lines to place after a cell's output block (its figures' image links).
    public static func executed(_ result: LessonResult, after: (CellResult) -> [String] = { _ in [] }) -> String {
        let writer = OutputBlockWriter(source: result.lesson.source)
        var edits: [LineSplice.Edit] = []
        for cell in result.cells {
            let output = cell.outcome?.shownText
            var edit = writer.edit(for: cell.cell, text: output)
            let extra = after(cell)
            if !extra.isEmpty {
                let position = (cell.cell.expected?.lines.upperBound ?? cell.cell.lines.upperBound) + 1
                var lines = [""] + extra
                if position <= result.lesson.source.lines.count,
                   !result.lesson.source.line(position).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    lines.append("")
                }
                if var inserting = edit, inserting.lines.isEmpty, inserting.lines.lowerBound == position {
                    inserting.replacement += lines
                    edit = inserting
                } else {
                    edits.append(LineSplice.Edit(lines: position..<position, replacement: lines))
                }
            }
            if let edit { edits.append(edit) }
            if cell.cell.optionLineCount > 0 {
                let first = cell.cell.firstSourceLine
                edits.append(LineSplice.Edit(lines: first..<(first + cell.cell.optionLineCount), replacement: []))
            }
        }
        return LineSplice.apply(edits, to: result.lesson.source)
    }
}
