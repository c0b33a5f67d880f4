#!/usr/bin/env python3
"""Regenerates OneDNNConv3dAVX512Goldens.json: PyTorch 2.15's float32 conv3d on batches (the
output and the input gradient, as OneDNNConv3dGoldens.py: same inputs and format, plus
the oneDNN implementation of each pass as ONEDNN_VERBOSE=1 logs it), made on an AVX-512
machine where oneDNN runs its `avx512_core` kernels natively (no ONEDNN_MAX_CPU_ISA).
OneDNNConvolution3DAVX512GoldenTests checks the `jit:avx512_core` passes. Never run in CI.

    ONEDNN_VERBOSE=1 ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNConv3dAVX512Goldens.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
import OneDNNGroupedConvGoldens as grouped  # noqa: E402

NAME = "OneDNNConv3dAVX512Goldens.json"

# (n, c, d, h, w, o, kd, kh, kw, stride, padding): OneDNNConv3dGoldens.py's, then wider ones.
SHAPES = [
    (2, 8, 5, 5, 5, 8, 3, 3, 3, 1, 1),
    (2, 3, 6, 6, 6, 16, 3, 3, 3, 1, 1),
    (4, 4, 6, 6, 6, 8, 3, 3, 3, 2, 1),
    (2, 16, 4, 4, 4, 8, 3, 3, 3, 1, 0),
    (2, 8, 5, 5, 5, 24, 3, 3, 3, 1, 1),
    (3, 5, 4, 6, 7, 12, 2, 3, 3, 1, 1),
    (2, 4, 7, 7, 7, 8, 3, 3, 3, 2, 0),
    (2, 12, 3, 8, 8, 10, 2, 3, 3, 1, 1),
    (2, 16, 5, 5, 5, 16, 3, 3, 3, 1, 1),     # one whole 16-channel block
    (2, 32, 4, 5, 6, 24, 3, 3, 3, 1, 1),     # two input blocks
    (2, 40, 4, 4, 4, 36, 3, 3, 3, 1, 1),     # three, the last padded
    (2, 20, 6, 6, 6, 16, 3, 3, 3, 2, 1),     # strided
    (3, 1, 8, 8, 8, 16, 3, 3, 3, 1, 1),      # one channel
    (2, 16, 6, 9, 9, 16, 3, 3, 3, 1, 1),
    (2, 24, 5, 5, 12, 8, 3, 3, 3, 1, 1),
    (2, 16, 4, 6, 6, 32, 1, 3, 3, 1, 0),     # 1x3x3
    (2, 8, 6, 6, 6, 8, 5, 5, 5, 1, 2),       # 5x5x5
    (2, 17, 5, 5, 5, 33, 3, 3, 3, 1, 1),
]


def main():
    assert os.environ.get("ONEDNN_VERBOSE") == "1" and "ONEDNN_MAX_CPU_ISA" not in os.environ
    cases = []
    for seed, (n, c, d, h, w, o, kd, kh, kw, s, p) in enumerate(SHAPES):
        seed = 9000 + 4 * seed
        x = grouped.tensor([n, c, d, h, w], seed, -1, 1).requires_grad_()
        wt = grouped.tensor([o, c, kd, kh, kw], seed + 1, -0.5, 0.5).requires_grad_()
        b = grouped.tensor([o], seed + 2, -1, 1).requires_grad_()

        def run():
            y = F.conv3d(x, wt, b, stride=s, padding=p)
            y.backward(grouped.tensor(list(y.shape), seed + 3, -1, 1))
            return y
        y, impl = grouped.oneDNN_implementations(run)
        cases.append({"shape": [n, c, d, h, w, o, kd, kh, kw, s, p], "seed": seed, "impl": impl,
                      "out": grouped.hexes(y.detach()), "gx": grouped.hexes(x.grad)})
    with open(os.path.join(grouped.HERE, NAME), "w") as f:
        json.dump({"made_with": "PyTorch %s, %d threads" % (torch.__version__, torch.get_num_threads()),
                   "cpu_capability": torch.backends.cpu.get_cpu_capability(), "cases": cases}, f, indent=0)


if __name__ == "__main__":
    main()
