import Tensors

/// `_adaptive_avg_pool2d_backward` as a differentiable op: under `create_graph=True` it
/// records PyTorch's AdaptiveAvgPool2DBackwardBackward0 over (grad_output, self). The
/// backward is linear in grad_output, so derivatives.yaml's formula is the pooling of the
/// incoming gradient to grad_output's spatial size, and zeros for self.
extension Differentiable {
    static func adaptiveAvgPool2dBackward(_ go: Tensor, _ input: Tensor) throws(TensorError) -> Tensor {
        let size = (go.sizes[go.rank - 2], go.sizes[go.rank - 1])
        return try backwardFunction("AdaptiveAvgPool2DBackwardBackward0", [go, input], save: [input], value: { () throws(TensorError) in
            try NNOps.adaptiveAvgPool2dBackward(gradOutput: go.detach(), input: input.detach())
        }) { ctx in
            let gg = ctx.grad, x = try ctx.saved(0)
            return [ctx.needs(0) ? try adaptiveAvgPool2d(gg, outputSize: size) : nil, ctx.needs(1) ? try zerosLike(x) : nil]
        }
    }
}
