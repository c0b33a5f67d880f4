/// A call. Plain positional calls of Python functions fill the callee's slots directly;
/// `obj.method(...)` looks the method up without creating a bound method.
final class CallExpr: Expr {
    let callee: Expr
    let args: [Expr]
    /// Keyword arguments; a nil name means `**mapping`.
    let keywords: [(name: Name?, value: Expr)]
    let isPlain: Bool
    /// No `*args`, `**kwargs` or keywords: arguments can go straight into slots.
    let isPositionalOnly: Bool
    let keywordNames: [Name]
    var isZeroArgSuper = false
    /// The call's source span, for traceback markers.
    var span: CaretSpan?
    var isZeroArgLocals = false
    let methodCache = AttributeCache()

    /// `receiver.name` as an unbound method via the inline cache, unless something
    /// (module, class, instance attribute) shadows the class's function.
    @inline(__always)
    private func lookupMethodCached(_ receiver: PyValue, _ name: Name, _ interp: Interpreter) -> MethodRef? {
        let cls: PyClass
        if case .object(let o) = receiver {
            if let inst = o.exactInstance {
                methodCache.refresh(for: inst, name, interp)
                guard inst.attributes.index(name) == nil else { return nil }
                return cachedMethod
            }
            if o is PyModule || o is PyClass || o is PySuper { return nil }
        }
        cls = interp.typeOf(receiver)
        methodCache.refresh(cls, name, interp)
        return cachedMethod
    }

    /// `methodCache.method` without building the optional twice.
    @inline(__always)
    private var cachedMethod: MethodRef? {
        if let f = methodCache.pythonMethod { return .python(f) }
        if let m = methodCache.nativeMethod { return .native(m) }
        return nil
    }

    init(_ callee: Expr, args: [Expr], keywords: [(name: Name?, value: Expr)], line: Int, col: Int) {
        self.callee = callee
        self.args = args
        self.keywords = keywords
        isPlain = !args.contains { $0 is StarredExpr } && !keywords.contains { $0.name == nil }
        keywordNames = keywords.compactMap { $0.name }
        isPositionalOnly = isPlain && keywords.isEmpty
        super.init(line: line, col: col)
    }

    override var kindDescription: String { "function call" }

    override func resolve(_ r: Resolver) {
        callee.resolve(r)
        args.forEach { $0.resolve(r) }
        keywords.forEach { $0.value.resolve(r) }
        if let n = callee as? NameExpr, n.name.string == "super", args.isEmpty, keywords.isEmpty {
            isZeroArgSuper = true
            r.noteSuperUse()
        }
        if let n = callee as? NameExpr, n.name.string == "locals" || n.name.string == "vars", args.isEmpty, keywords.isEmpty {
            isZeroArgLocals = true
        }
    }

    @inline(__always)
    private func evalArguments(_ f: Frame) throws -> Arguments {
        if isPlain {
            var r = Arguments()
            for a in args { r.append(try a.eval(f)) }
            if keywords.isEmpty { return r }
            var vals: [PyValue] = []
            vals.reserveCapacity(keywords.count)
            for k in keywords { vals.append(try k.value.eval(f)) }
            r.keywordNames = keywordNames
            r.keywordValues = vals
            return r
        }
        // CPython's messages name the callee as `_PyObject_FunctionStr` does; the callee is
        // evaluated again only to word an error.
        func calleeName() throws -> String { try f.interp.functionStr(try callee.eval(f)) }
        var pos: [PyValue] = []
        pos.reserveCapacity(args.count)
        for e in args {
            guard let s = e as? StarredExpr else { pos.append(try e.eval(f)); continue }
            let v = try s.value.eval(f)
            do { pos.append(contentsOf: try f.interp.iterate(v)) } catch let e as PyError where e.pendingType == "TypeError" && !f.interp.isIterableForStar(v) {
                throw PyError.typeError("\(try calleeName()) argument after * must be an iterable, not \(f.interp.typeName(v))")
            }
        }
        var names: [Name] = [], vals: [PyValue] = []
        var merged = false
        for k in keywords {
            if let n = k.name {
                if merged && names.contains(n) {
                    throw PyError.typeError("\(try calleeName()) got multiple values for keyword argument '\(n.string)'")
                }
                names.append(n); vals.append(try k.value.eval(f))
            } else {
                merged = true
                let m = try k.value.eval(f)
                let items: [(PyValue, PyValue)]
                do { items = try f.interp.mappingItems(m) } catch let e as PyError where e.pendingType == "TypeError" && !f.interp.isMappingForStar(m) {
                    throw PyError.typeError("\(try calleeName()) argument after ** must be a mapping, not \(f.interp.typeName(m))")
                }
                for (key, v) in items {
                    guard case .str(let s) = key else { throw PyError.typeError("keywords must be strings") }
                    let n = Name(s)
                    if names.contains(n) {
                        throw PyError.typeError("\(try calleeName()) got multiple values for keyword argument '\(s)'")
                    }
                    names.append(n); vals.append(v)
                }
            }
        }
        return Arguments(positional: pos, keywordNames: names, keywordValues: vals)
    }

    override func eval(_ f: Frame) throws -> PyValue {
        do { return try evalCall(f) } catch let e as PyError { e.mark(span); throw e }
    }

    @inline(__always)
    private func evalCall(_ f: Frame) throws -> PyValue {
        let interp = f.interp
        if let attr = callee as? AttributeExpr {
            let receiver = try attr.object.eval(f)
            if isPositionalOnly, case .object(let o) = receiver, let inst = o.exactInstance {
                // The common `obj.method(args)`: straight to the frame, no MethodRef. The
                // function is borrowed from the cache: the class's dict keeps it alive until
                // the new frame holds it (`takeFrame`, before any argument is evaluated).
                methodCache.refresh(for: inst, attr.name, interp)
                if let ref = methodCache.pythonMethodRef, ref._withUnsafeGuaranteedRef({ $0.code.isSimple }),
                   inst.attributes.index(attr.name) == nil {
                    var moved: PyValue? = consume receiver
                    return try ref._withUnsafeGuaranteedRef { fn in try interp.callSimple(fn, receiver: moved.take(), args, f) }
                }
            }
            if let method = lookupMethodCached(receiver, attr.name, interp) {
                switch method {
                case .python(let fn):
                    if isPlain && keywords.isEmpty && fn.code.isSimple {
                        return try interp.callSimple(fn, receiver: receiver, args, f)
                    }
                    return try interp.callFunction(fn, try evalArguments(f).prepending(receiver))
                case .native(let m):
                    return try interp.callNativeMethod(m, receiver, try evalArguments(f))
                }
            }
            let c: PyValue
            do { c = try interp.getAttribute(receiver, attr.name) } catch let e as PyError { e.mark(attr.span); throw e }
            return try interp.call(c, try evalArguments(f))
        }
        let c = try callee.eval(f)
        if case .object(let o) = c {
            if let fn = o as? PyFunction, isPlain, keywords.isEmpty, fn.code.isSimple {
                return try interp.callSimple(fn, receiver: nil, args, f)
            }
            if isZeroArgSuper, o === interp.builtinSuper { return try interp.zeroArgSuper(f) }
            if isZeroArgLocals, o is PyBuiltinFunction, c.isIdentical(interp.builtins[N.locals] ?? .none) || c.isIdentical(interp.builtins[N.vars] ?? .none) {
                return .object(try interp.locals(f))
            }
        }
        return try interp.call(c, try evalArguments(f))
    }
}
