/// The methods of the built-in iterator classes (`list_iterator`, `zip`, … one per
/// `IteratorKind`) and of `generator`, which covers generator functions' objects and
/// generator expressions alike, as in CPython: `send`, `throw`, `close` and the
/// `gi_frame` / `gi_running` / `gi_suspended` / `gi_code` / `gi_yieldfrom` attributes
/// that `inspect.getgeneratorstate` reads.
extension Interpreter {
    func installIteratorTypes() {
        let classes: Set<String> = ["zip", "map", "filter", "enumerate", "reversed"]
        for c in types.iterators {
            if !classes.contains(c.name) { refuseInstances(c) }
            c.addMethod("__iter__") { _, s, _ in s }
            // A Python subclass's instance (`class Numbered(enumerate)`) holds the iterator.
            c.addMethod("__next__") { i, s, _ in
                if let v = try i.next(s.unwrappingBuiltinBase) { return v }
                throw PyError(type: "StopIteration", args: [])
            }
        }
        for kind in [IteratorKind.listIterator, .listReverseIterator, .tupleIterator, .strIterator, .strAsciiIterator,
                     .rangeIterator, .dictKeys, .dictValues, .dictItems, .dictReverseKeys, .dictReverseValues,
                     .dictReverseItems, .setIterator, .reversed] {
            types.iterators[kind.rawValue].addMethod("__length_hint__") { i, s, _ in
                let it = s.unwrappingBuiltinBase.asObject as? PyIteratorObject
                // A `reversed` object over a class's `__getitem__`: the items its `__len__` still allows.
                if let r = it as? ReversedIterator, r.lengthHint == nil, let seq = r.sequence {
                    let n = try i.length(seq)
                    return .int(n < r.index + 1 ? 0 : r.index + 1)
                }
                return .int(it?.lengthHint ?? 0)
            }
        }
        installGeneratorMethods()
    }

    /// `type(iter([]))()`: CPython's text for types without a constructor (`zip`, `map`,
    /// `filter`, `enumerate` and `reversed` have theirs, IterationFunctions.swift).
    private func refuseInstances(_ c: PyClass) {
        let name = c.name
        c.setConstructor { _, _, _ in throw PyError.typeError("cannot create '\(name)' instances") }
    }

    private func installGeneratorMethods() {
        let g = types.generator!
        /// The generator expression behind `s`, when it is one (not a generator function's object).
        func expression(_ s: PyValue) -> GeneratorExpressionIterator? { s.asObject as? GeneratorExpressionIterator }
        func stop(_ v: PyValue?) throws -> PyValue {
            if let v { return v }
            throw PyError(type: "StopIteration", args: [])
        }
        g.addMethod("send") { i, s, a in
            let v = a.count > 0 ? a[0] : .none
            if let e = expression(s) {
                if !e.started && !v.isNone { throw PyError.typeError("can't send non-None value to a just-started generator") }
                return try stop(try e.next(i))
            }
            return try (s.asObject as! PyGenerator).send(v)
        }
        g.addMethod("throw") { i, s, a in
            try a.check("throw", 1, 3)
            var thrown = a[0]
            // The 3.11 form `throw(type, value)`: the type called with the value.
            if a.count > 1, case .object(let o) = a[0], o is PyClass, !a[1].isNone {
                thrown = a[1].asInstance.map { $0.cls.isSubclass(of: o as! PyClass) } == true ? a[1] : try i.call(a[0], [a[1]])
            }
            let err = try i.makeError(thrown)
            // A generator expression has no `try` of its own: the error ends it.
            if let e = expression(s) { e.done = true; throw err }
            return try (s.asObject as! PyGenerator).send(.none, throwing: err)
        }
        g.addMethod("close") { _, s, _ in
            if let e = expression(s) { e.done = true; return .none }
            if (s.asObject as! PyGenerator).runner.close() { throw PyError.runtimeError("generator ignored GeneratorExit") }
            return .none
        }
        g.addMethod("__iter__") { _, s, _ in s }
        g.addMethod("__next__") { i, s, _ in try stop(try i.next(s)) }

        let frameClass = makeClass("frame", module: "builtins")
        let codeClass = makeClass("code", module: "builtins")
        frameClass.allowsSubclassing = false
        codeClass.allowsSubclassing = false
        for c in [g, frameClass, codeClass] { refuseInstances(c) }
        func state(_ s: PyValue) -> GeneratorState {
            if let e = expression(s) { return GeneratorState(expression: e) }
            return GeneratorState(generator: s.asObject as! PyGenerator)
        }
        g.addProperty("gi_running", get: { _, s in .bool(state(s).running) })
        g.addProperty("gi_suspended", get: { _, s in .bool(state(s).suspended) })
        g.addProperty("gi_yieldfrom", get: { _, s in (s.asObject as? PyGenerator)?.runner.delegate ?? .none })
        g.addProperty("gi_code", get: { _, s in .object(PyInstance(cls: codeClass, payload: state(s))) })
        g.addProperty("gi_frame", get: { _, s in
            let st = state(s)
            return st.finished ? .none : .object(PyInstance(cls: frameClass, payload: st))
        })
        func payload(_ v: PyValue) throws -> GeneratorState {
            guard let p = v.payload(GeneratorState.self) else { throw PyError.typeError("expected a generator's frame or code") }
            return p
        }
        frameClass.addProperty("f_lineno", get: { _, s in .int(try payload(s).line) })
        frameClass.addProperty("f_code", get: { _, s in .object(PyInstance(cls: codeClass, payload: try payload(s))) })
        frameClass.addProperty("f_locals", get: { _, s in .object(try payload(s).locals()) })
        frameClass.addMethod("__repr__") { i, s, _ in
            let p = try payload(s)
            return .str("<frame at \(i.address(s.asObject!)), file '\(p.file)', line \(p.line), code \(p.name)>")
        }
        codeClass.addProperty("co_name", get: { _, s in .str(try payload(s).name) })
        codeClass.addProperty("co_qualname", get: { _, s in .str(try payload(s).qualname) })
        codeClass.addProperty("co_filename", get: { _, s in .str(try payload(s).file) })
        codeClass.addProperty("co_firstlineno", get: { _, s in .int(try payload(s).firstLine) })
        codeClass.addMethod("__repr__") { i, s, _ in
            let p = try payload(s)
            return .str("<code object \(p.name) at \(i.address(p.object)), file \"\(p.file)\", line \(p.firstLine)>")
        }
    }
}

/// What `gi_frame` and `gi_code` read from a generator of either kind.
final class GeneratorState {
    let object: PyObject
    let name: String
    let qualname: String
    let file: String
    let firstLine: Int
    let running: Bool
    let suspended: Bool
    let finished: Bool
    private let frame: Frame?
    private let expression: GeneratorExpressionIterator?
    private let currentLine: Int

    init(generator g: PyGenerator) {
        let r = g.runner
        object = r.frame.function ?? g
        name = g.name
        qualname = g.qualname
        file = r.frame.code.file
        firstLine = r.frame.function?.code.defLine ?? r.frame.line
        running = r.running
        suspended = r.started && !r.finished && !r.running
        finished = r.finished
        frame = r.frame
        expression = nil
        currentLine = r.frame.line
    }

    init(expression e: GeneratorExpressionIterator) {
        object = e
        name = "<genexpr>"
        qualname = e.node.qualname
        file = e.frame.code.file
        firstLine = e.node.line
        running = e.running
        suspended = e.started && !e.done && !e.running
        finished = e.done
        frame = nil
        expression = e
        currentLine = e.node.line
    }

    var line: Int { currentLine }

    /// The generator's local variables by name.
    func locals() -> PyDict {
        if let expression { return expression.locals() }
        let d = PyDict()
        guard let frame else { return d }
        let code = frame.code
        for (k, n) in code.slotNames.enumerated() where k < frame.slotCount {
            guard var v = frame.slots[k] else { continue }
            if case .object(let o) = v, let cell = o as? PyCell, code.cellSlots.contains(k) {
                guard let inner = cell.value else { continue }
                v = inner
            }
            try? d.set(.str(n.description), v)
        }
        return d
    }
}
