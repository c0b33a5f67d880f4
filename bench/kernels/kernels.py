"""PyTorch's side of bench/kernels/main.swift: the same ops, timed the same way."""
import time
import torch


def seconds(body):
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        body()
        best = min(best, time.perf_counter() - start)
    return best


def per_op():
    x = torch.ones(3)
    for _ in range(100000):
        x = x * 1.0001 + 0.0001


print(f"per-op (3 elements, mul+add scalar): {seconds(per_op) / 200000 * 1e6:.3f} us/op")
big = torch.arange(1000000, dtype=torch.float64).mul(7919).remainder(2000).div(1000).sub(1).float()


def chain():
    for _ in range(10):
        y = (big * 1.5 + 0.5).relu()
        y = torch.sin(y) * torch.exp(-y) + torch.sqrt(y + 1.0)
        y = torch.tanh(y - big.abs() / 2.0)
        y.sum()


print(f"elementwise chain, 1M x 10: {seconds(chain):.3f} s")
for name in ["sin", "exp", "tanh", "sqrt", "relu"]:
    f = getattr(torch, name)
    print(f"  {name} 1M: {seconds(lambda: [f(big) for _ in range(10)]) / 10 * 1e3:.3f} ms")
print(f"  mul scalar 1M: {seconds(lambda: [big * 1.5 for _ in range(10)]) / 10 * 1e3:.3f} ms")
a = torch.randn(1024, 1024)
b = torch.randn(1024, 1024)
print(f"matmul 1024: {5 * 2 * 1024 ** 3 / seconds(lambda: [a @ b for _ in range(5)]) / 1e9:.1f} GFLOP/s")
