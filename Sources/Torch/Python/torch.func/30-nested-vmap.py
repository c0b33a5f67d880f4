# Nested vmap: functorch stacks the levels on one BatchedTensor, so an operation on a
# tensor mapped by both levels runs once over both batch dimensions (a matrix product
# under vmap(vmap(f)) is one bmm over B1·B2 matrices). Here the inner vmap, called on
# stand-ins of the outer one, folds its batch dimension into the outer one's and calls
# func once on the (B1·B2, ...) stand-ins.


def _call_nested(func, batch_size, flat_in_dims, flat_args, args_spec, kwargs, out_dims):
    """The inner vmap's outputs as outer stand-ins, or _NeedLoop where folding the levels
    would not run what PyTorch runs: an input mapped by one level only (PyTorch treats it
    as unbatched at the other level), batch dimensions that do not fold into one without a
    copy, a tracked shared tensor, or func failing on the folded stand-ins (the inner vmap
    then runs per sample as before)."""
    outer = None
    leaves = []
    for a, d in zip(flat_args, flat_in_dims):
        if isinstance(a, _Batched):
            if d is None or a._same is not None:
                return _NeedLoop
            P = a._p
            if outer is None:
                outer = P.shape[0]
            moved = P.movedim(d + 1, 1)
            try:
                # Only as a view: PyTorch's kernels see the strided tensor (a matrix
                # product of one that cannot fold into rows runs per matrix), a copy
                # would fold.
                folded = moved.view([outer * batch_size] + list(moved.shape[2:]))
            except RuntimeError:
                return _NeedLoop
            leaves.append(_Batched(folded))
        elif isinstance(a, torch.Tensor):
            if d is not None:
                return _NeedLoop
            leaves.append(a)
        else:
            leaves.append(a)
    if outer is None:
        return _NeedLoop
    state = torch.get_rng_state()
    try:
        out = _stand_in(func)(*_tree_unflatten(leaves, args_spec), **kwargs)
        inner = _unbatch_outputs(out, out_dims, func, outer * batch_size)
    except Exception as e:
        torch.set_rng_state(state)
        if _final_error[0] is e:
            raise
        return _NeedLoop
    flat, spec = _tree_flatten(inner)
    if not torch.equal(torch.get_rng_state(), state):
        torch.set_rng_state(state)
        return _NeedLoop
    flat_dims = _broadcast_to_and_flatten(out_dims, spec)
    result = []
    for leaf, d in zip(flat, flat_dims):
        if d is None or not isinstance(leaf, torch.Tensor):
            return _NeedLoop
        # out_dims placed the folded dimension; split it into (B1, B2) and put B1 first.
        d = d if d >= 0 else d + leaf.dim()
        shape = list(leaf.shape)
        split = leaf.reshape(shape[:d] + [outer, batch_size] + shape[d + 1:])
        result.append(_Batched(split.movedim(d, 0)))
    return _tree_unflatten(result, spec)
