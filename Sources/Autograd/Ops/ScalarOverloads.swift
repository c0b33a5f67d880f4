import Tensors

/// `mul.Scalar` and `div.Scalar`: what ATen's own C++ compositions call when they scale
/// by a double (`trapezoid`, `cumulative_trapezoid`), recorded as MulBackward1 and
/// DivBackward1, where Python's `x * 2` wraps the number and records MulBackward0.
extension Differentiable {
    public static func mulScalarOverload(_ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        let out = try a.mul(b)
        guard isRecording(a) else { return out }
        let ma = TensorMeta(a)
        return record("MulBackward1", [a], out) { ctx in [try reduce(try mul(ctx.grad, b), to: ma)] }
    }

    public static func divScalarOverload(_ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        let out = try a.div(b)
        guard isRecording(a) else { return out }
        let ma = TensorMeta(a)
        return record("DivBackward1", [a], out) { ctx in [try reduce(try div(ctx.grad, b), to: ma)] }
    }
}
