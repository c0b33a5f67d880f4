import Tensors

/// Index-driven selection along a dim: `gather`, `scatter`, `index_select`, `sort`,
/// `topk`, `kthvalue`. Gradients go back to the selected positions.
extension Differentiable {
    /// `gather(dim, index)`: GatherBackward0.
    public static func gather(_ x: Tensor, _ dim: Int, _ index: Tensor) throws(TensorError) -> Tensor {
        let out = try x.gather(dim, index)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return try record("GatherBackward0", [x], out, save: [x, index],
                          attributes: [("dim", .int(dim)), ("index", .tensor(1)), ("self", .tensor(0)), ("sparse_grad", .bool(false))]) { ctx in
            [try scatteredAdd(ctx.grad, into: mx, dim: dim, index)]
        }
    }

    /// Zeros of `meta` with `grad` added at `index` along `dim`; differentiable in `grad`.
    static func scatteredAdd(_ grad: Tensor, into meta: TensorMeta, dim: Int, _ index: Tensor) throws(TensorError) -> Tensor {
        let out = try Tensor.zeros(meta.sizes, dtype: grad.dtype, device: grad.device)
        try out.scatterAdd_(dim, index, grad)
        guard isRecording(grad) else { return out }
        // zeros.scatter_add(dim, index, grad): the zeros are an input without history.
        return record("ScatterAddBackward0", [nil, grad], out) { ctx in [nil, try gather(ctx.grad, dim, index)] }
    }

    /// `scatter(dim, index, src)`: ScatterBackward0.
    public static func scatter(_ x: Tensor, _ dim: Int, _ index: Tensor, _ source: Tensor) throws(TensorError) -> Tensor {
        let out = try x.scatter(dim, index, source)
        guard isRecording(x, source) else { return out }
        let sourceSizes = source.sizes
        return try record("ScatterBackward0", [x, source], out, save: [index], attributes: [("dim", .int(dim)), ("index", .tensor(0))]) { ctx in
            let g = ctx.grad
            // self: grad.scatter(dim, index, 0), recorded (ScatterBackward1) under create_graph.
            return [ctx.needs(0) ? try scatter(g, dim, index, value: .int(0)) : nil,
                    ctx.needs(1) ? try padded(try gather(g, dim, index), to: sourceSizes) : nil]
        }
    }

    /// `scatter(dim, index, value)`: ScatterBackward1.
    public static func scatter(_ x: Tensor, _ dim: Int, _ index: Tensor, value: Scalar) throws(TensorError) -> Tensor {
        let out = try x.clone().scatter_(dim, index, value: value)
        guard isRecording(x) else { return out }
        return try record("ScatterBackward1", [x], out, save: [index], attributes: [("dim", .int(dim)), ("index", .tensor(0))]) { ctx in [try scatter(ctx.grad, dim, index, value: .int(0))] }
    }

    /// `scatter_add(dim, index, src)`: ScatterAddBackward0.
    public static func scatterAdd(_ x: Tensor, _ dim: Int, _ index: Tensor, _ source: Tensor) throws(TensorError) -> Tensor {
        let out = try x.scatterAdd(dim, index, source)
        guard isRecording(x, source) else { return out }
        let sourceSizes = source.sizes
        return try record("ScatterAddBackward0", [x, source], out, save: [index], attributes: [("dim", .int(dim)), ("index", .tensor(0))]) { ctx in
            [ctx.needs(0) ? ctx.grad : nil, ctx.needs(1) ? try padded(try gather(ctx.grad, dim, index), to: sourceSizes) : nil]
        }
    }

    /// `index_select(dim, index)`: IndexSelectBackward0.
    public static func indexSelect(_ x: Tensor, _ dim: Int, _ index: Tensor) throws(TensorError) -> Tensor {
        let out = try x.indexSelect(dim, index)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let d = try Shape.wrapDim(dim, rank: x.rank)
        let indices = [Tensor?](repeating: nil, count: d) + [index.rank == 0 ? try index.reshape([1]) : index]
        return try record("IndexSelectBackward0", [x], out, save: [index],
                          attributes: [("dim", .int(dim)), ("index", .tensor(0)), ("self_sym_sizes", .ints(mx.sizes))]) { ctx in
            if mx.sizes.isEmpty { return [ctx.grad] }
            return [try accumulated("IndexAddBackward0", ctx.grad, into: mx, indices)]
        }
    }

    /// `sort(dim, descending, stable)`: values get SortBackward0.
    public static func sort(_ x: Tensor, dim: Int = -1, descending: Bool = false, stable: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let (values, indices) = try x.sort(dim: dim, descending: descending, stable: stable)
        return (try recordSelection("SortBackward0", x, values, indices, dim: dim), indices)
    }

    /// `topk(k, dim, largest, sorted)`: TopkBackward0.
    public static func topk(_ x: Tensor, _ k: Int, dim: Int = -1, largest: Bool = true, sorted: Bool = true) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let (values, indices) = try x.topk(k, dim: dim, largest: largest, sorted: sorted)
        // ATen checks k and dim first, then refuses bool; so does this, after the call.
        if x.dtype == .bool { throw .notImplemented("topk does not support bool dtypes on CPU") }
        return (try recordSelection("TopkBackward0", x, values, indices, dim: dim), indices)
    }

    /// `kthvalue(k, dim, keepdim)`: KthvalueBackward0.
    public static func kthvalue(_ x: Tensor, _ k: Int, dim: Int = -1, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let (values, indices) = try x.kthvalue(k, dim: dim, keepdim: keepdim)
        if x.dtype == .bool { throw .notImplemented("\"kthvalue_cpu\" not implemented for 'Bool'") }
        guard isRecording(x) else { return (values, indices) }
        let mx = TensorMeta(x)
        let d = try Shape.wrapDim(dim, rank: x.rank)
        let v = try record("KthvalueBackward0", [x], values, save: [indices],
                           attributes: [("dim", .int(dim)), ("keepdim", .bool(keepdim)), ("self_sym_sizes", .ints(mx.sizes)), ("indices", .tensor(0))]) { ctx in
            [try selectedBackward(ctx.grad, indices: try ctx.saved(0), dim: d, keepdim: keepdim, meta: mx)]
        }
        return (v, indices)
    }

    /// `median()` of all elements: MedianBackward0 shares the gradient among the elements
    /// equal to the median, as PyTorch's evenly_distribute_backward does.
    public static func median(_ x: Tensor) throws(TensorError) -> Tensor {
        if x.dtype == .bool { throw .notImplemented("\"median_cpu\" not implemented for 'Bool'") }
        let out: Tensor
        if x.numel == 0 {
            out = try Tensor(scalar: .float(.nan), dtype: x.dtype, device: x.device)
        } else if x.dtype.isFloatingPoint, try x.unary(.isnan).sum().item().int64Value > 0 {
            // PyTorch's median_impl returns NaN when any element is NaN.
            out = try Tensor(scalar: .float(.nan), dtype: x.dtype, device: x.device)
        } else {
            out = try x.reshape([-1]).nthElement((x.numel - 1) / 2).reshape([])
        }
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return try record("MedianBackward0", [x], out, save: [x], saveOutput: true,
                          attributes: [("self", .tensor(0)), ("result", .tensor(1))]) { ctx in
            let input = try ctx.saved(0), value = try ctx.saved(1)
            var mask = try input.eq(value)
            if value.dtype.isFloatingPoint, try value.unary(.isnan).item().boolValue { mask = try input.unary(.isnan) }
            let share = try div(ctx.grad, try mask.sum())
            return [try reduce(try whereZero(try mask.negatedMask(), try expand(share, mx.sizes)), to: mx)]
        }
    }

    /// `median(dim, keepdim)`: the lower middle value along `dim` (MedianBackward1).
    public static func median(_ x: Tensor, dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let (values, indices) = try x.medianAlong(dim, keepdim: keepdim)
        if x.dtype == .bool { throw .notImplemented("\"median_out\" not implemented for 'Bool'") }
        guard isRecording(x) else { return (values, indices) }
        let mx = TensorMeta(x)
        let d = x.rank == 0 ? 0 : try Shape.wrapDim(dim, rank: x.rank)
        let v = try record("MedianBackward1", [x], values, save: [indices],
                           attributes: [("dim", .int(dim)), ("keepdim", .bool(keepdim)), ("self_sym_sizes", .ints(mx.sizes)), ("indices", .tensor(0))]) { ctx in
            [try selectedBackward(ctx.grad, indices: try ctx.saved(0), dim: d, keepdim: keepdim, meta: mx)]
        }
        return (v, indices)
    }

    /// `g` (index-shaped) in the leading corner of zeros of `sizes`: source elements the
    /// index does not reach get no gradient.
    static func padded(_ g: Tensor, to sizes: [Int]) throws(TensorError) -> Tensor {
        if g.sizes == sizes { return g }
        let region = g.sizes
        return try embedded("ConstantPadNdBackward0", g, in: sizes) { t throws(TensorError) in
            var v = t
            for (d, n) in region.enumerated() { v = try narrow(v, d, start: 0, length: n) }
            return v
        }
    }

    /// Values picked at `indices` along `dim` (same rank as the input): the gradient is
    /// scattered back to those positions.
    static func recordSelection(_ name: String, _ x: Tensor, _ values: Tensor, _ indices: Tensor, dim: Int) throws(TensorError) -> Tensor {
        guard isRecording(x) else { return values }
        let mx = TensorMeta(x)
        let d = try Shape.wrapDim(dim, rank: x.rank)
        return try record(name, [x], values, save: [indices],
                          attributes: [("dim", .int(dim)), ("self_sym_sizes", .ints(mx.sizes)), ("indices", .tensor(0))]) { ctx in
            if mx.sizes.isEmpty { return [ctx.grad] }
            return [try scatteredInto(ctx.grad, mx, dim: d, try ctx.saved(0))]
        }
    }

    /// `zeros(meta).scatter(dim, index, grad)` (value_selecting_reduction_backward): the
    /// zeros are an input without history, so under create_graph it records ScatterBackward0
    /// over (nothing, grad), whose grad gradient is `gather`.
    static func scatteredInto(_ grad: Tensor, _ meta: TensorMeta, dim: Int, _ index: Tensor) throws(TensorError) -> Tensor {
        let zeros = try Tensor.zeros(meta.sizes, dtype: grad.dtype, device: grad.device)
        let out = try zeros.scatter(dim, index, grad.detach())
        guard isRecording(grad) else { return out }
        return record("ScatterBackward0", [nil, grad], out) { ctx in [nil, try gather(ctx.grad, dim, index)] }
    }
}
