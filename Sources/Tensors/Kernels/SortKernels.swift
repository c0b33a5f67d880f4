/// Sort of every line along `dim`, writing values and int64 indices (keepdim-like, same
/// shape as the input). NaN sorts as the largest value, as in PyTorch; `algorithm` decides
/// the order of tied keys.
struct SortKernel: ElementVisitor {
    let input: Tensor
    let dim: Int
    let descending: Bool
    let values: Tensor
    let indices: Tensor
    let algorithm: SortAlgorithm

    func visit<T: TensorElement>(_ t: T.Type) {
        let pa = input.pointer(T.self), pv = values.pointer(T.self), pi = indices.pointer(Int64.self)
        let n = input.sizes[dim], sa = input.strides[dim], sv = values.strides[dim], si = indices.strides[dim]
        var order = [Int](repeating: 0, count: n)
        var line = [T]()
        line.reserveCapacity(n)
        let desc = descending
        var outer = input.sizes
        outer[dim] = 1
        let loop = StridedLoop(shape: outer, input.strides, values.strides, indices.strides)
        loop.forEachRow { oa0, ov0, oi0, count, ia, iv, ii in
            for r in 0..<count {
                let oa = oa0 + r * ia, ov = ov0 + r * iv, oi = oi0 + r * ii
                line.removeAll(keepingCapacity: true)
                for j in 0..<n { line.append(pa[oa + j * sa]); order[j] = j }
                let l = line
                let less: (Int, Int) -> Bool = { x, y in
                    desc ? elementGreater(l[x], l[y]) : elementLess(l[x], l[y])
                }
                switch algorithm {
                case .stable: order = Self.stableSorted(order, by: less)
                case .introsort: order = LibstdcxxIntroSort.sorted(order, by: less)
                }
                for j in 0..<n {
                    pv[ov + j * sv] = l[order[j]]
                    pi[oi + j * si] = Int64(order[j])
                }
            }
        }
    }

    /// Merge sort: stable, so equal keys keep their original order.
    static func stableSorted(_ a: [Int], by less: (Int, Int) -> Bool) -> [Int] {
        if a.count < 2 { return a }
        var src = a
        var dst = a
        var width = 1
        let n = a.count
        while width < n {
            if CellDeadline.poll() { return src }   // once per pass: the cell's time limit
            var i = 0
            while i < n {
                let mid = Swift.min(i + width, n), hi = Swift.min(i + 2 * width, n)
                var l = i, r = mid, k = i
                while l < mid && r < hi {
                    if less(src[r], src[l]) { dst[k] = src[r]; r += 1 } else { dst[k] = src[l]; l += 1 }
                    k += 1
                }
                while l < mid { dst[k] = src[l]; l += 1; k += 1 }
                while r < hi { dst[k] = src[r]; r += 1; k += 1 }
                i += 2 * width
            }
            swap(&src, &dst)
            width *= 2
        }
        return src
    }
}

/// `gather`: out[i..] = input[... index[i..] at dim ...].
struct GatherKernel: ElementVisitor {
    let input: Tensor
    let dim: Int
    let index: Tensor   // int64
    let out: Tensor     // index's shape, contiguous

    func visit<T: TensorElement>(_ t: T.Type) -> Int? {
        let pa = input.pointer(T.self), pi = index.pointer(Int64.self), po = out.pointer(T.self)
        var inStrides = input.strides
        let dimStride = inStrides[dim], size = input.sizes[dim]
        inStrides[dim] = 0
        var bad: Int? = nil
        let loop = StridedLoop(shape: index.sizes, out.strides, index.strides, inStrides)
        loop.forEachRow { oo, oi, oa, n, io, ii, ia in
            for j in 0..<n {
                var k = Int(pi[oi + j * ii])
                if k < -size || k >= size { bad = bad ?? k; continue }
                if k < 0 { k += size }
                po[oo + j * io] = pa[oa + j * ia + k * dimStride]
            }
        }
        return bad
    }
}

/// `scatter_` / `scatter_add_`: self[... index[i..] at dim ...] (+)= src[i..].
struct ScatterKernel: ElementVisitor {
    let target: Tensor
    let dim: Int
    let index: Tensor   // int64
    let source: Operand // target's dtype, strides over index's shape
    let add: Bool

    func visit<T: TensorElement>(_ t: T.Type) -> Int? {
        let pt = target.pointer(T.self), pi = index.pointer(Int64.self), ps = source.typed(T.self)
        var tStrides = target.strides
        let dimStride = tStrides[dim], size = target.sizes[dim]
        tStrides[dim] = 0
        var bad: Int? = nil
        let isFloat = T.dtype.isFloatingPoint
        let loop = StridedLoop(shape: index.sizes, tStrides, index.strides, source.strides)
        loop.forEachRow { ot, oi, os, n, it, ii, iS in
            for j in 0..<n {
                var k = Int(pi[oi + j * ii])
                if k < -size || k >= size { bad = bad ?? k; continue }
                if k < 0 { k += size }
                let dst = pt + (ot + j * it + k * dimStride)
                let v = ps[os + j * iS]
                if !add { dst.pointee = v }
                else if isFloat { dst.pointee = T(double: dst.pointee.doubleValue + v.doubleValue) }
                else { dst.pointee = T(int64: dst.pointee.int64Value &+ v.int64Value) }
            }
        }
        return bad
    }
}
