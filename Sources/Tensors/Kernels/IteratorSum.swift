/// A float32/float64 sum (or mean) in exactly the order PyTorch's CPU `sum` adds, for any
/// layout: how TensorIterator orders and merges the dims, how its reduction is split
/// between threads, and which of `cascade_sum`'s four 2-D loops (SumKernel.cpp) each piece
/// runs. Every addition is in the element type, so the last bits match PyTorch's.
///
/// - Dims: size-1 dims dropped; the others sorted as `reorder_dimensions` does for a
///   reduction (reduced dims innermost, the output's strides before the input's), then
///   neighbours merged where every operand's strides allow (`coalesce_dimensions`). The
///   output of `sum` is contiguous in its logical order, so kept dims follow that order,
///   not the input's memory order.
/// - Threads (`parallel_reduce`): below 32,768 elements one serial pass; a whole-tensor
///   result with more splits the flat iteration range into one chunk per thread, each
///   summed into its own slot, the slots then summed in order (`two_pass_reduction`);
///   otherwise the outermost kept dim is cut into one column range per thread, rounded to
///   128 bytes when those columns are adjacent in memory (`parallel_dim_reduction`), which
///   decides where each thread's vector column blocks start.
/// - The 2-D loop over the two innermost dims: a vectorised inner sum when the reduced dim
///   is contiguous and at least one vector long, a vectorised outer sum when the kept dim
///   is, otherwise scalar row sums or four-column multi-row sums; results are added into
///   the output, which starts at zero.
enum IteratorSum {
    /// Dims in iterator order (innermost first), strides in elements.
    struct Plan {
        var shape: [Int]
        var inStrides: [Int]
        var outStrides: [Int]
    }

    /// TensorIterator's dim order and merging for `input` (sizes, strides) reduced into an
    /// output with `outStrides` (0 in reduced dims).
    static func plan(sizes: [Int], inStrides: [Int], outStrides: [Int]) -> Plan {
        let dims = sizes.indices.filter { sizes[$0] != 1 }
        // reorder_dimensions: an insertion sort starting from the reversed dims.
        var perm = Array(dims.reversed())
        func shouldSwap(_ d0: Int, _ d1: Int) -> Int {
            for (isOutput, strides) in [(true, outStrides), (false, inStrides)] {
                let s0 = strides[d0], s1 = strides[d1]
                if isOutput, (s0 == 0) != (s1 == 0) { return s1 == 0 ? 1 : -1 }
                if s0 == 0 || s1 == 0 { continue }
                if s0 < s1 { return -1 }
                if s0 > s1 { return 1 }
                if sizes[d0] > sizes[d1] { return 1 }
            }
            return 0
        }
        if perm.count > 1 {
            for i in 1..<perm.count {
                var d1 = i
                var d0 = i - 1
                while d0 >= 0 {
                    let c = shouldSwap(perm[d0], perm[d1])
                    if c > 0 {
                        perm.swapAt(d0, d1)
                        d1 = d0
                    } else if c < 0 {
                        break
                    }
                    d0 -= 1
                }
            }
        }
        var plan = Plan(shape: perm.map { sizes[$0] }, inStrides: perm.map { inStrides[$0] },
                        outStrides: perm.map { outStrides[$0] })
        // coalesce_dimensions
        guard plan.shape.count > 1 else { return plan }
        var prev = 0
        for d in 1..<plan.shape.count {
            let merge = plan.shape[prev] * plan.inStrides[prev] == plan.inStrides[d]
                && plan.shape[prev] * plan.outStrides[prev] == plan.outStrides[d]
            if merge {
                plan.shape[prev] *= plan.shape[d]
            } else {
                prev += 1
                if prev != d {
                    plan.shape[prev] = plan.shape[d]
                    plan.inStrides[prev] = plan.inStrides[d]
                    plan.outStrides[prev] = plan.outStrides[d]
                }
            }
        }
        plan.shape.removeSubrange((prev + 1)...)
        plan.inStrides.removeSubrange((prev + 1)...)
        plan.outStrides.removeSubrange((prev + 1)...)
        return plan
    }

    /// The most elements of an expanded (stride-0) input summed here: such a tensor can be
    /// far larger than memory (`torch.zeros(1).expand(2**40)`), and these loops do not poll
    /// the cell's deadline; past this it goes to the strided loop, which does.
    static let expandedLimit = 1 << 28

    /// `at::internal::GRAIN_SIZE`.
    static let grain = 32768

    /// Sums `input` (sizes, strides, any non-negative layout) into `output`, whose strides
    /// are 0 in reduced dims; divides by `divisor` afterwards (mean). `output` is zeroed
    /// first. `threads` is PyTorch's intra-op thread count.
    static func run<T: RealElement>(_ t: T.Type, sizes: [Int], input: UnsafePointer<T>, inStrides: [Int],
                                    output: UnsafeMutablePointer<T>, outStrides: [Int], outCount: Int,
                                    divisor: Int?, threads: Int) {
        let plan = Self.plan(sizes: sizes, inStrides: inStrides, outStrides: outStrides)
        let numel = plan.shape.reduce(1, *)
        // The output elements, by their offsets (the output may be any layout).
        var offsets: [Int] = [0]
        for d in sizes.indices where outStrides[d] != 0 && sizes[d] > 1 {
            offsets = (0..<sizes[d]).flatMap { i in offsets.map { $0 + i * outStrides[d] } }
        }
        for o in offsets { output[o] = 0 }
        if numel < grain || threads < 2 {
            serialForEach(plan, 0..<numel, input, output)
        } else if outCount == 1 {
            // two_pass_reduction: slots for every thread, the idle ones left at zero.
            var slots = [T](repeating: 0, count: threads)
            let used = Swift.min(threads, (numel + grain - 1) / grain)
            let chunk = numel > grain ? (numel + used - 1) / used : numel
            slots.withUnsafeMutableBufferPointer { buffer in
                var begin = 0, slot = 0
                while begin < numel {
                    let end = Swift.min(numel, begin + chunk)
                    var slotPlan = plan
                    for d in slotPlan.outStrides.indices { slotPlan.outStrides[d] = 0 }
                    serialForEach(slotPlan, begin..<end, input, buffer.baseAddress! + slot)
                    begin = end
                    slot += 1
                }
                // The final reduce over the slots, the same loop on a 1-D tensor.
                loop2d(UnsafePointer(buffer.baseAddress!), output, size0: threads, size1: 1,
                       in0: 1, in1: 0, out0: 0, out1: 0)
            }
        } else {
            parallelDimReduction(plan, input, output, threads: threads)
        }
        if let divisor {
            let n = T(divisor)
            for o in offsets { output[o] = output[o] / n }
        }
    }

    /// `parallel_dim_reduction`: the outermost kept dim cut into one range per thread.
    static func parallelDimReduction<T: RealElement>(_ plan: Plan, _ input: UnsafePointer<T>,
                                                     _ output: UnsafeMutablePointer<T>, threads: Int) {
        let last = plan.shape.count - 1
        // find_split_dim: the outermost kept dim at least `threads` long, else the longest.
        var dim = last
        var d = last
        while d >= 0 && plan.outStrides[d] != 0 {
            if plan.shape[d] >= threads { dim = d; break }
            if plan.shape[d] > plan.shape[dim] { dim = d }
            d -= 1
        }
        let cols = plan.shape[dim]
        guard cols > 1 else {
            serialForEach(plan, 0..<plan.shape.reduce(1, *), input, output)
            return
        }
        let used = Swift.min(threads, cols)
        let chunk = (cols + used - 1) / used
        let roundTo = plan.inStrides[dim] == 1 ? 128 / MemoryLayout<T>.size : 1
        for t in 0..<used {
            var begin = t * chunk
            guard begin < cols else { break }
            var end = Swift.min(cols, begin + chunk)
            begin -= begin % roundTo
            if end != cols { end -= end % roundTo }
            if begin == end { continue }
            var sub = plan
            sub.shape[dim] = end - begin
            serialForEach(sub, 0..<sub.shape.reduce(1, *), input + begin * plan.inStrides[dim],
                          output + begin * plan.outStrides[dim])
        }
    }

    /// `serial_for_each` over a flat range: whole 2-D blocks where the range allows,
    /// partial rows at its ends (DimCounter).
    static func serialForEach<T: RealElement>(_ plan: Plan, _ range: Range<Int>, _ input: UnsafePointer<T>,
                                              _ output: UnsafeMutablePointer<T>) {
        let ndim = plan.shape.count
        if range.isEmpty { return }
        if ndim <= 1 {
            let s = ndim == 1 ? plan.inStrides[0] : 0, o = ndim == 1 ? plan.outStrides[0] : 0
            loop2d(input + range.lowerBound * s, output + range.lowerBound * o, size0: range.count, size1: 1,
                   in0: s, in1: 0, out0: o, out1: 0)
            return
        }
        var values = [Int](repeating: 0, count: ndim)
        var rest = range.lowerBound
        for d in 0..<ndim { values[d] = rest % plan.shape[d]; rest /= plan.shape[d] }
        var offset = range.lowerBound
        while offset < range.upperBound {
            let step0 = Swift.min(plan.shape[0] - values[0], range.upperBound - offset)
            var step1 = 1
            if step0 == plan.shape[0] { step1 = Swift.min(plan.shape[1] - values[1], (range.upperBound - offset) / plan.shape[0]) }
            var inOff = 0, outOff = 0
            for d in 0..<ndim { inOff += values[d] * plan.inStrides[d]; outOff += values[d] * plan.outStrides[d] }
            loop2d(input + inOff, output + outOff, size0: step0, size1: step1,
                   in0: plan.inStrides[0], in1: plan.inStrides[1], out0: plan.outStrides[0], out1: plan.outStrides[1])
            // DimCounter::increment
            offset += step0 * step1
            var overflow = step0
            var i = 0
            if step1 != 1 { i = 1; overflow = step1 }
            while i < ndim && overflow > 0 {
                var value = values[i] + overflow
                if value >= plan.shape[i] { overflow = 1; value -= plan.shape[i] } else { overflow = 0 }
                values[i] = value
                i += 1
            }
        }
    }

    /// cascade_sum's loop body on a size0 × size1 block, results added into the output.
    static func loop2d<T: RealElement>(_ input: UnsafePointer<T>, _ output: UnsafeMutablePointer<T>,
                                       size0 s0: Int, size1 s1: Int, in0 i0: Int, in1 i1: Int, out0 o0: Int, out1 o1: Int) {
        var size0 = s0, size1 = s1, in0 = i0, in1 = i1, out0 = o0, out1 = o1
        if out0 != 0 && out1 == 0 {
            swap(&in0, &in1); swap(&out0, &out1); swap(&size0, &size1)
        }
        if out0 != 0 && out1 != 0 {
            // Not a reduction (reduced dims of size 1): out + in.
            for j in 0..<size1 {
                for i in 0..<size0 { output[i * out0 + j * out1] = output[i * out0 + j * out1] + input[i * in0 + j * in1] }
            }
            return
        }
        let lanes = CascadeSum.lanes(T.self)
        if in0 == 1 && size0 >= lanes {
            for j in 0..<size1 {
                output[j * out1] = output[j * out1] + CascadeSum.innerSum(input + j * in1, n: size0, stride: 1)
            }
        } else if in1 == 1 && size1 >= lanes {
            var tmp = [T](repeating: 0, count: size1)
            tmp.withUnsafeMutableBufferPointer { buf in
                CascadeSum.vectorizedOuterSum(input, rows: size0, cols: size1, rowStride: in0, into: buf.baseAddress!)
            }
            for j in 0..<size1 { output[j * out1] = output[j * out1] + tmp[j] }
        } else if in0 < in1 {
            for j in 0..<size1 {
                output[j * out1] = output[j * out1] + CascadeSum.rowSum(input + j * in1, size: size0, width: 1, stride: in0)[0]
            }
        } else {
            var j = 0
            while j + 3 < size1 {
                let sums = CascadeSum.multiRowSum(input + j * in1, size: size0, nrows: 4, width: 1, rowStride: in0, colStride: in1)
                for k in 0..<4 { output[(j + k) * out1] = output[(j + k) * out1] + sums[k] }
                j += 4
            }
            while j < size1 {
                output[j * out1] = output[j * out1] + CascadeSum.rowSum(input + j * in1, size: size0, width: 1, stride: in0)[0]
                j += 1
            }
        }
    }
}
