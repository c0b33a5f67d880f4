#!/usr/bin/env python3
"""Regenerates ElementwiseAuditGoldens.json: PyTorch's results, bit for bit, for the
elementwise functions and losses the numerics audit (Tests/CLITests/CapabilityScripts/numerics-audit.py) found different —
atanh, sinh, cosh, hypot (SLEEF lanes, libm tail), softshrink (+0 in lanes, x·0 in the
tail), digamma and the i0/i1 Bessel family (GCC's fused multiply-adds), smooth_l1_loss,
binary_cross_entropy and binary_cross_entropy_with_logits (their own formulas and the
output layout their `mean` adds in). Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/ElementwiseAuditGoldens.py

Inputs are `pseudo` (the hash of MKLGoldens.py) laid out as a base tensor and viewed:
contiguous (7, 33, 2,051 and 40,001 elements: below and above the vector width and the
32,768 grain, whose thread pieces end inside a vector block), transposed (a 37×29 base),
expanded along either dim (1×33 → 9×33, 9×1 → 9×33) and sliced with step 2 (13×34 → 13×17).
Results are hex bit patterns; above 2,100 elements only their FNV-1a hash is kept (the
file stays small). PyTorch runs on 2 threads, as on the machines the tests run on.
"""
import json
import os
import platform
import struct
import warnings

warnings.filterwarnings("ignore")
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(2)
HERE = os.path.dirname(os.path.abspath(__file__))


def pseudo(count, seed, lo, hi):
    out = []
    for i in range(count):
        k = ((i + 1) * 2654435761 + seed * 40503) % 4294967296
        out.append(lo + (hi - lo) * (k / 4294967296.0))
    return out


def hexes(t):
    t = t.contiguous().reshape(-1)
    if t.dtype == torch.float32:
        return "".join("%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.tolist())
    return "".join("%016x" % struct.unpack("<Q", struct.pack("<d", v))[0] for v in t.tolist())


def fnv1a(s):
    h = 0xcbf29ce484222325
    for b in s.encode():
        h = ((h ^ b) * 0x100000001b3) % (1 << 64)
    return "%016x" % h


def stored(t):
    h = hexes(t)
    return {"out": h} if t.numel() <= 2100 else {"hash": fnv1a(h), "numel": t.numel()}


# (layout, base shape, view)
LAYOUTS = [
    ("n7", [7], lambda x: x),
    ("n33", [33], lambda x: x),
    ("n2051", [2051], lambda x: x),
    ("n40001", [40001], lambda x: x),
    ("t37x29", [37, 29], lambda x: x.t()),
    ("e1x33", [1, 33], lambda x: x.expand(9, 33)),
    ("e9x1", [9, 1], lambda x: x.expand(9, 33)),
    ("s13x34", [13, 34], lambda x: x[:, ::2]),
]
DTYPES = {"float32": torch.float32, "float64": torch.float64}


def base(shape, seed, lo, hi, dt):
    n = 1
    for s in shape:
        n *= s
    return torch.tensor(pseudo(n, seed, lo, hi), dtype=torch.float64).to(dt).reshape(shape)


UNARY = [
    ("atanh", torch.atanh, -0.99, 0.99), ("sinh", torch.sinh, -4, 4), ("cosh", torch.cosh, -4, 4),
    ("softshrink", F.softshrink, -2, 2), ("softshrink_1.3", lambda x: F.softshrink(x, 1.3), -3, 3),
    ("digamma", torch.digamma, 0.1, 8), ("i0", torch.i0, -12, 12), ("i1", torch.special.i1, -12, 12),
    ("i1e", torch.special.i1e, -12, 12),
]
BINARY = [
    ("hypot", torch.hypot, -5, 5, -5, 5),
    ("smooth_l1_none", lambda a, b: F.smooth_l1_loss(a, b, reduction="none"), -3, 3, -3, 3),
    ("smooth_l1_mean", lambda a, b: F.smooth_l1_loss(a, b), -3, 3, -3, 3),
    ("smooth_l1_sum_beta0.5", lambda a, b: F.smooth_l1_loss(a, b, reduction="sum", beta=0.5), -3, 3, -3, 3),
    ("bce_none", lambda a, b: F.binary_cross_entropy(a, b, reduction="none"), 0.01, 0.99, 0, 1),
    ("bce_mean", lambda a, b: F.binary_cross_entropy(a, b), 0.01, 0.99, 0, 1),
    ("bce_logits_none", lambda a, b: F.binary_cross_entropy_with_logits(a, b, reduction="none"), -4, 4, 0, 1),
    ("bce_logits_mean", lambda a, b: F.binary_cross_entropy_with_logits(a, b), -4, 4, 0, 1),
]

cases = []
for seed, (name, f, lo, hi) in enumerate(UNARY):
    for dname, dt in DTYPES.items():
        for lname, shape, view in LAYOUTS:
            x = view(base(shape, 500 + seed, lo, hi, dt))
            cases.append(dict({"kind": "unary", "op": name, "dtype": dname, "layout": lname, "shape": shape,
                               "seed": 500 + seed, "lo": lo, "hi": hi}, **stored(f(x))))
for seed, (name, f, lo, hi, lo2, hi2) in enumerate(BINARY):
    for dname, dt in DTYPES.items():
        for lname, shape, view in LAYOUTS:
            a = view(base(shape, 600 + seed, lo, hi, dt))
            b = view(base(shape, 700 + seed, lo2, hi2, dt))
            cases.append(dict({"kind": "binary", "op": name, "dtype": dname, "layout": lname, "shape": shape,
                               "seed": 600 + seed, "lo": lo, "hi": hi, "seed2": 700 + seed, "lo2": lo2, "hi2": hi2},
                              **stored(f(a, b))))

made = {"torch": torch.__version__, "machine": platform.machine(), "threads": torch.get_num_threads(),
        "cpu_capability": torch.backends.cpu.get_cpu_capability()}
with open(os.path.join(HERE, "ElementwiseAuditGoldens.json"), "w") as fh:
    json.dump({"made_with": made, "cases": cases}, fh, indent=0)
print(len(cases), "cases")
