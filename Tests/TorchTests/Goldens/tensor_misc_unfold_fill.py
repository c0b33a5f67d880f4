import torch
x = torch.arange(7.).requires_grad_()
u = x.unfold(0, 3, 2)
print(u, u.stride(), u.is_contiguous())
u.sum().backward()
print(x.grad)
y = torch.arange(12.).reshape(3, 4)
print(y.unfold(1, 2, 1).shape, y.unfold(1, 2, 1).stride(), y.unfold(0, 2, 1))
print(torch.tensor(5.).unfold(0, 1, 1))
#---
w = torch.arange(12.).reshape(3, 4).requires_grad_()
v = w.unfold(1, 2, 2)
(v * torch.arange(12.).reshape(3, 2, 2)).sum().backward()
print(type(v.grad_fn).__name__, w.grad)
#---
torch.arange(12.).reshape(3, 4).unfold(1, 5, 1)
#---
torch.arange(4.).unfold(0, 2, 0)
#---
z = torch.ones(2, 3, requires_grad=True)
v = torch.tensor(3., requires_grad=True)
f = torch.fill(z, v)
print(f, torch.fill(z, 2.))
f.sum().backward()
print(z.grad, v.grad, torch.fill(torch.ones(2, dtype=torch.int64), 2.7))
#---
torch.fill(torch.ones(2), torch.ones(2))
