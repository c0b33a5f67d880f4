/// The token streams of the registered source modules (`collections`, `torch.nn`, ...),
/// lexed once per process. A worker runs lesson after lesson, each in a fresh interpreter
/// that imports the same modules again; lexing their sources was a fifth of a small lesson's
/// CPU. Tokens are values, so each session still parses and resolves its own tree from the
/// shared array (a resolved tree holds one session's globals and cannot be shared).
enum LexedSources {
    struct Lexed {
        var tokens: [Token]
        var unclosedBracket: (bracket: String, line: Int, col: Int)?
    }

    private static let lock = PThreadLock()
    nonisolated(unsafe) private static var cache: [String: Lexed] = [:]

    /// The tokens of `text` (first line 1); a source that does not lex throws every time.
    static func lexed(_ text: String) throws -> Lexed {
        lock.lock()
        let cached = cache[text]
        lock.unlock()
        if let cached { return cached }
        var lexer = Lexer(text, firstLine: 1)
        let lexed = Lexed(tokens: try lexer.tokenize(), unclosedBracket: lexer.unclosedBracket)
        lock.lock()
        cache[text] = lexed
        lock.unlock()
        return lexed
    }
}
