import Tensors

/// Matrix products. `matmul` is composed from the fixed-rank products and views exactly
/// as PyTorch composes it, so results carry the same grad_fn (MmBackward0,
/// UnsafeViewBackward0, SqueezeBackward4...).
extension Differentiable {
    public static func mm(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let out = try a.mm(b)
        guard isRecording(a, b) else { return out }
        let aColumnMajor = isColumnMajor(a), bColumnMajor = isColumnMajor(b)
        return try record("MmBackward0", [a, b], out, save: [b.requiresGrad ? a : nil, a.requiresGrad ? b : nil],
                          attributes: [("mat2", .tensor(1)), ("mat2_sym_sizes", .ints(b.sizes)), ("mat2_sym_strides", .ints(b.requiresGrad ? b.strides : [])),
                                       ("self", .tensor(0)), ("self_sym_sizes", .ints(a.sizes)), ("self_sym_strides", .ints(a.requiresGrad ? a.strides : []))]) { ctx in
            [ctx.needs(0) ? try mmMat1Backward(ctx.grad, try ctx.saved(1), columnMajor: aColumnMajor) : nil,
             ctx.needs(1) ? try mmMat2Backward(ctx.grad, try ctx.saved(0), columnMajor: bColumnMajor) : nil]
        }
    }

    public static func bmm(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let out = try a.bmm(b)
        guard isRecording(a, b) else { return out }
        return try record("BmmBackward0", [a, b], out, save: [b.requiresGrad ? a : nil, a.requiresGrad ? b : nil],
                          attributes: [("mat2", .tensor(1)), ("self", .tensor(0))]) { ctx in
            [ctx.needs(0) ? try bmm(ctx.grad, try transpose(try conjugated(try ctx.saved(1)), 1, 2)) : nil,
             ctx.needs(1) ? try bmm(try transpose(try conjugated(try ctx.saved(0)), 1, 2), ctx.grad) : nil]
        }
    }

    public static func mv(_ a: Tensor, _ v: Tensor) throws(TensorError) -> Tensor {
        let out = try a.mv(v)
        guard isRecording(a, v) else { return out }
        return try record("MvBackward0", [a, v], out, save: [v.requiresGrad ? a : nil, a.requiresGrad ? v : nil],
                          attributes: [("self", .tensor(0)), ("vec", .tensor(1))]) { ctx in
            [ctx.needs(0) ? try outer(ctx.grad, try conjugated(try ctx.saved(1))) : nil,
             ctx.needs(1) ? try mv(try t(try conjugated(try ctx.saved(0))), ctx.grad) : nil]
        }
    }

    public static func dot(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let out = try a.dot(b)
        guard isRecording(a, b) else { return out }
        return try record("DotBackward0", [a, b], out, save: [b.requiresGrad ? a : nil, a.requiresGrad ? b : nil],
                          attributes: [("self", .tensor(0)), ("tensor", .tensor(1))]) { ctx in
            [ctx.needs(0) ? try mul(ctx.grad, try conjugated(try ctx.saved(1))) : nil,
             ctx.needs(1) ? try mul(ctx.grad, try conjugated(try ctx.saved(0))) : nil]
        }
    }

    /// `vdot(a, b)`: VdotBackward0; self: grad.conj() * other, other: grad * self, made in
    /// the generated node's sorted order (other first).
    public static func vdot(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        // vdot conjugates its first operand (BLAS ?dotc); dot of the conjugate is its value
        // (PyTorch's MKL cdotc/zdotc may round differently in the last bits).
        let out = try a.vdot(b)
        guard isRecording(a, b) else { return out }
        return try record("VdotBackward0", [a, b], out, save: [b.requiresGrad ? a : nil, a.requiresGrad ? b : nil]) { ctx in
            let gb = ctx.needs(1) ? try mul(ctx.grad, try ctx.saved(0)) : nil
            return [ctx.needs(0) ? try mul(try conjugated(ctx.grad), try ctx.saved(1)) : nil, gb]
        }
    }

    /// `outer(v)`: `a.reshape(n, 1) * v` (MulBackward0), as PyTorch composes it.
    public static func outer(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        if a.rank != 1 || b.rank != 1 { _ = try a.outer(b) }
        return try mul(try reshape(a, [a.sizes[0], 1]), b)
    }

    /// `addmm(input, mat1, mat2, beta, alpha)`: AddmmBackward0.
    public static func addmm(_ input: Tensor, _ m1: Tensor, _ m2: Tensor, beta: Scalar = .int(1), alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        let out = try Tensor.addmm(input, m1, m2, beta: beta, alpha: alpha)
        guard isRecording([input, m1, m2]) else { return out }
        let mi = TensorMeta(input)
        let m1ColumnMajor = isColumnMajor(m1), m2ColumnMajor = isColumnMajor(m2)
        return try record("AddmmBackward0", [input, m1, m2], out,
                      save: [m2.requiresGrad ? m1 : nil, m1.requiresGrad ? m2 : nil],
                      attributes: [("alpha", .scalar(alpha)), ("beta", .scalar(beta)),
                                   ("mat1", .tensor(0)), ("mat1_sym_sizes", .ints(m1.sizes)), ("mat1_sym_strides", .ints(m1.requiresGrad ? m1.strides : [])),
                                   ("mat2", .tensor(1)), ("mat2_sym_sizes", .ints(m2.sizes)), ("mat2_sym_strides", .ints(m2.requiresGrad ? m2.strides : []))]) { ctx in
            let g = ctx.grad
            // Generated formulas run in sorted argument-name order (mat1, mat2, self): under
            // create_graph that is the order their nodes are created, which fixes the order
            // in which a later backward sums their contributions.
            let g1 = ctx.needs(1) ? try scaled(try mmMat1Backward(g, try ctx.saved(1), columnMajor: m1ColumnMajor), alpha) : nil
            let g2 = ctx.needs(2) ? try scaled(try mmMat2Backward(g, try ctx.saved(0), columnMajor: m2ColumnMajor), alpha) : nil
            return [ctx.needs(0) ? try reduce(try scaled(g, beta), to: mi) : nil, g1, g2]
        }
    }

    /// Whether a matrix is laid out column by column (`w.t()` of a contiguous `w`), the
    /// test PyTorch's mm backward formulas make on the forward operand's strides.
    static func isColumnMajor(_ m: Tensor) -> Bool {
        m.rank == 2 && m.strides[0] == 1 && m.strides[1] == m.sizes[0]
    }

    /// PyTorch's mm_mat1_backward: for a column-major mat1 the gradient is computed as
    /// `(mat2 @ gradᵀ)ᵀ`, else `grad @ mat2ᵀ`. The two sum in different orders in BLAS, so
    /// following the same choice keeps gradients bit-for-bit equal.
    static func mmMat1Backward(_ grad: Tensor, _ mat2: Tensor, columnMajor: Bool) throws(TensorError) -> Tensor {
        // `mat2.conj()`: the conjugate, materialised, for complex operands.
        let mat2 = try conjugated(mat2)
        if columnMajor { return try t(try mm(mat2, try t(grad))) }
        return try mm(grad, try t(mat2))
    }

    /// PyTorch's mm_mat2_backward: `(gradᵀ @ mat1)ᵀ` for a column-major mat2 (every
    /// `nn.Linear` weight, seen as `weight.t()`), else `mat1ᵀ @ grad`.
    static func mmMat2Backward(_ grad: Tensor, _ mat1: Tensor, columnMajor: Bool) throws(TensorError) -> Tensor {
        let mat1 = try conjugated(mat1)
        if columnMajor { return try t(try mm(try t(grad), mat1)) }
        return try mm(try t(mat1), grad)
    }

    /// `input @ other` with PyTorch's shape rules and graph structure (`_matmul_impl`).
    public static func matmul(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let da = a.rank, db = b.rank
        // Without a graph too: folding into one mm (or not) changes the sums' order, so
        // grad mode must not change which kernels run.
        if da == 0 || db == 0 {
            throw .runtime("both arguments to matmul need to be at least 1D, but they are \(da)D and \(db)D")
        }
        if da == 1 && db == 1 { return try dot(a, b) }
        if da == 2 && db == 1 { return try mv(a, b) }
        if da == 1 && db == 2 {
            _ = try a.matmul(b)   // shape errors as the Tensors layer words them
            return try squeezeInPlace(try mm(try unsqueeze(a, 0), b), dim: 0)
        }
        if da == 2 && db == 2 { return try mm(a, b) }
        _ = try a.matmul(b)
        // PyTorch 2.15: two 3-D operands, one of batch 1 that requires grad (the other's batch
        // larger): that one is squeezed to a matrix, so the product folds into one mm and its
        // gradient is one mm too, not a bmm summed over the expanded batch (measured: the
        // graph is MmBackward0 over SqueezeBackward1, and the gradient's bits are the fold's).
        if da == 3 && db == 3 && a.sizes[0] != b.sizes[0] {
            if b.sizes[0] == 1 && b.requiresGrad { return try matmul(a, try squeeze(b, dim: 0)) }
            if a.sizes[0] == 1 && a.requiresGrad { return try matmul(try squeeze(a, dim: 0), b) }
        }
        if shouldFold(a, b) {
            let transposed = db > da
            let t1 = transposed ? try matrixTranspose(b) : a
            let t2 = !transposed ? b : (da == 2 ? try t(a) : a)
            var outputShape = Array(t1.sizes.dropLast())
            let folded = outputShape.reduce(1, *)
            let t2IsMatrix = t2.rank == 2
            if t2IsMatrix { outputShape.append(t2.sizes[1]) }
            let t1Folded = try reshape(t1, [folded, t1.sizes.last!])
            if t2IsMatrix {
                let output = try unsafeView(try mm(t1Folded, t2), outputShape)
                return transposed ? try contiguous(try matrixTranspose(output)) : output
            }
            return try unsafeView(try mv(t1Folded, t2), outputShape)
        }
        let n = da > 1 ? a.sizes[da - 2] : 1
        let m1 = a.sizes[da - 1]
        let batchA = Array(a.sizes.prefix(Swift.max(da - 2, 0)))
        let m2 = db > 1 ? b.sizes[db - 2] : b.sizes[0]
        let p = db > 1 ? b.sizes[db - 1] : 1
        let batchB = Array(b.sizes.prefix(Swift.max(db - 2, 0)))
        var outputShape = try Shape.broadcast(batchA, batchB)
        let batch = outputShape.reduce(1, *)
        let aExpanded = try reshape(try expand(a, outputShape + [n, m1]), [batch, n, m1])
        let vectorRHS = db == 1
        var bExpanded = try expand(b, outputShape + (vectorRHS ? [m2] : [m2, p]))
        if vectorRHS { bExpanded = try unsqueeze(bExpanded, -1) }
        bExpanded = try reshape(bExpanded, [batch, m2, p])
        if da > 1 { outputShape.append(n) }
        if db > 1 { outputShape.append(p) }
        if vectorRHS { return try unsafeView(try squeeze(try bmm(aExpanded, bExpanded), dim: -1), outputShape) }
        return try unsafeView(try bmm(aExpanded, bExpanded), outputShape)
    }

    /// PyTorch's `should_fold`: fold batch dims into an mm when one side is at most 2-D and
    /// the larger side views as a matrix without a copy.
    static func shouldFold(_ a: Tensor, _ b: Tensor) -> Bool {
        let aLarger = a.rank >= b.rank
        let t1Sizes: [Int], t1Strides: [Int]
        if aLarger {
            t1Sizes = a.sizes; t1Strides = a.strides
        } else {
            var s = b.sizes, st = b.strides
            s.swapAt(s.count - 1, s.count - 2); st.swapAt(st.count - 1, st.count - 2)
            t1Sizes = s; t1Strides = st
        }
        let dimT1 = t1Sizes.count, dimT2 = aLarger ? b.rank : a.rank
        if !(dimT1 >= 3 && dimT2 <= 2) { return false }
        let t2RequiresGrad = aLarger ? b.requiresGrad : a.requiresGrad
        if t2RequiresGrad { return true }
        if a.rank == 2 { return false }
        if t1Sizes.reduce(1, *) == 0 { return true }
        // PyTorch 2.15 folds whenever `t1.view(-1, t1.size(-1))` needs no copy: dimensions
        // of size 1 (whose strides are arbitrary, as `unsqueeze` of a `movedim` view gives)
        // do not break the chain (measured: a (8, 1, 5) view with strides (1, 40, 8) runs
        // one `mm`, where the stride test of older releases ran `bmm`).
        let leading = (0..<(dimT1 - 1)).filter { t1Sizes[$0] != 1 }
        for (i, j) in zip(leading, leading.dropFirst()) where t1Strides[i] != t1Strides[j] * t1Sizes[j] { return false }
        return true
    }

    /// `squeeze_(dim)` on a fresh result, as matmul's 1-D @ 2-D case does (SqueezeBackward4).
    static func squeezeInPlace(_ x: Tensor, dim: Int) throws(TensorError) -> Tensor {
        let out = try x.squeeze([dim])
        guard isRecording(x) else { return out }
        let sizes = x.sizes
        return record("SqueezeBackward4", [x], out) { ctx in [try reshape(ctx.grad, sizes)] }
    }

    /// `F.linear(input, weight, bias)`: addmm for 2-D input with bias, else folded
    /// through addmm and `_unsafe_view`, or matmul without bias.
    public static func linear(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?) throws(TensorError) -> Tensor {
        let wt = try t(weight)
        guard let bias else { return try matmul(input, wt) }
        if input.rank == 2 { return try addmm(bias, input, wt) }
        if input.isContiguous && bias.rank == 1 && input.rank >= 1 {
            let last = input.sizes.last!
            let flat = input.sizes.dropLast().reduce(1, *)
            let result = try addmm(bias, try reshape(input, [flat, last]), wt)
            return try unsafeView(result, Array(input.sizes.dropLast()) + [result.sizes[1]])
        }
        return try add(try matmul(input, wt), bias)
    }
}

extension Differentiable {
    /// `inner(a, b)`: ATen's `tensordot(a, b, [-1], [-1])` (PermuteBackward0, ViewBackward0
    /// and MmBackward0, or DotBackward0 when both free parts have one element); a 0-d
    /// operand multiplies.
    public static func inner(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        if a.rank == 0 || b.rank == 0 { return try mul(a, b) }
        let n = a.sizes[a.rank - 1]
        guard b.sizes[b.rank - 1] == n else {
            throw .runtime("inner() the last dimension must match on both input tensors but got shapes \(Shape.describe(a.sizes)) and \(Shape.describe(b.sizes))")
        }
        return try tensordot(a, b, [-1], [-1])
    }
}
