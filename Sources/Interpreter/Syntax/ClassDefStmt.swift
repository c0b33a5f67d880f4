/// The code of a class body; it runs once, filling the class namespace.
final class ClassCode: CodeInfo {
    var qualname: String
    init(name: String, qualname: String, file: String, source: SourceText) {
        self.qualname = qualname
        super.init(name: name, file: file, source: source)
    }
}

final class ClassDefStmt: Stmt {
    let name: String
    let bases: [Expr]
    let keywords: [(name: Name?, value: Expr)]
    let decorators: [Expr]
    let code: ClassCode
    let target: NameExpr

    init(name: String, bases: [Expr], keywords: [(name: Name?, value: Expr)], decorators: [Expr], code: ClassCode, line: Int, col: Int) {
        self.name = name; self.bases = bases; self.keywords = keywords; self.decorators = decorators; self.code = code
        target = NameExpr(Name(name), line: line, col: col)
        super.init(line: line, col: col)
    }

    override func declare(_ r: Resolver) { r.declare(name) }
    override func resolve(_ r: Resolver) {
        decorators.forEach { $0.resolve(r) }
        bases.forEach { $0.resolve(r) }
        keywords.forEach { $0.value.resolve(r) }
        r.resolveClass(code)
        target.resolve(r)
    }

    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        let interp = f.interp
        var decos: [PyValue] = []
        for d in decorators { decos.append(try d.eval(f)) }
        var baseClasses: [PyClass] = []
        let written = try bases.map { try $0.eval(f) }
        for var v in written {
            if let alias = v.payload(GenericAliasInfo.self) { v = alias.origin }  // `class C(list[int])`
            // A base that is not a class may name its replacements (`typing.Mapping`).
            if case .object(let o) = v, type(of: o) == PyInstance.self,
               let entries = try interp.lookupSpecial(v, Name("__mro_entries__")) {
                for e in try interp.iterate(try interp.call(entries, Arguments([.tuple(written)]))) {
                    guard case .object(let eo) = e, let c = eo as? PyClass else { throw PyError.typeError("bases must be types") }
                    baseClasses.append(c)
                }
                continue
            }
            guard case .object(let o) = v, let c = o as? PyClass else {
                throw PyError.typeError("bases must be types")
            }
            if !c.allowsSubclassing { throw PyError.typeError("type '\(c.name)' is not an acceptable base type") }
            baseClasses.append(c)
        }
        // What a metaclass is given: the bases as written (`()` when none).
        let declaredBases = baseClasses
        if baseClasses.isEmpty { baseClasses = [interp.types.object] }
        // The class keywords are evaluated once, in order (CPython's `metaclass=` included).
        var explicitMeta: PyValue?
        var classKeywords: [(Name, PyValue)] = []
        for k in keywords {
            let v = try k.value.eval(f)
            if let n = k.name, n.string != "metaclass" { classKeywords.append((n, v)) } else { explicitMeta = v }
        }
        let meta = try interp.resolveMetaclass(explicit: explicitMeta, bases: baseClasses)
        var prepared: PyValue?
        if let meta {
            prepared = try interp.prepareClassNamespace(meta: meta, name: name, bases: declaredBases, keywords: classKeywords)
        }
        var closure = ContiguousArray<PyCell>()
        for s in code.freeSources {
            switch s {
            case .cell(let slot): closure.append(unsafeDowncast(f.slots[slot]!.asObject!, to: PyCell.self))
            case .free(let i): closure.append(f.closure[i])
            }
        }
        let body = Frame(code: code, globals: f.globals, closure: closure, interp: interp, function: nil)
        for s in code.cellSlots { body.slots[s] = .object(PyCell(nil)) }
        body.namespace = AttributeStore()
        if let prepared {
            // The body's `__module__` / `__qualname__` stores go through the mapping too.
            body.classMapping = prepared
            try interp.classMappingSet(prepared, N.__module__, f.globals[N.__name__] ?? .str("__main__"))
            try interp.classMappingSet(prepared, N.__qualname__, .str(code.qualname))
        } else {
            body.namespace!.set(N.__module__, f.globals[N.__name__] ?? .str("__main__"))
            body.namespace!.set(N.__qualname__, .str(code.qualname))
        }
        if let first = code.body.first as? ExprStmt, let c = first.value as? ConstantExpr, case .str = c.value {
            if let prepared { try interp.classMappingSet(prepared, N.__doc__, c.value) } else { body.namespace!.set(N.__doc__, c.value) }
        }
        try interp.runFrame(body)
        let ns = body.namespace!
        if let meta {
            try assign(f, try callMetaclass(meta, prepared, ns, declaredBases, classKeywords, decos, f))
            return .normal
        }
        // A body may set `__module__` (csv's `Error` says `_csv`), as CPython honours.
        var module = f.globals.name
        if let i = ns.names.firstIndex(of: N.__module__), case .str(let m) = ns.values[i] { module = m }
        let cls = PyClass(name: name, qualname: code.qualname, module: module, bases: baseClasses, interpreter: interp)
        for (n, v) in zip(ns.names, ns.values) {
            if n == N.__qualname__ || interp.takeTypeName(cls, n, v) { continue }
            cls.setAttribute(n, v)
            adoptMethod(v, cls)
        }
        if cls.dict[N.__doc__] == nil { cls.setAttribute(N.__doc__, PyValue.none) }
        if cls.dict[N.__eq__] != nil && cls.dict[N.__hash__] == nil { cls.setAttribute(N.__hash__, PyValue.none) }
        try setNames(cls, ns, f)
        try initSubclass(cls, classKeywords, f)
        var v = PyValue.object(cls)
        for d in decos.reversed() { v = try interp.call(d, Arguments([v])) }
        try target.assign(f, v)
        return .normal
    }

    /// A class statement whose metaclass is not `type`: `meta(name, bases, namespace, **kw)`.
    /// The namespace passed is the mapping `__prepare__` made, when there is one.
    private func callMetaclass(_ meta: PyClass, _ prepared: PyValue?, _ ns: AttributeStore, _ bases: [PyClass],
                               _ keywords: [(Name, PyValue)], _ decos: [PyValue], _ f: Frame) throws -> PyValue {
        let interp = f.interp
        var namespace: PyValue
        if let prepared {
            namespace = prepared
        } else {
            let d = PyDict()
            for (n, v) in zip(ns.names, ns.values) { try d.set(.str(n.string), v) }
            namespace = .object(d)
        }
        let args = Arguments(positional: [.str(name), .tuple(bases.map { .object($0) }), namespace],
                             keywordNames: keywords.map { $0.0 }, keywordValues: keywords.map { $0.1 })
        var v = try interp.call(.object(meta), args)
        for dec in decos.reversed() { v = try interp.call(dec, Arguments([v])) }
        return v
    }

    private func assign(_ f: Frame, _ v: PyValue) throws { try target.assign(f, v) }

    /// `__set_name__(owner, name)` of each attribute whose type defines it (descriptors),
    /// in definition order, as `type.__new__` does before `__init_subclass__`.
    private func setNames(_ cls: PyClass, _ ns: AttributeStore, _ f: Frame) throws {
        let interp = f.interp
        for (n, v) in zip(ns.names, ns.values) {
            guard case .object(let o) = v, o is PyInstance,
                  let hook = interp.typeOf(v).lookup(N.__set_name__) else { continue }
            _ = try interp.callAttribute(hook, receiver: v, Arguments(.object(cls), .str(n.string)))
        }
    }

    /// Calls the nearest base's `__init_subclass__` (implicitly a class method) with the
    /// class keywords other than `metaclass`.
    private func initSubclass(_ cls: PyClass, _ keywords: [(Name, PyValue)], _ f: Frame) throws {
        let interp = f.interp
        let kwNames = keywords.map { $0.0 }, kwValues = keywords.map { $0.1 }
        for base in cls.mro.dropFirst() {
            guard let hook = base.dict[N.__init_subclass__] else { continue }
            guard case .object(let o) = hook else { return }
            let fn = (o as? PyClassMethod)?.function ?? hook
            _ = try interp.call(fn, Arguments(positional: [.object(cls)], keywordNames: kwNames, keywordValues: kwValues))
            return
        }
    }

    /// Functions defined in the body learn their class, for zero-argument `super()`.
    private func adoptMethod(_ v: PyValue, _ cls: PyClass) {
        guard case .object(let o) = v else { return }
        switch o {
        case let fn as PyFunction: if fn.definingClass == nil { fn.definingClass = cls }
        case let s as PyStaticMethod: adoptMethod(s.function, cls)
        case let c as PyClassMethod: adoptMethod(c.function, cls)
        case let p as PyProperty:
            if let g = p.fget { adoptMethod(g, cls) }
            if let s = p.fset { adoptMethod(s, cls) }
        default: break
        }
    }
}

final class ImportStmt: Stmt {
    /// `import a.b.c as d`: module path and the bound name (nil: bind top package `a`).
    let modules: [(path: String, alias: String?)]
    let targets: [NameExpr]
    init(_ modules: [(path: String, alias: String?)], line: Int, col: Int) {
        self.modules = modules
        targets = modules.map { NameExpr(Name($0.alias ?? String($0.path.split(separator: ".")[0])), line: line, col: col) }
        super.init(line: line, col: col)
    }
    override func declare(_ r: Resolver) { targets.forEach { $0.declareTarget(r) } }
    override func resolve(_ r: Resolver) { targets.forEach { $0.resolve(r) } }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        for (m, t) in zip(modules, targets) {
            let leaf = try f.interp.importModule(m.path)
            if m.alias != nil {
                try t.assign(f, .object(leaf))
            } else {
                try t.assign(f, .object(try f.interp.importModule(String(m.path.split(separator: ".")[0]))))
            }
        }
        return .normal
    }
}

final class ImportFromStmt: Stmt {
    let module: String
    /// The number of leading dots of a relative import (0: absolute).
    let level: Int
    /// Empty means `*`.
    let names: [(name: String, alias: String?)]
    let targets: [NameExpr]
    init(module: String, level: Int = 0, names: [(name: String, alias: String?)], line: Int, col: Int) {
        self.module = module
        self.level = level
        self.names = names
        targets = names.map { NameExpr(Name($0.alias ?? $0.name), line: line, col: col) }
        super.init(line: line, col: col)
    }
    override func declare(_ r: Resolver) { targets.forEach { $0.declareTarget(r) } }
    override func resolve(_ r: Resolver) {
        if names.isEmpty { r.noteStarImport() }
        targets.forEach { $0.resolve(r) }
    }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        let interp = f.interp
        let m = try interp.importModule(try interp.absoluteModuleName(module, level: level, globals: f.globals))
        if names.isEmpty {
            for (n, v) in try interp.publicNames(m) { f.globals[n] = v }
            return .normal
        }
        for (item, t) in zip(names, targets) {
            try t.assign(f, try interp.importName(item.name, from: m))
        }
        return .normal
    }
}
