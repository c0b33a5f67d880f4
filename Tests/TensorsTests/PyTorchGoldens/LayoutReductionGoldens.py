#!/usr/bin/env python3
"""Regenerates LayoutReductionGoldens.json: PyTorch's float `norm` (p = 1, 2, 3, 0.5, 4),
`var`/`std` (correction 0 and 1), `var_mean`/`std_mean`, `prod` over one dim and `nansum`,
bit for bit, on contiguous, permuted, expanded (stride-0) and sliced (step 2 or 3) inputs,
below and above the 32,768 grain. TensorIterator orders and merges dims by stride, and a
one-element result above the grain is split between the 2 threads, so every layout adds
in its own order; these cases pin that order down. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/LayoutReductionGoldens.py

Inputs: ExpandedReductionGoldens.py's `pseudo` values in [-3, 5), rounded to the dtype,
shaped `base` (nansum: values above 4.2 replaced by NaN), then `x.expand(expand)`, then
`x[..., ::step]`, then `x.permute(perm)`. var_mean/std_mean give the statistic's values
followed by the mean's. 2 threads, as on the test machines.
"""
import json
import os
import platform

import numpy as np
import torch

torch.set_num_threads(2)
HERE = os.path.dirname(os.path.abspath(__file__))


def pseudo(count, seed, lo, hi):
    i = np.arange(count, dtype=np.uint64)
    k = ((i + np.uint64(1)) * np.uint64(2654435761) + np.uint64(seed * 40503)) % np.uint64(4294967296)
    return lo + (hi - lo) * (k.astype(np.float64) / 4294967296.0)


def bits(t):
    a = t.detach().contiguous().reshape(-1).numpy()
    return a.view(np.uint32 if a.dtype == np.float32 else np.uint64)


def hexes(b):
    return "".join(("%08x" if b.dtype == np.uint32 else "%016x") % v for v in b.tolist())


def digest(b):
    w = np.arange(1, 2 * len(b) + 1, 2, dtype=np.uint64)
    with np.errstate(over="ignore"):
        return "%016x" % int(np.sum(b.astype(np.uint64) * w, dtype=np.uint64))


DTYPES = {"float32": torch.float32, "float64": torch.float64}
HEAD = 48
cases = []
rng = np.random.default_rng(2151)
SIZES = [1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 33, 64, 100, 129, 200, 300]


def make(c):
    dt = DTYPES[c["dtype"]]
    v = pseudo(int(np.prod(c["base"])), c["seed"], -3, 5)
    if c["op"] == "nansum":
        v[v > 4.2] = np.nan
    x = torch.from_numpy(v).to(dt).reshape(c["base"])
    if c["expand"] is not None:
        x = x.expand(*c["expand"])
    if c["step"] is not None:
        x = x[..., ::c["step"]]
    if c["perm"] is not None:
        x = x.permute(*c["perm"])
    return x


def compute(c, x):
    op, dims, k = c["op"], c["dims"], c["keepdim"]
    d = {} if dims is None else {"dim": tuple(dims), "keepdim": k}
    if op == "norm":
        return torch.linalg.vector_norm(x, ord=c["p"], **d)
    if op in ("var", "std"):
        return getattr(torch, op)(x, correction=c["correction"], **d)
    if op in ("var_mean", "std_mean"):
        a, b = getattr(torch, op)(x, correction=c["correction"], **d)
        return torch.cat([a.reshape(-1), b.reshape(-1)])
    if op == "prod":
        return torch.prod(x * 0.25 + 0.875, dim=dims[0], keepdim=k)
    if op == "nansum":
        return torch.nansum(x, **d)
    raise ValueError(op)


def add(op, dname, base, expand, step, perm, dims, keepdim, seed, p=None, correction=None):
    c = {"op": op, "dtype": dname, "base": list(base), "expand": expand, "step": step, "perm": perm,
         "seed": seed, "dims": dims, "keepdim": keepdim, "p": p, "correction": correction}
    y = compute(c, make(c))
    b = bits(y)
    c.update({"count": y.numel(), "out": hexes(b[:HEAD]), "digest": digest(b)})
    cases.append(c)


def random_layout(big):
    while True:
        ndim = int(rng.integers(1, 4))
        shape = [int(rng.choice(SIZES)) for _ in range(ndim)]
        n = int(np.prod(shape))
        if (big and 32768 <= n <= 400_000) or (not big and 2 <= n <= 20_000):
            break
    kind = rng.choice(["contiguous", "expand", "step", "perm"])
    base, expand, step, perm = shape, None, None, None
    if kind == "expand":
        base = list(shape)
        for _ in range(int(rng.integers(1, ndim + 1))):
            base[int(rng.integers(0, ndim))] = 1
        expand = shape
    elif kind == "step":
        step = int(rng.choice([2, 3]))
        base = shape[:-1] + [shape[-1] * step]
    if ndim > 1 and (kind == "perm" or rng.random() < 0.25):
        perm = [int(q) for q in rng.permutation(ndim)]
    if rng.random() < 0.25:
        dims = None
    else:
        k = int(rng.integers(1, ndim + 1))
        dims = sorted(int(q) for q in rng.choice(ndim, size=k, replace=False))
    keepdim = bool(rng.random() < 0.3) and dims is not None
    return base, expand, step, perm, dims, keepdim


# The audit's layouts: 200×300 (transposed too), 40,000, 9×33 expanded either way, 13×34[:, ::2].
AUDIT = [([200, 300], None, None, None), ([300, 200], None, None, [1, 0]), ([40000], None, None, None),
         ([9, 1], [9, 33], None, None), ([1, 33], [9, 33], None, None), ([13, 34], None, 2, None),
         ([17, 13], None, None, [1, 0])]
OPS = [("norm", 1), ("norm", 2), ("norm", 3), ("var", None), ("std", None), ("var_mean", None), ("std_mean", None), ("nansum", None)]
seed = 7
for dname in DTYPES:
    for base, expand, step, perm in AUDIT:
        ndim = len(expand or base)
        for op, p in OPS:
            for dims in [None] + [[d] for d in range(ndim)]:
                corr = 1 if op != "norm" and op != "nansum" else None
                add(op, dname, base, expand, step, perm, dims, False, seed, p=p, correction=corr)
                seed += 1
        if ndim == 2:
            for d in range(2):
                add("prod", dname, base, expand, step, perm, [d], True, seed)
                seed += 1
for i in range(420):
    base, expand, step, perm, dims, keepdim = random_layout(big=i % 4 == 0)
    dname = "float32" if i % 2 == 0 else "float64"
    op, p = [("norm", 1), ("norm", 2), ("norm", 3), ("norm", 0.5), ("norm", 4), ("var", None), ("std", None),
             ("var_mean", None), ("std_mean", None), ("nansum", None), ("prod", None)][i % 11]
    corr = [0, 1][i % 2] if op in ("var", "std", "var_mean", "std_mean") else None
    if op == "prod":
        ndim = len(expand or base)
        dims = [int(rng.integers(0, ndim))]
    add(op, dname, base, expand, step, perm, dims, keepdim, 1000 + i, p=p, correction=corr)

made_with = "torch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(), platform.processor() or platform.machine())
with open(os.path.join(HERE, "LayoutReductionGoldens.json"), "w") as f:
    json.dump({"made_with": made_with, "cases": cases}, f, separators=(",", ":"))
print(len(cases), "cases")
