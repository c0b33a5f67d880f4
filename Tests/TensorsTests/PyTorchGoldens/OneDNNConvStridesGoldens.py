#!/usr/bin/env python3
"""Regenerates OneDNNConvStridesGoldens.json: PyTorch 2.15's float32 conv2d with unequal
strides ((1, 2), (2, 1), (2, 3), ...) where ATen hands the convolution to oneDNN (batches
of 2-16). oneDNN 3.13 runs them as `jit:avx2` (forward and weight gradient) and
`brgconv_strided:avx2` (input gradient); each case records the implementation of each
pass. Output and the input, weight and bias gradients, bit for bit; inputs, hashing and
the case format are OneDNNConvShapesGoldens.py's. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNConvStridesGoldens.py
"""
import json
import os
import platform
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import OneDNNConvShapesGoldens as S  # noqa: E402  (sets ONEDNN_VERBOSE before torch starts)
import torch  # noqa: E402

rng = random.Random(23)
STRIDES = [(2, 1), (1, 2), (3, 1), (1, 3), (2, 3), (3, 2), (1, 4), (4, 2)]


def rand_case():
    n = rng.randint(2, 16)
    c = rng.randint(1, 40)
    o = rng.randint(1, 40)
    kh, kw = rng.randint(1, 5), rng.randint(1, 5)
    sh, sw = rng.choice(STRIDES)
    ph, pw = rng.randint(0, (kh - 1) // 2 + 1), rng.randint(0, (kw - 1) // 2 + 1)
    ph, pw = min(ph, kh - 1), min(pw, kw - 1)  # a padding as large as the kernel is gemm:jit's
    h, w = rng.randint(max(1, kh - 2 * ph), 30), rng.randint(max(1, kw - 2 * pw), 30)
    return (n, c, h, w, o, kh, kw, ph, ph, pw, pw, sh, sw)


CASES = [
    (2, 3, 9, 11, 8, 3, 3, 1, 1, 1, 1, 1, 2),       # RGB input ("flat" layout), stride (1, 2)
    (2, 16, 10, 12, 16, 3, 3, 1, 1, 1, 1, 2, 1),    # whole channel blocks, stride (2, 1)
    (4, 5, 13, 13, 12, 3, 3, 0, 0, 0, 0, 2, 3),
    (2, 8, 8, 8, 8, 1, 1, 0, 0, 0, 0, 1, 2),        # 1x1, a stride that divides the input
    (2, 8, 9, 9, 8, 1, 1, 0, 0, 0, 0, 2, 1),        # 1x1, a stride that does not
    (3, 12, 16, 20, 24, 1, 1, 0, 0, 0, 0, 2, 4),
    (2, 4, 12, 12, 6, 4, 4, 1, 1, 1, 1, 2, 1),      # even kernel
    (8, 1, 28, 28, 6, 5, 5, 2, 2, 2, 2, 1, 2),      # one input channel
]
CASES += [rand_case() for _ in range(72)]

if __name__ == "__main__":
    cases = [S.run(shape, 4 * i + 1) for i, shape in enumerate(CASES)]
    for c in cases:
        if "gemm" in c["impl"]:
            print("left out (gemm):", c["shape"], c["impl"])
    cases = [c for c in cases if "gemm" not in c["impl"]]
    target = os.environ.get("GRADBOOK_OUT") or os.path.join(S.HERE, "OneDNNConvStridesGoldens.json")
    with open(target, "w") as f:
        json.dump({"made_with": "PyTorch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(),
                                                             platform.processor() or platform.machine()),
                   "cases": cases}, f, indent=0)
    for c in cases:
        print(c["shape"], c["impl"])
