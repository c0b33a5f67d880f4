# torch.asarray, torch.empty_permuted, and the eager forms of torch.cond / torch.while_loop,
# written as PyTorch 2.15 defines them (torch/csrc/utils/tensor_new.cpp's asarray,
# TensorFactories.cpp's empty_permuted, torch/_higher_order_ops' eager paths), with their
# error texts. Bound onto `torch` by Functions/PythonComposites.swift.
import warnings
import torch

_SCALAR_TYPE_NAMES = {torch.float32: "Float", torch.float64: "Double", torch.float16: "Half",
                      torch.bfloat16: "BFloat16", torch.complex64: "ComplexFloat",
                      torch.complex128: "ComplexDouble", torch.int64: "Long", torch.int32: "Int",
                      torch.int16: "Short", torch.int8: "Char", torch.uint8: "Byte", torch.bool: "Bool"}


def asarray(obj, *, dtype=None, device=None, copy=None, requires_grad=None):
    if not isinstance(obj, torch.Tensor) and type(obj).__name__ == "ndarray":
        obj = torch.from_numpy(obj)
    if isinstance(obj, torch.Tensor):
        t = obj
        target_device = torch.device(device) if device is not None else None
        wrong_device = target_device is not None and target_device != t.device
        wrong_dtype = dtype is not None and dtype != t.dtype
        if copy or (copy is None and (wrong_device or wrong_dtype)):
            if wrong_device or wrong_dtype:
                t = t.to(device=target_device if target_device is not None else t.device,
                         dtype=dtype if dtype is not None else t.dtype, copy=bool(copy))
            else:
                t = t.clone()
        else:
            if wrong_device:
                raise ValueError("can't alias tensor from device '" + str(t.device) + "' to '" + str(target_device) + "'.")
            if wrong_dtype:
                raise ValueError("can't alias tensor with dtype '" + _SCALAR_TYPE_NAMES[t.dtype] + "' into dtype '"
                                 + _SCALAR_TYPE_NAMES[dtype] + "'.")
        wanted = requires_grad
        if requires_grad is None:
            wanted = obj.requires_grad
            if obj.requires_grad:
                warnings.warn("torch.asarray: unspecified requires_grad now defaults to obj.requires_grad instead of "
                              "False. Pass requires_grad=False explicitly to get the old behavior and silence this warning.")
        if wanted:
            if not t.requires_grad:
                if not (t.is_floating_point() or t.is_complex()):
                    raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
                t.requires_grad_(True)
        elif t.requires_grad:
            if t.is_leaf:
                t.requires_grad_(False)
            else:
                t = t.detach()
        return t
    if copy is not None and not copy:
        raise ValueError("can't alias arbitrary sequence into a tensor.")
    t = torch.tensor(obj, dtype=dtype, device=device)
    if requires_grad:
        if not (t.is_floating_point() or t.is_complex()):
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        t.requires_grad_(True)
    return t


def empty_permuted(size, physical_layout, *, dtype=None, layout=None, device=None, requires_grad=False,
                   pin_memory=False):
    size = list(size)
    physical_layout = list(physical_layout)
    dim = len(size)
    if dim != len(physical_layout):
        raise RuntimeError("Number of dimensions in size does not match the length of the physical_layout; i.e. "
                           "len(size) = " + str(dim) + " is not equal to len(physical_layout) = "
                           + str(len(physical_layout)))
    seen = [False] * dim
    phys_size = [0] * dim
    perm = [0] * dim
    for i in range(dim):
        p = physical_layout[i]
        if p < 0 or p >= dim:
            raise RuntimeError("Dimension out of range (expected to be between 0 and " + str(dim - 1) + ", but got "
                               + str(p) + " at index " + str(i) + ").  NB: negative dims not currently supported; "
                               "file an issue if you want it.")
        if seen[p]:
            raise RuntimeError("Duplicate dim not allowed")
        seen[p] = True
        phys_size[i] = size[p]
        perm[p] = i
    t = torch.empty(phys_size, dtype=dtype, device=device).permute(perm)
    if requires_grad:
        if not (t.is_floating_point() or t.is_complex()):
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        t.requires_grad_(True)
    return t


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
