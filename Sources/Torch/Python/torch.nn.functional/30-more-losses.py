# torch.nn.functional — part 4: more loss functions.
#
# huber, soft margin and multi margin are native in PyTorch (HuberLossBackward0, ...); the
# others are compositions there too, written here in PyTorch's order of operations.


def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    reduction = _check_reduction(reduction)
    if weight is None:
        return _nn.huber_loss(input, target, reduction, delta)
    if weight.size() != input.size():
        raise ValueError("Weights and input must have the same size.")
    expanded_input, expanded_target = torch.broadcast_tensors(input, target)
    weighted_loss = _nn.huber_loss(expanded_input, expanded_target, "none", delta) * weight
    if reduction == "none":
        return weighted_loss
    if reduction == "sum":
        return torch.sum(weighted_loss)
    return weighted_loss.mean()


def soft_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    return _nn.soft_margin_loss(input, target, reduction)


def multi_margin_loss(input, target, p=1, margin=1.0, weight=None, size_average=None,
                      reduce=None, reduction="mean"):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    if p != 1 and p != 2:
        raise ValueError("only p == 1 and p == 2 supported")
    if weight is not None and weight.dim() != 1:
        raise ValueError("weight must be one-dimensional")
    return _nn.multi_margin_loss(input, target, p, margin, weight, reduction)


def kl_div(input, target, size_average=None, reduce=None, reduction="mean",
           log_target=False):
    # input holds log-probabilities; target probabilities (or log-probabilities).
    if size_average is not None or reduce is not None:
        reduction = _legacy_reduction(size_average, reduce, reduction)
    if reduction not in ("none", "mean", "sum", "batchmean"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    # ATen's kl_div, its operands built right to left as its C++ evaluates them (the
    # order the backward graph accumulates their gradients in).
    if log_target:
        diff = target - input
        loss = target.exp() * diff
    else:
        cross = target * input
        loss = torch.xlogy(target, target) - cross
    if reduction == "batchmean":
        if input.dim() == 0:
            return loss.sum()
        return loss.sum() / input.size()[0]
    return _reduce(loss, reduction)


def margin_ranking_loss(input1, input2, target, margin=0.0, size_average=None, reduce=None,
                        reduction="mean"):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    if input1.dim() != input2.dim() or input1.dim() != target.dim():
        raise RuntimeError(
            f"margin_ranking_loss : All input tensors should have same dimension but got "
            f"sizes: input1: {input1.size()}, input2: {input2.size()}, "
            f"target: {target.size()} ")
    return _reduce((-target * (input1 - input2) + margin).clamp_min(0), reduction)


def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-6, swap=False,
                        size_average=None, reduce=None, reduction="mean"):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    dist_pos = pairwise_distance(anchor, positive, p, eps)
    dist_neg = pairwise_distance(anchor, negative, p, eps)
    if swap:
        dist_neg = torch.minimum(dist_neg, pairwise_distance(positive, negative, p, eps))
    return _reduce((dist_pos + margin - dist_neg).clamp_min(0), reduction)


def cosine_embedding_loss(input1, input2, target, margin=0.0, size_average=None,
                          reduce=None, reduction="mean"):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    dim = target.dim()
    prod_sum = (input1 * input2).sum(dim)
    mag_square1 = (input1 * input1).sum(dim) + 1e-12
    mag_square2 = (input2 * input2).sum(dim) + 1e-12
    cos = prod_sum / (mag_square1 * mag_square2).sqrt_()
    zeros = torch.zeros_like(cos)
    pos = 1 - cos
    neg = (cos - margin).clamp_min(0)
    loss = torch.where(target == 1, pos, zeros) + torch.where(target == -1, neg, zeros)
    return _reduce(loss, reduction)


def gaussian_nll_loss(input, target, var, full=False, eps=1e-6, reduction="mean"):
    if isinstance(var, float):
        if var < 0:
            raise ValueError("var has negative entry/entries")
        var = var * torch.ones_like(input)
    elif (var < 0).any():
        raise ValueError("var has negative entry/entries")
    if var.size() != input.size():
        if input.size()[:-1] == var.size():
            # One variance per sample: broadcast it over the last dimension.
            var = torch.unsqueeze(var, -1)
        elif input.dim() != var.dim() or sum(
                b for a, b in zip(input.size(), var.size()) if a != b) != 1:
            raise ValueError("var is of incorrect size")
    if reduction != "none" and reduction != "mean" and reduction != "sum":
        raise ValueError(reduction + " is not valid")
    var = var.clone()
    with torch.no_grad():
        var.clamp_(min=eps)
    loss = 0.5 * (torch.log(var) + (input - target) ** 2 / var)
    if full:
        loss += 0.5 * math.log(2 * math.pi)
    return _reduce(loss, reduction)


def poisson_nll_loss(input, target, log_input=True, full=False, size_average=None, eps=1e-8,
                     reduce=None, reduction="mean"):
    reduction = _check_reduction(_legacy_reduction(size_average, reduce, reduction))
    if log_input:
        # ATen's C++ builds `target * input` before `exp(input)`.
        cross = target * input
        loss = torch.exp(input) - cross
    else:
        loss = input - target * torch.log(input + eps)
    if full:
        # Stirling's approximation of log(target!), for targets above 1.
        stirling = target * torch.log(target) - target + 0.5 * torch.log(2 * math.pi * target)
        loss += stirling.masked_fill(target <= 1, 0)
    return _reduce(loss, reduction)
