# Twenty 1024x1024 float32 matrix products: BLAS throughput, which OpenBLAS bounds.
# The products alone are timed in the process too (standard error, read by bench/run),
# so the ratio is not lost in PyTorch's two-second import.
import sys
import time
import torch

torch.manual_seed(0)
a = torch.randn(1024, 1024)
b = torch.randn(1024, 1024) / 32.0
start = time.perf_counter()
for _ in range(20):
    a = a @ b
seconds = time.perf_counter() - start
print(f"bench-loop-seconds {seconds:.6f}", file=sys.stderr)
print(a.abs().mean().item() > 0.0)
