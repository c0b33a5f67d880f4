#!/usr/bin/env python3
"""Regenerates OneDNNLSTMGoldens.json: PyTorch 2.15's float32 LSTM layer with grad mode on
(`torch.ops.aten.mkldnn_rnn_layer`, oneDNN's `ref` RNN primitive: forward_training and
its backward, `MkldnnRnnLayerBackward0`), one layer and direction per case, bit for bit:
output, h_n, c_n and the gradients of the input, both weights, the bias and h0/c0; and
with grad mode off (`forward_inference`, oneDNN's `brgemm:avx2`): output, h_n, c_n. Never
run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNLSTMGoldens.py

Inputs are not stored: both sides compute them with MKLGoldens.py's `pseudo`. PyTorch runs
on 2 threads, as on the 2-core machines the goldens are made on.
"""
import json
import os
import platform
import struct

import torch

torch.set_num_threads(2)
HERE = os.path.dirname(os.path.abspath(__file__))


def pseudo(count, seed, lo, hi):
    out = []
    for i in range(count):
        k = ((i + 1) * 2654435761 + seed * 40503) % 4294967296
        out.append(lo + (hi - lo) * (k / 4294967296.0))
    return out


def hexes(t):
    """The float bit patterns in hex; past 2048 values, `fnv:` and a 64-bit FNV-1a of all
    the bit patterns, `:` and the first 64 in hex (keeps the file small)."""
    words = ["%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.contiguous().reshape(-1).tolist()]
    if len(words) <= 2048:
        return "".join(words)
    h = 0xcbf29ce484222325
    for w in words:
        h ^= int(w, 16)
        h = (h * 0x100000001b3) % (1 << 64)
    return "fnv:%016x:" % h + "".join(words[:64])


def tensor(shape, seed, lo, hi):
    n = 1
    for s in shape:
        n *= s
    return torch.tensor(pseudo(n, seed, lo, hi), dtype=torch.float64).to(torch.float32).reshape(shape)


# (T, B, I, H, reverse): batch 1 (matrix-vector products) to 7 (a block of six and one),
# hidden 3 to 32 (narrow and wide column tails), one to sixteen steps, products large
# enough for the two-thread row split.
SHAPES = [
    (5, 3, 12, 24, 0),
    (5, 3, 12, 24, 1),
    (1, 1, 4, 8, 0),
    (7, 2, 10, 16, 0),
    (7, 2, 10, 16, 1),
    (12, 3, 20, 32, 0),
    (3, 1, 12, 8, 1),
    (4, 5, 6, 12, 0),
    (16, 4, 24, 24, 0),
    (16, 4, 12, 24, 1),
    (2, 7, 3, 4, 0),
    (9, 6, 17, 20, 1),
    (5, 3, 12, 5, 0),      # hidden sizes off a multiple of 4: gate counts with column tails
    (5, 3, 12, 6, 1),
    (4, 2, 7, 10, 0),
    (5, 4, 9, 7, 1),
    (10, 5, 2, 13, 0),
    (8, 3, 16, 3, 0),
    (6, 3, 1, 8, 0),       # input size 1: the input gradient is not compared
    # Large products (the primitive's layouts decide jit_avx_gemm_f32's N and K blocking):
    # 320 to 800 rows of steps × batch, input sizes past one 256-deep block, gate counts
    # past 256, a K split across the two threads for the weight gradients.
    (16, 32, 20, 16, 0),
    (16, 32, 20, 16, 1),
    (4, 3, 300, 16, 0),
    (5, 4, 10, 80, 1),
    (40, 8, 12, 24, 0),
    (30, 20, 24, 40, 1),
    (50, 16, 16, 16, 0),
    (3, 2, 520, 24, 1),
    (6, 4, 16, 128, 0),
    (2, 127, 8, 12, 0),
    (3, 130, 8, 12, 0),    # batch 128 or more: the input product runs step by step
    (2, 200, 20, 16, 1),
    # Beyond those first ranges: one hidden unit, input size 1 (the input gradient and
    # dW_ih one-column products, oneDNN's matrix-vector kernel, K cut in two on 2 threads),
    # batch 1 with wide products (the same cut in the forward and backward products),
    # hidden sizes up to 499 (the primitive forces the no-copy sgemm below 500), inputs up to
    # 5000, batches up to 1024 and up to 8000 rows of steps x batch (the K split of the
    # weight gradients); -0 sums in the weight gradients (accumulated onto zeros).
    (5, 3, 12, 1, 0),
    (30, 40, 3, 1, 0),
    (7, 1, 5, 1, 1),
    (5, 3, 1, 16, 0),
    (3, 1, 1, 100, 0),
    (20, 50, 1, 64, 1),
    (5, 1, 16, 64, 0),
    (5, 1, 16, 128, 1),
    (4, 1, 40, 200, 0),
    (1, 1, 300, 128, 0),
    (1, 1, 700, 256, 0),
    (4, 3, 12, 129, 0),
    (3, 4, 16, 200, 1),
    (3, 2, 20, 256, 0),
    (2, 16, 32, 499, 1),
    (2, 3, 600, 24, 0),
    (2, 2, 1024, 16, 1),
    (3, 8, 2048, 48, 0),
    (4, 50, 700, 300, 0),
    (2, 256, 16, 16, 0),
    (3, 300, 30, 40, 0),
    (2, 512, 8, 8, 1),
    (10, 100, 16, 16, 0),
    (40, 30, 8, 12, 1),
    (150, 20, 10, 20, 1),
    (64, 64, 4, 4, 0),
    (2, 600, 40, 30, 0),
    (2, 1024, 8, 8, 0),
    (100, 80, 4, 4, 1),
    (1, 1, 3000, 64, 0),
    (3, 1, 4100, 16, 1),
    (2, 2, 5000, 8, 0),
]


def case(T, B, I, H, reverse, seed):
    x = tensor([T, B, I], seed, -1, 1).requires_grad_()
    wi = tensor([4 * H, I], seed + 1, -0.4, 0.4).requires_grad_()
    wh = tensor([4 * H, H], seed + 2, -0.4, 0.4).requires_grad_()
    bi = tensor([4 * H], seed + 3, -0.5, 0.5).requires_grad_()
    bh = tensor([4 * H], seed + 4, -0.5, 0.5).requires_grad_()
    h0 = tensor([B, H], seed + 5, -1, 1).requires_grad_()
    c0 = tensor([B, H], seed + 6, -1, 1).requires_grad_()
    out, hy, cy, _ = torch.ops.aten.mkldnn_rnn_layer(x, wi, wh, bi, bh, h0, c0, bool(reverse), [], 2, H, 1, True,
                                                      False, False, True)
    assert out.grad_fn.name() == "MkldnnRnnLayerBackward0", out.grad_fn.name()
    gy = tensor([T, B, H], seed + 7, -1, 1)
    ghy = tensor([B, H], seed + 8, -1, 1)
    gcy = tensor([B, H], seed + 9, -1, 1)
    torch.autograd.backward([out, hy, cy], [gy, ghy, gcy])
    assert torch.equal(bi.grad, bh.grad)
    return {"shape": [T, B, I, H, reverse], "seed": seed, "out": hexes(out), "hy": hexes(hy), "cy": hexes(cy),
            "gx": hexes(x.grad), "gwi": hexes(wi.grad), "gwh": hexes(wh.grad), "gb": hexes(bi.grad),
            "ghx": hexes(h0.grad), "gcx": hexes(c0.grad)}


# Inference (grad mode off: oneDNN's `brgemm:avx2` primitive): (T, B, I, H, reverse),
# equal input and hidden sizes with batch 1 and several steps, with batch 1 and one step,
# with a larger batch; unequal sizes; large inner sizes.
INFERENCE_SHAPES = [
    (3, 1, 12, 12, 0),
    (1, 1, 8, 8, 0),
    (3, 4, 12, 12, 1),
    (5, 3, 12, 24, 0),
    (4, 9, 33, 33, 1),
    (3, 2, 300, 12, 0),
    (2, 3, 7, 5, 1),
    (6, 1, 10, 1, 0),
]


def inference_case(T, B, I, H, reverse, seed):
    x = tensor([T, B, I], seed, -1, 1)
    wi = tensor([4 * H, I], seed + 1, -0.4, 0.4)
    wh = tensor([4 * H, H], seed + 2, -0.4, 0.4)
    bi = tensor([4 * H], seed + 3, -0.5, 0.5)
    bh = tensor([4 * H], seed + 4, -0.5, 0.5)
    h0 = tensor([B, H], seed + 5, -1, 1)
    c0 = tensor([B, H], seed + 6, -1, 1)
    with torch.no_grad():
        out, hy, cy, _ = torch.ops.aten.mkldnn_rnn_layer(x, wi, wh, bi, bh, h0, c0, bool(reverse), [], 2, H, 1, True,
                                                          False, False, False)
    return {"shape": [T, B, I, H, reverse], "seed": seed, "out": hexes(out), "hy": hexes(hy), "cy": hexes(cy)}


cases = [case(*s, seed=31 + 10 * i) for i, s in enumerate(SHAPES)]
inference = [inference_case(*s, seed=531 + 10 * i) for i, s in enumerate(INFERENCE_SHAPES)]
meta = {"torch": torch.__version__, "machine": platform.machine(), "threads": torch.get_num_threads()}
with open(os.path.join(HERE, "OneDNNLSTMGoldens.json"), "w") as f:
    json.dump({"meta": meta, "cases": cases, "inference": inference}, f, indent=1)
    f.write("\n")
print(len(cases), "cases,", len(inference), "inference cases")
