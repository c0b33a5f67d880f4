#!/usr/bin/env python3
"""Regenerates OneDNNGroupedConvGoldens.json: PyTorch 2.15's float32 conv2d (forward, and
the input, weight and bias gradients) for grouped, depthwise and dilated convolutions on
the oneDNN path (batches of more than one image), bit for bit. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNGroupedConvGoldens.py

Inputs are made as in OneDNNConvGoldens.py (`pseudo`, an integer hash). PyTorch runs on 2
threads, as on the 2-core machines the goldens are made on. Run it with ONEDNN_VERBOSE=1:
each case records which oneDNN implementation ran each pass ("impl": forward, data
gradient, weight gradient), which the test uses to tell the reproduced kernels from
`gemm:jit`.
"""
import json
import os
import platform
import random
import struct
import sys
import tempfile

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
    t = t.contiguous().reshape(-1)
    return "".join("%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.tolist())


def tensor(shape, seed, lo, hi):
    n = 1
    for s in shape:
        n *= s
    return torch.tensor(pseudo(n, seed, lo, hi), dtype=torch.float64).to(torch.float32).reshape(shape)

# (N, C, H, W, O, kh, kw, padding, stride, dilation, groups)
SHAPES = [
    # depthwise (groups == C == O): MobileNet's 3x3, strides 1 and 2
    (2, 8, 12, 12, 8, 3, 3, 1, 1, 1, 8),
    (4, 16, 10, 10, 16, 3, 3, 1, 1, 1, 16),
    (2, 32, 14, 14, 32, 3, 3, 1, 2, 1, 32),
    (3, 12, 9, 11, 12, 3, 3, 1, 1, 1, 12),     # channels not a multiple of 8
    (2, 6, 13, 13, 6, 5, 5, 2, 1, 1, 6),       # 5x5 depthwise
    (5, 24, 8, 8, 24, 3, 3, 0, 1, 1, 24),
    (2, 3, 16, 16, 3, 3, 3, 1, 2, 1, 3),
    (16, 8, 7, 7, 8, 3, 3, 1, 1, 1, 8),
    (2, 48, 9, 9, 48, 5, 5, 2, 2, 1, 48),
    (2, 8, 12, 12, 16, 3, 3, 1, 1, 1, 8),      # depthwise with multiplier 2
    (1, 32, 14, 14, 32, 3, 3, 1, 1, 1, 32),    # one image: groups > 1 is enough for oneDNN
    (2, 8, 34, 34, 8, 3, 3, 1, 1, 1, 8),       # more than 15 rows, more than 30 columns
    (3, 8, 62, 62, 8, 3, 3, 1, 2, 1, 8),       # 31 columns at stride 2
    (2, 10, 9, 9, 10, 3, 3, 0, 2, 1, 10),
    # grouped
    (2, 16, 10, 10, 16, 3, 3, 1, 1, 1, 2),
    (4, 32, 8, 8, 32, 3, 3, 1, 1, 1, 4),
    (2, 12, 9, 9, 24, 3, 3, 1, 2, 1, 3),
    (3, 6, 11, 11, 12, 5, 5, 2, 1, 1, 2),
    (2, 24, 7, 7, 12, 3, 3, 0, 1, 1, 6),
    (8, 4, 8, 8, 8, 3, 3, 1, 1, 1, 2),
    (2, 48, 6, 6, 48, 3, 3, 1, 1, 1, 3),
    (1, 16, 10, 10, 16, 3, 3, 1, 1, 1, 2),     # one image
    (2, 16, 11, 11, 16, 3, 3, 1, 2, 1, 2),     # strided
    (4, 16, 9, 9, 32, 3, 3, 1, 1, 1, 2),
    (16, 16, 6, 6, 16, 3, 3, 1, 1, 1, 2),      # many images: the reducer splits them
    (2, 16, 12, 12, 16, 5, 5, 2, 2, 1, 2),
    (2, 16, 13, 13, 32, 3, 3, 1, 2, 1, 2),     # strided, 16 outputs a group: brgconv_strided
    (1, 24, 10, 10, 48, 3, 3, 0, 2, 1, 3),
    # dilated
    (2, 8, 16, 16, 16, 3, 3, 2, 1, 2, 1),
    (4, 3, 20, 20, 8, 3, 3, 3, 1, 3, 1),
    (2, 16, 12, 12, 8, 3, 3, 2, 2, 2, 1),
    (3, 5, 15, 15, 6, 5, 5, 4, 1, 2, 1),
    (2, 12, 14, 14, 12, 3, 3, 0, 1, 2, 1),
    # dilated depthwise and grouped
    (2, 16, 12, 12, 16, 3, 3, 2, 1, 2, 16),
    (2, 8, 14, 14, 16, 3, 3, 3, 1, 3, 2),
]


def random_shapes(count, seed=2026):
    """Random course-sized shapes: batch 2-16 (sometimes 1 with groups), 2-48 channels,
    groups, kernels 3 and 5, dilation 1-3, strides 1-2, padding."""
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        kind = rng.choice(["depthwise", "grouped", "dilated"])
        k = rng.choice([3, 3, 5])
        s = rng.choice([1, 2])
        d = 1 if kind != "dilated" else rng.choice([2, 3])
        if kind == "depthwise":
            c = rng.randint(2, 48)
            g, o = c, c
            if rng.random() < 0.2:
                d = rng.choice([2, 3])
        elif kind == "grouped":
            g = rng.choice([2, 3, 4])
            c = g * rng.choice([8, 8, 16, 4, 3, 5])
            o = g * rng.choice([8, 16, 8, 4, 6])
        else:
            g, c, o = 1, rng.randint(2, 24), rng.randint(2, 24)
        n = rng.randint(2, 16) if not (g > 1 and rng.random() < 0.15) else 1
        h, w = rng.randint(5, 16), rng.randint(5, 16)
        p = rng.randint(0, (k // 2) * d)
        ek = d * (k - 1) + 1
        if h + 2 * p < ek or w + 2 * p < ek or n * c * h * w > 6000 or n * o * h * w > 6000:
            continue
        # Square inputs keep to the shapes the kernels are written for; heights vary.
        out.append((n, c, h, w, o, k, k, p, s, d, g))
    return out


def oneDNN_implementations(run):
    """The oneDNN implementation of each pass (forward, data gradient, weight gradient)
    as ONEDNN_VERBOSE=1 prints it while `run` runs; "" where none ran."""
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile(mode="w+b") as tmp:
        os.dup2(tmp.fileno(), 1)
        try:
            result = run()
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)
        tmp.seek(0)
        text = tmp.read().decode()
    impl = {"forward_training": "", "backward_data": "", "backward_weights": ""}
    for line in text.splitlines():
        f = line.split(",")
        if len(f) > 7 and f[3] == "exec" and f[5] == "convolution" and f[7] in impl:
            impl[f[7]] = f[6]
    return result, [impl["forward_training"], impl["backward_data"], impl["backward_weights"]]


def write(shapes, first_seed, name):
    """Runs each shape (seeds from `first_seed`, 4 per case) and writes the JSON `name`
    beside this script; OneDNNGemmConvGoldens.py uses it for its own shapes."""
    cases = []
    for seed, (n, c, h, w, o, kh, kw, p, s, d, g) in enumerate(shapes):
        seed = first_seed + 4 * seed
        x = tensor([n, c, h, w], seed, -1, 1).requires_grad_()
        wt = tensor([o, c // g, kh, kw], seed + 1, -0.5, 0.5).requires_grad_()
        b = tensor([o], seed + 2, -1, 1).requires_grad_()

        def run():
            y = F.conv2d(x, wt, b, padding=p, stride=s, dilation=d, groups=g)
            gy = tensor(list(y.shape), seed + 3, -1, 1)
            y.backward(gy)
            return y
        y, impl = oneDNN_implementations(run)
        cases.append({"shape": [n, c, h, w, o, kh, kw, p, s, d, g], "seed": seed, "impl": impl,
                      "out": hexes(y.detach()), "gx": hexes(x.grad), "gw": hexes(wt.grad), "gb": hexes(b.grad)})
    with open(os.path.join(HERE, name), "w") as f:
        json.dump({"made_with": "PyTorch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(), platform.processor() or platform.machine()),
                   "cases": cases}, f, indent=0)


def main():
    write(SHAPES + random_shapes(48), 1000, "OneDNNGroupedConvGoldens.json")


if __name__ == "__main__":
    main()
