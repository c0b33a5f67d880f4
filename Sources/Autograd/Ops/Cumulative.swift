import Tensors

/// `cumprod` and `nansum`: reductions whose gradients need more than a broadcast.
extension Differentiable {
    /// `cumprod(dim)`: CumprodBackward0. Without zeros in the input the gradient is
    /// reversed_cumsum(grad * out) / x, as in PyTorch; with zeros each element's gradient is
    /// summed from its partial products directly.
    public static func cumprod(_ x: Tensor, dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let out = try x.cumprod(dim: dim, dtype: dtype)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let d = x.rank == 0 ? 0 : try Shape.wrapDim(dim, rank: x.rank)
        let input = dtype.map { $0 != x.dtype } ?? false ? try x.to(dtype!) : x
        return try record("CumprodBackward0", [x], out, save: [input], saveOutput: true,
                          attributes: [("dim", .int(dim)), ("self", .tensor(0)), ("result", .tensor(1))]) { ctx in
            let g = ctx.grad, xs = try ctx.saved(0)
            if xs.numel <= 1 || xs.sizes[d] == 1 { return [try reduce(g, to: mx)] }
            if try !xs.eq(.int(0)).any().item().boolValue {
                // output.conj() * grad, divided by input.conj() (identities for real tensors).
                let w = try mul(try conjugated(try ctx.saved(1)), g)
                return [try reduce(try div(try flip(try cumsum(try flip(w, [d]), dim: d), [d]), try conjugated(xs)), to: mx)]
            }
            if xs.dtype.isComplex {
                throw TensorError.notImplemented("Gradbook computes the cumprod gradient of a complex input with zeros only for real tensors")
            }
            return [try reduce(try cumprodGradientWithZeros(g.detach(), xs.detach(), dim: d), to: mx)]
        }
    }

    /// d out_j / d x_k = prod_{i <= j, i != k} x_i, summed against the gradient along `dim`.
    static func cumprodGradientWithZeros(_ g: Tensor, _ x: Tensor, dim: Int) throws(TensorError) -> Tensor {
        let last = x.rank - 1
        let xs = try x.movedim(dim, last).contiguous(), gs = try g.movedim(dim, last).contiguous()
        let xv = try xs.elementsAsDouble(), gv = try gs.elementsAsDouble()
        let n = x.sizes[dim]
        var result = [Double](repeating: 0, count: xv.count)
        for start in stride(from: 0, to: xv.count, by: n) {
            for k in 0..<n {
                var total = 0.0, partial = 1.0
                for j in 0..<n {
                    if j != k { partial *= xv[start + j] }
                    if j >= k { total += gv[start + j] * partial }
                }
                result[start + k] = total
            }
        }
        let r = try Tensor(values: result, shape: xs.sizes, dtype: g.dtype, device: g.device)
        return try r.movedim(last, dim).contiguous()
    }

    /// `nansum(dims, keepdim)`: NansumBackward0, no gradient where the input is NaN.
    public static func nansum(_ x: Tensor, dims: [Int]? = nil, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let zeroed = try x.nanZeroedKeepingLayout()
        let clean = zeroed != nil ? zeroed! : try Tensor.where(try x.unary(.isnan), try Tensor(scalar: .int(0), dtype: x.dtype, device: x.device), x)
        let out = dims.map { !$0.isEmpty } ?? false ? try clean.sum(dims: dims!, keepdim: keepdim, dtype: dtype) : try clean.sum(dtype: dtype)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let ds = try reducedDims(dims, rank: x.rank)
        let full = !(dims.map { !$0.isEmpty } ?? false)
        return try record("NansumBackward0", [x], out, save: [x],
                          attributes: [("dim", full ? .none : .ints(dims ?? [])), ("keepdim", .bool(keepdim)), ("self", .tensor(0))]) { ctx in
            let g = full ? ctx.grad : try restoreDims(ctx.grad, ds, keepdim: keepdim)
            let spread = try expand(g, mx.sizes)
            // A product with the mask, as PyTorch writes it (a negative gradient gives -0.).
            let kept = try (try ctx.saved(0)).unary(.isnan).negatedMask().to(g.dtype)
            return [try reduce(try mul(spread, kept), to: mx)]
        }
    }
}
