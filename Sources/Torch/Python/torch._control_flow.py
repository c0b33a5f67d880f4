# torch.cond / torch.while_loop in their eager form (torch/_higher_order_ops' cond.py and
# while_loop.py): PyTorch validates the arguments, then runs the chosen branch or the loop;
# with operands that require grad it records a CondAutogradOp / WhileLoopAutogradOp node
# whose backward differentiates the branch or loop again. Bound onto `torch` by
# Functions/PythonComposites.swift.
import torch


def cond(pred, true_fn, false_fn, operands=()):
    # Eager torch.cond: a Python predicate runs its branch directly; a tensor predicate is
    # validated as PyTorch validates it, then decides the branch by its value (through
    # CondAutogradOp when an operand requires grad, as PyTorch's compiled cond records it).
    if isinstance(pred, (bool, int, float)):
        if pred:
            return true_fn(*operands)
        return false_fn(*operands)
    if not isinstance(pred, torch.Tensor):
        raise RuntimeError("Expected pred to be bool or tensor, but got " + str(pred) + ".")
    if pred.numel() != 1:
        raise RuntimeError("Expected pred to be bool or single-element tensor, but got " + str(pred) + ".")
    if not callable(true_fn) or not callable(false_fn):
        raise RuntimeError("Expect both branches to be callable.")
    if not isinstance(operands, (tuple, list)) or not _all_tensor_leaves(operands):
        raise RuntimeError("Expect operands to be a tuple of possibly nested dict/list/tuple that only consists "
                           "of tensor leaves, but got " + str(operands) + ".")
    branch = true_fn if bool(pred) else false_fn
    if torch.is_grad_enabled() and _any_requires_grad(operands):
        return _cond_autograd_op().apply(pred, branch, *operands)
    return branch(*operands)


def _any_requires_grad(operands):
    for o in operands:
        if isinstance(o, torch.Tensor) and o.requires_grad:
            return True
    return False


_COND_OP = []


def _cond_autograd_op():
    # PyTorch's CondAutogradOp (grad_fn CondAutogradOpBackward): the branch runs without
    # recording, and backward differentiates it again from the saved operands.
    if not _COND_OP:
        class CondAutogradOp(torch.autograd.Function):
            @staticmethod
            def forward(ctx, pred, fn, *operands):
                ctx.fn = fn
                ctx.save_for_backward(*operands)
                with torch.no_grad():
                    return fn(*operands)

            @staticmethod
            def backward(ctx, *grads):
                operands = ctx.saved_tensors
                with torch.enable_grad():
                    ops = [o.detach().requires_grad_(o.requires_grad) for o in operands]
                    out = ctx.fn(*ops)
                    outs = out if isinstance(out, tuple) else (out,)
                    wanted = [o for o in ops if o.requires_grad]
                    got = torch.autograd.grad(outs, wanted, grads, allow_unused=True)
                result = [None, None]
                k = 0
                for o in ops:
                    if o.requires_grad:
                        result.append(got[k])
                        k += 1
                    else:
                        result.append(None)
                return tuple(result)
        _COND_OP.append(CondAutogradOp)
    return _COND_OP[0]


def _all_tensor_leaves(v):
    if isinstance(v, torch.Tensor):
        return True
    if isinstance(v, (tuple, list)):
        for x in v:
            if not _all_tensor_leaves(x):
                return False
        return True
    if isinstance(v, dict):
        for x in v.values():
            if not _all_tensor_leaves(x):
                return False
        return True
    return False


def while_loop(cond_fn, body_fn, carried_inputs):
    # Eager torch.while_loop: run body_fn while cond_fn holds, carrying its outputs (through
    # WhileLoopAutogradOp when a carried tensor requires grad, as PyTorch records it).
    if not callable(cond_fn) or not callable(body_fn):
        raise RuntimeError("Expect cond_fn and body_fn to be callable.")
    if not isinstance(carried_inputs, (tuple, list)):
        raise RuntimeError("carried_inputs must be a tuple or list, got " + str(type(carried_inputs)))
    if torch.is_grad_enabled() and _any_requires_grad(carried_inputs):
        return _while_loop_autograd_op().apply(cond_fn, body_fn, *carried_inputs)
    return _run_loop(cond_fn, body_fn, carried_inputs)


def _run_loop(cond_fn, body_fn, carried_inputs):
    val = tuple(carried_inputs)
    while cond_fn(*val):
        val = body_fn(*val)
        if not isinstance(val, (tuple, list)):
            result = val
            val = (val,)
            if not cond_fn(*val):
                return result
    return tuple(val)


_LOOP_OP = []


def _while_loop_autograd_op():
    # PyTorch's WhileLoopAutogradOp (grad_fn WhileLoopAutogradOpBackward): the loop runs
    # without recording, and backward differentiates it again from the saved inputs.
    if not _LOOP_OP:
        class WhileLoopAutogradOp(torch.autograd.Function):
            @staticmethod
            def forward(ctx, cond_fn, body_fn, *carried):
                ctx.fns = (cond_fn, body_fn)
                ctx.save_for_backward(*carried)
                with torch.no_grad():
                    return _run_loop(cond_fn, body_fn, carried)

            @staticmethod
            def backward(ctx, *grads):
                carried = ctx.saved_tensors
                with torch.enable_grad():
                    ins = [c.detach().requires_grad_(c.requires_grad) for c in carried]
                    out = _run_loop(ctx.fns[0], ctx.fns[1], ins)
                    outs = out if isinstance(out, tuple) else (out,)
                    pairs = [(o, g) for o, g in zip(outs, grads) if g is not None and o.requires_grad]
                    wanted = [c for c in ins if c.requires_grad]
                    got = torch.autograd.grad([p[0] for p in pairs], wanted, [p[1] for p in pairs], allow_unused=True)
                result = [None, None]
                k = 0
                for c in ins:
                    if c.requires_grad:
                        result.append(got[k])
                        k += 1
                    else:
                        result.append(None)
                return tuple(result)
        _LOOP_OP.append(WhileLoopAutogradOp)
    return _LOOP_OP[0]
