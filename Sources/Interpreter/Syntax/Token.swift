/// A lexical token with its position (file line, 0-based column).
struct Token {
    enum Kind: Equatable {
        case name(String)
        case int(Int)
        /// An integer literal beyond 64 bits.
        case bigInt(BigInt)
        case float(Double)
        /// An imaginary literal (`2j`): its imaginary part.
        case imaginary(Double)
        case string(StringToken)
        case op(String)
        case newline
        case indent
        case dedent
        case eof
    }
    let kind: Kind
    let line: Int
    let col: Int
    let endCol: Int
}

/// A string literal as written. f-strings keep their raw body for the parser to split.
struct StringToken: Equatable {
    var value: String
    var isFString: Bool
    var isRaw: Bool
    var isBytes: Bool
    /// For f-strings: the body between the quotes, unprocessed, and where it starts.
    var raw: String
    var rawLine: Int
    var rawCol: Int
}

/// A syntax error found while lexing or parsing, at a file position (column 0-based).
struct SyntaxErrorInfo: Error {
    let message: String
    let line: Int
    let col: Int
    var typeName = "SyntaxError"
    /// Where CPython's `^^^` marker ends (exclusive, 0-based); nil for a single `^`.
    var endCol: Int? = nil
}
