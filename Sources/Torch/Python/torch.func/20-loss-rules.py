# nll_loss and cross_entropy (class indices, label smoothing too) under vmap: PyTorch registers torch._decomp's nll_loss_forward
# decomposition as the vmap rule (torch/_functorch/predispatch.py), so a batched nll_loss
# is gather, neg, where, sum and a division by the total weight, each batched; the result's
# grad_fn is DivBackward0 (mean), SumBackward1 (sum) or WhereBackward0 (none).


def _nll_arguments(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                   reduction="mean"):
    return input, target, weight, size_average, ignore_index, reduce, reduction


def _ce_arguments(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                  reduction="mean", label_smoothing=0.0):
    return input, target, weight, size_average, ignore_index, reduce, reduction, label_smoothing


def _is_functional(orig):
    # The rule is for torch.nn.functional's signature; torch's own names run per sample.
    return getattr(orig, "__module__", "") == "torch.nn.functional"


def _nll_decomposed(input, target, ignore_index, reduction):
    # torch._decomp's _nll_loss_forward without a weight, on the logical shapes: input
    # (N, C) with target (N,), or (C,) with a 0-d target.
    # None where the decomposition does not apply: the caller then runs the loss per sample.
    if not isinstance(input, _Batched) or input._same is not None:
        return None
    if not isinstance(target, (torch.Tensor, _Batched)) or (isinstance(target, _Batched) and target._same is not None):
        return None
    n_dims = input.dim()
    if target.dtype != torch.int64 or n_dims not in (1, 2) or target.dim() != n_dims - 1:
        return None
    if n_dims == 2 and target.shape[0] != input.shape[0]:
        return None
    if reduction not in ("mean", "sum", "none"):
        return None
    channel_dim = 1 if n_dims == 2 else 0
    kept = target != ignore_index
    safe_target = torch.where(kept, target, 0)
    result = -torch.gather(input, channel_dim, safe_target.unsqueeze(channel_dim)).squeeze(channel_dim)
    result = torch.where(kept, result, 0)
    if reduction == "none" and n_dims > 1:
        return result
    total_weight = kept.sum()
    total_weight = total_weight.to(input.dtype)
    if reduction == "sum":
        return result.sum()
    if reduction == "mean":
        return result.sum() / total_weight
    return result


def _nll_loss_rule(orig, *args, **kwargs):
    if not _is_functional(orig):
        return _loop(orig, args, kwargs)
    input, target, weight, size_average, ignore_index, reduce, reduction = _nll_arguments(*args, **kwargs)
    if weight is not None or size_average is not None or reduce is not None:
        return _loop(orig, args, kwargs)
    out = _nll_decomposed(input, target, ignore_index, reduction)
    return _loop(orig, args, kwargs) if out is None else out


def _cross_entropy_rule(orig, *args, **kwargs):
    # cross_entropy_loss with class indices: log_softmax over the class dimension, then
    # nll_loss (decomposed as above).
    if not _is_functional(orig):
        return _loop(orig, args, kwargs)
    input, target, weight, size_average, ignore_index, reduce, reduction, smoothing = _ce_arguments(*args, **kwargs)
    if (weight is not None or size_average is not None or reduce is not None or not 0.0 <= smoothing <= 1.0
            or not isinstance(input, _Batched) or input.dim() not in (1, 2)):
        return _loop(orig, args, kwargs)
    if input._same is not None or not isinstance(target, (torch.Tensor, _Batched)) or target.dtype != torch.int64:
        return _loop(orig, args, kwargs)
    if (input.dim() == 2 and (target.dim() != 1 or target.shape[0] != input.shape[0])) or \
            (input.dim() == 1 and target.dim() != 0) or (isinstance(target, _Batched) and target._same is not None):
        return _loop(orig, args, kwargs)
    class_dim = 1 if input.dim() == 2 else 0
    log_probs = torch.log_softmax(input, class_dim)
    out = _nll_decomposed(log_probs, target, ignore_index, reduction)
    if out is None:
        return _loop(orig, args, kwargs)
    if smoothing == 0.0:
        return out
    return _label_smoothing(out, log_probs, target, class_dim, ignore_index, reduction, smoothing)


def _label_smoothing(nll, log_probs, target, class_dim, ignore_index, reduction, smoothing):
    # cross_entropy_loss_label_smoothing (LossNLL.cpp) without a weight, each op batched:
    # the smoothing term -sum(log_probs) over the classes, zero where the target is
    # ignored (masked_fill_ on the batched tensor), reduced, then mixed with the nll loss.
    smooth = -log_probs.sum(class_dim)
    ignored = target == ignore_index
    mask = ignored._p if isinstance(ignored, _Batched) else ignored
    smooth._p.masked_fill_(mask, 0.0)
    if reduction == "mean":
        ret = smooth.sum() / (~ignored).sum()
    elif reduction == "sum":
        ret = smooth.sum()
    else:
        ret = smooth
    return (1 - smoothing) * nll + ret * (smoothing / log_probs.shape[class_dim])


_FUNCTION_RULES["nll_loss"] = _nll_loss_rule
_FUNCTION_RULES["cross_entropy"] = _cross_entropy_rule
