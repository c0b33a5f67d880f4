/// `Tensor.unfold(dimension, size, step)`: a view whose new last dim walks each window of
/// `size` elements along `dimension`, windows `step` apart (strides, no copy).
extension Tensor {
    public func unfoldWindows(dim: Int, size: Int, step: Int) throws(TensorError) -> Tensor {
        let d = rank == 0 ? 0 : try Shape.wrapDim(dim, rank: rank)
        let length = rank == 0 ? 1 : sizes[d]
        if size > length { throw .runtime("maximum size for tensor at dimension \(d) is \(length) but size is \(size)") }
        if step <= 0 { throw .runtime("step is \(step) but must be > 0") }
        if size < 0 { throw .runtime("size is \(size) but must be >= 0") }
        if rank == 0 { return view(sizes: [size], strides: [1], offset: offset) }
        var newSizes = sizes, newStrides = strides
        newSizes[d] = (length - size) / step + 1
        newStrides[d] = strides[d] * step
        newSizes.append(size)
        newStrides.append(strides[d])
        return view(sizes: newSizes, strides: newStrides, offset: offset)
    }
}
