/// ATen's CPU `topk` and `kthvalue` along `dim`, each line by the algorithm PyTorch runs
/// (TopKImpl.h's `topk_impl_loop`, Sorting.cpp's `kthvalue_out_impl_cpu`), so that tied
/// keys, NaN and ±0.0 come out at PyTorch's positions.
struct SelectionKernel: ElementVisitor {
    let input: Tensor
    let dim: Int
    let mode: LineSelection
    let values: Tensor
    let indices: Tensor

    func visit<T: TensorElement>(_ t: T.Type) {
        let pa = input.pointer(T.self), pv = values.pointer(T.self), pi = indices.pointer(Int64.self)
        let n = input.sizes[dim], sa = input.strides[dim], sv = values.strides[dim], si = indices.strides[dim]
        var line = [T]()
        line.reserveCapacity(n)
        var outer = input.sizes
        outer[dim] = 1
        let loop = StridedLoop(shape: outer, input.strides, values.strides, indices.strides)
        loop.forEachRow { oa0, ov0, oi0, count, ia, iv, ii in
            for r in 0..<count {
                let oa = oa0 + r * ia, ov = ov0 + r * iv, oi = oi0 + r * ii
                line.removeAll(keepingCapacity: true)
                for j in 0..<n { line.append(pa[oa + j * sa]) }
                let picked = Self.select(line, mode)
                for (j, p) in picked.enumerated() {
                    pv[ov + j * sv] = line[p]
                    pi[oi + j * si] = Int64(p)
                }
            }
        }
    }

    /// The positions ATen writes out for one line, in output order.
    static func select<T: TensorElement>(_ l: [T], _ mode: LineSelection) -> [Int] {
        let n = l.count
        var order = Array(0..<n)
        switch mode {
        case .topk(let k, let largest, let sorted):
            if k == 0 { return [] }
            let less: (Int, Int) -> Bool = largest ? { elementGreater(l[$0], l[$1]) } : { elementLess(l[$0], l[$1]) }
            if k * 64 <= n {
                var s = LibstdcxxSelection(order: order, less: less)
                s.partialSort(0, k, n)
                order = s.order
            } else {
                var s = LibstdcxxSelection(order: order, less: less)
                s.nthElement(0, k - 1, n)
                order = s.order
                if sorted && k > 1 {
                    let head = LibstdcxxIntroSort.sorted(Array(order[0..<(k - 1)]), by: less)
                    order.replaceSubrange(0..<(k - 1), with: head)
                }
            }
            return Array(order[0..<k])
        case .kthvalue(let k):
            atenQuickSelect(&order, k - 1) { elementGreater(l[$0], l[$1]) }
            return [order[k - 1]]
        case .median:
            if T.dtype.isFloatingPoint, let nan = l.firstIndex(where: { $0.doubleValue.isNaN }) { return [nan] }
            // ATen's comparator (value, then index) is a strict total order, so the element
            // nth_element leaves at (n-1)/2 is the one of that rank whatever its moves.
            var s = LibstdcxxSelection(order: order) { i, j in
                elementLess(l[i], l[j]) || (!elementLess(l[j], l[i]) && i < j)
            }
            s.nthElement(0, (n - 1) / 2, n)
            return [s.order[(n - 1) / 2]]
        case .nthElement(let nth):
            var s = LibstdcxxSelection(order: order) { elementLess(l[$0], l[$1]) }
            s.nthElement(0, nth, n)
            return [s.order[nth]]
        }
    }
}
