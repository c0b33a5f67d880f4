import Tensors

/// The gradients of `binary_cross_entropy` and `binary_cross_entropy_with_logits` as ATen
/// writes them (FunctionsManual.cpp), so that under `create_graph=True` they record what
/// PyTorch records:
///
/// - the input gradient of `binary_cross_entropy` is one call of ATen's
///   `binary_cross_entropy_backward`, recorded as BinaryCrossEntropyBackwardBackward0 over
///   (grad_output, self, target) with derivatives.yaml's three double-backward formulas;
/// - its target gradient, and both gradients of the `_with_logits` loss, are compositions of
///   ordinary ops (`logit(self).neg_().mul_(grad)`, `sigmoid(x).sub(t).mul(grad)`, ...),
///   recorded op by op (LogitBackward0, SigmoidBackward0, MulBackward0, DivBackward1).
///
/// Values keep ATen's operation order, so first and second derivatives round as PyTorch's.
extension Differentiable {
    static let bceEpsilon = 1e-12

    /// `binary_cross_entropy_backward(grad, self, target, weight, reduction)`: the CPU kernel
    /// `grad * (x - t) / max((1 - x) * x, EPSILON)`, then `* weight`, then `/ numel` for mean.
    static func binaryCrossEntropyBackward(_ go: Tensor, _ x: Tensor, _ t: Tensor, weight: Tensor?,
                                           reduction: LossReduction) throws(TensorError) -> Tensor {
        try backwardFunction("BinaryCrossEntropyBackwardBackward0", [go, x, t], save: [go, x, t, weight], value: { () throws(TensorError) in
            let xd = x.detach(), td = t.detach()
            let denom = try xd.rsubScalar(1).mul(xd).clamp(min: .float(bceEpsilon), max: nil)
            var r = try go.detach().mul(try xd.sub(td)).div(denom)
            if let weight { r = try r.mul(weight.detach()) }
            if reduction == .mean { r = try r.div(.int(Int64(x.numel))) }
            return r
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), x = try ctx.saved(1), t = try ctx.saved(2)
            let w: Tensor? = weight == nil ? nil : try ctx.saved(3)
            let eps = Scalar.float(bceEpsilon)
            func finish(_ r: Tensor) throws(TensorError) -> Tensor {
                var r = r
                if let w { r = try mul(r, w) }
                if reduction == .mean { r = try divScalarOverload(r, .int(Int64(x.numel))) }
                return r
            }
            // binary_cross_entropy_double_backward_grad_output
            var ggO: Tensor? = nil
            if ctx.needs(0) {
                let d = try mul(try addScalarOverload(x, eps), try addScalarOverload(try scalarMinus(.int(1), x), eps))
                ggO = try sumToSize(try finish(try mul(try div(try sub(x, t), d), gg)), go.sizes)
            }
            // binary_cross_entropy_double_backward (self)
            var gI: Tensor? = nil
            if ctx.needs(1) {
                let numerator = try add(try sub(try mul(x, x), try mul(try mulScalarOverload(x, .int(2)), t)), t)
                let d = try mul(try pow(try addScalarOverload(x, eps), .int(2)),
                                try pow(try addScalarOverload(try scalarMinus(.int(1), x), eps), .int(2)))
                gI = try finish(try mul(try div(numerator, d), try mul(gg, go)))
            }
            // binary_cross_entropy_double_backward_target
            var gT: Tensor? = nil
            if ctx.needs(2) {
                var r = try mul(try neg(gg), go)
                if let w { r = try mul(r, w) }
                let denom = try mul(try scalarMinus(.int(1), x), x)
                // ATen clamps the denominator in place under NoGradGuard: the value is clamped,
                // the graph stays that of (1 - x) * x.
                try GradMode.withGradMode(false) { () throws(TensorError) in _ = try clamp_(denom, min: eps, max: nil) }
                r = try div(r, denom)
                if reduction == .mean { r = try divScalarOverload(r, .int(Int64(t.numel))) }
                gT = r
            }
            return [ggO, gI, gT]
        }
    }

    /// `binary_cross_entropy_target_backward`: `logit(self).neg_().mul_(grad)`, `* weight`,
    /// `/ numel` for mean.
    static func binaryCrossEntropyTargetBackward(_ g: Tensor, _ x: Tensor, _ t: Tensor, weight: Tensor?,
                                                 reduction: LossReduction) throws(TensorError) -> Tensor {
        var r = try mul(try neg(try logitNode(x)), g)
        if let weight { r = try mul(r, weight) }
        if reduction == .mean { r = try divScalarOverload(r, .int(Int64(t.numel))) }
        return r
    }

    /// `at::logit(self)` without eps: `log(x / (1 - x))`, LogitBackward0, whose gradient under
    /// grad mode is `infinitely_differentiable_logit_backward`: `grad / (x * (1 - x))` where
    /// `0 <= x <= 1`, NaN elsewhere.
    static func logitNode(_ x: Tensor) throws(TensorError) -> Tensor {
        let xd = x.detach()
        let out = try xd.div(try xd.rsubScalar(1)).log()
        guard isRecording(x) else { return out }
        return try record("LogitBackward0", [x], out, save: [x], attributes: [("eps", .none), ("self", .tensor(0))]) { ctx in
            let x = try ctx.saved(0)
            let inside = try x.detach().ge(.int(0)).logicalAnd(try x.detach().le(.int(1)))
            return [try `where`(inside, try div(ctx.grad, try mul(x, try scalarMinus(.float(1.0), x))), Scalar.float(.nan))]
        }
    }

    /// `binary_cross_entropy_with_logits_backward`: `sigmoid(x).sub(t)` (or, with pos_weight,
    /// `(pw * t + 1 - t) * sigmoid(x) - pw * t`), `.mul(grad)`, `.mul(weight)`, `/ numel`.
    static func bceWithLogitsBackward(_ g: Tensor, _ x: Tensor, _ t: Tensor, weight: Tensor?, posWeight: Tensor?,
                                      reduction: LossReduction) throws(TensorError) -> Tensor {
        var r: Tensor
        if let posWeight {
            let pt = try mul(posWeight, t)
            r = try sub(try mul(try sub(try addScalarOverload(pt, .int(1)), t), try sigmoid(x)), pt)
        } else {
            r = try sub(try sigmoid(x), t)
        }
        r = try mul(r, g)
        if let weight { r = try mul(r, weight) }
        if reduction == .mean { r = try divScalarOverload(r, .int(Int64(x.numel))) }
        return r
    }

    /// `binary_cross_entropy_with_logits_target_backward`: `-self * grad` (or, with
    /// pos_weight, `(log_sigmoid(-x) - log_sigmoid(x) * pw) * grad`), `* weight`, `/ numel`.
    static func bceWithLogitsTargetBackward(_ g: Tensor, _ x: Tensor, _ t: Tensor, weight: Tensor?, posWeight: Tensor?,
                                            reduction: LossReduction) throws(TensorError) -> Tensor {
        var r: Tensor
        if let posWeight {
            r = try mul(try sub(try logSigmoid(try neg(x)), try mul(try logSigmoid(x), posWeight)), g)
        } else {
            r = try mul(try neg(x), g)
        }
        if let weight { r = try mul(r, weight) }
        if reduction == .mean { r = try divScalarOverload(r, .int(Int64(t.numel))) }
        return r
    }
}
