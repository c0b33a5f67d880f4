import Tensors

extension Differentiable {
    /// `torch._weight_norm_interface(v, g, 0)[0]` (what `torch._weight_norm` runs for dim 0):
    /// the fused CPU kernel's weight, recorded as WeightNormInterfaceBackward0.
    public static func weightNormFirstDim(_ v: Tensor, _ g: Tensor) throws(TensorError) -> Tensor {
        let vd = v.detach(), gd = g.detach()
        let (w, norm) = try WeightNormKernel.forward(vd, gd)
        guard isRecording([v, g]) else { return w }
        return try record("WeightNormInterfaceBackward0", [v, g], w, save: [v, g]) { ctx in
            let (gv, gg) = try WeightNormKernel.backward(ctx.grad.detach(), vd, gd, norm)
            return [ctx.needs(0) ? gv : nil, ctx.needs(1) ? gg : nil]
        }
    }
}
