/// Special methods of `int` and `float` that CPython has and the operators here handle
/// inline: `__trunc__`, `__floor__`, `__ceil__`, `__divmod__`/`__rdivmod__`, and
/// `divmod()` itself, which calls them (a class may define only `__divmod__`).
extension Interpreter {
    /// A built-in int, bool or float (not a subclass instance, not complex).
    func isBuiltinReal(_ v: PyValue) -> Bool {
        switch v {
        case .int, .bool, .float: return true
        case .object(let o): return o is PyBigInt
        default: return false
        }
    }

    func installNumberDunders() {
        let i = types.int!, f = types.float!
        let plainInt: (PyValue) -> PyValue = { s in if case .bool(let b) = s { return .int(b ? 1 : 0) }; return s }
        for name in ["__trunc__", "__floor__", "__ceil__"] { i.addMethod(name) { _, s, _ in plainInt(s) } }
        f.addMethod("__trunc__") { interp, s, _ in try interp.intFromDouble(s.asDouble ?? 0) }
        f.addMethod("__floor__") { interp, s, _ in try interp.intFromDouble((s.asDouble ?? 0).rounded(.down)) }
        f.addMethod("__ceil__") { interp, s, _ in try interp.intFromDouble((s.asDouble ?? 0).rounded(.up)) }
        // int's slots give NotImplemented for a float operand (float's reflected slot answers).
        // No class is captured (the closures live in the classes themselves).
        let accepts: (Bool, PyValue) -> Bool = { isInt, other in
            switch other {
            case .int, .bool: return true
            case .float: return !isInt
            case .object(let o): return o is PyBigInt
            default: return false
            }
        }
        for (cls, isInt) in [(i, true), (f, false)] {
            cls.addMethod("__divmod__") { interp, s, a in
                try a.check("__divmod__", 1)
                guard accepts(isInt, a[0]) else { return .notImplemented }
                return .tuple([try interp.binaryOp(.floordiv, s, a[0]), try interp.binaryOp(.mod, s, a[0])])
            }
            cls.addMethod("__rdivmod__") { interp, s, a in
                try a.check("__rdivmod__", 1)
                guard accepts(isInt, a[0]) else { return .notImplemented }
                return .tuple([try interp.binaryOp(.floordiv, a[0], s), try interp.binaryOp(.mod, a[0], s)])
            }
        }
    }

    /// `divmod(a, b)`: both parts directly for built-in numbers, else `a.__divmod__(b)`,
    /// then `b.__rdivmod__(a)`, as CPython's `nb_divmod` slot.
    func divmod(_ a: PyValue, _ b: PyValue) throws -> PyValue {
        if isBuiltinReal(a) && isBuiltinReal(b) {
            return .tuple([try binaryOp(.floordiv, a, b), try binaryOp(.mod, a, b)])
        }
        if let r = try callSpecial(a, Name("__divmod__"), b), !r.isNotImplemented { return r }
        if typeOf(a) !== typeOf(b), let r = try callSpecial(b, Name("__rdivmod__"), a), !r.isNotImplemented { return r }
        throw PyError.typeError("unsupported operand type(s) for divmod(): '\(typeName(a))' and '\(typeName(b))'")
    }
}
