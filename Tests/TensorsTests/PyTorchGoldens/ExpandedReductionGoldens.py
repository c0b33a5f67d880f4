#!/usr/bin/env python3
"""Regenerates ExpandedReductionGoldens.json: PyTorch's float `sum` and `mean` of expanded
(stride-0) inputs, bit for bit: `x.expand(...)` of random shapes, optionally permuted,
reduced over random dim sets, below and above the 32,768 grain. This is the sum autograd
does for the gradient of a broadcast op (`sum_to_size` of an expanded gradient such as
the ones of `.sum()`). TensorIterator keeps a stride-0 dim unmerged with its neighbours,
so the order of additions differs from the sum of a materialised copy. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/ExpandedReductionGoldens.py

Inputs: ReductionGoldens.py's `pseudo` values in [-3, 5), rounded to the dtype, shaped
`base`, expanded to `expand`, permuted by `perm`. 2 threads, as on the test machines.
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
HEAD = 64
cases = []
rng = np.random.default_rng(2015)
SIZES = [2, 3, 4, 5, 7, 8, 9, 12, 16, 17, 31, 33, 64, 100, 129, 257]


def add(op, dname, base, target, perm, dims, keepdim, seed):
    dt = DTYPES[dname]
    x = torch.from_numpy(pseudo(int(np.prod(base)), seed, -3, 5)).to(dt).reshape(base).expand(*target)
    if perm is not None:
        x = x.permute(*perm)
    kw = {} if dims is None else {"dim": tuple(dims), "keepdim": keepdim}
    y = getattr(torch, op)(x, **kw)
    b = bits(y)
    cases.append({"op": op, "dtype": dname, "base": list(base), "expand": list(target), "perm": perm,
                  "seed": seed, "dims": dims, "keepdim": keepdim, "count": y.numel(),
                  "out": hexes(b[:HEAD]), "digest": digest(b)})


def random_case(big):
    while True:
        ndim = int(rng.integers(1, 5))
        target = [int(rng.choice(SIZES)) for _ in range(ndim)]
        n = int(np.prod(target))
        if (big and 32768 <= n <= 3_000_000) or (not big and n <= 40_000):
            break
    lead = int(rng.integers(0, ndim)) if ndim > 1 and rng.random() < 0.4 else 0
    base = [1 if (i < lead or rng.random() < 0.4) else s for i, s in enumerate(target)][lead:]
    if all(s == t for s, t in zip(base, target[lead:])) and lead == 0:
        k = int(rng.integers(0, ndim))
        base[k] = 1
    perm = [int(p) for p in rng.permutation(ndim)] if ndim > 1 and rng.random() < 0.3 else None
    if rng.random() < 0.2:
        dims = None
    else:
        k = int(rng.integers(1, ndim + 1))
        dims = sorted(int(d) for d in rng.choice(ndim, size=k, replace=False))
    keepdim = bool(rng.random() < 0.3) and dims is not None
    return base, target, perm, dims, keepdim


# Hand-picked: the ones of `.sum()`'s gradient summed back to a broadcast operand's shape.
for dname in DTYPES:
    for base, target, dims in [([1], [1000], None), ([1], [40000], None), ([1, 1], [300, 300], None),
                               ([1, 5], [7, 5], [0]), ([3, 1], [3, 100], [1]), ([1, 64], [64, 64], [0]),
                               ([64, 1], [64, 64], [1]), ([1, 33], [1025, 33], [0]), ([1, 1, 9], [40, 50, 9], [0, 1]),
                               ([1, 16, 1, 1], [8, 16, 12, 12], [0, 2, 3]), ([1], [100003], None), ([1, 1000], [512, 1000], [0]),
                               ([1, 512], [1000, 512], [0]), ([4, 1], [4, 100003], [1]), ([1, 4], [100003, 4], [0])]:
        for op in ("sum", "mean"):
            add(op, dname, base, target, None, dims, True, 5)
for i in range(500):
    base, target, perm, dims, keepdim = random_case(big=i % 5 == 0)
    dname = "float32" if i % 2 == 0 else "float64"
    add("sum" if i % 3 else "mean", dname, base, target, perm, dims, keepdim, 100 + i)

made_with = "torch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(), platform.processor() or platform.machine())
with open(os.path.join(HERE, "ExpandedReductionGoldens.json"), "w") as f:
    json.dump({"made_with": made_with, "cases": cases}, f, separators=(",", ":"))
print(len(cases), "cases")
