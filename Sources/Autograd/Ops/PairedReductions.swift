import Tensors

/// Reductions that return two tensors from one node: `cummax`/`cummin` (values, indices),
/// `aminmax` (min, max), `var_mean`/`std_mean` (statistic, mean).
extension Differentiable {
    /// `cummax(dim)` / `cummin(dim)`: CummaxBackward0 / CumminBackward0; the gradient is
    /// scattered (added) back to where each running extreme came from.
    public static func cumulativeExtreme(_ x: Tensor, dim: Int, isMax: Bool) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let r = try x.cumulativeExtreme(dim: dim, isMax: isMax)
        guard isRecording(x) else { return r }
        let mx = TensorMeta(x)
        let d = x.rank == 0 ? 0 : try Shape.wrapDim(dim, rank: x.rank)
        let indices = r.indices
        let values = recordMulti(isMax ? "CummaxBackward0" : "CumminBackward0", [x], [r.values]) { ctx in
            guard let g = ctx.grads[0] else { return [nil] }
            if mx.sizes.reduce(1, *) == 0 { return [g] }
            let zeros = try Tensor.zeros(mx.sizes, dtype: g.dtype, device: g.device)
            if mx.sizes.isEmpty { return [g] }
            return [try scatterAdd(zeros, d, indices, g)]
        }
        return (values[0], indices)
    }

    /// `aminmax(dim, keepdim)`: AminmaxBackward0, each gradient spread evenly over the
    /// elements equal to its extreme.
    public static func aminmax(_ x: Tensor, dim: Int?, keepdim: Bool) throws(TensorError) -> (min: Tensor, max: Tensor) {
        let dims = dim.map { [$0] }
        let lo = try x.amin(dims: dims, keepdim: keepdim), hi = try x.amax(dims: dims, keepdim: keepdim)
        guard isRecording(x) else { return (lo, hi) }
        let mx = TensorMeta(x)
        let ds = try reducedDims(dims, rank: x.rank)
        let source = x.detach()
        let outs = recordMulti("AminmaxBackward0", [x], [lo, hi]) { ctx in
            var total: Tensor? = nil
            for (i, extreme) in [lo, hi].enumerated() {
                guard let g = ctx.grads[i] else { continue }
                let mask = try source.eq(try restoreDims(extreme, ds, keepdim: keepdim))
                let count = try mask.sum(dims: ds, keepdim: true)
                let spread = try mul(try div(try restoreDims(g, ds, keepdim: keepdim), count), try mask.to(g.dtype))
                total = try total.map { t throws(TensorError) in try add(t, spread) } ?? spread
            }
            return [try total.map { t throws(TensorError) in try reduce(t, to: mx) }]
        }
        return (outs[0], outs[1])
    }

    /// `var_mean` / `std_mean`: VarMeanBackward0 / StdMeanBackward0, the statistic's
    /// gradient plus the mean's (`grad / n`, broadcast).
    public static func moments(_ x: Tensor, dims: [Int]?, correction: Double, keepdim: Bool, sqrt: Bool) throws(TensorError) -> (stat: Tensor, mean: Tensor) {
        let r = try x.welfordMoments(dims: dims, correction: correction, keepdim: keepdim, sqrt: sqrt)
        guard isRecording(x) else { return r }
        let mx = TensorMeta(x)
        let ds = try reducedDims(dims, rank: x.rank)
        let n = ds.reduce(1) { $0 * Swift.max(x.sizes[$1], 1) }
        let source = x.detach(), stat = r.stat
        let outs = recordMulti(sqrt ? "StdMeanBackward0" : "VarMeanBackward0", [x], [r.stat, r.mean]) { ctx in
            var total: Tensor? = nil
            if let g = ctx.grads[0] {
                let centered = try sub(source, try mean(source, dims: ds, keepdim: true))
                var gr = try restoreDims(g, ds, keepdim: keepdim)
                // std_backward: var_backward of grad / (2 std), zero where std is 0.
                if sqrt {
                    let s = try restoreDims(stat, ds, keepdim: keepdim)
                    gr = try whereZero(try s.eq(.int(0)), try div(gr, try mul(s, .int(2))))
                }
                total = try mul(try mul(gr, .float(2 / Swift.max(0, Double(n) - correction))), centered)
            }
            if let g = ctx.grads[1] {
                let part = try expand(try div(try restoreDims(g, ds, keepdim: keepdim), .int(Int64(n))), mx.sizes)
                total = try total.map { t throws(TensorError) in try add(t, part) } ?? part
            }
            return [try total.map { t throws(TensorError) in try reduce(t, to: mx) }]
        }
        return (outs[0], outs[1])
    }
}
