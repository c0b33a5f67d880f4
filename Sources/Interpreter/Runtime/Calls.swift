/// A method found on a receiver's class, callable without binding.
enum MethodRef {
    case python(PyFunction)
    case native(NativeMethod)
}

extension Interpreter {
    /// Calls any callable value.
    public func call(_ callee: PyValue, _ args: Arguments) throws -> PyValue {
        guard case .object(let o) = callee else {
            throw PyError.typeError("'\(typeName(callee))' object is not callable")
        }
        switch o {
        case let fn as PyFunction:
            return try callFunction(fn, args)
        case let b as PyBuiltinFunction:
            switch b.body {
            case .function(let f):
                return try callNative { try f(self, args) }
            case .method(let m):
                guard args.count > 0 else {
                    throw PyError.typeError("unbound method \(b.qualname)() needs an argument")
                }
                let receiver = args[0]
                let rest = args.droppingFirst()
                return try callNative { try m(self, receiver, rest) }
            }
        case let bm as PyBoundMethod:
            if case .object(let fo) = bm.function {
                if let fn = fo as? PyFunction {
                    return try callFunction(fn, args.prepending(bm.receiver))
                }
                if let b = fo as? PyBuiltinFunction, case .method(let m) = b.body {
                    return try callNative { try m(self, bm.receiver, args) }
                }
            }
            return try call(bm.function, args.prepending(bm.receiver))
        case let cls as PyClass:
            if cls.metaclass != nil, let m = metaclassMethod(cls, N.__call__) {
                return try callAttribute(m, receiver: callee, args)
            }
            if cls.constructor != nil { return try instantiate(cls, args) }
            return try recursionLevel(" while calling a Python object") { try instantiate(cls, args) }
        default:
            if let m = typeOf(callee).lookup(N.__call__) {
                return try recursionLevel(" while calling a Python object") { try callAttribute(m, receiver: callee, args) }
            }
            throw PyError.typeError("'\(typeName(callee))' object is not callable")
        }
    }

    /// Calls with positional values and keyword pairs (host convenience).
    public func call(_ callee: PyValue, _ positional: [PyValue], kwargs: [(String, PyValue)] = []) throws -> PyValue {
        try call(callee, Arguments(positional, keywords: kwargs))
    }

    /// Calls method `name` of `receiver`.
    public func callMethod(_ receiver: PyValue, _ name: String, _ positional: [PyValue] = [], kwargs: [(String, PyValue)] = []) throws -> PyValue {
        let n = Name(name)
        if let m = try lookupMethod(receiver, n) {
            switch m {
            case .python(let fn): return try callFunction(fn, Arguments([receiver] + positional, keywords: kwargs))
            case .native(let f): return try callNativeMethod(f, receiver, Arguments(positional, keywords: kwargs))
            }
        }
        return try call(try getAttribute(receiver, n), Arguments(positional, keywords: kwargs))
    }

    @inline(__always)
    func callNative(_ body: () throws -> PyValue) throws -> PyValue {
        do {
            return try body()
        } catch let e as PyError {
            throw e
        } catch {
            throw PyError.runtimeError("\(error)")
        }
    }

    @inline(__always)
    func callNativeMethod(_ m: NativeMethod, _ receiver: PyValue, _ args: Arguments) throws -> PyValue {
        try callNative { try m(self, receiver, args) }
    }

    /// Calls a class attribute found by lookup, binding `receiver` the way attribute access would.
    func callAttribute(_ attr: PyValue, receiver: PyValue, _ args: Arguments) throws -> PyValue {
        if case .object(let o) = attr {
            if let fn = o as? PyFunction {
                return try callFunction(fn, args.prepending(receiver))
            }
            if let b = o as? PyBuiltinFunction, case .method(let m) = b.body {
                return try callNative { try m(self, receiver, args) }
            }
        }
        return try call(try bindDescriptor(attr, receiver: receiver, cls: typeOf(receiver)), args)
    }

    /// Calls special method `name` of `v`'s class; nil when the class has none.
    func callSpecial(_ v: PyValue, _ name: Name, _ args: [PyValue]) throws -> PyValue? {
        guard let attr = typeOf(v).lookup(name) else { return nil }
        return try callAttribute(attr, receiver: v, Arguments(positional: args, keywordNames: [], keywordValues: []))
    }

    /// `callSpecial` with one argument, without allocating (binary operators).
    @inline(__always)
    func callSpecial(_ v: PyValue, _ name: Name, _ arg: PyValue) throws -> PyValue? {
        guard let attr = typeOf(v).lookup(name) else { return nil }
        return try callAttribute(attr, receiver: v, Arguments(arg))
    }

    /// The method `name` on the receiver's class when it is a plain function not shadowed
    /// by an instance attribute.
    @inline(__always)
    func lookupMethod(_ receiver: PyValue, _ name: Name) throws -> MethodRef? {
        if case .object(let ro) = receiver {
            if ro is PyModule || ro is PyClass || ro is PySuper { return nil }
        }
        guard let attr = typeOf(receiver).lookup(name), case .object(let o) = attr else { return nil }
        if let fn = o as? PyFunction {
            if case .object(let ro) = receiver, let inst = ro as? PyInstance, inst.attributes.index(name) != nil { return nil }
            return .python(fn)
        }
        if let b = o as? PyBuiltinFunction, case .method(let m) = b.body {
            if case .object(let ro) = receiver, let inst = ro as? PyInstance, inst.attributes.index(name) != nil { return nil }
            return .native(m)
        }
        return nil
    }

    // MARK: Python functions

    /// Runs a new frame of `fn` with slots already bound.
    @inline(__always)
    func execute(_ fn: PyFunction, _ frame: Frame) throws -> PyValue {
        let code = fn.code
        if code.hasCells { for s in code.cellSlots { frame.slots[s] = .object(PyCell(frame.slots[s])) } }
        frame.line = code.defLine
        if code.isGenerator { return .object(PyGenerator(frame: frame, name: fn.name, qualname: fn.qualname)) }
        depth += 1
        unowned(unsafe) let caller = currentFrame
        frame.caller = caller
        currentFrame = frame
        defer { depth -= 1; currentFrame = caller }
        // The cell's module frame counts too, as in CPython: at most limit - 1 function frames.
        if depth >= limits.recursionLimit {
            throw PyError(type: "RecursionError", message: "maximum recursion depth exceeded")
        }
        try tick()
        do {
            if case .returned = try execBlock(code.body, frame) { return frame.takeReturnValue() }
            return .none
        } catch let e as PyError {
            if e.skipFrame { e.skipFrame = false } else { e.traceback.append(traceEntry(frame, e)) }
            throw e
        }
    }

    /// Runs a frame that is not a function call (class body, module source, generator).
    func runFrame(_ frame: Frame) throws {
        let caller = currentFrame
        frame.caller = frame.generator == nil ? caller : nil
        currentFrame = frame
        defer { currentFrame = caller }
        do {
            _ = try execBlock(frame.code.body, frame)
        } catch let e as PyError {
            if e.skipFrame { e.skipFrame = false } else { e.traceback.append(traceEntry(frame, e)) }
            throw e
        }
    }

    func traceEntry(_ f: Frame) -> TraceEntry {
        TraceEntry(file: f.code.file, line: f.line, column: f.col, function: f.code.name, sourceLine: f.code.source.line(f.line))
    }

    /// The traceback entry of frame `f` for `e`, taking the failing expression `e` recorded.
    func traceEntry(_ f: Frame, _ e: PyError) -> TraceEntry {
        var entry = traceEntry(f)
        if let c = e.caret, c.line == f.line { entry.caret = c }
        else if let c = e.caret, c.line > f.line {
            // A later line of a statement spanning several (`f"a" \n f"{x.y}"`, a call's
            // argument): CPython names the line of the failing expression.
            entry = TraceEntry(file: f.code.file, line: c.line, column: c.col, function: f.code.name, sourceLine: f.code.source.line(c.line))
            entry.caret = c
        }
        e.caret = nil
        return entry
    }

    // MARK: Frame reuse

    /// Enough for the call depth of usual loops and recursion; bounds how long a spare frame
    /// keeps a finished function (and its defaults) alive.
    static let maxSpareFrames = 16

    /// A frame for a call of `fn`: a spare one when it has room for the slots, else a new one.
    @inline(__always)
    func takeFrame(_ fn: PyFunction) -> Frame {
        if spareFrameCount > 0 {
            let top = spareFrames[spareFrameCount - 1]
            if top._withUnsafeGuaranteedRef({ $0.capacity }) >= fn.code.slotCount {
                spareFrameCount -= 1
                let f = top.takeRetainedValue()
                f.rebind(to: fn)
                return f
            }
        }
        return Frame(code: fn.code, globals: fn.globals, closure: fn.closure, interp: self, function: fn)
    }

    /// Keeps the frame of a call that returned for reuse, unless something still refers to
    /// it (a generator) or enough are kept.
    @inline(__always)
    func recycle(_ frame: consuming Frame) {
        guard spareFrameCount < Interpreter.maxSpareFrames, isKnownUniquelyReferenced(&frame) else { return }
        frame.reset()
        spareFrames[spareFrameCount] = Unmanaged.passRetained(consume frame)
        spareFrameCount += 1
    }

    func dropSpareFrames() {
        while spareFrameCount > 0 {
            spareFrameCount -= 1
            spareFrames[spareFrameCount].release()
        }
    }

    /// Positional-only call whose arguments fill the callee's slots directly. The receiver
    /// is consumed: it is the caller's last use of it, moved into slot 0 uncopied.
    @inline(__always)
    func callSimple(_ fn: PyFunction, receiver: consuming PyValue?, _ args: [Expr], _ caller: Frame) throws -> PyValue {
        let code = fn.code
        let n = args.count + (receiver == nil ? 0 : 1)
        if n > code.positionalCount || n < code.positionalCount - fn.defaults.count {
            // `fn` may be borrowed from an inline cache (CallExpr): owned here while the
            // arguments run code that might drop the class's reference to it.
            let owner = Unmanaged.passRetained(fn)
            defer { owner.release() }
            var a = Arguments()
            if let r = receiver { a.append(r) }
            for e in args { a.append(try e.eval(caller)) }
            return try callFunction(fn, a)
        }
        let frame = takeFrame(fn)
        var i = 0
        if receiver != nil { frame.slots[0] = consume receiver; i = 1 }
        try forEachUnretained(args) { a in frame.slots[i] = try a.eval(caller); i += 1 }
        if n < code.positionalCount {
            let firstDefault = code.positionalCount - fn.defaults.count
            for j in n..<code.positionalCount { frame.slots[j] = fn.defaults[j - firstDefault] }
        }
        let result = try execute(fn, frame)
        recycle(frame)
        return result
    }

    /// Binds arguments to parameters as CPython does, with its error messages.
    func callFunction(_ fn: PyFunction, _ args: Arguments) throws -> PyValue {
        let code = fn.code
        let frame = takeFrame(fn)
        let np = code.positionalCount
        let given = args.count
        let fname = fn.qualname
        if let vs = code.varargsSlot {
            frame.slots[vs] = given > np ? .object(PyTuple(Array(args.positional[np...]))) : .object(PyTuple.empty)
        }
        for i in 0..<min(np, given) { frame.slots[i] = args[i] }
        var kwargs: PyDict?
        if let ks = code.kwargsSlot { kwargs = PyDict(); frame.slots[ks] = .object(kwargs!) }
        let kwStart = np + (code.varargsSlot == nil ? 0 : 1)
        let kwEnd = kwStart + code.kwOnlyCount
        let posOnly = code.positionalOnlyCount
        for (k, v) in zip(args.keywordNames, args.keywordValues) {
            var slot: Int?
            for j in posOnly..<np where code.paramNames[j].id == k.id { slot = j; break }
            if slot == nil { for j in kwStart..<kwEnd where code.paramNames[j].id == k.id { slot = j; break } }
            if let j = slot {
                if frame.slots[j] != nil { throw PyError.typeError("\(fname)() got multiple values for argument '\(k)'") }
                frame.slots[j] = v
            } else if let d = kwargs {
                try d.set(.str(k.string), v)
            } else {
                // CPython names every positional-only parameter passed by keyword first.
                let passed = args.keywordNames.filter { k in code.paramNames[..<posOnly].contains { $0.id == k.id } }
                if !passed.isEmpty {
                    throw PyError.typeError("\(fname)() got some positional-only arguments passed as keyword arguments: '\(passed.map { $0.string }.joined(separator: ", "))'")
                }
                throw PyError.typeError("\(fname)() got an unexpected keyword argument '\(k)'")
            }
        }
        // As CPython's initialize_locals: keyword errors first, then too many positionals.
        if given > np && code.varargsSlot == nil {
            throw PyError.typeError(tooManyPositionalMessage(fn, given: given, frame))
        }
        let firstDefault = np - fn.defaults.count
        var missing: [String] = []
        for j in 0..<np where frame.slots[j] == nil {
            if j >= firstDefault { frame.slots[j] = fn.defaults[j - firstDefault] } else { missing.append(code.paramNames[j].string) }
        }
        if !missing.isEmpty { throw PyError.typeError(missingMessage(fname, missing, kind: "positional")) }
        for j in kwStart..<kwEnd where frame.slots[j] == nil {
            if let d = fn.kwDefaults[code.paramNames[j]] { frame.slots[j] = d } else { missing.append(code.paramNames[j].string) }
        }
        if !missing.isEmpty { throw PyError.typeError(missingMessage(fname, missing, kind: "keyword-only")) }
        let result = try execute(fn, frame)
        recycle(frame)
        return result
    }

    /// CPython's `too_many_positional`, counting the keyword-only parameters already bound.
    private func tooManyPositionalMessage(_ fn: PyFunction, given: Int, _ frame: Frame) -> String {
        let code = fn.code, np = code.positionalCount
        let required = np - fn.defaults.count
        let takes = required == np ? "\(np)" : "from \(required) to \(np)"
        let s = np == 1 && required == np ? "" : "s"
        let kwStart = np + (code.varargsSlot == nil ? 0 : 1)
        let kwGiven = (kwStart..<(kwStart + code.kwOnlyCount)).filter { frame.slots[$0] != nil }.count
        let was = given == 1 && kwGiven == 0 ? "was" : "were"
        let extra = kwGiven == 0 ? ""
            : " positional argument\(given == 1 ? "" : "s") (and \(kwGiven) keyword-only argument\(kwGiven == 1 ? "" : "s"))"
        return "\(fn.qualname)() takes \(takes) positional argument\(s) but \(given)\(extra) \(was) given"
    }

    // MARK: Classes

    /// `cls(*args)`: native constructor or a plain instance, then `__init__`.
    func instantiate(_ cls: PyClass, _ args: Arguments) throws -> PyValue {
        if cls === types.type && args.count == 1 && !args.hasKeywords { return .object(typeOf(args[0])) }
        let obj: PyValue
        var initArgsConsumed = false
        let newFn = cls.lookup(N.__new__)
        let customNew = newFn.map { !$0.isIdentical(types.object.dict[N.__new__] ?? .none) } ?? false
        if customNew, let newFn = newFn, case .object(let no) = newFn {
            let f: PyValue = (no as? PyStaticMethod)?.function ?? newFn
            obj = try call(f, args.prepending(.object(cls)))
            if !isInstance(obj, cls) { return obj }
        } else if let ctor = cls.constructor {
            obj = try callNative { try ctor(self, cls, args) }
            initArgsConsumed = true
        } else {
            obj = .object(PyInstance(cls: cls))
        }
        if let initFn = cls.lookup(N.__init__) {
            if case .object(let io) = initFn, io === objectInit {
                if !initArgsConsumed && (args.count > 0 || args.hasKeywords) && !customNew {
                    throw PyError.typeError("\(cls.name)() takes no arguments")
                }
                return obj
            }
            if initArgsConsumed, case .object(let io) = initFn, io is PyBuiltinFunction { return obj }
            let r = try callAttribute(initFn, receiver: obj, args)
            if !r.isNone { throw PyError.typeError("__init__() should return None, not '\(typeName(r))'") }
        }
        return obj
    }

    var objectInit: PyObject? { types.object.dict[N.__init__]?.asObject }

    /// Zero-argument `super()` inside a method.
    func zeroArgSuper(_ f: Frame) throws -> PyValue {
        guard let fn = f.function, let cls = fn.definingClass, !fn.code.paramNames.isEmpty, var first = f.slots[0] else {
            throw PyError.runtimeError("super(): no arguments")
        }
        if fn.code.cellSlots.contains(0), case .object(let o) = first, let c = o as? PyCell { first = c.value ?? .none }
        return .object(try makeSuper(cls, first))
    }

    func makeSuper(_ cls: PyClass, _ obj: PyValue) throws -> PySuper {
        if case .object(let o) = obj, let c = o as? PyClass, c.isSubclass(of: cls) {
            return PySuper(start: cls, object: obj, objectType: c)
        }
        let t = typeOf(obj)
        guard t.isSubclass(of: cls) else {
            throw PyError.typeError("super(type, obj): obj must be an instance or subtype of type")
        }
        return PySuper(start: cls, object: obj, objectType: t)
    }

    /// A printable name of a callable, for messages.
    /// `_PyObject_FunctionStr`: `module.qualname()`, or `qualname()` for builtins and
    /// objects without a module, or `str(obj)` without a `__qualname__`.
    func functionStr(_ v: PyValue) throws -> String {
        guard let q = try? getAttribute(v, Name("__qualname__")) else { return try str(v) }
        let qualname = try str(q)
        if let m = try? getAttribute(v, Name("__module__")), !m.isNone {
            let module = try str(m)
            if module != "builtins" { return "\(module).\(qualname)()" }
        }
        return "\(qualname)()"
    }

    /// CPython's `check_args_iterable`: an `__iter__` or a sequence's `__getitem__`.
    func isIterableForStar(_ v: PyValue) -> Bool {
        (try? getIterator(v)) != nil || ((try? lookupSpecial(v, N.__getitem__)) ?? nil) != nil
    }

    /// Whether `**m` can merge `m` (a dict or anything with `keys`).
    func isMappingForStar(_ v: PyValue) -> Bool {
        v.asDict != nil || ((try? lookupSpecial(v, Name("keys"))) ?? nil) != nil
    }

    func callableName(_ v: PyValue) throws -> String {
        guard case .object(let o) = v else { return typeName(v) }
        switch o {
        case let f as PyFunction: return f.qualname
        case let b as PyBuiltinFunction: return b.name
        case let c as PyClass: return c.name
        default: return typeName(v)
        }
    }
}

extension Interpreter {
    /// Runs `body` one level of recursion deeper, as CPython counts the C-level steps of
    /// calling an object, taking a repr or comparing (so a runaway recursion through them
    /// stops at the depth, and with the message, CPython shows).
    @inline(__always)
    func recursionLevel<T>(_ what: String, _ body: () throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth >= limits.recursionLimit {
            throw PyError(type: "RecursionError", message: "maximum recursion depth exceeded" + what)
        }
        return try body()
    }
}
