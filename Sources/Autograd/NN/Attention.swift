import Tensors

/// `_scaled_dot_product_flash_attention_for_cpu`, the node PyTorch's CPU build records for
/// `F.scaled_dot_product_attention` on 4-D inputs without dropout
/// (`ScaledDotProductFlashAttentionForCpuBackward0`); the kernels are `FlashAttention`'s.
extension Differentiable {
    /// q, k, v (B, H, L|S, E); `mask` additive (bool masks converted by the caller).
    public static func flashAttention(_ q: Tensor, _ k: Tensor, _ v: Tensor, mask: Tensor?, isCausal: Bool,
                                      scale: Double?) throws(TensorError) -> Tensor {
        let problem = FlashAttention.Problem(q: q.detach(), k: k.detach(), v: v.detach(), mask: mask?.detach(),
                                             isCausal: isCausal, scale: scale)
        let (out, lse) = try FlashAttention.forward(problem)
        guard isRecording([q, k, v]) else { return out }
        let saved = out.detach()
        return try record("ScaledDotProductFlashAttentionForCpuBackward0", [q, k, v], out, save: [q, k, v]) { ctx in
            let (gq, gk, gv) = try FlashAttention.backward(problem, gradOut: ctx.grad.detach(), out: saved, lse: lse)
            return [ctx.needs(0) ? gq : nil, ctx.needs(1) ? gk : nil, ctx.needs(2) ? gv : nil]
        }
    }
}
