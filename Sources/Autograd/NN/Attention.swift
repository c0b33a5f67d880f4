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
        // The node shows its arguments, the output and the log-sum-exp it saved.
        let attributes: [(String, SavedAttribute)] = [
            ("attn_mask", mask == nil ? .undefinedTensor : .tensor(3)), ("dropout_p", .scalar(.float(0))), ("is_causal", .bool(isCausal)),
            ("key", .tensor(1)), ("query", .tensor(0)), ("scale", scale.map { .scalar(.float($0)) } ?? .none), ("value", .tensor(2)),
            ("output", .tensor(5)), ("logsumexp", .tensor(4))]
        return try record("ScaledDotProductFlashAttentionForCpuBackward0", [q, k, v], out, save: [q, k, v, mask, lse], saveOutput: true,
                          attributes: attributes) { ctx in
            let (gq, gk, gv) = try FlashAttention.backward(problem, gradOut: ctx.grad.detach(), out: saved, lse: lse)
            return [ctx.needs(0) ? gq : nil, ctx.needs(1) ? gk : nil, ctx.needs(2) ? gv : nil]
        }
    }
}
