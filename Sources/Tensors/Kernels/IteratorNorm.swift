/// A float32/float64 p-norm in exactly the order PyTorch's CPU `norm_stub` adds
/// (`norm_kernel_tensor_iterator_impl`), for any layout.
///
/// - Dims: TensorIterator's order and merging (`IteratorSum.plan`): reduced dims innermost,
///   a broadcast (stride-0) dim kept apart from its neighbours.
/// - The 2-norm whose only reduced dim (after merging) is innermost with unit stride takes
///   the vectorised row kernel (`binary_kernel_reduce_lastdim`, `NormTwoKernel`), one row
///   per output element; threads split whole rows, which does not change any row.
/// - Every other case is `binary_kernel_reduce` with NormOneOps / NormTwoOps / NormOps: an
///   accumulator in the element type adding |x|, x·x or pow(|x|, p) one element at a time
///   in iterator order. A one-element result over at least 32,768 elements is cut by
///   `parallel_for` into one flat range per thread, each summed into its own slot, the
///   slots then added to zero in thread order; a result of several elements is one
///   sequential pass per element (foreach_reduced_elt), however the outputs are threaded.
/// - Then sqrt (p = 2), pow(acc, 1/p) with 1/p in the element type, or acc itself (p ≤ 1).
/// - float16 runs as float32 without the row kernel (`norm_kernel_cpu_impl<Half, float>`).
enum IteratorNorm {
    /// One element's contribution and the final projection, as the Ops structs write them.
    struct Ops<T: RealElement> {
        let term: (T) -> T
        let project: (T) -> T
    }

    /// Calls `body` with the input offset of each element of `range` of the flat
    /// iteration over `shape` (innermost dim first).
    @inline(__always)
    static func forEachOffset(shape: [Int], strides: [Int], range: Range<Int>, _ body: (Int) -> Void) {
        if range.isEmpty { return }
        let n = shape.count
        if n == 0 { body(0); return }
        var index = [Int](repeating: 0, count: n)
        var rest = range.lowerBound, offset = 0
        for d in 0..<n { index[d] = rest % shape[d]; rest /= shape[d]; offset += index[d] * strides[d] }
        var remaining = range.count
        let s0 = strides[0], n0 = shape[0]
        while remaining > 0 {
            let run = Swift.min(n0 - index[0], remaining)
            for i in 0..<run { body(offset + i * s0) }
            remaining -= run
            offset += run * s0
            index[0] += run
            var d = 0
            while d < n - 1 && index[d] == shape[d] {
                offset -= shape[d] * strides[d]
                index[d] = 0
                d += 1
                index[d] += 1
                offset += strides[d]
            }
        }
    }

    /// Reduces `input` (sizes, non-negative strides) into `output`, whose strides are 0
    /// in reduced dims. `threads` is PyTorch's intra-op thread count.
    static func run<T: RealElement>(_ t: T.Type, p: Double, ops: Ops<T>, rowNorm: (UnsafePointer<T>, Int) -> T,
                                    sizes: [Int], input: UnsafePointer<T>, inStrides: [Int],
                                    output: UnsafeMutablePointer<T>, outStrides: [Int], threads: Int, rowKernel: Bool = true) {
        let plan = IteratorSum.plan(sizes: sizes, inStrides: inStrides, outStrides: outStrides)
        let reducedCount = plan.outStrides.prefix { $0 == 0 }.count
        let numel = plan.shape.reduce(1, *)
        let reducedShape = Array(plan.shape[0..<reducedCount]), reducedStrides = Array(plan.inStrides[0..<reducedCount])
        let keptShape = Array(plan.shape[reducedCount...])
        let keptIn = Array(plan.inStrides[reducedCount...]), keptOut = Array(plan.outStrides[reducedCount...])
        let keptCount = keptShape.reduce(1, *)
        // The output offsets and input bases of the output elements, in iterator order.
        var outOffsets: [Int] = [], inBases: [Int] = []
        outOffsets.reserveCapacity(keptCount); inBases.reserveCapacity(keptCount)
        forEachOffset(shape: keptShape, strides: keptIn, range: 0..<keptCount) { inBases.append($0) }
        forEachOffset(shape: keptShape, strides: keptOut, range: 0..<keptCount) { outOffsets.append($0) }
        if rowKernel && p == 2 && reducedCount == 1 && plan.inStrides[0] == 1 {
            let row = plan.shape[0]
            for k in 0..<keptCount { output[outOffsets[k]] = rowNorm(input + inBases[k], row) }
            return
        }
        let term = ops.term
        if keptCount == 1 && numel >= IteratorSum.grain && threads >= 2 {
            let used = Swift.min(threads, (numel + IteratorSum.grain - 1) / IteratorSum.grain)
            let chunk = (numel + used - 1) / used
            var total: T = 0
            var begin = 0
            while begin < numel {
                let end = Swift.min(numel, begin + chunk)
                var acc: T = 0
                forEachOffset(shape: plan.shape, strides: plan.inStrides, range: begin..<end) { acc = acc + term(input[$0]) }
                total = total + acc
                begin = end
            }
            output[outOffsets[0]] = ops.project(total)
            return
        }
        let reducedNumel = reducedShape.reduce(1, *)
        for k in 0..<keptCount {
            var acc: T = 0
            let base = input + inBases[k]
            forEachOffset(shape: reducedShape, strides: reducedStrides, range: 0..<reducedNumel) { acc = acc + term(base[$0]) }
            output[outOffsets[k]] = ops.project(acc)
        }
    }
}
