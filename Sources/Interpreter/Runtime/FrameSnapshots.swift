/// `sys._getframe` (and so `inspect.currentframe`): frame objects for the running calls.
///
/// The interpreter recycles a call's frame when the call returns, so a frame object cannot
/// point at it. It is a snapshot taken when asked: the function's name, file and current
/// line, its locals and globals as they are at that moment, and the snapshots of its callers
/// (`f_back`). What teaching code does with frames — d2l's `save_hyperparameters` reading
/// `inspect.currentframe().f_back` and `inspect.getargvalues` — reads them right away.
final class FrameSnapshot {
    let name: String
    let qualname: String
    let file: String
    let line: Int
    let firstLine: Int
    let locals: PyDict
    let globals: PyModule
    /// Parameter names in order (positional, then keyword-only), and the `*`/`**` names.
    let argNames: [String]
    let kwOnlyCount: Int
    let positionalOnlyCount: Int
    let varargs: String?
    let varkw: String?
    let localNames: [String]
    var back: FrameSnapshot?
    /// Identity for `repr` addresses and `is`.
    let identity = PyObject()

    init(_ f: Frame, locals: PyDict) {
        let code = f.code
        name = code.name
        file = code.file
        line = f.line
        globals = f.globals
        self.locals = locals
        if let fc = code as? FunctionCode {
            qualname = fc.qualname
            firstLine = fc.defLine
            let names = fc.paramNames.map(\.string)
            var positional = Array(names.prefix(fc.positionalCount))
            var rest = Array(names.dropFirst(fc.positionalCount))
            varargs = fc.varargsSlot != nil && !rest.isEmpty ? rest.removeFirst() : nil
            let kwOnly = Array(rest.prefix(fc.kwOnlyCount))
            rest = Array(rest.dropFirst(fc.kwOnlyCount))
            varkw = fc.kwargsSlot != nil && !rest.isEmpty ? rest.removeFirst() : nil
            positional += kwOnly
            argNames = positional
            kwOnlyCount = fc.kwOnlyCount
            positionalOnlyCount = fc.positionalOnlyCount
        } else {
            qualname = code.name
            firstLine = 1
            argNames = []
            kwOnlyCount = 0
            positionalOnlyCount = 0
            varargs = nil
            varkw = nil
        }
        localNames = code.slotNames.map(\.string)
    }
}

extension Interpreter {
    /// Snapshots of `f` and its callers, newest first (linked through `back`).
    func frameSnapshots(from f: Frame?) throws -> FrameSnapshot? {
        var chain: [FrameSnapshot] = []
        var cursor = f
        while let frame = cursor {
            chain.append(FrameSnapshot(frame, locals: try locals(frame)))
            cursor = frame.caller
        }
        for k in chain.indices.dropLast() { chain[k].back = chain[k + 1] }
        return chain.first
    }

    /// Adds `_getframe` to `sys`, with the `frame` and `code` types its results have.
    func addGetframe(_ m: PyModule) {
        let frameClass = makeClass("frame", module: "builtins")
        let codeClass = makeClass("code", module: "builtins")
        frameClass.allowsSubclassing = false
        codeClass.allowsSubclassing = false
        func snapshot(_ v: PyValue) throws -> FrameSnapshot {
            guard let s = v.payload(FrameSnapshot.self) else { throw PyError.typeError("expected a frame") }
            return s
        }
        func wrap(_ s: FrameSnapshot?) -> PyValue {
            guard let s else { return .none }
            return .object(PyInstance(cls: frameClass, payload: s))
        }
        frameClass.addProperty("f_back", get: { _, v in wrap(try snapshot(v).back) })
        frameClass.addProperty("f_locals", get: { _, v in .object(try snapshot(v).locals) })
        frameClass.addProperty("f_globals", get: { _, v in
            let module = try snapshot(v).globals
            let d = PyDict()
            for n in module.definedNames { try d.set(.str(n.string), module[n]!) }
            return .object(d)
        })
        frameClass.addProperty("f_lineno", get: { _, v in .int(try snapshot(v).line) })
        frameClass.addProperty("f_code", get: { _, v in .object(PyInstance(cls: codeClass, payload: try snapshot(v))) })
        frameClass.addMethod("__repr__") { i, v, _ in
            let s = try snapshot(v)
            return .str("<frame at \(i.address(s.identity)), file '\(s.file)', line \(s.line), code \(s.name)>")
        }
        codeClass.addProperty("co_name", get: { _, v in .str(try snapshot(v).name) })
        codeClass.addProperty("co_qualname", get: { _, v in .str(try snapshot(v).qualname) })
        codeClass.addProperty("co_filename", get: { _, v in .str(try snapshot(v).file) })
        codeClass.addProperty("co_firstlineno", get: { _, v in .int(try snapshot(v).firstLine) })
        codeClass.addProperty("co_argcount", get: { _, v in
            let s = try snapshot(v)
            return .int(s.argNames.count - s.kwOnlyCount)
        })
        codeClass.addProperty("co_posonlyargcount", get: { _, v in .int(try snapshot(v).positionalOnlyCount) })
        codeClass.addProperty("co_kwonlyargcount", get: { _, v in .int(try snapshot(v).kwOnlyCount) })
        codeClass.addProperty("co_varnames", get: { _, v in
            let s = try snapshot(v)
            var names = s.argNames
            if let a = s.varargs { names.append(a) }
            if let k = s.varkw { names.append(k) }
            for n in s.localNames where !names.contains(n) { names.append(n) }
            return .tuple(names.map { .str($0) })
        })
        // CO_OPTIMIZED | CO_NEWLOCALS for a function, CO_VARARGS (4), CO_VARKEYWORDS (8).
        codeClass.addProperty("co_flags", get: { _, v in
            let s = try snapshot(v)
            guard s.name != "<module>" else { return .int(0) }
            return .int(3 | (s.varargs != nil ? 4 : 0) | (s.varkw != nil ? 8 : 0))
        })
        codeClass.addMethod("__repr__") { i, v, _ in
            let s = try snapshot(v)
            return .str("<code object \(s.name) at \(i.address(s.identity)), file \"\(s.file)\", line \(s.firstLine)>")
        }
        m.addFunction("_getframe") { i, a in
            try a.check("_getframe", 0, 1)
            var depth = a.count > 0 ? try i.intArgument(a[0]) : 0
            var s = try i.frameSnapshots(from: i.currentFrame)
            while depth > 0, let current = s {
                s = current.back
                depth -= 1
            }
            guard let found = s else { throw PyError.valueError("call stack is not deep enough") }
            return wrap(found)
        }
    }
}
