/// `torch.normal` with tensor arguments, composed as PyTorch composes it: draw standard (or
/// `std`-scaled) normals into the output, then scale and shift with ordinary tensor ops, so
/// the roundings match.
extension Tensor {
    /// `torch.normal(mean, std)` with both tensors: shape broadcast, dtype of `mean`.
    public static func normal(mean: Tensor, std: Tensor, generator: CPUGenerator) throws(TensorError) -> Tensor {
        try checkAllNonNegative(std)
        let out = try Tensor(empty: Shape.broadcast(mean.sizes, std.sizes), dtype: mean.dtype, device: mean.device)
        try out.normal_(mean: 0, std: 1, generator: generator)
        try out.binaryInPlace(.mul, std)
        return try out.binaryInPlace(.add, mean)
    }

    /// `torch.normal(mean, std)` with a tensor mean: `normal_(0, std)` then `add_(mean)`.
    public static func normal(mean: Tensor, std: Double, generator: CPUGenerator) throws(TensorError) -> Tensor {
        let out = try Tensor(empty: mean.sizes, dtype: mean.dtype, device: mean.device)
        try out.normal_(mean: 0, std: std, generator: generator)
        return try out.binaryInPlace(.add, mean)
    }

    /// `torch.normal(mean, std)` with a tensor std: `normal_(0, 1)`, `mul_(std)`, `add_(mean)`.
    public static func normal(mean: Double, std: Tensor, generator: CPUGenerator) throws(TensorError) -> Tensor {
        try checkAllNonNegative(std)
        let out = try Tensor(empty: std.sizes, dtype: std.dtype, device: std.device)
        try out.normal_(mean: 0, std: 1, generator: generator)
        try out.binaryInPlace(.mul, std)
        return try out.binaryInPlace(.add, .float(mean))
    }

    private static func checkAllNonNegative(_ std: Tensor) throws(TensorError) {
        if try std.elementsAsDouble().contains(where: { $0 < 0 }) {
            throw .runtime("normal expects all elements of std >= 0.0")
        }
    }
}
