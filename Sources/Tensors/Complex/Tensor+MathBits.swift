/// PyTorch's "math bits" (`is_conj()`, `is_neg()`): a view that shares memory with its
/// base and reads as the conjugate or the negation of it. Kernels read raw memory, so a
/// tensor with a bit set is resolved (materialised) before any kernel reads it, and a write
/// through it stores the conjugate/negation back; both are involutions, so the same
/// transformation serves reading and writing.
extension Tensor {
    /// Whether reading this tensor needs a conjugation or a negation of its memory.
    @inline(__always) public var hasMathBits: Bool { isConj || isNeg }

    /// The same memory and layout read as it is: no bits, the same version counter and `._base`.
    public func withoutMathBits() -> Tensor {
        let alias = Tensor(storage: storage, sizes: sizes, strides: strides, offset: offset, dtype: dtype,
                           versionCounter: versionCounter)
        alias.plainViewBase = plainViewBase
        return alias
    }

    /// A view of the same memory with the given bits (the conjugate bit only on complex dtypes).
    public func withMathBits(conj: Bool, neg: Bool) -> Tensor {
        let view = withoutMathBits()
        view.isConj = conj && dtype.isComplex
        view.isNeg = neg
        return view
    }

    /// The values this tensor reads as, in memory of their own (`resolve_conj` and
    /// `resolve_neg` together); the tensor itself when no bit is set. The copy keeps the
    /// layout as `empty_like` does; a conjugated zero imaginary part becomes -0 (`std::conj`).
    public func resolvedMathBits() throws(TensorError) -> Tensor {
        guard hasMathBits else { return self }
        let out = try withoutMathBits().clone()
        if isConj { _ = try out.imagPart().unaryInPlace(.neg) }
        if isNeg { _ = try out.unaryInPlace(.neg) }
        return out
    }

    /// Stores `values` (bit-free, this tensor's shape) so that this tensor reads as them:
    /// the memory gets their conjugate/negation as this tensor's bits say.
    public func storeReading(_ values: Tensor) throws(TensorError) {
        let stored = try values.withMathBits(conj: isConj, neg: isNeg).resolvedMathBits()
        _ = try withoutMathBits().copy_(stored)
    }
}
