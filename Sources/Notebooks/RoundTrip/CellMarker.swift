/// The comment lines that keep notebook cells apart in a lesson where Markdown alone would
/// merge them: `<!-- cell -->` before a Markdown cell that follows another one, and
/// `<!-- cell: raw -->` before a raw cell. Invisible in handouts.
enum CellMarker {
    static let markdown = "<!-- cell -->"
    static let raw = "<!-- cell: raw -->"

    /// The kind of cell a marker line starts, nil when the line is no marker.
    static func kind(of line: String) -> NotebookCell.Kind? {
        switch line.trimmingTrailingSpaces() {
        case markdown: .markdown
        case raw: .raw
        default: nil
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
