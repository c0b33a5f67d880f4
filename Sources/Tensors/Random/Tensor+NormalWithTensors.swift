/// `torch.normal` with tensor arguments, composed as PyTorch composes it: draw standard (or
/// `std`-scaled) normals into the output, then scale and shift with ordinary tensor ops, so
/// the roundings match. With `out=`, the draws land in the caller's tensor as it is laid
/// out (a sliced or transposed `out` takes `normal_`'s one-at-a-time path in memory order).
extension Tensor {
    /// `torch.normal(mean, std)` with both tensors: shape broadcast, dtype of `mean`.
    public static func normal(mean: Tensor, std: Tensor, out: Tensor? = nil, generator: CPUGenerator) throws(TensorError) -> Tensor {
        try checkAllNonNegative(std)
        let result = try outputForRandom(out, Shape.broadcast(mean.sizes, std.sizes), dtype: mean.dtype, device: mean.device)
        try result.normal_(mean: 0, std: 1, generator: generator)
        try result.binaryInPlace(.mul, std)
        return try result.binaryInPlace(.add, mean)
    }

    /// `torch.normal(mean, std)` with a tensor mean: `normal_(0, std)` then `add_(mean)`.
    /// With `out=`, ATen broadcasts `mean` with out's current shape (`empty_like(output)`
    /// stands in for the std tensor), so a mismatching `out` is an error, not a resize.
    public static func normal(mean: Tensor, std: Double, out: Tensor? = nil, generator: CPUGenerator) throws(TensorError) -> Tensor {
        guard std >= 0 else { throw .runtime("normal expects std >= 0.0, but found std \(cppNumberText(std))") }
        let shape = try out.map { o throws(TensorError) in try Shape.broadcast(mean.sizes, o.sizes) } ?? mean.sizes
        let result = try outputForRandom(out, shape, dtype: mean.dtype, device: mean.device)
        try result.normal_(mean: 0, std: std, generator: generator)
        return try result.binaryInPlace(.add, mean)
    }

    /// `torch.normal(mean, std)` with a tensor std: `normal_(0, 1)`, `mul_(std)`, `add_(mean)`.
    public static func normal(mean: Double, std: Tensor, out: Tensor? = nil, generator: CPUGenerator) throws(TensorError) -> Tensor {
        try checkAllNonNegative(std)
        let result = try outputForRandom(out, std.sizes, dtype: std.dtype, device: std.device)
        try result.normal_(mean: 0, std: 1, generator: generator)
        try result.binaryInPlace(.mul, std)
        return try result.binaryInPlace(.add, .float(mean))
    }

    /// The tensor a sampler writes: `out` (resized to `sizes` if its shape differs, as
    /// `resize_output` does, keeping its dtype), or a fresh contiguous one.
    public static func outputForRandom(_ out: Tensor?, _ sizes: [Int], dtype: DType, device: Device) throws(TensorError) -> Tensor {
        guard let out else { return try Tensor(empty: sizes, dtype: dtype, device: device) }
        if out.sizes != sizes { out.setData(try Tensor(empty: sizes, dtype: out.dtype, device: out.device)) }
        return out
    }

    private static func checkAllNonNegative(_ std: Tensor) throws(TensorError) {
        if try std.elementsAsDouble().contains(where: { $0 < 0 }) {
            throw .runtime("normal expects all elements of std >= 0.0")
        }
    }
}
