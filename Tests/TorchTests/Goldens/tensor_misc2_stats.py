import torch
x = torch.tensor([[1., float("nan"), 3., 2.], [float("nan"), float("nan"), float("nan"), float("nan")], [4., 1., 2., 4.]], requires_grad=True)
r = torch.nanmedian(x, 1)
print(r)
r.values.sum().backward()
print(x.grad)
print(x.nanmedian(dim=0, keepdim=True))
#---
x = torch.tensor([[2., float("nan"), 3.], [2., 5., 1.]], requires_grad=True)
m = x.nanmedian()
print(m, torch.median(x))
m.backward()
print(x.grad)
print(torch.nanmedian(torch.tensor([float("nan")] * 3)), torch.nanmedian(torch.tensor([])), torch.nanmedian(torch.tensor([5, 1, 3, 2])))
#---
torch.nanmedian(torch.ones(2, 0), 1)
#---
print(torch.mode(torch.tensor([1, 2, 2, 3, 3])))
a = torch.tensor([[3., 1., 3., 1., 2.], [0., 0., 5., 5., 5.], [7., 6., 5., 4., 3.]], requires_grad=True)
r = a.mode()
print(r)
r.values.sum().backward()
print(a.grad)
print(torch.mode(a, 0), torch.mode(a, dim=0, keepdim=True).indices)
print(torch.mode(torch.tensor([True, False, True])), torch.mode(torch.tensor(4.)))
#---
torch.mode(torch.tensor([]))
#---
x = torch.tensor([[1., 5., 2., 8.], [3., 0.5, 7., -4.]], requires_grad=True)
y = torch.logcumsumexp(x, 1)
print(y)
(y * torch.tensor([[1., -2., 3., 0.5], [-1., 2., 0., 1.]])).sum().backward()
print(x.grad)
print(x.logcumsumexp(dim=0))
print(torch.logcumsumexp(torch.tensor([-float("inf"), -float("inf"), 0.]), 0), torch.logcumsumexp(torch.tensor([float("inf"), float("inf"), 1.]), 0))
print(torch.logcumsumexp(torch.tensor([0.1, 20., -3., 1e-3], dtype=torch.float64), 0), torch.logcumsumexp(torch.tensor(2.5), 0))
#---
torch.logcumsumexp(torch.tensor([1, 2]), 0)
#---
import torch
for n in [17, 40, 100, 257, 1000, 5000]:
    x = (torch.arange(n * 3) * 7919 % 11).reshape(3, n)
    r = torch.mode(x, 1)
    print(n, r.values.tolist(), r.indices.tolist())
    y = ((torch.arange(n) * 104729) % 23).float() / 4
    r = y.mode()
    print(n, r.values.item(), r.indices.item())
z = torch.tensor([2., float("nan"), 2., float("nan"), 1., 1., 1., 2.] * 5)
print(z.mode())
