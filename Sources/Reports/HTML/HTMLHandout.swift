import Lessons

/// A lesson's HTML handout: the prose as cmark renders it (formulas as MathML, headings with
/// anchors, contents for longer pages), each cell numbered with its code and what it
/// printed, its state said in words. Options are never shown; `echo: false` hides code and
/// `output: false` hides output. The same result always gives the same bytes.
public enum HTMLHandout {
    /// A rendered handout and what could not be rendered in it.
    public struct Page: Sendable, Equatable {
        public var html: String
        /// `file:line: warning: message` for each formula with unsupported TeX.
        public var warnings: [String]
    }

    public static func render(_ result: LessonResult, navigation: HandoutNavigation? = nil) -> String {
        page(result, navigation: navigation).html
    }

    public static func page(_ result: LessonResult, navigation: HandoutNavigation? = nil) -> Page {
        var replacing: [Int: String] = [:]
        var removing: Set<Int> = []
        let figures = LessonFigures.numbered(result)
        for cell in result.cells {
            replacing[cell.cell.lines.lowerBound] = html(for: cell, in: result, figures: figures[cell.cell.index] ?? [])
            if let expected = cell.cell.expected { removing.insert(expected.lines.lowerBound) }
        }
        let reserved = Set(result.cells.map { anchor($0.cell) } + ["toc-title"])
        let prose = ProseRenderer.render(result.lesson.markdownBody, replacing: replacing, removing: removing, reserved: reserved)
        let html = HTMLPage.make(title: result.lesson.title, body: TeachingHTML.style(result) + banner(result) + prose.html,
                                 header: navigation?.html(bottom: false) ?? "",
                                 footer: navigation?.html(bottom: true) ?? "")
        return Page(html: html, warnings: prose.warnings.map { "\(result.lesson.path):\($0.line): warning: \($0.message)" })
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
        let number = cell.index + 1
        let anchor = anchor(cell).htmlEscaped
        var html = "<div class=\"cell\(result.status == .failed ? " failed" : "")\" id=\"\(anchor)\">\n"
        html += "<div class=\"cell-head\"><a class=\"cell-number\" href=\"#\(anchor)\">Cell \(number)</a>"
        for label in CellLabels.labels(for: result) {
            html += "<span class=\"state state-\(label.tone.rawValue)\">\(label.text.htmlEscaped)</span>"
        }
        html += "</div>\n"
        if cell.options.echo {
            html += "<pre class=\"code\" role=\"region\" aria-label=\"Code of cell \(number)\" tabindex=\"0\"><code class=\"language-python\">\(PythonHighlighter.html(trimmed(cell.code)))</code></pre>\n"
        }
        if let outcome = result.outcome {
            if cell.options.output, !outcome.output.isEmpty {
                html += "<pre class=\"output\" role=\"region\" aria-label=\"Output of cell \(number)\">\(Lines.html(text: trimmed(outcome.output)))</pre>\n"
            }
            if !outcome.warnings.isEmpty {
                html += "<pre class=\"warnings\" role=\"region\" aria-label=\"Warnings of cell \(number)\">\(Lines.html(text: trimmed(outcome.warnings)))</pre>\n"
            }
            if let exception = outcome.exception {
                let expected = exception.isExpected(by: cell.options.raises) || (result.status == .passed && cell.options.raises == nil)
                let text = result.status == .failed && !exception.traceback.isEmpty ? exception.traceback : exception.lastLine
                html += "<pre class=\"error\(expected ? " expected" : "")\" role=\"region\" aria-label=\"\(expected ? "Expected error" : "Error") of cell \(number)\">\(Lines.html(text: trimmed(text)))</pre>\n"
            }
            html += LessonFigures.html(figures)
        }
        if let diff = result.diff {
            html += "<pre class=\"diff\" role=\"region\" aria-label=\"Expected output (-) against actual output (+) of cell \(number)\">\(diffLines(diff))</pre>\n"
        }
        html += TeachingHTML.cellExtras(result, in: lesson)
        if let note = note(for: result) {
            html += "<p class=\"note\">\(note.htmlEscaped)</p>\n"
        }
        return html + "</div>\n"
    }

    private static func diffLines(_ diff: String) -> String {
        Lines.html(trimmed(diff).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let text = String(line).htmlEscaped
            if line.hasPrefix("-"), !line.hasPrefix("---") { return "<span class=\"deleted\">\(text)</span>" }
            if line.hasPrefix("+"), !line.hasPrefix("+++") { return "<span class=\"inserted\">\(text)</span>" }
            return text
        })
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
