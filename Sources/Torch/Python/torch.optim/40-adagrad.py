# torch.optim — part 4: Adagrad.


class Adagrad(Optimizer):
    """Divides the gradient by the root of the sum of all past squared gradients."""

    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0,
                 initial_accumulator_value=0, eps=1e-10, foreach=None, maximize=False,
                 differentiable=False, fused=None):
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= lr_decay:
            raise ValueError(f"Invalid lr_decay value: {lr_decay}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= initial_accumulator_value:
            raise ValueError(
                f"Invalid initial_accumulator_value value: {initial_accumulator_value}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        defaults = {"lr": lr, "lr_decay": lr_decay, "eps": eps, "weight_decay": weight_decay,
                    "initial_accumulator_value": initial_accumulator_value,
                    "foreach": foreach, "maximize": maximize,
                    "differentiable": differentiable, "fused": fused}
        super().__init__(params, defaults)
        # Adagrad creates its state up front, not at the first step.
        for group in self.param_groups:
            for p in group["params"]:
                state = self._state_for(p)
                state["step"] = torch.tensor(0.0)
                state["sum"] = torch.full_like(p, initial_accumulator_value)

    def _update_group(self, group):
        lr = group["lr"]
        for p in group["params"]:
            if p.grad is None:
                continue
            state = self.state[p]
            state_sum = state["sum"]
            state["step"].add_(1)
            step = state["step"].item()
            if group["fused"]:
                # PyTorch's fused CPU kernel (_fused_adagrad_): its own rounding
                import torch._nn as _nn
                clr = float(lr) / (1.0 + (step - 1.0) * group["lr_decay"])
                if not self._fused_skips_step():
                    self._fused_unscale_grad(p)
                    _nn.fused_adagrad_(p, p.grad, state_sum, clr, float(group["eps"]),
                                       float(group["weight_decay"]), bool(group["maximize"]))
                self._fused_restore_step(state["step"])
                continue
            grad = p.grad if not group["maximize"] else -p.grad
            if group["weight_decay"] != 0:
                grad = grad.add(p, alpha=group["weight_decay"])
            clr = lr / (1 + (step - 1) * group["lr_decay"])
            state_sum.addcmul_(grad, grad, value=1)
            std = state_sum.sqrt().add_(group["eps"])
            p.addcdiv_(grad, std, value=-clr)
