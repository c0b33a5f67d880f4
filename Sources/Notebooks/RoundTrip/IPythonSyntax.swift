/// IPython's additions to Python that the lesson interpreter does not run: line magics
/// (`%matplotlib inline`), cell magics (`%%time`) and shell escapes (`!pip install`).
/// Import comments them out, keeping their indentation; export uncomments them again.
public enum IPythonSyntax {
    /// How a cell was commented out.
    public enum Commenting: String, Sendable {
        /// Only the magic and shell lines: the rest is Python.
        case lines
        /// Every line: the cell magic (`%%bash`, `%%writefile`) makes its body something else than Python.
        case cell
    }

    /// Cell magics whose body is still Python: only their first line is commented out.
    static let pythonCellMagics: Set<String> = ["time", "timeit", "capture", "prun"]

    /// The cell's source with IPython syntax commented out, how, and the lines it touched.
    static func commentOut(_ source: String) -> (source: String, commenting: Commenting?, lines: [String]) {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first(where: { !$0.allSatisfy(\.isWhitespace) }), first.hasPrefix("%%") {
            let name = first.dropFirst(2).prefix(while: { !$0.isWhitespace })
            if !pythonCellMagics.contains(String(name)) {
                let commented = lines.map(comment).joined(separator: "\n")
                return (commented, .cell, [first])
            }
        }
        var touched: [String] = []
        var inString: String?
        for index in lines.indices {
            let line = lines[index]
            if inString == nil {
                let body = line.drop(while: { $0 == " " || $0 == "\t" })
                if body.hasPrefix("%") || body.hasPrefix("!") {
                    touched.append(String(body))
                    lines[index] = String(line.prefix(line.count - body.count)) + "# " + body
                    continue
                }
            }
            inString = tripleQuoteState(after: line, startingIn: inString)
        }
        return (lines.joined(separator: "\n"), touched.isEmpty ? nil : .lines, touched)
    }

    /// Undoes `commentOut` on text that went through it.
    static func uncomment(_ source: String, _ commenting: Commenting) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            switch commenting {
            case .cell:
                if line == "#" { return "" }
                return line.hasPrefix("# ") ? String(line.dropFirst(2)) : String(line)
            case .lines:
                let body = line.drop(while: { $0 == " " || $0 == "\t" })
                guard body.hasPrefix("# %") || body.hasPrefix("# !") else { return String(line) }
                return String(line.prefix(line.count - body.count)) + body.dropFirst(2)
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func comment(_ line: String) -> String {
        line.isEmpty ? "#" : "# " + line
    }

    /// Whether a line ends inside a triple-quoted string (a `%` line there is text, not a magic).
    private static func tripleQuoteState(after line: String, startingIn open: String?) -> String? {
        var open = open
        var rest = Substring(line)
        while !rest.isEmpty {
            if let quote = open {
                guard let end = rest.firstRange(of: quote) else { return quote }
                rest = rest[end.upperBound...]
                open = nil
            } else {
                let double = rest.firstRange(of: "\"\"\""), single = rest.firstRange(of: "'''")
                let hash = rest.firstIndex(of: "#")
                guard let first = [double, single].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
                if let hash, hash < first.lowerBound { return nil }
                open = String(rest[first])
                rest = rest[first.upperBound...]
            }
        }
        return open
    }
}
