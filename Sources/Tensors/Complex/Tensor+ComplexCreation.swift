/// Making complex tensors: from host values, and from real and imaginary parts.
extension Tensor {
    /// A tensor of the given shape holding `values` in row-major order, converted to `dtype`
    /// (a real dtype keeps the real parts, as a cast from complex does).
    public convenience init(complexValues values: [Complex128], shape: [Int], dtype: DType = .complex64,
                            device: Device = .cpu) throws(TensorError) {
        try self.init(empty: shape, dtype: dtype, device: device)
        precondition(values.count == numel, "values do not fill the shape")
        try fillFromHost(values)
    }
}
