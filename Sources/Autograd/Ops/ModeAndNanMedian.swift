import Tensors

/// `nanmedian` (NanmedianBackward0/1) and `mode` (ModeBackward0): order statistics that
/// pick one element per slice, so the gradient goes back to the picked position.
extension Differentiable {
    /// `nanmedian()` of all elements: the lower middle of the non-NaN values (NaN when all
    /// are NaN); the gradient is shared among the elements equal to it, as PyTorch's
    /// evenly_distribute_backward does.
    public static func nanmedian(_ x: Tensor) throws(TensorError) -> Tensor {
        if x.numel == 0 { return try Tensor(scalar: .float(.nan), dtype: x.dtype, device: x.device) }
        let flat = try x.reshape([-1])
        let sorted = try flat.sort(dim: 0, stable: true).values
        let kept = try flat.unary(.isnan).negatedMask().sum().item().int64Value
        let out = try sorted.narrow(0, start: Int(Swift.max(kept - 1, 0) / 2), length: 1).reshape([]).contiguous()
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return try record("NanmedianBackward0", [x], out, save: [x], saveOutput: true) { ctx in
            let input = try ctx.saved(0), value = try ctx.saved(1)
            var mask = try input.eq(value)
            if try value.unary(.isnan).item().boolValue { mask = try input.unary(.isnan) }
            let share = try div(ctx.grad, try mask.sum())
            return [try reduce(try whereZero(try mask.negatedMask(), try expand(share, mx.sizes)), to: mx)]
        }
    }

    /// `nanmedian(dim, keepdim)`: per slice the lower middle of its non-NaN values (index 0
    /// of the sorted slice when all are NaN), NanmedianBackward1.
    public static func nanmedian(_ x: Tensor, dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = x.rank == 0 ? 0 : try Shape.wrapDim(dim, rank: x.rank)
        let input = x.rank == 0 ? try x.reshape([1]) : x
        if input.sizes[d] == 0 {
            throw .index("median(): Expected reduction dim \(d) to have non-zero size.")
        }
        let (sortedValues, sortedIndices) = try input.sort(dim: d, stable: true)
        let kept = try input.unary(.isnan).negatedMask().sum(dims: [d], keepdim: true)
        // (kept - 1) / 2 with C's truncation: 0 for a slice of NaNs only.
        // A slice of NaNs only takes the index libstdc++'s nth_element leaves first.
        let allNaN = nthElementOfEquals(input.sizes[d], 0)
        let counts = try kept.elementsAsInt64().map { $0 == 0 ? -1 : Swift.max($0 - 1, 0) / 2 }
        let position = try Tensor(values: counts.map { Swift.max($0, 0) }, shape: kept.sizes, device: x.device)
        var values = try sortedValues.gather(d, position), indices = try sortedIndices.gather(d, position)
        if counts.contains(-1) {
            let picked = try indices.elementsAsInt64()
            let fixed = zip(picked, counts).map { $1 == -1 ? Int64(allNaN) : $0 }
            indices = try Tensor(values: fixed, shape: kept.sizes, device: x.device)
        }
        if !keepdim || x.rank == 0 {
            values = try values.reshape(reducedSizes(x.sizes, d, keepdim: keepdim))
            indices = try indices.reshape(reducedSizes(x.sizes, d, keepdim: keepdim))
        }
        guard isRecording(x) else { return (values, indices) }
        let mx = TensorMeta(x)
        let v = try record("NanmedianBackward1", [x], values, save: [indices]) { ctx in
            [try selectedBackward(ctx.grad, indices: try ctx.saved(0), dim: d, keepdim: keepdim, meta: mx)]
        }
        return (v, indices)
    }

    /// `mode(dim, keepdim)`: per slice the most frequent value (the smallest among equally
    /// frequent ones) and the position of its last occurrence in the order libstdc++'s
    /// std::sort leaves the slice, as PyTorch's CPU kernel reports it; ModeBackward0.
    public static func mode(_ x: Tensor, dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = x.rank == 0 ? 0 : try Shape.wrapDim(dim, rank: x.rank)
        let input = x.rank == 0 ? try x.reshape([1]) : x
        let n = input.sizes[d]
        if n == 0 { throw .index("mode(): Expected reduction dim \(d) to have non-zero size.") }
        let rows = try input.movedim(d, input.rank - 1).contiguous()
        let flat = try rows.elementsAsDouble()
        let count = n == 0 ? 0 : flat.count / n
        var modes = [Double](repeating: 0, count: count), where_ = [Int64](repeating: 0, count: count)
        for r in 0..<count {
            let row = flat[r * n..<(r + 1) * n]
            let keys = Array(row)
            let order = LibstdcxxSort.order(keys) ?? keys.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
            var run = 0, best = 0
            for (k, i) in order.enumerated() {
                run += 1
                if k == order.count - 1 || keys[i] != keys[order[k + 1]] {
                    if run > best { best = run; modes[r] = keys[i]; where_[r] = Int64(i) }
                    run = 0
                }
            }
        }
        let shape = reducedSizes(x.sizes, d, keepdim: keepdim)
        let values = try Tensor(values: modes, shape: shape, dtype: x.dtype, device: x.device)
        let indices = try Tensor(values: where_, shape: shape, device: x.device)
        guard isRecording(x) else { return (values, indices) }
        let mx = TensorMeta(x)
        let v = try record("ModeBackward0", [x], values, save: [indices]) { ctx in
            [try selectedBackward(ctx.grad, indices: try ctx.saved(0), dim: d, keepdim: keepdim, meta: mx)]
        }
        return (v, indices)
    }

    /// The original position std::nth_element (libstdc++'s introselect) leaves at `nth`
    /// when every comparison is false, as for a slice of NaNs only.
    static func nthElementOfEquals(_ n: Int, _ nth: Int) -> Int {
        var idx = Array(0..<n), first = 0, last = n
        while last - first > 3 {
            // The median of three of equal elements is the middle one; the unguarded
            // partition then swaps pairs from both ends until they meet.
            idx.swapAt(first, first + (last - first) / 2)
            var lo = first + 1, hi = last
            while true {
                hi -= 1
                if !(lo < hi) { break }
                idx.swapAt(lo, hi)
                lo += 1
            }
            if lo <= nth { first = lo } else { last = lo }
        }
        return idx[nth]
    }

    /// `sizes` with dim `d` removed (kept as 1 when `keepdim`); a 0-d input stays 0-d.
    static func reducedSizes(_ sizes: [Int], _ d: Int, keepdim: Bool) -> [Int] {
        if sizes.isEmpty { return [] }
        var s = sizes
        if keepdim { s[d] = 1 } else { s.remove(at: d) }
        return s
    }
}

extension Differentiable {
    /// `t.squeeze_(dim)` on a fresh composite result (quantile's last step): SqueezeBackward4.
    public static func squeezeFreshInPlace(_ x: Tensor, dim: Int) throws(TensorError) -> Tensor {
        try squeezeInPlace(x, dim: try Shape.wrapDim(dim, rank: x.rank))
    }
}
