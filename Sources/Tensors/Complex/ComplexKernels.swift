/// CPU kernels on complex elements. Arithmetic follows `c10::complex` and ATen's
/// vectorised complex kernels term by term (separately rounded products, no fused
/// multiply-add), so results match PyTorch's bits; ops PyTorch does not define for complex
/// raise its own error text rather than computing on the real part.

/// The name ATen's CPU dispatch uses in "not implemented for 'ComplexFloat'" errors.
func complexKernelName(_ op: BinaryOp) -> String {
    switch op {
    case .floorDivide: "div_floor_cpu"
    case .truncDivide: "div_trunc_cpu"
    case .remainder: "remainder_cpu"
    case .fmod: "fmod_cpu"
    case .atan2: "atan2_cpu"
    case .hypot: "hypot_cpu"
    case .lt: "lt_cpu"
    case .le: "le_cpu"
    case .gt: "gt_cpu"
    case .ge: "ge_cpu"
    case .bitwiseAnd: "bitwise_and_cpu"
    case .bitwiseOr: "bitwise_or_cpu"
    case .bitwiseXor: "bitwise_xor_cpu"
    case .shiftLeft: "lshift_cpu"
    case .shiftRight: "rshift_cpu"
    default: "\(op)_cpu"
    }
}

/// The error PyTorch raises for a binary op it has no complex kernel for; nil when it has one.
func complexBinaryError(_ op: BinaryOp, _ dtype: DType) -> TensorError? {
    switch op {
    case .add, .sub, .mul, .div, .eq, .ne, .logicalAnd, .logicalOr, .logicalXor: return nil
    case .maximum, .minimum: return .type("\(op) not implemented for complex tensors.")
    default: return .notImplemented("\"\(complexKernelName(op))\" not implemented for '\(dtype.scalarTypeName)'")
    }
}

@inline(__always) func complexAdd<C: ComplexTensorElement>(_ x: C, _ y: C) -> C { C(re: x.re + y.re, im: x.im + y.im) }
@inline(__always) func complexSub<C: ComplexTensorElement>(_ x: C, _ y: C) -> C { C(re: x.re - y.re, im: x.im - y.im) }

/// `(a + bi)(c + di) = (ac - bd) + (ad + bc)i`, each product rounded on its own.
@inline(__always) func complexMul<C: ComplexTensorElement>(_ x: C, _ y: C) -> C {
    let ac = x.re * y.re, bd = x.im * y.im
    let ad = x.re * y.im, bc = x.im * y.re
    return C(re: ac - bd, im: ad + bc)
}

/// Binary op on complex operands of type C writing C (or Bool for comparisons).
func complexBinary<C: ComplexTensorElement>(_ op: BinaryOp, _ t: C.Type, _ shape: [Int], _ o: Operand, _ a: Operand,
                                            _ b: Operand) throws(TensorError) {
    if let error = complexBinaryError(op, C.dtype) { throw error }
    switch op {
    case .add: mapBinary(shape, o, a, b) { (x: C, y: C) in complexAdd(x, y) }
    case .sub: mapBinary(shape, o, a, b) { (x: C, y: C) in complexSub(x, y) }
    case .mul: mapBinary(shape, o, a, b) { (x: C, y: C) in complexMul(x, y) }
    case .div: mapBinary(shape, o, a, b) { (x: C, y: C) in complexDiv(x, y) }
    case .eq: mapBinary(shape, o, a, b) { (x: C, y: C) in x.re == y.re && x.im == y.im }
    case .ne: mapBinary(shape, o, a, b) { (x: C, y: C) in x.re != y.re || x.im != y.im }
    case .logicalAnd: mapBinary(shape, o, a, b) { (x: C, y: C) in x.boolValue && y.boolValue }
    case .logicalOr: mapBinary(shape, o, a, b) { (x: C, y: C) in x.boolValue || y.boolValue }
    case .logicalXor: mapBinary(shape, o, a, b) { (x: C, y: C) in x.boolValue != y.boolValue }
    default: break
    }
}

/// `(a + bi) / (c + di) = ((ac + bd) + (bc - ad)i) / (c² + d²)`, as ATen's vectorised kernel.
@inline(__always) func complexDiv<C: ComplexTensorElement>(_ x: C, _ y: C) -> C {
    let ac = x.re * y.re, bd = x.im * y.im
    let ad = x.re * y.im, bc = x.im * y.re
    let denominator = y.re * y.re + y.im * y.im
    return C(re: (ac + bd) / denominator, im: (bc - ad) / denominator)
}

/// Unary op on complex operands; `out` has C's dtype unless the op produces bool or real.
func complexUnary<C: ComplexTensorElement>(_ op: UnaryOp, _ t: C.Type, _ shape: [Int], _ o: Operand,
                                           _ a: Operand) throws(TensorError) {
    switch op {
    case .neg: mapUnary(shape, o, a) { (x: C) in C(re: 0 - x.re, im: 0 - x.im) }
    case .logicalNot: mapUnary(shape, o, a) { (x: C) in !x.boolValue }
    case .isnan: mapUnary(shape, o, a) { (x: C) in x.re.isNaN || x.im.isNaN }
    case .isinf: mapUnary(shape, o, a) { (x: C) in x.re.isInfinite || x.im.isInfinite }
    case .isfinite: mapUnary(shape, o, a) { (x: C) in x.re.isFinite && x.im.isFinite }
    default: throw complexUnaryError(op, C.dtype)
    }
}

/// The error PyTorch raises for a unary op without a complex kernel.
func complexUnaryError(_ op: UnaryOp, _ dtype: DType) -> TensorError {
    switch op {
    case .clamp, .relu, .hardtanh: return .notImplemented("clamp is not supported for complex types")
    case .floor, .ceil, .trunc, .frac: return .notImplemented("\(op) is not supported for complex inputs")
    case .sign: return .notImplemented("Unlike NumPy, torch.sign is not intended to support complex numbers. Please use torch.sgn instead.")
    case .round: return .notImplemented("\"round_vml_cpu\" not implemented for '\(dtype.scalarTypeName)'")
    default: return .notImplemented("\"\(op)_cpu\" not implemented for '\(dtype.scalarTypeName)'")
    }
}
