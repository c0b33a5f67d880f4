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
        if !done {
            // Reduced dims that are not one run in memory: TensorIterator's own loop.
            guard a.numel < CPUBackend.reduceGrain || IntraOpThreads.count < 2 else { return false }
            if a.dtype == .float32 { iteratorOrderSum(Float.self, a, reduced: reduced, kept: kept, into: tmp, divisor: divisor) }
            else { iteratorOrderSum(Double.self, a, reduced: reduced, kept: kept, into: tmp, divisor: divisor) }
        }
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

    /// A sum as `cascade_sum` runs it under TensorIterator (one thread): the reduced dims
    /// innermost and the kept ones outside, each group by increasing stride; neighbours
    /// coalesced; the first two dims are the kernel's 2-D loop — a vectorised inner sum
    /// when the first is contiguous, a vectorised outer sum when the second is, otherwise
    /// scalar row sums — whose results are added into the output, and any further dims
    /// loop outside it (a reduced one accumulating in index order). `out` is contiguous
    /// over `kept` (outermost first).
    private func iteratorOrderSum<T: RealElement>(_ t: T.Type, _ a: Tensor, reduced: [Bool], kept: [Int],
                                                  into out: Tensor, divisor: Int?) {
        let byStride = (0..<a.rank).filter { a.sizes[$0] > 1 }.sorted { a.strides[$0] < a.strides[$1] }
        var outStride = [Int](repeating: 0, count: a.rank)
        var acc = 1
        for d in kept.reversed() { outStride[d] = acc; acc *= a.sizes[d] }
        let dims = byStride.filter { reduced[$0] } + byStride.filter { !reduced[$0] }
        var size: [Int] = [], ins: [Int] = [], outs: [Int] = []
        for d in dims {
            if let last = size.last, ins[ins.count - 1] * last == a.strides[d], outs[outs.count - 1] * last == outStride[d] {
                size[size.count - 1] = last * a.sizes[d]
            } else {
                size.append(a.sizes[d]); ins.append(a.strides[d]); outs.append(outStride[d])
            }
        }
        while size.count < 2 { size.append(1); ins.append(0); outs.append(0) }
        let pin = UnsafePointer(a.pointer(T.self)), pout = out.pointer(T.self)
        for i in 0..<out.numel { pout[i] = 0 }
        let lanes = CascadeSum.lanes(T.self)
        let size0 = size[0], size1 = size[1], is0 = ins[0], is1 = ins[1], os1 = outs[1]
        func loop2d(_ inBase: Int, _ outBase: Int) {
            let base = pin + inBase, o = pout + outBase
            if is0 == 1 && size0 >= lanes {
                for j in 0..<size1 { o[j * os1] = o[j * os1] + CascadeSum.innerSum(base + j * is1, n: size0, stride: 1) }
            } else if is1 == 1 && size1 >= lanes {
                var tmp = [T](repeating: 0, count: size1)
                tmp.withUnsafeMutableBufferPointer { buf in
                    CascadeSum.outerSum(base, rows: size0, cols: size1, rowStride: is0, into: buf.baseAddress!, outStride: 1)
                }
                for j in 0..<size1 { o[j * os1] = o[j * os1] + tmp[j] }
            } else if is0 < is1 {
                for j in 0..<size1 {
                    o[j * os1] = o[j * os1] + CascadeSum.rowSum(base + j * is1, size: size0, width: 1, stride: is0)[0]
                }
            } else {
                var j = 0
                while j + 3 < size1 {
                    let sums = CascadeSum.multiRowSum(base + j * is1, size: size0, nrows: 4, width: 1, rowStride: is0, colStride: is1)
                    for k in 0..<4 { o[(j + k) * os1] = o[(j + k) * os1] + sums[k] }
                    j += 4
                }
                while j < size1 {
                    o[j * os1] = o[j * os1] + CascadeSum.rowSum(base + j * is1, size: size0, width: 1, stride: is0)[0]
                    j += 1
                }
            }
        }
        // Outer dims: an odometer, the first outer dim fastest (serial_for_each's order).
        let outer = Array(2..<size.count)
        var index = [Int](repeating: 0, count: size.count)
        var inBase = 0, outBase = 0
        while true {
            loop2d(inBase, outBase)
            var k = 0
            while k < outer.count {
                let d = outer[k]
                index[d] += 1; inBase += ins[d]; outBase += outs[d]
                if index[d] < size[d] { break }
                inBase -= ins[d] * size[d]; outBase -= outs[d] * size[d]; index[d] = 0
                k += 1
            }
            if k == outer.count { break }
        }
        if let divisor { for i in 0..<out.numel { pout[i] = pout[i] / T(divisor) } }
    }
}
