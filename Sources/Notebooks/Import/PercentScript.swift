/// Reads a Python script with `# %%` cell markers as a notebook: the percent format of
/// jupytext, VS Code and Spyder (`# %% [markdown]` cells of `# `-prefixed lines), and
/// sphinx-gallery's (a module docstring as the first Markdown cell, then in each `# %%`
/// cell a leading block of comment lines as Markdown before the code).
public enum PercentScript {
    public static func notebook(from text: String) -> Notebook {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if lines.last == "" { lines.removeLast() }
        var cells: [NotebookCell] = []
        var index = skipHeader(lines)
        let gallery = docstring(lines, from: &index)
        if let gallery { cells.append(NotebookCell(kind: .markdown, source: gallery)) }
        var chunk: [String] = []
        var marker: String?
        func flush() {
            cells += self.cells(of: chunk, marker: marker, gallery: gallery != nil)
            chunk = []
        }
        while index < lines.count {
            let line = lines[index]
            if isMarker(line) {
                flush()
                marker = line
            } else {
                chunk.append(line)
            }
            index += 1
        }
        flush()
        return Notebook(nbformatMinor: 5, metadata: NotebookDefaults.metadata, cells: cells)
    }

    /// `# %%` (with optional title and `[markdown]`), or sphinx-gallery's old line of 20+ `#`.
    static func isMarker(_ line: String) -> Bool {
        if line == "# %%" || line.hasPrefix("# %% ") || line == "#%%" || line.hasPrefix("#%% ") { return true }
        return line.count >= 20 && line.allSatisfy { $0 == "#" }
    }

    /// jupytext's `# ---` … `# ---` YAML header is the notebook's metadata, not a cell.
    private static func skipHeader(_ lines: [String]) -> Int {
        guard lines.first == "# ---", let end = lines.dropFirst().firstIndex(of: "# ---") else { return 0 }
        return end + 1
    }

    /// A module docstring at the top (sphinx-gallery's title and introduction), dedented.
    private static func docstring(_ lines: [String], from index: inout Int) -> String? {
        var start = index
        while start < lines.count, lines[start].allSatisfy(\.isWhitespace) { start += 1 }
        guard start < lines.count else { return nil }
        let opening = lines[start]
        let quote = opening.hasPrefix("\"\"\"") ? "\"\"\"" : opening.hasPrefix("r\"\"\"") ? "r\"\"\"" : opening.hasPrefix("'''") ? "'''" : nil
        guard let quote else { return nil }
        let close = quote.hasSuffix("'''") ? "'''" : "\"\"\""
        var body: [String] = []
        var rest = String(opening.dropFirst(quote.count))
        var line = start
        while true {
            if let end = rest.firstRange(of: close) {
                body.append(String(rest[..<end.lowerBound]))
                guard rest[end.upperBound...].allSatisfy(\.isWhitespace) else { return nil }
                break
            }
            body.append(rest)
            line += 1
            guard line < lines.count else { return nil }
            rest = lines[line]
        }
        index = line + 1
        while body.first?.allSatisfy(\.isWhitespace) == true { body.removeFirst() }
        while body.last?.allSatisfy(\.isWhitespace) == true { body.removeLast() }
        return body.joined(separator: "\n")
    }

    private static func cells(of chunk: [String], marker: String?, gallery: Bool) -> [NotebookCell] {
        let kind: NotebookCell.Kind
        if let marker, marker.contains("[markdown]") || marker.contains("[md]") {
            kind = .markdown
        } else if let marker, marker.contains("[raw]") {
            kind = .raw
        } else {
            kind = .code
        }
        var lines = trimmed(chunk)
        guard !lines.isEmpty || marker != nil else { return [] }
        switch kind {
        case .markdown:
            return [NotebookCell(kind: .markdown, source: markdown(lines))]
        case .raw:
            return [NotebookCell(kind: .raw, source: markdown(lines))]
        case .code:
            var cells: [NotebookCell] = []
            if gallery, marker != nil {
                let comments = lines.prefix(while: { $0.hasPrefix("#") })
                if !comments.isEmpty {
                    cells.append(NotebookCell(kind: .markdown, source: uncommented(Array(comments))))
                    lines = trimmed(Array(lines.dropFirst(comments.count)))
                }
            }
            if !lines.isEmpty || cells.isEmpty {
                cells.append(NotebookCell(kind: .code, source: lines.joined(separator: "\n")))
            }
            return cells
        }
    }

    /// A Markdown cell's text: `# `-prefixed lines, or one triple-quoted string.
    private static func markdown(_ lines: [String]) -> String {
        if let first = lines.first, let last = lines.last, lines.count >= 2,
           (first == "\"\"\"" && last == "\"\"\"") || (first == "'''" && last == "'''") {
            return lines.dropFirst().dropLast().joined(separator: "\n")
        }
        return uncommented(lines)
    }

    private static func uncommented(_ lines: [String]) -> String {
        lines.map { line in
            if line == "#" { return "" }
            return line.hasPrefix("# ") ? String(line.dropFirst(2)) : line
        }.joined(separator: "\n")
    }

    private static func trimmed(_ lines: [String]) -> [String] {
        var lines = lines[...]
        while lines.first?.allSatisfy(\.isWhitespace) == true { lines = lines.dropFirst() }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines = lines.dropLast() }
        return Array(lines)
    }
}
