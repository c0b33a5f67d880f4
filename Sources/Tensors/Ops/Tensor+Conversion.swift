/// Copies, dtype and device conversion, and whole-tensor writes.
extension Tensor {
    var backend: DeviceBackend { get throws(TensorError) { storage.backend } }

    /// `to(dtype)`: self when the dtype already matches, else a converted copy laid out as
    /// `_to_copy` lays it out (`preserve_format`: a transposed source gives a transposed copy).
    public func to(_ dtype: DType, copy: Bool = false) throws(TensorError) -> Tensor {
        if dtype == self.dtype && !copy { return self }
        let out = try emptyPreservingLayout(dtype: dtype)
        try backend.copyCast(from: self, into: out)
        return out
    }

    /// `to(device)`: self when already there, else a contiguous copy on `device`.
    public func to(device: Device, copy: Bool = false) throws(TensorError) -> Tensor {
        if device == self.device && !copy { return self }
        if device == self.device { return try clone() }
        let src = try contiguous()
        let out = try Tensor(empty: sizes, dtype: dtype, device: device)
        let bytes = numel * dtype.itemSize
        let from = src.storage.data + src.offset * dtype.itemSize
        if self.device == .cpu {
            try Backends.backend(for: device).copyFromHost(from, out.storage.data, byteCount: bytes)
        } else if device == .cpu {
            src.storage.backend.copyToHost(from, out.storage.data, byteCount: bytes)
        } else {
            let host = try src.to(device: .cpu)
            return try host.to(device: device)
        }
        return out
    }

    /// `contiguous()`: self when already row-major, else a row-major copy.
    public func contiguous() throws(TensorError) -> Tensor {
        if isContiguous { return self }
        return try contiguousCopy()
    }

    /// `clone()`: a copy with its own storage, laid out as `empty_like` with
    /// `preserve_format` (a transposed source gives a transposed copy).
    public func clone() throws(TensorError) -> Tensor {
        if device != .cpu { return try contiguousCopy() }
        let out = try emptyPreservingLayout()
        try backend.copyCast(from: self, into: out)
        return out
    }

    /// `clone(memory_format=torch.contiguous_format)`: a row-major copy.
    public func contiguousCopy() throws(TensorError) -> Tensor {
        let out = try Tensor(empty: sizes, dtype: dtype, device: device)
        try backend.copyCast(from: self, into: out)
        return out
    }

    /// A copy laid out with `strides` (dense), as autograd's `new_empty_strided(...).copy_()`.
    public func copy(withStrides strides: [Int]) throws(TensorError) -> Tensor {
        if device != .cpu { return try contiguousCopy() }
        let out = try Tensor(empty: sizes, strides: strides, dtype: dtype, device: device)
        try backend.copyCast(from: self, into: out)
        return out
    }

    /// `copy_(src)`: writes `src` (broadcast to this shape, converted to this dtype) in place.
    @discardableResult
    public func copy_(_ source: Tensor) throws(TensorError) -> Tensor {
        var src = try source.expand(to: sizes, forCopyInto: true)
        if src.device != device { src = try src.to(device: device) }
        if src.storage === storage { src = try src.clone() }
        try backend.copyCast(from: src, into: self)
        bumpVersion()
        return self
    }

    /// `fill_(value)`.
    @discardableResult
    public func fill_(_ value: Scalar) throws(TensorError) -> Tensor {
        try backend.fill(self, with: value)
        bumpVersion()
        return self
    }

    /// `fill_(tensor)` with a 0-dim tensor value.
    @discardableResult
    public func fill_(_ value: Tensor) throws(TensorError) -> Tensor {
        if value.rank != 0 {
            throw .runtime("fill_ only supports 0-dimension value tensor but got tensor with \(value.rank) dimensions.")
        }
        return try fill_(value.item())
    }

    @discardableResult
    public func zero_() throws(TensorError) -> Tensor { try fill_(.int(0)) }
}
