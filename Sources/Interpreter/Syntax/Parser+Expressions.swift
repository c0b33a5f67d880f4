extension Parser {
    /// `a, *b, c` in statement position; a single item without a comma is itself.
    mutating func testListStar() throws -> Expr {
        let t = tok
        let first = isOp("*") ? try starred() : try namedExpressionTest()
        if !isOp(",") { return first }
        var items = [first]
        while accept(",") {
            if atExpressionListEnd { break }
            items.append(isOp("*") ? try starred() : try namedExpressionTest())
        }
        let tuple = TupleExpr(items, line: t.line, col: t.col)
        tuple.span = spanFrom(t)
        return tuple
    }

    var atExpressionListEnd: Bool {
        switch kind {
        case .newline, .eof: return true
        case .op(let o): return [")", "]", "}", "=", ";", ":"].contains(o) || BinaryOp.augmented[o] != nil
        case .name(let n): return n == "in"
        default: return false
        }
    }

    mutating func starred() throws -> Expr {
        let t = advance()
        return StarredExpr(try expr(), line: t.line, col: t.col)
    }

    /// `for` targets: bitwise-or level expressions, so `in` is not consumed.
    mutating func targetList() throws -> Expr {
        let t = tok
        let first = isOp("*") ? try starred() : try expr()
        var items = [first]
        var isTuple = false
        while accept(",") {
            isTuple = true
            if isKeyword("in") || isOp("=") { break }
            items.append(isOp("*") ? try starred() : try expr())
        }
        for x in items where !x.isTarget { throw error("cannot assign to \(x.kindDescription)", at: t) }
        guard isTuple else { return first }
        let tuple = TupleExpr(items, line: t.line, col: t.col)
        tuple.span = spanFrom(t)
        return tuple
    }

    mutating func namedExpressionTest() throws -> Expr {
        let t = tok
        let e = try test()
        if isOp(":=") {
            guard let n = e as? NameExpr else { throw error("cannot use assignment expressions with \(e.kindDescription)", at: t) }
            pos += 1
            return NamedExpr(n, try test(), line: t.line, col: t.col)
        }
        return e
    }

    mutating func test() throws -> Expr {
        if isKeyword("lambda") { return try lambda() }
        let t = tok
        let e = try orTest()
        if acceptKeyword("if") {
            let cond = try orTest()
            try expectKeyword("else")
            let other = try test()
            return IfExpr(test: cond, body: e, orElse: other, line: t.line, col: t.col)
        }
        return e
    }

    mutating func lambda() throws -> Expr {
        let t = advance()
        let params = try parameters(closing: ":", annotations: false)
        try expect(":")
        let code = FunctionCode(name: "<lambda>", qualname: qualPrefix + "<lambda>", file: file, source: source, defLine: t.line)
        functionDepth += 1
        qualnames.append("<lambda>"); qualnames.append("<locals>")
        let body = try test()
        qualnames.removeLast(2)
        functionDepth -= 1
        let builder = FunctionBuilder(code: code, parameters: params, body: [ReturnStmt(body, line: body.line, col: body.col)], lambdaBody: body)
        return LambdaExpr(builder, line: t.line, col: t.col)
    }

    mutating func orTest() throws -> Expr {
        let t = tok
        let first = try andTest()
        guard isKeyword("or") else { return first }
        var items = [first]
        while acceptKeyword("or") { items.append(try andTest()) }
        return BoolOpExpr(isAnd: false, items, line: t.line, col: t.col)
    }

    mutating func andTest() throws -> Expr {
        let t = tok
        let first = try notTest()
        guard isKeyword("and") else { return first }
        var items = [first]
        while acceptKeyword("and") { items.append(try notTest()) }
        return BoolOpExpr(isAnd: true, items, line: t.line, col: t.col)
    }

    mutating func notTest() throws -> Expr {
        if isKeyword("not") {
            let t = advance()
            let u = UnaryExpr(.not, try notTest(), line: t.line, col: t.col)
            u.span = spanFrom(t)
            return u
        }
        return try comparison()
    }

    mutating func compareOp() -> CompareOp? {
        switch kind {
        case .op(let o):
            let op: CompareOp?
            switch o {
            case "<": op = .lt
            case ">": op = .gt
            case "==": op = .eq
            case ">=": op = .ge
            case "<=": op = .le
            case "!=": op = .ne
            default: op = nil
            }
            if op != nil { pos += 1 }
            return op
        case .name("in"): pos += 1; return .in
        case .name("not"):
            if pos + 1 < tokens.count, tokens[pos + 1].kind == .name("in") { pos += 2; return .notIn }
            return nil
        case .name("is"):
            pos += 1
            if acceptKeyword("not") { return .isNot }
            return .is
        default: return nil
        }
    }

    mutating func comparison() throws -> Expr {
        let t = tok
        let first = try expr()
        var ops: [CompareOp] = []
        var rest: [Expr] = []
        while let op = compareOp() {
            ops.append(op)
            rest.append(try expr())
        }
        if ops.isEmpty { return first }
        let c = CompareExpr(first, ops, rest, line: t.line, col: t.col)
        c.span = spanFrom(t)
        return c
    }

    private mutating func binaryLevel(_ ops: [String: BinaryOp], _ next: (inout Parser) throws -> Expr) throws -> Expr {
        let start = tok
        var e = try next(&self)
        while case .op(let o) = kind, let op = ops[o] {
            let leftEnd = leftOperandEnd(e)
            let opIndex = pos
            let t = advance()
            let b = BinaryExpr(op, e, try next(&self), line: t.line, col: t.col)
            b.span = binarySpan(start, leftEnd, opIndex)
            e = b
        }
        return e
    }

    // Operator tables of each precedence level, built once: as literals inside the parse
    // functions they were rebuilt for every expression parsed.
    private static let orOps: [String: BinaryOp] = ["|": .or]
    private static let xorOps: [String: BinaryOp] = ["^": .xor]
    private static let andOps: [String: BinaryOp] = ["&": .and]
    private static let shiftOps: [String: BinaryOp] = ["<<": .lshift, ">>": .rshift]
    private static let arithOps: [String: BinaryOp] = ["+": .add, "-": .sub]
    private static let termOps: [String: BinaryOp] = ["*": .mul, "/": .truediv, "//": .floordiv, "%": .mod, "@": .matmul]

    mutating func expr() throws -> Expr { try binaryLevel(Self.orOps) { try $0.xorExpr() } }
    mutating func xorExpr() throws -> Expr { try binaryLevel(Self.xorOps) { try $0.andExpr() } }
    mutating func andExpr() throws -> Expr { try binaryLevel(Self.andOps) { try $0.shiftExpr() } }
    mutating func shiftExpr() throws -> Expr { try binaryLevel(Self.shiftOps) { try $0.arithExpr() } }
    mutating func arithExpr() throws -> Expr { try binaryLevel(Self.arithOps) { try $0.term() } }
    mutating func term() throws -> Expr {
        try binaryLevel(Self.termOps) { try $0.factor() }
    }

    mutating func factor() throws -> Expr {
        if case .op(let o) = kind, o == "-" || o == "+" || o == "~" {
            let t = advance()
            let operand = try factor()
            if o == "-", let c = operand as? ConstantExpr {
                if case .int(let i) = c.value { return ConstantExpr(.int(-i), line: t.line, col: t.col) }
                if case .float(let d) = c.value { return ConstantExpr(.float(-d), line: t.line, col: t.col) }
            }
            let u = UnaryExpr(o == "-" ? .neg : o == "+" ? .pos : .invert, operand, line: t.line, col: t.col)
            u.span = spanFrom(t)
            return u
        }
        return try power()
    }

    mutating func power() throws -> Expr {
        let start = tok
        let e = try primary()
        if isOp("**") {
            let leftEnd = leftOperandEnd(e)
            let opIndex = pos
            let t = advance()
            let b = BinaryExpr(.pow, e, try factor(), line: t.line, col: t.col)
            b.span = binarySpan(start, leftEnd, opIndex)
            return b
        }
        return e
    }

    /// A binary operation's span, with the operator as CPython 3.11's traceback anchors it:
    /// the first character after the left operand's own end that is not a space (for a
    /// parenthesised left operand, `(a + b) * c`, that is its `)`), two wide when the next
    /// character is not a space either and comes before the right operand (`**`, `//`,
    /// `)*` in `(a+b)*c`, `))` in `((a+2)) - x`).
    /// The token index where a left operand ends: inside its parentheses when it is a
    /// parenthesised expression (CPython's node excludes them), else the last token read.
    func leftOperandEnd(_ e: Expr) -> Int {
        if let g = groupEnds[ObjectIdentifier(e)], g.close == pos - 1 { return g.inner }
        return pos - 1
    }

    /// Records that `e` was just closed by a `)` of a parenthesised group (the innermost
    /// group's inner end is kept for `((e))`).
    mutating func noteGroup(_ e: Expr) {
        let key = ObjectIdentifier(e)
        if let g = groupEnds[key], g.close == pos - 2 { groupEnds[key] = (g.inner, pos - 1); return }
        groupEnds[key] = (pos - 2, pos - 1)
    }

    func binarySpan(_ start: Token, _ leftEnd: Int, _ opIndex: Int) -> CaretSpan {
        var s = spanFrom(start)
        let anchor = tokens[leftEnd + 1], op = tokens[opIndex]
        guard tokens[leftEnd].line == op.line, anchor.line == op.line else { return s }
        let rightStart = tokens[min(tokens.count - 1, opIndex + 1)]
        var w = 1
        if anchor.endCol - anchor.col > 1 {
            w = 2
        } else if leftEnd + 2 < tokens.count {
            let after = tokens[leftEnd + 2]
            if after.line == anchor.line, after.col == anchor.endCol,
               !(rightStart.line == after.line && rightStart.col <= after.col) { w = 2 }
        }
        s.anchors = (anchor.col, anchor.col + w)
        return s
    }

    mutating func primary() throws -> Expr {
        let start = tok
        var e = try atom()
        while true {
            let t = tok
            if accept(".") {
                let n = try identifier()
                let a = AttributeExpr(e, Name(n), line: e.line, col: e.col)
                a.span = spanFrom(start)
                e = a
                _ = t
            } else if accept("(") {
                let (args, kws) = try callArguments()
                try expect(")")
                // `f(x for x in xs)`: the generator expression's parentheses are the call's.
                if args.count == 1, let g = args[0] as? ComprehensionExpr, g.span == nil { g.span = spanFrom(t) }
                let c = CallExpr(e, args: args, keywords: kws, line: e.line, col: e.col)
                c.span = spanFrom(start)
                e = c
            } else if accept("[") {
                let valueEnd = tokens[pos - 2]
                let index = try subscriptList()
                let indexEnd = tokens[pos - 1]
                try expect("]")
                let sub = SubscriptExpr(e, index, line: e.line, col: e.col)
                var s = spanFrom(start)
                if valueEnd.line == indexEnd.line { s.anchors = (valueEnd.endCol, indexEnd.endCol + 1) }
                sub.span = s
                e = sub
            } else {
                return e
            }
        }
    }

    mutating func callArguments() throws -> ([Expr], [(name: Name?, value: Expr)]) {
        var args: [Expr] = []
        var kws: [(name: Name?, value: Expr)] = []
        while !isOp(")") {
            let t = tok
            if accept("**") {
                kws.append((nil, try test()))
            } else if accept("*") {
                args.append(StarredExpr(try test(), line: t.line, col: t.col))
            } else if isIdentifier && peekIsOp("=") {
                let n = try identifier()
                pos += 1
                if kws.contains(where: { $0.name?.string == n }) { throw error("keyword argument repeated: \(n)", at: t) }
                kws.append((Name(n), try test()))
            } else {
                let e = try namedExpressionTest()
                if isKeyword("for") {
                    let g = try comprehension(kind: .generator, element: e, value: nil, start: t)
                    args.append(g)
                } else {
                    if !kws.isEmpty {
                        throw error(kws.contains { $0.name == nil } ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument", at: t)
                    }
                    args.append(e)
                }
            }
            if !accept(",") { break }
        }
        return (args, kws)
    }

    mutating func subscriptList() throws -> Expr {
        let t = tok
        let first = try subscriptItem()
        if !isOp(",") { return first }
        var items = [first]
        while accept(",") {
            if isOp("]") { break }
            items.append(try subscriptItem())
        }
        return TupleExpr(items, line: t.line, col: t.col)
    }

    mutating func subscriptItem() throws -> Expr {
        let t = tok
        if isOp("*") { return try starred() }
        var lower: Expr?
        if !isOp(":") {
            lower = try namedExpressionTest()
            if !isOp(":") { return lower! }
        }
        try expect(":")
        let upper = (isOp(":") || isOp("]") || isOp(",")) ? nil : try test()
        var step: Expr?
        if accept(":") { step = (isOp("]") || isOp(",")) ? nil : try test() }
        return SliceExpr(lower, upper, step, line: t.line, col: t.col)
    }

    mutating func atom() throws -> Expr {
        let t = tok
        switch kind {
        case .int(let i): pos += 1; return ConstantExpr(.int(i), line: t.line, col: t.col)
        case .bigInt(let b): pos += 1; return ConstantExpr(PyBigInt.make(b), line: t.line, col: t.col)
        case .float(let d): pos += 1; return ConstantExpr(.float(d), line: t.line, col: t.col)
        case .imaginary(let d): pos += 1; return ImaginaryExpr(d, line: t.line, col: t.col)
        case .string: return try strings()
        case .name(let n):
            switch n {
            case "None": pos += 1; return ConstantExpr(.none, line: t.line, col: t.col)
            case "True": pos += 1; return ConstantExpr(.true, line: t.line, col: t.col)
            case "False": pos += 1; return ConstantExpr(.false, line: t.line, col: t.col)
            case "yield": throw error("'yield' outside parentheses is not supported here")
            default:
                if Parser.keywords.contains(n) { throw unexpected() }
                pos += 1
                return NameExpr(Name(n), line: t.line, col: t.col)
            }
        case .op(let o):
            switch o {
            case "(":
                pos += 1
                if accept(")") { return TupleExpr([], line: t.line, col: t.col) }
                if isKeyword("yield") { let y = try yieldExpression(); try expect(")"); return y }
                let first = isOp("*") ? try starred() : try namedExpressionTest()
                if isKeyword("for") {
                    let g = try comprehension(kind: .generator, element: first, value: nil, start: t)
                    try expect(")")
                    (g as? ComprehensionExpr)?.span = spanFrom(t)
                    return g
                }
                if accept(")") {
                    if first is StarredExpr { throw error("cannot use starred expression here", at: t) }
                    noteGroup(first)
                    return first
                }
                var items = [first]
                while accept(",") {
                    if isOp(")") { break }
                    items.append(isOp("*") ? try starred() : try namedExpressionTest())
                }
                try expect(")")
                let tuple = TupleExpr(items, line: t.line, col: t.col)
                tuple.span = spanFrom(t)
                return tuple
            case "[":
                pos += 1
                if accept("]") { return ListExpr([], line: t.line, col: t.col) }
                let first = isOp("*") ? try starred() : try namedExpressionTest()
                if isKeyword("for") {
                    let c = try comprehension(kind: .list, element: first, value: nil, start: t)
                    try expect("]")
                    (c as? ComprehensionExpr)?.span = spanFrom(t)
                    return c
                }
                var items = [first]
                while accept(",") {
                    if isOp("]") { break }
                    items.append(isOp("*") ? try starred() : try namedExpressionTest())
                }
                try expect("]")
                let list = ListExpr(items, line: t.line, col: t.col)
                list.span = spanFrom(t)
                return list
            case "{":
                pos += 1
                return try braces(t)
            case "...":
                pos += 1
                return ConstantExpr(.ellipsis, line: t.line, col: t.col)
            default:
                throw unexpected()
            }
        default:
            throw unexpected()
        }
    }

    mutating func braces(_ t: Token) throws -> Expr {
        if accept("}") { return DictExpr(keys: [], values: [], line: t.line, col: t.col) }
        if accept("**") {
            var keys: [Expr?] = [nil], values = [try expr()]
            try dictRest(&keys, &values)
            return DictExpr(keys: keys, values: values, line: t.line, col: t.col)
        }
        let first = isOp("*") ? try starred() : try namedExpressionTest()
        if accept(":") {
            let v = try test()
            if isKeyword("for") {
                let c = try comprehension(kind: .dict, element: first, value: v, start: t)
                try expect("}")
                (c as? ComprehensionExpr)?.span = spanFrom(t)
                return c
            }
            var keys: [Expr?] = [first], values = [v]
            try dictRest(&keys, &values)
            return DictExpr(keys: keys, values: values, line: t.line, col: t.col)
        }
        if isKeyword("for") {
            let c = try comprehension(kind: .set, element: first, value: nil, start: t)
            try expect("}")
            (c as? ComprehensionExpr)?.span = spanFrom(t)
            return c
        }
        var items = [first]
        while accept(",") {
            if isOp("}") { break }
            items.append(isOp("*") ? try starred() : try namedExpressionTest())
        }
        try expect("}")
        return SetExpr(items, line: t.line, col: t.col)
    }

    mutating func dictRest(_ keys: inout [Expr?], _ values: inout [Expr]) throws {
        while accept(",") {
            if isOp("}") { break }
            if accept("**") { keys.append(nil); values.append(try expr()); continue }
            keys.append(try test())
            try expect(":")
            values.append(try test())
        }
        try expect("}")
    }

    mutating func comprehension(kind: ComprehensionExpr.Kind, element: Expr, value: Expr?, start: Token) throws -> Expr {
        var clauses: [ComprehensionClause] = []
        while true {
            if acceptKeyword("for") {
                let target = try targetList()
                try expectKeyword("in")
                clauses.append(.loop(target: target, iterable: try orTest()))
            } else if acceptKeyword("if") {
                clauses.append(.condition(try orTestNoCondition()))
            } else {
                break
            }
        }
        let c = ComprehensionExpr(kind: kind, element: element, value: value, clauses: clauses, line: start.line, col: start.col)
        c.qualname = qualPrefix + "<genexpr>"
        return c
    }

    mutating func orTestNoCondition() throws -> Expr {
        if isKeyword("lambda") { return try lambda() }
        return try orTest()
    }

    mutating func yieldExpression() throws -> Expr {
        let t = advance()
        if functionDepth == 0 { throw error("'yield' outside function", at: t) }
        if acceptKeyword("from") { return YieldExpr(try test(), isFrom: true, line: t.line, col: t.col) }
        if atExpressionListEnd || isOp(")") { return YieldExpr(nil, isFrom: false, line: t.line, col: t.col) }
        return YieldExpr(try testListStar(), isFrom: false, line: t.line, col: t.col)
    }

    /// Adjacent string literals concatenate; f-strings among them become one f-string.
    mutating func strings() throws -> Expr {
        let t = tok
        var parts: [FStringPart] = []
        var anyF = false
        var bytes: [UInt8]?
        while case .string(let s) = kind {
            pos += 1
            if s.isBytes {
                if bytes == nil && !parts.isEmpty { throw error("cannot mix bytes and nonbytes literals", at: t) }
                bytes = (bytes ?? []) + s.value.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
                continue
            }
            if bytes != nil { throw error("cannot mix bytes and nonbytes literals", at: t) }
            if s.isFString {
                anyF = true
                parts.append(contentsOf: try fStringParts(s.raw, raw: s.isRaw, line: s.rawLine, col: s.rawCol))
            } else {
                parts.append(.text(s.value))
            }
        }
        if let bytes { return BytesLiteralExpr(bytes, line: t.line, col: t.col) }
        if !anyF {
            var text = ""
            for p in parts { if case .text(let s) = p { text += s } }
            return ConstantExpr(.str(text), line: t.line, col: t.col)
        }
        let fs = FStringExpr(parts, line: t.line, col: t.col)
        fs.span = spanFrom(t)
        return fs
    }

    /// Splits an f-string body into text and `{expr!conv:spec}` fields.
    func fStringParts(_ body: String, raw: Bool, line: Int, col: Int) throws -> [FStringPart] {
        let c = Array(body.unicodeScalars)
        var parts: [FStringPart] = []
        var text = String.UnicodeScalarView()
        var i = 0
        func flush() throws {
            if text.isEmpty { return }
            let s = String(text)
            parts.append(.text(raw ? s : try unescape(s, line: line, col: col)))
            text = String.UnicodeScalarView()
        }
        while i < c.count {
            let ch = c[i]
            if ch == "{" {
                if i + 1 < c.count && c[i + 1] == "{" { text.append("{"); i += 2; continue }
                try flush()
                let (part, debugText, next) = try fStringField(c, i + 1, line: line, col: col)
                if let d = debugText { parts.append(.text(d)) }
                parts.append(part)
                i = next
                continue
            }
            if ch == "}" {
                if i + 1 < c.count && c[i + 1] == "}" { text.append("}"); i += 2; continue }
                throw SyntaxErrorInfo(message: "f-string: single '}' is not allowed", line: line, col: col)
            }
            text.append(ch)
            i += 1
        }
        try flush()
        return parts
    }

    /// Parses one field starting after `{`; returns the part, `expr=` text, and the index after `}`.
    func fStringField(_ c: [Unicode.Scalar], _ start: Int, line: Int, col: Int) throws -> (FStringPart, String?, Int) {
        var i = start
        var depth = 0
        var quote: Unicode.Scalar?
        var exprEnd = -1
        while i < c.count {
            let ch = c[i]
            if let q = quote {
                if ch == q { quote = nil }
                i += 1; continue
            }
            if ch == "'" || ch == "\"" { quote = ch; i += 1; continue }
            if ch == "(" || ch == "[" || ch == "{" { depth += 1 }
            else if ch == ")" || ch == "]" || (ch == "}" && depth > 0) { depth -= 1 }
            else if depth == 0 {
                if ch == "}" || ch == ":" { exprEnd = i; break }
                if ch == "!" && (i + 1 >= c.count || c[i + 1] != "=") { exprEnd = i; break }
            }
            i += 1
        }
        if exprEnd < 0 { throw SyntaxErrorInfo(message: "f-string: expecting '}'", line: line, col: col) }
        var exprText = String(String.UnicodeScalarView(c[start..<exprEnd]))
        var debugText: String?
        let trimmed = exprText.trimmingTrailingSpaces()
        if trimmed.hasSuffix("="), !trimmed.hasSuffix("=="), !trimmed.hasSuffix("!="), !trimmed.hasSuffix("<="), !trimmed.hasSuffix(">=") {
            debugText = exprText
            exprText = String(trimmed.dropLast())
        }
        if exprText.trimmingTrailingSpaces().isEmpty { throw SyntaxErrorInfo(message: "f-string: empty expression not allowed", line: line, col: col) }
        // The expression's place in the source, as CPython 3.11 locates it for tracebacks:
        // its column on the line of the `{` (the `(` wrapped around it sits one before).
        var exprLine = line, exprCol = col + start
        if let nl = c[..<start].lastIndex(of: "\n") {
            exprLine = line + c[..<start].filter { $0 == "\n" }.count
            exprCol = start - nl - 1
        }
        var lexer = Lexer("(" + exprText + ")", firstLine: exprLine, firstColumn: exprCol - 1)
        var sub = Parser(expressionTokens: try lexer.tokenize(), file: file, source: source)
        sub.functionDepth = functionDepth
        let e = try sub.test()
        i = exprEnd
        var conversion: Character?
        if c[i] == "!" {
            guard i + 1 < c.count, "rsa".unicodeScalars.contains(c[i + 1]) else {
                throw SyntaxErrorInfo(message: "f-string: invalid conversion character: expected 's', 'r', or 'a'", line: line, col: col)
            }
            conversion = Character(c[i + 1])
            i += 2
        }
        var spec: [FStringPart]?
        if i < c.count && c[i] == ":" {
            i += 1
            var specText = String.UnicodeScalarView()
            var specParts: [FStringPart] = []
            let d = 0
            while i < c.count {
                if c[i] == "{" {
                    if !specText.isEmpty { specParts.append(.text(String(specText))); specText = String.UnicodeScalarView() }
                    let (p, _, n) = try fStringField(c, i + 1, line: line, col: col)
                    specParts.append(p)
                    i = n
                    continue
                }
                if c[i] == "}" && d == 0 { break }
                specText.append(c[i]); i += 1
            }
            if !specText.isEmpty { specParts.append(.text(String(specText))) }
            spec = specParts
        }
        guard i < c.count, c[i] == "}" else { throw SyntaxErrorInfo(message: "f-string: expecting '}'", line: line, col: col) }
        if debugText != nil && conversion == nil && spec == nil { conversion = "r" }
        return (.field(e, conversion: conversion, spec: spec), debugText, i + 1)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let l = s.last, l == " " { s.removeLast() }
        while let f = s.first, f == " " { s.removeFirst() }
        return String(s)
    }
}
