#!/usr/bin/env python3
"""Regenerates OneDNNConvAVX512Goldens.json: PyTorch 2.15's float32 conv2d where ATen hands
it to oneDNN, made on an AVX-512 machine, where oneDNN runs its `avx512_core` kernels
(16-channel blocks) instead of the `avx2` ones the other OneDNN*Goldens files record.
Output and the input, weight and bias gradients bit for bit, and the oneDNN implementation
of each pass (forward, data, weights) read from ONEDNN_VERBOSE. Never run in CI; refuses
to run where oneDNN would not dispatch avx512_core.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNConvAVX512Goldens.py

Inputs are not stored: both sides compute them with MKLGoldens.py's `pseudo`. PyTorch runs
on 2 threads. Shapes are [N, C, H, W, O, kh, kw, top, bottom, left, right, stride h,
stride w], as in OneDNNConvShapesGoldens.py (whose driver this reuses).
"""
import json
import os
import platform
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from OneDNNConvShapesGoldens import run  # noqa: E402  (sets ONEDNN_VERBOSE before torch starts)
import torch  # noqa: E402

assert torch.backends.cpu.get_cpu_capability() == "AVX512", "make these goldens on an AVX-512 machine"

# The course layers of OneDNNConvGoldens.py (N, C, H, W, O, kh, kw, padding, stride).
COURSE = [
    (4, 1, 28, 28, 6, 5, 5, 0, 1), (4, 6, 12, 12, 16, 5, 5, 0, 1), (8, 1, 28, 28, 8, 3, 3, 1, 1),
    (2, 8, 14, 14, 16, 3, 3, 1, 1), (4, 3, 32, 32, 16, 3, 3, 1, 1), (2, 3, 32, 32, 6, 5, 5, 0, 1),
    (4, 16, 16, 16, 32, 3, 3, 1, 1), (4, 32, 8, 8, 64, 3, 3, 1, 1), (16, 16, 7, 7, 10, 3, 3, 0, 1),
    (2, 12, 9, 11, 10, 3, 3, 1, 1), (3, 20, 6, 6, 6, 3, 3, 2, 1), (2, 3, 17, 17, 32, 3, 3, 1, 2),
    (2, 16, 16, 16, 32, 3, 3, 1, 2), (4, 32, 9, 9, 16, 5, 5, 2, 2), (2, 1, 28, 28, 6, 5, 5, 2, 2),
    (3, 6, 13, 13, 6, 3, 3, 0, 2), (1, 3, 12, 12, 6, 5, 5, 2, 1), (1, 3, 90, 90, 4, 3, 3, 1, 1),
    (4, 8, 1, 50, 16, 1, 5, 0, 1), (8, 4, 10, 10, 8, 2, 2, 0, 2), (2, 8, 9, 10, 10, 3, 3, 1, 2),
    (3, 3, 10, 10, 6, 3, 3, 2, 2), (5, 4, 9, 9, 8, 3, 3, 1, 1), (2, 20, 8, 8, 8, 5, 5, 2, 2),
    (2, 8, 12, 12, 16, 2, 2, 0, 1), (6, 2, 11, 11, 3, 3, 3, 1, 1), (16, 20, 6, 6, 6, 3, 3, 1, 1),
    (3, 20, 6, 6, 6, 3, 3, 1, 1), (16, 16, 6, 6, 24, 3, 3, 1, 1),
]
CASES = [(n, c, h, w, o, kh, kw, p, p, p, p, s, s) for (n, c, h, w, o, kh, kw, p, s) in COURSE]
CASES += [
    (2, 40, 7, 7, 40, 3, 3, 1, 1, 1, 1, 1, 1),     # three input blocks of 16, output tail
    (2, 16, 40, 40, 16, 3, 3, 1, 1, 1, 1, 1, 1),   # wider than 28: loop order, ur_w
    (2, 24, 30, 33, 20, 3, 3, 1, 1, 1, 1, 1, 1),
    (2, 64, 5, 5, 80, 3, 3, 1, 1, 1, 1, 1, 1),     # several output blocks
    (2, 17, 9, 9, 33, 4, 4, 1, 1, 1, 1, 1, 1),
]
rng = random.Random(512)
for _ in range(40):
    kh, kw = rng.randint(1, 5), rng.randint(1, 5)
    if (kh, kw) == (1, 1):
        kw = 3
    sh = sw = rng.choice([1, 1, 2])
    ph, pw = rng.randint(0, (kh - 1) // 2 + 1), rng.randint(0, (kw - 1) // 2 + 1)
    if rng.random() < 0.15:
        h, kh, ph, sh = 1, 1, 0, 1
    else:
        h = rng.randint(max(1, kh - 2 * ph), 24)
    w = rng.randint(max(1, kw - 2 * pw), 24)
    CASES.append((rng.randint(2, 8), rng.randint(1, 40), h, w, rng.randint(1, 40), kh, kw, ph, ph, pw, pw, sh, sw))

# 1x1 kernels (`jit_1x1:avx512_core`): stride 1, and stride 2 where it divides the input.
CASES += [
    (4, 16, 8, 8, 16, 1, 1, 0, 0, 0, 0, 1, 1),
    (2, 136, 5, 6, 12, 1, 1, 0, 0, 0, 0, 1, 1),
    (3, 12, 7, 20, 72, 1, 1, 0, 0, 0, 0, 1, 1),
    (2, 24, 16, 16, 40, 1, 1, 0, 0, 0, 0, 1, 1),
    (2, 64, 20, 20, 32, 1, 1, 0, 0, 0, 0, 1, 1),
    (3, 8, 8, 8, 8, 1, 1, 0, 0, 0, 0, 2, 2),
    (16, 264, 2, 2, 296, 1, 1, 0, 0, 0, 0, 1, 1),
    (4, 8, 1, 30, 16, 1, 1, 0, 0, 0, 0, 1, 1),
]
for _ in range(16):
    s = rng.choice([1, 1, 2])
    h, w = rng.randint(1, 24), rng.randint(1, 24)
    if s == 2:
        h, w = 2 * max(1, h // 2), 2 * max(1, w // 2)
    CASES.append((rng.randint(2, 8), rng.randint(1, 64), h, w, rng.randint(1, 64), 1, 1, 0, 0, 0, 0, s, s))

# 1x1 chunk rules of jit_1x1:avx512_core (reduce_blocking): 80 channels at 11 to 27 rows,
# 512 at 28 rows or more, 256 below.
CASES += [
    (2, 200, 16, 6, 24, 1, 1, 0, 0, 0, 0, 1, 1),
    (2, 40, 14, 5, 176, 1, 1, 0, 0, 0, 0, 1, 1),
    (2, 40, 30, 2, 560, 1, 1, 0, 0, 0, 0, 1, 1),
    (2, 600, 30, 2, 24, 1, 1, 0, 0, 0, 0, 1, 1),
    (2, 300, 20, 3, 280, 1, 1, 0, 0, 0, 0, 1, 1),
    (3, 100, 12, 12, 90, 1, 1, 0, 0, 0, 0, 2, 2),
]

if __name__ == "__main__":
    cases = [run(shape, 4 * i) for i, shape in enumerate(CASES)]
    with open(os.path.join(HERE, "OneDNNConvAVX512Goldens.json"), "w") as f:
        json.dump({"made_with": "PyTorch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(),
                                                             platform.processor() or platform.machine()),
                   "cpu_capability": torch.backends.cpu.get_cpu_capability(),
                   "cases": cases}, f, indent=0)
    for c in cases:
        print(c["shape"], c["impl"])
