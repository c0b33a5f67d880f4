import Tensors

/// `cat`, `stack`, `split`, `chunk`, `unbind`: joining sends each input its slice of the
/// gradient; splitting joins the outputs' gradients back (zeros where none arrived).
extension Differentiable {
    /// `torch.cat(tensors, dim)`: CatBackward0 with one edge per input.
    public static func cat(_ tensors: [Tensor], dim: Int = 0) throws(TensorError) -> Tensor {
        let out = try Tensor.cat(tensors, dim: dim)
        guard isRecording(tensors) else { return out }
        let d = try Shape.wrapDim(dim, rank: out.rank)
        let metas = tensors.map(TensorMeta.init)
        let outRank = out.rank
        return record("CatBackward0", tensors, out, attributes: [("dim", .int(dim))]) { ctx in
            var offset = 0
            var grads: [Tensor?] = []
            for (i, m) in metas.enumerated() {
                // Legacy empty 1-D inputs take no part in the result.
                if m.sizes == [0] && outRank != 1 { grads.append(nil); continue }
                let len = m.sizes[d]
                grads.append(ctx.needs(i) ? try reduce(try slice(ctx.grad, d, start: offset, end: offset + len), to: m) : nil)
                offset += len
            }
            return grads
        }
    }

    /// `torch.stack(tensors, dim)`: StackBackward0.
    public static func stack(_ tensors: [Tensor], dim: Int = 0) throws(TensorError) -> Tensor {
        let out = try Tensor.stack(tensors, dim: dim)
        guard isRecording(tensors) else { return out }
        let d = try Shape.wrapDim(dim, rank: out.rank)
        let metas = tensors.map(TensorMeta.init)
        return record("StackBackward0", tensors, out, attributes: [("dim", .int(dim))]) { ctx in
            try metas.enumerated().map { i, m throws in
                ctx.needs(i) ? try reduce(try select(ctx.grad, d, i), to: m) : nil
            }
        }
    }

    /// `split(size, dim)` (SplitBackward0) and `chunk` (which PyTorch computes with split).
    public static func split(_ x: Tensor, size: Int, dim: Int = 0) throws(TensorError) -> [Tensor] {
        try recordParts(x, try x.split(size, dim: dim), dim: dim, name: "SplitBackward0", shown: ("split_size", .int(size)))
    }

    /// `split([sizes], dim)`: SplitWithSizesBackward0.
    public static func split(_ x: Tensor, sizes: [Int], dim: Int = 0) throws(TensorError) -> [Tensor] {
        try recordParts(x, try x.split(sizes: sizes, dim: dim), dim: dim, name: "SplitWithSizesBackward0", shown: ("split_sizes", .ints(sizes)))
    }

    /// `chunk(chunks, dim)`.
    public static func chunk(_ x: Tensor, _ chunks: Int, dim: Int = 0) throws(TensorError) -> [Tensor] {
        // chunk is split with size ceil(n / chunks), which the node shows.
        let n = x.rank == 0 ? 0 : x.sizes[(try? Shape.wrapDim(dim, rank: x.rank)) ?? 0]
        return try recordParts(x, try x.chunk(chunks, dim: dim), dim: dim, name: "SplitBackward0",
                               shown: ("split_size", .int(chunks > 0 ? (n + chunks - 1) / chunks : 0)))
    }

    /// `shown`: the split size(s) the node shows besides `dim` and `self_sym_sizes`.
    static func recordParts(_ x: Tensor, _ parts: [Tensor], dim: Int, name: String,
                            shown: (String, SavedAttribute)? = nil) throws(TensorError) -> [Tensor] {
        guard isRecording(x) else { return parts.map { untrackedView(x, $0) } }
        let d = try Shape.wrapDim(dim, rank: x.rank)
        let attributes: [(String, SavedAttribute)] = shown.map { [("dim", .int(dim)), ("self_sym_sizes", .ints(x.sizes)), $0] } ?? []
        return try splitParts(x, parts.map { $0.sizes[d] }, dim: d, name: name, parts: parts, attributes: attributes)
    }

    static func splitParts(_ x: Tensor, _ sizes: [Int], dim d: Int, name: String, parts: [Tensor],
                           attributes: [(String, SavedAttribute)] = []) throws(TensorError) -> [Tensor] {
        let mx = TensorMeta(x)
        let outs = recordMulti(name, [x], parts, attributes: attributes) { ctx in
            var pieces: [Tensor] = []
            for (i, g) in ctx.grads.enumerated() {
                if let g { pieces.append(g); continue }
                var shape = mx.sizes
                shape[d] = sizes[i]
                pieces.append(try Tensor.zeros(shape, dtype: mx.dtype, device: ctx.anyGrad.device))
            }
            return [try cat(pieces, dim: d)]
        }
        for o in outs { markView(o, of: x, multiOutput: true) }
        return outs
    }

    /// `unbind(dim)`: UnbindBackward0.
    public static func unbind(_ x: Tensor, dim: Int = 0) throws(TensorError) -> [Tensor] {
        let parts = try x.unbind(dim: dim)
        guard isRecording(x) else { return parts.map { untrackedView(x, $0) } }
        let d = try Shape.wrapDim(dim, rank: x.rank)
        let mx = TensorMeta(x)
        var partShape = mx.sizes
        partShape.remove(at: d)
        let outs = recordMulti("UnbindBackward0", [x], parts, attributes: [("dim", .int(dim))]) { ctx in
            let pieces = try ctx.grads.map { g throws in
                try g ?? Tensor.zeros(partShape, dtype: mx.dtype, device: ctx.anyGrad.device)
            }
            return [try stack(pieces, dim: d)]
        }
        for o in outs { markView(o, of: x, multiOutput: true) }
        return outs
    }
}

extension BackwardContext {
    /// Some gradient that arrived (multi-output nodes run only when one did).
    var anyGrad: Tensor { grads.first { $0 != nil }!! }
}

