/// Elementwise unary math. Ops that need floats promote integer and bool inputs to the
/// default float dtype; predicates return bool; rounding and sign ops keep the dtype.
extension Tensor {
    /// Output dtype of `op` on input dtype `input`, or PyTorch's refusal.
    static func unaryOutputType(_ op: UnaryOp, _ input: DType) throws(TensorError) -> DType {
        if op.producesBool { return .bool }
        if input.isComplex { return try complexUnaryOutputType(op, input) }
        if let refusal = unaryKernelRefusal(op, input) { throw refusal }
        switch op {
        case .neg:
            if input == .bool {
                throw .notImplemented("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
            }
            return input
        case .abs, .sign, .relu, .floor, .ceil, .round, .trunc, .roundDecimals, .clamp, .hardtanh, .nanToNum:
            return input
        case .square:
            return input == .bool ? .int64 : input
        case .frac:
            if !input.isFloatingPoint { throw .notImplemented("\"frac_cpu\" not implemented for '\(input.scalarTypeName)'") }
            return input
        case .bitwiseNot:
            if input.isFloatingPoint { throw .notImplemented("\"bitwise_not_cpu\" not implemented for '\(input.scalarTypeName)'") }
            return input
        case .powScalar:
            return input
        default:
            return input.floatResult()
        }
    }

    /// `op(self)` into a new tensor.
    public func unary(_ op: UnaryOp) throws(TensorError) -> Tensor {
        let outType = try Tensor.unaryOutputType(op, dtype)
        let input = outType == .bool || !outType.isFloatingPoint || dtype.isComplex ? self : try to(outType)
        let out = try Tensor.iteratorOutput(sizes, dtype: outType, device: device, inputs: [self])
        try backend.unary(op, input, into: out)
        return out
    }

    /// `op_(self)` in place (`relu_`, `exp_`, `clamp_`...).
    @discardableResult
    public func unaryInPlace(_ op: UnaryOp) throws(TensorError) -> Tensor {
        let outType = try Tensor.unaryOutputType(op, dtype)
        if outType != dtype && !(op.producesBool && dtype == .bool) {
            if !outType.canCast(to: dtype) || op.producesBool { throw .cannotCast(result: outType, output: dtype) }
            let tmp = try unary(op)
            try backend.copyCast(from: tmp, into: self)
        } else {
            try backend.unary(op, self, into: self)
        }
        bumpVersion()
        return self
    }

    public func neg() throws(TensorError) -> Tensor { try unary(.neg) }
    public func abs() throws(TensorError) -> Tensor { try unary(.abs) }
    public func sign() throws(TensorError) -> Tensor { try unary(.sign) }
    public func exp() throws(TensorError) -> Tensor { try unary(.exp) }
    public func log() throws(TensorError) -> Tensor { try unary(.log) }
    public func sqrt() throws(TensorError) -> Tensor { try unary(.sqrt) }
    public func tanh() throws(TensorError) -> Tensor { try unary(.tanh) }
    public func sigmoid() throws(TensorError) -> Tensor { try unary(.sigmoid) }
    public func relu() throws(TensorError) -> Tensor { try unary(.relu) }
    public func square() throws(TensorError) -> Tensor { try unary(.square) }
    public func reciprocal() throws(TensorError) -> Tensor { try unary(.reciprocal) }

    /// `round(decimals=0)`: half to even.
    public func round(decimals: Int = 0) throws(TensorError) -> Tensor {
        try unary(decimals == 0 ? .round : .roundDecimals(decimals))
    }

    /// `clamp(min, max)` with Python numbers; an int tensor clamped by floats becomes float.
    public func clamp(min lo: Scalar?, max hi: Scalar?) throws(TensorError) -> Tensor {
        if lo == nil && hi == nil { throw .runtime("torch.clamp: At least one of 'min' or 'max' must not be None") }
        var p = TypePromotion()
        p.add(self)
        if let lo { p.add(lo) }
        if let hi { p.add(hi) }
        let result = p.result
        return try to(result).unary(.clamp(min: lo?.doubleValue, max: hi?.doubleValue))
    }

    /// `clamp(min, max)` with tensor bounds (broadcast).
    public func clamp(min lo: Tensor?, max hi: Tensor?) throws(TensorError) -> Tensor {
        if lo == nil && hi == nil { throw .runtime("torch.clamp: At least one of 'min' or 'max' must not be None") }
        var r = self
        if let lo { r = try r.binary(.maximum, lo) }
        if let hi { r = try r.binary(.minimum, hi) }
        return r
    }
}
