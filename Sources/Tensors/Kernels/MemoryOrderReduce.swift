/// Sums and means of float tensors laid out in another order than row-major (a transposed
/// matrix, a permuted or channels-last batch), added in PyTorch's order.
///
/// TensorIterator walks a reduction in memory order: it sorts the input's dimensions by
/// stride and drops size-1 ones, so `x.t().sum(0)` is the inner (vectorised) reduction
/// of `x.sum(1)`, not an outer one. Viewing such a tensor in memory order makes it
/// row-major, and `CascadeSum` then adds exactly as for a contiguous tensor.
extension CPUBackend {
    /// True when it wrote `out`; false (nothing written) for layouts it does not cover:
    /// overlapping or gapped inputs, and reduced dims that are not one run in memory.
    func memoryOrderSum(_ a: Tensor, reduced: [Bool], divisor: Int?, into out: Tensor) throws(TensorError) -> Bool {
        guard a.dtype == out.dtype, a.dtype == .float32 || a.dtype == .float64, a.numel > 0,
              OutputLayout.isNonOverlappingAndDense(a.sizes, a.strides) else { return false }
        // Dims of size > 1, outermost (largest stride) first.
        let order = (0..<a.rank).filter { a.sizes[$0] > 1 }.sorted { a.strides[$0] > a.strides[$1] }
        let sizes = order.map { a.sizes[$0] }
        let flags = order.map { reduced[$0] }
        guard flags.contains(true) else { return false }
        let kept = order.filter { !reduced[$0] }
        let tmp = try Tensor(empty: kept.map { a.sizes[$0] }, dtype: a.dtype)
        let done: Bool
        if a.dtype == .float32 {
            done = CascadeSum.sum(Float.self, sizes: sizes, input: a.pointer(Float.self), reduced: flags,
                                  output: tmp.pointer(Float.self), divisor: divisor)
        } else {
            done = CascadeSum.sum(Double.self, sizes: sizes, input: a.pointer(Double.self), reduced: flags,
                                  output: tmp.pointer(Double.self), divisor: divisor)
        }
        if !done { return false }
        // Write back through a view of `out` whose dims follow `kept`.
        let target = Tensor(storage: out.storage, sizes: kept.map { out.sizes[$0] }, strides: kept.map { out.strides[$0] },
                            offset: out.offset, dtype: out.dtype, versionCounter: out.versionCounter)
        try copyCast(from: tmp, into: target)
        return true
    }
}
