#!/usr/bin/env python3
"""Regenerates MKLGoldens.json: PyTorch's results for the products and functions that its
CPU build computes with Intel MKL or SLEEF, bit for bit. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/MKLGoldens.py

Inputs are not stored: both sides compute them with `pseudo(count, seed, lo, hi)` below
(integer hashing, then a scaling in float64 that rounds the same everywhere, then a cast),
followed by a fixed list of special values for the elementwise functions. Results are
stored as hex bit patterns, one string per case. PyTorch runs on 2 threads, as on the
2-core machines the tests run on (MKL's thread count is part of a product's rounding).
"""
import json
import os
import platform
import struct
import warnings

warnings.filterwarnings("ignore")
import torch  # noqa: E402

torch.set_num_threads(2)
HERE = os.path.dirname(os.path.abspath(__file__))


def pseudo(count, seed, lo, hi):
    """Deterministic inputs in [lo, hi): a 32-bit multiplicative hash per index."""
    out = []
    for i in range(count):
        k = ((i + 1) * 2654435761 + seed * 40503) % 4294967296
        out.append(lo + (hi - lo) * (k / 4294967296.0))
    return out


SPECIALS = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-30, -1e-30, 1e-40, 3e-310, 80.0, -80.0, 700.0,
            -700.0, 1e30, float("inf"), float("-inf"), float("nan")]


def hexes(t):
    t = t.contiguous().reshape(-1)
    if t.dtype == torch.float32:
        return "".join("%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.tolist())
    return "".join("%016x" % struct.unpack("<Q", struct.pack("<d", v))[0] for v in t.tolist())


DTYPES = {"float32": torch.float32, "float64": torch.float64}
cases = []

# Elementwise functions PyTorch computes with VML: name, domain, seed.
UNARY = [("exp", -20, 20), ("log", 0, 100), ("log2", 0, 100), ("log10", 0, 100),
         ("sqrt", 0, 100), ("sin", -10, 10), ("cos", -10, 10), ("tan", -1.5, 1.5),
         ("asin", -1, 1), ("acos", -1, 1), ("atan", -10, 10), ("tanh", -5, 5),
         ("erf", -4, 4), ("erfc", -4, 4)]
for seed, (name, lo, hi) in enumerate(UNARY):
    for dname, dt in DTYPES.items():
        x = torch.tensor(pseudo(2000, seed, lo, hi) + SPECIALS, dtype=torch.float64).to(dt)
        f = getattr(torch, name)
        cases.append({"kind": "unary", "op": name, "dtype": dname, "seed": seed, "lo": lo, "hi": hi,
                      "count": 2000, "layout": "contiguous", "out": hexes(f(x))})
        # A strided view (every second element), as non-contiguous kernels see it.
        cases.append({"kind": "unary", "op": name, "dtype": dname, "seed": seed, "lo": lo, "hi": hi,
                      "count": 2000, "layout": "stride2", "out": hexes(f(x[::2]))})
        # One-element tensors: the first 64 inputs, one call each.
        single = torch.stack([f(x[i:i + 1])[0] for i in range(64)])
        cases.append({"kind": "unary", "op": name, "dtype": dname, "seed": seed, "lo": lo, "hi": hi,
                      "count": 2000, "layout": "single64", "out": hexes(single)})


def matrix(rows, cols, seed, dt):
    return torch.tensor(pseudo(rows * cols, seed, -1, 1), dtype=torch.float64).to(dt).reshape(rows, cols)


def vector(n, seed, dt):
    return torch.tensor(pseudo(n, seed, -1, 1), dtype=torch.float64).to(dt)


MM = [(3, 4, 5), (16, 64, 64), (64, 64, 64), (128, 300, 50), (1, 784, 128), (32, 784, 128)]
for dname, dt in DTYPES.items():
    for (n, k, m) in MM:
        a, b = matrix(n, k, 100 + n, dt), matrix(k, m, 200 + m, dt)
        cases.append({"kind": "mm", "dtype": dname, "shape": [n, k, m], "out": hexes(a @ b)})
        # x @ W.t() with W stored (m, k): the transposed operand.
        w = matrix(m, k, 300 + m, dt)
        cases.append({"kind": "mmT", "dtype": dname, "shape": [n, k, m], "out": hexes(a @ w.t())})
    for (n, k) in [(5, 7), (128, 784), (300, 64), (1000, 1000)]:
        a, v = matrix(n, k, 400 + n, dt), vector(k, 500 + k, dt)
        cases.append({"kind": "mv", "dtype": dname, "shape": [n, k], "out": hexes(torch.mv(a, v))})
        w = vector(n, 600 + n, dt)
        cases.append({"kind": "vm", "dtype": dname, "shape": [n, k], "out": hexes(w @ a)})
    for length in [3, 17, 100, 1000, 5000, 100000]:
        a, b = vector(length, 700 + length, dt), vector(length, 800 + length, dt)
        cases.append({"kind": "dot", "dtype": dname, "shape": [length], "out": hexes(torch.dot(a, b).reshape(1))})
    for (bs, n, k, m) in [(2, 3, 4, 5), (4, 1, 300, 1), (3, 7, 7, 7), (10, 16, 64, 64), (8, 32, 784, 16)]:
        a = matrix(bs * n, k, 900 + k, dt).reshape(bs, n, k)
        b = matrix(bs * k, m, 1000 + m, dt).reshape(bs, k, m)
        cases.append({"kind": "bmm", "dtype": dname, "shape": [bs, n, k, m], "out": hexes(torch.bmm(a, b))})
    for (n, k, m) in [(3, 4, 5), (64, 300, 10), (1, 784, 128), (32, 784, 128)]:
        x, w, bias = matrix(n, k, 1100 + n, dt), matrix(m, k, 1200 + m, dt), vector(m, 1300 + m, dt)
        cases.append({"kind": "linear", "dtype": dname, "shape": [n, k, m],
                      "out": hexes(torch.nn.functional.linear(x, w, bias))})
        b2 = matrix(k, m, 1400 + m, dt)
        cases.append({"kind": "addmm", "dtype": dname, "shape": [n, k, m],
                      "out": hexes(torch.addmm(bias, x, b2, beta=0.5, alpha=2.0))})

# Functions PyTorch computes in its vector loop with SLEEF lanes and a libm tail.
VEC = [("sigmoid", -12, 12, None), ("pow", -3, 3, 4.0), ("pow", -3, 3, 5.0), ("pow", -3, 3, 6.0),
       ("pow", 0, 5, 2.5), ("pow", 0, 5, -1.5), ("pow", 0, 5, 0.3), ("expm1", -5, 5, None),
       ("log1p", -0.9, 10, None), ("exp2", -20, 20, None), ("silu", -12, 12, None), ("logsigmoid", -12, 12, None),
       ("softplus", -30, 30, None), ("softplus", -10, 10, 2.0)]
FUNCTIONS = {"sigmoid": torch.sigmoid, "expm1": torch.expm1, "log1p": torch.log1p, "exp2": torch.exp2,
             "silu": torch.nn.functional.silu, "logsigmoid": torch.nn.functional.logsigmoid}
for seed, (name, lo, hi, e) in enumerate(VEC):
    for dname, dt in DTYPES.items():
        for count in (2051, 33001):
            if count == 33001 and (dname == "float64" or name not in ("sigmoid", "expm1")):
                continue
            x = torch.tensor(pseudo(count, 50 + seed, lo, hi) + SPECIALS, dtype=torch.float64).to(dt)
            if name == "pow":
                f = lambda t: t ** e  # noqa: E731
            elif name == "softplus":
                f = lambda t: torch.nn.functional.softplus(t, beta=e or 1.0, threshold=5.0 if e else 20.0)  # noqa: E731
            else:
                f = FUNCTIONS[name]
            base = {"kind": "vec", "op": name, "exponent": e, "dtype": dname, "seed": 50 + seed, "lo": lo, "hi": hi,
                    "count": count}
            cases.append(dict(base, layout="contiguous", out=hexes(f(x))))
            if count == 2051:
                cases.append(dict(base, layout="stride3", out=hexes(f(x[::3]))))

# softmax / log_softmax over the last dimension, and their backward.
for dname, dt in DTYPES.items():
    for shape in [(64, 2), (50, 10), (20, 17), (8, 100), (3, 5, 7), (4, 1)]:
        numel = 1
        for v in shape:
            numel *= v
        x = torch.tensor(pseudo(numel, 60 + shape[-1], -8, 8), dtype=torch.float64).to(dt).reshape(shape)
        g = torch.tensor(pseudo(numel, 70 + shape[-1], -1, 1), dtype=torch.float64).to(dt).reshape(shape)
        for log in (False, True):
            y = torch.log_softmax(x, -1) if log else torch.softmax(x, -1)
            back = (torch._log_softmax_backward_data if log else torch._softmax_backward_data)(g, y, -1, dt)
            cases.append({"kind": "softmax", "log": log, "dtype": dname, "shape": list(shape),
                          "out": hexes(y), "grad": hexes(back)})

# nll_loss's reduced value (PyTorch sums it through a cascade).
for dname, dt in DTYPES.items():
    for (n, c) in [(1, 3), (3, 3), (100, 10), (1024, 2), (5000, 7)]:
        x = torch.tensor(pseudo(n * c, 80 + n, -4, 0), dtype=torch.float64).to(dt).reshape(n, c)
        t = torch.tensor([int(u * c) for u in pseudo(n, 90 + n, 0, 1)])
        t2 = t.clone()
        t2[::7] = -100
        w = torch.tensor(pseudo(c, 95 + c, 0.1, 2), dtype=torch.float64).to(dt)
        for reduction in ("mean", "sum"):
            for weighted in (False, True):
                for ignore in (False, True):
                    v = torch.nn.functional.nll_loss(x, t2 if ignore else t, weight=w if weighted else None,
                                                     reduction=reduction)
                    cases.append({"kind": "nll", "dtype": dname, "shape": [n, c], "reduction": reduction,
                                  "weighted": weighted, "ignore": ignore, "out": hexes(v.reshape(1))})

info = {"torch": torch.__version__, "threads": torch.get_num_threads(),
        "cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "mkl": [line.strip() for line in torch.__config__.show().splitlines() if "Math Kernel" in line],
        "machine": platform.processor() or platform.machine()}
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            info["cpu"] = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
with open(os.path.join(HERE, "MKLGoldens.json"), "w") as f:
    json.dump({"made_with": info, "specials": [repr(v) for v in SPECIALS], "cases": cases}, f, indent=0)
print(len(cases), "cases")
