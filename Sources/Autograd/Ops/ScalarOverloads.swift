import Tensors

/// `mul.Scalar` and `div.Scalar`: what ATen's own C++ compositions call when they scale
/// by a double (`trapezoid`, `cumulative_trapezoid`), recorded as MulBackward1 and
/// DivBackward1, where Python's `x * 2` wraps the number and records MulBackward0.
extension Differentiable {
    public static func mulScalarOverload(_ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        let out = try a.mul(b)
        guard isRecording(a) else { return out }
        let ma = TensorMeta(a)
        return record("MulBackward1", [a], out, attributes: [("other", .scalar(b))]) { ctx in [try reduce(try mul(ctx.grad, conjugatedScalar(b)), to: ma)] }
    }

    /// `s - x` as ATen's C++ writes it (`empty_like(x).fill_(s).sub_(x)`): SubBackward0 over
    /// (nothing, x), where Python's `1 - x` is `rsub` (RsubBackward1).
    public static func scalarMinus(_ s: Scalar, _ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.binary(.sub, s, reflected: true)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return record("SubBackward0", [nil, x], out) { ctx in [nil, try reduce(try neg(ctx.grad), to: mx)] }
    }

    /// `x - s` (`sub.Scalar`): SubBackward1.
    public static func subScalarOverload(_ x: Tensor, _ s: Scalar) throws(TensorError) -> Tensor {
        let out = try x.sub(s)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return record("SubBackward1", [x], out) { ctx in [try reduce(ctx.grad, to: mx)] }
    }

    public static func divScalarOverload(_ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        let out = try a.div(b)
        guard isRecording(a) else { return out }
        let ma = TensorMeta(a)
        return record("DivBackward1", [a], out) { ctx in [try reduce(try div(ctx.grad, b), to: ma)] }
    }
}
