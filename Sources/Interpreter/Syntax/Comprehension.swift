/// One `for ... in ...` or `if ...` clause of a comprehension.
enum ComprehensionClause {
    case loop(target: Expr, iterable: Expr)
    case condition(Expr)
}

/// List, set and dict comprehensions and generator expressions. Their variables live in
/// hidden slots of the enclosing frame, so they do not leak into the enclosing scope.
final class ComprehensionExpr: Expr {
    enum Kind { case list, set, dict, generator }
    let kind: Kind
    let element: Expr
    let value: Expr?
    let clauses: [ComprehensionClause]
    /// The whole comprehension, brackets included: what the enclosing frame's traceback
    /// line marks when the comprehension fails (CPython calls it as a function there).
    var span: CaretSpan?
    /// A generator expression's `__qualname__` (`f.<locals>.<genexpr>`), shown by its repr.
    var qualname = "<genexpr>"

    init(kind: Kind, element: Expr, value: Expr?, clauses: [ComprehensionClause], line: Int, col: Int) {
        self.kind = kind; self.element = element; self.value = value; self.clauses = clauses
        super.init(line: line, col: col)
    }

    override func resolve(_ r: Resolver) {
        // The first iterable is evaluated in the enclosing scope.
        if case .loop(_, let it) = clauses[0] { it.resolve(r) }
        r.pushComprehension()
        for (i, c) in clauses.enumerated() {
            switch c {
            case .loop(let t, let it):
                if i > 0 { it.resolve(r) }
                t.declareTarget(r)
                t.resolve(r)
            case .condition(let e): e.resolve(r)
            }
        }
        element.resolve(r)
        value?.resolve(r)
        r.popComprehension()
    }

    override func eval(_ f: Frame) throws -> PyValue {
        guard case .loop(_, let firstIterable) = clauses[0] else { preconditionFailure() }
        var first = try firstIterable.eval(f)
        if kind != .generator && !Self.iteratesNatively(first) {
            // CPython takes the first iterable's iterator in the enclosing frame, marking
            // the whole comprehension when it is not iterable.
            do { first = try f.interp.getIterator(first) } catch let e as PyError { e.mark(span); throw e }
        }
        do {
            switch kind {
            case .list:
                let out = PyList()
                try run(0, f, first) { out.items.append(try element.eval(f)) }
                return .object(out)
            case .set:
                let out = try PySet()
                try run(0, f, first) { try out.add(try element.eval(f)) }
                return .object(out)
            case .dict:
                let out = PyDict()
                try run(0, f, first) {
                    let k = try element.eval(f)
                    try out.set(k, try value!.eval(f))
                }
                return .object(out)
            case .generator:
                return .object(GeneratorExpressionIterator(self, f, try f.interp.getIterator(first)))
            }
        } catch let e as PyError where kind != .generator {
            leaveFrame(e, f)
            e.mark(span)
            throw e
        }
    }

    /// Values `forEach` walks without an iterator object (so taking one first would only
    /// cost time); they are all iterable.
    static func iteratesNatively(_ v: PyValue) -> Bool {
        switch v {
        case .str: return true
        case .object(let o): return o is PyList || o is PyTuple || o is PyRange || o is PyDict || o is PySet
        default: return false
        }
    }

    /// CPython 3.11 runs a comprehension as a function of its own: a failure inside it
    /// shows a `<listcomp>` (`<setcomp>`, `<dictcomp>`, `<genexpr>`) frame at the line that
    /// failed, with that expression's markers, below the frame that ran it.
    func leaveFrame(_ e: PyError, _ f: Frame) {
        let name: String
        switch kind {
        case .list: name = "<listcomp>"
        case .set: name = "<setcomp>"
        case .dict: name = "<dictcomp>"
        case .generator: name = "<genexpr>"
        }
        // An error of the iteration itself (a nested `for`'s iterable, a failing `next`)
        // has no expression of its own: CPython marks the whole comprehension.
        let caret = e.caret ?? span
        let at = caret?.line ?? line
        var entry = TraceEntry(file: f.code.file, line: at, column: col, function: name, sourceLine: f.code.source.line(at))
        entry.caret = caret
        e.caret = nil
        e.traceback.append(entry)
    }

    private func run(_ i: Int, _ f: Frame, _ first: PyValue?, _ emit: () throws -> Void) throws {
        if i == clauses.count { try emit(); return }
        switch clauses[i] {
        case .condition(let e):
            if try f.interp.truthy(try e.eval(f)) { try run(i + 1, f, nil, emit) }
        case .loop(let target, let iterable):
            let seq = try first ?? iterable.eval(f)
            try f.interp.forEach(seq) { item in
                try target.assign(f, item)
                try run(i + 1, f, nil, emit)
                return true
            }
        }
    }
}

/// A lazily evaluated generator expression: a resumable walk over the nested clauses.
final class GeneratorExpressionIterator: PyIteratorObject {
    let node: ComprehensionExpr
    let frame: Frame
    var stack: [(clause: Int, iterator: PyValue)]
    var done = false
    /// Set once `next` has run (CPython's GEN_SUSPENDED vs GEN_CREATED).
    var started = false
    var running = false
    /// The iterator of the first `for` clause (the `.0` argument of CPython's genexpr code).
    let firstIterator: PyValue

    override func pyClass(_ t: BuiltinTypes) -> PyClass { t.generator }

    init(_ node: ComprehensionExpr, _ frame: Frame, _ firstIterator: PyValue) {
        self.node = node
        self.frame = frame
        self.firstIterator = firstIterator
        stack = [(0, firstIterator)]
    }

    /// `gi_frame.f_locals`: `.0`, then each loop variable that has a value, in the order
    /// of the clauses (CPython's `co_varnames`).
    func locals() -> PyDict {
        let d = PyDict()
        try? d.set(.str(".0"), firstIterator)
        func names(_ e: Expr, _ out: inout [NameExpr]) {
            switch e {
            case let n as NameExpr: if !out.contains(where: { $0.name == n.name }) { out.append(n) }
            case let t as TupleExpr: t.items.forEach { names($0, &out) }
            case let l as ListExpr: l.items.forEach { names($0, &out) }
            case let s as StarredExpr: names(s.value, &out)
            default: break
            }
        }
        var targets: [NameExpr] = []
        for case .loop(let target, _) in node.clauses { names(target, &targets) }
        for n in targets { if let v = try? n.eval(frame) { try? d.set(.str(n.name.string), v) } }
        return d
    }

    override func next(_ interp: Interpreter) throws -> PyValue? {
        if done { return nil }
        if running { throw PyError.valueError("generator already executing") }
        started = true
        running = true
        defer { running = false }
        do {
            return try advance(interp)
        } catch let e as PyError {
            done = true
            node.leaveFrame(e, frame)
            throw e
        }
    }

    private func advance(_ interp: Interpreter) throws -> PyValue? {
        outer: while let top = stack.last {
            guard let item = try interp.next(top.iterator) else { stack.removeLast(); continue }
            guard case .loop(let target, _) = node.clauses[top.clause] else { preconditionFailure() }
            try target.assign(frame, item)
            var i = top.clause + 1
            while i < node.clauses.count {
                switch node.clauses[i] {
                case .condition(let e):
                    if !(try interp.truthy(try e.eval(frame))) { continue outer }
                case .loop(_, let iterable):
                    stack.append((i, try interp.getIterator(try iterable.eval(frame))))
                    continue outer
                }
                i += 1
            }
            return try node.element.eval(frame)
        }
        done = true
        return nil
    }
}
