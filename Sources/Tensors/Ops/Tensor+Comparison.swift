/// Whole-tensor comparisons: `isclose`, `allclose`, `equal`.
extension Tensor {
    /// `isclose(other, rtol, atol, equal_nan)`: |a − b| ≤ atol + rtol·|b|, with equal
    /// infinities close and NaN close to NaN only when `equalNaN`.
    public func isclose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false) throws(TensorError) -> Tensor {
        if dtype != other.dtype {
            throw .runtime("\(dtype.scalarTypeName) did not match \(other.dtype.scalarTypeName)")
        }
        if rtol < 0 { throw .runtime("rtol must be greater than or equal to zero, but got \(rtol)") }
        if atol < 0 { throw .runtime("atol must be greater than or equal to zero, but got \(atol)") }
        let exact = try eq(other)
        if !dtype.isFloatingOrComplex { return exact }
        var close = exact
        if equalNaN { close = try close.logicalOr(try unary(.isnan).logicalAnd(try other.unary(.isnan))) }
        let wide: DType = dtype.isComplex ? .complex128 : .float64
        let a = try to(wide), b = try other.to(wide)
        let diff = try a.sub(b).abs()
        let tol = try b.abs().mul(.float(rtol)).add(.float(atol))
        let within = try diff.le(tol).logicalAnd(try diff.unary(.isfinite))
        return try close.logicalOr(within)
    }

    /// `allclose(...)`: whether every element is close.
    public func allclose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false) throws(TensorError) -> Bool {
        try isclose(other, rtol: rtol, atol: atol, equalNaN: equalNaN).all().item().boolValue
    }

    /// `torch.equal(a, b)`: same shape and all elements equal.
    public func equal(_ other: Tensor) throws(TensorError) -> Bool {
        if sizes != other.sizes { return false }
        return try eq(other).all().item().boolValue
    }
}
