import Tensors

/// `torch.einsum` as ATen's composite (Linear.cpp), op for op, so the result carries the
/// graph PyTorch records: every operand is aligned to one layout (output labels, then the
/// contracted labels in subscript order) by diagonals, unsqueezes and one permute; pairs
/// contract left to right through `sumproductPair` (permute, reshape, bmm, view, permute,
/// or a plain mul when nothing is summed); contracted dims are finally viewed away (or
/// summed, for one operand).
extension Differentiable {
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws(TensorError) -> Tensor {
        // Composed the same way with or without grad mode, so strides and contiguity
        // match PyTorch's either way (`einsum('ij->ji', x)` is a non-contiguous permute).
        let spec = try EinsumSpec(equation, operands)
        let output = spec.output
        let contracted = Set(spec.inputs.flatMap { $0 }).subtracting(output).sorted()
        let layout = output + contracted
        let position = Dictionary(uniqueKeysWithValues: layout.enumerated().map { ($0.element, $0.offset) })
        let outCount = output.count, total = layout.count
        var dimCounts = [Int](repeating: 0, count: total)
        var ops: [Tensor] = []
        for (labels, operand) in zip(spec.inputs, operands) {
            var op = operand
            var permutation = [Int](repeating: -1, count: total)
            var dim = 0
            for c in labels {
                let p = position[c]!
                if permutation[p] == -1 {
                    if op.sizes[dim] != 1 { dimCounts[p] += 1 }
                    permutation[p] = dim
                    dim += 1
                } else {
                    // Repeated label: its diagonal (appended last) moves back to the first's place.
                    let prev = permutation[p]
                    op = try movedim(try diagonal(op, offset: 0, dim1: prev, dim2: dim), -1, prev)
                }
            }
            for k in permutation.indices where permutation[k] == -1 {
                op = try unsqueeze(op, dim)
                permutation[k] = dim
                dim += 1
            }
            ops.append(try permute(op, permutation))
        }

        while ops.count > 1 {
            var a = ops.removeFirst(), b = ops.removeFirst()
            var sumDims: [Int] = [], aSum: [Int] = [], bSum: [Int] = []
            for d in outCount..<total {
                if a.sizes[d] != 1 && b.sizes[d] != 1 {
                    dimCounts[d] -= 1
                    if dimCounts[d] == 1 { sumDims.append(d); dimCounts[d] = 0 }
                } else if dimCounts[d] == 1 {
                    if a.sizes[d] != 1 { aSum.append(d); dimCounts[d] = 0 }
                    else if b.sizes[d] != 1 { bSum.append(d); dimCounts[d] = 0 }
                }
            }
            if !aSum.isEmpty { a = try sum(a, dims: aSum, keepdim: true) }
            if !bSum.isEmpty { b = try sum(b, dims: bSum, keepdim: true) }
            ops.insert(try sumproductPair(a, b, sumDims), at: 0)
        }
        if total > outCount {
            if operands.count > 1 { return try view(ops[0], Array(ops[0].sizes[..<outCount])) }
            return try sum(ops[0], dims: Array(outCount..<total))
        }
        return ops[0]
    }

    /// ATen's sumproduct_pair with keepdim: `(left * right).sum(sumDims, keepdim: true)`
    /// as one bmm. Dims in both operands batch, dims only in the left are its rows, the
    /// rest (only in the right, or size 1 in both) the right's columns; a dim summed but
    /// present in one operand only is summed there first. PyTorch 2.15 contracts the
    /// pair the other way round when that, and only that, leaves the product's dims in
    /// layout order (measured: `bij,bkj->bki` multiplies the second operand first).
    static func sumproductPair(_ left: Tensor, _ right: Tensor, _ sumDims: [Int]) throws(TensorError) -> Tensor {
        let dtype = DType.promote(left.dtype, right.dtype)
        var l = left.dtype == dtype ? left : try to(left, dtype)
        var r = right.dtype == dtype ? right : try to(right, dtype)
        if sumDims.isEmpty { return try mul(l, r) }
        let rank = l.rank
        func order(_ x: Tensor, _ y: Tensor) -> [Int] {
            let kept = (0..<rank).filter { !sumDims.contains($0) }
            let both = kept.filter { x.sizes[$0] != 1 && y.sizes[$0] != 1 }
            let onlyX = kept.filter { x.sizes[$0] != 1 && y.sizes[$0] == 1 }
            return both + onlyX + kept.filter { !both.contains($0) && !onlyX.contains($0) }
        }
        let inOrder = Array((0..<rank).filter { !sumDims.contains($0) })
        if order(l, r) != inOrder && order(r, l) == inOrder { swap(&l, &r) }

        var lro: [Int] = [], lo: [Int] = [], ro: [Int] = []
        var lroSize = 1, loSize = 1, roSize = 1, sumSize = 1
        for i in 0..<rank {
            let sl = l.sizes[i] != 1, sr = r.sizes[i] != 1
            if sumDims.contains(i) {
                if sl && sr {
                    guard l.sizes[i] == r.sizes[i] else { throw .runtime("non-broadcast dimensions must match") }
                    sumSize *= l.sizes[i]
                } else if sl {
                    l = try sum(l, dims: [i], keepdim: true)
                } else if sr {
                    r = try sum(r, dims: [i], keepdim: true)
                }
            } else if sl && sr {
                guard l.sizes[i] == r.sizes[i] else { throw .runtime("non-broadcast dimensions must match") }
                lro.append(i); lroSize *= l.sizes[i]
            } else if sl {
                lo.append(i); loSize *= l.sizes[i]
            } else {
                ro.append(i); roSize *= r.sizes[i]
            }
        }
        let outSize = lro.map { l.sizes[$0] } + lo.map { l.sizes[$0] } + sumDims.map { _ in 1 } + ro.map { r.sizes[$0] }
        let outDims = lro + lo + sumDims + ro
        var opermutation = [Int](repeating: -1, count: outDims.count)
        for (k, d) in outDims.enumerated() { opermutation[d] = k }
        let lm = try reshape(try permute(l, lro + lo + sumDims + ro), [lroSize, loSize, sumSize])
        let rm = try reshape(try permute(r, lro + sumDims + ro + lo), [lroSize, sumSize, roSize])
        return try permute(try view(try bmm(lm, rm), outSize), opermutation)
    }
}
