/// Recursive-descent parser for the Python subset; produces statement nodes.
struct Parser {
    var tokens: [Token]
    var pos = 0
    /// Parenthesised expressions by node: the token indexes of their last inner token and
    /// of their `)` (for CPython's operator anchors; see `binarySpan`).
    var groupEnds: [ObjectIdentifier: (inner: Int, close: Int)] = [:]
    let file: String
    let source: SourceText
    var qualnames: [String] = []
    var loopDepth = 0
    var functionDepth = 0
    /// Inside an `except*` block: the loop and function depths at its start, where
    /// `break`, `continue` and `return` would leave it (a SyntaxError, as in CPython).
    var exceptStarDepths: (loop: Int, function: Int)?
    /// The innermost bracket the source never closes (see `parseModule`).
    var unclosedBracket: (bracket: String, line: Int, col: Int)?

    static let keywords: Set<String> = ["False", "None", "True", "and", "as", "assert", "async", "await", "break",
        "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
        "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"]

    init(source text: String, file: String, firstLine: Int) throws {
        var lexer = Lexer(text, firstLine: firstLine)
        tokens = try lexer.tokenize()
        unclosedBracket = lexer.unclosedBracket
        self.file = file
        source = SourceText(text, firstLine: firstLine)
    }

    /// Parses code given to `eval`/`exec`/`compile`: lexed each time (a loop of distinct
    /// strings must not grow a cache), with no source lines for tracebacks, as CPython shows
    /// none for "<string>".
    init(dynamicSource text: String, file: String) throws {
        var lexer = Lexer(text, firstLine: 1)
        tokens = try lexer.tokenize()
        unclosedBracket = lexer.unclosedBracket
        self.file = file
        source = SourceText("", firstLine: Int.max / 2)
    }

    /// Parses a registered source module, whose tokens are lexed once per process.
    init(moduleSource text: String, file: String) throws {
        let lexed = try LexedSources.lexed(text)
        tokens = lexed.tokens
        unclosedBracket = lexed.unclosedBracket
        self.file = file
        source = SourceText(text, firstLine: 1)
    }

    /// Parses a standalone expression (f-string fields).
    init(expressionTokens: [Token], file: String, source: SourceText) {
        tokens = expressionTokens
        self.file = file
        self.source = source
    }

    // MARK: Token helpers

    var tok: Token { tokens[pos] }
    var kind: Token.Kind { tokens[pos].kind }

    func isOp(_ s: String) -> Bool { if case .op(let o) = kind { return o == s }; return false }
    func isKeyword(_ s: String) -> Bool { isKeywordToken(tok, s) }
    func isKeywordToken(_ t: Token, _ s: String) -> Bool { if case .name(let n) = t.kind { return n == s }; return false }
    func peekIsOp(_ s: String, _ o: Int = 1) -> Bool {
        guard pos + o < tokens.count, case .op(let x) = tokens[pos + o].kind else { return false }
        return x == s
    }

    /// The source span from token `start` to the last token consumed.
    func spanFrom(_ start: Token) -> CaretSpan {
        let last = tokens[max(0, pos - 1)]
        return CaretSpan(line: start.line, col: start.col, endLine: last.line, endCol: last.endCol)
    }

    mutating func advance() -> Token { let t = tokens[pos]; if pos < tokens.count - 1 { pos += 1 }; return t }

    mutating func accept(_ s: String) -> Bool {
        if isOp(s) { pos += 1; return true }
        return false
    }
    mutating func acceptKeyword(_ s: String) -> Bool {
        if isKeyword(s) { pos += 1; return true }
        return false
    }

    func error(_ message: String, at t: Token? = nil) -> SyntaxErrorInfo {
        let t = t ?? tok
        return SyntaxErrorInfo(message: message, line: t.line, col: t.col)
    }

    /// CPython's generic message (marking the whole offending token), or a more specific
    /// one for common slips.
    func unexpected() -> SyntaxErrorInfo {
        switch kind {
        case .indent: return SyntaxErrorInfo(message: "unexpected indent", line: tok.line, col: tok.col, typeName: "IndentationError")
        case .newline, .dedent, .eof: return error("invalid syntax")
        default: return SyntaxErrorInfo(message: "invalid syntax", line: tok.line, col: tok.col, endCol: tok.endCol)
        }
    }

    mutating func expect(_ s: String) throws {
        if !accept(s) {
            // CPython says "expected ':'" only where the line ends without one
            // (`if x`); `while True print(1)` is plain invalid syntax at `print`.
            if s == ":" , case .newline = kind { throw error("expected ':'") }
            throw unexpected()
        }
    }

    mutating func expectKeyword(_ s: String) throws { if !acceptKeyword(s) { throw unexpected() } }

    mutating func identifier() throws -> String {
        if case .name(let n) = kind, !Parser.keywords.contains(n) { pos += 1; return n }
        throw unexpected()
    }

    var isIdentifier: Bool {
        if case .name(let n) = kind { return !Parser.keywords.contains(n) }
        return false
    }

    // MARK: Statements

    /// Parses the whole source. When it has an unclosed bracket, a generic error at the end
    /// of the source or on a later line than the bracket blames the bracket instead, as
    /// CPython does (`x = (1,` then `y = 2`: `'(' was never closed`).
    mutating func parseModule() throws -> [Stmt] {
        do {
            var body: [Stmt] = []
            while true {
                if case .eof = kind { break }
                if case .newline = kind { pos += 1; continue }
                body.append(contentsOf: try statement())
            }
            return body
        } catch let e as SyntaxErrorInfo {
            guard let open = unclosedBracket, e.message == "invalid syntax" else { throw e }
            let atEnd = tokens[pos...].allSatisfy { token in
                switch token.kind {
                case .newline, .dedent, .eof: true
                default: false
                }
            }
            guard atEnd || e.line > open.line else { throw e }
            throw SyntaxErrorInfo(message: "'\(open.bracket)' was never closed", line: open.line, col: open.col)
        }
    }

    mutating func statement() throws -> [Stmt] {
        if case .indent = kind { throw unexpected() }
        if case .name(let n) = kind {
            switch n {
            case "if": return [try ifStatement()]
            case "while": return [try whileStatement()]
            case "for": return [try forStatement()]
            case "try": return [try tryStatement()]
            case "with": return [try withStatement()]
            case "def": return [try functionDef(decorators: [])]
            case "class": return [try classDef(decorators: [])]
            case "match": if let m = try matchStatement() { return [m] }
            default: break
            }
        }
        if isOp("@") { return [try decorated()] }
        return try simpleStatements()
    }

    mutating func simpleStatements() throws -> [Stmt] {
        var out = [try smallStatement()]
        while accept(";") {
            if case .newline = kind { break }
            out.append(try smallStatement())
        }
        guard case .newline = kind else {
            if let statement = out.last as? ExprStmt, let name = statement.value as? NameExpr,
               name.name.string == "print" || name.name.string == "exec" {
                throw missingParentheses(name)
            }
            throw unexpected()
        }
        pos += 1
        return out
    }

    /// The header of a suite whose keyword sits on the line of the `:` just consumed.
    var colonHeader: Int { tokens[max(0, pos - 1)].line }

    /// Python 2's `print "x"`: CPython marks from the name to the end of the statement.
    func missingParentheses(_ name: NameExpr) -> SyntaxErrorInfo {
        var end = pos
        while end < tokens.count - 1, tokens[end].kind != .newline, tokens[end].line == name.line { end += 1 }
        let last = tokens[max(pos, end - 1)]
        let word = name.name.string
        return SyntaxErrorInfo(message: "Missing parentheses in call to '\(word)'. Did you mean \(word)(...)?",
                               line: name.line, col: name.col, endCol: last.line == name.line ? last.endCol : nil)
    }

    /// A suite after a `:`. `header` names what it belongs to, for CPython's message
    /// `expected an indented block after 'if' statement on line 3`.
    mutating func block(after header: (what: String, line: Int)? = nil) throws -> [Stmt] {
        if case .newline = kind {
            pos += 1
            guard case .indent = kind else {
                let message = header.map { "expected an indented block after \($0.what) on line \($0.line)" }
                throw SyntaxErrorInfo(message: message ?? "expected an indented block", line: tok.line, col: tok.col, typeName: "IndentationError")
            }
            pos += 1
            var body: [Stmt] = []
            while true {
                if case .dedent = kind { pos += 1; break }
                if case .eof = kind { break }
                body.append(contentsOf: try statement())
            }
            return body
        }
        return try simpleStatements()
    }

    mutating func smallStatement() throws -> Stmt {
        let t = tok
        if case .name(let n) = kind {
            if let d = exceptStarDepths,
               (n == "return" && functionDepth == d.function) || ((n == "break" || n == "continue") && loopDepth == d.loop) {
                throw error("'break', 'continue' and 'return' cannot appear in an except* block")
            }
            switch n {
            case "pass": pos += 1; return PassStmt(line: t.line, col: t.col)
            case "break":
                if loopDepth == 0 { throw error("'break' outside loop") }
                pos += 1; return BreakStmt(line: t.line, col: t.col)
            case "continue":
                if loopDepth == 0 { throw error("'continue' not properly in loop") }
                pos += 1; return ContinueStmt(line: t.line, col: t.col)
            case "return":
                if functionDepth == 0 { throw error("'return' outside function") }
                pos += 1
                let v = atStatementEnd ? nil : try testListStar()
                return ReturnStmt(v, line: t.line, col: t.col)
            case "raise":
                pos += 1
                if atStatementEnd { return RaiseStmt(exception: nil, cause: nil, line: t.line, col: t.col) }
                let e = try test()
                let c = acceptKeyword("from") ? try test() : nil
                let r = RaiseStmt(exception: e, cause: c, line: t.line, col: t.col)
                r.span = spanFrom(t)
                return r
            case "global", "nonlocal":
                pos += 1
                var names = [try identifier()]
                while accept(",") { names.append(try identifier()) }
                return GlobalStmt(names, isNonlocal: n == "nonlocal", line: t.line, col: t.col)
            case "del":
                pos += 1
                var targets = [try expr()]
                while accept(",") { if atStatementEnd { break }; targets.append(try expr()) }
                for x in targets where !x.isTarget { throw error("cannot delete \(x.kindDescription)", at: t) }
                return DeleteStmt(targets, line: t.line, col: t.col)
            case "assert":
                pos += 1
                let testStart = tok
                let e = try test()
                let testSpan = spanFrom(testStart)
                let m = accept(",") ? try test() : nil
                let a = AssertStmt(test: e, message: m, line: t.line, col: t.col)
                a.span = testSpan
                return a
            case "import": return try importStatement()
            case "from": return try fromImport()
            default: break
            }
        }
        return try expressionStatement()
    }

    var atStatementEnd: Bool {
        if case .newline = kind { return true }
        return isOp(";")
    }

    mutating func expressionStatement() throws -> Stmt {
        let t = tok
        let first = isKeyword("yield") ? try yieldExpression() : try testListStar()
        if case .op(let o) = kind, let op = BinaryOp.augmented[o] {
            pos += 1
            guard first is NameExpr || first is AttributeExpr || first is SubscriptExpr else {
                throw error("'\(first.kindDescription)' is an illegal expression for augmented assignment", at: t)
            }
            let v = isKeyword("yield") ? try yieldExpression() : try testListStar()
            return AugAssignStmt(target: first, op: op, value: v, line: t.line, col: t.col)
        }
        if isOp(":") {
            pos += 1
            let annotation = try test()
            let v = accept("=") ? (isKeyword("yield") ? try yieldExpression() : try testListStar()) : nil
            return AnnAssignStmt(target: first, annotation: annotation, value: v, line: t.line, col: t.col)
        }
        if isOp("=") {
            var targets = [first]
            var value = first
            while accept("=") {
                value = isKeyword("yield") ? try yieldExpression() : try testListStar()
                targets.append(value)
            }
            targets.removeLast()
            for x in targets where !x.isTarget {
                let d = x.kindDescription
                throw error(d == "literal" ? "cannot assign to literal here. Maybe you meant '==' instead of '='?" : "cannot assign to \(d) here. Maybe you meant '==' instead of '='?", at: Token(kind: .eof, line: x.line, col: x.col, endCol: x.col))
            }
            return AssignStmt(targets: targets, value: value, line: t.line, col: t.col)
        }
        return ExprStmt(first, line: t.line, col: t.col)
    }

    mutating func dottedName() throws -> String {
        var s = try identifier()
        while accept(".") { s += "." + (try identifier()) }
        return s
    }

    mutating func importStatement() throws -> Stmt {
        let t = advance()
        var mods: [(path: String, alias: String?)] = []
        repeat {
            let p = try dottedName()
            let a = acceptKeyword("as") ? try identifier() : nil
            mods.append((p, a))
        } while accept(",")
        return ImportStmt(mods, line: t.line, col: t.col)
    }

    mutating func fromImport() throws -> Stmt {
        let t = advance()
        var level = 0
        while true {
            if accept(".") { level += 1 } else if accept("...") { level += 3 } else { break }
        }
        let m = level > 0 && isKeyword("import") ? "" : try dottedName()
        try expectKeyword("import")
        if accept("*") { return ImportFromStmt(module: m, level: level, names: [], line: t.line, col: t.col) }
        let paren = accept("(")
        var names: [(name: String, alias: String?)] = []
        repeat {
            if paren && isOp(")") { break }
            let n = try identifier()
            let a = acceptKeyword("as") ? try identifier() : nil
            names.append((n, a))
        } while accept(",")
        if paren { try expect(")") }
        return ImportFromStmt(module: m, level: level, names: names, line: t.line, col: t.col)
    }

    mutating func ifStatement() throws -> Stmt {
        let t = advance()
        let cond = try namedExpressionTest()
        try expect(":")
        let keyword = isKeywordToken(t, "elif") ? "'elif' statement" : "'if' statement"
        let body = try block(after: (keyword, t.line))
        var orElse: [Stmt] = []
        if isKeyword("elif") {
            orElse = [try ifStatement()]
        } else if acceptKeyword("else") {
            try expect(":")
            orElse = try block(after: ("'else' statement", colonHeader))
        }
        return IfStmt(test: cond, body: body, orElse: orElse, line: t.line, col: t.col)
    }

    mutating func whileStatement() throws -> Stmt {
        let t = advance()
        let cond = try namedExpressionTest()
        try expect(":")
        loopDepth += 1
        let body = try block(after: ("'while' statement", t.line))
        loopDepth -= 1
        var orElse: [Stmt] = []
        if acceptKeyword("else") { try expect(":"); orElse = try block(after: ("'else' statement", colonHeader)) }
        return WhileStmt(test: cond, body: body, orElse: orElse, line: t.line, col: t.col)
    }

    mutating func forStatement() throws -> Stmt {
        let t = advance()
        let target = try targetList()
        try expectKeyword("in")
        let iter = try testListStar()
        try expect(":")
        loopDepth += 1
        let body = try block(after: ("'for' statement", t.line))
        loopDepth -= 1
        var orElse: [Stmt] = []
        if acceptKeyword("else") { try expect(":"); orElse = try block(after: ("'else' statement", colonHeader)) }
        return ForStmt(target: target, iterable: iter, body: body, orElse: orElse, line: t.line, col: t.col)
    }

    mutating func tryStatement() throws -> Stmt {
        let t = advance()
        try expect(":")
        let body = try block(after: ("'try' statement", t.line))
        var handlers: [ExceptHandler] = []
        var star: Bool?
        while isKeyword("except") {
            let h = advance()
            let isStar = accept("*")
            if let s = star, s != isStar { throw error("cannot have both 'except' and 'except*' on the same 'try'", at: h) }
            star = isStar
            if isStar && isOp(":") { throw error("expected one or more exception types") }
            var type: Expr?
            var name: NameExpr?
            if !isOp(":") {
                type = try test()
                if isOp(",") {
                    var items = [type!]
                    while accept(",") { items.append(try test()) }
                    type = TupleExpr(items, line: h.line, col: h.col)
                }
                if acceptKeyword("as") {
                    let nt = tok
                    name = NameExpr(Name(try identifier()), line: nt.line, col: nt.col)
                }
            }
            try expect(":")
            let savedStar = exceptStarDepths
            if isStar { exceptStarDepths = (loopDepth, functionDepth) }
            let body = try block(after: (isStar ? "'except*' statement" : "'except' statement", h.line))
            exceptStarDepths = savedStar
            handlers.append(ExceptHandler(type: type, name: name, body: body, line: h.line))
        }
        var orElse: [Stmt] = []
        var finalBody: [Stmt] = []
        if !handlers.isEmpty, acceptKeyword("else") { try expect(":"); orElse = try block(after: ("'else' statement", colonHeader)) }
        if acceptKeyword("finally") { try expect(":"); finalBody = try block(after: ("'finally' statement", colonHeader)) }
        if handlers.isEmpty && finalBody.isEmpty { throw error("expected 'except' or 'finally' block") }
        let stmt = TryStmt(body: body, handlers: handlers, orElse: orElse, finalBody: finalBody, line: t.line, col: t.col)
        stmt.isStar = star ?? false
        return stmt
    }

    mutating func withStatement() throws -> Stmt {
        let t = advance()
        var items: [(context: Expr, target: Expr?)] = []
        let paren = isOp("(") && parenthesizedWithItems()
        if paren { pos += 1 }
        repeat {
            if paren && isOp(")") { break }
            let c = try test()
            let target = acceptKeyword("as") ? try target() : nil
            items.append((c, target))
        } while accept(",")
        if paren { try expect(")") }
        try expect(":")
        return WithStmt(items: items, body: try block(after: ("'with' statement", t.line)), line: t.line, col: t.col)
    }

    /// `with (a as b, c as d):` — a parenthesized item list rather than a parenthesized expression.
    func parenthesizedWithItems() -> Bool {
        var depth = 0
        var i = pos
        while i < tokens.count {
            if case .op(let o) = tokens[i].kind {
                if o == "(" || o == "[" || o == "{" { depth += 1 }
                if o == ")" || o == "]" || o == "}" { depth -= 1; if depth == 0 { return i + 1 < tokens.count && tokens[i + 1].kind == .op(":") && containsAs(pos, i) } }
            }
            i += 1
        }
        return false
    }
    private func containsAs(_ a: Int, _ b: Int) -> Bool {
        tokens[a...b].contains { $0.kind == .name("as") }
    }

    mutating func target() throws -> Expr {
        let e = try expr()
        if !e.isTarget { throw error("cannot assign to \(e.kindDescription)") }
        return e
    }

    mutating func decorated() throws -> Stmt {
        var decos: [Expr] = []
        while accept("@") {
            decos.append(try namedExpressionTest())
            guard case .newline = kind else { throw unexpected() }
            pos += 1
        }
        if isKeyword("def") { return try functionDef(decorators: decos) }
        if isKeyword("class") { return try classDef(decorators: decos) }
        throw unexpected()
    }

    var qualPrefix: String { qualnames.isEmpty ? "" : qualnames.joined(separator: ".") + "." }

    mutating func functionDef(decorators: [Expr]) throws -> Stmt {
        let t = advance()
        let name = try identifier()
        try expect("(")
        let params = try parameters(closing: ")", annotations: true)
        try expect(")")
        var returns: Expr?
        if accept("->") { returns = try test() }
        try expect(":")
        let code = FunctionCode(name: name, qualname: qualPrefix + name, file: file, source: source, defLine: t.line)
        qualnames.append(name); qualnames.append("<locals>")
        let savedLoop = loopDepth, savedStar = exceptStarDepths
        loopDepth = 0; exceptStarDepths = nil
        functionDepth += 1
        let body = try block(after: ("function definition", t.line))
        functionDepth -= 1
        loopDepth = savedLoop; exceptStarDepths = savedStar
        qualnames.removeLast(2)
        let builder = FunctionBuilder(code: code, parameters: params, body: body, lambdaBody: nil)
        builder.returnAnnotation = returns
        return FunctionDefStmt(name: name, builder: builder, decorators: decorators, line: t.line, col: t.col)
    }

    mutating func parameters(closing: String, annotations: Bool) throws -> [Parameter] {
        var params: [Parameter] = []
        var sawStar = false
        var sawDefault = false
        while !isOp(closing) {
            if isOp("/") {
                let slash = advance()
                if sawStar || params.contains(where: { $0.kind != .positional }) {
                    throw error("/ must be ahead of *", at: slash)
                }
                if params.isEmpty { throw error("at least one argument must precede /", at: slash) }
                if params.contains(where: { $0.positionalOnly }) { throw error("/ may appear only once", at: slash) }
                for k in params.indices { params[k].positionalOnly = true }
                if !accept(",") { break }
                continue
            }
            if accept("**") {
                params.append(Parameter(name: try identifier(), kind: .kwargs, defaultValue: nil))
                if annotations && accept(":") { params[params.count - 1].annotation = try test() }
            } else if accept("*") {
                sawStar = true
                if isIdentifier {
                    params.append(Parameter(name: try identifier(), kind: .varargs, defaultValue: nil))
                    if annotations && accept(":") { params[params.count - 1].annotation = try test() }
                }
            } else {
                let nt = tok
                let n = try identifier()
                if params.contains(where: { $0.name == n }) {
                    throw error("duplicate argument '\(n)' in function definition", at: nt)
                }
                var ann: Expr?
                if annotations && accept(":") { ann = try test() }
                var d: Expr?
                if accept("=") { d = try test(); if !sawStar { sawDefault = true } }
                else if sawDefault && !sawStar { throw error("non-default argument follows default argument", at: nt) }
                params.append(Parameter(name: n, kind: sawStar ? .keywordOnly : .positional, defaultValue: d, annotation: ann))
            }
            if !accept(",") { break }
        }
        return params
    }

    mutating func classDef(decorators: [Expr]) throws -> Stmt {
        let t = advance()
        let name = try identifier()
        var bases: [Expr] = []
        var keywords: [(name: Name?, value: Expr)] = []
        if accept("(") {
            let (a, k) = try callArguments()
            bases = a; keywords = k
            try expect(")")
        }
        try expect(":")
        let code = ClassCode(name: name, qualname: qualPrefix + name, file: file, source: source)
        qualnames.append(name)
        let savedLoop = loopDepth, savedFn = functionDepth, savedStar = exceptStarDepths
        loopDepth = 0; functionDepth = 0; exceptStarDepths = nil
        code.body = try block(after: ("class definition", t.line))
        loopDepth = savedLoop; functionDepth = savedFn; exceptStarDepths = savedStar
        qualnames.removeLast()
        return ClassDefStmt(name: name, bases: bases, keywords: keywords, decorators: decorators, code: code, line: t.line, col: t.col)
    }
}
