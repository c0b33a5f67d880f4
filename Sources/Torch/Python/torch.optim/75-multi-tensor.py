# torch.optim — part 7b: the `foreach=True` updates of RAdam, NAdam and ASGD.
#
# With `foreach=True` PyTorch runs its multi-tensor functions, whose operation order differs
# from the single-tensor one (where divisions happen, which factors are Python floats and
# which are tensors), so the parameters differ in their last bits. On CPU every
# `torch._foreach_*` op is a loop of the matching per-tensor op, and no op mixes two
# parameters, so these replay that order one parameter at a time.


def _foreach_grad(p, maximize):
    # `_foreach_neg` makes a fresh tensor; weight decay may then add to it in place.
    return -p.grad if maximize else p.grad


def _radam_foreach(group, state_for):
    lr = group["lr"]
    beta1, beta2 = group["betas"]
    eps = group["eps"]
    weight_decay = group["weight_decay"]
    rho_inf = 2 / (1 - beta2) - 1
    for p in group["params"]:
        if p.grad is None:
            continue
        state = state_for(p)
        if len(state) == 0:
            state["step"] = torch.tensor(0.0)
            state["exp_avg"] = torch.zeros_like(p)
            state["exp_avg_sq"] = torch.zeros_like(p)
        state["step"].add_(1)
        grad = _foreach_grad(p, group["maximize"])
        step = state["step"].item()
        rho_t = rho_inf - 2 * step * (beta2 ** step) / (1 - beta2 ** step)
        if weight_decay != 0:
            if group["decoupled_weight_decay"]:
                p.mul_(1 - lr * weight_decay)
            else:
                grad = grad.add(p, alpha=weight_decay)
        exp_avg = state["exp_avg"]
        exp_avg_sq = state["exp_avg_sq"]
        exp_avg.lerp_(grad, 1 - beta1)
        exp_avg_sq.mul_(beta2)
        exp_avg_sq.addcmul_(grad, grad, value=1 - beta2)
        if rho_t > 5:
            rect = ((rho_t - 4) * (rho_t - 2) * rho_inf
                    / ((rho_inf - 4) * (rho_inf - 2) * rho_t)) ** 0.5
        else:
            rect = 0
        unrectified = 0 if rect > 0 else 1.0
        bias_correction1 = 1 - beta1 ** step
        unrect_step_size = (lr * unrectified / bias_correction1) * -1
        # Unrectified, this factor is -0.0: the buffer becomes -inf, its reciprocal -0.0,
        # and adding the unrectified step leaves exactly that step.
        scale = ((1 - beta2 ** step) ** 0.5) * (lr * rect / bias_correction1) * -1
        buffer = exp_avg_sq.sqrt()
        buffer.add_(eps)
        buffer.div_(scale)
        buffer.reciprocal_()
        buffer.add_(unrect_step_size)
        p.addcmul_(exp_avg, buffer)


def _nadam_foreach(group, state_for):
    lr = group["lr"]
    beta1, beta2 = group["betas"]
    eps = group["eps"]
    weight_decay = group["weight_decay"]
    momentum_decay = group["momentum_decay"]
    for p in group["params"]:
        if p.grad is None:
            continue
        state = state_for(p)
        if len(state) == 0:
            state["step"] = torch.tensor(0.0)
            state["mu_product"] = torch.tensor(1.0)
            state["exp_avg"] = torch.zeros_like(p)
            state["exp_avg_sq"] = torch.zeros_like(p)
        grad = _foreach_grad(p, group["maximize"])
        state["step"].add_(1)
        if weight_decay != 0:
            if group["decoupled_weight_decay"]:
                p.mul_(1 - lr * weight_decay)
            else:
                grad = grad.add(p, alpha=weight_decay)
        exp_avg = state["exp_avg"]
        exp_avg_sq = state["exp_avg_sq"]
        mu_product = state["mu_product"]
        exp_avg.lerp_(grad, 1 - beta1)
        exp_avg_sq.mul_(beta2)
        exp_avg_sq.addcmul_(grad, grad, value=1 - beta2)
        # The square root comes before the bias correction here (after it, single-tensor).
        denom = exp_avg_sq.sqrt()
        step = state["step"].item()
        bias_correction_sqrt = (1 - beta2 ** step) ** 0.5
        mu = beta1 * (1.0 - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
        mu_product.mul_(mu)
        denom.div_(bias_correction_sqrt)
        denom.add_(eps)
        product = mu_product.item()
        step_size_grad = (lr * (1.0 - mu) / (1.0 - product)) * -1
        step_size_exp_avg = (lr * mu_next / (1.0 - product * mu_next)) * -1
        p.addcdiv_(grad, denom, value=step_size_grad)
        p.addcdiv_(exp_avg, denom, value=step_size_exp_avg)


def _asgd_foreach(group, state_for):
    lr = group["lr"]
    lambd = group["lambd"]
    alpha = group["alpha"]
    t0 = group["t0"]
    weight_decay = group["weight_decay"]
    for p in group["params"]:
        if p.grad is None:
            continue
        state = state_for(p)
        if len(state) == 0:
            state["step"] = torch.tensor(0.0)
            state["eta"] = torch.tensor(float(lr))
            state["mu"] = torch.tensor(1.0)
            state["ax"] = torch.zeros_like(p)
        grad = _foreach_grad(p, group["maximize"])
        step_t = state["step"]
        step_t.add_(1)
        # The decay joins the gradient (lambd * p) instead of scaling p, and the float32
        # eta tensor multiplies it inside addcmul_.
        if weight_decay != 0:
            grad = grad.add(p, alpha=weight_decay)
            grad.add_(p, alpha=lambd)
        else:
            grad = grad.add(p, alpha=lambd)
        p.addcmul_(grad, state["eta"], value=-1)
        ax = state["ax"]
        # No copy when mu is 1: ax + (p - ax) * 1 need not round to p.
        ax.addcmul_(p.sub(ax), state["mu"])
        # The new eta is tensor arithmetic on the float32 step (a Python float in the
        # single-tensor order); the new mu is a Python float in both.
        state["eta"].copy_(torch.as_tensor(lr / ((1 + lambd * lr * step_t) ** alpha)))
        state["mu"].copy_(torch.as_tensor(1 / max(1, step_t.item() - t0)))
