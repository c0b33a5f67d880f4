/// `isinstance` and `issubclass` as CPython 3.11's `PyObject_IsInstance` /
/// `PyObject_IsSubclass` run them: an exact type match first, then (for a class whose
/// metaclass defines it) the metaclass's `__instancecheck__` / `__subclasscheck__`, unions
/// and tuples item by item (stopping at the first match, so a bad later item is not seen),
/// any other object's own hook (`typing.Iterable`), and finally the MRO test, which for
/// `isinstance` also asks an instance whose class overrides `__class__`.
/// Classes of plain `type` never reach Python code: `c.metaclass` is nil for them.
extension Interpreter {
    static let instanceCheckName = Name("__instancecheck__")
    static let subclassCheckName = Name("__subclasscheck__")

    func isInstanceCheck(_ v: PyValue, _ spec: PyValue, depth: Int = 0) throws -> Bool {
        if case .object(let o) = spec {
            if type(of: o) == PyClass.self {
                let c = unsafeDowncast(o, to: PyClass.self)
                let t = typeOf(v)
                if t === c { return true }
                if c.metaclass != nil, let hook = metaclassMethod(c, Interpreter.instanceCheckName) {
                    return try truthy(callAttribute(hook, receiver: spec, Arguments([v])))
                }
                if t.isSubclass(of: c) { return true }
                if let k = try overriddenClass(v, t) { return k.isSubclass(of: c) }
                return false
            }
            if let tuple = o as? PyTuple { return try anyItem(tuple.items, depth) { try isInstanceCheck(v, $0, depth: $1) } }
        }
        if let u = spec.payload(UnionInfo.self) { return try anyItem(u.members, depth) { try isInstanceCheck(v, $0, depth: $1) } }
        if spec.payload(GenericAliasInfo.self) != nil {
            throw PyError.typeError("isinstance() argument 2 cannot be a parameterized generic")
        }
        if let hook = try lookupSpecial(spec, Interpreter.instanceCheckName) {
            return try truthy(call(hook, Arguments([v])))
        }
        throw PyError.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
    }

    func isSubclassCheck(_ v: PyValue, _ spec: PyValue, depth: Int = 0) throws -> Bool {
        if case .object(let o) = spec {
            if type(of: o) == PyClass.self {
                let c = unsafeDowncast(o, to: PyClass.self)
                // CPython tests `derived is cls` first only for classes of plain `type`.
                if c.metaclass != nil, let hook = metaclassMethod(c, Interpreter.subclassCheckName) {
                    return try truthy(callAttribute(hook, receiver: spec, Arguments([v])))
                }
                if case .object(let d) = v, d === c { return true }
                guard case .object(let d) = v, let derived = d as? PyClass else {
                    throw PyError.typeError("issubclass() arg 1 must be a class")
                }
                return derived.isSubclass(of: c)
            }
            if let tuple = o as? PyTuple { return try anyItem(tuple.items, depth) { try isSubclassCheck(v, $0, depth: $1) } }
        }
        if let u = spec.payload(UnionInfo.self) { return try anyItem(u.members, depth) { try isSubclassCheck(v, $0, depth: $1) } }
        if spec.payload(GenericAliasInfo.self) != nil {
            throw PyError.typeError("issubclass() argument 2 cannot be a parameterized generic")
        }
        if let hook = try lookupSpecial(spec, Interpreter.subclassCheckName) {
            return try truthy(call(hook, Arguments([v])))
        }
        guard case .object(let d) = v, d is PyClass else { throw PyError.typeError("issubclass() arg 1 must be a class") }
        throw PyError.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union")
    }

    /// The first item that matches, in order; nesting deeper than CPython's recursion limit
    /// is its RecursionError.
    private func anyItem(_ items: [PyValue], _ depth: Int, _ test: (PyValue, Int) throws -> Bool) throws -> Bool {
        if depth > 1000 { throw PyError(type: "RecursionError", message: "maximum recursion depth exceeded in __instancecheck__") }
        for item in items { if try test(item, depth + 1) { return true } }
        return false
    }

    /// `v.__class__` when an instance's class overrides it (a property or attribute named
    /// `__class__`) and it differs from `type(v)`.
    func overriddenClass(_ v: PyValue, _ t: PyClass) throws -> PyClass? {
        guard case .object(let o) = v, type(of: o) == PyInstance.self else { return nil }
        guard t.lookup(N.__class__) != nil else { return nil }
        let k: PyValue
        do { k = try getAttribute(v, N.__class__) } catch let e as PyError where errorIs(e, "AttributeError") { return nil }
        guard case .object(let ko) = k, let kc = ko as? PyClass, kc !== t else { return nil }
        return kc
    }

    /// `type.__instancecheck__` / `type.__subclasscheck__` (for a metaclass's `super()`
    /// call), `object.__subclasshook__` and `type.__subclasses__`.
    func installInstanceCheckMethods() {
        let t = types.type!
        t.addMethod("__instancecheck__") { i, s, a in
            try a.check("__instancecheck__", 1)
            guard case .object(let o) = s, let c = o as? PyClass else {
                throw PyError.typeError("descriptor '__instancecheck__' requires a 'type' object")
            }
            let vt = i.typeOf(a[0])
            if vt.isSubclass(of: c) { return .true }
            if let k = try i.overriddenClass(a[0], vt) { return .bool(k.isSubclass(of: c)) }
            return .false
        }
        t.addMethod("__subclasscheck__") { i, s, a in
            try a.check("__subclasscheck__", 1)
            guard case .object(let o) = s, let c = o as? PyClass else {
                throw PyError.typeError("descriptor '__subclasscheck__' requires a 'type' object")
            }
            guard case .object(let d) = a[0], let derived = d as? PyClass else {
                throw PyError.typeError("issubclass() arg 1 must be a class")
            }
            return .bool(derived.isSubclass(of: c))
        }
        t.addMethod("__subclasses__") { _, s, _ in
            guard case .object(let o) = s, let c = o as? PyClass else { return .list([]) }
            return .list(c.subclasses.map { .object($0) })
        }
        types.object.addClassMethod("__subclasshook__") { _, _, _ in .notImplemented }
    }
}
