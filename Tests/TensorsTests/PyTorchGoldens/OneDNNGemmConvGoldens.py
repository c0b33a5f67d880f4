#!/usr/bin/env python3
"""Regenerates OneDNNGemmConvGoldens.json: as OneDNNGroupedConvGoldens.py (same inputs,
same format), on larger grouped, depthwise-multiplier and dilated layers that oneDNN runs
as gemm:jit. Never run in CI.

    ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNGemmConvGoldens.py

Inputs are made as in OneDNNConvGoldens.py (`pseudo`, an integer hash). PyTorch runs on 2
threads, as on the 2-core machines the goldens are made on. Run it with ONEDNN_VERBOSE=1:
each case records which oneDNN implementation ran each pass ("impl": forward, data
gradient, weight gradient), which the test uses to tell the reproduced kernels from
`gemm:jit`.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from OneDNNGroupedConvGoldens import write  # noqa: E402  (same inputs, format and driver)

# (N, C, H, W, O, kh, kw, padding, stride, dilation, groups): larger layers, where oneDNN's
# gemm:jit runs its sgemm on 2 threads (no outer threading), K spans several of the sgemm's
# blocks.
SHAPES = [
    (1, 60, 23, 23, 60, 3, 3, 1, 1, 1, 3),     # data and weight gradient: sgemm on 2 threads
    (2, 12, 30, 30, 12, 3, 3, 2, 1, 2, 1),     # dilated: weight gradient's sgemm on 2 threads
    (2, 8, 20, 20, 16, 3, 3, 1, 1, 1, 8),      # depthwise with multiplier 2
    (2, 108, 10, 10, 24, 3, 3, 1, 1, 1, 3),    # K = 324: two sgemm K blocks
    (1, 40, 16, 16, 40, 5, 5, 2, 1, 1, 4),
    (2, 10, 25, 25, 10, 3, 3, 2, 2, 2, 1),     # dilated, strided
    (3, 20, 18, 18, 30, 3, 3, 1, 1, 1, 5),
    (1, 30, 30, 30, 6, 3, 3, 1, 2, 1, 3),
    # Plain layers (groups 1, no dilation) that jit:avx2 refuses for some passes
    # (OneDNNPlainGemmConvolution.swift): padding as large as the kernel, a left padding
    # over the forward's width unroll, a kernel taller than the input.
    (2, 3, 6, 6, 8, 1, 1, 1, 1, 1, 1),         # 1x1 with padding: every pass gemm:jit
    (2, 16, 7, 7, 8, 1, 1, 1, 1, 1, 1),
    (2, 16, 20, 20, 16, 1, 1, 1, 1, 1, 1),
    (3, 5, 10, 10, 6, 1, 1, 2, 2, 1, 1),       # strided: data gradient brgconv_strided
    (2, 3, 6, 6, 8, 2, 1, 2, 1, 1, 1),         # 2x1 kernel, padding 2
    (2, 3, 3, 7, 8, 4, 4, 2, 3, 1, 1),         # kernel taller than the input: weight gradient
    (2, 3, 7, 7, 8, 3, 3, 3, 1, 1, 1),
    (2, 3, 5, 5, 8, 5, 5, 4, 1, 1, 1),         # forward only (left padding 4 > unroll 3)
    (2, 3, 12, 12, 8, 7, 7, 4, 1, 1, 1),
    (2, 8, 7, 7, 16, 2, 2, 2, 1, 1, 1),
    (2, 5, 9, 9, 6, 2, 2, 2, 1, 1, 1),
    (2, 4, 3, 9, 8, 5, 3, 1, 1, 1, 1),         # kernel taller than the input, stride 1
]


def oneDNN_implementations(run):
    """The oneDNN implementation of each pass (forward, data gradient, weight gradient)
    as ONEDNN_VERBOSE=1 prints it while `run` runs; "" where none ran."""
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile(mode="w+b") as tmp:
        os.dup2(tmp.fileno(), 1)
        try:
            result = run()
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)
        tmp.seek(0)
        text = tmp.read().decode()
    impl = {"forward_training": "", "backward_data": "", "backward_weights": ""}
    for line in text.splitlines():
        f = line.split(",")
        if len(f) > 7 and f[3] == "exec" and f[5] == "convolution" and f[7] in impl:
            impl[f[7]] = f[6]
    return result, [impl["forward_training"], impl["backward_data"], impl["backward_weights"]]


def main():
    write(SHAPES, 3000, "OneDNNGemmConvGoldens.json")


if __name__ == "__main__":
    main()
