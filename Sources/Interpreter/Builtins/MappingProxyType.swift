/// `mappingproxy` (`types.MappingProxyType`): CPython's read-only view of a mapping. It is
/// what a class's `__dict__` and a dict view's `.mapping` give; reads go to the mapping
/// (live: later changes show), writes fail with CPython's texts because the type has no
/// `__setitem__`/`__delitem__`.
final class MappingProxy {
    /// A mapping object, or a class whose own namespace (`c.dict` in definition order) is
    /// shown, read anew each time so the proxy stays live.
    enum Source {
        case mapping(PyValue)
        case classNamespace(PyClass)
    }
    let source: Source
    init(_ source: Source) { self.source = source }
}

extension Interpreter {
    func installMappingProxy() {
        let cls = makeClass("mappingproxy", module: "builtins")
        cls.allowsSubclassing = false
        mappingProxyClass = cls
        cls.setConstructor { i, _, a in
            let b = try a.bind(Signature("mappingproxy", ["mapping"], required: 1))
            let m = b[0]!
            let isMapping = m.asDict != nil || (m.asList == nil && m.asTuple == nil && i.typeOf(m).lookup(N.__getitem__) != nil)
            guard isMapping else {
                throw PyError.typeError("mappingproxy() argument must be a mapping, not \(i.typeName(m))")
            }
            return i.mappingProxy(m)
        }
        func m(_ name: String, _ body: @escaping (Interpreter, PyValue, Arguments) throws -> PyValue) {
            cls.addMethod(name) { i, s, a in
                guard let p = s.payload(MappingProxy.self) else {
                    throw PyError.typeError("descriptor '\(name)' requires a 'mappingproxy' object but received a '\(i.typeName(s))'")
                }
                return try body(i, try i.proxiedMapping(p), a)
            }
        }
        // A class's namespace answers lookups directly (no copy of it).
        func own(_ s: PyValue) -> PyClass? {
            if case .classNamespace(let c)? = s.payload(MappingProxy.self)?.source { return c }
            return nil
        }
        cls.addMethod("__getitem__") { i, s, a in
            try a.check("__getitem__", 1)
            if let c = own(s), case .str(let k) = a[0] {
                guard let v = c.dict[Name(k)] else { throw PyError.keyError(a[0]) }
                return v
            }
            guard let p = s.payload(MappingProxy.self) else { return .notImplemented }
            return try i.getItem(try i.proxiedMapping(p), a[0])
        }
        cls.addMethod("__contains__") { i, s, a in
            try a.check("__contains__", 1)
            if let c = own(s) {
                guard case .str(let k) = a[0] else { _ = try i.hashValue(a[0]); return .false }
                return .bool(c.dict[Name(k)] != nil)
            }
            guard let p = s.payload(MappingProxy.self) else { return .notImplemented }
            return .bool(try i.contains(try i.proxiedMapping(p), a[0]))
        }
        cls.addMethod("get") { i, s, a in
            try a.check("get", 1, 2)
            if let c = own(s) {
                if case .str(let k) = a[0], let v = c.dict[Name(k)] { return v }
                if case .str = a[0] {} else { _ = try i.hashValue(a[0]) }
                return a.count == 2 ? a[1] : .none
            }
            guard let p = s.payload(MappingProxy.self) else { return .notImplemented }
            let d = try i.proxiedMapping(p)
            return try i.call(try i.getAttribute(d, Name("get")), Arguments(a.count == 2 ? [a[0], a[1]] : [a[0]]))
        }
        m("__len__") { i, d, _ in .int(try i.length(d)) }
        m("__iter__") { i, d, _ in try i.getIterator(d) }
        m("__reversed__") { i, d, _ in try i.call(i.builtins[Name("reversed")]!, Arguments([d])) }
        m("keys") { i, d, a in try a.check("keys", 0); return try i.callMethod(d, "keys") }
        m("values") { i, d, a in try a.check("values", 0); return try i.callMethod(d, "values") }
        m("items") { i, d, a in try a.check("items", 0); return try i.callMethod(d, "items") }
        m("copy") { i, d, a in try a.check("copy", 0); return try i.callMethod(d, "copy") }
        m("__repr__") { i, d, _ in .str("mappingproxy(" + (try i.repr(d)) + ")") }
        m("__str__") { i, d, _ in .str(try i.str(d)) }
        m("__eq__") { i, d, a in try i.compare(.eq, d, a[0]) }
        m("__ne__") { i, d, a in try i.compare(.ne, d, a[0]) }
        m("__or__") { i, d, a in
            if a[0].payload(MappingProxy.self) != nil { return try i.binaryOp(.or, d, try i.proxiedMapping(a[0].payload(MappingProxy.self)!)) }
            return try i.binaryOp(.or, d, a[0])
        }
        cls.addMethod("__ror__") { i, s, a in
            guard let p = s.payload(MappingProxy.self) else { return .notImplemented }
            return try i.binaryOp(.or, a[0], try i.proxiedMapping(p))
        }
        cls.addMethod("__ior__") { i, s, a in
            throw PyError.typeError("'|=' is not supported by mappingproxy; use '|' instead")
        }
        cls.setAttribute(N.__hash__, PyValue.none)
        cls.addMethod("__setattr__") { i, s, a in
            try a.check("__setattr__", 2)
            throw i.noAttribute(s, "'mappingproxy' object has no attribute '\(try i.str(a[0]))'")
        }
        // `d.keys().mapping`: a read-only proxy of the dict the view belongs to.
        for view in dictViewClasses {
            view.addProperty("mapping", get: { i, s in i.mappingProxy(.object((s.asObject as! PyDictView).dict)) })
        }
    }

    /// A proxy over a mapping object.
    func mappingProxy(_ mapping: PyValue) -> PyValue {
        makeInstance(mappingProxyClass, payload: MappingProxy(.mapping(mapping)))
    }

    /// `C.__dict__`: a live read-only proxy of the class's namespace.
    func classNamespaceProxy(_ c: PyClass) -> PyValue {
        makeInstance(mappingProxyClass, payload: MappingProxy(.classNamespace(c)))
    }

    /// The mapping a proxy reads: the wrapped object, or a dict of the class's namespace
    /// as it is now.
    func proxiedMapping(_ p: MappingProxy) throws -> PyValue {
        switch p.source {
        case .mapping(let m): return m
        case .classNamespace(let c):
            let d = PyDict()
            for n in c.order { try d.set(.str(n.string), c.dict[n]!) }
            return .object(d)
        }
    }

    private func callMethod(_ v: PyValue, _ name: String) throws -> PyValue {
        try call(try getAttribute(v, Name(name)), Arguments([]))
    }
}
