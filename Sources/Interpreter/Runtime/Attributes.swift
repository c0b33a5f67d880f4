extension Interpreter {
    /// `getattr(v, name)`.
    public func getAttribute(_ v: PyValue, _ name: Name) throws -> PyValue {
        if case .object(let o) = v {
            if let inst = o as? PyInstance { return try instanceAttribute(inst, v, name) }
            if let m = o as? PyModule { return try moduleAttribute(m, name) }
            if let c = o as? PyClass { return try classAttribute(c, name) }
            if let s = o as? PySuper { return try superAttribute(s, name) }
            if let r = try objectAttribute(o, name) { return r }
        }
        let cls = typeOf(v)
        if let attr = cls.lookup(name) { return try bindDescriptor(attr, receiver: v, cls: cls) }
        if name == N.__class__ { return .object(cls) }
        // A bound method reads the rest from its function (CPython's method_getattro).
        if case .object(let o) = v, let m = o as? PyBoundMethod { return try getAttribute(m.function, name) }
        throw noAttribute(v, "'\(cls.name)' object has no attribute '\(name)'")
    }

    /// The attribute names instances of `c` may have when every class of its MRO (but
    /// `object`) declares `__slots__` without `__dict__`, as CPython lays such instances
    /// out; nil when they have a `__dict__`. Native classes (their instances keep Swift
    /// state) and built-in subclasses are left alone.
    func slotNames(_ c: PyClass) -> Set<Name>? {
        guard c.constructor == nil else { return nil }
        var names = Set<Name>()
        for k in c.mro where k !== types.object {
            guard let slots = k.dict[Name("__slots__")] else { return nil }
            let items: [PyValue]
            if case .str(let s) = slots { items = [.str(s)] }
            else if let t = slots.asTuple { items = t.items }
            else if let l = slots.asList { items = l.items }
            else { return nil }
            for item in items {
                guard case .str(let s) = item else { return nil }
                if s == "__dict__" { return nil }
                names.insert(Name(s))
            }
        }
        return names
    }

    /// The class of a data descriptor (an instance whose class defines `__set__` or
    /// `__delete__`): it wins over the instance's own attributes, as in CPython.
    func dataDescriptor(_ attr: PyValue) -> PyClass? {
        guard case .object(let o) = attr, type(of: o) == PyInstance.self else { return nil }
        let c = unsafeDowncast(o, to: PyInstance.self).cls
        guard c.lookup(N.__set__) != nil || c.lookup(N.__delete__) != nil else { return nil }
        return c
    }

    /// An AttributeError for a failed lookup on `v`, which it keeps as `obj`.
    func noAttribute(_ v: PyValue, _ message: String) -> PyError {
        let e = PyError.attributeError(message)
        e.attributeObject = v
        return e
    }

    public func getAttribute(_ v: PyValue, _ name: String) throws -> PyValue { try getAttribute(v, Name(name)) }

    private func instanceAttribute(_ inst: PyInstance, _ v: PyValue, _ name: Name) throws -> PyValue {
        let cls = inst.cls
        let classAttr = cls.lookup(name)
        if let ca = classAttr, case .object(let o) = ca, let p = o as? PyProperty {
            guard let g = p.fget else { throw PyError.attributeError("property '\(name)' of '\(cls.name)' object has no getter") }
            return try call(g, Arguments([v]))
        }
        if let ca = classAttr, dataDescriptor(ca) != nil { return try bindDescriptor(ca, receiver: v, cls: cls) }
        if let x = inst.attributes.get(name) { return x }
        if let ca = classAttr { return try bindDescriptor(ca, receiver: v, cls: cls) }
        if name == N.__class__ { return .object(cls) }
        if name == N.__dict__ {
            if slotNames(cls) != nil { throw noAttribute(v, "'\(cls.name)' object has no attribute '__dict__'") }
            return inst.dictIsSelf ? v : .object(inst.liveDict())
        }
        if let ga = cls.lookup(N.__getattr__) {
            return try callAttribute(ga, receiver: v, Arguments([.str(name.string)]))
        }
        throw noAttribute(v, "'\(cls.name)' object has no attribute '\(name)'")
    }

    private func moduleAttribute(_ m: PyModule, _ name: Name) throws -> PyValue {
        if let x = m[name] { return x }
        let sub = m.name + "." + name.string
        if hasModule(sub) { return .object(try importModule(sub)) }
        if name == N.__dict__ {
            let d = PyDict()
            for n in m.definedNames { try d.set(.str(n.string), m[n]!) }
            return .object(d)
        }
        if m === builtins {
            // Names the builtins module makes on first use (`complex`, `ExceptionGroup`)
            // and the constants the parser handles: `builtins.complex`, `builtins.True`.
            if let v = try lazyBuiltin(name) { return v }
            if name.string == "True" { return .bool(true) }
            if name.string == "False" { return .bool(false) }
        }
        if m.initializing {
            throw PyError.attributeError("partially initialized module '\(m.name)' has no attribute '\(name)' (most likely due to a circular import)")
        }
        throw noAttribute(.object(m), "module '\(m.name)' has no attribute '\(name)'")
    }

    func classAttribute(_ c: PyClass, _ name: Name) throws -> PyValue {
        if let a = c.lookup(name) {
            if case .object(let o) = a {
                if let s = o as? PyStaticMethod { return s.function }
                if let cm = o as? PyClassMethod { return .object(PyBoundMethod(receiver: .object(c), function: cm.function)) }
                if type(of: o) == PyInstance.self, let get = unsafeDowncast(o, to: PyInstance.self).cls.lookup(N.__get__) {
                    return try callAttribute(get, receiver: a, Arguments(.none, .object(c)))
                }
            }
            return a
        }
        switch name.string {
        case "__name__": return .str(c.name)
        case "__qualname__": return .str(c.qualname)
        case "__module__": return .str(c.module)
        case "__mro__": return .tuple(c.mro.map { .object($0) })
        case "__bases__": return .tuple(c.bases.map { .object($0) })
        case "__base__": return c.base.map { .object($0) } ?? .none
        case "__class__": return .object(c.metaclass ?? types.type)
        case "__doc__": return .none
        case "__dict__": return classNamespaceProxy(c)
        default: break
        }
        if let meta = c.metaclass, let a = meta.lookup(name) { return try bindDescriptor(a, receiver: .object(c), cls: meta) }
        if let a = types.type.lookup(name) { return try bindDescriptor(a, receiver: .object(c), cls: types.type) }
        if c.metaclass != nil, let ga = metaclassMethod(c, N.__getattr__) {
            return try callAttribute(ga, receiver: .object(c), Arguments([.str(name.string)]))
        }
        throw noAttribute(.object(c), "type object '\(c.name)' has no attribute '\(name)'")
    }

    private func superAttribute(_ s: PySuper, _ name: Name) throws -> PyValue {
        let mro = s.objectType.mro
        var i = (mro.firstIndex { $0 === s.start } ?? mro.count - 1) + 1
        while i < mro.count {
            if let a = mro[i].dict[name] {
                if case .object(let o) = a, let cm = o as? PyClassMethod {
                    return .object(PyBoundMethod(receiver: .object(s.objectType), function: cm.function))
                }
                // `super(C, cls)` in a class method; a class as the instance of a metaclass binds.
                if case .object(let o) = s.object, o is PyClass, o === s.objectType {
                    if case .object(let ao) = a, let st = ao as? PyStaticMethod { return st.function }
                    return a
                }
                return try bindDescriptor(a, receiver: s.object, cls: s.objectType)
            }
            i += 1
        }
        throw PyError.attributeError("'super' object has no attribute '\(name)'")
    }

    private func objectAttribute(_ o: PyObject, _ name: Name) throws -> PyValue? {
        switch o {
        case let f as PyFunction:
            if let x = f.attributes.get(name) { return x }
            switch name.string {
            case "__name__": return .str(f.name)
            case "__qualname__": return .str(f.qualname)
            case "__module__": return f.globals[N.__name__] ?? PyValue.none
            case "__doc__": return f.code.docstring
            case "__defaults__": return f.defaults.isEmpty ? PyValue.none : .tuple(f.defaults)
            case "__annotations__":
                // A function without annotations has an empty dict, made on first access.
                let d = PyValue.object(PyDict())
                f.attributes.set(name, d)
                return d
            case "__dict__":
                let d = PyDict()
                for (n, x) in zip(f.attributes.names, f.attributes.values) { try d.set(.str(n.string), x) }
                return .object(d)
            default: return nil
            }
        case let b as PyBuiltinFunction:
            switch name.string {
            case "__name__": return .str(b.name)
            case "__qualname__": return .str(b.qualname)
            case "__doc__": return PyValue.none
            default: return nil
            }
        case let g as PyGenerator:
            switch name.string {
            case "__name__": return .str(g.name)
            case "__qualname__": return .str(g.qualname)
            default: return nil
            }
        case let g as GeneratorExpressionIterator:
            switch name.string {
            case "__name__": return .str("<genexpr>")
            case "__qualname__": return .str(g.node.qualname)
            default: return nil
            }
        case let m as PyBoundMethod:
            switch name.string {
            case "__self__": return m.receiver
            case "__func__": return m.function
            case "__name__", "__qualname__", "__doc__": return try getAttribute(m.function, name)
            default: return nil
            }
        case let p as PyProperty:
            switch name.string {
            case "fget": return p.fget ?? PyValue.none
            case "fset": return p.fset ?? PyValue.none
            case "__doc__": return p.doc
            default: return nil
            }
        case let s as PyStaticMethod:
            if name == N.__func__ { return s.function }
            return nil
        case let c as PyClassMethod:
            if name == N.__func__ { return c.function }
            return nil
        case let s as PySlice:
            switch name.string {
            case "start": return s.start
            case "stop": return s.stop
            case "step": return s.step
            default: return nil
            }
        case let r as PyRange:
            switch name.string {
            case "start": return .int(r.start)
            case "stop": return .int(r.stop)
            case "step": return .int(r.step)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Applies the descriptor protocol to an attribute found on a class.
    func bindDescriptor(_ attr: PyValue, receiver: PyValue, cls: PyClass) throws -> PyValue {
        guard case .object(let o) = attr else { return attr }
        switch o {
        case is PyFunction:
            return .object(PyBoundMethod(receiver: receiver, function: attr))
        case let b as PyBuiltinFunction:
            return b.isMethod ? .object(PyBoundMethod(receiver: receiver, function: attr)) : attr
        case let s as PyStaticMethod:
            return s.function
        case let c as PyClassMethod:
            return .object(PyBoundMethod(receiver: .object(cls), function: c.function))
        case let p as PyProperty:
            guard let g = p.fget else { throw PyError.attributeError("unreadable attribute") }
            return try call(g, Arguments([receiver]))
        case let inst as PyInstance:
            if let get = inst.cls.lookup(Name("__get__")) {
                return try callAttribute(get, receiver: attr, Arguments(receiver, .object(cls)))
            }
            return attr
        default:
            return attr
        }
    }

    /// The bound special method `name` of `v`'s class, or nil.
    func lookupSpecial(_ v: PyValue, _ name: Name) throws -> PyValue? {
        let cls = typeOf(v)
        guard let attr = cls.lookup(name) else { return nil }
        return try bindDescriptor(attr, receiver: v, cls: cls)
    }

    /// `setattr(v, name, value)`.
    public func setAttribute(_ v: PyValue, _ name: Name, _ value: PyValue) throws {
        guard case .object(let o) = v else { throw builtinInstanceAttributeError(v, name) }
        switch o {
        case let inst as PyInstance where isBuiltinType(inst.cls) && !inst.cls.isException:
            throw builtinInstanceAttributeError(v, name)
        case let c as PyClass where isBuiltinType(c):
            throw PyError.typeError("cannot set '\(name)' attribute of immutable type '\(c.name)'")
        case let inst as PyInstance:
            if let sa = inst.cls.lookup(N.__setattr__), case .object(let so) = sa, so !== types.object.dict[N.__setattr__]?.asObject {
                _ = try callAttribute(sa, receiver: v, Arguments([.str(name.string), value]))
                return
            }
            try rawSetAttribute(inst, name, value)
        case let c as PyClass:
            if c.metaclass != nil, let m = metaclassMethod(c, N.__setattr__) {
                _ = try callAttribute(m, receiver: v, Arguments([.str(name.string), value]))
                return
            }
            if name == N.__name__, case .str(let n) = value { c.name = n; return }
            if name == N.__qualname__, case .str(let n) = value { c.qualname = n; return }
            // CPython's type repr reads `__module__` from the class dict: keep both in step.
            if name.string == "__module__", case .str(let m) = value { c.module = m }
            c.setAttribute(name, value)
        case let m as PyModule:
            m[name] = value
        case let f as PyFunction:
            switch name.string {
            case "__name__": f.name = try str(value)
            case "__qualname__": f.qualname = try str(value)
            default: f.attributes.set(name, value)
            }
        default:
            throw builtinInstanceAttributeError(v, name)
        }
    }

    /// A type of the `builtins` module (`int`, `list`, `ValueError`, ...): CPython's static
    /// types, whose attributes cannot be set and whose instances have no `__dict__`.
    func isBuiltinType(_ c: PyClass) -> Bool {
        c.module == "builtins" && builtins[Name(c.name)]?.asObject === c
    }

    /// `PyObject_GenericSetAttr` on an object without a `__dict__`: a name the type has is
    /// read-only (a getset descriptor "is not writable"), any other is missing.
    func builtinInstanceAttributeError(_ v: PyValue, _ name: Name) -> PyError {
        let t = typeOf(v)
        if let attr = t.lookup(name) {
            if case .object(let o) = attr, o is PyProperty {
                return PyError.attributeError("attribute '\(name)' of '\(t.name)' objects is not writable")
            }
            return PyError.attributeError("'\(t.name)' object attribute '\(name)' is read-only")
        }
        return PyError.attributeError("'\(t.name)' object has no attribute '\(name)'")
    }

    public func setAttribute(_ v: PyValue, _ name: String, _ value: PyValue) throws { try setAttribute(v, Name(name), value) }

    /// `object.__setattr__`: properties first, then the instance's own attributes.
    func rawSetAttribute(_ inst: PyInstance, _ name: Name, _ value: PyValue) throws {
        if let ca = inst.cls.lookup(name), case .object(let co) = ca, let p = co as? PyProperty {
            guard let s = p.fset else {
                throw PyError.attributeError("property '\(name)' of '\(inst.cls.name)' object has no setter")
            }
            _ = try call(s, Arguments([.object(inst), value]))
            return
        }
        if name == N.__class__, case .object(let co) = value, let c = co as? PyClass { inst.cls = c; return }
        if let ca = inst.cls.lookup(name), let dc = dataDescriptor(ca) {
            guard let set = dc.lookup(N.__set__) else { throw PyError.attributeError("__set__") }
            _ = try callAttribute(set, receiver: ca, Arguments(.object(inst), value))
            return
        }
        if let allowed = slotNames(inst.cls), !allowed.contains(name) {
            throw noAttribute(.object(inst), "'\(inst.cls.name)' object has no attribute '\(name)'")
        }
        if name == N.__dict__ {
            guard let d = value.asDict else {
                throw PyError.typeError("__dict__ must be set to a dictionary, not a '\(typeName(value))'")
            }
            inst.replaceDict(d, isSelf: value.asObject === inst)
            return
        }
        inst.attributes.set(name, value)
    }

    /// `delattr(v, name)`.
    public func deleteAttribute(_ v: PyValue, _ name: Name) throws {
        if case .object(let o) = v {
            if let inst = o as? PyInstance, isBuiltinType(inst.cls), !inst.cls.isException { throw builtinInstanceAttributeError(v, name) }
            if let c = o as? PyClass, isBuiltinType(c) {
                throw PyError.typeError("cannot set '\(name)' attribute of immutable type '\(c.name)'")
            }
            if let inst = o as? PyInstance {
                if let da = inst.cls.lookup(N.__delattr__), case .object(let dobj) = da, dobj !== types.object.dict[N.__delattr__]?.asObject {
                    _ = try callAttribute(da, receiver: v, Arguments([.str(name.string)]))
                    return
                }
                if let ca = inst.cls.lookup(name), case .object(let co) = ca, let p = co as? PyProperty {
                    guard let d = p.fdel else { throw PyError.attributeError("property '\(name)' of '\(inst.cls.name)' object has no deleter") }
                    _ = try call(d, Arguments([v]))
                    return
                }
                if let ca = inst.cls.lookup(name), let dc = dataDescriptor(ca) {
                    guard let del = dc.lookup(N.__delete__) else { throw PyError.attributeError("__delete__") }
                    _ = try callAttribute(del, receiver: ca, Arguments(v))
                    return
                }
                if inst.attributes.remove(name) { return }
                throw PyError.attributeError("'\(inst.cls.name)' object has no attribute '\(name)'")
            }
            if let c = o as? PyClass, c.dict[name] != nil { c.setAttribute(name, nil); return }
            if let m = o as? PyModule, m[name] != nil { m[name] = nil; return }
            if let f = o as? PyFunction, f.attributes.remove(name) { return }
            if o is PyClass || o is PyModule || o is PyFunction {
                throw PyError.attributeError("'\(typeName(v))' object has no attribute '\(name)'")
            }
        }
        throw builtinInstanceAttributeError(v, name)
    }

    /// `hasattr(v, name)`: getattr that swallows AttributeError only.
    public func hasAttribute(_ v: PyValue, _ name: Name) throws -> Bool {
        do {
            _ = try getAttribute(v, name)
            return true
        } catch let e as PyError where errorIs(e, "AttributeError") {
            return false
        }
    }
}
