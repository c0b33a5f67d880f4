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
        return try record("LogitBackward0", [x], out, save: [x],
                          attributes: [("eps", eps.map { .scalar(.float($0)) } ?? .none), ("self", .tensor(0))]) { ctx in
            let x = try ctx.saved(0)
            let (lo, hi) = logitBounds(eps, x.dtype)
            if !GradMode.current.isEnabled,
               let exact = try Tensor.logitBackwardKernel(ctx.grad, x.detach(), eps: eps, lo: lo.doubleValue, hi: hi.doubleValue) {
                return [exact]
            }
            // logit_backward's `(x < lo || x > hi) ? fill : dy / (x * (1 - x))`: a NaN x is not
            // outside, so its gradient is NaN, not the fill.
            let outside = try x.detach().lt(lo).logicalOr(try x.detach().gt(hi))
            // `1 - self` as ATen's C++ writes it (SubBackward0 over nothing and self).
            let d = try div(ctx.grad, try mul(x, try scalarMinus(.float(1.0), x)))
            return [try `where`(try outside.unary(.logicalNot), d, eps == nil ? Scalar.float(.nan) : Scalar.int(0))]
        }
    }

    /// logit_backward's bounds in the element type: `lo = eps`, `hi = scalar_t(1) - eps`
    /// (float arithmetic for float32 and the reduced types, rounded to the element type, so a
    /// bfloat16 `1 - 1e-6` is 1 and x = 1 lies inside); [0, 1] without eps.
    static func logitBounds(_ eps: Double?, _ dtype: DType) -> (Scalar, Scalar) {
        guard let eps else { return (.float(0), .float(1)) }
        func round(_ v: Double) -> Double {
            switch dtype {
            case .float64: v
            case .float16: Double(Float16(Float(v)))
            case .bfloat16: Double(BFloat16(Float(v)).float)
            default: Double(Float(v))
            }
        }
        let lo = round(eps)
        let hi = dtype == .float64 ? 1 - lo : round(Double(1 - Float(lo)))
        return (.float(lo), .float(hi))
    }
}
