import Lessons

/// A lesson's prose as HTML: cmark's rendering with formulas as MathML, headings with
/// anchors, and a table of contents after the title when there are three or more sections.
struct ProseRenderer {
    struct Output {
        var html: String
        /// What could not be fully rendered in each formula, in document order.
        var warnings: [Warning]
    }

    struct Warning: Equatable {
        var line: Int
        var message: String
    }

    /// Renders `markdown`, replacing and removing code blocks by their original start line
    /// (as `MarkdownDocument.renderHTML` does); `reserved` ids are left to the cells.
    static func render(_ markdown: String, replacing: [Int: String] = [:], removing: Set<Int> = [],
                       reserved: Set<String> = [], contents: Bool = true) -> Output {
        let document = MarkdownDocument(parsing: markdown)
        let math = ProseMath(markdown, codeLines: document.codeBlocks.map { $0.startLine...$0.endLine })
        var warnings: [Warning] = []
        var rendered: [Int: String] = [:]
        func formula(_ index: Int) -> String {
            if let html = rendered[index] { return html }
            let formula = math.formulas[index]
            let rendering = TeXMath.render(formula.tex, display: formula.display)
            let source = math.plain(String(ProseMath.open) + String(index) + String(ProseMath.close))
            warnings += rendering.warnings.map { Warning(line: formula.line, message: "\($0) in \(source)") }
            rendered[index] = rendering.mathML
            return rendering.mathML
        }
        // Formulas are rendered in document order so warnings come in that order.
        for index in math.formulas.indices { _ = formula(index) }
        func html(_ literal: String) -> String? {
            math.html(literal) { formula(math.formulas.firstIndex(of: $0) ?? 0) }
        }

        let headings = MarkdownDocument.headings(math.text)
        var anchors = HeadingAnchors(reserved: reserved)
        let ids = headings.map { anchors.anchor(for: math.plain($0.text)) }
        let titleIndex = headings.firstIndex { $0.level == 1 }
        let sections = headings.indices.filter { headings[$0].level == 2 }
        var tableOfContents = ""
        if contents, sections.count >= 3 {
            tableOfContents = TableOfContents.html(headings.indices.compactMap { index in
                let heading = headings[index]
                guard heading.level == 2 || heading.level == 3 else { return nil }
                return TableOfContents.Entry(level: heading.level, id: ids[index],
                                             html: html(heading.text) ?? heading.text.htmlEscaped)
            })
        }

        var hooks = MarkdownDocument.ProseHooks()
        hooks.textHTML = html
        hooks.plainText = math.plain
        hooks.heading = { index, level in
            let id = ids[index].htmlEscaped
            let link = "<a class=\"anchor\" href=\"#\(id)\" aria-hidden=\"true\" tabindex=\"-1\">#</a>"
            let after = index == titleIndex ? tableOfContents : ""
            return ("<h\(level) id=\"\(id)\">", "\(level > 1 ? " " + link : "")</h\(level)>\n\(after)")
        }
        var shiftedReplacing: [Int: String] = [:]
        for (line, value) in replacing { shiftedReplacing[math.lineInText(line)] = value }
        var body = MarkdownDocument.renderHTML(math.text, replacing: shiftedReplacing,
                                               removing: Set(removing.map(math.lineInText)), hooks: hooks)
        if titleIndex == nil { body = tableOfContents + body }
        return Output(html: body, warnings: warnings)
    }

    /// One line of Markdown (a summary) as inline HTML, formulas included.
    static func inline(_ markdown: String) -> String {
        var html = render(markdown, contents: false).html
        if html.hasPrefix("<p>"), html.hasSuffix("</p>\n") { html = String(html.dropFirst(3).dropLast(5)) }
        return html
    }
}
