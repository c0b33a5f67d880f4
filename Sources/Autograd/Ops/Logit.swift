import Tensors

/// `torch.logit(x, eps)`: one LogitBackward0 node, as PyTorch records it, whose gradient
/// is derivatives.yaml's `infinitely_differentiable_logit_backward` (the `logit_backward`
/// kernel computes the same values outside grad mode): `grad / (x * (1 - x))` inside
/// `[eps, 1 - eps]` and 0 outside it, or inside `[0, 1]` and NaN outside when eps is None.
extension Differentiable {
    public static func logit(_ x: Tensor, eps: Double?) throws(TensorError) -> Tensor {
        let xd = x.detach()
        let out: Tensor
        if let fused = try Tensor.logitKernel(xd, eps: eps) {
            out = fused
        } else {
            let clamped = try eps.map { e throws(TensorError) in try xd.clamp(min: .float(e), max: .float(1 - e)) } ?? xd
            out = try clamped.div(try clamped.rsubScalar(1)).log()
        }
        guard isRecording(x) else { return out }
        return try record("LogitBackward0", [x], out, save: [x]) { ctx in
            let x = try ctx.saved(0)
            let lo: Scalar = .float(eps ?? 0), hi: Scalar = .float(eps.map { 1 - $0 } ?? 1)
            let inside = try x.detach().ge(lo).logicalAnd(try x.detach().le(hi))
            // `1 - self` as ATen's C++ writes it (SubBackward0 over nothing and self).
            let d = try div(ctx.grad, try mul(x, try scalarMinus(.float(1.0), x)))
            return [try `where`(inside, d, eps == nil ? Scalar.float(.nan) : Scalar.int(0))]
        }
    }
}
