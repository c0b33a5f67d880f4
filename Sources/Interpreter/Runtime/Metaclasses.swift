/// Metaclasses: classes whose type is a subclass of `type`. A class records its metaclass
/// (nil: plain `type`); `type(cls)` answers it, and the operations Python looks up on the
/// type of an object (`iter`, `len`, `[]`, `in`, calls, `repr`, attributes) find the
/// metaclass's methods when the object is such a class, as CPython's type slots do.
extension Interpreter {
    /// The method `name` a class's metaclass defines itself (above `type` in its MRO);
    /// nil for classes of plain `type`, so their fast paths stay unchanged.
    func metaclassMethod(_ c: PyClass, _ name: Name) -> PyValue? {
        guard let meta = c.metaclass else { return nil }
        for k in meta.mro {
            if k === types.type || k === types.object { return nil }
            if let v = k.dict[name] { return v }
        }
        return nil
    }

    /// The metaclass of a class statement: the explicit `metaclass=` or the most derived of
    /// the bases' metaclasses; nil for plain `type`. CPython's conflict error otherwise.
    func resolveMetaclass(explicit: PyValue?, bases: [PyClass]) throws -> PyClass? {
        var winner: PyClass = types.type
        if let e = explicit {
            guard case .object(let o) = e, let m = o as? PyClass else { return nil }
            winner = m
        }
        for b in bases {
            let m: PyClass = b.metaclass ?? types.type!
            if winner.isSubclass(of: m) || winner === m { continue }
            if m.isSubclass(of: winner) { winner = m; continue }
            throw PyError.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
        }
        return winner === types.type ? nil : winner
    }

    /// `type.__new__(meta, name, bases, namespace)`: a class built from a namespace dict,
    /// as a class statement would (module, qualname, docstring, methods' defining class,
    /// `__init_subclass__` with the extra keywords).
    func makeClass(meta: PyClass, name: String, bases: [PyClass], namespace ns: PyDict,
                   keywords: [(Name, PyValue)] = []) throws -> PyClass {
        for b in bases where !b.allowsSubclassing {
            throw PyError.typeError("type '\(b.name)' is not an acceptable base type")
        }
        var module = "__main__"
        if case .str(let m)? = try ns.get(.str("__module__")) { module = m }
        else if let g = currentFrame?.globals, case .str(let m)? = g[N.__name__] { module = m }
        var qualname = name
        if case .str(let q)? = try ns.get(.str("__qualname__")) { qualname = q }
        let cls = PyClass(name: name, qualname: qualname, module: module,
                          bases: bases.isEmpty ? [types.object] : bases, interpreter: self)
        if meta !== types.type { cls.metaclass = meta }
        for e in ns.items {
            guard case .str(let k) = e.key else { continue }
            if k == "__qualname__" { continue }
            if takeTypeName(cls, Name(k), e.value) { continue }
            cls.setAttribute(Name(k), e.value)
            adoptClassMethod(e.value, cls)
        }
        if cls.dict[N.__doc__] == nil { cls.setAttribute(N.__doc__, PyValue.none) }
        if cls.dict[N.__eq__] != nil && cls.dict[N.__hash__] == nil { cls.setAttribute(N.__hash__, PyValue.none) }
        for e in ns.items {
            guard case .str(let k) = e.key, case .object(let o) = e.value, o is PyInstance,
                  let sn = typeOf(e.value).lookup(N.__set_name__) else { continue }
            _ = try callAttribute(sn, receiver: e.value, Arguments(.object(cls), .str(k)))
        }
        for base in cls.mro.dropFirst() {
            guard let hook = base.dict[N.__init_subclass__] else { continue }
            guard case .object(let o) = hook else { break }
            let fn = (o as? PyClassMethod)?.function ?? hook
            _ = try call(fn, Arguments(positional: [.object(cls)], keywordNames: keywords.map { $0.0 },
                                       keywordValues: keywords.map { $0.1 }))
            break
        }
        return cls
    }

    /// A class of a built-in source module that CPython implements in C names its C type in
    /// error messages ("'collections.deque' object ..."): its body's `__tp_name__` sets
    /// `tpName` instead of becoming an attribute. True when `name` was that entry.
    func takeTypeName(_ cls: PyClass, _ name: Name, _ value: PyValue) -> Bool {
        guard name.string == "__tp_name__", case .str(let t) = value,
              case .source? = moduleSources[cls.module] else { return false }
        cls.tpName = t
        return true
    }

    /// Functions of a class body learn their class, for zero-argument `super()`.
    func adoptClassMethod(_ v: PyValue, _ cls: PyClass) {
        guard case .object(let o) = v else { return }
        switch o {
        case let fn as PyFunction: if fn.definingClass == nil { fn.definingClass = cls }
        case let s as PyStaticMethod: adoptClassMethod(s.function, cls)
        case let c as PyClassMethod: adoptClassMethod(c.function, cls)
        case let p as PyProperty:
            if let g = p.fget { adoptClassMethod(g, cls) }
            if let s = p.fset { adoptClassMethod(s, cls) }
        default: break
        }
    }

    /// `type.__call__` and the metaclass methods `type` itself provides.
    func addMetaclassMethods() {
        let t = types.type!
        t.addMethod("__call__") { i, s, a in
            guard case .object(let o) = s, let c = o as? PyClass else {
                throw PyError.typeError("descriptor '__call__' requires a 'type' object")
            }
            return try i.instantiate(c, a)
        }
        // `type.__prepare__(name, bases, **kw)`: an empty dict (a metaclass's own
        // `__prepare__` may call it through `super()`).
        t.addMethod("__prepare__") { _, _, _ in .object(PyDict()) }
        // `type.__setattr__(cls, name, value)`, for a metaclass's own `__setattr__`.
        t.addMethod("__setattr__") { i, s, a in
            try a.check("__setattr__", 2)
            guard case .object(let o) = s, let c = o as? PyClass else {
                throw PyError.typeError("descriptor '__setattr__' requires a 'type' object")
            }
            c.setAttribute(Name(try i.str(a[0])), a[1])
            return .none
        }
    }
}
