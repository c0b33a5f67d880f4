# A chain of elementwise ops on 1,000,000 floats, ten times: memory bandwidth and
# kernel loops, with temporaries allocated and freed as PyTorch does.
import torch

torch.manual_seed(0)
x = torch.randn(1000000)
total = 0.0
for _ in range(10):
    y = (x * 1.5 + 0.5).relu()
    y = torch.sin(y) * torch.exp(-y) + torch.sqrt(y + 1.0)
    y = torch.tanh(y - x.abs() / 2.0)
    total += y.sum().item()
print(f"{total / 10000000.0:.4f}")
