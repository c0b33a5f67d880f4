# einsum under vmap. einsum is composite: under vmap its permutes, views and bmm run on
# the physical tensors through their batching rules, the batch dimension riding along as
# one more batch label of the product, with unbatched operands expanded along it. So the
# batched einsum is einsum on the physical operands with a fresh label in front of every
# operand and of the output (checked against PyTorch's vmap for vector-matrix,
# matrix-matrix, transpose, dot, outer and bmm equations: same bits, same grad_fn).


def _einsum_rule(orig, equation, *operands):
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    if not isinstance(equation, str) or "->" not in equation or "." in equation:
        return _loop(lambda *ops: orig(equation, *ops), operands, {})
    inputs, output = equation.replace(" ", "").split("->")
    terms = inputs.split(",")
    used = set(equation)
    label = None
    for c in "ZYXWVUTSRQPONMLKJIHGFEDCBA":
        if c not in used:
            label = c
            break
    if label is None or len(terms) != len(operands):
        return _loop(lambda *ops: orig(equation, *ops), operands, {})
    size = _batch_size(operands, {})
    phys = []
    for op in operands:
        if isinstance(op, _Batched) and op._same is None:
            phys.append(op._p)
        elif isinstance(op, torch.Tensor):
            phys.append(op.unsqueeze(0).expand([size] + list(op.shape)))
        else:
            # A tracked shared operand (grad inside vmap) or a non-tensor: per sample.
            return _loop(lambda *ops: orig(equation, *ops), operands, {})
    batched = ",".join(label + t for t in terms) + "->" + label + output
    return _Batched(orig(batched, *phys))


_FUNCTION_RULES["einsum"] = _einsum_rule
