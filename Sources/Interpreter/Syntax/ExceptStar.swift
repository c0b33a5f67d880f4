/// `try` … `except* T as eg:` (PEP 654), as CPython 3.11 runs it: each clause handles the
/// part of the exception group its types match (a naked exception is wrapped in a group
/// first), in order, and what is left unhandled, re-raised with a bare `raise`, or newly
/// raised in a clause is raised again at the end, merged as CPython merges it. The group
/// algebra (`split`, the re-raise projection) is Python in `_exceptiongroup`.
extension TryStmt {
    func handleStar(_ err: PyError, _ f: Frame) throws {
        let interp = f.interp
        let exc = interp.materialize(err)
        exc.traceback = err.skipFrame ? err.traceback : err.traceback + [interp.traceEntry(f, err)]
        if interp.builtins[Name("BaseExceptionGroup")] == nil { _ = try interp.lazyBuiltin(Name("BaseExceptionGroup")) }
        let groups = try interp.importModule("_exceptiongroup")
        guard let match = groups[Name("_star_match")], let prepare = groups[Name("_star_prepare_reraise")] else {
            throw PyError.runtimeError("except* is not available")
        }
        var rest: PyValue = .object(exc)
        // What each clause that ran ended with, then the unhandled rest (see
        // `_star_prepare_reraise`); the errors of new exceptions, to raise them unchanged.
        var outcomes: [PyValue] = []
        var raisedErrors: [ObjectIdentifier: PyError] = [:]
        for h in handlers {
            if rest.isNone { break }
            f.line = h.line
            let spec = try h.type!.eval(f)
            guard let pair = try interp.call(match, [rest, spec]).asTuple?.items, pair.count == 2 else { continue }
            guard let matched = pair[0].asInstance else { continue }
            rest = pair[1]
            try h.name?.assign(f, .object(matched))
            let matchedError = PyError(matched)
            matchedError.traceback = matched.traceback
            interp.handling.append(matchedError)
            var outcome: PyValue = .none, again = false
            do {
                _ = try execBlock(h.body, f)
            } catch let e as PyError where !e.uncatchable {
                if e === matchedError {
                    outcome = .object(matched); again = true
                } else {
                    let inner = interp.materialize(e)
                    if inner !== matched && inner.attributes.get(N.__context__) == nil {
                        inner.attributes.set(N.__context__, .object(matched))
                    }
                    inner.traceback = e.skipFrame ? e.traceback : e.traceback + [interp.traceEntry(f, e)]
                    raisedErrors[ObjectIdentifier(inner)] = e
                    outcome = .object(inner)
                }
            } catch {
                interp.handling.removeLast()
                throw error
            }
            interp.handling.removeLast()
            if let n = h.name { try? n.delete(f) }
            outcomes.append(.tuple([outcome, .bool(again)]))
        }
        outcomes.append(.tuple([rest, .true]))
        let result = try interp.call(prepare, [.object(exc), .list(outcomes)])
        guard let raised = result.asInstance else { return }
        if raised === exc {
            if let caught = exc.traceback.last { f.line = caught.line; err.caret = caught.caret }
            throw err
        }
        if let e = raisedErrors[ObjectIdentifier(raised)] {
            // Raised alone: it leaves this frame from the line that raised it.
            if let at = raised.traceback.last { f.line = at.line; e.caret = at.caret }
            throw e
        }
        // A new group, or the parts of the original that are raised again: CPython raises
        // it without adding this frame (the parts keep the original's traceback).
        let e = PyError(raised)
        e.traceback = raised.traceback
        e.skipFrame = true
        throw e
    }
}

extension Interpreter {
    /// `_exceptiongroup_native`: what the Python half of exception groups cannot express.
    func buildExceptionGroupNative(_ m: PyModule) {
        // `split` and `subgroup` copy the traceback onto the groups they derive, as CPython.
        m.addFunction("copy_traceback") { _, a in
            try a.check("copy_traceback", 2)
            if let from = a[0].asInstance, let to = a[1].asInstance { to.traceback = from.traceback }
            return .none
        }
    }
}
