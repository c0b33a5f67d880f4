# An MLP 16 -> 64 -> 64 -> 2 trained with Adam for 300 full-batch steps on 1,024
# samples: nn.Module calls, cross-entropy and the optimizer's per-parameter updates.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

torch.manual_seed(0)
X = torch.randn(1024, 16)
y = (X[:, 0] * X[:, 1] + X[:, 2] + 0.5 * torch.randn(1024) > 0).long()
model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2))
opt = optim.Adam(model.parameters(), lr=0.001)
for step in range(300):
    opt.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    opt.step()
with torch.no_grad():
    accuracy = (model(X).argmax(dim=1) == y).float().mean()
print(f"loss {loss.item():.4f}  accuracy {accuracy.item():.4f}")
