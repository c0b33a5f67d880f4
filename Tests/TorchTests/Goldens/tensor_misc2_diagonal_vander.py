import torch
a = torch.zeros(3, 4)
print(a.fill_diagonal_(5.), a.fill_diagonal_(2, wrap=True))
print(torch.zeros(7, 3).fill_diagonal_(1, wrap=True))
print(torch.zeros(7, 3).fill_diagonal_(1))
print(torch.zeros(2, 2, 2).fill_diagonal_(3), torch.zeros(3, 3, dtype=torch.int64).fill_diagonal_(-1))
#---
x = torch.ones(3, 3, requires_grad=True)
y = x * 2
r = y.fill_diagonal_(0)
print(y, r is y)
y.sum().backward()
print(x.grad)
#---
torch.zeros(2, 3, 2).fill_diagonal_(1)
#---
torch.zeros(2).fill_diagonal_(1)
#---
torch.ones(2, 2, requires_grad=True).fill_diagonal_(1)
#---
print(torch.vander(torch.tensor([1, 2, 3]), N=4), torch.vander(torch.tensor([1., 2., 3.]), increasing=True))
print(torch.vander(torch.tensor([2, 3], dtype=torch.int32)), torch.vander(torch.tensor([2, 3]), N=0), torch.vander(torch.tensor([0.5, -2.]), 1))
v = torch.tensor([1., 2., 3.], requires_grad=True)
print(torch.vander(v), torch.vander(v, increasing=True))
#---
torch.vander(torch.ones(2, 2))
#---
torch.vander(torch.ones(2), N=-1)
#---
x = torch.tensor([1., 2.], requires_grad=True)
b = torch.zeros(2, 3)
b[:, 1].copy_(x)
print(b)
(b * torch.tensor([[1., 2., 3.], [4., 5., 6.]])).sum().backward()
print(x.grad)
#---
x = torch.tensor([-1., 0., 2., float("nan"), -0.], requires_grad=True)
y = x.angle()
print(y)
y.sum().backward()
print(x.grad)
print(torch.angle(torch.tensor([-3, 0, 4])), torch.angle(torch.tensor([-1., 2.], dtype=torch.float64)), torch.tensor([True, False]).angle())
t = torch.tensor([1., 2.])
print(t.conj_physical_() is t, t._version, t)
