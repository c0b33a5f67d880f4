/// `_inspect`: what `inspect.signature` needs to know about a Python function that its
/// attributes do not tell (the interpreter has no `__code__`): its parameters in order,
/// each with CPython's `_ParameterKind` number and its default.
extension Interpreter {
    func buildInspectNative(_ m: PyModule) {
        /// `parameters(function, empty)`: a list of `(name, kind, default)`, `empty` for
        /// parameters without a default; kinds 0 positional-only, 1 positional-or-keyword, 2 `*args`,
        /// 3 keyword-only, 4 `**kwargs`. None for anything but a Python function.
        m.addFunction("parameters") { _, a in
            try a.check("parameters", 2)
            guard case .object(let o) = a[0], let f = o as? PyFunction else { return .none }
            let code = f.code, empty = a[1]
            var out: [PyValue] = []
            let firstDefault = code.positionalCount - f.defaults.count
            for k in 0..<code.positionalCount {
                let d = k >= firstDefault ? f.defaults[k - firstDefault] : empty
                out.append(.tuple([.str(code.paramNames[k].string), .int(k < code.positionalOnlyCount ? 0 : 1), d]))
            }
            var slot = code.positionalCount
            if code.varargsSlot != nil {
                out.append(.tuple([.str(code.paramNames[slot].string), .int(2), empty]))
                slot += 1
            }
            for k in slot..<(slot + code.kwOnlyCount) {
                let n = code.paramNames[k]
                out.append(.tuple([.str(n.string), .int(3), f.kwDefaults[n] ?? empty]))
            }
            if let s = code.kwargsSlot {
                out.append(.tuple([.str(code.paramNames[s].string), .int(4), empty]))
            }
            return .list(out)
        }
        /// Whether a Python function's body has `yield` (`inspect.isgeneratorfunction`).
        m.addFunction("is_generator_function") { _, a in
            try a.check("is_generator_function", 1)
            guard case .object(let o) = a[0], let f = o as? PyFunction else { return .false }
            return .bool(f.code.isGenerator)
        }
    }
}
