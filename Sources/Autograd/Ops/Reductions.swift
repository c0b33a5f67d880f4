import Tensors

/// Reductions. Their gradients put the reduced dims back (`keepdim`) and broadcast.
extension Differentiable {
    /// Wrapped, sorted, de-duplicated reduction dims (all dims for nil or empty).
    static func reducedDims(_ dims: [Int]?, rank: Int) throws(TensorError) -> [Int] {
        guard let dims, !dims.isEmpty else { return Array(0..<rank) }
        var out: [Int] = []
        for d in dims {
            let w = try Shape.wrapDim(d, rank: rank)
            if rank > 0 && !out.contains(w) { out.append(w) }
        }
        return out.sorted()
    }

    /// A reduced gradient (or result) with its reduced dims put back as size 1.
    /// The input's shape with the reduced dims kept as size 1 (`restore_reduced_dims`).
    static func keptShape(_ sizes: [Int], _ dims: [Int], keepdim: Bool) -> [Int] {
        var shape = sizes
        for d in dims { shape[d] = 1 }
        return shape
    }

    static func restoreDims(_ t: Tensor, _ dims: [Int], keepdim: Bool) throws(TensorError) -> Tensor {
        if keepdim { return t }
        var r = t
        for d in dims { r = try unsqueeze(r, d) }
        return r
    }

    public static func sum(_ x: Tensor, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let out = try x.sum(dtype: dtype)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return record("SumBackward0", [x], out, attributes: [("self_sym_sizes", .ints(x.sizes))]) { ctx in
            [try reduce(try expand(ctx.grad, mx.sizes), to: mx)]
        }
    }

    public static func sum(_ x: Tensor, dims: [Int], keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let out = try x.sum(dims: dims, keepdim: keepdim, dtype: dtype)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let ds = try reducedDims(dims, rank: x.rank)
        return record("SumBackward1", [x], out, attributes: [("dim", .ints(dims)), ("keepdim", .bool(keepdim)), ("self_sym_sizes", .ints(x.sizes))]) { ctx in
            [try reduce(try expand(try restoreDims(ctx.grad, ds, keepdim: keepdim), mx.sizes), to: mx)]
        }
    }

    public static func mean(_ x: Tensor, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let out = try x.mean(dtype: dtype)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x), n = x.numel
        return record("MeanBackward0", [x], out, attributes: [("self_sym_numel", .int(n)), ("self_sym_sizes", .ints(x.sizes))]) { ctx in
            [try reduce(try divScalarOverload(try expand(ctx.grad, mx.sizes), .int(Int64(n))), to: mx)]
        }
    }

    public static func mean(_ x: Tensor, dims: [Int], keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let out = try x.mean(dims: dims, keepdim: keepdim, dtype: dtype)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let ds = try reducedDims(dims, rank: x.rank)
        let n = ds.reduce(1) { $0 * x.sizes[$1] }
        return record("MeanBackward1", [x], out, attributes: [("dim", .ints(dims)), ("keepdim", .bool(keepdim)),
                                                          ("self_sym_numel", .int(x.numel)), ("self_sym_sizes", .ints(x.sizes))]) { ctx in
            let g = try expand(try restoreDims(ctx.grad, ds, keepdim: keepdim), mx.sizes)
            return [try reduce(try divScalarOverload(g, .int(Int64(n))), to: mx)]
        }
    }

    /// `prod()` (ProdBackward0) and `prod(dim)` (ProdBackward1).
    public static func prod(_ x: Tensor, dim: Int? = nil, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let out = try x.prod(dims: dim.map { [$0] }, keepdim: keepdim, dtype: dtype)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let d: Int? = try dim.map { v throws(TensorError) in try Shape.wrapDim(v, rank: x.rank) }
        let shown: [(String, SavedAttribute)] = dim.map { [("dim", .int($0)), ("keepdim", .bool(keepdim))] } ?? []
        return try record(dim == nil ? "ProdBackward0" : "ProdBackward1", [x], out, save: [x], saveOutput: true,
                          attributes: shown + [("self", .tensor(0)), ("result", .tensor(1))]) { ctx in
            let input = try ctx.saved(0), result = try ctx.saved(1)
            // prod_backward: a 0-dim input's gradient is grad itself.
            if input.rank == 0 { return [try reduce(ctx.grad, to: mx)] }
            let ds = d.map { [$0] } ?? Array(0..<mx.sizes.count)
            let g = try restoreDims(ctx.grad, ds, keepdim: dim != nil && keepdim)
            if try !input.eq(.int(0)).any().item().boolValue {
                // prod_backward: grad * (result / input), the 0-dim result broadcasting.
                if dim == nil { return [try reduce(try mul(ctx.grad, try div(result, input)), to: mx)] }
                let r = try restoreDims(result, ds, keepdim: dim != nil && keepdim)
                return [try reduce(try mul(g, try div(r, input)), to: mx)]
            }
            // With zeros, use the product of the other elements (no division).
            let others: Tensor
            if let d {
                others = try productOfOthers(input.detach(), dim: d)
            } else {
                others = try productOfOthers(input.detach().reshape([-1]), dim: 0).reshape(mx.sizes)
            }
            return [try reduce(try mul(try expand(g, mx.sizes), others), to: mx)]
        }
    }

    /// For each element, the product of the other elements along `dim` (not differentiable).
    static func productOfOthers(_ x: Tensor, dim: Int) throws(TensorError) -> Tensor {
        let n = x.sizes[dim]
        let out = try x.onesLike()
        for i in 0..<n {
            let slot = try out.select(dim, i)
            for j in 0..<n where j != i {
                try slot.binaryInPlace(.mul, try x.select(dim, j))
            }
        }
        return out
    }

    /// `max()`/`min()` of all elements: ties share the gradient (MaxBackward1).
    public static func max(_ x: Tensor) throws(TensorError) -> Tensor { try extremeAll(x, isMax: true) }
    public static func min(_ x: Tensor) throws(TensorError) -> Tensor { try extremeAll(x, isMax: false) }

    static func extremeAll(_ x: Tensor, isMax: Bool) throws(TensorError) -> Tensor {
        let out = isMax ? try x.max() : try x.min()
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return try record(isMax ? "MaxBackward1" : "MinBackward1", [x], out, save: [x], saveOutput: true,
                          attributes: [("self", .tensor(0)), ("result", .tensor(1))]) { ctx in
            // evenly_distribute_backward: grad.new_zeros(input.sizes()).masked_fill_(mask,
            // grad / mask.sum()) (MaskedFillBackward1 over nothing and the share).
            let input = try ctx.saved(0), value = try ctx.saved(1)
            let mask = try value.detach().unary(.isnan).item().boolValue ? try input.detach().unary(.isnan) : try input.detach().eq(value.detach())
            let share = try div(ctx.grad, try mask.sum())
            let zeros = try Tensor.zeros(mx.sizes, dtype: ctx.grad.dtype, device: ctx.grad.device)
            return [try reduce(try maskedFill(zeros, mask, share), to: mx)]
        }
    }

    /// `max(dim)`/`min(dim)`: values get a node (MaxBackward0), indices do not.
    public static func max(_ x: Tensor, dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try extremeAlong(x, dim: dim, keepdim: keepdim, isMax: true)
    }

    public static func min(_ x: Tensor, dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try extremeAlong(x, dim: dim, keepdim: keepdim, isMax: false)
    }

    static func extremeAlong(_ x: Tensor, dim: Int, keepdim: Bool, isMax: Bool) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let (values, indices) = isMax ? try x.max(dim: dim, keepdim: keepdim) : try x.min(dim: dim, keepdim: keepdim)
        guard isRecording(x) else { return (values, indices) }
        let mx = TensorMeta(x)
        let d = try Shape.wrapDim(dim, rank: x.rank)
        let v = try record(isMax ? "MaxBackward0" : "MinBackward0", [x], values, save: [indices],
                           attributes: [("dim", .int(dim)), ("keepdim", .bool(keepdim)), ("self_sym_sizes", .ints(mx.sizes)),
                                        ("indices", .tensor(0))]) { ctx in
            [try selectedBackward(ctx.grad, indices: try ctx.saved(0), dim: d, keepdim: keepdim, meta: mx)]
        }
        return (v, indices)
    }

    /// Gradient of picking one element per slice along `dim` (`value_selecting_reduction_backward`).
    static func selectedBackward(_ grad: Tensor, indices: Tensor, dim: Int, keepdim: Bool, meta: TensorMeta) throws(TensorError) -> Tensor {
        if meta.sizes.isEmpty { return grad }
        // value_selecting_reduction_backward: zeros.scatter(dim, indices, grad) (grad and
        // indices unsqueezed unless keepdim): ScatterBackward0 under create_graph.
        let g = try restoreDims(grad, [dim], keepdim: keepdim)
        let idx = keepdim ? indices : try indices.unsqueeze(dim)
        return try scatteredInto(g, meta, dim: dim, idx)
    }

    /// `amax(dims)`/`amin(dims)`: ties share (AmaxBackward0).
    public static func amax(_ x: Tensor, dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try extremeDims(x, dims: dims, keepdim: keepdim, isMax: true)
    }

    public static func amin(_ x: Tensor, dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try extremeDims(x, dims: dims, keepdim: keepdim, isMax: false)
    }

    static func extremeDims(_ x: Tensor, dims: [Int]?, keepdim: Bool, isMax: Bool) throws(TensorError) -> Tensor {
        let out = isMax ? try x.amax(dims: dims, keepdim: keepdim) : try x.amin(dims: dims, keepdim: keepdim)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let ds = try reducedDims(dims, rank: x.rank)
        return try record(isMax ? "AmaxBackward0" : "AminBackward0", [x], out, save: [x], saveOutput: true,
                          attributes: [("dim", .ints(dims ?? [])), ("keepdim", .bool(keepdim)), ("self", .tensor(0)), ("result", .tensor(1))]) { ctx in
            // scale_grad_by_count(restore_reduced_dims(grad), restore_reduced_dims(result) == self):
            // (grad.reshape(kept) / mask.sum(dims, true)) * mask.
            let kept = Self.keptShape(mx.sizes, ds, keepdim: keepdim)
            let r = try (try ctx.saved(1)).detach().reshape(kept)
            let mask = try (try ctx.saved(0)).detach().eq(r)
            let count = try mask.sum(dims: ds, keepdim: true)
            let g = keepdim ? ctx.grad : try reshape(ctx.grad, kept)
            return [try reduce(try mul(try div(g, count), mask), to: mx)]
        }
    }

    /// `var(dims, correction, keepdim)`: VarBackward0.
    public static func variance(_ x: Tensor, dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> Tensor {
        let out = try x.variance(dims: dims, correction: correction, keepdim: keepdim)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let ds = try reducedDims(dims, rank: x.rank)
        let n = ds.reduce(1) { $0 * Swift.max(x.sizes[$1], 1) }
        return try record("VarBackward0", [x], out, save: [x], attributes: varianceAttributes(dims, correction, keepdim)) { ctx in
            [try reduce(try varBackward(ctx.grad, try ctx.saved(0), dims: dims == nil ? nil : ds, n: n, correction: correction,
                                        keepdim: keepdim), to: mx)]
        }
    }

    /// Var/StdBackward0's `_saved_*`: `x.var()` (no dim, default correction) shows None,
    /// as PyTorch's node does when none was passed; the dim overloads pass 1.
    static func varianceAttributes(_ dims: [Int]?, _ correction: Double, _ keepdim: Bool) -> [(String, SavedAttribute)] {
        [("correction", correction == 1 && dims == nil ? .none : .scalar(pythonNumber(correction))), ("dim", dims.map { .ints($0) } ?? .none),
         ("keepdim", .bool(keepdim)), ("self", .tensor(0))]
    }

    /// FunctionsManual's `var_backward`: `(2 / (n - correction)) * grad * (self - self.mean())`
    /// for a full reduction, with `self.mean(dim, keepdim=True)` and grad unsqueezed at the
    /// reduced dims (when not keepdim and self has more than one dim) otherwise.
    static func varBackward(_ grad: Tensor, _ v: Tensor, dims: [Int]?, n: Int, correction: Double,
                            keepdim: Bool) throws(TensorError) -> Tensor {
        let dof = Double(n) - correction
        guard let dims, v.rank > 0 else {
            if dof <= 0 { return try mulScalarOverload(grad, .float(.nan)) }
            return try mul(try mulScalarOverload(grad, .float(2 / dof)), try sub(v, try mean(v)))
        }
        let g = !keepdim && v.rank > 1 ? try restoreDims(grad, dims, keepdim: false) : grad
        return try mul(try mulScalarOverload(g, .float(2 / dof)), try sub(v, try mean(v, dims: dims, keepdim: true)))
    }

    /// `std(dims, correction, keepdim)`: StdBackward0.
    public static func std(_ x: Tensor, dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> Tensor {
        let out = try x.std(dims: dims, correction: correction, keepdim: keepdim)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let ds = try reducedDims(dims, rank: x.rank)
        let n = ds.reduce(1) { $0 * Swift.max(x.sizes[$1], 1) }
        return try record("StdBackward0", [x], out, save: [x], saveOutput: true,
                          attributes: varianceAttributes(dims, correction, keepdim) + [("result", .tensor(1))]) { ctx in
            // std_backward: var_backward((grad / (result * 2)).masked_fill_(result == 0, 0), ...)
            let v = try ctx.saved(0), y = try ctx.saved(1)
            let g = try whereZero(try y.eq(.int(0)), try div(ctx.grad, try mulScalarOverload(y, .int(2))))
            return [try reduce(try varBackward(g, v, dims: dims == nil ? nil : ds, n: n, correction: correction, keepdim: keepdim), to: mx)]
        }
    }

    /// `norm(p, dims, keepdim)` / `linalg.vector_norm`: LinalgVectorNormBackward0 (ATen's
    /// internal `at::norm`, which some composite functions call, names it NormBackward1).
    public static func norm(_ x: Tensor, p: Double = 2, dims: [Int]? = nil, keepdim: Bool = false,
                            nodeName: String = "LinalgVectorNormBackward0", ord: Scalar? = nil) throws(TensorError) -> Tensor {
        let out = try x.norm(p: p, dims: dims, keepdim: keepdim)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let ds = try reducedDims(dims, rank: x.rank)
        // `ord`: the Python number the caller gave (a float shows as one), else p as an int when whole.
        let shown: [(String, SavedAttribute)] = nodeName != "LinalgVectorNormBackward0" ? [] :
            [("dim", dims.map { .ints($0) } ?? .none), ("keepdim", .bool(keepdim)), ("ord", .scalar(ord ?? pythonNumber(p))),
             ("self", .tensor(0)), ("result", .tensor(1))]
        return try record(nodeName, [x], out, save: [x], saveOutput: true, attributes: shown) { ctx in
            let v = try ctx.saved(0)
            // A full reduction (no dim) keeps the 0-dim norm and grad (unsqueeze_multiple over no dims).
            let r = dims == nil ? try ctx.saved(1) : try restoreDims(try ctx.saved(1), ds, keepdim: keepdim)
            let g = dims == nil ? ctx.grad : try restoreDims(ctx.grad, ds, keepdim: keepdim)
            let gx = p == 0 ? try v.zerosLike() : try normBackward(g, v, r, p: p, dims: ds)
            return [try reduce(try expandIfNeeded(gx, mx.sizes), to: mx)]
        }
    }

    /// FunctionsManual's `norm_backward` for p != 0, on a gradient and norm whose reduced
    /// dimensions are restored (kept as size 1): shared by `norm` and `dist`.
    static func normBackward(_ g: Tensor, _ v: Tensor, _ r: Tensor, p: Double, dims ds: [Int]) throws(TensorError) -> Tensor {
        if p == 1 {
            return try mul(try sgn(v), g)
        } else if p.isInfinite {
            // self.sgn() * ((grad / mask.sum(dim, true)) * mask), mask = |self| == norm or NaN:
            // the product keeps the sign of a zero (−0 where self < 0 or grad < 0).
            let va = try v.detach().unary(.abs)
            let mask = try va.eq(r.detach()).logicalOr(try va.unary(.isnan))
            let count = try mask.sum(dims: ds, keepdim: true)
            return try mul(try sgn(v), try mul(try div(g, count), mask))
        } else if p == 2 {
            // norm_backward: grad * (self / norm).masked_fill_(norm == 0, 0)
            return try mul(g, try whereZero(try r.eq(.int(0)), try div(v, r)))
        } else if p < 1 {
            // self.sgn() * self.abs().pow_(p - 1).masked_fill_(self == 0, 0) * grad * norm.pow(1 - p)
            let scaled = try mul(try sgn(v), try whereZero(try v.eq(.int(0)), try pow(try abs(v), .float(p - 1))))
            return try mul(try mul(scaled, g), try pow(r, .float(1 - p)))
        }
        // self_scaled * (grad / norm.pow(p - 1)).masked_fill_(norm == 0, 0), with
        // self_scaled = self.sgn() * |self|^(p-1) below 2, self * |self|^(p-2) above
        let scaled = p < 2 ? try mul(try sgn(v), try pow(try abs(v), .float(p - 1)))
            : try mul(v, try pow(try abs(v), .float(p - 2)))
        return try mul(scaled, try whereZero(try r.eq(.int(0)), try div(g, try pow(r, .float(p - 1)))))
    }

    static func expandIfNeeded(_ t: Tensor, _ sizes: [Int]) throws(TensorError) -> Tensor {
        t.sizes == sizes ? t : try expand(t, sizes)
    }

    /// `logsumexp(dims, keepdim)`: LogsumexpBackward0.
    public static func logsumexp(_ x: Tensor, dims: [Int], keepdim: Bool = false) throws(TensorError) -> Tensor {
        let out = try x.logsumexp(dims: dims, keepdim: keepdim)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let ds = try reducedDims(dims, rank: x.rank)
        return try record("LogsumexpBackward0", [x], out, save: [x], saveOutput: true,
                          attributes: [("dim", .ints(dims)), ("keepdim", .bool(keepdim)), ("self", .tensor(0)), ("result", .tensor(1))]) { ctx in
            let r = try restoreDims(try ctx.saved(1), ds, keepdim: keepdim)
            let g = try restoreDims(ctx.grad, ds, keepdim: keepdim)
            return [try reduce(try mul(g, try exp(try sub(try ctx.saved(0), r))), to: mx)]
        }
    }

    /// `cumsum(dim)`: CumsumBackward0 (a reversed cumulative sum of the gradient).
    public static func cumsum(_ x: Tensor, dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let out = try x.cumsum(dim: dim, dtype: dtype)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let d = try Shape.wrapDim(dim, rank: x.rank)
        return record("CumsumBackward0", [x], out, attributes: [("dim", .int(dim))]) { ctx in
            let g = ctx.grad
            // cumsum_backward: the gradient itself when trivial, else reversed_cumsum:
            // grad.flip(dim).cumsum(dim).flip(dim).
            if g.numel <= 1 || mx.sizes.isEmpty || g.sizes[d] == 1 { return [try reduce(g, to: mx)] }
            return [try reduce(try flip(try cumsum(try flip(g, [d]), dim: d), [d]), to: mx)]
        }
    }

    /// `softmax(dim)`: SoftmaxBackward0.
    public static func softmax(_ x: Tensor, dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let input = dtype.map { $0 != x.dtype } ?? false ? try to(x, dtype!) : x
        let out = try input.softmax(dim: dim)
        guard isRecording(input) else { return out }
        let mx = TensorMeta(input)
        let d = try Shape.wrapDim(dim, rank: input.rank)
        return record("SoftmaxBackward0", [input], out, saveOutput: true, attributes: [("dim", .int(dim)), ("result", .tensor(0))]) { ctx in
            [try reduce(try softmaxBackwardData(ctx.grad, try ctx.saved(0), dim: d), to: mx)]
        }
    }

    /// `log_softmax(dim)`: LogSoftmaxBackward0.
    public static func logSoftmax(_ x: Tensor, dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let input = dtype.map { $0 != x.dtype } ?? false ? try to(x, dtype!) : x
        let out = try input.logSoftmax(dim: dim)
        guard isRecording(input) else { return out }
        let mx = TensorMeta(input)
        let d = try Shape.wrapDim(dim, rank: input.rank)
        return record("LogSoftmaxBackward0", [input], out, saveOutput: true, attributes: [("dim", .int(dim)), ("result", .tensor(0))]) { ctx in
            [try reduce(try logSoftmaxBackwardData(ctx.grad, try ctx.saved(0), dim: d), to: mx)]
        }
    }
}

extension Differentiable {
    /// `trace()` of a matrix: TraceBackward0.
    public static func trace(_ x: Tensor) throws(TensorError) -> Tensor {
        // (Tensor.trace checks the dtype and rank as trace_cpu does, and adds in its acc type.)
        let out = try x.trace()
        guard isRecording(x) else { return out }
        let sizes = x.sizes
        return try record("TraceBackward0", [x], out, attributes: [("self_sym_sizes", .ints(sizes))]) { ctx in
            // trace_backward: zeros(rows * cols).index_fill_(0, arange(0, numel, cols + 1),
            // grad).view(sizes) (IndexFillBackward1, then ViewBackward0).
            let g = ctx.grad
            let zeros = try Tensor.zeros([sizes[0] * sizes[1]], dtype: g.dtype, device: g.device)
            let diagonalIndex = try Tensor.arange(start: .int(0), end: .int(Int64(sizes[0] * sizes[1])), step: .int(Int64(sizes[1] + 1)),
                                                  dtype: .int64, device: g.device)
            return [try view(try indexFill(zeros, 0, diagonalIndex, g), sizes)]
        }
    }
}
