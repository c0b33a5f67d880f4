import Tensors

/// Copies and conversions: `to`, `clone`, `contiguous`, `detach`.
extension Differentiable {
    /// `to(dtype)`: the input itself when nothing changes, else a copy (ToCopyBackward0).
    public static func to(_ x: Tensor, _ dtype: DType, copy: Bool = false) throws(TensorError) -> Tensor {
        if dtype == x.dtype && !copy { return x }
        let out = try x.to(dtype, copy: copy)
        guard isRecording(x) else { return out }
        if !dtype.isFloatingPoint && !dtype.isComplex { return out }
        let inType = x.dtype
        // _to_copy_backward: a complex gradient of a real input keeps its real part.
        return record("ToCopyBackward0", [x], out) { ctx in [try to(try handleRToC(inType, ctx.grad), inType)] }
    }

    /// `to(device)`: ToCopyBackward0 across devices.
    public static func to(_ x: Tensor, device: Device, copy: Bool = false) throws(TensorError) -> Tensor {
        if device == x.device && !copy { return x }
        let out = try x.to(device: device, copy: copy)
        guard isRecording(x) else { return out }
        let inDevice = x.device
        return record("ToCopyBackward0", [x], out) { ctx in [try to(ctx.grad, device: inDevice)] }
    }

    public static func clone(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.clone()
        guard isRecording(x) else { return out }
        return record("CloneBackward0", [x], out) { ctx in [ctx.grad] }
    }

    /// `clone(memory_format=torch.contiguous_format)`: a row-major copy (CloneBackward0).
    public static func contiguousCopy(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.contiguousCopy()
        guard isRecording(x) else { return out }
        return record("CloneBackward0", [x], out) { ctx in [ctx.grad] }
    }

    /// `contiguous()`: the input itself when already contiguous, else a row-major clone.
    public static func contiguous(_ x: Tensor) throws(TensorError) -> Tensor {
        if x.isContiguous { return x }
        return try contiguousCopy(x)
    }

    /// `detach()`.
    public static func detach(_ x: Tensor) -> Tensor { x.detach() }
}
