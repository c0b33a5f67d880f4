#!/usr/bin/env python3
"""Regenerates GroupNormBackwardGoldens.json: PyTorch's group_norm CPU
backward kernel's three gradients (input, weight, bias), bit for bit, for C/groups from 1
to 24 — below, at and above the vector width, so the γ-weighted sums' vector part and
their tail (which GCC vectorizes half a vector wide, in order) are both covered — in
float32 and float64, with and without an affine weight. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/GroupNormBackwardGoldens.py

Inputs are `pseudo` (the hash of MKLGoldens.py): x in [-2, 2), weight in [0.5, 1.5),
bias in [-0.5, 0.5), grad_output in [-0.5, 0.5); eps 1e-5.
"""
import json
import os
import platform
import struct

import torch
import torch.nn.functional as F

torch.set_num_threads(2)
HERE = os.path.dirname(os.path.abspath(__file__))


def pseudo(count, seed, lo, hi):
    out = []
    for i in range(count):
        k = ((i + 1) * 2654435761 + seed * 40503) % 4294967296
        out.append(lo + (hi - lo) * (k / 4294967296.0))
    return out


def hexes(t):
    t = t.detach().contiguous().reshape(-1)
    if t.dtype == torch.float32:
        return "".join("%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.tolist())
    return "".join("%016x" % struct.unpack("<Q", struct.pack("<d", v))[0] for v in t.tolist())


def make(n, seed, lo, hi, dt, shape):
    return torch.tensor(pseudo(n, seed, lo, hi), dtype=torch.float64).to(dt).reshape(shape)


cases = []
for d in range(1, 25):
    for (n, g, hw) in [(2, 1, 5), (3, 2, 3), (1, 3, 4)]:
        c = d * g
        for dname, dt in (("float32", torch.float32), ("float64", torch.float64)):
            for affine in (True, False):
                seed = 1000 + d * 10 + g
                x = make(n * c * hw, seed, -2, 2, dt, (n, c, hw)).requires_grad_()
                w = make(c, seed + 1, 0.5, 1.5, dt, (c,)).requires_grad_() if affine else None
                b = make(c, seed + 2, -0.5, 0.5, dt, (c,)).requires_grad_() if affine else None
                gy = make(n * c * hw, seed + 3, -0.5, 0.5, dt, (n, c, hw))
                y = F.group_norm(x, g, w, b, eps=1e-5)
                y.backward(gy)
                case = {"shape": [n, c, hw], "groups": g, "dtype": dname, "affine": affine, "seed": seed,
                        "dx": hexes(x.grad)}
                if affine:
                    case["dw"] = hexes(w.grad)
                    case["db"] = hexes(b.grad)
                cases.append(case)

made = {"torch": torch.__version__, "machine": platform.machine(), "threads": torch.get_num_threads(),
        "cpu_capability": torch.backends.cpu.get_cpu_capability()}
with open(os.path.join(HERE, "GroupNormBackwardGoldens.json"), "w") as fh:
    json.dump({"made_with": made, "cases": cases}, fh, indent=0)
print(len(cases), "cases")
