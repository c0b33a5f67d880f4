/// Cell source split into coloured pieces by the interpreter's own lexer, so a handout
/// colours exactly what the interpreter reads: `1e-3` is one number, an f-string one string
/// with its fields marked, `@name` a decorator, `print` a builtin.
public enum SyntaxColoring {
    public enum Kind: String, Sendable {
        case keyword, builtin, string, number, comment, decorator
        /// A `{field}` inside an f-string.
        case field
        /// Anything else (names, operators, spaces): shown plain.
        case plain
    }

    public struct Piece: Sendable, Equatable {
        public var kind: Kind
        public var text: String

        public init(kind: Kind, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// The pieces of `source`, in order; their texts joined give `source` back. Where the
    /// lexer stops at a syntax error, the lines from there on are plain.
    public static func pieces(_ source: String) -> [Piece] {
        let scalars = Array(source.unicodeScalars)
        var lineStarts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { lineStarts.append(index + 1) }
        var tokens: [Token] = []
        var lexedLines = lineStarts.count
        while lexedLines > 0 {
            let end = lexedLines < lineStarts.count ? lineStarts[lexedLines] : scalars.count
            var lexer = Lexer(String(String.UnicodeScalarView(scalars[..<end])), firstLine: 1)
            if let lexed = try? lexer.tokenize() { tokens = lexed; break }
            lexedLines -= 1
        }
        func offset(_ line: Int, _ column: Int) -> Int {
            line - 1 < lineStarts.count ? min(lineStarts[line - 1] + column, scalars.count) : scalars.count
        }

        var pieces: [Piece] = []
        var position = 0
        func emit(_ kind: Kind, upTo end: Int) {
            guard end > position else { return }
            let text = String(String.UnicodeScalarView(scalars[position..<end]))
            if let last = pieces.last, last.kind == kind { pieces[pieces.count - 1].text += text } else { pieces.append(Piece(kind: kind, text: text)) }
            position = end
        }
        /// Text between tokens: spaces, line continuations and comments.
        func gap(upTo end: Int) {
            while position < end {
                if scalars[position] == "#" {
                    var stop = position
                    while stop < end, scalars[stop] != "\n" { stop += 1 }
                    emit(.comment, upTo: stop)
                } else {
                    var stop = position
                    while stop < end, scalars[stop] != "#" { stop += 1 }
                    emit(.plain, upTo: stop)
                }
            }
        }
        var decoratorLine: Int?
        for (index, token) in tokens.enumerated() {
            let start = offset(token.line, token.col)
            guard start >= position else { continue }
            switch token.kind {
            case .newline, .indent, .dedent, .eof:
                continue
            case .name(let name):
                gap(upTo: start)
                let kind: Kind = decoratorLine == token.line ? .decorator
                    : keywords.contains(name) ? .keyword : builtinNames.contains(name) ? .builtin : .plain
                emit(kind, upTo: offset(token.line, token.endCol))
            case .int, .bigInt, .float, .imaginary:
                gap(upTo: start)
                emit(.number, upTo: offset(token.line, token.endCol))
            case .string(let string):
                gap(upTo: start)
                let bodyStart = offset(string.rawLine, string.rawCol)
                let bodyEnd = bodyStart + string.raw.unicodeScalars.count
                let quotes = bodyStart - start - prefixLength(scalars, from: start)
                if string.isFString {
                    var index = bodyStart
                    while index < bodyEnd {
                        guard scalars[index] == "{" else { index += 1; continue }
                        if index + 1 < bodyEnd, scalars[index + 1] == "{" { index += 2; continue }
                        emit(.string, upTo: index)
                        var depth = 0
                        var end = index
                        while end < bodyEnd {
                            if scalars[end] == "{" { depth += 1 }
                            end += 1
                            if scalars[end - 1] == "}" { depth -= 1; if depth == 0 { break } }
                        }
                        emit(.field, upTo: end)
                        index = end
                    }
                }
                emit(.string, upTo: min(bodyEnd + quotes, scalars.count))
            case .op(let text):
                gap(upTo: start)
                let atLineStart = index == 0 || tokens[index - 1].kind == .newline || tokens[index - 1].kind == .indent
                    || tokens[index - 1].kind == .dedent
                if text == "@", atLineStart {
                    decoratorLine = token.line
                    emit(.decorator, upTo: offset(token.line, token.endCol))
                } else {
                    if decoratorLine == token.line, text != "." { decoratorLine = nil }
                    emit(decoratorLine == token.line ? .decorator : .plain, upTo: offset(token.line, token.endCol))
                }
            }
        }
        gap(upTo: lexedLines < lineStarts.count ? lineStarts[lexedLines] : scalars.count)
        emit(.plain, upTo: scalars.count)
        return pieces
    }

    private static func prefixLength(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var length = 0
        while start + length < scalars.count, scalars[start + length] != "\"", scalars[start + length] != "'" { length += 1 }
        return length
    }

    static let keywords: Set<String> = Parser.keywords

    /// The names the interpreter's `builtins` module defines (functions, types, exceptions).
    static let builtinNames: Set<String> = {
        let interpreter = Interpreter()
        return Set(interpreter.builtins.definedNames.map(\.string)).subtracting(Parser.keywords)
    }()
}
