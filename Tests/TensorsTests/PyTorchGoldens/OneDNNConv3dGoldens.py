#!/usr/bin/env python3
"""Regenerates OneDNNConv3dGoldens.json: PyTorch 2.15's float32 conv3d on batches (oneDNN's
`jit:avx2` forward and input gradient; `brgconv_strided:avx2` for a strided input
gradient) and conv_transpose3d on batches (the same kernels with the roles swapped), bit
for bit. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNConv3dGoldens.py

Inputs are not stored: both sides compute them with MKLGoldens.py's `pseudo`. PyTorch runs
on 2 threads, as on the 2-core machines the goldens are made on.
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
    t = t.contiguous().reshape(-1)
    return "".join("%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.tolist())


def tensor(shape, seed, lo, hi):
    n = 1
    for s in shape:
        n *= s
    return torch.tensor(pseudo(n, seed, lo, hi), dtype=torch.float64).to(torch.float32).reshape(shape)


# (N, C, D, H, W, O, kd, kh, kw, stride, padding)
SHAPES = [
    (2, 8, 5, 5, 5, 8, 3, 3, 3, 1, 1),
    (2, 3, 6, 6, 6, 16, 3, 3, 3, 1, 1),    # RGB volumes: the flat layout
    (4, 4, 6, 6, 6, 8, 3, 3, 3, 2, 1),     # strided: by kernel columns
    (2, 16, 4, 4, 4, 8, 3, 3, 3, 1, 0),
    (2, 8, 5, 5, 5, 24, 3, 3, 3, 1, 1),    # three blocks of output channels
    (3, 5, 4, 6, 7, 12, 2, 3, 3, 1, 1),    # channels not a multiple of 8, uneven sizes
    (2, 4, 7, 7, 7, 8, 3, 3, 3, 2, 0),     # odd width, strided: one chain
    (2, 12, 3, 8, 8, 10, 2, 3, 3, 1, 1),   # a 2x3x3 kernel
]

cases = []
for seed, (n, c, d, h, w, o, kd, kh, kw, s, p) in enumerate(SHAPES):
    x = tensor([n, c, d, h, w], 4 * seed, -1, 1).requires_grad_()
    wt = tensor([o, c, kd, kh, kw], 4 * seed + 1, -0.5, 0.5).requires_grad_()
    b = tensor([o], 4 * seed + 2, -1, 1).requires_grad_()
    y = F.conv3d(x, wt, b, stride=s, padding=p)
    gy = tensor(list(y.shape), 4 * seed + 3, -1, 1)
    y.backward(gy)
    cases.append({"shape": [n, c, d, h, w, o, kd, kh, kw, s, p], "seed": 4 * seed,
                  "out": hexes(y.detach()), "gx": hexes(x.grad)})

# (N, Cin, D, H, W, Cout, kd, kh, kw, stride, padding, output_padding)
TRANSPOSED = [
    (2, 8, 3, 3, 3, 8, 3, 3, 3, 2, 1, 1),  # 3-d U-Net style up-sampling
    (2, 16, 4, 4, 4, 8, 3, 3, 3, 1, 1, 0),
    (3, 4, 3, 3, 3, 3, 4, 4, 4, 2, 1, 0),   # 4x4x4, stride 2, padding 1 (DCGAN-like)
    (2, 8, 4, 4, 4, 16, 2, 2, 2, 2, 0, 0),
    (2, 5, 3, 4, 5, 12, 3, 3, 3, 2, 1, 1),
]

transposed = []
for seed, (n, c, d, h, w, o, kd, kh, kw, s, p, op) in enumerate(TRANSPOSED, start=100):
    x = tensor([n, c, d, h, w], 4 * seed, -1, 1).requires_grad_()
    wt = tensor([c, o, kd, kh, kw], 4 * seed + 1, -0.5, 0.5).requires_grad_()
    b = tensor([o], 4 * seed + 2, -1, 1).requires_grad_()
    y = F.conv_transpose3d(x, wt, b, stride=s, padding=p, output_padding=op)
    gy = tensor(list(y.shape), 4 * seed + 3, -1, 1)
    y.backward(gy)
    transposed.append({"shape": [n, c, d, h, w, o, kd, kh, kw, s, p, op], "seed": 4 * seed,
                       "out": hexes(y.detach()), "gx": hexes(x.grad)})

# Weight and bias gradients where the depth is padded: oneDNN's `x64:gemm:jit` (depth-sliced
# sgemms, the 2 threads' image halves added, or both threads inside each sgemm from 512
# output positions a slice). (N, C, D, H, W, O, kd, kh, kw, stride, padding)
WEIGHT_GEMM = [
    (2, 3, 4, 5, 5, 4, 3, 3, 3, 1, 1),
    (2, 4, 3, 4, 4, 6, 2, 3, 3, 1, 1),
    (3, 2, 5, 4, 6, 5, 3, 2, 3, 2, 1),
    (2, 8, 6, 6, 6, 8, 3, 3, 3, 1, 1),
    (4, 3, 4, 14, 14, 8, 3, 3, 3, 1, 2),
    (2, 16, 8, 24, 24, 4, 3, 3, 3, 1, 1),    # 576 positions a slice: sgemms on both threads
    (2, 9, 3, 6, 4, 3, 3, 3, 2, 2, 1),
    (3, 7, 5, 3, 3, 7, 3, 3, 3, 1, 1),       # odd batch: images split 2 and 1
]
weight_gemm = []
for seed, (n, c, d, h, w, o, kd, kh, kw, s, p) in enumerate(WEIGHT_GEMM, start=200):
    x = tensor([n, c, d, h, w], 4 * seed, -1, 1).requires_grad_()
    wt = tensor([o, c, kd, kh, kw], 4 * seed + 1, -0.5, 0.5).requires_grad_()
    b = tensor([o], 4 * seed + 2, -1, 1).requires_grad_()
    y = F.conv3d(x, wt, b, stride=s, padding=p)
    gy = tensor(list(y.shape), 4 * seed + 3, -1, 1)
    y.backward(gy)
    weight_gemm.append({"shape": [n, c, d, h, w, o, kd, kh, kw, s, p], "seed": 4 * seed,
                        "gw": hexes(wt.grad), "gb": hexes(b.grad)})

with open(os.path.join(HERE, "OneDNNConv3dGoldens.json"), "w") as f:
    json.dump({"made_with": "PyTorch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(), platform.processor() or platform.machine()),
               "cases": cases, "transposed": transposed, "weight_gemm": weight_gemm}, f, indent=0)
