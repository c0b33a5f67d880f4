import Tensors

/// `soft_margin_loss_backward` as a differentiable op, so that a gradient penalty through
/// `F.soft_margin_loss` records PyTorch's SoftMarginLossBackwardBackward0 over
/// (grad_output, self).
///
/// The value is ATen's kernel, `target * z * -norm / (z + 1) * grad_output` with
/// `z = exp(-target * input)`; the node's formulas are derivatives.yaml's:
///
///     grad_output: soft_margin_loss_double_backward_grad_output(grad, grad_output, self, target, reduction)
///     self:        soft_margin_loss_double_backward(grad * grad_output, self, target, reduction)
///
/// written term by term in FunctionsManual's operation order, so second derivatives round
/// as PyTorch's do.
extension Differentiable {
    static func softMarginLossBackward(_ go: Tensor, _ x: Tensor, _ t: Tensor,
                                       reduction: LossReduction) throws(TensorError) -> Tensor {
        let count = try x.detach().mul(t.detach()).numel
        return try backwardFunction("SoftMarginLossBackwardBackward0", [go, x], save: [go, x, t], value: { () throws(TensorError) in
            let z = try t.detach().neg().mul(x.detach()).exp()
            let norm = reduction == .mean ? 1 / Double(count) : 1
            return try t.detach().mul(z).mul(.float(-norm)).div(try z.add(.int(1))).mul(go.detach())
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), x = try ctx.saved(1), t = try ctx.saved(2)
            var ggO: Tensor? = nil
            if ctx.needs(0) {
                if reduction == .none {
                    ggO = try softMarginLossBackward(gg, x, t, reduction: reduction)
                } else {
                    let r = try softMarginLossBackward(try go.onesLike(), x, t, reduction: reduction)
                    ggO = try sum(try mul(r, gg))
                }
            }
            var gI: Tensor? = nil
            if ctx.needs(1) {
                // auto z = (input * -target).exp(); auto zplus1 = z + 1;
                // grad_input = grad * (target * target) * z / (zplus1 * zplus1); mean: /= numel
                let z = try exp(try mul(x, try neg(t)))
                let zPlus1 = try addScalarOverload(z, .int(1))
                var r = try div(try mul(try mul(try mul(gg, go), try mul(t, t)), z), try mul(zPlus1, zPlus1))
                if reduction == .mean { r = try divScalarOverload(r, .int(Int64(count))) }
                gI = r
            }
            return [ggO, gI]
        }
    }
}
