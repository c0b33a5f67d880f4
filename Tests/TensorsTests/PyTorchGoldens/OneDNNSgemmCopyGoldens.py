#!/usr/bin/env python3
"""Regenerates OneDNNSgemmCopyGoldens.json: oneDNN 3.13's float32 sgemm inside PyTorch 2.15
(`extended_sgemm`, called as OneDNNSgemmGoldens.py does) left to choose its own path, not
forced no-copy: products that `nocopy_checker` sends to the copy-based kernels
(`OneDNNSgemmCopy`) and some it keeps on the no-copy ones, on 1 to 4 threads, at AVX2
(ONEDNN_MAX_CPU_ISA=AVX2) and, on a CPU with AVX-512, at `avx512_core`. They include the RNN
primitive's products from 500 hidden units (no `force_nocopy` there). Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNSgemmCopyGoldens.py

Each capability runs in a child process (oneDNN reads ONEDNN_MAX_CPU_ISA once).
"""
import ctypes
import json
import os
import platform
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# (transA, transB, m, n, k, lda, ldb, ldc, beta, threads)
CASES = [
    (0, 0, 2048, 400, 50, 2064, 50, 2064, 0.0, 2),     # AVX2 copy, one K block
    (0, 0, 2048, 300, 300, 2064, 528, 2064, 1.0, 1),   # AVX2 no-copy (1/m + 1/n just over 0.0038)
    (0, 0, 2048, 310, 300, 2064, 528, 2064, 1.0, 2),   # AVX2 copy: K halved (150, 150)
    (0, 1, 2048, 512, 500, 2064, 528, 2064, 1.0, 2),   # dW_hh of H = 512: K 192, 192, 116
    (0, 1, 2000, 500, 900, 2000, 528, 2000, 1.0, 3),   # K 192 x 4 + 132, 3 threads
    (0, 1, 2048, 520, 200, 2064, 528, 2064, 0.0, 4),   # 4 threads, one K block
    (0, 0, 2048, 290, 520, 2064, 528, 2064, 1.0, 1),   # 1 thread: K 192, 192, 136
    (0, 1, 1024, 20, 800, 1024, 20, 1024, 1.0, 2),     # AVX-512 copy (lda % 1024, 'N','T'): K 384, 384, 32
    (1, 0, 150, 20, 1000, 1000, 1000, 150, 0.0, 1),    # AVX-512 copy ('T','N' on 1 thread): K 384, 384, 232
    (0, 0, 4096, 700, 8, 4112, 528, 4112, 0.0, 2),     # AVX-512 copy (1/m + 1/n under 0.00196)
    (0, 0, 2048, 700, 16, 2048, 528, 2064, 1.0, 2),    # AVX-512 copy (lda a multiple of 256)
    (0, 0, 1024, 101, 800, 1024, 800, 1024, 1.0, 2),   # AVX-512 copy ('N','N', lda % 1024, k > 500)
    (0, 1, 2048, 512, 100, 2064, 528, 2064, 1.0, 2),   # AVX-512 no-copy (good lda), AVX2 copy
]


def run(capability):
    sys.path.insert(0, HERE)
    import torch
    from OneDNNSgemmGoldens import extended_sgemm, floats, fnv, hexes, pseudo
    assert torch.backends.cpu.get_cpu_capability() == capability.upper(), torch.backends.cpu.get_cpu_capability()
    sgemm = extended_sgemm()
    L = lambda v: ctypes.byref(ctypes.c_long(v))
    F = lambda v: ctypes.byref(ctypes.c_float(v))
    out = []
    for index, (ta, tb, m, n, k, lda, ldb, ldc, beta, threads) in enumerate(CASES):
        seed = 900 + 3 * index
        torch.set_num_threads(threads)
        a = floats(pseudo(lda * (m if ta else k), seed, -1, 1))
        b = floats(pseudo(ldb * (k if tb else n), seed + 1, -1, 1))
        c = floats(pseudo(ldc * n, seed + 2, -1, 1))
        status = sgemm(b"T" if ta else b"N", b"T" if tb else b"N", L(m), L(n), L(k), F(1.0), a, L(lda), b, L(ldb),
                       F(beta), c, L(ldc), None, False)
        assert status == 0, status
        out.append({"shape": [ta, tb, m, n, k, lda, ldb, ldc, threads], "beta": beta, "seed": seed,
                    "c_fnv": fnv(c, ldc * n), "c_head": hexes(c, 64)})
    print(json.dumps(out))


def main():
    import torch
    result = {"made_with": "PyTorch %s, %s" % (torch.__version__, platform.processor() or platform.machine())}
    caps = ["avx2"] + (["avx512"] if " avx512bw" in open("/proc/cpuinfo").read() else [])
    for cap in caps:
        env = dict(os.environ, ATEN_CPU_CAPABILITY=cap)
        env.pop("ONEDNN_MAX_CPU_ISA", None)
        if cap == "avx2":
            env["ONEDNN_MAX_CPU_ISA"] = "AVX2"
        text = subprocess.check_output([sys.executable, __file__, "--child", cap], env=env).decode()
        result[cap] = json.loads(text)
    with open(os.path.join(HERE, "OneDNNSgemmCopyGoldens.json"), "w") as f:
        json.dump(result, f, indent=0)


if __name__ == "__main__":
    run(sys.argv[2]) if "--child" in sys.argv else main()
