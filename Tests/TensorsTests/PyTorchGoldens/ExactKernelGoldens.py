#!/usr/bin/env python3
"""Regenerates ExactKernelGoldens.json: PyTorch's results, bit for bit, for the kernels it
writes itself (Activation.cpp, Gelu.h, Elu.h, BinaryOpsKernel.cpp, PowKernel.cpp,
SoftMaxKernel.cpp, moments_utils.h, ReduceOps) and for float32 GELU, which it hands to
oneDNN. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/ExactKernelGoldens.py

Inputs are made on both sides by `pseudo` (the same hash as MKLGoldens.py) plus a list of
special values for the elementwise cases; results are stored as hex bit patterns. PyTorch
runs on 2 threads, as on the 2-core machines the tests run on (thread pieces decide which
elements a vector loop computes in its scalar tail).
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


SPECIALS = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-30, -1e-30, 1e-40, 80.0, -80.0, 1e30, -1e30,
            float("inf"), float("-inf"), float("nan")]


def hexes(t):
    t = t.contiguous().reshape(-1)
    if t.dtype == torch.float32:
        return "".join("%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.tolist())
    return "".join("%016x" % struct.unpack("<Q", struct.pack("<d", v))[0] for v in t.tolist())


DTYPES = {"float32": torch.float32, "float64": torch.float64}
cases = []


def make(count, seed, lo, hi, dt, specials=True):
    return torch.tensor(pseudo(count, seed, lo, hi) + (SPECIALS if specials else []), dtype=torch.float64).to(dt)


# Activations, forward: count 2051 (+ specials); for GELU also 20001 and 40001 (its own grain
# splits both between the threads).
ACT = {"gelu": lambda t: F.gelu(t), "gelu_tanh": lambda t: F.gelu(t, approximate="tanh"), "mish": F.mish,
       "elu": lambda t: F.elu(t), "elu_half": lambda t: F.elu(t, 0.5)}
for seed, (name, f) in enumerate(ACT.items()):
    for dname, dt in DTYPES.items():
        for count in (2051, 20001, 40001):
            if count != 2051 and (dname == "float64" or not name.startswith("gelu")):
                continue
            x = make(count, 300 + seed, -10, 10, dt, specials=count == 2051)
            base = {"kind": "act", "op": name, "dtype": dname, "seed": 300 + seed, "lo": -10, "hi": 10, "count": count,
                    "specials": count == 2051}
            cases.append(dict(base, layout="contiguous", out=hexes(f(x))))
            if count == 2051:
                cases.append(dict(base, layout="stride3", out=hexes(f(x[::3]))))
                single = torch.stack([f(x[i:i + 1])[0] for i in range(48)])
                cases.append(dict(base, layout="single48", out=hexes(single)))

# Activations, backward: grad_input for a pseudo grad_output.
GRAD = {"silu": F.silu, "gelu": F.gelu, "gelu_tanh": lambda t: F.gelu(t, approximate="tanh"), "mish": F.mish,
        "softplus": F.softplus, "softplus_b2": lambda t: F.softplus(t, beta=2.0, threshold=5.0),
        "logsigmoid": F.logsigmoid, "elu": F.elu}
for seed, (name, f) in enumerate(GRAD.items()):
    for dname, dt in DTYPES.items():
        if name == "gelu" and dname == "float32":
            continue  # oneDNN's backward: not reproduced
        x = make(2051, 400 + seed, -10, 10, dt, specials=False).requires_grad_()
        g = make(2051, 500 + seed, -2, 2, dt, specials=False)
        gi, = torch.autograd.grad(f(x), x, g)
        cases.append({"kind": "actgrad", "op": name, "dtype": dname, "seed": 400 + seed, "lo": -10, "hi": 10, "count": 2051,
                      "out": hexes(gi)})

# atan2, pow with a tensor exponent, a number to a tensor power; contiguous and broadcast rows.
for seed, name in enumerate(["atan2", "pow", "rpow2", "rpow2.5"]):
    for dname, dt in DTYPES.items():
        a = make(2051, 600 + seed, -10, 10, dt)
        b = make(2051, 700 + seed, -4, 4, dt)
        if name == "atan2":
            r, rb = torch.atan2(a, b), torch.atan2(a[:2040].reshape(40, 51), b[:51])
        elif name == "pow":
            a = a.abs()
            r, rb = a ** b, a[:2040].reshape(40, 51) ** b[:51]
        else:
            base = 2 if name == "rpow2" else 2.5
            r, rb = base ** b, base ** b[:2040].reshape(40, 51)
        cases.append({"kind": "binary", "op": name, "dtype": dname, "seed": 600 + seed, "lo": -10, "hi": 10, "count": 2051,
                      "layout": "contiguous", "out": hexes(r)})
        cases.append({"kind": "binary", "op": name, "dtype": dname, "seed": 600 + seed, "lo": -10, "hi": 10, "count": 2051,
                      "layout": "rows", "out": hexes(rb)})

# softmax / log_softmax over a dimension other than the last, forward and backward.
for dname, dt in DTYPES.items():
    for shape, dim in [((7, 30), 0), ((10, 24), 0), ((5, 9, 11), 1), ((3, 4, 5), 0), ((4, 2000), 0),
                       ((2, 20, 300), 1), ((30, 17, 8), 1), ((6, 1), 0)]:
        numel = 1
        for v in shape:
            numel *= v
        x = make(numel, 800 + numel % 97, -8, 8, dt, specials=False).reshape(shape)
        g = make(numel, 900 + numel % 89, -1, 1, dt, specials=False).reshape(shape)
        for log in (False, True):
            y = torch.log_softmax(x, dim) if log else torch.softmax(x, dim)
            back = (torch._log_softmax_backward_data if log else torch._softmax_backward_data)(g, y, dim, dt)
            cases.append({"kind": "softmaxdim", "log": log, "dtype": dname, "shape": list(shape), "dim": dim,
                          "out": hexes(y), "grad": hexes(back)})

# layer_norm over the last dimension, with and without weight and bias.
for dname, dt in DTYPES.items():
    for shape in [(4, 5), (40, 7), (7, 30), (20, 100), (3, 129), (2, 3000)]:
        numel = shape[0] * shape[1]
        x = make(numel, 1000 + shape[1], -3, 5, dt, specials=False).reshape(shape)
        w = make(shape[1], 1100 + shape[1], -2, 2, dt, specials=False)
        b = make(shape[1], 1200 + shape[1], -1, 1, dt, specials=False)
        for affine in (False, True):
            y = F.layer_norm(x, shape[-1:], w if affine else None, b if affine else None)
            cases.append({"kind": "layernorm", "dtype": dname, "shape": list(shape), "affine": affine, "out": hexes(y)})

# std and var: whole tensor (std_var_all_cpu) and along a dimension (WelfordOps).
for dname, dt in DTYPES.items():
    for shape in [(7,), (8,), (100,), (1000,), (40000,), (4, 5), (7, 30), (64, 10)]:
        numel = 1
        for v in shape:
            numel *= v
        x = make(numel, 1300 + numel % 101, -3, 5, dt, specials=False).reshape(shape)
        for dim in [None] + list(range(len(shape))):
            for name in ("std", "var"):
                f = getattr(torch, name)
                for correction in (1, 0):
                    r = f(x, correction=correction) if dim is None else f(x, dim, correction=correction)
                    cases.append({"kind": "moments", "op": name, "dtype": dname, "shape": list(shape),
                                  "dim": dim, "correction": correction, "out": hexes(r.reshape(-1))})

# prod of a whole tensor: ATen's vectorized_reduction (four vector accumulators, then the rest).
for dname, dt in DTYPES.items():
    for n in (7, 31, 32, 33, 64, 100, 1000, 5000):
        x = make(n, 1400 + n, 0.5, 1.5, dt, specials=False)
        cases.append({"kind": "prod", "dtype": dname, "count": n, "seed": 1400 + n, "lo": 0.5, "hi": 1.5,
                      "out": hexes(x.prod().reshape(1))})

info = {"torch": torch.__version__, "threads": torch.get_num_threads(),
        "cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "onednn": [line.strip() for line in torch.__config__.show().splitlines() if "MKL-DNN" in line],
        "machine": platform.processor() or platform.machine()}
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            info["cpu"] = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
with open(os.path.join(HERE, "ExactKernelGoldens.json"), "w") as f:
    json.dump({"made_with": info, "specials": [repr(v) for v in SPECIALS], "cases": cases}, f, indent=0)
print(len(cases), "cases")
