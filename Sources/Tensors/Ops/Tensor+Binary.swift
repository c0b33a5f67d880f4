/// `div`'s `rounding_mode`.
public enum RoundingMode: String, Sendable {
    case trunc, floor
}

/// Elementwise binary ops with broadcasting and PyTorch's type promotion. Every public
/// arithmetic method funnels into `binary(_:_:)`, `binary(_:_:reflected:)` or `binaryInPlace`.
extension Tensor {
    /// Compute and output dtypes of `op` on operands whose common dtype is `promoted`.
    static func binaryTypes(_ op: BinaryOp, _ promoted: DType) throws(TensorError) -> (compute: DType, out: DType) {
        let types: (compute: DType, out: DType)
        switch op {
        case .div, .atan2:
            let f = promoted.floatResult()
            types = (f, f)
        case .eq, .ne, .lt, .le, .gt, .ge:
            types = (promoted, .bool)
        case .logicalAnd, .logicalOr, .logicalXor:
            types = (.bool, .bool)
        default:
            // hypot included: its kernels are floating only (no promotion of integers).
            types = (promoted, promoted)
        }
        if op.isComparison { return types }
        if let refusal = binaryKernelRefusal(op, types.compute) { throw refusal }
        return types
    }

    /// Errors PyTorch raises before computing, given both operand dtypes.
    static func checkBinary(_ op: BinaryOp, _ a: DType, _ b: DType) throws(TensorError) {
        if op == .sub && a == .bool && b == .bool {
            throw .notImplemented("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
        }
        if op == .sub && (a == .bool || b == .bool) {
            throw .notImplemented("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        }
    }

    /// Integer division and remainder by zero raise, as PyTorch's CPU kernels do.
    static func checkIntegerDivisor(_ op: BinaryOp, _ compute: DType, _ divisor: Tensor) throws(TensorError) {
        guard !compute.isFloatingOrComplex, [.div, .floorDivide, .truncDivide, .remainder, .fmod].contains(op) else { return }
        let hasZero = try divisor.elementsAsBool().contains(false)
        if hasZero { throw .runtime("ZeroDivisionError") }
    }

    static func checkIntegerDivisor(_ op: BinaryOp, _ compute: DType, _ divisor: Scalar) throws(TensorError) {
        guard !compute.isFloatingOrComplex, [.div, .floorDivide, .truncDivide, .remainder, .fmod].contains(op) else { return }
        if divisor.int64Value == 0 && !divisor.boolValue { throw .runtime("ZeroDivisionError") }
    }

    static func checkSameDevice(_ a: Tensor, _ b: Tensor) throws(TensorError) {
        if a.device != b.device {
            throw .runtime("Expected all tensors to be on the same device, but found at least two devices, \(a.device) and \(b.device)!")
        }
    }

    /// `self op other` with broadcasting.
    public func binary(_ op: BinaryOp, _ other: Tensor) throws(TensorError) -> Tensor {
        // As TensorIterator: a CPU 0-dim operand joins a device tensor as a scalar would.
        if device != other.device {
            let common = try Tensor.iteratorDevice([self, other])
            return try to(device: common).binary(op, try other.to(device: common))
        }
        try Tensor.checkBinary(op, dtype, other.dtype)
        // TensorIterator broadcasts before the kernel's dtype dispatch can refuse.
        let shape = try Shape.broadcast(sizes, other.sizes)
        let (compute, outType) = try Tensor.binaryTypes(op, TypePromotion.resultType(self, other))
        try Tensor.checkIntegerDivisor(op, compute, other)
        let a = try to(compute).expand(to: shape, forCopyInto: false)
        let out = try Tensor.iteratorOutput(shape, dtype: outType, device: device, inputs: [self, other])
        if let value = try Tensor.reducedOpmathScalar(op, compute: compute, outType: outType, other) {
            try backend.binaryScalar(op, a, value, scalarOnLeft: false, into: out)
            return out
        }
        let b = try other.to(compute).expand(to: shape, forCopyInto: false)
        try backend.binary(op, a, b, into: out)
        return out
    }

    /// ATen's `mul_kernel` and `div_true_kernel` (and `div_trunc`/`div_floor`) in float16/bfloat16 read a one-element
    /// second operand (`iter.is_scalar(2)`) with `original_scalar_value<float>`: from its
    /// own dtype straight to float, never rounded to the half type first (`x16 *
    /// torch.tensor(33.4177, dtype=torch.float64)` multiplies by 33.4177f, not by 33.41).
    /// That value as a number; nil for other ops, dtypes, or an operand of the compute type.
    static func reducedOpmathScalar(_ op: BinaryOp, compute: DType, outType: DType, _ other: Tensor) throws(TensorError) -> Scalar? {
        guard [.mul, .div, .floorDivide, .truncDivide].contains(op), compute == .float16 || compute == .bfloat16, outType == compute,
              other.numel == 1, other.dtype != compute, other.device == .cpu,
              !other.dtype.isComplex, other.dtype != .bool else { return nil }
        return try other.item()
    }

    /// `self op scalar`, or `scalar op self` when `reflected` (`2 - x`, `2 ** x`).
    public func binary(_ op: BinaryOp, _ scalar: Scalar, reflected: Bool = false) throws(TensorError) -> Tensor {
        let scalarType = scalar.defaultDType
        try Tensor.checkBinary(op, reflected ? scalarType : dtype, reflected ? dtype : scalarType)
        let (compute, outType) = try Tensor.binaryTypes(op, TypePromotion.resultType(self, scalar))
        if reflected {
            try Tensor.checkIntegerDivisor(op, compute, self)
        } else {
            try Tensor.checkIntegerDivisor(op, compute, scalar)
        }
        let a = try to(compute)
        // The Python number joins TensorIterator as a 0-dim operand. `number ** tensor`
        // (ATen's pow.Scalar) writes into a contiguous result whatever the exponent's
        // layout, so its loop walks the exponent in row-major order.
        let out = op == .pow && reflected ? try Tensor(empty: sizes, dtype: outType, device: device)
            : try Tensor.iteratorOutput(sizes, dtype: outType, device: device, inputs: [self], withNumber: true)
        try backend.binaryScalar(op, a, Tensor.adjust(scalar, for: compute), scalarOnLeft: reflected, into: out)
        return out
    }

    /// Logical ops compute on bools, so their scalar must be one.
    private static func adjust(_ s: Scalar, for compute: DType) -> Scalar {
        compute == .bool ? .bool(s.boolValue) : s
    }

    /// `self op= other` in place: the result type must be castable to this dtype.
    @discardableResult
    public func binaryInPlace(_ op: BinaryOp, _ other: Tensor) throws(TensorError) -> Tensor {
        var other = other
        if device != other.device {
            if try Tensor.iteratorDevice([self, other]) != device { try Tensor.checkSameDevice(self, other) }
            other = try other.to(device: device)
        }
        try Tensor.checkBinary(op, dtype, other.dtype)
        let (compute, outType) = try Tensor.binaryTypes(op, TypePromotion.resultType(self, other))
        if !outType.canCast(to: dtype) { throw .cannotCast(result: outType, output: dtype) }
        try Tensor.checkIntegerDivisor(op, compute, other)
        let shape = try Shape.broadcast(sizes, other.sizes)
        if shape != sizes {
            throw .runtime("output with shape \(Shape.describe(sizes)) doesn't match the broadcast shape \(Shape.describe(shape))")
        }
        let a = try to(compute)
        var b = try other.to(compute).expand(to: shape, forCopyInto: false)
        if b.storage === storage && !b.isContiguous { b = try b.clone() }
        if outType == dtype && a === self {
            try backend.binary(op, self, b, into: self)
        } else {
            let out = try Tensor(empty: shape, dtype: outType, device: device)
            try backend.binary(op, a, b, into: out)
            try backend.copyCast(from: out, into: self)
        }
        bumpVersion()
        return self
    }

    /// `self op= scalar` in place.
    @discardableResult
    public func binaryInPlace(_ op: BinaryOp, _ scalar: Scalar) throws(TensorError) -> Tensor {
        try Tensor.checkBinary(op, dtype, scalar.defaultDType)
        let (compute, outType) = try Tensor.binaryTypes(op, TypePromotion.resultType(self, scalar))
        if !outType.canCast(to: dtype) { throw .cannotCast(result: outType, output: dtype) }
        try Tensor.checkIntegerDivisor(op, compute, scalar)
        let s = Tensor.adjust(scalar, for: compute)
        if outType == dtype && compute == dtype {
            try backend.binaryScalar(op, self, s, scalarOnLeft: false, into: self)
        } else {
            let out = try Tensor(empty: sizes, dtype: outType, device: device)
            try backend.binaryScalar(op, try to(compute), s, scalarOnLeft: false, into: out)
            try backend.copyCast(from: out, into: self)
        }
        bumpVersion()
        return self
    }
}

// MARK: - Named arithmetic

extension Tensor {
    public func add(_ other: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        if let alpha, alpha != .int(1), let r = try fusedAddScaled(other, alpha: alpha.doubleValue, inPlace: false) { return r }
        if let alpha, alpha != .int(1) { return try binary(.add, try other.mul(alpha)) }
        return try binary(.add, other)
    }
    public func add(_ other: Scalar, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        if let alpha, alpha != .int(1) { return try binary(.add, Tensor.scalarProduct(other, alpha)) }
        return try binary(.add, other)
    }
    public func sub(_ other: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        if let alpha, alpha != .int(1), let r = try fusedAddScaled(other, alpha: -alpha.doubleValue, inPlace: false) { return r }
        if let alpha, alpha != .int(1) { return try binary(.sub, try other.mul(alpha)) }
        return try binary(.sub, other)
    }
    public func sub(_ other: Scalar, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        if let alpha, alpha != .int(1) { return try binary(.sub, Tensor.scalarProduct(other, alpha)) }
        return try binary(.sub, other)
    }
    /// `add_(other, alpha=)` in place; float tensors use PyTorch's fused `self + alpha·other`.
    @discardableResult
    public func add_(_ other: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        if let alpha, alpha != .int(1) {
            if let r = try fusedAddScaled(other, alpha: alpha.doubleValue, inPlace: true) { return r }
            return try binaryInPlace(.add, try other.mul(alpha))
        }
        return try binaryInPlace(.add, other)
    }

    /// `sub_(other, alpha=)` in place.
    @discardableResult
    public func sub_(_ other: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        if let alpha, alpha != .int(1) {
            if let r = try fusedAddScaled(other, alpha: -alpha.doubleValue, inPlace: true) { return r }
            return try binaryInPlace(.sub, try other.mul(alpha))
        }
        return try binaryInPlace(.sub, other)
    }

    /// `self + alpha·other` with one rounding for float32/float64 on the CPU; nil when
    /// another path applies (other dtypes, devices).
    func fusedAddScaled(_ other: Tensor, alpha: Double, inPlace: Bool) throws(TensorError) -> Tensor? {
        let result = TypePromotion.resultType(self, other)
        guard (result == .float32 || result == .float64 || result == .float16 || result == .bfloat16), device == .cpu, other.device == .cpu,
              !inPlace || dtype == result else { return nil }
        let shape = try Shape.broadcast(sizes, other.sizes)
        if inPlace && shape != sizes {
            throw .runtime("output with shape \(Shape.describe(sizes)) doesn't match the broadcast shape \(Shape.describe(shape))")
        }
        let a = try to(result).expand(to: shape, forCopyInto: false)
        var b = try other.to(result).expand(to: shape, forCopyInto: false)
        if inPlace && b.storage === storage && !b.isContiguous { b = try b.clone() }
        let out = inPlace ? self : try Tensor.iteratorOutput(shape, dtype: result, device: .cpu, inputs: [self, other])
        if result == .float16 || result == .bfloat16 {
            withExtendedLifetime((a, b)) { ReducedAddScaled.run(a, b, alpha: alpha, into: out) }
        } else if result == .float32 {
            mapBinary(shape, Operand(out), Operand(a), Operand(b), FAddScaled<Float>(alpha: Float(alpha)))
        } else {
            mapBinary(shape, Operand(out), Operand(a), Operand(b), FAddScaled<Double>(alpha: alpha))
        }
        if inPlace { bumpVersion() }
        return out
    }

    public func mul(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.mul, other) }
    public func mul(_ other: Scalar) throws(TensorError) -> Tensor { try binary(.mul, other) }

    /// `div(other, rounding_mode=None|'trunc'|'floor')`.
    public func div(_ other: Tensor, roundingMode: RoundingMode? = nil) throws(TensorError) -> Tensor {
        try binary(Tensor.divisionOp(roundingMode), other)
    }
    public func div(_ other: Scalar, roundingMode: RoundingMode? = nil) throws(TensorError) -> Tensor {
        try binary(Tensor.divisionOp(roundingMode), other)
    }
    static func divisionOp(_ mode: RoundingMode?) -> BinaryOp {
        switch mode {
        case nil: .div
        case .trunc: .truncDivide
        case .floor: .floorDivide
        }
    }

    public func floorDivide(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.floorDivide, other) }
    public func floorDivide(_ other: Scalar) throws(TensorError) -> Tensor { try binary(.floorDivide, other) }
    public func remainder(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.remainder, other) }
    public func remainder(_ other: Scalar) throws(TensorError) -> Tensor { try binary(.remainder, other) }
    public func fmod(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.fmod, other) }
    public func fmod(_ other: Scalar) throws(TensorError) -> Tensor { try binary(.fmod, other) }

    public func pow(_ exponent: Tensor) throws(TensorError) -> Tensor { try binary(.pow, exponent) }
    /// `x ** e` for a Python number; integer tensors refuse negative integer powers.
    public func pow(_ exponent: Scalar) throws(TensorError) -> Tensor {
        let result = TypePromotion.resultType(self, exponent)
        if !result.isFloatingOrComplex, exponent.int64Value < 0, !exponent.isFloatingPoint {
            throw .runtime("Integers to negative integer powers are not allowed.")
        }
        if case .complex(let re, let im) = exponent {
            // A complex exponent: 0 and 1 stay pow_out's fill and copy, the rest is `cpow`
            // against the number (a real one takes the scalar kernel's shortcuts).
            if im != 0 { return try to(result).binary(.pow, try Tensor(scalar: exponent, dtype: result)) }
            return try to(result).unary(.powScalar(re))
        }
        return try to(result).unary(.powScalar(Tensor.powExponent(exponent.doubleValue, result)))
    }

    /// pow_tensor_scalar_kernel takes a float16/bfloat16 base's exponent as
    /// `exp_scalar.to<scalar_t>()`: rounded to the element type (via float) before it picks
    /// the square/cube/reciprocal shortcuts or calls pow. (The gradient keeps the exact one.)
    static func powExponent(_ e: Double, _ dtype: DType) -> Double {
        switch dtype {
        case .float16: Double(Float(Float16(Float(e))))
        case .bfloat16: Double(BFloat16(Float(e)).float)
        default: e
        }
    }

    public func maximum(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.maximum, other) }
    public func minimum(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.minimum, other) }
    public func atan2(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.atan2, other) }

    public func eq(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.eq, other) }
    public func eq(_ other: Scalar) throws(TensorError) -> Tensor { try binary(.eq, other) }
    public func ne(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.ne, other) }
    public func ne(_ other: Scalar) throws(TensorError) -> Tensor { try binary(.ne, other) }
    public func lt(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.lt, other) }
    public func lt(_ other: Scalar) throws(TensorError) -> Tensor { try binary(.lt, other) }
    public func le(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.le, other) }
    public func le(_ other: Scalar) throws(TensorError) -> Tensor { try binary(.le, other) }
    public func gt(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.gt, other) }
    public func gt(_ other: Scalar) throws(TensorError) -> Tensor { try binary(.gt, other) }
    public func ge(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.ge, other) }
    public func ge(_ other: Scalar) throws(TensorError) -> Tensor { try binary(.ge, other) }

    public func logicalAnd(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.logicalAnd, other) }
    public func logicalOr(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.logicalOr, other) }
    public func logicalXor(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.logicalXor, other) }
    public func bitwiseAnd(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.bitwiseAnd, other) }
    public func bitwiseOr(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.bitwiseOr, other) }
    public func bitwiseXor(_ other: Tensor) throws(TensorError) -> Tensor { try binary(.bitwiseXor, other) }

    /// Product of two Python numbers for `alpha`, keeping int-ness when both are ints.
    static func scalarProduct(_ a: Scalar, _ b: Scalar) -> Scalar {
        if !a.isFloatingPoint && !b.isFloatingPoint { return .int(a.int64Value &* b.int64Value) }
        return .float(a.doubleValue * b.doubleValue)
    }
}
