import torch

__all__ = ["grad", "grad_and_value", "vjp", "jvp", "jacrev", "jacfwd", "hessian", "vmap", "functional_call",
           "stack_module_state"]

# Function transforms built on the autograd graph. Gradients are taken with
# create_graph=True so transforms nest (grad(grad(f))); the outermost transform hands back
# tensors detached from the graph unless an input already required grad, as functorch's
# levels do. jacfwd and jvp use the double-backward trick (J v = d/du <u J, v>); vmap maps
# by looping over the batch dimension and stacking the results.

_depth = [0]


def _is_tensor(x):
    return isinstance(x, torch.Tensor)


def _flatten(tree):
    if _is_tensor(tree):
        return [tree]
    if isinstance(tree, (tuple, list)):
        out = []
        for t in tree:
            out.extend(_flatten(t))
        return out
    if isinstance(tree, dict):
        out = []
        for k in tree:
            out.extend(_flatten(tree[k]))
        return out
    return []


def _unflatten(tree, flat, pos):
    # Rebuilds `tree`'s structure from flat[pos[0]:], advancing pos.
    if _is_tensor(tree):
        v = flat[pos[0]]
        pos[0] += 1
        return v
    if isinstance(tree, tuple):
        return tuple(_unflatten(t, flat, pos) for t in tree)
    if isinstance(tree, list):
        return [_unflatten(t, flat, pos) for t in tree]
    if isinstance(tree, dict):
        out = {}
        for k in tree:
            out[k] = _unflatten(tree[k], flat, pos)
        return out
    return tree


def _map_tensors(tree, fn):
    flat = [fn(t) for t in _flatten(tree)]
    return _unflatten(tree, flat, [0])


def _track(t):
    # A tensor this transform differentiates with respect to, still linked to the outer graph.
    if t.requires_grad:
        return t.view_as(t)
    return t.detach().requires_grad_()


def _any_requires_grad(tree):
    for t in _flatten(tree):
        if t.requires_grad:
            return True
    return False


def _finish(tree, keep_graph):
    if keep_graph:
        return tree
    return _map_tensors(tree, lambda t: t.detach())


def _argnums_tuple(argnums, nargs, name):
    nums = argnums if isinstance(argnums, tuple) else (argnums,)
    for n in nums:
        if not isinstance(n, int):
            raise RuntimeError(name + ": argnums must be int or Tuple[int, ...], got: " + str(type(argnums)))
        if n < -nargs or n >= nargs:
            raise RuntimeError("Got argnums=" + str(n) + ", but only " + str(nargs) + " positional inputs")
    return tuple(n % nargs for n in nums)


def _grads(outputs, inputs, grad_outputs=None):
    gs = torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph=True, create_graph=True, allow_unused=True)
    return [torch.zeros_like(inputs[i]) if gs[i] is None else gs[i] for i in range(len(inputs))]


def grad_and_value(func, argnums=0, has_aux=False):
    """Returns a function computing (gradient of func w.r.t. argnums, func's value)."""

    def wrapper(*args, **kwargs):
        keep_graph = _depth[0] > 0 or _any_requires_grad(args) or _any_requires_grad(kwargs)
        nums = _argnums_tuple(argnums, len(args), "grad_and_value(f)(*args)")
        _depth[0] += 1
        try:
            with torch.enable_grad():
                args = list(args)
                diff = []
                for n in nums:
                    args[n] = _map_tensors(args[n], _track)
                    diff.append(args[n])
                output = func(*args, **kwargs)
                aux = None
                if has_aux:
                    if not (isinstance(output, tuple) and len(output) == 2):
                        raise RuntimeError("grad_and_value(f)(*args): output of function f should be a tuple: "
                                           "(output, aux) if has_aux is True")
                    output, aux = output
                if not _is_tensor(output):
                    raise RuntimeError("grad_and_value(f)(*args): Expected f(*args) to return a Tensor, got "
                                       + str(type(output)))
                if output.dim() != 0:
                    raise RuntimeError("grad_and_value(f)(*args): Expected f(*args) to return a scalar Tensor, got "
                                       "tensor with " + str(output.dim()) + " dims. Maybe you wanted to use the vjp "
                                       "or jacrev APIs instead?")
                flat = _flatten(diff)
                gs = _grads(output, flat) if len(flat) > 0 else []
        finally:
            _depth[0] -= 1
        grads = _unflatten(diff, gs, [0])
        grads = tuple(grads) if isinstance(argnums, tuple) else grads[0]
        grads = _finish(grads, keep_graph)
        output = _finish(output, keep_graph)
        if has_aux:
            return grads, (output, _finish(aux, keep_graph))
        return grads, output

    return wrapper


def grad(func, argnums=0, has_aux=False):
    """Returns a function computing the gradient of scalar-valued func w.r.t. argnums."""
    gv = grad_and_value(func, argnums, has_aux)

    def wrapper(*args, **kwargs):
        g, value = gv(*args, **kwargs)
        if has_aux:
            return g, value[1]
        return g

    return wrapper


def vjp(func, *primals, has_aux=False):
    """(func(*primals), vjp_fn): vjp_fn(cotangents) gives one gradient per primal."""
    keep_graph = _depth[0] > 0 or _any_requires_grad(primals)
    _depth[0] += 1
    try:
        with torch.enable_grad():
            tracked = tuple(_map_tensors(p, _track) for p in primals)
            output = func(*tracked)
            aux = None
            if has_aux:
                if not (isinstance(output, tuple) and len(output) == 2):
                    raise RuntimeError("vjp(f, *primals): output of function f should be a tuple: (output, aux) "
                                       "if has_aux is True")
                output, aux = output
    finally:
        _depth[0] -= 1
    flat_in = _flatten(tracked)
    flat_out = _flatten(output)

    def vjp_fn(cotangents):
        flat_cot = _flatten(cotangents)
        with torch.enable_grad():
            gs = _grads(flat_out, flat_in, flat_cot)
        return _finish(_unflatten(tracked, gs, [0]), keep_graph or _depth[0] > 0)

    result = (_finish(output, keep_graph), vjp_fn)
    if has_aux:
        return result + (_finish(aux, keep_graph),)
    return result


def _jvp_flat(flat_out, flat_in, flat_tangents):
    # J v by the double-backward trick: u J is linear in u; its gradient w.r.t. u along v is J v.
    us = [torch.zeros_like(o, requires_grad=True) for o in flat_out]
    gs = torch.autograd.grad(flat_out, flat_in, us, retain_graph=True, create_graph=True, allow_unused=True)
    pairs_g = []
    pairs_v = []
    for g, v in zip(gs, flat_tangents):
        if g is not None:
            pairs_g.append(g)
            pairs_v.append(v)
    if len(pairs_g) == 0:
        return [torch.zeros_like(o) for o in flat_out]
    res = torch.autograd.grad(pairs_g, us, pairs_v, retain_graph=True, create_graph=True, allow_unused=True)
    return [torch.zeros_like(flat_out[i]) if res[i] is None else res[i] for i in range(len(flat_out))]


def jvp(func, primals, tangents, *, strict=False, has_aux=False):
    """(func(*primals), J·tangents)."""
    if not isinstance(primals, tuple):
        raise RuntimeError("jvp(f, primals, tangents): Expected primals to be a tuple. E.g. it should be valid to "
                           "call f(*primals).")
    if not isinstance(tangents, tuple):
        raise RuntimeError("jvp(f, primals, tangents): Expected tangents to be a tuple. E.g. it should be valid to "
                           "call f(*primals).")
    if len(primals) != len(tangents):
        raise RuntimeError("jvp(f, primals, tangents): Expected primals and tangents to have the same python "
                           "structure. For example, if primals is a tuple of 3 tensors, tangents also must be. Got "
                           "primals with structure " + str(len(primals)) + " and tangents with structure "
                           + str(len(tangents)))
    keep_graph = _depth[0] > 0 or _any_requires_grad(primals)
    _depth[0] += 1
    try:
        with torch.enable_grad():
            tracked = tuple(_map_tensors(p, _track) for p in primals)
            output = func(*tracked)
            aux = None
            if has_aux:
                output, aux = output
            flat_out = _flatten(output)
            jv = _jvp_flat(flat_out, _flatten(tracked), _flatten(tangents))
    finally:
        _depth[0] -= 1
    result = (_finish(output, keep_graph), _finish(_unflatten(output, jv, [0]), keep_graph))
    if has_aux:
        return result + (_finish(aux, keep_graph),)
    return result


def _jacobian(func, argnums, has_aux, forward, name):
    def wrapper(*args, **kwargs):
        keep_graph = _depth[0] > 0 or _any_requires_grad(args)
        nums = _argnums_tuple(argnums, len(args), name)
        _depth[0] += 1
        try:
            with torch.enable_grad():
                args = list(args)
                for n in nums:
                    args[n] = _map_tensors(args[n], _track)
                diff = [args[n] for n in nums]
                output = func(*args, **kwargs)
                aux = None
                if has_aux:
                    output, aux = output
                outs = _flatten(output)
                ins = _flatten(diff)
                # jac[o][i]: output o by input i, shaped out.shape + in.shape.
                jac = [[None] * len(ins) for _ in outs]
                if forward:
                    for i in range(len(ins)):
                        columns = [[] for _ in outs]
                        for j in range(ins[i].numel()):
                            basis = torch.zeros(ins[i].numel(), dtype=ins[i].dtype, device=ins[i].device)
                            basis[j] = 1
                            tangents = [basis.view_as(ins[k]) if k == i else torch.zeros_like(ins[k])
                                        for k in range(len(ins))]
                            jv = _jvp_flat(outs, ins, tangents)
                            for o in range(len(outs)):
                                columns[o].append(jv[o].reshape(-1))
                        for o in range(len(outs)):
                            if ins[i].numel() == 0:
                                stacked = torch.zeros(outs[o].numel(), 0, dtype=outs[o].dtype)
                            else:
                                stacked = torch.stack(columns[o], -1)
                            jac[o][i] = stacked.view(outs[o].shape + ins[i].shape)
                else:
                    for o in range(len(outs)):
                        rows = [[] for _ in ins]
                        flat = outs[o].reshape(-1)
                        for k in range(flat.numel()):
                            gs = _grads(flat[k], ins)
                            for i in range(len(ins)):
                                rows[i].append(gs[i])
                        for i in range(len(ins)):
                            if flat.numel() == 0:
                                stacked = torch.zeros((0,) + tuple(ins[i].shape), dtype=ins[i].dtype)
                            else:
                                stacked = torch.stack(rows[i], 0)
                            jac[o][i] = stacked.view(outs[o].shape + ins[i].shape)
        finally:
            _depth[0] -= 1
        per_output = []
        for o in range(len(outs)):
            by_arg = _unflatten(diff, jac[o], [0])
            per_output.append(by_arg[0] if not isinstance(argnums, tuple) else tuple(by_arg))
        result = _unflatten(output, per_output, [0]) if not _is_tensor(output) else per_output[0]
        result = _finish(result, keep_graph)
        if has_aux:
            return result, _finish(aux, keep_graph)
        return result

    return wrapper


def jacrev(func, argnums=0, *, has_aux=False, chunk_size=None, _preallocate_and_copy=False):
    """The Jacobian of func w.r.t. argnums, one reverse pass per output element."""
    return _jacobian(func, argnums, has_aux, False, "jacrev")


def jacfwd(func, argnums=0, has_aux=False, *, randomness="error"):
    """The Jacobian of func w.r.t. argnums, one Jacobian-vector product per input element."""
    return _jacobian(func, argnums, has_aux, True, "jacfwd")


def hessian(func, argnums=0):
    """The Hessian of scalar func: jacfwd of jacrev."""
    return jacfwd(jacrev(func, argnums), argnums)


def vmap(func, in_dims=0, out_dims=0, randomness="error", *, chunk_size=None):
    """Maps func over a dimension of its inputs: calls it once per index and stacks the
    results along out_dims."""

    def wrapped(*args, **kwargs):
        dims = in_dims if isinstance(in_dims, (tuple, list)) else (in_dims,) * len(args)
        if len(dims) != len(args):
            raise ValueError("vmap(" + getattr(func, "__name__", "f") + ", in_dims=" + str(in_dims) + ", ...)"
                             "(<inputs>): in_dims is not compatible with the structure of `inputs`. in_dims has "
                             "structure " + str(len(dims)) + " but inputs has structure " + str(len(args)) + ".")
        sizes = []
        for a, d in zip(args, dims):
            if d is not None:
                for t in _flatten(a):
                    sizes.append(t.size(d))
        if len(sizes) == 0:
            raise ValueError("vmap(" + getattr(func, "__name__", "f") + ", in_dims=" + str(in_dims) + ", ...)"
                             "(<inputs>): at least one input must be a Tensor that vmap maps over.")
        for s in sizes:
            if s != sizes[0]:
                raise ValueError("vmap: Expected all tensors to have the same size in the mapped dimension, got "
                                 "sizes " + str(sizes) + " for the mapped dimension")
        results = []
        for i in range(sizes[0]):
            call_args = []
            for a, d in zip(args, dims):
                if d is None:
                    call_args.append(a)
                else:
                    call_args.append(_map_tensors(a, lambda t: t.select(d, i)))
            results.append(func(*call_args, **kwargs))
        first = results[0]
        leaves = _flatten(first)
        if len(leaves) == 0 or (not _is_tensor(first) and not isinstance(first, (tuple, list, dict))):
            raise ValueError("vmap(" + getattr(func, "__name__", "f") + ", ...): `" + getattr(func, "__name__", "f")
                             + "` must only return Tensors, got type " + str(type(first)) + ". Did you mean to set "
                             "out_dims= to None for output?")
        if isinstance(out_dims, tuple):
            odims = []
            for k in range(len(first)):
                odims.extend([out_dims[k]] * len(_flatten(first[k])))
        else:
            odims = [out_dims] * len(leaves)
        flat_results = [_flatten(r) for r in results]
        stacked = [torch.stack([fr[k] for fr in flat_results], odims[k]) for k in range(len(leaves))]
        return _unflatten(first, stacked, [0])

    return wrapped


def _resolve(module, dotted):
    parts = dotted.split(".")
    owner = module
    for p in parts[:-1]:
        owner = getattr(owner, p)
    return owner, parts[-1]


def functional_call(module, parameter_and_buffer_dicts, args=None, kwargs=None, *, tie_weights=True, strict=False):
    """Calls module with the given tensors in place of its parameters and buffers."""
    if isinstance(parameter_and_buffer_dicts, (tuple, list)):
        merged = {}
        for d in parameter_and_buffer_dicts:
            for k in d:
                if k in merged:
                    raise ValueError("functional_call got multiple values for keys ['" + k + "'], which are used "
                                     "in both parameter_and_buffer_dicts")
                merged[k] = d[k]
    else:
        merged = parameter_and_buffer_dicts
    if strict:
        expected = set(n for n, _ in module.named_parameters()) | set(n for n, _ in module.named_buffers())
        missing = sorted(k for k in expected if k not in merged)
        unexpected = sorted(k for k in merged if k not in expected)
        if missing or unexpected:
            msg = "Error(s) in reparametrizing for " + type(module).__name__ + ":"
            if unexpected:
                msg += "\n\tUnexpected key(s): " + ", ".join("'" + k + "'" for k in unexpected) + "."
            if missing:
                msg += "\n\tMissing key(s): " + ", ".join("'" + k + "'" for k in missing) + "."
            raise RuntimeError(msg)
    if args is None:
        args = ()
    elif not isinstance(args, tuple):
        args = (args,)
    if kwargs is None:
        kwargs = {}
    saved = []
    for key in merged:
        owner, name = _resolve(module, key)
        if name in owner._parameters:
            saved.append((owner._parameters, name, owner._parameters[name]))
            owner._parameters[name] = merged[key]
        elif name in owner._buffers:
            saved.append((owner._buffers, name, owner._buffers[name]))
            owner._buffers[name] = merged[key]
        else:
            raise AttributeError("'" + type(owner).__name__ + "' object has no attribute '" + name + "'")
    try:
        return module(*args, **kwargs)
    finally:
        for table, name, old in reversed(saved):
            table[name] = old


def stack_module_state(models):
    """Stacks the parameters and buffers of same-shaped models: (params, buffers) dicts."""
    if len(models) == 0:
        raise RuntimeError("stack_module_state: Expected at least one model, got 0.")
    if not (all(m.training for m in models) or all(not m.training for m in models)):
        raise RuntimeError("stack_module_state: Expected all models to have the same training/eval mode.")
    params = {}
    for name, _ in models[0].named_parameters():
        params[name] = torch.stack([dict(m.named_parameters())[name] for m in models]).detach().requires_grad_()
    buffers = {}
    for name, _ in models[0].named_buffers():
        buffers[name] = torch.stack([dict(m.named_buffers())[name] for m in models])
    return params, buffers
