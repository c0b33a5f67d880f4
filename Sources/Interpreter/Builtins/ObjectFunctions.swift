extension Interpreter {
    /// `locals()` of a frame: its slots (cells unwrapped), a class body's namespace, or a
    /// module's globals.
    func locals(_ f: Frame) throws -> PyDict {
        if let m = f.classMapping, let d = try classNamespaceDict(m) { return d }
        let d = PyDict()
        if let ns = f.namespace {
            for (n, v) in zip(ns.names, ns.values) { try d.set(.str(n.string), v) }
            return d
        }
        if f.function == nil {
            for n in f.globals.definedNames { try d.set(.str(n.string), f.globals[n]!) }
            return d
        }
        for i in localsOrder(f.code) where i < f.slotCount {
            let n = f.code.slotNames[i]
            guard var v = f.slots[i] else { continue }
            if f.code.cellSlots.contains(i), case .object(let o) = v, let c = o as? PyCell {
                guard let inner = c.value else { continue }
                v = inner
            }
            try d.set(.str(n.string), v)
        }
        return d
    }

    /// Slot indexes in CPython's `co_varnames` order: positional parameters, keyword-only
    /// ones, `*args`, `**kwargs`, then the other locals (slots hold `*args` before the
    /// keyword-only parameters).
    func localsOrder(_ code: CodeInfo) -> [Int] {
        let all = Array(code.slotNames.indices)
        guard let fc = code as? FunctionCode, fc.varargsSlot != nil, fc.kwOnlyCount > 0 else { return all }
        let p = fc.positionalCount
        var order = Array(0..<p)
        order += Array((p + 1)..<(p + 1 + fc.kwOnlyCount))
        order.append(p)
        order += all.filter { !order.contains($0) }
        return order
    }

    func installObjectFunctions() {
        installInstanceCheckMethods()
        fn("isinstance") { i, a in
            try a.check("isinstance", 2)
            return .bool(try i.isInstanceCheck(a[0], a[1]))
        }
        fn("issubclass") { i, a in
            try a.check("issubclass", 2)
            return .bool(try i.isSubclassCheck(a[0], a[1]))
        }
        fn("hasattr") { i, a in
            try a.check("hasattr", 2)
            let n = try i.stringArgument(a[1], "attribute name")
            return .bool(try i.hasAttribute(a[0], Name(n)))
        }
        fn("getattr") { i, a in
            try a.check("getattr", 2, 3)
            guard case .str(let n) = a[1] else { throw PyError.typeError("attribute name must be string, not '\(i.typeName(a[1]))'") }
            if a.count == 3 {
                do { return try i.getAttribute(a[0], Name(n)) } catch let e as PyError where i.errorIs(e, "AttributeError") { return a[2] }
            }
            return try i.getAttribute(a[0], Name(n))
        }
        fn("setattr") { i, a in
            try a.check("setattr", 3)
            guard case .str(let n) = a[1] else { throw PyError.typeError("attribute name must be string, not '\(i.typeName(a[1]))'") }
            try i.setAttribute(a[0], Name(n), a[2])
            return .none
        }
        fn("delattr") { i, a in
            try a.check("delattr", 2)
            guard case .str(let n) = a[1] else { throw PyError.typeError("attribute name must be string, not '\(i.typeName(a[1]))'") }
            try i.deleteAttribute(a[0], Name(n))
            return .none
        }
        fn("callable") { i, a in
            try a.check("callable", 1)
            guard case .object(let o) = a[0] else { return .false }
            if o is PyFunction || o is PyBuiltinFunction || o is PyBoundMethod || o is PyClass { return .true }
            return .bool(i.typeOf(a[0]).lookup(N.__call__) != nil)
        }
        fn("locals") { i, _ in
            let d = PyDict()
            for n in i.main.definedNames { try d.set(.str(n.string), i.main[n]!) }
            return .object(d)
        }
        fn("vars") { i, a in
            try a.check("vars", 0, 1)
            if a.count == 0 { return try i.call(i.builtins[Name("locals")]!, Arguments()) }
            do { return try i.getAttribute(a[0], N.__dict__) } catch let e as PyError where i.errorIs(e, "AttributeError") {
                throw PyError.typeError("vars() argument must have __dict__ attribute")
            }
        }
        fn("dir") { i, a in
            try a.check("dir", 0, 1)
            var names = Set<String>()
            if a.count == 0 {
                for n in i.main.definedNames { names.insert(n.string) }
            } else if case .object(let o) = a[0] {
                switch o {
                case let m as PyModule: for n in m.definedNames { names.insert(n.string) }
                case let c as PyClass: for k in c.mro { for n in k.dict.keys { names.insert(n.string) } }
                case let inst as PyInstance:
                    // A class's own `__dir__` (not object's, which is this function) decides.
                    if let owner = inst.cls.mro.first(where: { $0.dict[Name("__dir__")] != nil }), owner !== i.types.object {
                        let listed = try i.iterate(try i.call(try i.getAttribute(a[0], Name("__dir__")), Arguments([])))
                        return .list(try listed.map { .str(try i.str($0)) }.sorted { ($0.asString ?? "") < ($1.asString ?? "") })
                    }
                    for n in inst.attributes.names { names.insert(n.string) }
                    for k in inst.cls.mro { for n in k.dict.keys { names.insert(n.string) } }
                default: for k in i.typeOf(a[0]).mro { for n in k.dict.keys { names.insert(n.string) } }
                }
            } else {
                for k in i.typeOf(a[0]).mro { for n in k.dict.keys { names.insert(n.string) } }
            }
            return .list(names.sorted().map { .str($0) })
        }
    }
}
