# torch.nn — part 7.4: the inference fast path of attention (ATen's
# native_multi_head_attention and transformer_encoder_layer_forward).
#
# In eval mode with grad off (and batch_first, self-attention, an even number of heads),
# PyTorch's MultiheadAttention and TransformerEncoderLayer leave the Python slow path for
# fused ATen functions that compute the same function in another order: the input
# projection without its bias (one matmul), then bias and 1/sqrt(head_dim) applied to q in
# one pass, q·kᵀ by bmm, a masked softmax (ATen's scalar kernel), ·v by bmm, and the output
# projection by linear. The last digits of a model's eval output depend on it, so
# Gradbook takes the same path with the same operations.


def _fastpath_blocked(tensors):
    """Why the fast path is not taken for these tensors, or "" (PyTorch's device and grad checks)."""
    for t in tensors:
        if t is not None and t.device.type not in ("cpu", "cuda"):
            return "some Tensor argument's device is neither one of cpu, cuda"
    if torch.is_grad_enabled() and any(t is not None and t.requires_grad for t in tensors):
        return ("grad is enabled and at least one of query or the input/output projection weights "
                "or biases requires_grad")
    return ""


def _native_qkv_projection(query, key, value, embed_dim, qkv_weight):
    # ATen's qkv_projection: one matmul for self-attention, split weights otherwise.
    if key is value:
        if query is key:
            return torch.matmul(query, qkv_weight.t())
        w_q, w_kv = qkv_weight.split([embed_dim, embed_dim * 2], 0)
        return torch.cat([torch.matmul(query, w_q.t()), torch.matmul(key, w_kv.t())], 2)
    w_q, w_k, w_v = qkv_weight.chunk(3, 0)
    return torch.cat([torch.matmul(query, w_q.t()), torch.matmul(key, w_k.t()),
                      torch.matmul(value, w_v.t())], 2)


def _native_multi_head_attention(query, key, value, embed_dim, num_head, qkv_weight, qkv_bias,
                                 proj_weight, proj_bias, mask=None, need_weights=True,
                                 average_attn_weights=True, mask_type=None, _lengths=None):
    """torch._native_multi_head_attention (CPU): (output, weights or None). `_lengths`
    stands for a nested-tensor query of those sequence lengths (right-padded here)."""
    B, T, D = query.shape
    head_dim = D // num_head
    qkv = _native_qkv_projection(query, key, value, embed_dim, qkv_weight)
    if qkv.numel() == 0:
        return torch.empty_like(query), None
    # transform_bias_rescale_qkv: (x + bias), q times 1/sqrt(head_dim) computed as ATen does
    # (the square root in the tensor's type, the reciprocal in double, stored in that type).
    root = torch.tensor(float(head_dim), dtype=query.dtype).sqrt().item()
    qkv = (qkv + qkv_bias).view(B, T, 3, num_head, head_dim).permute(2, 0, 3, 1, 4)
    q = (qkv[0] * (1.0 / root)).contiguous()
    k = qkv[1].contiguous()
    v = qkv[2].contiguous()
    qkt = torch.bmm(q.view(B * num_head, T, head_dim),
                    k.view(B * num_head, T, head_dim).transpose(2, 1)).view(B, num_head, T, T)
    if _lengths is not None:
        # A nested query's scores: a plain softmax over each sequence's own block.
        scores = torch.zeros_like(qkt)
        for b, length in enumerate(_lengths):
            scores[b, :, :length, :length] = torch.softmax(qkt[b, :, :length, :length], -1)
        qkt = scores
    elif mask is not None:
        if mask.dtype != torch.bool:
            mask = mask.to(torch.bool)
        qkt = torch._masked_softmax(qkt, mask, qkt.dim() - 1, mask_type)
    else:
        qkt = torch.softmax(qkt, -1)
    ctx = torch.bmm(qkt.view(B * num_head, T, T), v.view(B * num_head, T, head_dim))
    ctx = ctx.view(B, num_head, T, head_dim).permute(0, 2, 1, 3).contiguous().view(B * T, D)
    proj = F.linear(ctx, proj_weight, proj_bias).view(B, T, -1)
    if not need_weights:
        return proj, None
    if average_attn_weights:
        qkt = qkt.sum(1)
        qkt /= num_head
    return proj, qkt


def _transformer_encoder_layer_fwd(src, embed_dim, num_heads, qkv_weight, qkv_bias, proj_weight,
                                   proj_bias, use_gelu, norm_first, eps, norm_weight_1, norm_bias_1,
                                   norm_weight_2, norm_bias_2, ffn_weight_1, ffn_bias_1,
                                   ffn_weight_2, ffn_bias_2, mask=None, mask_type=None, _lengths=None):
    """torch._transformer_encoder_layer_fwd (CPU); `_lengths` as in _native_multi_head_attention."""
    if src.numel() == 0:
        return src.clone()
    x = src
    if norm_first:
        x = F.layer_norm(x, (embed_dim,), norm_weight_1, norm_bias_1, eps)
    x = _native_multi_head_attention(x, x, x, embed_dim, num_heads, qkv_weight, qkv_bias,
                                     proj_weight, proj_bias, mask, False, True, mask_type, _lengths)[0]
    x.add_(src)
    if not norm_first:
        x = F.layer_norm(x, (embed_dim,), norm_weight_1, norm_bias_1, eps)
    pre_ffn = x
    if norm_first:
        x = F.layer_norm(x, (embed_dim,), norm_weight_2, norm_bias_2, eps)
    B, T, _ = x.shape
    h = torch.addmm(ffn_bias_1, x.reshape(B * T, -1), ffn_weight_1.t())
    h = F.gelu(h) if use_gelu else F.relu(h)
    x = torch.addmm(ffn_bias_2, h, ffn_weight_2.t()).view(B, T, -1)
    x.add_(pre_ffn)
    if not norm_first:
        x = F.layer_norm(x, (embed_dim,), norm_weight_2, norm_bias_2, eps)
    return x
