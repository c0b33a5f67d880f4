import Tensors

/// Ops that place one tensor inside another or rearrange it with their own backward
/// node in PyTorch: `diag_embed`, `rot90`, `block_diag`, the `*_scatter` family, `dist`.
extension Differentiable {
    /// `diag_embed(offset, dim1, dim2)`: DiagEmbedBackward0 (the gradient is the diagonal).
    public static func diagEmbed(_ x: Tensor, offset: Int = 0, dim1: Int = -2, dim2: Int = -1) throws(TensorError) -> Tensor {
        let rank = x.rank + 1
        let d1 = try Shape.wrapDim(dim1, rank: rank), d2 = try Shape.wrapDim(dim2, rank: rank)
        if d1 == d2 { throw .runtime("diagonal dimensions cannot be identical \(dim1), \(dim2)") }
        let n = (x.rank == 0 ? 1 : x.sizes[x.rank - 1]) + Swift.abs(offset)
        var sizes = Array(x.sizes.dropLast())
        for d in [d1, d2].sorted() { sizes.insert(n, at: d) }
        let out = try Tensor.zeros(sizes, dtype: x.dtype, device: x.device)
        _ = try out.diagonal(offset: offset, dim1: d1, dim2: d2).copy_(x.rank == 0 ? try x.reshape([1]) : x)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return record("DiagEmbedBackward0", [x], out) { ctx in
            var g = try diagonal(ctx.grad, offset: offset, dim1: d1, dim2: d2)
            if mx.sizes.isEmpty { g = try reshape(g, []) }
            return [g]
        }
    }

    /// `rot90(k, dims)`: Rot90Backward0 (the gradient turned back by -k).
    public static func rot90(_ x: Tensor, k: Int, dims: [Int]) throws(TensorError) -> Tensor {
        if dims.count != 2 { throw .runtime("expected total rotation dims == 2, but got dims = \(dims.count)") }
        if x.rank < 2 { throw .runtime("expected total dims >= 2, but got total dims = \(x.rank)") }
        let d0 = try Shape.wrapDim(dims[0], rank: x.rank), d1 = try Shape.wrapDim(dims[1], rank: x.rank)
        if d0 == d1 { throw .runtime("expected rotation dims to be different, but got dim0 = \(d0) and dim1 = \(d1)") }
        let turns = ((k % 4) + 4) % 4
        let out: Tensor
        switch turns {
        case 1: out = try x.flip([d1]).transpose(d0, d1)
        case 2: out = try x.flip([d0, d1])
        case 3: out = try x.flip([d0]).transpose(d0, d1)
        default: out = try x.contiguous().clone()
        }
        guard isRecording(x) else { return out }
        return record("Rot90Backward0", [x], out) { ctx in [try rot90(ctx.grad, k: -k, dims: [d0, d1])] }
    }

    /// `block_diag(*tensors)`: BlockDiagBackward0; 0-dim inputs are 1x1 blocks, 1-dim
    /// inputs single rows; the result has the promoted dtype.
    public static func blockDiag(_ tensors: [Tensor]) throws(TensorError) -> Tensor {
        for (i, t) in tensors.enumerated() where t.rank > 2 {
            throw .runtime("torch.block_diag: Input tensors must have 2 or fewer dimensions. Input \(i) has \(t.rank) dimensions")
        }
        let blocks = tensors.map { t in t.rank == 2 ? t.sizes : t.rank == 1 ? [1, t.sizes[0]] : [1, 1] }
        var dtype = tensors.first?.dtype ?? .float32
        for t in tensors.dropFirst() { dtype = DType.promote(dtype, t.dtype) }
        let rows = blocks.reduce(0) { $0 + $1[0] }, cols = blocks.reduce(0) { $0 + $1[1] }
        let out = try Tensor.zeros([tensors.isEmpty ? 1 : rows, cols], dtype: dtype, device: tensors.first?.device ?? .cpu)
        var r = 0, c = 0
        for (t, b) in zip(tensors, blocks) {
            _ = try out.slice(0, start: r, end: r + b[0]).slice(1, start: c, end: c + b[1]).copy_(try t.reshape(b))
            r += b[0]; c += b[1]
        }
        guard isRecording(tensors) else { return out }
        let metas = tensors.map(TensorMeta.init)
        return record("BlockDiagBackward0", tensors, out) { ctx in
            var r = 0, c = 0
            return try zip(metas, blocks).enumerated().map { i, pair throws(TensorError) -> Tensor? in
                let (m, b) = pair
                defer { r += b[0]; c += b[1] }
                guard ctx.needs(i) else { return nil }
                let part = try slice(try slice(ctx.grad, 0, start: r, end: r + b[0]), 1, start: c, end: c + b[1])
                return try reduce(try reshape(part, m.sizes), to: m)
            }
        }
    }

    /// `select_scatter`, `slice_scatter`, `diagonal_scatter`: `x` with the part `part`
    /// picks replaced by `src`. The gradient of `x` is the incoming one with that part
    /// zeroed, the gradient of `src` is that part.
    public static func partScatter(_ name: String, _ x: Tensor, _ src: Tensor,
                                   _ part: @escaping (Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        let out = try x.clone()
        let view = try part(out)
        if view.sizes != src.sizes {
            throw .runtime("expected src to have a size equal to the slice of self. src size = \(Engine.sizeRepr(src.sizes)), slice size = \(Engine.sizeRepr(view.sizes))")
        }
        _ = try view.copy_(src)
        guard isRecording(x, src) else { return out }
        let ms = TensorMeta(src)
        return record(name, [x, src], out) { ctx in
            var gx: Tensor? = nil
            if ctx.needs(0) {
                gx = try ctx.grad.detach().clone()
                _ = try part(gx!).fill_(.int(0))
            }
            return [gx, ctx.needs(1) ? try reduce(try part(ctx.grad), to: ms) : nil]
        }
    }

    /// `dist(other, p)`: the p-norm of the difference, DistBackward0 with `norm_backward`'s
    /// formula for each p (the other input gets the negation).
    public static func dist(_ a: Tensor, _ b: Tensor, p: Double) throws(TensorError) -> Tensor {
        let diff = try a.sub(b)
        let out: Tensor
        if p == 0 { out = try diff.ne(.int(0)).to(diff.dtype).sum() } else { out = try diff.norm(p: p) }
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        return try record("DistBackward0", [a, b], out, save: [a, b], saveOutput: true) { ctx in
            // derivatives.yaml: self: norm_backward(grad, self - other, p, result), other: its
            // negation, each formula evaluated on its own (its own `self - other`).
            let norm = try ctx.saved(2), g = ctx.grad
            func selfGradient() throws(TensorError) -> Tensor {
                let d = try sub(try ctx.saved(0), try ctx.saved(1))
                // norm_backward(grad, self - other, p, result): the 4-argument overload reduces
                // over every dimension, keeping them (mask.sum(dim, true) for p = inf).
                if p == 0 { return try mul(d, .int(0)) }
                return try normBackward(g, d, norm, p: p, dims: Array(0..<d.rank))
            }
            return [ctx.needs(0) ? try reduce(try selfGradient(), to: ma) : nil,
                    ctx.needs(1) ? try reduce(try neg(try selfGradient()), to: mb) : nil]
        }
    }
}

/// `addmv`, `addr`, `baddbmm`, `addbmm`: the accumulating BLAS products, with
/// derivatives.yaml's formulas (each term scaled by beta or alpha).
extension Differentiable {
    public static func addmv(_ input: Tensor, _ mat: Tensor, _ vec: Tensor, beta: Scalar = .int(1), alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        let out = try Tensor.addmv(input, mat, vec, beta: beta, alpha: alpha)
        guard isRecording([input, mat, vec]) else { return out }
        let mi = TensorMeta(input)
        return try record("AddmvBackward0", [input, mat, vec], out, save: [mat, vec],
                          attributes: [("alpha", .scalar(alpha)), ("beta", .scalar(beta)), ("mat", .tensor(0)), ("vec", .tensor(1))]) { ctx in
            let g = ctx.grad
            return [ctx.needs(0) ? try reduce(try scaled(g, beta), to: mi) : nil,
                    ctx.needs(1) ? try scaled(try outer(g, try ctx.saved(1)), alpha) : nil,
                    ctx.needs(2) ? try scaled(try mv(try t(try ctx.saved(0)), g), alpha) : nil]
        }
    }

    public static func addr(_ input: Tensor, _ vec1: Tensor, _ vec2: Tensor, beta: Scalar = .int(1), alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        let out = try Tensor.addr(input, vec1, vec2, beta: beta, alpha: alpha)
        guard isRecording([input, vec1, vec2]) else { return out }
        let mi = TensorMeta(input)
        return try record("AddrBackward0", [input, vec1, vec2], out, save: [vec1, vec2],
                          attributes: [("alpha", .scalar(alpha)), ("beta", .scalar(beta)), ("vec1", .tensor(0)), ("vec2", .tensor(1))]) { ctx in
            let g = ctx.grad
            return [ctx.needs(0) ? try reduce(try scaled(g, beta), to: mi) : nil,
                    ctx.needs(1) ? try scaled(try mv(g, try ctx.saved(1)), alpha) : nil,
                    ctx.needs(2) ? try scaled(try mv(try t(g), try ctx.saved(0)), alpha) : nil]
        }
    }

    public static func baddbmm(_ input: Tensor, _ b1: Tensor, _ b2: Tensor, beta: Scalar = .int(1), alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        let out = try Tensor.baddbmm(input, b1, b2, beta: beta, alpha: alpha)
        guard isRecording([input, b1, b2]) else { return out }
        let mi = TensorMeta(input)
        return try record("BaddbmmBackward0", [input, b1, b2], out, save: [b1, b2],
                          attributes: [("alpha", .scalar(alpha)), ("batch1", .tensor(0)), ("batch2", .tensor(1)), ("beta", .scalar(beta))]) { ctx in
            let g = ctx.grad
            return [ctx.needs(0) ? try reduce(try scaled(g, beta), to: mi) : nil,
                    ctx.needs(1) ? try scaled(try bmm(g, try transpose(try ctx.saved(1), 1, 2)), alpha) : nil,
                    ctx.needs(2) ? try scaled(try bmm(try transpose(try ctx.saved(0), 1, 2), g), alpha) : nil]
        }
    }

    public static func addbmm(_ input: Tensor, _ b1: Tensor, _ b2: Tensor, beta: Scalar = .int(1), alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        let out = try Tensor.addbmm(input, b1, b2, beta: beta, alpha: alpha)
        guard isRecording([input, b1, b2]) else { return out }
        let mi = TensorMeta(input)
        let (nb, n, m) = (b1.sizes[0], b1.sizes[1], b2.sizes[2])
        return try record("AddbmmBackward0", [input, b1, b2], out, save: [b1, b2],
                          attributes: [("alpha", .scalar(alpha)), ("batch1", .tensor(0)), ("batch1_sym_argsize_0", .int(b1.sizes[0])),
                                       ("batch1_sym_argsize_1", .int(b1.sizes[1])), ("batch2", .tensor(1)),
                                       ("batch2_sym_argsize_2", .int(b2.sizes[2])), ("beta", .scalar(beta))]) { ctx in
            let g = ctx.grad
            return [ctx.needs(0) ? try reduce(try scaled(g, beta), to: mi) : nil,
                    ctx.needs(1) ? try scaled(try bmm(try expand(try unsqueeze(g, 0), [nb, n, m]), try transpose(try ctx.saved(1), 1, 2)), alpha) : nil,
                    ctx.needs(2) ? try scaled(try bmm(try transpose(try ctx.saved(0), 1, 2), try expand(try unsqueeze(g, 0), [nb, n, m])), alpha) : nil]
        }
    }
}

/// `Tensor.unfold` (a view, UnfoldBackward0) and `torch.fill` (FillBackward0 for a number,
/// FillBackward1 for a 0-dim tensor value, whose gradient is the sum).
extension Differentiable {
    public static func unfold(_ x: Tensor, dim: Int, size: Int, step: Int) throws(TensorError) -> Tensor {
        let out = try x.unfoldWindows(dim: dim, size: size, step: step)
        guard isRecording(x) else { return untrackedView(x, out) }
        let mx = TensorMeta(x)
        let d = x.rank == 0 ? 0 : try Shape.wrapDim(dim, rank: x.rank)
        let windows = x.rank == 0 ? 1 : out.sizes[d]
        func unfoldBackwardValue(_ g: Tensor) throws(TensorError) -> Tensor {
            let total = try Tensor.zeros(mx.sizes.isEmpty ? [1] : mx.sizes, dtype: g.dtype, device: g.device)
            for w in 0..<windows {
                let piece = mx.sizes.isEmpty ? try g.reshape([size]) : try g.select(d, w).movedim(g.rank - 2, d)
                let target = try total.narrow(mx.sizes.isEmpty ? 0 : d, start: w * step, length: size)
                _ = try target.copy_(try target.add(piece))
            }
            return mx.sizes.isEmpty ? try total.reshape([]) : total
        }
        return recordView("UnfoldBackward0", x, out, attributes: [("dimension", .int(dim)), ("self_sym_sizes", .ints(mx.sizes)),
                                                                 ("size", .int(size)), ("step", .int(step))]) { ctx in
            if mx.sizes.isEmpty { return [try unfoldBackwardValue(ctx.grad.detach())] }
            // unfold_backward(grad, sizes, dim, size, step): UnfoldBackwardBackward0 over grad
            // under create_graph, whose gradient is grad.unfold(dim, size, step).
            return [try backwardFunction("UnfoldBackwardBackward0", [ctx.grad], save: [], value: { () throws(TensorError) in
                try unfoldBackwardValue(ctx.grad.detach())
            }) { c2 in [c2.needs(0) ? try unfold(c2.grad, dim: d, size: size, step: step) : nil] }]
        }
    }

    public static func fill(_ x: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        let out = try Tensor.full(x.sizes, value, dtype: x.dtype, device: x.device)
        guard isRecording(x) else { return out }
        return record("FillBackward0", [x], out) { ctx in [try ctx.grad.zerosLike()] }
    }

    public static func fill(_ x: Tensor, _ value: Tensor) throws(TensorError) -> Tensor {
        if value.rank != 0 {
            throw .runtime("fill_ only supports 0-dimension value tensor but got tensor with \(value.rank) dimensions.")
        }
        let out = try Tensor.full(x.sizes, try value.item(), dtype: x.dtype, device: x.device)
        guard isRecording(x, value) else { return out }
        let mv = TensorMeta(value)
        return record("FillBackward1", [x, value], out) { ctx in
            [ctx.needs(0) ? try ctx.grad.zerosLike() : nil, ctx.needs(1) ? try reduce(try sum(ctx.grad), to: mv) : nil]
        }
    }
}
