#!/usr/bin/env python3
"""Regenerates ReductionGoldens.json: PyTorch's float sums, means and nansums, bit for bit,
over many lengths, shapes, dims and layouts (ATen's cascade_sum in SumKernel.cpp and how
TensorIterator splits a reduction between threads: two_pass_reduction for a whole-tensor
result, parallel_dim_reduction otherwise, both only from 32,768 elements). Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/ReductionGoldens.py

Inputs are made on both sides by `pseudo` (the hash of MKLGoldens.py, here vectorised with
NumPy, same doubles) and rounded to the dtype; results are stored as hex bit patterns.
PyTorch runs on 2 threads, as on the 2-core machines the tests run on: the thread split is
part of the result.
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
    """sum of bits[i]·(2i+1) modulo 2^64: a changed element changes it but for a 2^-64 chance (ReductionGoldenTests.digest)."""
    w = np.arange(1, 2 * len(b) + 1, 2, dtype=np.uint64)
    with np.errstate(over="ignore"):
        return "%016x" % int(np.sum(b.astype(np.uint64) * w, dtype=np.uint64))


DTYPES = {"float32": torch.float32, "float64": torch.float64}
cases = []
HEAD = 64  # values stored in full; the rest are checked through the digest


def make(shape, seed, dt, nans=False):
    n = int(np.prod(shape))
    v = pseudo(n, seed, -3, 5)
    if nans:
        v[::37] = np.nan
    return torch.from_numpy(v).to(dt).reshape(shape)


def view(x, how):
    """The layouts the Swift test rebuilds: see ReductionGoldenTests.view."""
    if how == "contiguous":
        return x
    if how == "t":
        return x.t()
    if how == "step2":  # every other element of the last dim
        return x[..., ::2]
    if how == "rowstep2":  # every other index of the first dim
        return x[::2]
    if how.startswith("permute"):
        return x.permute(*[int(c) for c in how[len("permute"):].split(",")])
    raise ValueError(how)


def add(op, dname, shape, seed, how, dims, keepdim=False):
    dt = DTYPES[dname]
    x = view(make(shape, seed, dt, nans=op == "nansum"), how)
    kw = {} if dims is None else {"dim": tuple(dims), "keepdim": keepdim}
    y = getattr(torch, op)(x, **kw)
    cases.append({"op": op, "dtype": dname, "shape": list(shape), "seed": seed, "view": how,
                  "dims": dims, "keepdim": keepdim, "count": y.numel(), "out": hexes(bits(y)[:HEAD]),
                  "digest": digest(bits(y))})


# Whole-tensor sums of 1-D tensors: every length 1..200, primes, powers of two ± 1, around
# multiples of the 32,768 grain (the two-pass split between threads), 10^6 ± 3, a few million.
lengths = list(range(1, 201))
lengths += [211, 251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071, 524287]
for k in range(8, 23):
    lengths += [2 ** k - 1, 2 ** k, 2 ** k + 1]
for k in (1, 2, 3, 4, 5, 7, 16, 31):
    lengths += [32768 * k + d for d in (-9, -1, 0, 1, 3, 7, 9, 33)]
lengths += [999_997, 1_000_000, 1_000_003, 2_000_003, 3_000_001, 4_194_311]
lengths = sorted(set(lengths))
for dname in DTYPES:
    for n in lengths:
        add("sum", dname, [n], 7 + n % 13, "contiguous", None)
    for n in [1, 7, 8, 9, 33, 100, 32767, 32768, 32769, 65537, 100_003, 1_000_003]:
        add("mean", dname, [n], 11, "contiguous", None)
        add("nansum", dname, [n], 12, "contiguous", None)
        add("sum", dname, [n], 13, "step2", None)

# Shapes and dims: contiguous, transposed, strided, permuted; below and above the grain.
SHAPES2 = [(3, 5), (7, 33), (64, 64), (100, 3), (3, 100), (1000, 37), (37, 1000), (257, 129), (129, 257),
           (300, 300), (2, 40000), (40000, 2), (5, 13000), (13000, 5), (33, 1025), (1025, 33), (512, 1000),
           (1000, 512), (4, 100003), (100003, 4), (17, 70001)]
for dname in DTYPES:
    for shape in SHAPES2:
        for how in ("contiguous", "t", "step2", "rowstep2"):
            for dims in ([0], [1], [0, 1], None):
                add("sum", dname, shape, 21 + shape[0] % 7, how, dims)
        add("sum", dname, shape, 22, "contiguous", [1], keepdim=True)
        add("mean", dname, shape, 23, "contiguous", [0])
        add("mean", dname, shape, 23, "t", [1])
        add("nansum", dname, shape, 24, "contiguous", [0])
        add("nansum", dname, shape, 24, "t", [0])

SHAPES3 = [(2, 3, 4), (5, 7, 9), (8, 16, 32), (33, 17, 65), (64, 40, 64), (3, 12000, 3), (40, 30, 50),
           (100, 20, 40), (7, 9, 1031), (1031, 9, 7), (16, 64, 64), (64, 8, 130), (2, 33000, 2)]
for dname in DTYPES:
    for shape in SHAPES3:
        for how in ("contiguous", "permute2,0,1", "permute1,2,0", "step2"):
            for dims in ([0], [1], [2], [0, 2], [0, 1], [1, 2], None):
                add("sum", dname, shape, 31 + shape[1] % 5, how, dims)
        add("mean", dname, shape, 32, "contiguous", [0, 2])
        add("mean", dname, shape, 32, "permute2,0,1", [0, 2], keepdim=True)

SHAPES4 = [(2, 3, 5, 7), (8, 16, 12, 12), (16, 32, 16, 16), (4, 64, 30, 30), (32, 3, 64, 64)]
for dname in DTYPES:
    for shape in SHAPES4:
        for how in ("contiguous", "permute0,2,3,1"):
            for dims in ([0, 2, 3], [1], [0, 1], [2, 3], [1, 3], None):
                add("sum", dname, shape, 41, how, dims)
            add("mean", dname, shape, 42, how, [0, 2, 3])

made_with = "torch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(), platform.processor() or platform.machine())
with open(os.path.join(HERE, "ReductionGoldens.json"), "w") as f:
    json.dump({"made_with": made_with, "cases": cases}, f, separators=(",", ":"))
print(len(cases), "cases")
