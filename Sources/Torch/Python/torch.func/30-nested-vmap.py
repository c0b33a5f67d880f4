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
                # Only matrix products know what functorch runs then (_StridedFold).
                leaves.append(_StridedFold(moved))
                continue
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


class _StridedFold(_Batched):
    """Two vmap levels whose batch dimensions do not fold into one without a copy
    (`vmap(vmap(f), in_dims=1)`). functorch runs a matrix product of such a tensor with
    a shared matrix as ATen's matmul decomposes it on the inner level's logical strides:
    a logical operand that folds into rows (one row per sample) becomes one product of the
    strided (B1, B2·rows, k) physical tensor; otherwise the inner level's bmm reaches the
    outer level's bmm rule, which copies the operand into (B1·B2, rows, k) and runs one bmm
    with the shared matrix expanded. Every other operation refuses it (_NeedLoop), so the
    inner vmap runs per sample as before."""

    def __init__(self, strided):
        self._s = strided
        self._same = None

    @property
    def _p(self):
        raise _NeedLoop()

    @property
    def shape(self):
        return self._s.shape[2:]

    @property
    def dtype(self):
        return self._s.dtype

    @property
    def requires_grad(self):
        return self._s.requires_grad

    @property
    def ndim(self):
        return self._s.dim() - 2

    def dim(self):
        return self._s.dim() - 2


def _strided_fold_mm(a, b):
    # a: _StridedFold with a (rows, k) logical matrix; b: a shared (k, m) matrix.
    S = a._s
    if S.dim() != 4 or not isinstance(b, torch.Tensor) or isinstance(b, _Batched) or b.dim() != 2:
        raise _NeedLoop()
    if S.requires_grad or b.requires_grad:
        raise _NeedLoop()
    B1, B2, rows, k = S.shape
    m = b.shape[1]
    st = S.stride()
    # should_fold on the logical (B2, rows, k): its leading dimensions of size > 1 chain.
    if B2 == 1 or rows == 1 or st[1] == st[2] * rows:
        r = torch.matmul(S.reshape(B1, B2 * rows, k), b)
        return _Batched(r.reshape(B1 * B2, rows, m))
    C = S.reshape(B1 * B2, rows, k)
    return _Batched(torch.bmm(C, b.expand(B1 * B2, k, m)))
