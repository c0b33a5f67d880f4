# Twenty 1024x1024 float32 matrix products: BLAS throughput, which OpenBLAS bounds.
import torch

torch.manual_seed(0)
a = torch.randn(1024, 1024)
b = torch.randn(1024, 1024) / 32.0
for _ in range(20):
    a = a @ b
print(a.abs().mean().item() > 0.0)
