#!/usr/bin/env python3
"""Regenerates OneDNNDilatedConvAVX512Goldens.json: PyTorch 2.15's float32 conv2d (forward
and gradients, as OneDNNGroupedConvGoldens.py: same inputs, format and driver) for dilated
layers (dilation 2 and 3, strides, paddings, 1 to 40 channels) and grouped layers with
strides or dilation, made on an AVX-512 machine where oneDNN runs its `avx512_core`
kernels natively (no ONEDNN_MAX_CPU_ISA). The test (OneDNNDilatedConvolutionAVX512GoldenTests)
checks the dilated `jit:avx512_core` forward and data gradient and the grouped data gradient
against the cases whose log names that kernel. Never run in CI.

    ONEDNN_VERBOSE=1 ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNDilatedConvAVX512Goldens.py
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402
import OneDNNGroupedConvGoldens as grouped  # noqa: E402

NAME = "OneDNNDilatedConvAVX512Goldens.json"

# (n, c, h, w, o, kh, kw, padding, stride, dilation, groups)
SHAPES = [
    (2, 12, 30, 30, 12, 3, 3, 2, 1, 2, 1),     # conv-gemm-avx512.py's dil2
    (2, 8, 16, 16, 16, 3, 3, 2, 1, 2, 1),
    (4, 3, 20, 20, 8, 3, 3, 3, 1, 3, 1),       # first convolution: 3 channels
    (2, 16, 12, 12, 8, 3, 3, 2, 2, 2, 1),      # strided: data gradient not jit
    (3, 5, 15, 15, 6, 5, 5, 4, 1, 2, 1),
    (2, 12, 14, 14, 12, 3, 3, 0, 1, 2, 1),
    (2, 16, 12, 12, 16, 3, 3, 2, 1, 2, 1),     # one whole 16-channel block
    (2, 32, 10, 10, 24, 3, 3, 2, 1, 2, 1),     # two input blocks
    (2, 40, 9, 9, 20, 3, 3, 3, 1, 3, 1),       # three input blocks, the last padded
    (2, 20, 11, 13, 36, 3, 3, 1, 1, 2, 1),     # padding under the dilation
    (3, 16, 13, 13, 16, 3, 3, 3, 2, 3, 1),     # stride 2, dilation 3
    (2, 24, 17, 17, 16, 5, 5, 4, 1, 2, 1),     # 5x5 dilated
    (2, 4, 9, 9, 4, 3, 3, 0, 1, 3, 1),         # no padding
    (2, 16, 8, 8, 16, 3, 3, 1, 2, 1, 2),       # grouped, strided
    (2, 24, 11, 11, 48, 3, 3, 1, 2, 1, 3),
    (2, 32, 10, 10, 32, 3, 3, 2, 1, 2, 2),     # grouped, dilated
    (2, 24, 12, 12, 24, 3, 3, 3, 1, 3, 3),
    (2, 8, 14, 14, 16, 3, 3, 3, 1, 3, 2),
    (2, 64, 7, 7, 64, 3, 3, 1, 1, 1, 2),       # 32 channels a group: blocks of 16
    (2, 48, 9, 9, 96, 3, 3, 1, 2, 1, 3),
]


def random_shapes(count, seed=512):
    """Random dilated and grouped shapes: dilation 1-3, strides 1-2, padding."""
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        k = rng.choice([3, 3, 5])
        s = rng.choice([1, 1, 2])
        if rng.random() < 0.5:
            g, d = 1, rng.choice([2, 3])
            c, o = rng.randint(1, 40), rng.randint(1, 40)
        else:
            g, d = rng.choice([2, 3, 4]), rng.choice([1, 1, 2, 3])
            c = g * rng.choice([4, 8, 12, 16, 20, 32])
            o = g * rng.choice([4, 8, 12, 16, 20, 32])
        n = rng.randint(2, 6)
        h, w = rng.randint(6, 20), rng.randint(6, 20)
        p = rng.randint(0, (k // 2) * d)
        ek = d * (k - 1) + 1
        if h + 2 * p < ek or w + 2 * p < ek or n * c * h * w > 5000 or n * o * h * w > 5000:
            continue
        out.append((n, c, h, w, o, k, k, p, s, d, g))
    return out


def main():
    assert os.environ.get("ONEDNN_VERBOSE") == "1" and "ONEDNN_MAX_CPU_ISA" not in os.environ
    grouped.write(SHAPES + random_shapes(40), 7000, NAME)
    path = os.path.join(grouped.HERE, NAME)
    with open(path) as f:
        data = json.load(f)
    data["cpu_capability"] = torch.backends.cpu.get_cpu_capability()
    with open(path, "w") as f:
        json.dump(data, f, indent=0)


if __name__ == "__main__":
    main()
