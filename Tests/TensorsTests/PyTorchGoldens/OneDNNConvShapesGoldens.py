#!/usr/bin/env python3
"""Regenerates OneDNNConvShapesGoldens.json: PyTorch 2.15's float32 conv2d on random
shapes where ATen hands the convolution to oneDNN, with the shapes OneDNNConvGoldens.py
leaves out: 1x1 kernels (oneDNN's `jit_1x1` kernels, stride 1 and strides that divide
the input), unequal strides, and padding that differs before and after (PyTorch's
`padding="same"` with an even kernel, which ATen runs as `constant_pad_nd` then a
convolution with the smaller padding on both sides). Output and the input, weight and
bias gradients, bit for bit. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNConvShapesGoldens.py

Inputs are not stored: both sides compute them with MKLGoldens.py's `pseudo`. PyTorch runs
on 2 threads, as on the 2-core machines the goldens are made on. Each case also records
the oneDNN implementation of each pass (forward, data, weights), read from ONEDNN_VERBOSE.
"""
import json
import os
import platform
import random
import struct
import sys
import tempfile

os.environ["ONEDNN_VERBOSE"] = "1"  # read before oneDNN starts; results do not change
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


def fnv1a(text):
    h = 0xcbf29ce484222325
    for b in text.encode():
        h = ((h ^ b) * 0x100000001b3) % (1 << 64)
    return h


def stored(text):
    """Large tensors are stored as the FNV-1a hash of their hex text (GRADBOOK_FULL=1 keeps
    them whole, to find which elements differ)."""
    if len(text) <= 8 * 2048 or os.environ.get("GRADBOOK_FULL"):
        return text
    return "fnv1a:%016x" % fnv1a(text)


def tensor(shape, seed, lo, hi):
    n = 1
    for s in shape:
        n *= s
    return torch.tensor(pseudo(n, seed, lo, hi), dtype=torch.float64).to(torch.float32).reshape(shape)


class Verbose:
    """Captures oneDNN's verbose lines (written by C to file descriptor 1)."""

    def __enter__(self):
        sys.stdout.flush()
        self.file = tempfile.TemporaryFile(mode="w+")
        self.saved = os.dup(1)
        os.dup2(self.file.fileno(), 1)
        return self

    def __exit__(self, *exc):
        sys.stdout.flush()
        os.dup2(self.saved, 1)
        os.close(self.saved)
        self.file.seek(0)
        self.text = self.file.read()
        self.file.close()

    def impls(self):
        out = {}
        for line in self.text.splitlines():
            f = line.split(",")
            if len(f) > 8 and f[2] == "primitive" and f[3] == "exec" and f[5] == "convolution":
                out[{"forward_training": "F", "backward_data": "D", "backward_weights": "W"}[f[7]]] = f[6]
        return " ".join("%s:%s" % (k, out.get(k, "-")) for k in "FDW")


def run(shape, seed):
    n, c, h, w, o, kh, kw, pt, pb, pl, pr, sh, sw = shape
    x = tensor([n, c, h, w], seed, -1, 1).requires_grad_()
    wt = tensor([o, c, kh, kw], seed + 1, -0.5, 0.5).requires_grad_()
    b = tensor([o], seed + 2, -1, 1).requires_grad_()
    with Verbose() as v:
        if (pr, pb) != (pl, pt):  # padding="same" with an even kernel
            assert (sh, sw) == (1, 1) and (pt + pb, pl + pr) == (kh - 1, kw - 1)
            y = F.conv2d(x, wt, b, padding="same")
        else:
            y = F.conv2d(x, wt, b, padding=(pt, pl), stride=(sh, sw))
        gy = tensor(list(y.shape), seed + 3, -1, 1)
        y.backward(gy)
    return {"shape": list(shape), "seed": seed, "impl": v.impls(),
            "out": stored(hexes(y.detach())), "gx": stored(hexes(x.grad)), "gw": stored(hexes(wt.grad)),
            "gb": stored(hexes(b.grad))}


rng = random.Random(11)


def rand_case(kind):
    n = rng.randint(2, 16)
    c = rng.randint(1, 40)
    o = rng.randint(1, 40)
    if kind == "1x1":
        s = rng.choice([1, 1, 2])
        h = rng.randint(1, 30)
        w = rng.randint(1, 30)
        if s == 2:  # oneDNN's 1x1 kernel takes a stride only where it divides the input
            h, w = 2 * max(1, h // 2), 2 * max(1, w // 2)
        return (n, c, h, w, o, 1, 1, 0, 0, 0, 0, s, s)
    if kind == "1x1-odd":  # stride 2 on an odd size: the generic kernel
        h, w = 2 * rng.randint(1, 14) + 1, rng.randint(1, 30)
        return (n, c, h, w, o, 1, 1, 0, 0, 0, 0, 2, 2)
    if kind == "stride":
        kh, kw = rng.randint(1, 5), rng.randint(1, 5)
        sh, sw = rng.choice([(2, 1), (1, 2), (3, 1), (1, 3), (2, 3), (3, 2)])
        ph, pw = rng.randint(0, (kh - 1) // 2 + 1), rng.randint(0, (kw - 1) // 2 + 1)
        h, w = rng.randint(max(1, kh - 2 * ph), 30), rng.randint(max(1, kw - 2 * pw), 30)
        return (n, c, h, w, o, kh, kw, ph, ph, pw, pw, sh, sw)
    if kind == "stride3":  # square strides of 3 (the stride-2 rules, checked), and Conv1d with stride 3
        kh, kw = rng.randint(1, 5), rng.randint(1, 5)
        p = rng.randint(0, 2)
        if rng.random() < 0.4:
            w = rng.randint(max(1, kw - 2 * p), 30)
            return (n, c, 1, w, o, 1, kw, 0, 0, p, p, 1, 3)
        h, w = rng.randint(max(1, kh - 2 * p), 30), rng.randint(max(1, kw - 2 * p), 30)
        return (n, c, h, w, o, kh, kw, p, p, p, p, 3, 3)
    if kind == "same":  # padding="same" with an even kernel in at least one direction
        kh, kw = rng.choice([(2, 2), (4, 4), (2, 3), (3, 4), (4, 1), (1, 2), (6, 6)])
        h, w = rng.randint(kh, 30), rng.randint(kw, 30)
        th, tw = kh - 1, kw - 1
        return (n, c, h, w, o, kh, kw, th // 2, th - th // 2, tw // 2, tw - tw // 2, 1, 1)
    raise ValueError(kind)


CASES = [
    (4, 16, 8, 8, 16, 1, 1, 0, 0, 0, 0, 1, 1),      # the 1x1 case of OneDNNConvGoldens
    (2, 136, 5, 6, 12, 1, 1, 0, 0, 0, 0, 1, 1),     # more than 128 input channels: two forward chains
    (3, 12, 7, 20, 72, 1, 1, 0, 0, 0, 0, 1, 1),     # more than 64 output channels: two data chains
    (2, 24, 16, 16, 40, 1, 1, 0, 0, 0, 0, 1, 1),    # 256 positions: weight chains of 128
    (2, 8, 20, 20, 8, 1, 1, 0, 0, 0, 0, 1, 1),      # 400 positions: 128, 128, 144
    (3, 8, 8, 8, 8, 1, 1, 0, 0, 0, 0, 2, 2),        # strided 1x1 (a copy at unit stride)
    (16, 264, 2, 2, 296, 1, 1, 0, 0, 0, 0, 1, 1),   # many channel blocks: the reducer splits jobs
    (4, 8, 1, 30, 16, 1, 1, 0, 0, 0, 0, 1, 1),      # conv1d, 1x1
]
SAME = [
    (1, 3, 40, 40, 4, 4, 4, 1, 2, 1, 2, 1, 1),      # one image, 4x4 "same": oneDNN by the kernel size
    (1, 4, 72, 71, 2, 2, 2, 0, 1, 0, 1, 1, 1),      # one image whose padded copy passes 20,480 elements
    (4, 6, 1, 25, 5, 1, 4, 0, 0, 1, 2, 1, 1),       # conv1d, kernel 4, "same"
]
KINDS = ["1x1"] * 40 + ["1x1-odd"] * 6 + ["same"] * 16 + ["stride3"] * 16
for kind in KINDS:
    CASES.append(rand_case(kind))
CASES += SAME

if __name__ == "__main__":
    extra = sys.argv[1:]  # kinds to add, e.g. "stride" "same"
    for kind in extra:
        for _ in range(30):
            CASES.append(rand_case(kind))
    cases = [run(shape, 4 * i) for i, shape in enumerate(CASES)]
    # Where `jit:avx2` refuses a shape (a padding as large as the kernel, a kernel taller
    # than the padded input allows), oneDNN falls back to `gemm:jit`, whose orders Gradbook
    # does not follow (docs/nn-layers.md): those cases are left out.
    for c in cases:
        if "gemm" in c["impl"]:
            print("left out (gemm):", c["shape"], c["impl"])
    cases = [c for c in cases if "gemm" not in c["impl"]]
    target = os.environ.get("GRADBOOK_OUT") or os.path.join(HERE, "OneDNNConvShapesGoldens.json")
    with open(target, "w") as f:
        json.dump({"made_with": "PyTorch %s, %d threads, %s" % (torch.__version__, torch.get_num_threads(),
                                                             platform.processor() or platform.machine()),
                   "cases": cases}, f, indent=0)
    for c in cases:
        print(c["shape"], c["impl"])
