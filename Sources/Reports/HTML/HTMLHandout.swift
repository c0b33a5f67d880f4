import Lessons

/// A lesson's HTML handout: the prose as cmark renders it, each cell with its code and what
/// it printed, errors shown. Options are never shown; `echo: false` hides code and
/// `output: false` hides output. The same result always gives the same bytes.
public enum HTMLHandout {
    public static func render(_ result: LessonResult) -> String {
        var replacing: [Int: String] = [:]
        var removing: Set<Int> = []
        let figures = LessonFigures.numbered(result)
        for cell in result.cells {
            replacing[cell.cell.lines.lowerBound] = html(for: cell, in: result, figures: figures[cell.cell.index] ?? [])
            if let expected = cell.cell.expected { removing.insert(expected.lines.lowerBound) }
        }
        let prose = MarkdownDocument.renderHTML(result.lesson.markdownBody, replacing: replacing, removing: removing)
        return HTMLPage.make(title: result.lesson.title, body: TeachingHTML.style(result) + banner(result) + prose)
    }

    private static func banner(_ result: LessonResult) -> String {
        if let breakdown = result.breakdown {
            return "<p class=\"banner\">This lesson could not be run to the end (\(breakdown.htmlEscaped)).</p>\n"
        }
        if let stop = result.stoppingCell, let exception = stop.outcome?.exception, stop.status == .failed {
            return "<p class=\"banner\">This lesson stopped at line \(exception.line): \(exception.lastLine.htmlEscaped)</p>\n"
        }
        return ""
    }

    private static func html(for result: CellResult, in lesson: LessonResult, figures: [LessonFigures.Numbered]) -> String {
        let cell = result.cell
        var html = "<div class=\"cell\(result.status == .failed ? " failed" : "")\" id=\"\(anchor(cell).htmlEscaped)\">\n"
        if cell.options.echo {
            html += "<pre class=\"code\"><code class=\"language-python\">\(PythonHighlighter.html(trimmed(cell.code)))</code></pre>\n"
        }
        if let outcome = result.outcome {
            if cell.options.output, !outcome.output.isEmpty {
                html += "<pre class=\"output\">\(trimmed(outcome.output).htmlEscaped)</pre>\n"
            }
            if !outcome.warnings.isEmpty {
                html += "<pre class=\"warnings\">\(trimmed(outcome.warnings).htmlEscaped)</pre>\n"
            }
            if let exception = outcome.exception {
                let text = result.status == .failed && !exception.traceback.isEmpty ? exception.traceback : exception.lastLine
                html += "<pre class=\"error\">\(trimmed(text).htmlEscaped)</pre>\n"
            }
            html += LessonFigures.html(figures)
        }
        html += TeachingHTML.cellExtras(result, in: lesson)
        if let note = note(for: result) {
            html += "<p class=\"note\">\(note.htmlEscaped)</p>\n"
        }
        return html + "</div>\n"
    }

    private static func note(for result: CellResult) -> String? {
        switch result.status {
        case .skipped: return "Skipped."
        case .notRun: return "Not run: an earlier cell stopped the lesson."
        case .failed: return result.reason.map { "Check failed: \($0)." }
        case .passed, .ran: return nil
        }
    }

    /// The cell's `id` option, else its position.
    static func anchor(_ cell: Cell) -> String {
        cell.options.id ?? "cell-\(cell.index + 1)"
    }

    private static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
