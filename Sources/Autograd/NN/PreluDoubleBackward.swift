import Tensors

/// `_prelu_kernel_backward` as a differentiable op: under `create_graph=True` the gradients
/// of `F.prelu` are the two outputs of one PreluKernelBackwardBackward0 node over
/// (grad_output, self, weight), as in PyTorch.
///
/// The values are ATen's kernel (`grad_input = x > 0 ? g : w * g`,
/// `grad_weight = x > 0 ? 0 : x * g`, both in the broadcast shape); the node's formulas are
/// derivatives.yaml's three `at::where(self >= 0, ...)` entries. The weight gradient comes
/// back in the broadcast shape and is summed to the weight's shape by the caller, as
/// PyTorch's engine sums it (`sum_to`, SumBackward1).
extension Differentiable {
    static func preluKernelBackward(_ go: Tensor, _ x: Tensor, _ w: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        let values = try GradMode.withGradMode(false) { () throws(TensorError) -> [Tensor] in
            let v = x.detach(), wd = w.detach(), g = go.detach()
            let positive = try v.gt(.int(0))
            return [try Tensor.where(positive, g, try wd.mul(g)), try Tensor.where(positive, .int(0), try v.mul(g))]
        }
        guard isRecording([go, x, w]) else { return (values[0], values[1]) }
        let wSizes = w.sizes
        let outs = try recordMulti("PreluKernelBackwardBackward0", [go, x, w], values, save: [go, x, w]) { ctx in
            let go = try ctx.saved(0), x = try ctx.saved(1), w = try ctx.saved(2)
            let gg0 = ctx.grads[0], gg1 = ctx.grads[1]
            let nonNegative = try x.detach().ge(.int(0))
            var ggO: Tensor? = nil, gI: Tensor? = nil, gW: Tensor? = nil
            if ctx.needs(0) {
                if let gg0 {
                    if let gg1 {
                        ggO = try `where`(nonNegative, gg0, try add(try mul(gg0, w), try mul(gg1, x)))
                    } else {
                        ggO = try `where`(nonNegative, gg0, try mul(gg0, w))
                    }
                } else if let gg1 {
                    ggO = try `where`(nonNegative, .int(0), try mul(gg1, x))
                }
            }
            if ctx.needs(1) {
                gI = try gg1.map { g1 throws(TensorError) in try `where`(nonNegative, .int(0), try mul(go, g1)) } ?? zerosLike(x)
            }
            if ctx.needs(2) {
                let full = try gg0.map { g0 throws(TensorError) in try `where`(nonNegative, .int(0), try mul(go, g0)) } ?? zerosLike(x)
                gW = try sumToSize(full, wSizes)
            }
            return [ggO, gI, gW]
        }
        return (outs[0], outs[1])
    }
}
