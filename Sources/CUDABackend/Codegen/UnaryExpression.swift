import Tensors

/// The C code of a unary op on `x` of compute type `t`, matching the CPU backend's
/// UnaryKernels.swift. Parameters of parameterised ops travel in the argument block's
/// scalar slots as doubles (`parameters`), so one compiled kernel serves every value.
enum UnaryExpression {
    /// A stable name for kernel names: the case without its parameters.
    static func name(_ op: UnaryOp) -> String {
        let text = "\(op)"
        if let paren = text.firstIndex(of: "(") { return String(text[..<paren]) }
        return text
    }

    /// The doubles the kernel reads from `a.s[0...]`, as bit patterns.
    static func parameters(_ op: UnaryOp, _ t: CType) -> [Int64] {
        let maxFinite = t.isDouble ? Double.greatestFiniteMagnitude : Double(Float.greatestFiniteMagnitude)
        let values: [Double] = switch op {
        case let .softplus(beta, threshold): [beta, threshold]
        case let .leakyRelu(slope): [slope]
        case let .elu(alpha): [alpha]
        case let .hardtanh(lo, hi): [lo, hi]
        case let .roundDecimals(d): [Double.m_pow10(abs(d)), d < 0 ? 1 : 0]
        case let .clamp(lo, hi): [lo ?? 0, hi ?? 0, lo == nil ? 0 : 1, hi == nil ? 0 : 1]
        case let .nanToNum(nan, posinf, neginf): [nan, posinf ?? maxFinite, neginf ?? -maxFinite]
        case let .powScalar(e): [e]
        default: []
        }
        return values.map(ScalarBits.double)
    }

    /// The body of a C function of `x` returning the result (compute type, or int for
    /// the bool-valued predicates).
    static func body(_ op: UnaryOp, _ t: CType) -> String {
        let e = t.dtype == .bool ? boolean(op) : (t.isFloat ? floating(op, t) : integer(op, t))
        return e.contains("return") ? e : "return \(e);"
    }

    private static func floating(_ op: UnaryOp, _ t: CType) -> String {
        let T = t.compute
        func m(_ f: String) -> String { t.math(f) }
        func c(_ v: Double) -> String { "(\(T))\(literal(v))" }
        let p0 = t.doubleSlot(0), p1 = t.doubleSlot(1), p2 = t.doubleSlot(2)
        switch op {
        case .neg: return "-x"
        case .abs: return "\(m("fabs"))(x)"
        case .sign: return "(x > 0 ? (\(T))1 : (x < 0 ? (\(T))-1 : (\(T))0))"
        case .square: return "x * x"
        case .reciprocal: return "(\(T))1 / x"
        case .exp: return "\(m("exp"))(x)"
        case .exp2: return "\(m("exp2"))(x)"
        case .expm1: return "\(m("expm1"))(x)"
        case .log: return "\(m("log"))(x)"
        case .log2: return "\(m("log2"))(x)"
        case .log10: return "\(m("log10"))(x)"
        case .log1p: return "\(m("log1p"))(x)"
        case .sqrt: return "\(m("sqrt"))(x)"
        case .rsqrt: return "(\(T))1 / \(m("sqrt"))(x)"
        case .sin, .cos, .tan, .asin, .acos, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh,
             .erf, .erfc, .lgamma:
            return "\(m(name(op)))(x)"
        case .sigmoid: return "(\(T))1 / ((\(T))1 + \(m("exp"))(-x))"
        case .logSigmoid: return "(x < 0 ? x : (\(T))0) - \(m("log1p"))(\(m("exp"))(-\(m("fabs"))(x)))"
        case .relu: return "(x != x ? x : (x > 0 ? x : (\(T))0))"
        case .gelu: return "x * \(c(0.5)) * ((\(T))1 + \(m("erf"))(x * \(c(0.70710678118654752440))))"
        case .geluTanh:
            return "\(T) in_ = \(c(0.79788456080286535588)) * (x + \(c(0.044715)) * x * x * x); " +
                "return \(c(0.5)) * x * ((\(T))1 + \(m("tanh"))(in_));"
        case .silu: return "x / ((\(T))1 + \(m("exp"))(-x))"
        case .mish: return "x * \(m("tanh"))(\(m("log1p"))(\(m("exp"))(x)))"
        case .softplus: return "(x * \(p0) > \(p1) ? x : \(m("log1p"))(\(m("exp"))(x * \(p0))) / \(p0))"
        case .leakyRelu: return "(x > 0 ? x : x * \(p0))"
        case .elu: return "(x > 0 ? x : \(p0) * \(m("expm1"))(x))"
        case .hardtanh:
            return "if (x != x) return x; \(T) v_ = x > \(p0) ? x : \(p0); return v_ < \(p1) ? v_ : \(p1);"
        case .floor: return "\(m("floor"))(x)"
        case .ceil: return "\(m("ceil"))(x)"
        case .round: return "\(m("rint"))(x)"
        case .trunc: return "\(m("trunc"))(x)"
        case .frac: return "x - \(m("trunc"))(x)"
        case .roundDecimals:
            return "\(T) p_ = \(p0); return gb_bits_d(a.s[1]) != 0 ? \(m("rint"))(x / p_) * p_ : \(m("rint"))(x * p_) / p_;"
        case .clamp:
            return "if (x != x) return x; \(T) v_ = x; " +
                "if (gb_bits_d(a.s[2]) != 0) v_ = v_ > \(p0) ? v_ : \(p0); " +
                "if (gb_bits_d(a.s[3]) != 0) v_ = v_ < \(p1) ? v_ : \(p1); return v_;"
        case .nanToNum:
            return "if (x != x) return \(p0); if (x == \(t.infinity)) return \(p1); if (x == -\(t.infinity)) return \(p2); return x;"
        case .logicalNot: return "(x == 0)"
        case .isnan: return "(x != x)"
        case .isinf: return "(x == \(t.infinity) || x == -\(t.infinity))"
        case .isposinf: return "(x == \(t.infinity))"
        case .isneginf: return "(x == -\(t.infinity))"
        case .isfinite: return "(x == x && x != \(t.infinity) && x != -\(t.infinity))"
        case .signbit: return "(\(m("copysign"))((\(T))1, x) < 0)"
        case .powScalar:
            return "\(T) e_ = \(p0); if (e_ == 2) return x * x; if (e_ == 3) return x * x * x; " +
                "if (e_ == (\(T))0.5) return \(m("sqrt"))(x); if (e_ == (\(T))-0.5) return (\(T))1 / \(m("sqrt"))(x); " +
                "if (e_ == -1) return (\(T))1 / x; if (e_ == -2) return (\(T))1 / (x * x); return \(m("pow"))(x, e_);"
        case .bitwiseNot: return "x /* bitwise_not has no floating point kernel */"
        }
    }

    private static func integer(_ op: UnaryOp, _ t: CType) -> String {
        let T = t.compute, U = "unsigned long long"
        let p0 = "(\(T))gb_bits_d(a.s[0])", p1 = "(\(T))gb_bits_d(a.s[1])"
        switch op {
        case .neg: return "(\(T))(0ULL - (\(U))x)"
        case .abs: return "(x < 0 ? (\(T))(0ULL - (\(U))x) : x)"
        case .sign: return "(x > 0 ? (\(T))1 : (x < 0 ? (\(T))-1 : (\(T))0))"
        case .square: return "(\(T))((\(U))x * (\(U))x)"
        case .relu: return "(x > 0 ? x : (\(T))0)"
        case .floor, .ceil, .round, .trunc, .roundDecimals, .nanToNum: return "x"
        case .frac: return "(\(T))0"
        case .clamp:
            return "\(T) v_ = x; if (gb_bits_d(a.s[2]) != 0 && v_ < \(p0)) v_ = \(p0); " +
                "if (gb_bits_d(a.s[3]) != 0 && v_ > \(p1)) v_ = \(p1); return v_;"
        case .hardtanh: return "\(T) v_ = x > \(p0) ? x : \(p0); return v_ < \(p1) ? v_ : \(p1);"
        case .logicalNot: return "(x == 0)"
        case .bitwiseNot: return "(\(T))(~x)"
        case .isnan, .isinf, .isposinf, .isneginf: return "0"
        case .isfinite: return "1"
        case .signbit: return "(x < 0)"
        case .powScalar:
            return "\(T) y = \(p0); " + BinaryExpression.body(.pow, t)
        default: return "x /* \(name(op)) has no integer kernel */"
        }
    }

    private static func boolean(_ op: UnaryOp) -> String {
        switch op {
        case .logicalNot, .bitwiseNot: "!x"
        case .isnan, .isinf, .isposinf, .isneginf, .signbit: "0"
        case .isfinite: "1"
        default: "x"
        }
    }

    /// A C double literal that reads back as exactly `v`.
    static func literal(_ v: Double) -> String {
        if v.isNaN { return "GB_NAN" }
        if v.isInfinite { return v < 0 ? "(-GB_INF)" : "GB_INF" }
        let text = "\(v)"
        return text.contains(".") || text.contains("e") ? "(\(text))" : "(\(text).0)"
    }
}

extension Double {
    /// 10^n for the decimals of `round(decimals=)`, as the CPU backend computes it.
    static func m_pow10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }
}
