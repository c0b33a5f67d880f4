#!/usr/bin/env python3
"""Regenerates FFTGoldens.json: the memory PyTorch's CPU FFT kernels (MKL's DFTI) write,
bit for bit, for transforms described as raw layouts (what `_exec_fft` hands to MKL).
Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/FFTGoldens.py

Inputs are not stored: both sides fill the input buffer with `pseudo(count, seed, -1, 1)`
(MKLGoldens.py's hash), rounded to the dtype's parts. Each result is stored as the FNV-1a
64 hash of the output buffer's bytes, which PyTorch allocates fresh and MKL fills in full.
PyTorch runs on 2 threads, as the tests do.
"""
import json
import os
import platform
import warnings

warnings.filterwarnings("ignore")
import torch  # noqa: E402

torch.set_num_threads(2)
HERE = os.path.dirname(os.path.abspath(__file__))


def pseudo(count, seed, lo, hi):
    out = []
    for i in range(count):
        k = ((i + 1) * 2654435761 + seed * 40503) % 4294967296
        out.append(lo + (hi - lo) * (k / 4294967296.0))
    return out


def fnv(t):
    h = 0xcbf29ce484222325
    for b in bytes(t.untyped_storage()):
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


REAL = {"float32": torch.float32, "float64": torch.float64}
cases = []


def buffer(count, seed, dtype, complex_):
    """The flat input buffer: `count` elements of the domain (complex: count pairs)."""
    values = torch.tensor(pseudo(count * (2 if complex_ else 1), seed, -1, 1), dtype=torch.float64).to(REAL[dtype])
    return torch.view_as_complex(values.view(-1, 2)) if complex_ else values


def add(kind, dtype, norm, sizes, batch, idist, odist, istrides, ostrides, count, seed, result, forward=True):
    cases.append({"kind": kind, "forward": forward, "dtype": dtype, "norm": norm, "sizes": sizes,
                  "batch": batch, "idist": idist, "odist": odist, "istrides": istrides,
                  "ostrides": ostrides, "input_count": count, "output_count": result.numel(),
                  "seed": seed, "hash": fnv(result)})


def norms_for(n):
    return ["backward", "forward", "ortho"] if n <= 16 or n in (97, 1000) else ["backward"]


seed = 0
LENGTHS = list(range(1, 65)) + [97, 1000, 1024]
for dtype in ("float32", "float64"):
    for n in LENGTHS:
        for norm in norms_for(n):
            seed += 1
            x = buffer(n, seed, dtype, True)
            add("c2c", dtype, norm, [n], 1, n, n, [1], [1], n, seed, torch.fft.fft(x, norm=norm))
            add("c2c", dtype, norm, [n], 1, n, n, [1], [1], n, seed, torch.fft.ifft(x, norm=norm), forward=False)
            r = buffer(n, seed, dtype, False)
            h = n // 2 + 1
            add("r2c", dtype, norm, [n], 1, n, h, [1], [1], n, seed, torch.fft.rfft(r, norm=norm))
            c = buffer(h, seed, dtype, True)
            add("c2r", dtype, norm, [n], 1, h, n, [1], [1], h, seed, torch.fft.irfft(c, n=n, norm=norm), forward=False)
    # Batched, strided and multi-dimensional layouts.
    for n in (7, 13, 16, 97):
        seed += 1
        h = n // 2 + 1
        x = buffer(5 * n, seed, dtype, True)
        add("c2c", dtype, "backward", [n], 5, n, n, [1], [1], 5 * n, seed, torch.fft.fft(x.view(5, n)))
        add("c2c", dtype, "ortho", [n], 5, n, n, [1], [1], 5 * n, seed, torch.fft.ifft(x.view(5, n), norm="ortho"), forward=False)
        r = buffer(5 * n, seed, dtype, False)
        add("r2c", dtype, "backward", [n], 5, n, h, [1], [1], 5 * n, seed, torch.fft.rfft(r.view(5, n)))
        c = buffer(5 * h, seed, dtype, True)
        add("c2r", dtype, "backward", [n], 5, h, n, [1], [1], 5 * h, seed, torch.fft.irfft(c.view(5, h), n=n), forward=False)
        # Every other column of a (5, 2n) buffer.
        x = buffer(10 * n, seed, dtype, True)
        add("c2c", dtype, "backward", [n], 5, 2 * n, n, [2], [1], 10 * n, seed, torch.fft.fft(x.view(5, 2 * n)[:, ::2]))
        r = buffer(10 * n, seed, dtype, False)
        add("r2c", dtype, "forward", [n], 5, 2 * n, h, [2], [1], 10 * n, seed, torch.fft.rfft(r.view(5, 2 * n)[:, ::2], norm="forward"))
        # Along dim 0 of an (n, 3) tensor: batch distance 1, signal stride 3.
        x = buffer(3 * n, seed, dtype, True)
        add("c2c", dtype, "backward", [n], 3, 1, n, [3], [1], 3 * n, seed, torch.fft.fft(x.view(n, 3), dim=0))
        r = buffer(3 * n, seed, dtype, False)
        add("r2c", dtype, "backward", [n], 3, 1, h, [3], [1], 3 * n, seed, torch.fft.rfft(r.view(n, 3), dim=0))
        c = buffer(3 * h, seed, dtype, True)
        add("c2r", dtype, "ortho", [n], 3, 1, n, [3], [1], 3 * h, seed, torch.fft.irfft(c.view(h, 3), n=n, dim=0, norm="ortho"), forward=False)
    for shape in ([3, 8, 6], [2, 5, 7], [1, 16, 16], [4, 12, 10]):
        seed += 1
        b, hh, w = shape
        half = w // 2 + 1
        x = buffer(b * hh * w, seed, dtype, True)
        add("c2c", dtype, "backward", [hh, w], b, hh * w, hh * w, [w, 1], [w, 1], b * hh * w, seed, torch.fft.fft2(x.view(b, hh, w)))
        add("c2c", dtype, "backward", [hh, w], b, hh * w, hh * w, [w, 1], [w, 1], b * hh * w, seed, torch.fft.ifft2(x.view(b, hh, w)), forward=False)
        r = buffer(b * hh * w, seed, dtype, False)
        add("r2c", dtype, "ortho", [hh, w], b, hh * w, hh * half, [w, 1], [half, 1], b * hh * w, seed, torch.fft.rfft2(r.view(b, hh, w), norm="ortho"))
    for shape in ([4, 5, 6], [8, 8, 8], [3, 7, 11]):
        seed += 1
        count = shape[0] * shape[1] * shape[2]
        x = buffer(count, seed, dtype, True)
        st = [shape[1] * shape[2], shape[2], 1]
        add("c2c", dtype, "backward", shape, 1, count, count, st, st, count, seed, torch.fft.fftn(x.view(*shape)))
        add("c2c", dtype, "forward", shape, 1, count, count, st, st, count, seed, torch.fft.ifftn(x.view(*shape), norm="forward"), forward=False)

cpu = "unknown"
try:
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
except OSError:
    pass
made_with = {"torch": torch.__version__, "threads": torch.get_num_threads(),
             "cpu_capability": torch.backends.cpu.get_cpu_capability(),
             "mkl": [l.strip() for l in torch.__config__.show().splitlines() if "Math Kernel" in l],
             "machine": platform.machine(), "cpu": " ".join(cpu.split()[:2])}
with open(os.path.join(HERE, "FFTGoldens.json"), "w") as f:
    json.dump({"made_with": made_with, "cases": cases}, f, indent=0)
    f.write("\n")
print(len(cases), "cases")
