import Tensors

/// View ops: results share storage with the input and remember it as their base, so an
/// in-place write through a view of a leaf is refused as PyTorch refuses it.
extension Differentiable {
    /// Records a view op; the output remembers the tensor it views.
    static func recordView(_ name: String, _ x: Tensor, _ out: Tensor, attributes: [(String, SavedAttribute)] = [],
                           formula: @escaping BackwardFormula) -> Tensor {
        let v = record(name, [x], out, attributes: attributes, formula: formula)
        markView(v, of: x)
        return v
    }

    /// Links a recorded view to the tensor it views. Outputs of ops returning several
    /// views (split, unbind) may not be written in place while grad mode is on.
    static func markView(_ v: Tensor, of x: Tensor, multiOutput: Bool = false) {
        guard let m = v.meta else { return }
        m.base = x.meta?.base ?? x
        m.viewVersion = v.version
        m.isMultiOutputView = multiOutput
    }

    /// A view made without recording: when grad mode is off (or inference mode is on) and
    /// `x` requires grad, the view still requires grad and remembers its base, as PyTorch's
    /// no-grad and inference-mode views of normal tensors do (`W.t().requires_grad` is True,
    /// which in turn decides whether matmul folds into one mm).
    static func untrackedView(_ x: Tensor, _ out: Tensor) -> Tensor {
        guard let m = x.meta, m.requiresGradFlag || m.gradFn != nil else {
            if out !== x, out.autogradMeta == nil { out.plainViewBase = x.meta?.base ?? x.plainViewBase ?? x }
            return out
        }
        let v = out.autogradMeta == nil && out !== x ? out : out.alias()
        let vm = AutogradMeta()
        vm.requiresGradFlag = true
        vm.base = m.base ?? x
        vm.createdWithoutGrad = true
        v.autogradMeta = vm
        return v
    }

    /// `._base`: the tensor a view was made from (nil for non-views).
    public static func viewBase(_ x: Tensor) -> Tensor? { x.meta?.base ?? x.plainViewBase }

    public static func view(_ x: Tensor, _ shape: [Int]) throws(TensorError) -> Tensor {
        let out = try x.view(shape)
        guard isRecording(x) else { return untrackedView(x, out) }
        let sizes = x.sizes
        return recordView("ViewBackward0", x, out, attributes: [("self_sym_sizes", .ints(sizes))]) { ctx in [try reshape(ctx.grad, sizes)] }
    }

    /// `_unsafe_view`: a view whose backward is named UnsafeViewBackward0 (matmul, reshape copies).
    public static func unsafeView(_ x: Tensor, _ shape: [Int]) throws(TensorError) -> Tensor {
        let out = try x.reshape(shape)
        guard isRecording(x) else { return out }
        let sizes = x.sizes
        return record("UnsafeViewBackward0", [x], out, attributes: [("self_sym_sizes", .ints(sizes))]) { ctx in [try reshape(ctx.grad, sizes)] }
    }

    /// `reshape` as ATen's reshape_symint: a contiguous tensor is viewed (ViewBackward0),
    /// a strided one whose strides allow it is aliased (`_reshape_alias`,
    /// ReshapeAliasBackward0), anything else is copied (UnsafeViewBackward0 over CloneBackward0).
    public static func reshape(_ x: Tensor, _ shape: [Int]) throws(TensorError) -> Tensor {
        if x.isContiguous { return try view(x, shape) }
        if x.canView(as: shape) {
            let out = try x.view(shape)
            guard isRecording(x) else { return untrackedView(x, out) }
            let sizes = x.sizes
            return recordView("ReshapeAliasBackward0", x, out) { ctx in [try reshape(ctx.grad, sizes)] }
        }
        if !isRecording(x) { return try x.reshape(shape) }
        return try unsafeView(try contiguousCopy(x), shape)
    }

    /// `flatten(start, end)`: self when there is nothing to merge, else reshape.
    public static func flatten(_ x: Tensor, start: Int = 0, end: Int = -1) throws(TensorError) -> Tensor {
        if x.rank == 0 { return try reshape(x, [1]) }
        let s = try Shape.wrapDim(start, rank: x.rank), e = try Shape.wrapDim(end, rank: x.rank)
        if s > e { throw .runtime("flatten() has invalid args: start_dim cannot come after end_dim") }
        if s == e { return x }
        var shape = Array(x.sizes[..<s])
        shape.append(x.sizes[s...e].reduce(1, *))
        shape.append(contentsOf: x.sizes[(e + 1)...])
        return try reshape(x, shape)
    }

    public static func unflatten(_ x: Tensor, _ dim: Int, _ parts: [Int]) throws(TensorError) -> Tensor {
        let shape = try x.unflatten(dim, parts).sizes
        return try view(x, shape)
    }

    public static func expand(_ x: Tensor, _ sizes: [Int]) throws(TensorError) -> Tensor {
        let out = try x.expand(sizes)
        guard isRecording(x) else { return untrackedView(x, out === x ? x.alias() : out) }
        let inSizes = x.sizes
        // at::sum_to(grad, self.sizes()): a 0-dim self is always a full sum() (SumBackward0
        // under create_graph), even when grad is 0-dim too.
        return recordView("ExpandBackward0", x, out, attributes: [("self_sym_sizes", .ints(inSizes))]) { ctx in
            [inSizes.isEmpty ? try sum(ctx.grad) : try sumToSize(ctx.grad, inSizes)]
        }
    }

    public static func transpose(_ x: Tensor, _ d0: Int, _ d1: Int) throws(TensorError) -> Tensor {
        let out = try x.transpose(d0, d1)
        guard isRecording(x) else { return untrackedView(x, out) }
        return recordView("TransposeBackward0", x, out, attributes: [("dim0", .int(d0)), ("dim1", .int(d1))]) { ctx in [try transpose(ctx.grad, d0, d1)] }
    }

    public static func t(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.t()
        guard isRecording(x) else { return untrackedView(x, out) }
        return recordView("TBackward0", x, out) { ctx in [try t(ctx.grad)] }
    }

    /// `.mT`: TransposeBackward0 of the last two dims.
    public static func matrixTranspose(_ x: Tensor) throws(TensorError) -> Tensor {
        _ = try x.matrixTranspose()
        return try transpose(x, -2, -1)
    }

    public static func permute(_ x: Tensor, _ dims: [Int]) throws(TensorError) -> Tensor {
        let out = try x.permute(dims)
        guard isRecording(x) else { return untrackedView(x, out) }
        var inverse = [Int](repeating: 0, count: dims.count)
        for (i, d) in dims.enumerated() { inverse[try Shape.wrapDim(d, rank: x.rank)] = i }
        return recordView("PermuteBackward0", x, out, attributes: [("dims", .ints(dims))]) { ctx in [try permute(ctx.grad, inverse)] }
    }

    /// `.T`: all dims reversed (PermuteBackward0).
    public static func reversedDims(_ x: Tensor) throws(TensorError) -> Tensor {
        try permute(x, Array((0..<x.rank).reversed()))
    }

    public static func movedim(_ x: Tensor, _ source: Int, _ destination: Int) throws(TensorError) -> Tensor {
        let s = try Shape.wrapDim(source, rank: x.rank), t = try Shape.wrapDim(destination, rank: x.rank)
        var order = Array(0..<x.rank)
        order.remove(at: s)
        order.insert(s, at: t)
        return try permute(x, order)
    }

    public static func unsqueeze(_ x: Tensor, _ dim: Int) throws(TensorError) -> Tensor {
        let out = try x.unsqueeze(dim)
        guard isRecording(x) else { return untrackedView(x, out) }
        let d = try Shape.wrapDim(dim, rank: x.rank + 1)
        return recordView("UnsqueezeBackward0", x, out, attributes: [("dim", .int(dim))]) { ctx in [try squeeze(ctx.grad, dim: d)] }
    }

    /// `squeeze()` (SqueezeBackward0).
    public static func squeeze(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.squeeze()
        guard isRecording(x) else { return untrackedView(x, out) }
        let sizes = x.sizes
        return recordView("SqueezeBackward0", x, out, attributes: [("self_sym_sizes", .ints(sizes))]) { ctx in [try unsqueezeTo(ctx.grad, dims: Array(sizes.indices), sizes)] }
    }

    /// `squeeze(dim)` (SqueezeBackward1).
    public static func squeeze(_ x: Tensor, dim: Int) throws(TensorError) -> Tensor {
        let out = try x.squeeze([dim])
        guard isRecording(x) else { return untrackedView(x, out) }
        let sizes = x.sizes
        let d = x.rank == 0 ? 0 : try Shape.wrapDim(dim, rank: x.rank)
        return recordView("SqueezeBackward1", x, out, attributes: [("dim", .int(dim)), ("self_sym_sizes", .ints(sizes))]) { ctx in [try unsqueezeTo(ctx.grad, dims: [d], sizes)] }
    }

    /// `squeeze((d0, d1, ...))` (SqueezeBackward2).
    public static func squeeze(_ x: Tensor, dims: [Int]) throws(TensorError) -> Tensor {
        let out = try x.squeeze(dims)
        guard isRecording(x) else { return untrackedView(x, out) }
        let sizes = x.sizes
        let ds = try dims.map { v throws(TensorError) in x.rank == 0 ? 0 : try Shape.wrapDim(v, rank: x.rank) }
        return recordView("SqueezeBackward2", x, out, attributes: [("dim", .ints(dims)), ("self_sym_sizes", .ints(sizes))]) { ctx in [try unsqueezeTo(ctx.grad, dims: ds, sizes)] }
    }

    /// derivatives.yaml's `unsqueeze_to(grad, dims, sizes)`: grad unsqueezed, in increasing
    /// order, at each of `dims` where the input had size 1 (UnsqueezeBackward0 under
    /// create_graph); a 0-dim input's gradient is reshaped back.
    static func unsqueezeTo(_ grad: Tensor, dims: [Int], _ sizes: [Int]) throws(TensorError) -> Tensor {
        if sizes.isEmpty { return try reshape(grad, sizes) }
        var g = grad
        for d in Set(dims).sorted() where sizes[d] == 1 { g = try unsqueeze(g, d) }
        return g
    }

    /// `shownIndex`: the index as a subscript gave it (`x[-1]` shows -1), when it differs.
    public static func select(_ x: Tensor, _ dim: Int, _ index: Int, forIndexing: Bool = false,
                              shownIndex: Int? = nil) throws(TensorError) -> Tensor {
        let out = try x.select(dim, index, forIndexing: forIndexing)
        guard isRecording(x) else { return untrackedView(x, out) }
        let sizes = x.sizes, d = try Shape.wrapDim(dim, rank: x.rank)
        let i = index < 0 ? index + sizes[d] : index
        return recordView("SelectBackward0", x, out, attributes: [("dim", .int(dim)), ("index", .int(shownIndex ?? index)), ("self_sym_sizes", .ints(sizes))]) { ctx in
            [try embedded("SelectBackwardBackward0", ctx.grad, in: sizes) { t throws(TensorError) in try select(t, d, i) }]
        }
    }

    /// `shown`: [start, stop] as a subscript gave them (`x[-2:]` shows -2 and INT64_MAX).
    public static func slice(_ x: Tensor, _ dim: Int, start: Int?, end: Int?, step: Int = 1,
                             shown: [Int]? = nil) throws(TensorError) -> Tensor {
        let out = try x.slice(dim, start: start, end: end, step: step)
        guard isRecording(x) else { return untrackedView(x, out) }
        let sizes = x.sizes, d = try Shape.wrapDim(dim, rank: x.rank)
        let size = sizes[d]
        func clamp(_ v: Int?, _ dflt: Int) -> Int {
            guard var v else { return dflt }
            if v < 0 { v += size }
            return Swift.min(Swift.max(v, 0), size)
        }
        let begin = clamp(start, 0), stop = Swift.max(clamp(end, size), begin)
        // The node keeps the arguments as given: an omitted end is INT64_MAX.
        let shownStart = shown?[0] ?? start ?? 0, shownEnd = shown?[1] ?? end ?? Int.max
        return recordView("SliceBackward0", x, out, attributes: [("dim", .int(dim)), ("end", .int(shownEnd)), ("self_sym_sizes", .ints(sizes)),
                                                                ("start", .int(shownStart)), ("step", .int(step))]) { ctx in
            [try embedded("SliceBackwardBackward0", ctx.grad, in: sizes) { t throws(TensorError) in
                try slice(t, d, start: begin, end: stop, step: step)
            }]
        }
    }

    /// `narrow(dim, start, length)`: a slice (SliceBackward0).
    public static func narrow(_ x: Tensor, _ dim: Int, start: Int, length: Int) throws(TensorError) -> Tensor {
        _ = try x.narrow(dim, start: start, length: length)
        let d = try Shape.wrapDim(dim, rank: x.rank)
        let s = start < 0 ? start + x.sizes[d] : start
        // The node shows narrow's dim as given (slice wraps it).
        return try slice(x, dim, start: s, end: s + length)
    }

    /// `x[...]`: a new tensor over the same data (AliasBackward0).
    public static func alias(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = x.alias()
        guard isRecording(x) else { return untrackedView(x, out) }
        return recordView("AliasBackward0", x, out) { ctx in [ctx.grad] }
    }

    public static func diagonal(_ x: Tensor, offset: Int = 0, dim1: Int = 0, dim2: Int = 1) throws(TensorError) -> Tensor {
        let out = try x.diagonal(offset: offset, dim1: dim1, dim2: dim2)
        guard isRecording(x) else { return untrackedView(x, out) }
        let sizes = x.sizes
        return recordView("DiagonalBackward0", x, out, attributes: [("dim1", .int(dim1)), ("dim2", .int(dim2)), ("offset", .int(offset)),
                                                                   ("self_sym_sizes", .ints(sizes))]) { ctx in
            [try embedded("DiagonalBackwardBackward0", ctx.grad, in: sizes) { t throws(TensorError) in
                try diagonal(t, offset: offset, dim1: dim1, dim2: dim2)
            }]
        }
    }

    /// A zero tensor of `sizes` with `grad` written into the part `part` selects: the
    /// gradient of a view op, itself differentiable (its gradient is `part` of the incoming one).
    static func embedded(_ name: String, _ grad: Tensor, in sizes: [Int],
                         _ part: @escaping (Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        let out = try Tensor.zeros(sizes, dtype: grad.dtype, device: grad.device)
        try part(out).copy_(grad)
        guard isRecording(grad) else { return out }
        return record(name, [grad], out) { ctx in [try part(ctx.grad)] }
    }
}
