/// A ```` ```python ```` block inside a notebook's Markdown cell is an example to read, but
/// in a lesson it would be a cell to run (and an ```` ```output ```` block would be the
/// output of the cell before). Import renames their info word to `python-example`
/// (`py-example`, `output-example`); export renames it back (in any lesson: in a notebook
/// such a block is Markdown again).
enum ExampleFences {
    static let languages: Set<String> = ["python", "py", "output"]
    static let suffix = "-example"

    static func escape(_ markdown: String) -> String {
        rewrite(markdown) { languages.contains($0) ? $0 + suffix : nil }
    }

    static func unescape(_ markdown: String) -> String {
        rewrite(markdown) { word in
            guard word.hasSuffix(suffix) else { return nil }
            let base = String(word.dropLast(suffix.count))
            return languages.contains(base) ? base : nil
        }
    }

    /// Replaces the info string's first word of every line that opens a fence, when
    /// `replacement` gives one.
    private static func rewrite(_ text: String, _ replacement: (String) -> String?) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            // Block quote markers, list markers and indentation may come before the fence.
            guard let start = line.firstIndex(where: { $0 == "`" || $0 == "~" }),
                  line[..<start].allSatisfy({ " \t>-*+.)0123456789".contains($0) }) else { return String(line) }
            let fence = line[start...].prefix(while: { $0 == line[start] })
            guard fence.count >= 3 else { return String(line) }
            let afterFence = line[fence.endIndex...]
            let wordStart = afterFence.firstIndex(where: { $0 != " " && $0 != "\t" }) ?? afterFence.endIndex
            let word = afterFence[wordStart...].prefix(while: { $0 != " " && $0 != "\t" })
            guard let renamed = replacement(String(word)) else { return String(line) }
            return String(line[..<word.startIndex]) + renamed + line[word.endIndex...]
        }
        return lines.joined(separator: "\n")
    }
}
