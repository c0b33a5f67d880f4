/// `list[int]` and `int | None`: CPython's `types.GenericAlias` and `types.UnionType`, so
/// annotations print as CPython prints them (`list[int]`, `dict[str, int]`, `int | None`)
/// and `isinstance(x, int | str)` checks each member.
final class GenericAliasInfo {
    let origin: PyValue
    let args: [PyValue]
    init(origin: PyValue, args: [PyValue]) { self.origin = origin; self.args = args }
}

/// The members of `X | Y`, flattened and without repeats, in the order written.
final class UnionInfo {
    let members: [PyValue]
    init(_ members: [PyValue]) { self.members = members }
}

extension Interpreter {
    func installTypeAliases() {
        let alias = makeClass("GenericAlias", module: "types")
        let union = makeClass("UnionType", module: "types")
        types.genericAlias = alias
        types.unionType = union
        func info(_ v: PyValue) throws -> GenericAliasInfo {
            guard let a = v.payload(GenericAliasInfo.self) else { throw PyError.typeError("expected types.GenericAlias") }
            return a
        }
        func members(_ v: PyValue) throws -> [PyValue] {
            guard let u = v.payload(UnionInfo.self) else { throw PyError.typeError("expected types.UnionType") }
            return u.members
        }
        // `types.GenericAlias(origin, args)`, as `__class_getitem__ = classmethod(GenericAlias)` calls it.
        alias.setConstructor { i, _, a in
            try a.check("GenericAlias", 2)
            return i.genericAlias(a[0], a[1])
        }
        alias.addProperty("__origin__") { _, s in try info(s).origin }
        alias.addProperty("__args__") { _, s in .tuple(try info(s).args) }
        alias.addProperty("__parameters__") { _, _ in .tuple([]) }
        alias.addMethod("__repr__") { i, s, _ in
            let a = try info(s)
            let args = a.args.isEmpty ? "()" : try a.args.map { try i.typeArgumentRepr($0) }.joined(separator: ", ")
            return .str(try i.typeArgumentRepr(a.origin) + "[" + args + "]")
        }
        alias.addMethod("__call__") { i, s, a in try i.call(try info(s).origin, a) }
        alias.addMethod("__eq__") { i, s, a in
            guard let o = a[0].payload(GenericAliasInfo.self) else { return .notImplemented }
            let me = try info(s)
            return .bool(try i.equals(me.origin, o.origin) && i.equals(.tuple(me.args), .tuple(o.args)))
        }
        alias.addMethod("__hash__") { i, s, _ in
            let me = try info(s)
            return .int(try i.hashValue(me.origin) ^ i.hashValue(.tuple(me.args)))
        }
        alias.addMethod("__getattr__") { i, s, a in try i.getAttribute(try info(s).origin, Name(try i.stringArgument(a[0], "attribute name"))) }
        for name in ["__or__", "__ror__"] {
            alias.addMethod(name) { i, s, a in
                (name == "__or__" ? i.typeUnion(s, a[0]) : i.typeUnion(a[0], s)) ?? .notImplemented
            }
        }
        union.addProperty("__args__") { _, s in .tuple(try members(s)) }
        union.addMethod("__repr__") { i, s, _ in .str(try members(s).map { try i.typeArgumentRepr($0) }.joined(separator: " | ")) }
        union.addMethod("__eq__") { i, s, a in
            guard let o = a[0].payload(UnionInfo.self) else { return .notImplemented }
            let x = try members(s), y = o.members
            func covers(_ p: [PyValue], _ q: [PyValue]) throws -> Bool {
                try p.allSatisfy { v in try q.contains { try i.equals(v, $0) } }
            }
            return .bool(try covers(x, y) && covers(y, x))
        }
        union.addMethod("__hash__") { i, s, _ in
            .int(try members(s).reduce(0) { $0 ^ (try i.hashValue($1)) })
        }
        for name in ["__or__", "__ror__"] {
            union.addMethod(name) { i, s, a in
                (name == "__or__" ? i.typeUnion(s, a[0]) : i.typeUnion(a[0], s)) ?? .notImplemented
            }
        }
    }

    /// `cls[args]` for a class without `__class_getitem__`: a `types.GenericAlias`.
    func genericAlias(_ origin: PyValue, _ key: PyValue) -> PyValue {
        let args = key.asTuple?.items ?? [key]
        return .object(PyInstance(cls: types.genericAlias!, payload: GenericAliasInfo(origin: origin, args: args)))
    }

    /// `X | Y` of classes, None, aliases and unions: a `types.UnionType`; nil when either
    /// side is something else (the operator then raises its usual TypeError).
    func typeUnion(_ a: PyValue, _ b: PyValue) -> PyValue? {
        func parts(_ v: PyValue) -> [PyValue]? {
            if v.isNone { return [.object(types.noneType)] }
            if let u = v.payload(UnionInfo.self) { return u.members }
            if v.payload(GenericAliasInfo.self) != nil { return [v] }
            if case .object(let o) = v, o is PyClass { return [v] }
            return nil
        }
        // `type.__or__` needs a type (or union, or alias) on one side: `None | None` is not one.
        guard !(a.isNone && b.isNone), let x = parts(a), let y = parts(b) else { return nil }
        var out: [PyValue] = []
        for v in x + y where !out.contains(where: { (try? equals($0, v)) ?? false }) { out.append(v) }
        if out.count == 1 { return out[0] }
        return .object(PyInstance(cls: types.unionType!, payload: UnionInfo(out)))
    }

    /// How CPython writes a type inside `list[...]` or `X | Y`: a builtin class by name,
    /// others as `module.qualname`, None's type as `None`, `...` as `...`, else `repr`.
    func typeArgumentRepr(_ v: PyValue) throws -> String {
        if v.isNone { return "None" }
        if case .object(let o) = v {
            if let c = o as? PyClass {
                if c === types.noneType { return "None" }
                return c.module == "builtins" ? c.qualname : c.module + "." + c.qualname
            }
            if v.isEllipsis { return "..." }
        }
        return try repr(v)
    }
}
