/// Unary op on Float or Double input; `out` holds T, or Bool for the predicates.
func floatUnary<T: RealElement>(_ op: UnaryOp, _ t: T.Type, _ shape: [Int], _ o: Operand, _ a: Operand) {
    switch op {
    case .neg: mapUnary(shape, o, a, FNeg<T>())
    case .abs: mapUnary(shape, o, a, FAbs<T>())
    case .sign: mapUnary(shape, o, a) { (x: T) -> T in x > 0 ? 1 : (x < 0 ? -1 : 0) }
    case .square: mapUnary(shape, o, a, FSquare<T>())
    case .reciprocal: mapUnary(shape, o, a, FReciprocal<T>())
    case .exp: mapUnary(shape, o, a, FExp<T>())
    case .exp2: mapUnary(shape, o, a) { (x: T) in T.m_exp2(x) }
    case .expm1: mapUnary(shape, o, a) { (x: T) in T.m_expm1(x) }
    case .log: mapUnary(shape, o, a, FLog<T>())
    case .log2: mapUnary(shape, o, a) { (x: T) in T.m_log2(x) }
    case .log10: mapUnary(shape, o, a) { (x: T) in T.m_log10(x) }
    case .log1p: mapUnary(shape, o, a) { (x: T) in T.m_log1p(x) }
    case .sqrt: mapUnary(shape, o, a, FSqrt<T>())
    case .rsqrt: mapUnary(shape, o, a, FRsqrt<T>())
    case .sin: mapUnary(shape, o, a, FSin<T>())
    case .cos: mapUnary(shape, o, a, FCos<T>())
    case .tan: mapUnary(shape, o, a) { (x: T) in T.m_tan(x) }
    case .asin: mapUnary(shape, o, a) { (x: T) in T.m_asin(x) }
    case .acos: mapUnary(shape, o, a) { (x: T) in T.m_acos(x) }
    case .atan: mapUnary(shape, o, a) { (x: T) in T.m_atan(x) }
    case .sinh: mapUnary(shape, o, a) { (x: T) in T.m_sinh(x) }
    case .cosh: mapUnary(shape, o, a) { (x: T) in T.m_cosh(x) }
    case .tanh: mapUnary(shape, o, a, FTanh<T>())
    case .asinh: mapUnary(shape, o, a) { (x: T) in T.m_asinh(x) }
    case .acosh: mapUnary(shape, o, a) { (x: T) in T.m_acosh(x) }
    case .atanh: mapUnary(shape, o, a) { (x: T) in T.m_atanh(x) }
    case .erf: mapUnary(shape, o, a) { (x: T) in T.m_erf(x) }
    case .erfc: mapUnary(shape, o, a) { (x: T) in T.m_erfc(x) }
    case .lgamma: mapUnary(shape, o, a) { (x: T) in T.m_lgamma(x) }
    case .sigmoid: mapUnary(shape, o, a, FSigmoid<T>())
    case .logSigmoid: mapUnary(shape, o, a) { (x: T) in Swift.min(x, 0) - T.m_log1p(T.m_exp(-Swift.abs(x))) }
    case .relu: mapUnary(shape, o, a, FRelu<T>())
    case .gelu:
        mapUnary(shape, o, a) { (x: T) in x * 0.5 * (1 + T.m_erf(x * T(0.70710678118654752440))) }
    case .geluTanh:
        mapUnary(shape, o, a) { (x: T) -> T in
            let inner = T(0.79788456080286535588) * (x + T(0.044715) * x * x * x)
            return T(0.5) * x * (1 + T.m_tanh(inner))
        }
    case .silu: mapUnary(shape, o, a) { (x: T) in x / (1 + T.m_exp(-x)) }
    case .mish: mapUnary(shape, o, a) { (x: T) in x * T.m_tanh(T.m_log1p(T.m_exp(x))) }
    case let .softplus(beta, threshold):
        let b = T(beta), th = T(threshold)
        mapUnary(shape, o, a) { (x: T) in x * b > th ? x : T.m_log1p(T.m_exp(x * b)) / b }
    case let .leakyRelu(slope):
        let s = T(slope)
        mapUnary(shape, o, a) { (x: T) in x > 0 ? x : x * s }
    case let .elu(alpha):
        let al = T(alpha)
        mapUnary(shape, o, a) { (x: T) in x > 0 ? x : al * T.m_expm1(x) }
    case let .hardtanh(lo, hi):
        let l = T(lo), h = T(hi)
        mapUnary(shape, o, a) { (x: T) in x.isNaN ? x : Swift.min(Swift.max(x, l), h) }
    case .floor: mapUnary(shape, o, a, FFloor<T>())
    case .ceil: mapUnary(shape, o, a, FCeil<T>())
    case .round: mapUnary(shape, o, a, FRound<T>())
    case .trunc: mapUnary(shape, o, a, FTrunc<T>())
    case .frac: mapUnary(shape, o, a) { (x: T) in x - x.rounded(.towardZero) }
    case let .roundDecimals(d):
        let p = T(Double.m_pow(10, Double(Swift.abs(d))))
        if d < 0 {
            mapUnary(shape, o, a) { (x: T) in (x / p).rounded(.toNearestOrEven) * p }
        } else {
            mapUnary(shape, o, a) { (x: T) in (x * p).rounded(.toNearestOrEven) / p }
        }
    case let .clamp(lo, hi):
        let l = lo.map { T($0) }, h = hi.map { T($0) }
        switch (l, h) {
        case let (l?, h?): mapUnary(shape, o, a, FClamp<T>(lo: l, hi: h))
        case let (l?, nil): mapUnary(shape, o, a, FClamp<T>(lo: l, hi: .infinity))
        case let (nil, h?): mapUnary(shape, o, a, FClamp<T>(lo: -.infinity, hi: h))
        case (nil, nil): mapUnary(shape, o, a) { (x: T) in x }
        }
    case let .nanToNum(nan, posinf, neginf):
        let n = T(nan), p = posinf.map { T($0) } ?? T.greatestFiniteMagnitude, m = neginf.map { T($0) } ?? -T.greatestFiniteMagnitude
        mapUnary(shape, o, a) { (x: T) in x.isNaN ? n : (x == .infinity ? p : (x == -.infinity ? m : x)) }
    case .logicalNot: mapUnary(shape, o, a) { (x: T) in x == 0 }
    case .isnan: mapUnary(shape, o, a) { (x: T) in x.isNaN }
    case .isinf: mapUnary(shape, o, a) { (x: T) in x.isInfinite }
    case .isposinf: mapUnary(shape, o, a) { (x: T) in x == .infinity }
    case .isneginf: mapUnary(shape, o, a) { (x: T) in x == -.infinity }
    case .isfinite: mapUnary(shape, o, a) { (x: T) in x.isFinite }
    case .signbit: mapUnary(shape, o, a) { (x: T) in x.sign == .minus }
    case let .powScalar(e):
        let te = T(e)
        switch e {
        case 2: mapUnary(shape, o, a, FSquare<T>())
        case 3: mapUnary(shape, o, a, FCube<T>())
        case 0.5: mapUnary(shape, o, a, FSqrt<T>())
        case -0.5: mapUnary(shape, o, a, FRsqrt<T>())
        case -1: mapUnary(shape, o, a, FReciprocal<T>())
        case -2: mapUnary(shape, o, a) { (x: T) in 1 / (x * x) }
        default: mapUnary(shape, o, a, FPowScalar<T>(e: te))
        }
    case .bitwiseNot:
        preconditionFailure("bitwise_not on floating point reached the kernel")
    }
}

/// Unary op on integer input. Ops that need floats are converted before they get here.
func intUnary<T: IntegerTensorElement>(_ op: UnaryOp, _ t: T.Type, _ shape: [Int], _ o: Operand, _ a: Operand) {
    switch op {
    case .neg: mapUnary(shape, o, a, INeg<T>())
    case .abs: mapUnary(shape, o, a, IAbs<T>())
    case .sign: mapUnary(shape, o, a) { (x: T) -> T in x > 0 ? 1 : (x < 0 ? 0 &- 1 : 0) }
    case .square: mapUnary(shape, o, a, ISquare<T>())
    case .relu: mapUnary(shape, o, a, IRelu<T>())
    case .floor, .ceil, .round, .trunc, .roundDecimals: mapUnary(shape, o, a, Identity<T>())
    case .frac: mapUnary(shape, o, a) { (_: T) in T.zero }
    case let .clamp(lo, hi):
        let l = lo.map { T(double: $0) }, h = hi.map { T(double: $0) }
        mapUnary(shape, o, a) { (x: T) -> T in
            var v = x
            if let l, v < l { v = l }
            if let h, v > h { v = h }
            return v
        }
    case let .hardtanh(lo, hi):
        let l = T(double: lo), h = T(double: hi)
        mapUnary(shape, o, a) { (x: T) in Swift.min(Swift.max(x, l), h) }
    case .nanToNum: mapUnary(shape, o, a) { (x: T) in x }
    case .logicalNot: mapUnary(shape, o, a) { (x: T) in x == 0 }
    case .bitwiseNot: mapUnary(shape, o, a) { (x: T) in ~x }
    case .isnan, .isinf, .isposinf, .isneginf: mapUnary(shape, o, a) { (_: T) in false }
    case .isfinite: mapUnary(shape, o, a) { (_: T) in true }
    case .signbit: mapUnary(shape, o, a) { (x: T) in x < 0 }
    case let .powScalar(e):
        let te = T(double: e)
        mapUnary(shape, o, a) { (x: T) in intPow(x, te) }
    default:
        preconditionFailure("unary op \(op) on integers reached the kernel")
    }
}

/// Unary op on bool input.
func boolUnary(_ op: UnaryOp, _ shape: [Int], _ o: Operand, _ a: Operand) {
    switch op {
    case .logicalNot, .bitwiseNot: mapUnary(shape, o, a) { (x: Bool) in !x }
    case .abs, .relu, .floor, .ceil, .round, .trunc, .roundDecimals, .sign, .square, .nanToNum, .clamp:
        mapUnary(shape, o, a) { (x: Bool) in x }
    case .isnan, .isinf, .isposinf, .isneginf, .signbit: mapUnary(shape, o, a) { (_: Bool) in false }
    case .isfinite: mapUnary(shape, o, a) { (_: Bool) in true }
    case let .powScalar(e):
        // `mask ** True` (a bool exponent keeps the bool dtype): x ** 1 is x, x ** 0 is True.
        let zero = e == 0
        mapUnary(shape, o, a) { (x: Bool) in zero || x }
    default:
        preconditionFailure("unary op \(op) on bool reached the kernel")
    }
}
