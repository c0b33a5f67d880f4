#!/usr/bin/env python3
"""Regenerates OneDNNGemmConvAVX512Goldens.json, OneDNNDepthwiseConvAVX512Goldens.json and
OneDNNGroupedConvAVX512Goldens.json: as OneDNNGemmConvGoldens.py (same inputs,
same format, same driver), made on an AVX-512 machine where oneDNN runs its `avx512_core`
kernels natively (no ONEDNN_MAX_CPU_ISA), keeping the layers of OneDNNGroupedConvGoldens.py
and OneDNNGemmConvGoldens.py with at least one pass oneDNN ran as `gemm:jit` there (the
first file), as `jit_dw:avx512_core` (the second), and the grouped layers whose forward
it ran as `jit:avx512_core` (OneDNNGroupedConvAVX512Goldens.json).
Never run in CI.

    ONEDNN_VERBOSE=1 ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/OneDNNGemmConvAVX512Goldens.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402
import OneDNNGemmConvGoldens as gemm  # noqa: E402
import OneDNNGroupedConvGoldens as grouped  # noqa: E402

NAME = "OneDNNGemmConvAVX512Goldens.json"
DEPTHWISE = "OneDNNDepthwiseConvAVX512Goldens.json"
GROUPED = "OneDNNGroupedConvAVX512Goldens.json"


def main():
    assert os.environ.get("ONEDNN_VERBOSE") == "1" and "ONEDNN_MAX_CPU_ISA" not in os.environ
    shapes = gemm.SHAPES + grouped.SHAPES + grouped.random_shapes(48)
    grouped.write(shapes, 5000, NAME)
    path = os.path.join(grouped.HERE, NAME)
    with open(path) as f:
        data = json.load(f)
    data["cpu_capability"] = torch.backends.cpu.get_cpu_capability()
    cases = data["cases"]
    for name, keep in ((NAME, lambda c: any("gemm" in i for i in c["impl"])),
                       (DEPTHWISE, lambda c: any("jit_dw" in i for i in c["impl"])),
                       (GROUPED, lambda c: c["shape"][10] > 1 and c["impl"][0] == "jit:avx512_core")):
        data["cases"] = [c for c in cases if keep(c)]
        with open(os.path.join(grouped.HERE, name), "w") as f:
            json.dump(data, f, indent=0)


if __name__ == "__main__":
    main()
