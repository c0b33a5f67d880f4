#!/usr/bin/env python3
"""Regenerates OneDNNConvGoldens.json: PyTorch 2.15's float32 conv2d (forward, and the
input, weight and bias gradients) on the shapes where ATen hands the convolution to oneDNN
(batches of more than one image, kernels larger than 3x3, or more than 20,480 input
elements), bit for bit. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNConvGoldens.py

Inputs are not stored: both sides compute them with MKLGoldens.py's `pseudo` (an integer
hash, scaled in float64, cast to float32). PyTorch runs on 2 threads, as on the 2-core
machines the goldens are made on: oneDNN's weight and bias gradients split the images
between threads when there is a single block of channels.
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


# (N, C, H, W, O, kh, kw, padding, stride): the layers of the usual course networks.
SHAPES = [
    (4, 1, 28, 28, 6, 5, 5, 0, 1),     # LeNet conv1 on MNIST
    (4, 6, 12, 12, 16, 5, 5, 0, 1),    # LeNet conv2
    (8, 1, 28, 28, 8, 3, 3, 1, 1),     # a small MNIST CNN
    (2, 8, 14, 14, 16, 3, 3, 1, 1),
    (4, 3, 32, 32, 16, 3, 3, 1, 1),    # CIFAR-10 first layer
    (2, 3, 32, 32, 6, 5, 5, 0, 1),     # LeNet on CIFAR
    (4, 16, 16, 16, 32, 3, 3, 1, 1),
    (4, 32, 8, 8, 64, 3, 3, 1, 1),
    (16, 16, 7, 7, 10, 3, 3, 0, 1),
    (2, 12, 9, 11, 10, 3, 3, 1, 1),    # channels not a multiple of 8
    (3, 20, 6, 6, 6, 3, 3, 2, 1),
    (2, 3, 17, 17, 32, 3, 3, 1, 2),    # strided
    (2, 16, 16, 16, 32, 3, 3, 1, 2),
    (4, 32, 9, 9, 16, 5, 5, 2, 2),
    (2, 1, 28, 28, 6, 5, 5, 2, 2),
    (3, 6, 13, 13, 6, 3, 3, 0, 2),
    (1, 3, 12, 12, 6, 5, 5, 2, 1),     # one image, 5x5 kernel
    (1, 3, 90, 90, 4, 3, 3, 1, 1),     # one image of more than 20,480 elements
    (4, 8, 1, 50, 16, 1, 5, 0, 1),     # conv1d, as ATen views it
    (8, 4, 10, 10, 8, 2, 2, 0, 2),
    (2, 8, 9, 10, 10, 3, 3, 1, 2),     # strided with 8 input channels
    (4, 16, 8, 8, 16, 1, 1, 0, 1),     # 1x1
    (3, 3, 10, 10, 6, 3, 3, 2, 2),     # even width, padding 2: one chain after all
    (5, 4, 9, 9, 8, 3, 3, 1, 1),       # odd batch split over two threads
    (2, 20, 8, 8, 8, 5, 5, 2, 2),
    (2, 8, 12, 12, 16, 2, 2, 0, 1),    # even kernel
    (6, 2, 11, 11, 3, 3, 3, 1, 1),
    (16, 20, 6, 6, 6, 3, 3, 1, 1),     # 3 jobs on 16 images: the reducer still splits
    (3, 20, 6, 6, 6, 3, 3, 1, 1),      # ... but not on 3
    (16, 16, 6, 6, 24, 3, 3, 1, 1),    # 3 bias jobs on 16 images
]

cases = []
for seed, (n, c, h, w, o, kh, kw, p, s) in enumerate(SHAPES):
    x = tensor([n, c, h, w], 4 * seed, -1, 1).requires_grad_()
    wt = tensor([o, c, kh, kw], 4 * seed + 1, -0.5, 0.5).requires_grad_()
    b = tensor([o], 4 * seed + 2, -1, 1).requires_grad_()
    y = F.conv2d(x, wt, b, padding=p, stride=s)
    gy = tensor(list(y.shape), 4 * seed + 3, -1, 1)
    y.backward(gy)
    cases.append({"shape": [n, c, h, w, o, kh, kw, p, s], "seed": 4 * seed,
                  "out": hexes(y.detach()), "gx": hexes(x.grad), "gw": hexes(wt.grad), "gb": hexes(b.grad)})

with open(os.path.join(HERE, "OneDNNConvGoldens.json"), "w") as f:
    json.dump({"made_with": "PyTorch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(), platform.processor() or platform.machine()),
               "cases": cases}, f, indent=0)
