/// A metaclass's `__prepare__`: the mapping a class body fills. CPython calls
/// `meta.__prepare__(name, bases, **kw)` before running the body, runs the body's name
/// stores, loads and deletes through that mapping's `__setitem__`, `__getitem__` and
/// `__delitem__` (so a recording dict sees every assignment in order, and a `__getitem__`
/// can invent values), and passes the mapping itself to the metaclass.
extension Interpreter {
    /// The mapping `meta.__prepare__` returns, or nil when the metaclass inherits `type`'s
    /// (a plain dict: the class body keeps its fast namespace).
    func prepareClassNamespace(meta: PyClass, name: String, bases: [PyClass],
                               keywords: [(Name, PyValue)]) throws -> PyValue? {
        var defined = false
        for k in meta.mro {
            if k === types.type || k === types.object { break }
            if k.dict[Name("__prepare__")] != nil { defined = true; break }
        }
        guard defined else { return nil }
        let prepare = try getAttribute(.object(meta), "__prepare__")
        let args = Arguments(positional: [.str(name), .tuple(bases.map { .object($0) })],
                             keywordNames: keywords.map { $0.0 }, keywordValues: keywords.map { $0.1 })
        let ns = try call(prepare, args)
        if ns.asDict == nil, try lookupSpecial(ns, Name("__getitem__")) == nil {
            throw PyError.typeError("\(meta.name).__prepare__() must return a mapping, not \(typeName(ns))")
        }
        return ns
    }

    /// A name of a class body read through the prepared mapping; nil when the mapping
    /// raises `KeyError` (the name is then looked up in the globals and builtins).
    func classMappingGet(_ m: PyValue, _ n: Name) throws -> PyValue? {
        if let d = m.asDict { return try d.get(.str(n.string)) }
        do {
            return try getItem(m, .str(n.string))
        } catch let e as PyError where errorIs(e, "KeyError") {
            return nil
        }
    }

    func classMappingSet(_ m: PyValue, _ n: Name, _ v: PyValue) throws {
        try setItem(m, .str(n.string), v)
    }

    func classMappingDelete(_ m: PyValue, _ n: Name) throws {
        do {
            try deleteItem(m, .str(n.string))
        } catch let e as PyError where errorIs(e, "KeyError") {
            throw PyError(type: "NameError", message: "name '\(n.string)' is not defined")
        }
    }

    /// The namespace argument of `type(name, bases, ns)` / `type.__new__`: a dict, or the
    /// mapping a `__prepare__` made (copied in its own key order).
    func classNamespaceDict(_ v: PyValue) throws -> PyDict? {
        if let d = v.asDict { return d }
        if case .object(let o) = v, let i = o as? PyInstance, let d = i.payload as? PyDict { return d }
        guard try lookupSpecial(v, Name("keys")) != nil else { return nil }
        let d = PyDict()
        try mergeMapping(into: d, v)
        return d
    }
}
