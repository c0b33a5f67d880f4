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
                try storage.scatterAdd_(0, index, try ctx.grad.contiguous().reshape([-1]))
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
