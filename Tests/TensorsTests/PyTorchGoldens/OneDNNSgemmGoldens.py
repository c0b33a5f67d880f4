#!/usr/bin/env python3
"""Regenerates OneDNNSgemmGoldens.json: oneDNN 3.13's own float32 sgemm (`extended_sgemm`,
the one its `gemm:jit` convolutions and RNN cells call) as shipped inside PyTorch 2.15's
libtorch_cpu.so, bit for bit, on 1 and 2 threads. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNSgemmGoldens.py
    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNSgemmGoldens.py --avx512

The first (AVX2: ONEDNN_MAX_CPU_ISA=AVX2 is set for it when unset) writes
OneDNNSgemmGoldens.json; `--avx512` (needs an AVX-512 CPU, ONEDNN_MAX_CPU_ISA unset) writes
OneDNNSgemmGoldensAVX512.json: oneDNN's `jit_avx512_common_gemm_f32` path, with the RNN
primitive's `force_nocopy` for the LSTM-sized products. Large results are stored as a
64-bit FNV-1a of their bit patterns (`c_fnv`) with their first 64 values.

`extended_sgemm` is not exported, but libtorch_cpu.so keeps its symbol table: the function
is called through ctypes at the library's load address plus the symbol's offset (`nm`).
Column-major, as oneDNN's internal interface: C = alpha*op(A)*op(B) + beta*C. Inputs are
`pseudo` (an integer hash, as the other goldens); C starts as its own pseudo values.
"""
import ctypes
import json
import os
import sys

if __name__ == "__main__" and "--avx512" not in sys.argv:
    os.environ.setdefault("ONEDNN_MAX_CPU_ISA", "AVX2")
import platform
import random
import struct
import subprocess

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
SYMBOL = "_ZN4dnnl4impl3cpu14extended_sgemmEPKcS3_PKlS5_S5_PKfS7_S5_S7_S5_S7_PfS5_S7_b"


def extended_sgemm():
    line = [l for l in open("/proc/self/maps") if "libtorch_cpu.so" in l][0]
    base = int(line.split("-")[0], 16)
    table = subprocess.check_output(["nm", line.split()[-1]]).decode()
    offset = [int(l.split()[0], 16) for l in table.splitlines() if l.endswith(SYMBOL)][0]
    P = ctypes.c_void_p
    return ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, P, P, P, P, P, P, P, P, P, P, P, P,
                            ctypes.c_bool)(base + offset)


def pseudo(count, seed, lo, hi):
    out = []
    for i in range(count):
        k = ((i + 1) * 2654435761 + seed * 40503) % 4294967296
        out.append(lo + (hi - lo) * (k / 4294967296.0))
    return out


def floats(values):
    return (ctypes.c_float * max(1, len(values)))(*values)


def hexes(arr, count):
    return "".join("%08x" % struct.unpack("<I", struct.pack("<f", arr[i]))[0] for i in range(count))


def shapes(count, seed=11):
    """Random products: both transposes, beta 0/1/other, alpha 1/other, sides 2-40, K up to
    1000 (several K blocks; on 2 threads some split K), and padded leading dimensions; then 24
    matrix-vector products."""
    rng = random.Random(seed)
    out = []
    for t in range(count):
        ta, tb = rng.randint(0, 1), rng.randint(0, 1)
        m, n = rng.randint(2, 40), rng.randint(2, 40)
        k = rng.randint(1, 1000) if t % 3 == 0 else rng.randint(1, 80)
        beta = rng.choice([0.0, 1.0, 0.5])
        alpha = rng.choice([1.0, 1.0, -1.0, 0.75])
        lda = (k if ta else m) + rng.randint(0, 2)
        ldb = (n if tb else k) + rng.randint(0, 2)
        ldc = m + rng.randint(0, 2)
        out.append((ta, tb, m, n, k, alpha, beta, lda, ldb, ldc, 1 + t % 2))
    # Matrix-vector products: n == 1 with A transposed, m == 1 with B not transposed
    # (gemv_t), and n == 1 with A not transposed (on 1 thread, as inside a parallel region).
    for t in range(24):
        kind = t % 3
        ta, tb = (1, rng.randint(0, 1)) if kind == 0 else ((rng.randint(0, 1), 0) if kind == 1 else (0, rng.randint(0, 1)))
        m, n = (rng.randint(2, 60), 1) if kind != 1 else (1, rng.randint(2, 60))
        k = rng.randint(1, 1200) if t % 2 else rng.randint(1, 70)
        beta, alpha = rng.choice([0.0, 1.0, 0.5]), rng.choice([1.0, 0.75])
        lda = (k if ta else m) + rng.randint(0, 2)
        ldb = (n if tb else k) + rng.randint(0, 2)
        ldc = m + rng.randint(0, 2)
        out.append((ta, tb, m, n, k, alpha, beta, lda, ldb, ldc, 1 if kind == 2 else 1 + t % 2))
    return out


# n == 1 with A not transposed on 2 threads at the edges of the K cut (oneDNN cuts K in two
# when K >= 256, m <= 1000 and m * (K // 2) >= 4096; the LSTM's batch-of-one products):
# (ta, tb, m, n, k, alpha, beta, lda, ldb, ldc, threads).
GEMV_EDGES = [(0, tb, m, 1, k, 1.0, beta, m, 1 if tb else k, m, 2)
              for (tb, m, k, beta) in [(0, 27, 300, 0.0), (0, 28, 300, 0.0), (1, 28, 256, 1.0), (0, 64, 256, 0.0),
                                       (0, 128, 255, 1.0), (1, 100, 401, 0.0), (0, 512, 300, 1.0), (0, 512, 128, 1.0),
                                       (0, 1000, 256, 0.0), (1, 1001, 300, 0.0), (0, 200, 2000, 0.5),
                                       (0, 4, 1100, 0.0), (0, 4, 2100, 1.0), (0, 3, 2731, 0.0), (1, 3, 2732, 0.0)]]


# m == 1 with B transposed (the gemm:jit data gradient of a one-position output): the plain
# gemv on B^T, its K cut on 2 threads included; C unit-strided (or beta 0).
M1_NT = [(ta, 1, 1, n, k, alpha, beta, 1 if not ta else k, n + pad, ldc, threads)
         for (ta, n, k, alpha, beta, pad, ldc, threads) in [
             (0, 25, 5, 1.0, 0.0, 0, 1, 1), (0, 60, 16, 0.75, 1.0, 1, 1, 1), (1, 119, 40, -1.0, 0.5, 0, 1, 1),
             (0, 3, 300, 1.0, 0.5, 2, 1, 2), (0, 40, 300, 1.0, 0.0, 0, 1, 2), (1, 300, 257, 0.75, 1.0, 0, 1, 2),
             (0, 900, 700, 1.0, 0.0, 1, 1, 2), (0, 17, 90, 1.0, 0.0, 0, 3, 2), (0, 8, 1200, 0.75, 1.0, 0, 1, 2)]]


def main():
    sgemm = extended_sgemm()
    L = lambda v: ctypes.byref(ctypes.c_long(v))
    F = lambda v: ctypes.byref(ctypes.c_float(v))
    cases = []
    for seed, (ta, tb, m, n, k, alpha, beta, lda, ldb, ldc, threads) in enumerate(shapes(90) + GEMV_EDGES + M1_NT):
        seed = 500 + 3 * seed
        torch.set_num_threads(threads)
        a = floats(pseudo(lda * (m if ta else k), seed, -1, 1))
        b = floats(pseudo(ldb * (k if tb else n), seed + 1, -1, 1))
        c = floats(pseudo(ldc * n, seed + 2, -1, 1))
        status = sgemm(b"T" if ta else b"N", b"T" if tb else b"N", L(m), L(n), L(k), F(alpha), a, L(lda), b, L(ldb),
                       F(beta), c, L(ldc), None, False)
        assert status == 0, status
        cases.append({"shape": [ta, tb, m, n, k, lda, ldb, ldc, threads], "alpha": alpha, "beta": beta, "seed": seed,
                      "c": hexes(c, ldc * n)})
    with open(os.path.join(HERE, "OneDNNSgemmGoldens.json"), "w") as f:
        json.dump({"made_with": "PyTorch %s, %s" % (torch.__version__, platform.processor() or platform.machine()),
                   "cases": cases}, f, indent=0)


def fnv(arr, count):
    h = 0xcbf29ce484222325
    for i in range(count):
        h ^= struct.unpack("<I", struct.pack("<f", arr[i]))[0]
        h = (h * 0x100000001b3) % (1 << 64)
    return "%016x" % h


def shapes_avx512(seed=12):
    """Random small products as `shapes`, then `A`^T*B of 2-15 columns (an AVX-512-only kernel,
    `jit_avx512_core_gemm_smalln_tn_f32`), then the LSTM's: 'N','N' (m = 4H gates or the input size, n =
    rows, k = input, hidden or gate count) and 'N','T' (weight gradients: k = rows, up to
    800: several K blocks), forced no-copy as the RNN primitive runs them, beta 0 and 1."""
    rng = random.Random(seed)
    out = []
    for s in shapes(120, seed):
        out.append(s + (0,))
    for t in range(30):
        m, n, k = rng.choice([rng.randint(1, 40), rng.randint(100, 700)]), rng.randint(2, 15), rng.randint(0, 300)
        lda, ldb, ldc = k + rng.randint(0, 2), k + rng.randint(0, 2), m + rng.randint(0, 2)
        out.append((1, 0, m, n, k, rng.choice([1.0, 1.0, -1.0, 0.75, 0.0]), rng.choice([0.0, 1.0, 0.5]), max(lda, 1),
                    max(ldb, 1), ldc, 1 + t % 2, int(t % 3 == 0)))
    for t in range(60):
        hidden = rng.choice([2, 5, 16, 20, 32, 64, 100, 128])
        gates, inp = 4 * hidden, rng.choice([1, 3, 10, 20, 64, 128, 300, 520])
        rows = rng.choice([2, 3, 7, 16, 50, 128, 200, 400, 800])
        kind = t % 4
        if kind == 0:
            ta, tb, m, n, k = 0, 0, gates, rows, inp
        elif kind == 1:
            ta, tb, m, n, k = 0, 0, gates, rng.choice([1, 2, 3, 6, 10, 200]), hidden
        elif kind == 2:
            ta, tb, m, n, k = 0, 0, rng.choice([inp, hidden]), rows, gates
        else:
            ta, tb, m, n, k = 0, 1, gates, rng.choice([inp, hidden]), rows
        lda, ldb, ldc = (k if ta else m), (n if tb else k), m
        # A single column is the plain gemv (its 2-thread K cut: GEMV_EDGES, at the end).
        threads = 1 if n == 1 else 1 + t % 2
        out.append((ta, tb, m, n, k, 1.0, rng.choice([0.0, 1.0]), lda, ldb, ldc, threads, 1))
    # Mid-size products left to nocopy_checker_avx512 (not forced), as gemm:jit convolutions
    # call it: one side up to ~500, so the no-copy kernel runs (A^T*B with more than 100 rows
    # is left out: on one thread it takes the copy-based kernel).
    for t in range(24):
        ta, tb = rng.randint(0, 1), rng.randint(0, 1)
        m, n, k = rng.randint(50, 600), rng.randint(16, 500), rng.randint(1, 1200)
        if ta and not tb and m > 100:
            m = rng.randint(16, 100)
        lda = (k if ta else m) + rng.randint(0, 3)
        ldb = (n if tb else k) + rng.randint(0, 3)
        ldc = m + rng.randint(0, 3)
        out.append((ta, tb, m, n, k, rng.choice([1.0, 0.75]), rng.choice([0.0, 1.0, 0.5]), lda, ldb, ldc, 1 + t % 2, 0))
    # With a bias per row (beta 0, as oneDNN allows): the kernel adds it before alpha.
    for t in range(12):
        ta, tb = rng.randint(0, 1), rng.randint(0, 1)
        m, n, k = rng.randint(2, 200), rng.randint(16, 120), rng.randint(1, 900)
        lda, ldb, ldc = (k if ta else m), (n if tb else k), m
        out.append((ta, tb, m, n, k, rng.choice([1.0, 0.75]), 0.0, lda, ldb, ldc, 1 + t % 2, 0, 1))
    # The matrix-vector products' K cut on 2 threads, forced no-copy as the RNN asks.
    out += [e + (1,) for e in GEMV_EDGES]
    # m == 1 with B transposed: the same plain gemv as on AVX2.
    out += [e + (0,) for e in M1_NT if e[9] == 1]
    return out


def main_avx512():
    assert "ONEDNN_MAX_CPU_ISA" not in os.environ, "the AVX-512 goldens need oneDNN's native dispatch"
    assert torch.backends.cpu.get_cpu_capability() == "AVX512", torch.backends.cpu.get_cpu_capability()
    sgemm = extended_sgemm()
    L = lambda v: ctypes.byref(ctypes.c_long(v))
    F = lambda v: ctypes.byref(ctypes.c_float(v))
    cases = []
    for seed, shape in enumerate(shapes_avx512()):
        ta, tb, m, n, k, alpha, beta, lda, ldb, ldc, threads, force = shape[:12]
        with_bias = len(shape) > 12
        seed = 700 + 3 * seed
        torch.set_num_threads(threads)
        a = floats(pseudo(lda * (m if ta else k), seed, -1, 1))
        b = floats(pseudo(ldb * (k if tb else n), seed + 1, -1, 1))
        c = floats(pseudo(ldc * n, seed + 2, -1, 1))
        bias = floats(pseudo(m, seed + 3, -1, 1)) if with_bias else None
        status = sgemm(b"T" if ta else b"N", b"T" if tb else b"N", L(m), L(n), L(k), F(alpha), a, L(lda), b, L(ldb),
                       F(beta), c, L(ldc), bias, bool(force))
        assert status == 0, status
        case = {"shape": [ta, tb, m, n, k, lda, ldb, ldc, threads], "force": force, "alpha": alpha, "beta": beta,
                "seed": seed, "bias": int(with_bias)}
        if ldc * n <= 4096:
            case["c"] = hexes(c, ldc * n)
        else:
            case["c_fnv"], case["c_head"] = fnv(c, ldc * n), hexes(c, 64)
        cases.append(case)
    with open(os.path.join(HERE, "OneDNNSgemmGoldensAVX512.json"), "w") as f:
        json.dump({"made_with": "PyTorch %s, %s" % (torch.__version__, platform.processor() or platform.machine()),
                   "cpu_capability": "AVX512", "cases": cases}, f, indent=0)


if __name__ == "__main__":
    main_avx512() if "--avx512" in sys.argv else main()
