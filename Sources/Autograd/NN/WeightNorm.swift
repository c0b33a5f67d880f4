import Tensors

extension Differentiable {
    /// `torch._weight_norm_interface(v, g, dim)[0]` (what `torch._weight_norm` runs when `dim`
    /// is 0 or the last dim): the fused CPU kernel's weight, recorded as
    /// WeightNormInterfaceBackward0. `lastDim` picks the kernel's last-dim variant (a
    /// one-dimensional `v` takes the first-dim one, as ATen checks `dim == 0` first).
    public static func weightNormInterface(_ v: Tensor, _ g: Tensor, lastDim: Bool) throws(TensorError) -> Tensor {
        let vd = v.detach(), gd = g.detach()
        let useLast = lastDim && vd.sizes.count > 1
        let (w, norm) = useLast ? try WeightNormKernel.forwardLastDim(vd, gd) : try WeightNormKernel.forward(vd, gd)
        guard isRecording([v, g]) else { return w }
        return try record("WeightNormInterfaceBackward0", [v, g], w, save: [v, g]) { ctx in
            let grad = ctx.grad.detach()
            let (gv, gg) = useLast ? try WeightNormKernel.backwardLastDim(grad, vd, gd, norm)
                                   : try WeightNormKernel.backward(grad, vd, gd, norm)
            return [ctx.needs(0) ? gv : nil, ctx.needs(1) ? gg : nil]
        }
    }
}
