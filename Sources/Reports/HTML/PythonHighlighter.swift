import Interpreter

/// Syntax colouring for cell code by the interpreter's own lexer (`SyntaxColoring`): one
/// `<span class="line">` per source line, so long lines can wrap with a marker, and a
/// `<span>` per coloured piece. All text is escaped.
enum PythonHighlighter {
    static func html(_ code: String) -> String {
        var pieces: [[SyntaxColoring.Piece]] = [[]]
        for piece in SyntaxColoring.pieces(code) {
            let parts = piece.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (number, part) in parts.enumerated() {
                if number > 0 { pieces.append([]) }
                if !part.isEmpty { pieces[pieces.count - 1].append(.init(kind: piece.kind, text: String(part))) }
            }
        }
        return Lines.html(pieces.map { line in
            line.map { $0.kind == .plain ? $0.text.htmlEscaped : "<span class=\"\($0.kind.rawValue)\">\($0.text.htmlEscaped)</span>" }.joined()
        })
    }
}

/// Preformatted text as one block `<span class="line">` per line: lines wrap on narrow
/// screens with a marker beside their continuation, and copy back with their line breaks.
enum Lines {
    static func html(_ lines: [String]) -> String {
        lines.map { "<span class=\"line\">\($0)</span>" }.joined()
    }

    static func html(text: String) -> String {
        html(text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).htmlEscaped })
    }
}
