/// Python's floor division for floats, as c10's `div_floor_floating` computes it.
@inline(__always)
func floorDivide<T: RealElement>(_ a: T, _ b: T) -> T {
    if b == 0 { return a / b }
    let mod = T.m_fmod(a, b)
    var div = (a - mod) / b
    if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
    if div != 0 {
        var floordiv = div.rounded(.down)
        if div - floordiv > 0.5 { floordiv += 1 }
        return floordiv
    }
    return T(signOf: a / b, magnitudeOf: 0)
}

/// Python's `%` for floats: the result takes the divisor's sign.
@inline(__always)
func pyRemainder<T: RealElement>(_ a: T, _ b: T) -> T {
    var mod = T.m_fmod(a, b)
    if mod != 0 && (b < 0) != (mod < 0) { mod += b }
    return mod
}

@inline(__always)
func floorDivide<T: FixedWidthInteger>(_ a: T, _ b: T) -> T {
    let (q, o) = a.dividedReportingOverflow(by: b)
    if o { return q }
    if (a < 0) != (b < 0) {
        let r = a.remainderReportingOverflow(dividingBy: b).partialValue
        return r != 0 ? q &- 1 : q
    }
    return q
}

@inline(__always)
func pyRemainder<T: FixedWidthInteger>(_ a: T, _ b: T) -> T {
    var r = a.remainderReportingOverflow(dividingBy: b).partialValue
    if r != 0 && (r < 0) != (b < 0) { r = r &+ b }
    return r
}

/// Integer power by squaring with wrap-around, and PyTorch's answers for negative exponents.
@inline(__always)
func intPow<T: FixedWidthInteger>(_ base: T, _ exp: T) -> T {
    if exp < 0 {
        if base == 1 { return 1 }
        if base == -1 { return exp & 1 != 0 ? (0 &- 1) : 1 }
        return 0
    }
    var result: T = 1, b = base, e = exp
    while e != 0 {
        if e & 1 != 0 { result = result &* b }
        e >>= 1
        b = b &* b
    }
    return result
}

@inline(__always)
func nanMax<T: RealElement>(_ a: T, _ b: T) -> T { a.isNaN || b.isNaN ? .nan : (a > b ? a : b) }
@inline(__always)
func nanMin<T: RealElement>(_ a: T, _ b: T) -> T { a.isNaN || b.isNaN ? .nan : (a < b ? a : b) }

/// Binary op on Float or Double operands.
func floatBinary<T: RealElement>(_ op: BinaryOp, _ t: T.Type, _ shape: [Int], _ o: Operand, _ a: Operand, _ b: Operand) {
    switch op {
    case .add: mapBinary(shape, o, a, b, FAdd<T>())
    case .sub: mapBinary(shape, o, a, b, FSub<T>())
    case .mul:
        mapBinary(shape, o, a, b, FMul<T>())
        if MulNaNTail.contiguous(shape, [o, a, b]) {
            MulNaNTail.fix(T.self, out: o.typed(T.self), a: a.typed(T.self), b: b.typed(T.self), n: shape.reduce(1, *))
        }
    case .div: mapBinary(shape, o, a, b, FDiv<T>())
    case .floorDivide: mapBinary(shape, o, a, b) { (x: T, y: T) in floorDivide(x, y) }
    case .truncDivide: mapBinary(shape, o, a, b) { (x: T, y: T) in (x / y).rounded(.towardZero) }
    case .remainder: mapBinary(shape, o, a, b) { (x: T, y: T) in pyRemainder(x, y) }
    case .fmod: mapBinary(shape, o, a, b) { (x: T, y: T) in T.m_fmod(x, y) }
    case .pow: mapBinary(shape, o, a, b, FPow<T>())
    case .maximum: mapBinary(shape, o, a, b, FMax<T>())
    case .minimum: mapBinary(shape, o, a, b, FMin<T>())
    case .atan2: mapBinary(shape, o, a, b) { (x: T, y: T) in T.m_atan2(x, y) }
    case .hypot: mapBinary(shape, o, a, b) { (x: T, y: T) in T.m_hypot(x, y) }
    case .eq: mapBinary(shape, o, a, b, CmpEq<T>())
    case .ne: mapBinary(shape, o, a, b, CmpNe<T>())
    case .lt: mapBinary(shape, o, a, b, CmpLt<T>())
    case .le: mapBinary(shape, o, a, b, CmpLe<T>())
    case .gt: mapBinary(shape, o, a, b, CmpGt<T>())
    case .ge: mapBinary(shape, o, a, b, CmpGe<T>())
    case .logicalAnd: mapBinary(shape, o, a, b, LogicAnd<T>())
    case .logicalOr: mapBinary(shape, o, a, b, LogicOr<T>())
    case .logicalXor: mapBinary(shape, o, a, b, LogicXor<T>())
    case .bitwiseAnd, .bitwiseOr, .bitwiseXor, .shiftLeft, .shiftRight:
        preconditionFailure("bitwise op on floating point reached the kernel")
    }
}

/// Binary op on integer operands. Division by zero is rejected before the kernel runs.
func intBinary<T: IntegerTensorElement>(_ op: BinaryOp, _ t: T.Type, _ shape: [Int], _ o: Operand, _ a: Operand, _ b: Operand) {
    switch op {
    case .add: mapBinary(shape, o, a, b, IAdd<T>())
    case .sub: mapBinary(shape, o, a, b, ISub<T>())
    case .mul: mapBinary(shape, o, a, b, IMul<T>())
    case .div, .truncDivide: mapBinary(shape, o, a, b) { (x: T, y: T) in x.dividedReportingOverflow(by: y).partialValue }
    case .floorDivide: mapBinary(shape, o, a, b) { (x: T, y: T) in floorDivide(x, y) }
    case .remainder: mapBinary(shape, o, a, b) { (x: T, y: T) in pyRemainder(x, y) }
    case .fmod: mapBinary(shape, o, a, b) { (x: T, y: T) in x.remainderReportingOverflow(dividingBy: y).partialValue }
    case .pow: mapBinary(shape, o, a, b) { (x: T, y: T) in intPow(x, y) }
    case .maximum: mapBinary(shape, o, a, b, IMax<T>())
    case .minimum: mapBinary(shape, o, a, b, IMin<T>())
    case .atan2: mapBinary(shape, o, a, b) { (x: T, y: T) in T(double: Double.m_atan2(x.doubleValue, y.doubleValue)) }
    case .hypot: mapBinary(shape, o, a, b) { (x: T, y: T) in T(double: Double.m_hypot(x.doubleValue, y.doubleValue)) }
    case .eq: mapBinary(shape, o, a, b, CmpEq<T>())
    case .ne: mapBinary(shape, o, a, b, CmpNe<T>())
    case .lt: mapBinary(shape, o, a, b, CmpLt<T>())
    case .le: mapBinary(shape, o, a, b, CmpLe<T>())
    case .gt: mapBinary(shape, o, a, b, CmpGt<T>())
    case .ge: mapBinary(shape, o, a, b, CmpGe<T>())
    case .logicalAnd: mapBinary(shape, o, a, b, LogicAnd<T>())
    case .logicalOr: mapBinary(shape, o, a, b, LogicOr<T>())
    case .logicalXor: mapBinary(shape, o, a, b, LogicXor<T>())
    case .bitwiseAnd: mapBinary(shape, o, a, b, IAnd<T>())
    case .bitwiseOr: mapBinary(shape, o, a, b, IOr<T>())
    case .bitwiseXor: mapBinary(shape, o, a, b, IXor<T>())
    case .shiftLeft: mapBinary(shape, o, a, b) { (x: T, y: T) in y < 0 || y >= T.bitWidth ? 0 : x << y }
    case .shiftRight: mapBinary(shape, o, a, b) { (x: T, y: T) in y < 0 || y >= T.bitWidth ? (x < 0 ? (0 &- 1) : 0) : x >> y }
    }
}

/// Binary op on bool operands: arithmetic on bools is logical, as in PyTorch.
func boolBinary(_ op: BinaryOp, _ shape: [Int], _ o: Operand, _ a: Operand, _ b: Operand) {
    switch op {
    case .add, .logicalOr, .bitwiseOr, .maximum: mapBinary(shape, o, a, b) { (x: Bool, y: Bool) in x || y }
    case .mul, .logicalAnd, .bitwiseAnd, .minimum: mapBinary(shape, o, a, b) { (x: Bool, y: Bool) in x && y }
    case .logicalXor, .bitwiseXor, .ne, .sub: mapBinary(shape, o, a, b) { (x: Bool, y: Bool) in x != y }
    case .eq: mapBinary(shape, o, a, b) { (x: Bool, y: Bool) in x == y }
    case .lt: mapBinary(shape, o, a, b) { (x: Bool, y: Bool) in !x && y }
    case .le: mapBinary(shape, o, a, b) { (x: Bool, y: Bool) in !x || y }
    case .gt: mapBinary(shape, o, a, b) { (x: Bool, y: Bool) in x && !y }
    case .ge: mapBinary(shape, o, a, b) { (x: Bool, y: Bool) in x || !y }
    case .pow: mapBinary(shape, o, a, b) { (x: Bool, y: Bool) in x || !y }
    case .div, .floorDivide, .truncDivide, .remainder, .fmod, .atan2, .hypot, .shiftLeft, .shiftRight:
        preconditionFailure("op \(op) on bool reached the kernel")
    }
}
