# Autocast: the functions whose ATen op has an AutocastCPU kernel (autocast_mode.cpp) run
# through torch._autocast_call, which casts their tensors by the op's policy while
# torch.autocast("cpu") is on (and runs them with nested casting off, as ATen's
# ExcludeDispatchKeyGuard does); otherwise it calls them as they are. Composites here
# (l1_loss, kl_div, scaled_dot_product_attention...) are single ops in ATen, so the cast
# must happen at this level, not in the ops they are made of. Functions that are one
# torch._nn native (linear, conv1d/2d, prelu, mse_loss, nll_loss, cross_entropy) are cast
# by that native's own hook (NativeNN.swift), which costs nothing while autocast is off.

def _autocast_op(policy, fn):
    def autocast_op(*args, **kwargs):
        return torch._autocast_call(policy, fn, args, kwargs)
    autocast_op.__name__ = fn.__name__
    autocast_op.__qualname__ = fn.__qualname__
    autocast_op.__doc__ = fn.__doc__
    return autocast_op


conv3d = _autocast_op("lower_precision_fp", conv3d)
conv_transpose1d = _autocast_op("lower_precision_fp", conv_transpose1d)
conv_transpose2d = _autocast_op("lower_precision_fp", conv_transpose2d)
conv_transpose3d = _autocast_op("lower_precision_fp", conv_transpose3d)
scaled_dot_product_attention = _autocast_op("lower_precision_fp", scaled_dot_product_attention)

binary_cross_entropy = _autocast_op("fp32", binary_cross_entropy)
binary_cross_entropy_with_logits = _autocast_op("fp32", binary_cross_entropy_with_logits)
l1_loss = _autocast_op("fp32", l1_loss)
smooth_l1_loss = _autocast_op("fp32", smooth_l1_loss)
huber_loss = _autocast_op("fp32", huber_loss)
kl_div = _autocast_op("fp32", kl_div)
cosine_embedding_loss = _autocast_op("fp32", cosine_embedding_loss)
hinge_embedding_loss = _autocast_op("fp32", hinge_embedding_loss)
poisson_nll_loss = _autocast_op("fp32", poisson_nll_loss)
margin_ranking_loss = _autocast_op("fp32", margin_ranking_loss)
soft_margin_loss = _autocast_op("fp32", soft_margin_loss)
triplet_margin_loss = _autocast_op("fp32", triplet_margin_loss)
multi_margin_loss = _autocast_op("fp32", multi_margin_loss)
multilabel_margin_loss = _autocast_op("fp32", multilabel_margin_loss)
ctc_loss = _autocast_op("fp32", ctc_loss)
grid_sample = _autocast_op("fp32", grid_sample)
avg_pool3d = _autocast_op("fp32", avg_pool3d)
max_pool3d = _autocast_op("fp32", max_pool3d)
adaptive_avg_pool3d = _autocast_op("fp32", adaptive_avg_pool3d)
adaptive_max_pool3d = _autocast_op("fp32", adaptive_max_pool3d)
max_unpool2d = _autocast_op("fp32", max_unpool2d)
max_unpool3d = _autocast_op("fp32", max_unpool3d)
