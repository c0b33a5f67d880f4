import Tensors

/// `as_strided(size, stride, storage_offset)`: a view with any geometry over the input's
/// storage (AsStridedBackward0).
extension Differentiable {
    /// The gradient is added, element by element, at the storage positions the view reads
    /// (overlapping windows accumulate), then read back at the input's own positions.
    public static func asStrided(_ x: Tensor, sizes: [Int], strides: [Int], offset: Int?) throws(TensorError) -> Tensor {
        let out = try x.asStrided(sizes, strides, offset: offset)
        guard isRecording(x) else { return untrackedView(x, out) }
        let inSizes = x.sizes, inStrides = x.strides, inOffset = x.offset
        let outOffset = offset ?? x.offset
        return recordView("AsStridedBackward0", x, out) { ctx in
            let outPositions = storagePositions(sizes, strides, outOffset)
            let inPositions = storagePositions(inSizes, inStrides, inOffset)
            let extent = Swift.max(outPositions.max() ?? 0, inPositions.max() ?? 0) + 1
            let storage = try Tensor.zeros([extent], dtype: ctx.grad.dtype, device: ctx.grad.device)
            if !outPositions.isEmpty {
                let index = try Tensor(values: outPositions.map(Int64.init), shape: [outPositions.count], device: ctx.grad.device)
                let values = try ctx.grad.contiguous().reshape([-1])
                // as_strided_backward: a view whose elements never share storage copies the
                // gradient into place (keeping -0.0); overlapping windows `index_add_` it.
                if Set(outPositions).count == outPositions.count {
                    try storage.scatter_(0, index, values)
                } else {
                    try storage.scatterAdd_(0, index, values)
                }
            }
            let back = try Tensor(values: inPositions.map(Int64.init), shape: [inPositions.count], device: ctx.grad.device)
            return [try storage.indexSelect(0, back).reshape(inSizes)]
        }
    }

    /// The storage position of every element of a geometry, in row-major order.
    static func storagePositions(_ sizes: [Int], _ strides: [Int], _ offset: Int) -> [Int] {
        var positions = [offset]
        for (size, stride) in zip(sizes, strides) {
            var next: [Int] = []
            next.reserveCapacity(positions.count * size)
            for p in positions { for i in 0..<size { next.append(p + i * stride) } }
            positions = next
        }
        return positions
    }
}

extension Differentiable {
    /// `as_strided_scatter(src, size, stride, storage_offset)`: a clone of the input with
    /// `src` written through that geometry (AsStridedScatterBackward0). The gradients are
    /// those PyTorch 2.15 gives: `src` reads the gradient through the geometry; the input
    /// keeps the gradient at the positions the geometry covers and zero elsewhere.
    public static func asStridedScatter(_ x: Tensor, _ src: Tensor, sizes: [Int], strides: [Int], offset: Int?) throws(TensorError) -> Tensor {
        let out = try x.contiguous().clone()
        let slice = try out.asStrided(sizes, strides, offset: offset ?? out.offset)
        if slice.sizes != src.sizes {
            throw .runtime("expected src to have a size equal to the slice of self. src size = \(Shape.describe(src.sizes)), slice size = \(Shape.describe(slice.sizes))")
        }
        _ = try slice.copy_(src)
        guard isRecording(x, src) else { return out }
        let mx = TensorMeta(x), ms = TensorMeta(src)
        return record("AsStridedScatterBackward0", [x, src], out) { ctx in
            let g = try ctx.grad.contiguous()
            let region = try g.asStrided(sizes, strides, offset: g.offset + (offset ?? 0))
            var gx: Tensor? = nil
            if ctx.needs(0) {
                let kept = try Tensor.zeros(mx.sizes, dtype: g.dtype, device: g.device)
                _ = try kept.asStrided(sizes, strides, offset: kept.offset + (offset ?? 0)).copy_(region)
                gx = kept
            }
            return [gx, ctx.needs(1) ? try reduce(try region.contiguous(), to: ms) : nil]
        }
    }
}
