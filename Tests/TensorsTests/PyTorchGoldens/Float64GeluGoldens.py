#!/usr/bin/env python3
"""Regenerates Float64GeluGoldens.json: PyTorch's float64 GELU (approximate='none') and its
gradient, bit for bit, on 100,003 inputs plus extremes. PyTorch's GeluKernelImpl computes
full AVX2 vectors with `Vectorized<double>::erf` (the SLEEF bundled in libtorch_cpu) and
the scalar tail with std::erf; gelu_backward likewise with SLEEF's exp. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/Float64GeluGoldens.py

Inputs: `pseudo` of MKLGoldens.py (vectorised here, same doubles) in [lo, hi) followed by
EXTREMES; results stored as the first 64 values in hex and a digest of all of them (the
digest of ReductionGoldens.py).
"""
import json
import os
import platform

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(2)
HERE = os.path.dirname(os.path.abspath(__file__))

EXTREMES = [0.0, -0.0, 1e-300, -1e-300, 5e-324, -5e-324, 1e-8, -1e-8, 1.4e-8, 2.5, -2.5, 2.5000000000000004,
            3.5355339059327378, -3.5355339059327378, 3.5355339059327373, 6.0, -6.0, 8.485281374238571, -8.485281374238571,
            10.0, -10.0, 30.0, -30.0, 40.0, -40.0, 1e10, -1e10, 1e300, -1e300,
            float("inf"), float("-inf"), float("nan")]


def pseudo(count, seed, lo, hi):
    i = np.arange(count, dtype=np.uint64)
    k = ((i + np.uint64(1)) * np.uint64(2654435761) + np.uint64(seed * 40503)) % np.uint64(4294967296)
    return lo + (hi - lo) * (k.astype(np.float64) / 4294967296.0)


def bits(t):
    return t.detach().contiguous().reshape(-1).numpy().view(np.uint64)


def digest(b):
    w = np.arange(1, 2 * len(b) + 1, 2, dtype=np.uint64)
    with np.errstate(over="ignore"):
        return "%016x" % int(np.sum(b * w, dtype=np.uint64))


def record(name, y, **kw):
    b = bits(y)
    cases.append(dict(kw, op=name, count=len(b), out="".join("%016x" % v for v in b[:64].tolist()), digest=digest(b)))


cases = []
for count, seed, lo, hi in [(100_003, 501, -8.0, 8.0), (40_001, 502, -3.0, 3.0), (4_099, 503, -12.0, 12.0)]:
    x = torch.from_numpy(np.concatenate([pseudo(count, seed, lo, hi), np.array(EXTREMES)]))
    g = torch.from_numpy(np.concatenate([pseudo(count, seed + 100, -2.0, 2.0), np.ones(len(EXTREMES))]))
    base = {"count_in": count, "seed": seed, "lo": lo, "hi": hi}
    record("gelu", F.gelu(x), **base)
    record("gelu_backward", torch.ops.aten.gelu_backward(g, x), **base)

made_with = "torch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(), platform.processor() or platform.machine())
with open(os.path.join(HERE, "Float64GeluGoldens.json"), "w") as f:
    json.dump({"made_with": made_with, "extremes": [repr(v) for v in EXTREMES], "cases": cases}, f, indent=0)
print(len(cases), "cases")
