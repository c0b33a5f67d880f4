/// Which dtypes each CPU kernel family has, and PyTorch's error for the others.
///
/// ATen dispatches each op over a fixed set of dtypes (`AT_DISPATCH_..._TYPES`) and raises
/// `"<kernel>" not implemented for '<ScalarType>'` for the rest. The op layer
/// (`binaryTypes`, `unaryOutputType`) raises these before computing; the CPU backend asks
/// the same tables again before it picks a typed loop, so a path that skips the op layer
/// gets PyTorch's error, never a loop that has no case for the dtype.
extension BinaryOp {
    /// The kernel name in PyTorch's "not implemented" message.
    var cpuKernelName: String {
        switch self {
        case .bitwiseAnd: "bitwise_and_cpu"
        case .bitwiseOr: "bitwise_or_cpu"
        case .bitwiseXor: "bitwise_xor_cpu"
        case .shiftLeft: "lshift_cpu"
        case .shiftRight: "rshift_cpu"
        case .div: "div_true_cpu"
        case .floorDivide: "div_floor_cpu"
        case .truncDivide: "div_trunc_cpu"
        case .remainder: "remainder_cpu"
        case .fmod: "fmod_cpu"
        case .atan2: "atan2_cpu"
        case .hypot: "hypot_cpu"
        case .pow: "pow"
        default: "\(self)_cpu"
        }
    }
}

extension Tensor {
    /// PyTorch's refusal of `op` computed in `compute` (the promoted operand dtype), or nil.
    /// `strict` adds the refusals of kernels the typed loops could still run (integer
    /// `hypot`, bool `pow`): the op layer asks with it, the backend without.
    static func binaryKernelRefusal(_ op: BinaryOp, _ compute: DType, strict: Bool = true) -> TensorError? {
        let refused: Bool
        switch op {
        case .bitwiseAnd, .bitwiseOr, .bitwiseXor, .shiftLeft, .shiftRight:
            refused = compute.isFloatingPoint || (compute == .bool && (op == .shiftLeft || op == .shiftRight))
        case .div, .floorDivide, .truncDivide, .remainder, .fmod, .atan2:
            refused = compute == .bool
        case .hypot:
            refused = strict ? !compute.isFloatingOrComplex : compute == .bool
        case .pow:
            refused = strict && compute == .bool
        default:
            refused = false
        }
        return refused ? .notImplemented("\"\(op.cpuKernelName)\" not implemented for '\(compute.scalarTypeName)'") : nil
    }

    /// PyTorch's refusal of unary `op` on `input` (bool and integer inputs of the rounding
    /// and activation kernels), or nil.
    static func unaryKernelRefusal(_ op: UnaryOp, _ input: DType) -> TensorError? {
        let name = input.scalarTypeName
        if case .roundDecimals = op, !input.isFloatingOrComplex {
            return .notImplemented("\"round_cpu\" not implemented for '\(name)'")
        }
        guard input == .bool else { return nil }
        switch op {
        case .abs: return .notImplemented("\"abs_cpu\" not implemented for 'Bool'")
        case .relu: return .notImplemented("Boolean inputs not supported for relu")
        case .hardtanh: return .notImplemented("Bool inputs not supported for hardtanh")
        case .floor: return .notImplemented("\"floor_vml_cpu\" not implemented for 'Bool'")
        case .ceil: return .notImplemented("\"ceil_vml_cpu\" not implemented for 'Bool'")
        case .round: return .notImplemented("\"round_vml_cpu\" not implemented for 'Bool'")
        case .trunc: return .notImplemented("\"trunc_vml_cpu\" not implemented for 'Bool'")
        default: return nil
        }
    }

    /// Whether the CPU's typed unary loops have `op` for `input` (the op layer converts
    /// inputs of float-only ops first); the backend refuses the others with an error.
    static func unaryLoopExists(_ op: UnaryOp, _ input: DType) -> Bool {
        if input.isFloatingOrComplex { return op != .bitwiseNot }
        if op.producesBool { return true }
        switch op {
        case .logicalNot, .bitwiseNot, .sign, .square, .nanToNum, .clamp, .abs, .relu, .floor, .ceil, .round, .trunc, .roundDecimals,
             .powScalar:
            return true
        case .hardtanh, .neg, .frac:
            return input != .bool
        default: return false
        }
    }

    /// Whether the CPU's typed reduction loops have `op` for `input`.
    static func reduceLoopExists(_ op: ReduceOp, _ input: DType) -> Bool {
        if input.isFloatingOrComplex { return true }
        switch op {
        case .mean, .normPower: return false
        case .sum, .absMin: return input != .bool
        default: return true
        }
    }
}
