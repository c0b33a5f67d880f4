import Tensors

/// `cat`, `stack`, `split`, `chunk`, `unbind`: joining sends each input its slice of the
/// gradient; splitting joins the outputs' gradients back (zeros where none arrived).
extension Differentiable {
    /// `torch.cat(tensors, dim)`: CatBackward0 with one edge per input.
    public static func cat(_ tensors: [Tensor], dim: Int = 0) throws(TensorError) -> Tensor {
        let out = try Joining.cat(tensors, dim: dim)
        guard isRecording(tensors) else { return out }
        let d = try Shape.wrapDim(dim, rank: out.rank)
        let metas = tensors.map(TensorMeta.init)
        let outRank = out.rank
        return record("CatBackward0", tensors, out) { ctx in
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
        let out = try Joining.stack(tensors, dim: dim)
        guard isRecording(tensors) else { return out }
        let d = try Shape.wrapDim(dim, rank: out.rank)
        let metas = tensors.map(TensorMeta.init)
        return record("StackBackward0", tensors, out) { ctx in
            try metas.enumerated().map { i, m throws in
                ctx.needs(i) ? try reduce(try select(ctx.grad, d, i), to: m) : nil
            }
        }
    }

    /// `split(size, dim)` (SplitBackward0) and `chunk` (which PyTorch computes with split).
    public static func split(_ x: Tensor, size: Int, dim: Int = 0) throws(TensorError) -> [Tensor] {
        let d = try Shape.wrapDim(dim, rank: x.rank)
        if size < 0 { throw .runtime("split expects split_size be non-negative, but got split_size=\(size)") }
        let n = x.sizes[d]
        var sizes: [Int] = []
        if size == 0 { if n != 0 { throw .runtime("split_size can only be 0 if dimension size is 0, but got dimension size of \(n)") }; sizes = [0] }
        else {
            var start = 0
            repeat { sizes.append(Swift.min(size, n - start)); start += size } while start < n
        }
        return try splitParts(x, sizes, dim: d, name: "SplitBackward0")
    }

    /// `split([sizes], dim)`: SplitWithSizesBackward0.
    public static func split(_ x: Tensor, sizes: [Int], dim: Int = 0) throws(TensorError) -> [Tensor] {
        let d = try Shape.wrapDim(dim, rank: x.rank)
        if sizes.reduce(0, +) != x.sizes[d] || sizes.contains(where: { $0 < 0 }) {
            throw .runtime("split_with_sizes expects split_sizes to sum exactly to \(x.sizes[d]) (input tensor's size at dimension \(d)), but got split_sizes=\(Shape.describe(sizes))")
        }
        return try splitParts(x, sizes, dim: d, name: "SplitWithSizesBackward0")
    }

    /// `chunk(chunks, dim)`.
    public static func chunk(_ x: Tensor, _ chunks: Int, dim: Int = 0) throws(TensorError) -> [Tensor] {
        if chunks <= 0 { throw .runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        let d = try Shape.wrapDim(dim, rank: x.rank)
        let n = x.sizes[d]
        let size = (n + chunks - 1) / chunks
        if size == 0 && n == 0 { return try splitParts(x, [Int](repeating: 0, count: chunks), dim: d, name: "SplitBackward0") }
        return try split(x, size: Swift.max(size, 1), dim: d)
    }

    static func splitParts(_ x: Tensor, _ sizes: [Int], dim d: Int, name: String) throws(TensorError) -> [Tensor] {
        var parts: [Tensor] = []
        var start = 0
        for s in sizes {
            parts.append(try x.narrow(d, start: start, length: s))
            start += s
        }
        guard isRecording(x) else { return parts }
        let mx = TensorMeta(x)
        let outs = recordMulti(name, [x], parts) { ctx in
            var pieces: [Tensor] = []
            for (i, g) in ctx.grads.enumerated() {
                if let g { pieces.append(g); continue }
                var shape = mx.sizes
                shape[d] = sizes[i]
                pieces.append(try Tensor.zeros(shape, dtype: mx.dtype, device: ctx.anyGrad.device))
            }
            return [try cat(pieces, dim: d)]
        }
        for o in outs { o.meta?.base = x.meta?.base ?? x }
        return outs
    }

    /// `unbind(dim)`: UnbindBackward0.
    public static func unbind(_ x: Tensor, dim: Int = 0) throws(TensorError) -> [Tensor] {
        let d = try Shape.wrapDim(dim, rank: x.rank)
        let parts = try (0..<x.sizes[d]).map { i throws(TensorError) in try x.select(d, i) }
        guard isRecording(x) else { return parts }
        let mx = TensorMeta(x)
        var partShape = mx.sizes
        partShape.remove(at: d)
        let outs = recordMulti("UnbindBackward0", [x], parts) { ctx in
            let pieces = try ctx.grads.map { g throws in
                try g ?? Tensor.zeros(partShape, dtype: mx.dtype, device: ctx.anyGrad.device)
            }
            return [try stack(pieces, dim: d)]
        }
        for o in outs { o.meta?.base = x.meta?.base ?? x }
        return outs
    }
}

extension BackwardContext {
    /// Some gradient that arrived (multi-output nodes run only when one did).
    var anyGrad: Tensor { grads.first { $0 != nil }!! }
}

/// Forward `cat`/`stack` with PyTorch's checks, written on the Tensors layer's views and
/// copies until that layer provides its own.
enum Joining {
    static func cat(_ tensors: [Tensor], dim: Int) throws(TensorError) -> Tensor {
        if tensors.isEmpty { throw .runtime("torch.cat(): expected a non-empty list of Tensors") }
        // Legacy behaviour: 1-D empty tensors are skipped.
        let parts = tensors.filter { !($0.rank == 1 && $0.sizes[0] == 0) }
        guard let first = parts.first else { return try tensors[0].clone() }
        let d = try Shape.wrapDim(dim, rank: first.rank)
        if first.rank == 0 { throw .runtime("zero-dimensional tensor (at position 0) cannot be concatenated") }
        var p = TypePromotion()
        var total = 0
        for (i, t) in parts.enumerated() {
            if t.rank == 0 { throw .runtime("zero-dimensional tensor (at position \(i)) cannot be concatenated") }
            if t.rank != first.rank {
                throw .runtime("Tensors must have same number of dimensions: got \(first.rank) and \(t.rank)")
            }
            for k in 0..<t.rank where k != d && t.sizes[k] != first.sizes[k] {
                throw .runtime("Sizes of tensors must match except in dimension \(d). Expected size \(first.sizes[k]) but got size \(t.sizes[k]) for tensor number \(tensors.firstIndex { $0 === t } ?? i) in the list.")
            }
            p.add(t)
            total += t.sizes[d]
        }
        var shape = first.sizes
        shape[d] = total
        let out = try Tensor(empty: shape, dtype: p.result, device: first.device)
        var offset = 0
        for t in parts {
            try out.narrow(d, start: offset, length: t.sizes[d]).copy_(t)
            offset += t.sizes[d]
        }
        return out
    }

    static func stack(_ tensors: [Tensor], dim: Int) throws(TensorError) -> Tensor {
        if tensors.isEmpty { throw .runtime("stack expects a non-empty TensorList") }
        let d = try Shape.wrapDim(dim, rank: tensors[0].rank + 1)
        for (i, t) in tensors.enumerated() where t.sizes != tensors[0].sizes {
            throw .runtime("stack expects each tensor to be equal size, but got \(Shape.describe(tensors[0].sizes)) at entry 0 and \(Shape.describe(t.sizes)) at entry \(i)")
        }
        return try cat(try tensors.map { t throws(TensorError) in try t.unsqueeze(d) }, dim: d)
    }
}
