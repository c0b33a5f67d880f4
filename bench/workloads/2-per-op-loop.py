# Per-op overhead: 100,000 iterations of two tiny tensor ops on a 3-element tensor.
# The arithmetic is negligible; the time is the cost of dispatching each op.
import torch

x = torch.ones(3)
for _ in range(100000):
    x = x * 1.0001 + 0.0001
print(x)
