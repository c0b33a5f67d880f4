# A chain of elementwise ops on 1,000,000 floats, ten times: memory bandwidth and
# kernel loops, with temporaries allocated and freed as PyTorch does. The loop alone is
# timed in the process too (standard error, read by bench/run), so the ratio is not lost
# in PyTorch's two-second import.
import sys
import time
import torch

torch.manual_seed(0)
x = torch.randn(1000000)
total = 0.0
start = time.perf_counter()
for _ in range(10):
    y = (x * 1.5 + 0.5).relu()
    y = torch.sin(y) * torch.exp(-y) + torch.sqrt(y + 1.0)
    y = torch.tanh(y - x.abs() / 2.0)
    total += y.sum().item()
seconds = time.perf_counter() - start
print(f"bench-loop-seconds {seconds:.6f}", file=sys.stderr)
print(f"{total / 10000000.0:.4f}")
