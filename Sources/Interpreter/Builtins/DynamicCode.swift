/// `eval`, `exec`, `compile` and `globals`: code given as a string runs through the same
/// parser, resolver and evaluator as a cell, in the namespace CPython would give it.
///
/// At module level without explicit namespaces the code runs in the caller's module itself,
/// so `exec("x = 1")` defines `x` as in CPython. With a dict for `globals`, the code runs in
/// a scratch module filled from that dict (and `locals`), and the names it binds are written
/// back to the dict afterwards. Inside a function the code sees the function's locals over
/// its module's globals; what it binds stays in that snapshot (CPython's `exec` writes to the
/// `f_locals` snapshot too, never to the function's variables).
extension Interpreter {
    enum DynamicMode: String { case exec, eval, single }

    func installDynamicCode() {
        fn("globals") { i, a in
            try a.check("globals", 0)
            let module = i.currentFrame?.globals ?? i.main
            let d = PyDict()
            for n in module.definedNames { try d.set(.str(n.string), module[n]!) }
            return .object(d)
        }
        fn("eval") { i, a in
            try a.check("eval", 1, 3)
            return try i.runDynamic(a, function: "eval", mode: .eval)
        }
        fn("exec") { i, a in
            try a.check("exec", 1, 3)
            _ = try i.runDynamic(a, function: "exec", mode: .exec)
            return .none
        }
        fn("compile") { i, a in
            let b = try a.bindClinic(ClinicSignature("compile", ["source", "filename", "mode", "flags", "dont_inherit", "optimize"], required: 3))
            let source = try i.dynamicSourceText(b[0]!, function: "compile")
            let file = try i.str(b[1]!)
            let modeName = try i.stringArgument(b[2]!, "compile() mode")
            guard let mode = DynamicMode(rawValue: modeName) else {
                throw PyError.valueError("compile() mode must be 'exec', 'eval' or 'single'")
            }
            _ = try i.parseDynamic(source, file: file, mode: mode)
            let cls = try i.importModule("_dynamic_code")[Name("code")]!
            return try i.call(cls, Arguments([.str(source), .str(file), .str(mode.rawValue)]))
        }
    }

    /// The text of `eval`/`exec`'s first argument: a string, bytes, or a `compile()` result.
    private func dynamicSourceText(_ v: PyValue, function: String) throws -> String {
        switch v {
        case .str(let s): return s
        default:
            if let b = try? bytesValue(v) { return String(decoding: b, as: UTF8.self) }
            let what = function == "compile" ? "compile() arg 1 must be a string, bytes or AST object"
                : "\(function)() arg 1 must be a string, bytes or code object"
            throw PyError.typeError(what)
        }
    }

    /// The bytes of a `bytes`/`bytearray` value, or nil.
    private func bytesValue(_ v: PyValue) throws -> [UInt8]? {
        guard case .object = v, typeName(v) == "bytes" || typeName(v) == "bytearray" else { return nil }
        return try iterate(v).map { UInt8(truncatingIfNeeded: $0.asInt ?? 0) }
    }

    /// Parses `source` for `mode`: a module body, or (for `eval`) one expression whose value
    /// an echo statement hands back.
    private func parseDynamic(_ source: String, file: String, mode: DynamicMode) throws -> [Stmt] {
        var text = source
        if mode == .eval {
            // CPython strips leading spaces and tabs of an eval string.
            while let c = text.first, c == " " || c == "\t" { text.removeFirst() }
        }
        let body: [Stmt]
        do {
            var parser = try Parser(dynamicSource: text, file: file)
            body = try parser.parseModule()
        } catch let e as SyntaxErrorInfo {
            throw moduleSyntaxError(e, file: file, text: text)
        }
        guard mode == .eval else { return body }
        guard body.count == 1, let e = body[0] as? ExprStmt else {
            let line = body.count > 1 ? body[1].line : (body.first?.line ?? 1)
            let err = SyntaxErrorInfo(message: "invalid syntax", line: line, col: body.first.map { $0.col } ?? 0)
            throw moduleSyntaxError(err, file: file, text: text)
        }
        return [EchoStmt(e.value, line: e.line, col: e.col)]
    }

    private func runDynamic(_ a: Arguments, function: String, mode: DynamicMode) throws -> PyValue {
        var source: String
        var file = "<string>"
        var runMode = mode
        if case .object(let o) = a[0], let inst = o as? PyInstance, inst.cls.name == "code",
           inst.cls.module == "_dynamic_code" {
            source = try str(inst.attributes.get(Name("_source")) ?? .str(""))
            file = try str(inst.attributes.get(Name("co_filename")) ?? .str(file))
            let m = try str(inst.attributes.get(Name("_mode")) ?? .str("exec"))
            // A code object compiled for 'exec' runs as statements even under eval (its value is None).
            runMode = m == "eval" ? .eval : .exec
        } else {
            source = try dynamicSourceText(a[0], function: function)
        }
        let globalsArg: PyValue? = a.count > 1 && !a[1].isNone ? a[1] : Optional<PyValue>.none
        let localsArg: PyValue? = a.count > 2 && !a[2].isNone ? a[2] : Optional<PyValue>.none
        var globalsDict: PyDict?
        if case let g? = globalsArg {
            guard case .object(let o) = g, let d = o as? PyDict else {
                throw PyError.typeError(localsArg == nil && function == "exec" ? "exec() globals must be a dict, not \(typeName(g))"
                    : "\(function)() globals must be a dict, not \(typeName(g))")
            }
            globalsDict = d
        }
        var localsDict: PyDict?
        if case let l? = localsArg {
            guard case .object(let o) = l, let d = o as? PyDict else {
                throw PyError.typeError("locals must be a mapping")
            }
            localsDict = d
        }
        let body = try parseDynamic(source, file: file, mode: runMode)

        let caller = currentFrame
        let module: PyModule
        var writeBack: PyDict?
        if globalsDict == nil && localsDict == nil, let f = caller, f.function == nil, f.namespace == nil, f.classMapping == nil {
            module = f.globals
        } else {
            module = PyModule(name: "__main__", fileName: file)
            if let g = globalsDict {
                for k in g.keys { if case .str(let s) = k, let v = try g.get(k) { module[s] = v } }
                writeBack = localsDict ?? g
            } else if let f = caller {
                let base = f.globals
                for n in base.definedNames { module[n] = base[n] }
                if f.function != nil || f.namespace != nil || f.classMapping != nil {
                    let l = try locals(f)
                    for k in l.keys { if case .str(let s) = k { module[s] = try l.get(k) } }
                }
                if let l = localsDict { writeBack = l }
            }
            if let l = localsDict {
                for k in l.keys { if case .str(let s) = k, let v = try l.get(k) { module[s] = v } }
            }
        }

        // No source lines in tracebacks: CPython cannot read "<string>" back from a file.
        let code = CodeInfo(name: "<module>", file: file, source: SourceText("", firstLine: Int.max / 2))
        code.body = body
        let r = Resolver(module: module, builtins: builtins, code: code)
        r.resolveModule(body)
        if let e = r.errors.first { throw moduleSyntaxError(e, file: file, text: source) }
        let frame = Frame(code: code, globals: module, closure: [], interp: self, function: nil)
        for s in code.cellSlots { frame.slots[s] = .object(PyCell(nil)) }
        let outerEcho = echoValue
        echoValue = nil
        defer { echoValue = outerEcho }
        try runFrame(frame)
        let result = echoValue ?? .none
        if let d = writeBack {
            let hadName = try d.get(.str("__name__")) != nil
            for n in module.definedNames where n.string != "__name__" || hadName {
                let v = module[n]!
                // With a separate locals dict, a global the code only read stays out of it.
                if d !== globalsDict, let g = globalsDict, try d.get(.str(n.string)) == nil,
                   let before = try g.get(.str(n.string)), before.isIdentical(v) { continue }
                try d.set(.str(n.string), v)
            }
            // `del name` in the code removes the name from the dict it came from.
            for k in d.keys { if case .str(let s) = k, module[s] == nil { _ = try d.remove(k) } }
        }
        return runMode == .eval ? result : .none
    }
}
