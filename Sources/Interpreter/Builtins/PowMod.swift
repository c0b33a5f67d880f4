/// Three-argument `pow` for what the 64-bit fast path does not take: negative exponents
/// (the modular inverse, Python 3.8+) and ints of any size, with CPython's errors.
extension Interpreter {
    func isIntegral(_ v: PyValue) -> Bool {
        switch v {
        case .int, .bool: return true
        case .object(let o): return o is PyBigInt
        default: return false
        }
    }

    func powMod(_ base: PyValue, _ exp: PyValue, _ mod: PyValue) throws -> PyValue {
        if !isBuiltinReal(base), let r = try callSpecial(base, Name("__pow__"), [exp, mod]), !r.isNotImplemented { return r }
        guard isIntegral(base), isIntegral(exp), isIntegral(mod) else {
            // CPython's ternary slots: float's refuses any third argument before looking at
            // the operands, int's answer NotImplemented to anything but ints.
            let operands = [base, exp, mod]
            if operands.contains(where: { if case .float = $0 { return true }; return false }) {
                throw PyError.typeError("pow() 3rd argument not allowed unless all arguments are integers")
            }
            throw PyError.typeError("unsupported operand type(s) for ** or pow(): '\(typeName(base))', '\(typeName(exp))', '\(typeName(mod))'")
        }
        let zero = PyValue.int(0)
        func lt(_ a: PyValue, _ b: PyValue) throws -> Bool { try truthy(try compare(.lt, a, b)) }
        func eq(_ a: PyValue, _ b: PyValue) throws -> Bool { try truthy(try compare(.eq, a, b)) }
        if try eq(mod, zero) { throw PyError.valueError("pow() 3rd argument cannot be 0") }
        let negativeMod = try lt(mod, zero)
        let m = negativeMod ? try binaryOp(.sub, zero, mod) : mod
        var b = try binaryOp(.mod, base, m)
        var e = exp
        if try lt(e, zero) {
            b = try modularInverse(b, m)
            e = try binaryOp(.sub, zero, e)
        }
        var result = try binaryOp(.mod, .int(1), m)
        let two = PyValue.int(2)
        while try lt(zero, e) {
            if try eq(try binaryOp(.mod, e, two), .int(1)) { result = try binaryOp(.mod, try binaryOp(.mul, result, b), m) }
            b = try binaryOp(.mod, try binaryOp(.mul, b, b), m)
            e = try binaryOp(.floordiv, e, two)
        }
        if negativeMod, !(try eq(result, zero)) { result = try binaryOp(.sub, result, m) }
        return result
    }

    /// `a⁻¹ mod m` by the extended Euclidean algorithm (`a` already reduced, `m` > 0).
    private func modularInverse(_ a: PyValue, _ m: PyValue) throws -> PyValue {
        var (r0, r1) = (m, a)
        var (t0, t1) = (PyValue.int(0), PyValue.int(1))
        while !(try truthy(try compare(.eq, r1, .int(0)))) {
            let q = try binaryOp(.floordiv, r0, r1)
            (r0, r1) = (r1, try binaryOp(.sub, r0, try binaryOp(.mul, q, r1)))
            (t0, t1) = (t1, try binaryOp(.sub, t0, try binaryOp(.mul, q, t1)))
        }
        guard try truthy(try compare(.eq, r0, .int(1))) else {
            throw PyError.valueError("base is not invertible for the given modulus")
        }
        return try binaryOp(.mod, t0, m)
    }
}
