struct ExceptHandler {
    let type: Expr?
    let name: NameExpr?
    let body: [Stmt]
    let line: Int
}

final class TryStmt: Stmt {
    let body: [Stmt]
    let handlers: [ExceptHandler]
    let orElse: [Stmt]
    let finalBody: [Stmt]
    /// `except*` clauses (`ExceptStar.swift`).
    var isStar = false

    init(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finalBody: [Stmt], line: Int, col: Int) {
        self.body = body; self.handlers = handlers; self.orElse = orElse; self.finalBody = finalBody
        super.init(line: line, col: col)
    }

    override func declare(_ r: Resolver) {
        body.forEach { $0.declare(r) }
        for h in handlers { h.name?.declareTarget(r); h.body.forEach { $0.declare(r) } }
        orElse.forEach { $0.declare(r) }
        finalBody.forEach { $0.declare(r) }
    }

    override func resolve(_ r: Resolver) {
        body.forEach { $0.resolve(r) }
        for h in handlers { h.type?.resolve(r); h.name?.resolve(r); h.body.forEach { $0.resolve(r) } }
        orElse.forEach { $0.resolve(r) }
        finalBody.forEach { $0.resolve(r) }
    }

    override func exec(_ f: Frame) throws -> Flow {
        let interp = f.interp
        var flow = Flow.normal
        var pending: Error?
        do {
            var raised = false
            do {
                flow = try execBlock(body, f)
            } catch let err as PyError where !err.uncatchable && !handlers.isEmpty && isStar {
                raised = true
                try handleStar(err, f)
            } catch let err as PyError where !err.uncatchable && !handlers.isEmpty {
                raised = true
                let exc = interp.materialize(err)
                exc.traceback = err.skipFrame ? err.traceback : err.traceback + [interp.traceEntry(f, err)]
                var handled = false
                for h in handlers {
                    if let t = h.type {
                        f.line = h.line
                        let tv = try t.eval(f)
                        if !(try interp.exceptionMatches(exc, tv)) { continue }
                    }
                    try h.name?.assign(f, .object(exc))
                    interp.handling.append(err)
                    defer { interp.handling.removeLast() }
                    do {
                        flow = try execBlock(h.body, f)
                    } catch let raisedInHandler as PyError where raisedInHandler !== err {
                        // An exception raised while handling another one has it as its context.
                        let inner = interp.materialize(raisedInHandler)
                        if inner !== exc && inner.attributes.get(N.__context__) == nil {
                            inner.attributes.set(N.__context__, .object(exc))
                        }
                        throw raisedInHandler
                    }
                    if let n = h.name { try? n.delete(f) }
                    handled = true
                    break
                }
                if !handled {
                    // Evaluating the clauses' types moved the frame's line: the error
                    // leaves the frame from where it was caught.
                    if let caught = exc.traceback.last { f.line = caught.line; err.caret = caught.caret }
                    throw err
                }
            }
            if !raised && flow == .normal { flow = try execBlock(orElse, f) }
        } catch {
            pending = error
        }
        if !finalBody.isEmpty {
            let finalFlow = try execBlock(finalBody, f)
            if finalFlow != .normal { return finalFlow }
        }
        if let p = pending { throw p }
        return flow
    }
}

final class RaiseStmt: Stmt {
    let exception: Expr?
    let cause: Expr?
    var span: CaretSpan?
    init(exception: Expr?, cause: Expr?, line: Int, col: Int) { self.exception = exception; self.cause = cause; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) { exception?.resolve(r); cause?.resolve(r) }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        let interp = f.interp
        guard let e = exception else {
            if let current = interp.handling.last {
                // The re-raised exception keeps the line it was raised at in this frame.
                if let caught = interp.materialize(current).traceback.last, caught.file == f.code.file, caught.function == f.code.name {
                    f.line = caught.line
                }
                throw current
            }
            throw PyError.runtimeError("No active exception to reraise")
        }
        let err = try interp.makeError(try e.eval(f))
        if let c = cause {
            let cv = try c.eval(f)
            let causeValue: PyValue = cv.isNone ? .none : .object(interp.materialize(try interp.makeError(cv)))
            interp.materialize(err).attributes.set(N.__cause__, causeValue)
            interp.materialize(err).attributes.set(N.__suppress_context__, .true)
        }
        if let ctx = interp.handling.last, ctx !== err, interp.materialize(ctx) !== interp.materialize(err) {
            interp.materialize(err).attributes.set(N.__context__, .object(interp.materialize(ctx)))
        }
        err.caret = span
        throw err
    }
}

final class WithStmt: Stmt {
    let items: [(context: Expr, target: Expr?)]
    let body: [Stmt]
    init(items: [(context: Expr, target: Expr?)], body: [Stmt], line: Int, col: Int) { self.items = items; self.body = body; super.init(line: line, col: col) }
    override func declare(_ r: Resolver) { items.forEach { $0.target?.declareTarget(r) }; body.forEach { $0.declare(r) } }
    override func resolve(_ r: Resolver) {
        for i in items { i.context.resolve(r); i.target?.resolve(r) }
        body.forEach { $0.resolve(r) }
    }
    override func exec(_ f: Frame) throws -> Flow { try run(0, f) }

    private func run(_ i: Int, _ f: Frame) throws -> Flow {
        if i == items.count { return try execBlock(body, f) }
        f.at(self)
        let interp = f.interp
        let manager = try items[i].context.eval(f)
        guard let enter = try interp.lookupSpecial(manager, N.__enter__), let exit = try interp.lookupSpecial(manager, N.__exit__) else {
            throw PyError.typeError("'\(interp.typeName(manager))' object does not support the context manager protocol")
        }
        let entered = try interp.call(enter, Arguments())
        if let t = items[i].target { try t.assign(f, entered) }
        let flow: Flow
        do {
            flow = try run(i + 1, f)
        } catch let err as PyError where !err.uncatchable {
            // `__exit__` runs while the exception is being handled, as CPython's: what it
            // raises has the exception as its context (with the frames it came through),
            // and comes from the `with` line.
            let exc = interp.materialize(err)
            let (line, col, caret) = (f.line, f.col, err.caret)
            exc.traceback = err.skipFrame ? err.traceback : err.traceback + [interp.traceEntry(f, err)]
            err.caret = caret
            f.at(self)
            interp.handling.append(err)
            let suppress: PyValue
            do {
                defer { interp.handling.removeLast() }
                suppress = try interp.call(exit, Arguments([.object(exc.cls), .object(exc), .none]))
            } catch let raised as PyError where raised !== err {
                let inner = interp.materialize(raised)
                if inner !== exc && inner.attributes.get(N.__context__) == nil {
                    inner.attributes.set(N.__context__, .object(exc))
                }
                throw raised
            }
            if try interp.truthy(suppress) { return .normal }
            f.line = line; f.col = col
            throw err
        }
        _ = try interp.call(exit, Arguments([.none, .none, .none]))
        return flow
    }
}
