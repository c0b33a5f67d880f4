import Tensors

/// `glu_backward` as a differentiable op: under `create_graph=True` the gradient of
/// `F.glu` records PyTorch's GluBackwardBackward0 over (grad_output, self).
///
/// The value is ATen's CPU kernel (`gI_first = sigmoid(b) * gO`,
/// `gI_second = (1 - sigmoid(b)) * sigmoid(b) * a * gO`, in the fused kernel's order, for the halves a, b of the input);
/// the node's formulas are derivatives.yaml's `glu_double_backward_grad_output` and
/// `glu_double_backward`, written in FunctionsManual's operation order.
extension Differentiable {
    static func gluBackward(_ go: Tensor, _ x: Tensor, dim d: Int) throws(TensorError) -> Tensor {
        let n = x.sizes[d] / 2
        return try backwardFunction("GluBackwardBackward0", [go, x], save: [go, x], value: { () throws(TensorError) in
            let v = x.detach(), g = go.detach()
            let a = try v.narrow(d, start: 0, length: n), s = try v.narrow(d, start: n, length: n).sigmoid()
            let ga = try s.mul(g)
            let gb = try s.neg().add(.int(1)).mul(s).mul(a).mul(g)
            return try Tensor.cat([ga, gb], dim: d)
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), x = try ctx.saved(1)
            var ggO: Tensor? = nil
            if ctx.needs(0) {
                // tmp = grad * glu_backward(ones(sizes), input, dim); tmp's two halves summed.
                var sizes = x.sizes
                sizes[d] = n
                let ones = try Tensor.ones(sizes, dtype: x.dtype, device: x.device)
                let tmp = try mul(gg, try gluBackward(ones, x, dim: d))
                ggO = try add(try narrow(tmp, d, start: 0, length: n), try narrow(tmp, d, start: n, length: n))
            }
            var gI: Tensor? = nil
            if ctx.needs(1) {
                let firstHalf = try narrow(x, d, start: 0, length: n), secondHalf = try narrow(x, d, start: n, length: n)
                let sig = try sigmoid(secondHalf)
                let oneSubSig = try scalarMinus(.int(1), sig)
                let sigOneSubSig = try mul(sig, oneSubSig)
                let ggFirst = try narrow(gg, d, start: 0, length: n), ggSecond = try narrow(gg, d, start: n, length: n)
                let ggSecondTimesFirst = try mul(ggSecond, firstHalf)
                let gIFirst = try mul(try mul(ggSecond, go), sigOneSubSig)
                let secondOrder = try sub(try mul(sigOneSubSig, oneSubSig), try mul(sig, sigOneSubSig))
                let gISecond = try add(try mul(try mul(ggSecondTimesFirst, go), secondOrder),
                                       try mul(try mul(ggFirst, go), sigOneSubSig))
                gI = try cat([gIFirst, gISecond], dim: d)
            }
            return [ggO, gI]
        }
    }
}
