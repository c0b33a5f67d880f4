/// A pattern of a `case` clause (PEP 634), as parsed.
indirect enum Pattern {
    case wildcard
    case capture(NameExpr)
    /// A literal or dotted name, compared with `==`.
    case value(Expr)
    /// `None`, `True`, `False`, compared with `is`.
    case singleton(PyValue)
    /// `[a, *rest, b]` or `(a, b)`; `star` is the index of the starred item, if any.
    case sequence([Pattern], star: Int?)
    /// `*name` or `*_` inside a sequence pattern.
    case star(NameExpr?)
    case mapping(keys: [Expr], values: [Pattern], rest: NameExpr?)
    case classPattern(Expr, positional: [Pattern], keywords: [(String, Pattern)])
    case or([Pattern])
    case capturing(Pattern, NameExpr)

    func declare(_ r: Resolver) {
        switch self {
        case .capture(let n): n.declareTarget(r)
        case .star(let n): n?.declareTarget(r)
        case .sequence(let ps, _), .or(let ps): ps.forEach { $0.declare(r) }
        case .mapping(_, let vs, let rest): vs.forEach { $0.declare(r) }; rest?.declareTarget(r)
        case .classPattern(_, let ps, let kws): ps.forEach { $0.declare(r) }; kws.forEach { $0.1.declare(r) }
        case .capturing(let p, let n): p.declare(r); n.declareTarget(r)
        default: break
        }
    }

    func resolve(_ r: Resolver) {
        switch self {
        case .capture(let n): n.resolve(r)
        case .star(let n): n?.resolve(r)
        case .value(let e): e.resolve(r)
        case .sequence(let ps, _), .or(let ps): ps.forEach { $0.resolve(r) }
        case .mapping(let ks, let vs, let rest): ks.forEach { $0.resolve(r) }; vs.forEach { $0.resolve(r) }; rest?.resolve(r)
        case .classPattern(let c, let ps, let kws): c.resolve(r); ps.forEach { $0.resolve(r) }; kws.forEach { $0.1.resolve(r) }
        case .capturing(let p, let n): p.resolve(r); n.resolve(r)
        default: break
        }
    }
}

/// `match subject:` with its `case` clauses, tried in order.
final class MatchStmt: Stmt {
    let subject: Expr
    let cases: [(pattern: Pattern, guard: Expr?, body: [Stmt], line: Int)]
    init(subject: Expr, cases: [(pattern: Pattern, guard: Expr?, body: [Stmt], line: Int)], line: Int, col: Int) {
        self.subject = subject
        self.cases = cases
        super.init(line: line, col: col)
    }
    override func declare(_ r: Resolver) {
        for c in cases { c.pattern.declare(r); c.body.forEach { $0.declare(r) } }
    }
    override func resolve(_ r: Resolver) {
        subject.resolve(r)
        for c in cases { c.pattern.resolve(r); c.guard?.resolve(r); c.body.forEach { $0.resolve(r) } }
    }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        let value = try subject.eval(f)
        for c in cases {
            f.line = c.line
            guard try f.interp.match(c.pattern, value, f) else { continue }
            if let g = c.guard, !(try f.interp.truthy(try g.eval(f))) { continue }
            return try execBlock(c.body, f)
        }
        return .normal
    }
}

extension Interpreter {
    /// Whether `v` matches `p`, binding its capture names in `f` as it goes (as CPython does).
    func match(_ p: Pattern, _ v: PyValue, _ f: Frame) throws -> Bool {
        switch p {
        case .wildcard: return true
        case .capture(let n): try n.assign(f, v); return true
        case .value(let e): return try equals(v, try e.eval(f))
        case .singleton(let s): return v.isIdentical(s)
        case .star: return true
        case .capturing(let inner, let n):
            guard try match(inner, v, f) else { return false }
            try n.assign(f, v)
            return true
        case .or(let alternatives):
            for a in alternatives where try match(a, v, f) { return true }
            return false
        case .sequence(let items, let star):
            let elements: [PyValue]
            switch v {
            case .object(let o as PyList): elements = o.items
            case .object(let o as PyTuple): elements = o.items
            case .object(let o as PyRange): elements = try iterate(.object(o))
            default:
                guard v.asInstance != nil, isInstance(v, types.list) || isInstance(v, types.tuple) else { return false }
                elements = try iterate(v)
            }
            guard let s = star else {
                guard elements.count == items.count else { return false }
                for (q, x) in zip(items, elements) where !(try match(q, x, f)) { return false }
                return true
            }
            let after = items.count - s - 1
            guard elements.count >= items.count - 1 else { return false }
            for k in 0..<s where !(try match(items[k], elements[k], f)) { return false }
            let restEnd = elements.count - after
            if case .star(let name?) = items[s] { try name.assign(f, .list(Array(elements[s..<restEnd]))) }
            for k in 0..<after where !(try match(items[s + 1 + k], elements[restEnd + k], f)) { return false }
            return true
        case .mapping(let keys, let values, let rest):
            guard case .object(let o) = v, let d = o as? PyDict else { return false }
            var used: [PyValue] = []
            for (k, q) in zip(keys, values) {
                let key = try k.eval(f)
                guard let x = try d.get(key), try match(q, x, f) else { return false }
                used.append(key)
            }
            if let r = rest {
                let remaining = PyDict()
                for e in d.items where !(try used.contains { try equals($0, e.key) }) { try remaining.set(e.key, e.value) }
                try r.assign(f, .object(remaining))
            }
            return true
        case .classPattern(let clsExpr, let positional, let keywords):
            guard case .object(let co) = try clsExpr.eval(f), let cls = co as? PyClass else {
                throw PyError.typeError("called match pattern must be a class")
            }
            guard isInstance(v, cls) else { return false }
            var attributes: [(String, Pattern)] = []
            if !positional.isEmpty {
                let selfMatching = [types.bool, types.int, types.float, types.str, types.list, types.tuple, types.dict,
                                    types.set, types.frozenset, types.bytes, types.bytearray].contains { $0 === cls }
                if selfMatching && cls.lookup(Name("__match_args__")) == nil {
                    if positional.count > 1 {
                        throw PyError.typeError("\(cls.name)() accepts 1 positional sub-pattern (\(positional.count) given)")
                    }
                    guard try match(positional[0], v, f) else { return false }
                } else {
                    let names = try cls.lookup(Name("__match_args__")).map { try iterate($0).map { try str($0) } } ?? []
                    if positional.count > names.count {
                        let accepts = "\(names.count) positional sub-pattern\(names.count == 1 ? "" : "s")"
                        throw PyError.typeError("\(cls.name)() accepts \(accepts) (\(positional.count) given)")
                    }
                    attributes = zip(names, positional).map { ($0, $1) }
                }
            }
            for (name, q) in attributes + keywords {
                guard let x = try? getAttribute(v, Name(name)) else { return false }
                guard try match(q, x, f) else { return false }
            }
            return true
        }
    }
}

extension Parser {
    /// `match` is a soft keyword: a statement starting with it is a match statement only
    /// when `match subject:` is followed by an indented block of `case` clauses.
    mutating func matchStatement() throws -> Stmt? {
        let start = pos
        let t = advance()
        let subject: Expr
        do {
            subject = try testListStar()
            guard accept(":"), case .newline = kind else { pos = start; return nil }
            pos += 1
            guard case .indent = kind else { pos = start; return nil }
            pos += 1
            guard isKeyword("case") else { pos = start; return nil }
        } catch {
            pos = start
            return nil
        }
        var cases: [(pattern: Pattern, guard: Expr?, body: [Stmt], line: Int)] = []
        while isKeyword("case") {
            let c = advance()
            let pattern = try openPattern()
            let guardExpr = acceptKeyword("if") ? try namedExpressionTest() : nil
            try expect(":")
            let body = try block(after: ("'case' statement", c.line))
            cases.append((pattern, guardExpr, body, c.line))
            while case .newline = kind { pos += 1 }
        }
        if case .dedent = kind { pos += 1 } else if case .eof = kind {} else { throw unexpected() }
        return MatchStmt(subject: subject, cases: cases, line: t.line, col: t.col)
    }

    /// A pattern that may be an unparenthesised sequence: `case a, *rest:`.
    private mutating func openPattern() throws -> Pattern {
        let first = try asPattern()
        guard isOp(",") else {
            if case .star = first { return .sequence([first], star: 0) }
            return first
        }
        var items = [first]
        while accept(",") {
            if isOp(":") || isKeyword("if") { break }
            items.append(try asPattern())
        }
        return try sequencePattern(items)
    }

    private func sequencePattern(_ items: [Pattern]) throws -> Pattern {
        let stars = items.indices.filter { if case .star = items[$0] { return true }; return false }
        if stars.count > 1 { throw error("multiple starred names in sequence pattern") }
        return .sequence(items, star: stars.first)
    }

    private mutating func asPattern() throws -> Pattern {
        if accept("*") {
            let t = tok
            let n = try identifier()
            return .star(n == "_" ? nil : NameExpr(Name(n), line: t.line, col: t.col))
        }
        var alternatives = [try closedPattern()]
        while accept("|") { alternatives.append(try closedPattern()) }
        let p: Pattern = alternatives.count == 1 ? alternatives[0] : .or(alternatives)
        if acceptKeyword("as") {
            let t = tok
            let n = try identifier()
            return .capturing(p, NameExpr(Name(n), line: t.line, col: t.col))
        }
        return p
    }

    private mutating func closedPattern() throws -> Pattern {
        let t = tok
        switch kind {
        case .int, .bigInt, .float, .string:
            return .value(try factor())
        case .op("-"):
            return .value(try factor())
        case .name(let n):
            switch n {
            case "None": pos += 1; return .singleton(.none)
            case "True": pos += 1; return .singleton(.true)
            case "False": pos += 1; return .singleton(.false)
            default: break
            }
            pos += 1
            var expr: Expr = NameExpr(Name(n), line: t.line, col: t.col)
            var dotted = false
            while accept(".") {
                let a = tok
                expr = AttributeExpr(expr, Name(try identifier()), line: a.line, col: a.col)
                dotted = true
            }
            if accept("(") { return try classPattern(expr) }
            if dotted { return .value(expr) }
            if n == "_" { return .wildcard }
            return .capture(expr as! NameExpr)
        case .op("("):
            pos += 1
            if accept(")") { return .sequence([], star: nil) }
            let first = try asPattern()
            if accept(")") {
                if case .star = first { return .sequence([first], star: 0) }
                return first
            }
            var items = [first]
            while accept(",") {
                if isOp(")") { break }
                items.append(try asPattern())
            }
            try expect(")")
            return try sequencePattern(items)
        case .op("["):
            pos += 1
            var items: [Pattern] = []
            while !isOp("]") {
                items.append(try asPattern())
                if !accept(",") { break }
            }
            try expect("]")
            return try sequencePattern(items)
        case .op("{"):
            pos += 1
            var keys: [Expr] = [], values: [Pattern] = []
            var rest: NameExpr?
            while !isOp("}") {
                if accept("**") {
                    let r = tok
                    rest = NameExpr(Name(try identifier()), line: r.line, col: r.col)
                } else {
                    switch try closedPattern() {
                    case .value(let e): keys.append(e)
                    case .singleton(let s): keys.append(ConstantExpr(s, line: t.line, col: t.col))
                    default: throw error("mapping pattern keys may only match literals and attribute lookups")
                    }
                    try expect(":")
                    values.append(try asPattern())
                }
                if !accept(",") { break }
            }
            try expect("}")
            return .mapping(keys: keys, values: values, rest: rest)
        default:
            throw unexpected()
        }
    }

    private mutating func classPattern(_ cls: Expr) throws -> Pattern {
        var positional: [Pattern] = []
        var keywords: [(String, Pattern)] = []
        while !isOp(")") {
            if case .name(let n) = kind, peekIsOp("=") {
                pos += 2
                keywords.append((n, try asPattern()))
            } else {
                if !keywords.isEmpty { throw error("positional patterns follow keyword patterns") }
                positional.append(try asPattern())
            }
            if !accept(",") { break }
        }
        try expect(")")
        return .classPattern(cls, positional: positional, keywords: keywords)
    }
}
