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
        if kept.isEmpty, a.numel >= CPUBackend.reduceGrain, IntraOpThreads.count > 1 {
            return twoPassSum(a, divisor: divisor, into: out)
        }
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

    /// `at::internal::GRAIN_SIZE`: below it a reduction runs on one thread.
    static let reduceGrain = 32768

    /// TensorIterator's `two_pass_reduction` for a whole-tensor sum of at least 32,768
    /// elements: `at::parallel_for` splits the elements (in memory order) into one chunk
    /// per thread, each chunk is cascade-summed into its own slot, and the slots are then
    /// added in thread order. The thread count is part of the result, as in PyTorch.
    private func twoPassSum(_ a: Tensor, divisor: Int?, into out: Tensor) -> Bool {
        let n = a.numel
        let threads = Swift.min(IntraOpThreads.count, (n + CPUBackend.reduceGrain - 1) / CPUBackend.reduceGrain)
        let chunk = (n + threads - 1) / threads
        func run<T: RealElement>(_ t: T.Type) {
            let p = UnsafePointer(a.pointer(T.self))
            var total: T = 0
            var start = 0
            while start < n {
                let count = Swift.min(chunk, n - start)
                total = total + (0 + CascadeSum.innerSum(p + start, n: count, stride: 1))
                start += count
            }
            if let divisor { total = total / T(divisor) }
            out.pointer(T.self)[0] = total
        }
        if a.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return true
    }
}
