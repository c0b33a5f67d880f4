extension Interpreter {
    func installNumberMethods() {
        let i = types.int!, f = types.float!, b = types.bool!
        i.addProperty("real", get: { _, s in .int(s.asInt ?? 0) })
        i.addProperty("imag", get: { _, _ in .int(0) })
        i.addProperty("numerator", get: { _, s in .int(s.asInt ?? 0) })
        i.addProperty("denominator", get: { _, _ in .int(1) })
        i.addMethod("bit_length") { _, s, _ in
            let n = s.asInt ?? 0
            return .int(Int.bitWidth - n.magnitude.leadingZeroBitCount)
        }
        i.addMethod("conjugate") { _, s, _ in .int(s.asInt ?? 0) }
        i.addMethod("__index__") { _, s, _ in .int(s.asInt ?? 0) }
        i.addMethod("__int__") { _, s, _ in .int(s.asInt ?? 0) }
        i.addMethod("__float__") { _, s, _ in .float(s.asDouble ?? 0) }
        i.addMethod("__hash__") { interp, s, _ in .int(try interp.hashValue(s)) }
        i.addMethod("__format__") { interp, s, a in .str(try interp.format(s, try interp.str(a[0]))) }
        f.addProperty("real", get: { _, s in s })
        f.addProperty("imag", get: { _, _ in .float(0) })
        f.addMethod("is_integer") { _, s, _ in
            guard case .float(let d) = s else { return .false }
            return .bool(d.isFinite && d == d.rounded())
        }
        f.addMethod("conjugate") { _, s, _ in s }
        f.addMethod("__int__") { interp, s, _ in .int(try interp.doubleToInt(s.asDouble ?? 0)) }
        f.addMethod("__float__") { _, s, _ in s }
        f.addMethod("__hash__") { interp, s, _ in .int(try interp.hashValue(s)) }
        f.addMethod("__format__") { interp, s, a in .str(try interp.format(s, try interp.str(a[0]))) }
        f.addMethod("as_integer_ratio") { _, s, _ in
            guard case .float(var d) = s, d.isFinite else { throw PyError.overflow("cannot convert Infinity to integer ratio") }
            var den = 1
            while d != d.rounded() && den < (1 << 52) { d *= 2; den *= 2 }
            return .tuple([.int(Int(d)), .int(den)])
        }
        f.addStaticMethod("fromhex") { _, _ in throw PyError.notImplementedError("float.fromhex is not supported") }
        let g = types.generator!
        g.addMethod("send") { _, s, a in try (s.asObject as! PyGenerator).send(a.count > 0 ? a[0] : .none) }
        g.addMethod("throw") { i, s, a in
            let err = try i.makeError(a[0])
            return try (s.asObject as! PyGenerator).send(.none, throwing: err)
        }
        g.addMethod("close") { _, s, _ in (s.asObject as! PyGenerator).runner.close(); return .none }
        g.addMethod("__iter__") { _, s, _ in s }
        g.addMethod("__next__") { i, s, _ in
            if let v = try i.next(s) { return v }
            throw PyError(type: "StopIteration", args: [])
        }
        b.addMethod("__repr__") { _, s, _ in .str(s.asInt == 1 ? "True" : "False") }
    }
}
