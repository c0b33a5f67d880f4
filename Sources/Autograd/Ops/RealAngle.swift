import Tensors

/// `angle()` of real numbers: π for negatives, 0 otherwise, NaN kept (AngleBackward0,
/// whose gradient for real inputs is zero everywhere).
extension Differentiable {
    public static func angle(_ x: Tensor) throws(TensorError) -> Tensor {
        if x.dtype.isComplex { return try complexAngle(x) }
        let outType: DType = x.dtype.isFloatingPoint ? x.dtype : .float32
        let values = try x.contiguous().elementsAsDouble().map { v -> Double in v.isNaN ? v : (v < 0 ? Double.pi : 0) }
        let out = try Tensor(values: values, shape: x.sizes, dtype: outType, device: x.device)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return record("AngleBackward0", [x], out) { ctx in
            [try Tensor.zeros(mx.sizes, dtype: mx.dtype, device: ctx.grad.device)]
        }
    }
}
