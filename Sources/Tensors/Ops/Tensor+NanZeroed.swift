extension Tensor {
    /// A copy with every NaN read as zero and the same sizes and strides (a broadcast dim
    /// stays stride 0, a slice keeps its step), or nil where that layout is not worth
    /// copying (negative strides, a view spanning much more memory than it holds).
    ///
    /// `nansum` is PyTorch's `sum` kernel with NaN loaded as zero: the order of additions
    /// depends on the input's strides, so the zeroed operand must keep them; a dense copy
    /// (what `where(isnan(x), 0, x)` gives) adds an expanded or sliced input in another order.
    public func nanZeroedKeepingLayout() throws(TensorError) -> Tensor? {
        guard device == .cpu, dtype == .float32 || dtype == .float64, numel > 0,
              strides.allSatisfy({ $0 >= 0 }) else { return nil }
        var span = 1
        for d in sizes.indices { span += (sizes[d] - 1) * strides[d] }
        guard span <= 4 * numel + 4096 else { return nil }
        let flat = try Tensor(empty: [span], dtype: dtype)
        func copy<T: RealElement>(_ t: T.Type) {
            let from = pointer(T.self), to = flat.pointer(T.self)
            for i in 0..<span { let v = from[i]; to[i] = v.isNaN ? 0 : v }
        }
        if dtype == .float32 { copy(Float.self) } else { copy(Double.self) }
        return Tensor(storage: flat.storage, sizes: sizes, strides: strides, offset: 0, dtype: dtype)
    }
}
