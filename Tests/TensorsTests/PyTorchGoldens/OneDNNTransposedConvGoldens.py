#!/usr/bin/env python3
"""Regenerates OneDNNTransposedConvGoldens.json: PyTorch 2.15's float32 conv_transpose1d/2d
(forward, and the input, weight and bias gradients), bit for bit, on course-like shapes
(DCGAN generators, U-Net up-sampling, output_padding); and OneDNNTransposedGemmConvGoldens.json:
shapes with dilation, groups, stride 3 or padding near the kernel, where oneDNN runs some
pass as `gemm:jit` (each case records the implementation of each pass, from ONEDNN_VERBOSE).
Made at the AVX2 profile (ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2). Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNTransposedConvGoldens.py

Inputs are not stored: both sides compute them with MKLGoldens.py's `pseudo`. PyTorch runs
on 2 threads, as on the 2-core machines the goldens are made on.
"""
import json
import os
import platform
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import OneDNNConvShapesGoldens as S  # noqa: E402  (sets ONEDNN_VERBOSE before torch starts)
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


def hexes(t):
    t = t.contiguous().reshape(-1)
    return "".join("%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.tolist())


def tensor(shape, seed, lo, hi):
    n = 1
    for s in shape:
        n *= s
    return torch.tensor(pseudo(n, seed, lo, hi), dtype=torch.float64).to(torch.float32).reshape(shape)


# (N, Cin, H, W, Cout, kh, kw, stride, padding, output_padding); H == 0 is conv_transpose1d.
SHAPES = [
    (4, 16, 1, 1, 8, 4, 4, 1, 0, 0),    # DCGAN: latent 1x1 -> 4x4
    (4, 16, 4, 4, 8, 4, 4, 2, 1, 0),    # DCGAN: 4x4 -> 8x8
    (2, 8, 8, 8, 3, 4, 4, 2, 1, 0),     # DCGAN: last layer to RGB
    (1, 8, 6, 6, 4, 4, 4, 2, 1, 0),     # one image, 4x4 kernel (oneDNN: kernel > 3x3)
    (2, 16, 5, 5, 8, 3, 3, 1, 1, 0),    # stride 1
    (2, 8, 5, 5, 4, 3, 3, 2, 1, 1),     # stride 2, output_padding 1
    (2, 16, 6, 6, 8, 2, 2, 2, 0, 0),    # U-Net up-sampling
    (3, 12, 5, 7, 10, 3, 3, 1, 1, 0),   # channels not a multiple of 8
    (2, 5, 6, 6, 3, 3, 3, 2, 0, 1),
    (2, 3, 7, 7, 16, 5, 5, 1, 2, 0),
    (4, 8, 3, 3, 16, 3, 3, 2, 1, 0),
    (5, 4, 4, 4, 8, 4, 4, 2, 1, 0),     # odd batch
    (2, 16, 0, 9, 8, 1, 4, 2, 1, 0),    # conv_transpose1d
    (3, 6, 0, 12, 4, 1, 3, 1, 1, 0),    # conv_transpose1d, stride 1
    (1, 4, 5, 5, 3, 3, 3, 1, 1, 0),     # one image, 3x3: ATen's slow path
    (1, 3, 6, 6, 2, 3, 3, 2, 1, 1),     # one image, strided: slow path
]

cases = []
for seed, (n, c, h, w, o, kh, kw, s, p, op) in enumerate(SHAPES):
    one = h == 0
    xs = [n, c, w] if one else [n, c, h, w]
    ws = [c, o, kw] if one else [c, o, kh, kw]
    x = tensor(xs, 4 * seed, -1, 1).requires_grad_()
    wt = tensor(ws, 4 * seed + 1, -0.5, 0.5).requires_grad_()
    b = tensor([o], 4 * seed + 2, -1, 1).requires_grad_()
    f = F.conv_transpose1d if one else F.conv_transpose2d
    y = f(x, wt, b, stride=s, padding=p, output_padding=op)
    gy = tensor(list(y.shape), 4 * seed + 3, -1, 1)
    y.backward(gy)
    cases.append({"shape": [n, c, h, w, o, kh, kw, s, p, op], "seed": 4 * seed,
                  "out": hexes(y.detach()), "gx": hexes(x.grad), "gw": hexes(wt.grad), "gb": hexes(b.grad)})

with open(os.path.join(HERE, "OneDNNTransposedConvGoldens.json"), "w") as f:
    json.dump({"made_with": "PyTorch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(), platform.processor() or platform.machine()),
               "cases": cases}, f, indent=0)


# (N, Cin, H, W, Cout, kh, kw, stride, padding, output_padding, dilation, groups); H == 0 is
# conv_transpose1d; weight (Cin, Cout / groups, kh, kw). All but one have a `gemm:jit` pass.
GEMM_SHAPES = [
    (2, 5, 3, 9, 2, 4, 4, 2, 1, 0, 2, 1),      # dilated: gemm forward and weight gradient
    (2, 6, 5, 6, 4, 2, 3, 2, 0, 0, 2, 1),
    (4, 3, 7, 7, 4, 1, 2, 3, 0, 1, 2, 1),
    (2, 3, 2, 9, 2, 5, 3, 1, 0, 0, 2, 1),      # dilated, stride 1: gemm weight gradient only
    (3, 7, 3, 5, 3, 2, 3, 1, 2, 0, 2, 1),
    (4, 1, 6, 6, 2, 5, 3, 1, 0, 0, 2, 1),
    (3, 4, 9, 7, 3, 1, 4, 2, 1, 1, 2, 1),      # dilated and padded: every pass gemm
    (2, 3, 4, 5, 6, 3, 1, 3, 2, 1, 2, 1),
    (2, 1, 9, 9, 7, 2, 4, 3, 2, 0, 1, 1),      # stride 3, padding 2: gemm data and weight gradients
    (2, 4, 3, 2, 4, 1, 2, 2, 1, 0, 1, 1),      # padding as large as the kernel
    (4, 5, 3, 4, 6, 4, 4, 1, 2, 0, 1, 1),      # stride 1, padding 2 of 4: gemm weight gradient
    (2, 8, 4, 4, 10, 1, 5, 1, 1, 0, 1, 2),     # grouped
    (2, 14, 2, 9, 8, 3, 3, 3, 2, 0, 1, 2),
    (2, 21, 7, 2, 3, 4, 3, 3, 2, 0, 1, 3),
    (4, 9, 5, 9, 3, 4, 2, 2, 0, 0, 1, 3),
    (2, 15, 4, 5, 24, 1, 3, 3, 1, 0, 1, 3),
    (3, 14, 4, 7, 14, 2, 5, 1, 1, 0, 1, 2),
    (4, 12, 7, 6, 12, 3, 4, 3, 0, 0, 1, 3),
    (4, 8, 5, 7, 14, 3, 1, 2, 1, 0, 1, 2),
    (3, 4, 7, 2, 10, 2, 5, 3, 0, 0, 1, 2),
    (2, 16, 6, 6, 16, 3, 3, 2, 1, 1, 1, 2),    # grouped, whole 8-channel groups: all jit:avx2
    (3, 2, 2, 9, 14, 5, 2, 3, 0, 1, 2, 2),     # grouped and dilated
    (2, 21, 3, 9, 9, 3, 5, 3, 2, 1, 2, 3),
    (2, 8, 0, 11, 6, 1, 3, 2, 1, 1, 2, 1),     # conv_transpose1d, dilated
    (3, 6, 0, 10, 9, 1, 4, 3, 2, 0, 1, 3),     # conv_transpose1d, grouped
    (2, 4, 0, 8, 5, 1, 3, 1, 3, 0, 1, 1),      # conv_transpose1d, padding as large as the kernel
]


def gemm_case(seed, shape):
    n, c, h, w, o, kh, kw, s, p, op, d, g = shape
    one = h == 0
    x = tensor([n, c, w] if one else [n, c, h, w], seed, -1, 1).requires_grad_()
    wt = tensor([c, o // g, kw] if one else [c, o // g, kh, kw], seed + 1, -0.5, 0.5).requires_grad_()
    b = tensor([o], seed + 2, -1, 1).requires_grad_()
    f = F.conv_transpose1d if one else F.conv_transpose2d
    with S.Verbose() as v:
        y = f(x, wt, b, stride=s, padding=p, output_padding=op, dilation=d, groups=g)
        gy = tensor(list(y.shape), seed + 3, -1, 1)
        y.backward(gy)
    impls = {}
    for line in v.text.splitlines():
        f_ = line.split(",")
        if len(f_) > 8 and f_[3] == "exec" and f_[5] == "deconvolution":
            impls[{"forward_training": "F", "backward_data": "D", "backward_weights": "W"}[f_[7]]] = f_[6]
    return {"shape": list(shape), "seed": seed, "impl": " ".join("%s:%s" % (k, impls.get(k, "-")) for k in "FDW"),
            "out": hexes(y.detach()), "gx": hexes(x.grad), "gw": hexes(wt.grad), "gb": hexes(b.grad)}


gemm_cases = [gemm_case(4 * (100 + i), shape) for i, shape in enumerate(GEMM_SHAPES)]
with open(os.environ.get("GRADBOOK_OUT_GEMM") or os.path.join(HERE, "OneDNNTransposedGemmConvGoldens.json"), "w") as f:
    json.dump({"made_with": "PyTorch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(), platform.processor() or platform.machine()),
               "cases": gemm_cases}, f, indent=0)
for c in gemm_cases:
    print(c["shape"], c["impl"])
