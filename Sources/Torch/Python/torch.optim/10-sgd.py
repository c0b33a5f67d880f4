# torch.optim — part 1: stochastic gradient descent.


class SGD(Optimizer):
    """p -= lr * g, with optional momentum (heavy-ball or Nesterov) and weight decay."""

    _foreach_refuses_autograd = False

    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0,
                 nesterov=False, maximize=False, foreach=None, differentiable=False,
                 fused=None):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = {"lr": lr, "momentum": momentum, "dampening": dampening,
                    "weight_decay": weight_decay, "nesterov": nesterov, "maximize": maximize,
                    "foreach": foreach, "differentiable": differentiable, "fused": fused}
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, defaults)

    def _update_group(self, group):
        lr = group["lr"]
        momentum = group["momentum"]
        dampening = group["dampening"]
        weight_decay = group["weight_decay"]
        for p in group["params"]:
            if p.grad is None:
                continue
            if group["fused"]:
                # PyTorch's fused CPU kernel (_fused_sgd_): its own rounding
                import torch._nn as _nn
                state = self._state_for(p)
                buf = state.get("momentum_buffer")
                first = buf is None and momentum != 0
                if first:
                    buf = torch.empty_like(p)
                    state["momentum_buffer"] = buf
                if self._fused_skips_step():
                    continue
                self._fused_unscale_grad(p)
                _nn.fused_sgd_(p, p.grad, buf if buf is not None else p, float(lr), float(momentum),
                               float(dampening), float(weight_decay), bool(group["nesterov"]),
                               bool(group["maximize"]), first)
                continue
            grad = p.grad if not group["maximize"] else -p.grad
            if weight_decay != 0:
                grad = grad.add(p, alpha=weight_decay)
            if momentum != 0:
                state = self._state_for(p)
                buf = state.get("momentum_buffer")
                if buf is None:
                    # The first step stores the gradient itself, without dampening.
                    buf = grad.detach().clone()
                    state["momentum_buffer"] = buf
                else:
                    buf.mul_(momentum).add_(grad, alpha=1 - dampening)
                if group["nesterov"]:
                    grad = grad.add(buf, alpha=momentum)
                else:
                    grad = buf
            p.add_(grad, alpha=-lr)
