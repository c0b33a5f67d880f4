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
    return isinstance(x, torch.Tensor) or isinstance(x, _Batched)


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
    # eager_transforms.py's _slice_argnums checks, in its order and words.
    if not isinstance(argnums, (int, tuple)):
        raise RuntimeError("argnums must be int or Tuple[int, ...], got: " + str(type(argnums)))
    nums = argnums if isinstance(argnums, tuple) else (argnums,)
    out = []
    for n in nums:
        if not isinstance(n, int):
            raise RuntimeError("argnum must be int, got: " + str(type(n)))
        if n < -nargs or n >= nargs:
            raise RuntimeError("Got argnum=" + str(n) + ", but only " + str(nargs) + " positional inputs")
        out.append(n % nargs)
    if isinstance(argnums, tuple):
        if len(out) == 0:
            raise RuntimeError("argnums must be non-empty")
        if len(set(out)) != len(out):
            raise RuntimeError("argnums elements must be unique, got " + str(tuple(out)))
    return tuple(out)


def _grads(outputs, inputs, grad_outputs=None):
    gs = torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph=True, create_graph=True, allow_unused=True)
    return [torch.zeros_like(inputs[i]) if gs[i] is None else gs[i] for i in range(len(inputs))]


def grad_and_value(func, argnums=0, has_aux=False):
    """Returns a function computing (gradient of func w.r.t. argnums, func's value)."""

    def wrapper(*args, **kwargs):
        nums = _argnums_tuple(argnums, len(args), "grad_and_value(f)(*args)")
        if _batched_mode[0]:
            return _batched_grad_and_value(func, nums, argnums, has_aux, args, kwargs)
        keep_graph = _depth[0] > 0 or _any_requires_grad(args) or _any_requires_grad(kwargs)
        _depth[0] += 1
        try:
            with torch.enable_grad():
                output, aux, diff = _call_differentiated(func, args, kwargs, nums, _track, has_aux)
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


def _track_batched(size, leaves):
    # A differentiated tensor inside vmap: a per-sample leaf, kept in `leaves`.
    def track(t):
        if isinstance(t, _Batched):
            if t._same is not None:
                raise _NeedLoop()
            leaf = t._p.detach().requires_grad_()
            leaves.append(leaf)
            return _Batched(leaf)
        shared = t.detach()
        leaf = shared.unsqueeze(0).expand([size] + list(shared.shape)).clone().requires_grad_()
        leaves.append(leaf)
        return _Batched(leaf, shared)

    return track


def _batched_jacrev(func, nums, argnums, args, kwargs):
    # jacrev inside vmap: one batched backward per output element (each sample's row of
    # the Jacobian at once), the rows stacked as jacrev's vmap over basis vectors does.
    size = _batch_size(tuple(_flatten(list(args))), kwargs)
    leaves = []
    track = _track_batched(size, leaves)
    with torch.enable_grad():
        args = list(args)
        diff = []
        for n in nums:
            args[n] = _map_tensors(args[n], track)
            diff.append(args[n])
        output = func(*args, **kwargs)
        if not isinstance(output, _Batched) or output._same is not None:
            raise _NeedLoop()
        flat = output._p.reshape([size, -1])
        rows = [[] for _ in leaves]
        for k in range(flat.shape[1]):
            gs = torch.autograd.grad([flat.select(1, k)], leaves, [torch.ones(size, dtype=flat.dtype)],
                                     retain_graph=True, allow_unused=True)
            for i in range(len(leaves)):
                rows[i].append(torch.zeros_like(leaves[i]) if gs[i] is None else gs[i])
    out_shape = list(output._p.shape[1:])
    jacs = []
    for i in range(len(leaves)):
        if flat.shape[1] == 0:
            raise _NeedLoop()
        stacked = torch.stack(rows[i], 1)
        jacs.append(_Batched(stacked.reshape([size] + out_shape + list(leaves[i].shape[1:]))))
    by_arg = _unflatten(diff, jacs, [0])
    return tuple(by_arg) if isinstance(argnums, tuple) else by_arg[0]


def _call_differentiated(func, args, kwargs, nums, track, has_aux):
    """Marks the arguments `nums` with `track`, calls func, and splits off aux when has_aux:
    (output, aux, the marked arguments), as grad_and_value reads them, batched or not."""
    args = list(args)
    diff = []
    for n in nums:
        args[n] = _map_tensors(args[n], track)
        diff.append(args[n])
    output = func(*args, **kwargs)
    aux = None
    if has_aux:
        if not (isinstance(output, tuple) and len(output) == 2):
            raise RuntimeError("grad_and_value(f)(*args): output of function f should be a tuple: "
                               "(output, aux) if has_aux is True")
        output, aux = output
    return output, aux, diff


def _batched_grad_and_value(func, nums, argnums, has_aux, args, kwargs):
    # grad inside vmap, batched: each differentiated tensor becomes a per-sample leaf (B, ...)
    # and func runs once; the gradient of the per-sample outputs (seeded with ones, as each
    # sample's backward is) lands per sample in those leaves.
    size = _batch_size(tuple(_flatten(list(args))), kwargs)
    leaves = []
    track = _track_batched(size, leaves)
    with torch.enable_grad():
        output, aux, diff = _call_differentiated(func, args, kwargs, nums, track, has_aux)
        if not isinstance(output, _Batched) or output._same is not None or output.dim() != 0:
            raise _NeedLoop()
        gs = torch.autograd.grad([output._p], leaves, [torch.ones_like(output._p)], allow_unused=True)
    gs = [_Batched(torch.zeros_like(leaves[i]) if gs[i] is None else gs[i]) for i in range(len(leaves))]
    grads = _unflatten(diff, gs, [0])
    grads = tuple(grads) if isinstance(argnums, tuple) else grads[0]
    value = _Batched(output._p.detach())
    if has_aux:
        aux = _map_tensors(aux, lambda t: _Batched(t._p.detach()) if isinstance(t, _Batched) else t.detach())
        return grads, (value, aux)
    return grads, value


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
    if _batched_mode[0]:
        raise _NeedLoop()
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
    # Outputs that do not depend on the inputs have a zero tangent, as forward AD gives them.
    active = [k for k in range(len(flat_out)) if flat_out[k].requires_grad]
    if len(active) < len(flat_out):
        if len(active) == 0:
            return [torch.zeros_like(o) for o in flat_out]
        sub = _jvp_flat([flat_out[k] for k in active], flat_in, flat_tangents)
        res = [torch.zeros_like(o) for o in flat_out]
        for j in range(len(active)):
            res[active[j]] = sub[j]
        return res
    us = [torch.zeros_like(o, requires_grad=True) for o in flat_out]
    gs = torch.autograd.grad(flat_out, flat_in, us, retain_graph=True, create_graph=True, allow_unused=True)
    pairs_g = []
    pairs_v = []
    for g, v in zip(gs, flat_tangents):
        # A gradient that does not depend on u (a piecewise-linear output's Jacobian is
        # constant) contributes nothing: J v is zero there, as forward AD gives it.
        if g is not None and g.requires_grad:
            pairs_g.append(g)
            pairs_v.append(v)
    if len(pairs_g) == 0:
        return [torch.zeros_like(o) for o in flat_out]
    res = torch.autograd.grad(pairs_g, us, pairs_v, retain_graph=True, create_graph=True, allow_unused=True)
    return [torch.zeros_like(flat_out[i]) if res[i] is None else res[i] for i in range(len(flat_out))]


def _dual_tangents(output, dual):
    # The tangents of `output`'s tensors among everything _run_dual flattened (output, aux).
    flat = _flatten(output)
    res = []
    for o in flat:
        k = next((i for i in range(len(dual[3])) if dual[3][i] is o), None)
        if k is None:
            return None
        res.append(dual[1][k])
    return res


def jvp(func, primals, tangents, *, strict=False, has_aux=False):
    """(func(*primals), J·tangents)."""
    if _batched_mode[0]:
        raise _NeedLoop()
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
    for p, t in zip(_flatten(primals), _flatten(tangents)):
        if p.shape != t.shape:
            # What fwAD.make_dual says of a tangent of another size.
            raise RuntimeError("Trying to set a forward gradient that has a different size than that of the original "
                               "Tensor, this is not supported. Tensor is of size " + str(list(p.shape)) + " while the "
                               "given forward gradient is of size " + str(list(t.shape)) + ".")
    keep_graph = _depth[0] > 0 or _any_requires_grad(primals)
    _depth[0] += 1
    try:
        with torch.enable_grad():
            tracked = tuple(_map_tensors(p, _track) for p in primals)
            # Real forward-mode AD (torch.autograd.forward_ad's formulas); the double-backward
            # trick only when an op without a forward formula here met a tangent.
            dual = torch.autograd.forward_ad._run_dual(lambda: func(*tracked), _flatten(tracked), _flatten(tangents))
            output = dual[0] if dual is not None else func(*tracked)
            aux = None
            if has_aux:
                output, aux = output
                if dual is not None and dual[1] is not None:
                    dual = (output, _dual_tangents(output, dual))
            flat_out = _flatten(output)
            jv = dual[1] if dual is not None else None
            if jv is None:
                jv = _jvp_flat(flat_out, _flatten(tracked), _flatten(tangents))
    finally:
        _depth[0] -= 1
    result = (_finish(output, keep_graph), _finish(_unflatten(output, jv, [0]), keep_graph))
    if has_aux:
        return result + (_finish(aux, keep_graph),)
    return result


def _jacobian(func, argnums, has_aux, forward, name):
    def wrapper(*args, **kwargs):
        nums = _argnums_tuple(argnums, len(args), name)
        if _batched_mode[0]:
            if forward or has_aux:
                raise _NeedLoop()
            return _batched_jacrev(func, nums, argnums, args, kwargs)
        keep_graph = _depth[0] > 0 or _any_requires_grad(args)
        _depth[0] += 1
        try:
            with torch.enable_grad():
                args = list(args)
                for n in nums:
                    args[n] = _map_tensors(args[n], _track)
                diff = [args[n] for n in nums]
                dual = None
                if forward:
                    ins0 = _flatten(diff)
                    dual = torch.autograd.forward_ad._run_dual(lambda: func(*args, **kwargs), ins0,
                                                               [torch.zeros_like(t) for t in ins0], record=True)
                output = dual[0] if dual is not None else func(*args, **kwargs)
                aux = None
                if has_aux:
                    output, aux = output
                outs = _flatten(output)
                ins = _flatten(diff)
                # jac[o][i]: output o by input i, shaped out.shape + in.shape.
                jac = [[None] * len(ins) for _ in outs]
                done = forward and dual is not None and dual[1] is not None and _jacfwd_replay(outs, ins, dual, jac)
                if forward and not done:
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
                elif not forward:
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


def _jacfwd_replay(outs, ins, dual, jac):
    # jacfwd's columns: the recorded forward formulas replayed for each basis tangent (the
    # other inputs get real zero tangents, as in jacfwd's vmapped jvp). False when a replay
    # loses a tangent: the caller then takes the double-backward trick.
    fa = torch.autograd.forward_ad
    outs_d = _dual_tangent_outs(outs, dual)
    for i in range(len(ins)):
        columns = [[] for _ in outs]
        for j in range(ins[i].numel()):
            basis = torch.zeros(ins[i].numel(), dtype=ins[i].dtype, device=ins[i].device)
            basis[j] = 1
            tangents = [basis.view_as(ins[k]) if k == i else torch.zeros_like(ins[k]) for k in range(len(ins))]
            jv = fa._replay_dual(dual[2], ins, tangents, dual[3])
            if jv is None:
                return False
            for o in range(len(outs)):
                columns[o].append(jv[outs_d[o]].reshape(-1))
        for o in range(len(outs)):
            if ins[i].numel() == 0:
                stacked = torch.zeros(outs[o].numel(), 0, dtype=outs[o].dtype)
            else:
                stacked = torch.stack(columns[o], -1)
            jac[o][i] = stacked.view(outs[o].shape + ins[i].shape)
    return True


def _dual_tangent_outs(outs, dual):
    # Where each of `outs` sits among the tensors _run_dual flattened.
    res = []
    for o in outs:
        res.append(next(i for i in range(len(dual[3])) if dual[3][i] is o))
    return res


def jacrev(func, argnums=0, *, has_aux=False, chunk_size=None, _preallocate_and_copy=False):
    """The Jacobian of func w.r.t. argnums, one reverse pass per output element."""
    return _jacobian(func, argnums, has_aux, False, "jacrev")


def jacfwd(func, argnums=0, has_aux=False, *, randomness="error"):
    """The Jacobian of func w.r.t. argnums, one Jacobian-vector product per input element."""
    return _jacobian(func, argnums, has_aux, True, "jacfwd")


def hessian(func, argnums=0):
    """The Hessian of scalar func: jacfwd of jacrev."""
    return jacfwd(jacrev(func, argnums), argnums)


# vmap's pytrees, after torch.utils._pytree: tuples (named ones and torch.return_types
# too), lists and dicts are nodes; everything else, None and numbers included, is a leaf.
# A spec is None for a leaf, else (node, context, child specs).


def _tree_flatten(tree):
    if isinstance(tree, (tuple, list)):
        leaves = []
        children = []
        for t in tree:
            sub, spec = _tree_flatten(t)
            leaves.extend(sub)
            children.append(spec)
        return leaves, (tree, None, children)
    if isinstance(tree, dict):
        leaves = []
        children = []
        keys = list(tree.keys())
        for k in keys:
            sub, spec = _tree_flatten(tree[k])
            leaves.extend(sub)
            children.append(spec)
        return leaves, (tree, keys, children)
    return [tree], None


def _num_leaves(spec):
    if spec is None:
        return 1
    return sum(_num_leaves(c) for c in spec[2])


def _rebuild(node, values):
    # A node of the same type as `node` holding `values`.
    if isinstance(node, list):
        return list(values)
    if type(node) is tuple:
        return tuple(values)
    return type(node)(values) if not hasattr(node, "_fields") else type(node)(*values)


def _tree_unflatten(leaves, spec, pos=None):
    if pos is None:
        pos = [0]
    if spec is None:
        v = leaves[pos[0]]
        pos[0] += 1
        return v
    node, context, children = spec
    values = [_tree_unflatten(leaves, c, pos) for c in children]
    if isinstance(node, dict):
        out = {}
        for k, v in zip(context, values):
            out[k] = v
        return out
    return _rebuild(node, values)


def _spec_repr(spec, indent=0):
    # TreeSpec.__repr__: `TreeSpec(tuple, None, [*,\n  *])`.
    if spec is None:
        return "*"
    node, context, children = spec
    text = "TreeSpec(" + type(node).__name__ + ", " + str(context) + ", ["
    if len(children) > 0:
        indent += 2
        text += _spec_repr(children[0], indent)
        text += "," if len(children) > 1 else ""
        text += ",".join(["\n" + " " * indent + _spec_repr(c, indent) for c in children[1:]])
    return text + "])"


def _broadcast_to_and_flatten(prefix, spec):
    # `prefix` repeated over the leaves of the tree `spec` describes, or None when `prefix`
    # is not a prefix of that tree.
    if not isinstance(prefix, (tuple, list, dict)):
        return [prefix] * _num_leaves(spec)
    if spec is None:
        return None
    node, context, children = spec
    if type(prefix) is not type(node) or len(prefix) != len(children):
        return None
    if isinstance(prefix, dict):
        if sorted(prefix.keys()) != sorted(context):
            return None
        parts = [prefix[k] for k in context]
    else:
        parts = list(prefix)
    out = []
    for p, c in zip(parts, children):
        sub = _broadcast_to_and_flatten(p, c)
        if sub is None:
            return None
        out.extend(sub)
    return out


def _get_name(func):
    name = getattr(func, "__name__", None)
    return name if name is not None else repr(func)


def _check_out_dims(out_dims, func):
    def check(x):
        if not (x is None or isinstance(x, int)):
            raise ValueError("vmap(" + _get_name(func) + ", ..., out_dims=" + str(out_dims) + "): `out_dims` must be "
                             "an int, None or a python collection of ints representing where in the outputs the "
                             "vmapped dimension should appear.")

    if isinstance(out_dims, int):
        return
    for leaf in _tree_flatten(out_dims)[0]:
        check(leaf)


def _process_batched_inputs(in_dims, args, func):
    # vmap.py's _process_batched_inputs: (batch size, flat in_dims, flat args, args' spec).
    name = _get_name(func)
    if not isinstance(in_dims, int) and not isinstance(in_dims, tuple):
        raise ValueError("vmap(" + name + ", in_dims=" + str(in_dims) + ", ...)(<inputs>): expected `in_dims` to be "
                         "int or a (potentially nested) tuple matching the structure of inputs, got: "
                         + str(type(in_dims)) + ".")
    if len(args) == 0:
        raise ValueError("vmap(" + name + ")(<inputs>): got no inputs. Maybe you forgot to add inputs, or you are "
                         "trying to vmap over a function with no inputs. The latter is unsupported.")
    flat_args, args_spec = _tree_flatten(tuple(args))
    flat_in_dims = _broadcast_to_and_flatten(in_dims, args_spec)
    if flat_in_dims is None:
        raise ValueError("vmap(" + name + ", in_dims=" + str(in_dims) + ", ...)(<inputs>): in_dims is not compatible "
                         "with the structure of `inputs`. in_dims has structure "
                         + _spec_repr(_tree_flatten(in_dims)[1]) + " but inputs has structure "
                         + _spec_repr(args_spec) + ".")
    for i in range(len(flat_args)):
        arg = flat_args[i]
        in_dim = flat_in_dims[i]
        if not isinstance(in_dim, int) and in_dim is not None:
            raise ValueError("vmap(" + name + ", in_dims=" + str(in_dims) + ", ...)(<inputs>): Got in_dim="
                             + str(in_dim) + " for an input but in_dim must be either an integer dimension or None.")
        if isinstance(in_dim, int) and not _is_tensor(arg):
            raise ValueError("vmap(" + name + ", in_dims=" + str(in_dims) + ", ...)(<inputs>): Got in_dim="
                             + str(in_dim) + " for an input but the input is of type " + str(type(arg))
                             + ". We cannot vmap over non-Tensor arguments, please use None as the respective in_dim")
        if in_dim is not None and (in_dim < -arg.dim() or in_dim >= arg.dim()):
            raise ValueError("vmap(" + name + ", in_dims=" + str(in_dims) + ", ...)(<inputs>): Got in_dim="
                             + str(in_dim) + " for some input, but that input is a Tensor of dimensionality "
                             + str(arg.dim()) + " so expected in_dim to satisfy -" + str(arg.dim())
                             + " <= in_dim < " + str(arg.dim()) + ".")
        if in_dim is not None and in_dim < 0:
            flat_in_dims[i] = in_dim % arg.dim()
    sizes = [flat_args[i].size(flat_in_dims[i]) for i in range(len(flat_args)) if flat_in_dims[i] is not None]
    if len(sizes) == 0:
        raise ValueError("vmap: Expected at least one Tensor to vmap over")
    for s in sizes:
        if s != sizes[0]:
            raise ValueError("vmap: Expected all tensors to have the same size in the mapped dimension, got sizes "
                             + str(sizes) + " for the mapped dimension")
    return sizes[0], flat_in_dims, flat_args, args_spec


# Batched execution inside vmap, after functorch's BatchedTensor: a mapped input becomes a
# _Batched holding the physical tensor (batch dimension first) while func runs once. The
# matrix products have functorch's batching rules (BatchRulesLinearAlgebra.cpp and the
# linear/addmm/baddbmm decompositions), so they run as the one batched product PyTorch
# runs; every other operation is computed sample by sample and stacked, which gives
# PyTorch's bits for elementwise operations, reductions and views. Anything this cannot
# express (a transform inside vmap, a tensor printed, a native that sees a _Batched) gives
# up and vmap runs func once per sample instead.


class _NeedLoop(Exception):
    pass


_batched_mode = [0]
# The error PyTorch raises inside vmap itself (`.item()`, data-dependent control flow):
# raised to the user as is, not retried per sample.
_final_error = [None]


def _vmap_refusal(message):
    e = RuntimeError(message)
    _final_error[0] = e
    return e


class _Batched:
    def __init__(self, phys, same=None):
        self._p = phys
        # For a tensor grad tracks inside vmap that is the same for every sample: that
        # tensor (phys is its per-sample copy, a leaf gathering per-sample gradients).
        self._same = same

    @property
    def shape(self):
        return self._p.shape[1:]

    @property
    def dtype(self):
        return self._p.dtype

    @property
    def device(self):
        return self._p.device

    @property
    def requires_grad(self):
        return self._p.requires_grad

    @property
    def ndim(self):
        return self._p.dim() - 1

    @property
    def T(self):
        return self.permute(*reversed(range(self.ndim)))

    @property
    def mT(self):
        return self.transpose(-2, -1)

    def dim(self):
        return self._p.dim() - 1

    def size(self, d=None):
        if d is None:
            return self.shape
        return self.shape[d]

    def numel(self):
        return self.shape.numel()

    def is_floating_point(self):
        return self._p.is_floating_point()

    def __len__(self):
        if self.dim() == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._p.shape[1]

    def item(self):
        raise _vmap_refusal("vmap: It looks like you're calling .item() on a Tensor. We don't support vmap over "
                           "calling .item() on a Tensor, please try to rewrite what you're doing with other "
                           "operations. If error is occurring somewhere inside PyTorch internals, please file a bug "
                           "report.")

    def __bool__(self):
        raise _vmap_refusal("vmap: It looks like you're attempting to use a Tensor in some data-dependent control "
                           "flow. We don't support that yet, please file an issue at "
                           "https://github.com/pytorch/pytorch/issues .")

    def __repr__(self):
        raise _NeedLoop()

    def __iter__(self):
        raise _NeedLoop()

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        rule = _METHOD_RULES.get(name)
        if rule is not None:
            return lambda *args, **kwargs: rule(self, *args, **kwargs)
        if name in _DIM_OPS:
            return lambda *args, **kwargs: _dim_op(lambda t, *a, **k: getattr(t, name)(*a, **k), (self,) + args,
                                                   kwargs, name)
        if name in _POINTWISE:
            return lambda *args, **kwargs: _pointwise(lambda t, *a, **k: getattr(t, name)(*a, **k), (self,) + args,
                                                      kwargs)
        if name.endswith("_") and not name.endswith("__"):
            def inplace(*args, **kwargs):
                _loop(lambda t, *a, **k: getattr(t, name)(*a, **k), (self,) + args, kwargs)
                return self
            return inplace
        return lambda *args, **kwargs: _loop(lambda t, *a, **k: getattr(t, name)(*a, **k), (self,) + args, kwargs)

    def __matmul__(self, other):
        return _matmul_rule(self, other)

    def __rmatmul__(self, other):
        return _matmul_rule(other, self)

    def __getitem__(self, index):
        return _loop(lambda t, i: t[i], (self, index), {})

    def __setitem__(self, index, value):
        def put(t, i, v):
            t[i] = v
        _loop(put, (self, index, value), {})


def _binary(fn):
    return lambda self, other: _pointwise(fn, (self, other), {})


def _reflected(fn):
    return lambda self, other: _pointwise(fn, (other, self), {})


# Elementwise operations: functorch's unary and binary batching rules run them once on the
# physical tensors (the batched ones padded to the largest logical rank), which gives the
# per-sample values and the operation's own grad_fn.
_POINTWISE = set(("abs neg negative exp exp2 log log2 log10 log1p expm1 sin cos tan asin acos atan sinh cosh tanh "
                  "asinh acosh atanh arcsin arccos arctan arcsinh arccosh arctanh sigmoid relu sqrt rsqrt erf erfc "
                  "erfinv floor ceil trunc fix frac sign sgn reciprocal square digamma lgamma logit nan_to_num isnan "
                  "isinf isfinite isposinf isneginf signbit logical_not bitwise_not sinc deg2rad rad2deg i0 positive "
                  "relu6 gelu silu mish softplus elu selu celu leaky_relu hardtanh hardsigmoid hardswish logsigmoid "
                  "softsign tanhshrink threshold hardshrink softshrink clamp clip clamp_min clamp_max round pow add "
                  "sub subtract mul multiply div divide true_divide floor_divide remainder fmod atan2 arctan2 maximum "
                  "minimum fmax fmin hypot copysign xlogy eq ne lt le gt ge greater less greater_equal less_equal "
                  "not_equal logical_and logical_or logical_xor bitwise_and bitwise_or bitwise_xor where lerp "
                  "addcmul addcdiv rsub float_power nextafter heaviside ldexp square_ float").split())


def _pointwise(fn, args, kwargs):
    # _binary_pointwise_helper: batch dimensions first, batched operands padded with 1s up
    # to the largest logical rank; operands of mixed dtypes (whose promotion would see the
    # physical ranks) go sample by sample.
    tensors = [a for a in args if isinstance(a, (torch.Tensor, _Batched))]
    dtypes = set(t.dtype for t in tensors)
    scalar_batched = [a for a in args if isinstance(a, _Batched) and a.dim() == 0]
    if (len(dtypes) != 1 and len(scalar_batched) > 0) or _any_batched((), kwargs):
        return _loop(fn, args, kwargs)
    rank = 0
    for t in tensors:
        if t.dim() > rank:
            rank = t.dim()
    phys = []
    for a in args:
        if isinstance(a, _Batched):
            if a._same is not None:
                return _loop(fn, args, kwargs)
            P = a._p
            for _ in range(rank - a.dim()):
                P = P.unsqueeze(1)
            phys.append(P)
        elif isinstance(a, (tuple, list)):
            return _loop(fn, args, kwargs)
        else:
            phys.append(a)
    return _Batched(fn(*phys, **kwargs))


_Batched.__add__ = _binary(lambda a, b: a + b)
_Batched.__radd__ = _reflected(lambda a, b: a + b)
_Batched.__sub__ = _binary(lambda a, b: a - b)
_Batched.__rsub__ = _reflected(lambda a, b: a - b)
_Batched.__mul__ = _binary(lambda a, b: a * b)
_Batched.__rmul__ = _reflected(lambda a, b: a * b)
_Batched.__truediv__ = _binary(lambda a, b: a / b)
_Batched.__rtruediv__ = _reflected(lambda a, b: a / b)
_Batched.__floordiv__ = _binary(lambda a, b: a // b)
_Batched.__rfloordiv__ = _reflected(lambda a, b: a // b)
_Batched.__mod__ = _binary(lambda a, b: a % b)
_Batched.__rmod__ = _reflected(lambda a, b: a % b)
_Batched.__pow__ = _binary(lambda a, b: a ** b)
_Batched.__rpow__ = _reflected(lambda a, b: a ** b)
_Batched.__and__ = _binary(lambda a, b: a & b)
_Batched.__rand__ = _reflected(lambda a, b: a & b)
_Batched.__or__ = _binary(lambda a, b: a | b)
_Batched.__ror__ = _reflected(lambda a, b: a | b)
_Batched.__xor__ = _binary(lambda a, b: a ^ b)
_Batched.__rxor__ = _reflected(lambda a, b: a ^ b)
_Batched.__lt__ = _binary(lambda a, b: a < b)
_Batched.__le__ = _binary(lambda a, b: a <= b)
_Batched.__gt__ = _binary(lambda a, b: a > b)
_Batched.__ge__ = _binary(lambda a, b: a >= b)
_Batched.__eq__ = _binary(lambda a, b: a == b)
_Batched.__ne__ = _binary(lambda a, b: a != b)
_Batched.__neg__ = lambda self: _pointwise(lambda a: -a, (self,), {})
_Batched.__pos__ = lambda self: _pointwise(lambda a: +a, (self,), {})
_Batched.__abs__ = lambda self: _pointwise(lambda a: abs(a), (self,), {})
_Batched.__invert__ = lambda self: _pointwise(lambda a: ~a, (self,), {})
_Batched.__hash__ = lambda self: id(self)


def _is_batched(x):
    return isinstance(x, _Batched)


def _any_batched(args, kwargs):
    for a in args:
        if isinstance(a, _Batched):
            return True
        if isinstance(a, (tuple, list)):
            for b in a:
                if isinstance(b, _Batched):
                    return True
    for k in kwargs:
        if isinstance(kwargs[k], _Batched):
            return True
    return False


def _batch_size(args, kwargs):
    for a in list(args) + list(kwargs.values()):
        if isinstance(a, _Batched):
            return a._p.shape[0]
        if isinstance(a, (tuple, list)):
            for b in a:
                if isinstance(b, _Batched):
                    return b._p.shape[0]
    raise _NeedLoop()


def _sample(x, i):
    if isinstance(x, _Batched):
        return x._p.select(0, i)
    if isinstance(x, tuple) and not hasattr(x, "_fields"):
        return tuple(_sample(y, i) for y in x)
    if isinstance(x, list):
        return [_sample(y, i) for y in x]
    return x


def _loop(fn, args, kwargs):
    # fn per sample, the results stacked: PyTorch's bits for every operation whose batching
    # rule computes what the per-sample operation computes.
    size = _batch_size(args, kwargs)
    results = []
    for i in range(size):
        a = [_sample(x, i) for x in args]
        k = {}
        for key in kwargs:
            k[key] = _sample(kwargs[key], i)
        results.append(fn(*a, **k))
    return _stack_batched(results)


def _stack_batched(results):
    first = results[0] if len(results) > 0 else None
    if isinstance(first, torch.Tensor):
        return _Batched(torch.stack(results))
    if isinstance(first, tuple) and len(first) > 0 and all(isinstance(t, torch.Tensor) for t in first):
        parts = [_Batched(torch.stack([r[k] for r in results])) for k in range(len(first))]
        return _rebuild(first, parts)
    if first is None and all(r is None for r in results):
        return None
    raise _NeedLoop()


def _front(x):
    # The physical tensor with its batch dimension first, and whether it has one.
    if isinstance(x, _Batched):
        if x._same is not None:
            raise _NeedLoop()
        return x._p, True
    if not isinstance(x, torch.Tensor):
        raise _NeedLoop()
    return x, False


def _logical_dim(x):
    return x.dim()


def _dot_rule(a, b):
    A, ab = _front(a)
    B, bb = _front(b)
    if _logical_dim(a) != 1 or _logical_dim(b) != 1:
        raise RuntimeError("Got wrong shapes for dot")
    if ab and bb:
        return _Batched(torch.matmul(A.unsqueeze(-2), B.unsqueeze(-1)).squeeze(-1).squeeze(-1))
    return _Batched(torch.matmul(A, B.t()))


def _mv_rule(m, v):
    M, mb = _front(m)
    V, vb = _front(v)
    if _logical_dim(m) != 2 or _logical_dim(v) != 1:
        raise _NeedLoop()
    if mb and vb:
        return _Batched(torch.matmul(M, V.unsqueeze(-1)).squeeze(-1))
    if mb:
        return _Batched(torch.matmul(M, V))
    return _Batched(torch.matmul(M, V.movedim(0, -1)).movedim(1, 0))


class _SameMatmul(torch.autograd.Function):
    """A batched (B, rows, k) times a matrix every sample shares, which grad tracks per
    sample: the product as the batching rule runs it (one folded mm with the shared
    matrix), and MmBackward0's formulas batched: mm_mat1_backward as grad @ M^T,
    mm_mat2_backward as bmm, transposed first when M is column-major as ATen does."""

    @staticmethod
    def forward(ctx, a, per_sample, m):
        ctx.save_for_backward(a, m)
        return torch.matmul(a, m)

    @staticmethod
    def backward(ctx, grad):
        a, m = ctx.saved_tensors
        grad_a = torch.matmul(grad, m.t())
        if m.stride(0) == 1 and m.stride(1) == m.shape[0]:
            grad_m = torch.matmul(grad.transpose(1, 2), a).transpose(1, 2)
        else:
            grad_m = torch.matmul(a.transpose(1, 2), grad)
        return grad_a, grad_m, None


def _mm_rule(a, b):
    if isinstance(a, _StridedFold):
        return _strided_fold_mm(a, b)
    if isinstance(b, _Batched) and b._same is not None and isinstance(a, _Batched) and a._same is None:
        if _logical_dim(a) != 2 or _logical_dim(b) != 2:
            raise _NeedLoop()
        return _Batched(_SameMatmul.apply(a._p, b._p, b._same))
    A, ab = _front(a)
    B, bb = _front(b)
    if _logical_dim(a) != 2 or _logical_dim(b) != 2:
        raise _NeedLoop()
    return _Batched(torch.matmul(A, B))


def _bmm_rule(a, b):
    A, ab = _front(a)
    B, bb = _front(b)
    if _logical_dim(a) != 3 or _logical_dim(b) != 3:
        raise _NeedLoop()
    return _Batched(torch.matmul(A, B))


def _matmul_rule(a, b):
    # ATen's matmul decomposes on the logical shapes; the products then batch.
    if not _any_batched((a, b), {}):
        return torch.matmul(a, b)
    d1 = _logical_dim(a)
    d2 = _logical_dim(b)
    if d1 == 1 and d2 == 1:
        return _dot_rule(a, b)
    if d1 == 2 and d2 == 1:
        return _mv_rule(a, b)
    if d1 == 1 and d2 == 2:
        return _squeeze0(_mm_rule(_unsqueeze0(a), b))
    if d1 == 2 and d2 == 2:
        return _mm_rule(a, b)
    if d1 >= 3 and d2 <= 2 and isinstance(a, _Batched) and not isinstance(b, _Batched):
        # ATen folds the logical operand into rows (one mm); folding the physical one
        # gives the same rows.
        return _Batched(torch.matmul(a._p, b))
    raise _NeedLoop()


def _unsqueeze0(x):
    if isinstance(x, _Batched):
        return _Batched(x._p.unsqueeze(1))
    return x.unsqueeze(0)


def _squeeze0(x):
    if isinstance(x, _Batched):
        return _Batched(x._p.squeeze(1))
    return x.squeeze(0)


def _transposed(w):
    if isinstance(w, _Batched):
        if w.dim() != 2:
            raise _NeedLoop()
        return _Batched(w._p.transpose(1, 2), None if w._same is None else w._same.t())
    return w.t()


def _add(a, b):
    A, ab = _front(a)
    B, bb = _front(b)
    if ab and not bb:
        return _Batched(A + B)
    if bb and not ab:
        return _Batched(A + B)
    if ab and bb:
        return _Batched(A + B)
    return A + B


def _linear_rule(input, weight, bias=None):
    # at::linear on the logical shapes: addmm (decomposed under vmap to mm, then the bias
    # added) or matmul then the bias added; either way the product rounds before the add.
    if _logical_dim(input) not in (1, 2) or _logical_dim(weight) != 2:
        raise _NeedLoop()
    if bias is not None and (_logical_dim(bias) != 1 or (isinstance(bias, _Batched) and _logical_dim(input) != 2
                                                          and not isinstance(input, _Batched))):
        raise _NeedLoop()
    out = _matmul_rule(input, _transposed(weight))
    if bias is None:
        return out
    if isinstance(bias, _Batched) and bias._same is not None:
        B, bb = bias._p, True
    else:
        B, bb = _front(bias)
    O, ob = _front(out)
    if bb and not ob:
        raise _NeedLoop()
    if bb:
        # Logical (.., m) + (m,): the bias's batch dimension lines up with the output's.
        shape = [B.shape[0]] + [1] * (O.dim() - 2) + [B.shape[-1]]
        return _Batched(O + B.reshape(shape))
    return _Batched(O + B)


def _addmm_rule(input, mat1, mat2, beta=1, alpha=1):
    # addmm_decomp: at::add(self * beta, at::mm(mat1, mat2), alpha).
    prod = _mm_rule(mat1, mat2)
    scaled = input * beta
    S, sb = _front(scaled)
    P, pb = _front(prod)
    if sb and _logical_dim(scaled) == 1:
        S = S.unsqueeze(1)
    return _Batched(torch.add(S, P, alpha=alpha))


def _baddbmm_rule(input, batch1, batch2, beta=1, alpha=1):
    out = _bmm_rule(batch1, batch2)
    if alpha != 1:
        out = _Batched(alpha * out._p)
    if beta != 0:
        I, ib = _front(input * beta)
        if ib:
            return _Batched(I + out._p)
        return _Batched(I + out._p)
    return out


def _scalar_kw(kwargs, name, default):
    return kwargs[name] if name in kwargs else default


_FUNCTION_RULES = {
    "dot": lambda orig, a, b: _dot_rule(a, b),
    "mv": lambda orig, m, v: _mv_rule(m, v),
    "mm": lambda orig, a, b: _mm_rule(a, b),
    "bmm": lambda orig, a, b: _bmm_rule(a, b),
    "matmul": lambda orig, a, b: _matmul_rule(a, b),
    "linear": lambda orig, input, weight, bias=None: _linear_rule(input, weight, bias),
    "addmm": lambda orig, input, mat1, mat2, beta=1, alpha=1: _addmm_rule(input, mat1, mat2, beta, alpha),
    "baddbmm": lambda orig, input, b1, b2, beta=1, alpha=1: _baddbmm_rule(input, b1, b2, beta, alpha),
    "conv1d": lambda orig, *args, **kwargs: _conv_rule(orig, 1, args, kwargs),
    "conv2d": lambda orig, *args, **kwargs: _conv_rule(orig, 2, args, kwargs),
    "conv3d": lambda orig, *args, **kwargs: _conv_rule(orig, 3, args, kwargs),
    "is_tensor": lambda orig, x: True,
    "outer": lambda orig, a, b: _outer_rule(a, b),
    "ger": lambda orig, a, b: _outer_rule(a, b),
    "cat": lambda orig, tensors, dim=0: _cat_rule(orig, tensors, dim),
    "concat": lambda orig, tensors, dim=0: _cat_rule(orig, tensors, dim),
    "stack": lambda orig, tensors, dim=0: _cat_rule(orig, tensors, dim, 1),
}


def _outer_rule(a, b):
    # outer is composite: self.reshape({n, 1}) * vec2 (MulBackward0).
    if _logical_dim(a) != 1 or _logical_dim(b) != 1:
        raise _NeedLoop()
    return _pointwise(lambda x, y: x * y, (_reshape_column(a), b), {})


def _reshape_column(a):
    if isinstance(a, _Batched):
        if a._same is not None:
            raise _NeedLoop()
        return _Batched(a._p.reshape([a._p.shape[0], a._p.shape[1], 1]))
    return a.reshape([a.shape[0], 1])


def _cat_rule(orig, tensors, dim, extra=0):
    # The cat and stack batching rules: unbatched tensors expanded along the batch
    # dimension, one cat (stack: extra=1, a new dimension) of the physical tensors at dim
    # shifted past it.
    tensors = list(tensors)
    size = _batch_size((tensors,), {})
    phys = []
    rank = None
    for t in tensors:
        if isinstance(t, _Batched):
            if t._same is not None:
                raise _NeedLoop()
            phys.append(t._p)
            rank = t.dim() + extra
        elif isinstance(t, torch.Tensor):
            phys.append(t.unsqueeze(0).expand([size] + list(t.shape)))
        else:
            raise _NeedLoop()
    if not isinstance(dim, int) or rank == 0 or dim < -rank or dim >= rank:
        raise _NeedLoop()
    return _Batched(orig(phys, dim % rank + 1))


def _conv_rule(orig, spatial, args, kwargs):
    # BatchRulesConvolution.cpp, input batched and weight not: the batch dimension folded
    # into N (an unbatched sample is N=1), one convolution, unfolded.
    input = args[0]
    rest = list(args[1:])
    weight = rest[0] if len(rest) > 0 else kwargs.get("weight")
    bias = rest[1] if len(rest) > 1 else kwargs.get("bias")
    if isinstance(weight, _Batched) and weight._same is not None:
        return _shared_weight_conv(orig, spatial, args, kwargs)
    if not isinstance(input, _Batched) or isinstance(weight, _Batched) or isinstance(bias, _Batched):
        raise _NeedLoop()
    for a in rest[2:] + list(kwargs.values()):
        if isinstance(a, _Batched):
            raise _NeedLoop()
    P = input._p
    size = P.shape[0]
    logical = P.dim() - 1
    if logical == spatial + 1:
        # An unbatched sample: conv unsqueezes it to N=1 and squeezes the output back.
        folded = P.unsqueeze(1).reshape([size] + list(P.shape[1:]))
    elif logical == spatial + 2:
        folded = P.reshape([size * P.shape[1]] + list(P.shape[2:]))
    else:
        raise _NeedLoop()
    out = orig(folded, *rest, **kwargs)
    if logical == spatial + 1:
        return _Batched(out.reshape([size, 1] + list(out.shape[1:])).squeeze((1,)))
    return _Batched(out.reshape([size, P.shape[1]] + list(out.shape[1:])))


_METHOD_RULES = {
    "dot": lambda self, other: _dot_rule(self, other),
    "mv": lambda self, v: _mv_rule(self, v),
    "mm": lambda self, other: _mm_rule(self, other),
    "bmm": lambda self, other: _bmm_rule(self, other),
    "matmul": lambda self, other: _matmul_rule(self, other),
    "addmm": lambda self, mat1, mat2, beta=1, alpha=1: _addmm_rule(self, mat1, mat2, beta, alpha),
    "baddbmm": lambda self, b1, b2, beta=1, alpha=1: _baddbmm_rule(self, b1, b2, beta, alpha),
}

_NOT_PATCHED = set(["manual_seed", "seed", "initial_seed", "get_rng_state", "set_rng_state", "is_grad_enabled",
                    "set_grad_enabled", "no_grad", "enable_grad", "inference_mode", "get_default_dtype",
                    "set_default_dtype", "set_printoptions", "is_tensor"])


def _patched(orig, rule):
    def call(*args, **kwargs):
        if not _any_batched(args, kwargs):
            return orig(*args, **kwargs)
        if rule is not None:
            return rule(orig, *args, **kwargs)
        return _loop(orig, args, kwargs)

    return call


# Other functions a vmapped function commonly calls: they see _Batched arguments and run
# per sample. A function outside every list gets the physical _Batched and fails, and vmap
# then runs the whole function per sample.
_PER_SAMPLE = set(("reshape flatten unflatten squeeze unsqueeze transpose swapaxes permute movedim t narrow select "
                   "index_select gather take_along_dim max min argmax argmin sort argsort topk kthvalue median norm "
                   "clone flip roll diag diagonal tril triu einsum tensordot kron trace cross dist cdist "
                   "cosine_similarity pairwise_distance all any count_nonzero nansum nanmean var_mean std_mean "
                   "logcumsumexp cummax cummin diff chunk split unbind tile repeat_interleave expand_copy "
                   "normalize pad one_hot mse_loss cross_entropy nll_loss l1_loss binary_cross_entropy "
                   "binary_cross_entropy_with_logits smooth_l1_loss huber_loss kl_div layer_norm batch_norm "
                   "group_norm instance_norm embedding max_pool1d max_pool2d avg_pool1d avg_pool2d "
                   "adaptive_avg_pool1d adaptive_avg_pool2d adaptive_max_pool2d interpolate unfold fold softmin glu "
                   "softmax log_softmax dropout zeros_like ones_like full_like empty_like rand_like randn_like "
                   "bernoulli multinomial normal poisson").split())

# (module, name, original, batched stand-in), built at the first vmap.
_patch_cache = []


def _patch_namespaces():
    # Swaps torch's and torch.nn.functional's functions that see _Batched arguments for
    # stand-ins; returns what to put back.
    if len(_patch_cache) == 0:
        import torch.nn.functional as F
        names = set(_FUNCTION_RULES.keys()) | _POINTWISE | _DIM_OPS | _PER_SAMPLE
        for module in (torch, F):
            for name in sorted(names):
                if name in _NOT_PATCHED or not hasattr(module, name):
                    continue
                orig = getattr(module, name)
                if isinstance(orig, type) or not callable(orig):
                    continue
                rule = _FUNCTION_RULES.get(name)
                if rule is None and name in _POINTWISE:
                    rule = _pointwise_rule
                if rule is None and name in _DIM_OPS:
                    rule = _dim_rule(name)
                _patch_cache.append((module, name, orig, _patched(orig, rule)))
    for module, name, orig, stand_in in _patch_cache:
        setattr(module, name, stand_in)
    return _patch_cache


def _stand_in(func):
    # vmap(torch.dot): the function was fetched before vmap swapped it; its stand-in runs.
    for module, name, orig, stand_in in _patch_cache:
        if orig is func:
            return stand_in
    return func


def _unpatch(saved):
    for module, name, orig, stand_in in saved:
        setattr(module, name, orig)


def _pointwise_rule(orig, *args, **kwargs):
    return _pointwise(orig, args, kwargs)


# Reductions and scans over given dimensions: the batching rule reduces the physical
# tensor over the same dimensions shifted past the batch dimension (sum and mean over all
# dimensions: over every logical one).
_DIM_OPS = set("sum mean softmax log_softmax logsumexp cumsum cumprod amax amin std var prod".split())


def _dim_op(fn, args, kwargs, name):
    x = args[0]
    if not isinstance(x, _Batched) or x._same is not None or _any_batched(args[1:], kwargs):
        return _loop(fn, args, kwargs)
    rank = x.dim()
    rest = list(args[1:])
    if name in ("var", "std") and len(rest) > 0 and isinstance(rest[0], bool):
        # var(unbiased): the overload without dimensions.
        if len(rest) > 1 or "unbiased" in kwargs:
            return _loop(fn, args, kwargs)
        kwargs = dict(kwargs)
        kwargs["unbiased"] = rest[0]
        rest = []
    if len(rest) > 0:
        dim = rest[0]
    elif "dim" in kwargs:
        dim = kwargs["dim"]
    else:
        dim = None
    if dim is None:
        every = tuple(range(1, rank + 1))
        if name in ("var", "std") and rank > 0:
            # var/std over every dimension: the batching rule reduces the logical ones.
            kwargs = dict(kwargs)
            kwargs.pop("dim", None)
            if len(rest) > 0:
                return _loop(fn, args, kwargs)
            return _Batched(fn(x._p, every, **kwargs))
        if name not in ("sum", "mean") or rank == 0 or len(rest) > 0 or len(kwargs) > 0:
            return _loop(fn, args, kwargs)
        return _Batched(fn(x._p, every))
    if rank == 0:
        return _loop(fn, args, kwargs)

    def shift(d):
        if not isinstance(d, int) or d < -rank or d >= rank:
            raise _NeedLoop()
        return d % rank + 1

    try:
        new_dim = tuple(shift(d) for d in dim) if isinstance(dim, (tuple, list)) else shift(dim)
    except _NeedLoop:
        return _loop(fn, args, kwargs)
    if len(rest) > 0:
        rest[0] = new_dim
    else:
        kwargs = dict(kwargs)
        kwargs["dim"] = new_dim
    return _Batched(fn(x._p, *rest, **kwargs))


def _dim_rule(name):
    return lambda orig, *args, **kwargs: _dim_op(orig, args, kwargs, name)




def _call_batched(func, flat_in_dims, flat_args, args_spec, kwargs):
    # func once on _Batched inputs; its outputs as physical tensors (batch first), or
    # _NeedLoop.
    leaves = []
    for a, d in zip(flat_args, flat_in_dims):
        leaves.append(a if d is None else _Batched(a.movedim(d, 0)))
    saved = _patch_namespaces()
    _batched_mode[0] += 1
    try:
        out = _stand_in(func)(*_tree_unflatten(leaves, args_spec), **kwargs)
    finally:
        _batched_mode[0] -= 1
        _unpatch(saved)
    return out


_RANDOM_ERROR = ("vmap: called random operation while in randomness error mode. Please either use the 'same' or "
                 "'different' randomness flags on vmap or perform the randomness operation out of vmap")


def _call_per_sample(func, batch_size, flat_in_dims, flat_args, args_spec, randomness, kwargs):
    # One call per index, PyTorch's batching computed sample by sample. Randomness as
    # PyTorch's modes: "error" refuses any draw from the default generator, "same" gives
    # every sample the draws of one (the generator rewound per sample), "different" draws
    # on.
    results = []
    start_state = torch.get_rng_state() if randomness != "different" else None
    for i in range(batch_size):
        if randomness == "same" and i > 0:
            torch.set_rng_state(start_state)
        leaves = [a if d is None else a.select(d, i) for a, d in zip(flat_args, flat_in_dims)]
        out = func(*_tree_unflatten(leaves, args_spec), **kwargs)
        if randomness == "error" and not torch.equal(torch.get_rng_state(), start_state):
            torch.set_rng_state(start_state)
            raise RuntimeError(_RANDOM_ERROR)
        results.append(out)
    return results


def _flat_out_dims(first, out_dims, func):
    # vmap.py's _unwrap_batched checks: the outputs' leaves, spec and out_dim per leaf.
    flat_first, output_spec = _tree_flatten(first)

    def incompatible():
        raise ValueError("vmap(" + _get_name(func) + ", ..., out_dims=" + str(out_dims) + ")(<inputs>): out_dims is "
                         "not compatible with the structure of `outputs`. out_dims has structure "
                         + _spec_repr(_tree_flatten(out_dims)[1]) + " but outputs has structure "
                         + _spec_repr(output_spec) + ".")

    if _is_tensor(first):
        if isinstance(out_dims, int) or out_dims is None:
            return flat_first, output_spec, [out_dims]
        if isinstance(out_dims, tuple) and len(out_dims) == 1:
            return flat_first, output_spec, list(out_dims)
        incompatible()
    flat = _broadcast_to_and_flatten(out_dims, output_spec)
    if flat is None:
        incompatible()
    return flat_first, output_spec, flat


def _not_tensor_error(leaf, func):
    name = _get_name(func)
    return ValueError("vmap(" + name + ", ...): `" + name + "` must only return Tensors, got type "
                      + str(type(leaf)) + ". Did you mean to set out_dims= to None for output?")


def _stack_outputs(results, out_dims, func):
    # The per-sample outputs, each leaf stacked at its out_dim.
    flat_first, output_spec, flat_out_dims = _flat_out_dims(results[0], out_dims, func)
    per_sample = [_tree_flatten(r)[0] for r in results]
    flat_out = []
    for k in range(len(flat_first)):
        leaf = flat_first[k]
        out_dim = flat_out_dims[k]
        if out_dim is None:
            flat_out.append(leaf)
        elif not _is_tensor(leaf):
            raise _not_tensor_error(leaf, func)
        else:
            flat_out.append(torch.stack([p[k] for p in per_sample], out_dim))
    return _tree_unflatten(flat_out, output_spec)


def _unbatch_outputs(out, out_dims, func, batch_size):
    # _remove_batch_dim per leaf: the batch dimension moved to out_dim; an output that does
    # not depend on the mapped inputs expanded along it.
    flat, output_spec, flat_out_dims = _flat_out_dims(out, out_dims, func)
    flat_out = []
    for k in range(len(flat)):
        leaf = flat[k]
        out_dim = flat_out_dims[k]
        if out_dim is None:
            if isinstance(leaf, _Batched):
                raise ValueError("vmap(" + _get_name(func) + ", ...): `" + _get_name(func) + "` can not return a "
                                 "BatchedTensor when out_dim is None")
            flat_out.append(leaf)
        elif isinstance(leaf, _Batched):
            d = out_dim if out_dim >= 0 else out_dim + leaf._p.dim()
            flat_out.append(leaf._p if d == 0 else leaf._p.movedim(0, out_dim))
        elif isinstance(leaf, torch.Tensor):
            sizes = list(leaf.shape)
            d = out_dim if out_dim >= 0 else out_dim + len(sizes) + 1
            sizes.insert(d, batch_size)
            flat_out.append(leaf.unsqueeze(d).expand(sizes))
        else:
            raise _not_tensor_error(leaf, func)
    return _tree_unflatten(flat_out, output_spec)


def _call_chunks(func, batch_size, flat_in_dims, flat_args, args_spec, kwargs, out_dims, chunk_size):
    # _chunked_vmap: the inputs split into chunks of chunk_size, func batched over each,
    # the outputs concatenated along out_dims (the products then run per chunk).
    if chunk_size is None or chunk_size >= batch_size:
        out = _call_batched(func, flat_in_dims, flat_args, args_spec, kwargs)
        return _unbatch_outputs(out, out_dims, func, batch_size)
    bounds = list(range(chunk_size, batch_size, chunk_size))
    pieces = [a.tensor_split(bounds, d) if d is not None else None for a, d in zip(flat_args, flat_in_dims)]
    chunk_outputs = []
    for c in range(len(bounds) + 1):
        chunk_args = [a if d is None else pieces[k][c] for k, a, d in zip(range(len(flat_args)), flat_args, flat_in_dims)]
        size = min(batch_size, (c + 1) * chunk_size) - c * chunk_size
        out = _call_batched(func, flat_in_dims, chunk_args, args_spec, kwargs)
        chunk_outputs.append(_unbatch_outputs(out, out_dims, func, size))
    flat_first, output_spec = _tree_flatten(chunk_outputs[0])
    flat_out_dims = _broadcast_to_and_flatten(out_dims, output_spec)
    flats = [_tree_flatten(o)[0] for o in chunk_outputs]
    joined = [torch.cat([f[k] for f in flats], flat_out_dims[k]) for k in range(len(flat_first))]
    return _tree_unflatten(joined, output_spec)


def vmap(func, in_dims=0, out_dims=0, randomness="error", *, chunk_size=None):
    """Maps func over a dimension of its inputs. func runs once on batched stand-ins whose
    operations follow functorch's batching rules (products, convolutions and their
    per-sample gradients, losses, einsum, reductions: PyTorch's batched kernels and bits),
    once per chunk with chunk_size, and once per index where the stand-ins cannot run it;
    what still differs is in docs/differences.md."""
    if randomness not in ("error", "different", "same"):
        raise RuntimeError("Only allowed values for randomness are 'error', 'different', or 'same'. Got "
                           + str(randomness))
    if not (chunk_size is None or chunk_size > 0):
        raise ValueError("vmap: chunk_size should be None or greater than 0. (got " + str(chunk_size) + ")")

    def wrapped(*args, **kwargs):
        _check_out_dims(out_dims, func)
        batch_size, flat_in_dims, flat_args, args_spec = _process_batched_inputs(in_dims, args, func)
        if randomness == "error" and _batched_mode[0] == 0 and batch_size > 0:
            state = torch.get_rng_state()
            out = None
            try:
                out = _call_chunks(func, batch_size, flat_in_dims, flat_args, args_spec, kwargs, out_dims,
                                   chunk_size)
            except Exception as e:
                # Not expressible batched (or an error func raises anyway): the per-sample
                # calls below decide, unless vmap itself refused.
                torch.set_rng_state(state)
                if _final_error[0] is e:
                    _final_error[0] = None
                    raise
                out = _NeedLoop
            if out is not _NeedLoop:
                if not torch.equal(torch.get_rng_state(), state):
                    raise RuntimeError(_RANDOM_ERROR)
                return out
        if _batched_mode[0] > 0 and randomness == "error" and (chunk_size is None or chunk_size >= batch_size):
            out = _call_nested(func, batch_size, flat_in_dims, flat_args, args_spec, kwargs, out_dims)
            if out is not _NeedLoop:
                return out
        results = _call_per_sample(func, batch_size, flat_in_dims, flat_args, args_spec, randomness, kwargs)
        return _stack_outputs(results, out_dims, func)

    wrapped.__name__ = getattr(func, "__name__", "vmap")
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
        for d in parameter_and_buffer_dicts:
            if not isinstance(d, dict):
                raise ValueError("Expected all elements of parameter_and_buffer_dicts to be dictionaries")
        counts = {}
        for d in parameter_and_buffer_dicts:
            for k in d:
                counts[k] = counts.get(k, 0) + 1
        repeated = [k for k in counts if counts[k] > 1]
        if len(repeated) > 0:
            raise ValueError(str(repeated) + " appeared in multiple dictionaries; behavior of functional call is "
                             "ambiguous")
        merged = {}
        for d in parameter_and_buffer_dicts:
            for k in d:
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
