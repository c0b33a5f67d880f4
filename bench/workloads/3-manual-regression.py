# Manual linear regression with autograd: 5,000 steps of forward, backward and an
# in-place update under no_grad, on 100 points. Small tensors, so graph building and
# the backward engine dominate.
import torch

torch.manual_seed(0)
X = torch.linspace(-1.0, 1.0, 100).reshape(100, 1)
Y = 3.0 * X - 0.5 + 0.1 * torch.randn(100, 1)
w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.05
for step in range(5000):
    pred = X @ w + b
    loss = ((pred - Y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()
    b.grad.zero_()
print(f"loss {loss.item():.6f}  w {w.item():.4f}  b {b.item():.4f}")
