/// The "Contents" list of a handout: its sections (`##`) with their subsections (`###`).
enum TableOfContents {
    struct Entry {
        var level: Int
        var id: String
        /// The heading's text as HTML (formulas included).
        var html: String
    }

    static func html(_ entries: [Entry]) -> String {
        guard !entries.isEmpty else { return "" }
        var html = "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">Contents</h2>\n<ol>\n"
        var inSubsection = false
        var openItem = false
        for entry in entries {
            let link = "<a href=\"#\(entry.id.htmlEscaped)\">\(entry.html)</a>"
            if entry.level == 3, openItem {
                if !inSubsection { html += "\n<ol>\n"; inSubsection = true }
                html += "<li>\(link)</li>\n"
                continue
            }
            if inSubsection { html += "</ol>\n"; inSubsection = false }
            if openItem { html += "</li>\n" }
            html += "<li>\(link)"
            openItem = true
        }
        if inSubsection { html += "</ol>\n" }
        if openItem { html += "</li>\n" }
        return html + "</ol>\n</nav>\n"
    }
}
