import torch
x = torch.zeros(2, 3, requires_grad=True)
m = torch.tensor([[True, False, True], [False, True, True]])
s = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
o = x.masked_scatter(m, s)
print(o)
(o * torch.arange(6.).reshape(2, 3)).sum().backward()
print(x.grad, s.grad)
print(torch.masked_scatter(torch.zeros(2, 2), torch.tensor([True, False]), torch.arange(4.)))
y = torch.ones(4)
y.masked_scatter_(torch.tensor([False, True, True, False]), torch.tensor([7., 8., 9.]))
print(y)
#---
torch.zeros(3).masked_scatter(torch.tensor([True, True, True]), torch.ones(2))
#---
torch.zeros(2).masked_scatter(torch.tensor([1, 0]), torch.ones(2))
#---
p = torch.zeros(2, 3, requires_grad=True)
src = torch.tensor([10., 20., 30.], requires_grad=True)
q = p.put(torch.tensor([0, 4, -1]), src)
print(q)
(q * torch.arange(6.).reshape(2, 3)).sum().backward()
print(p.grad, src.grad)
r = torch.ones(2, 2)
r.put_(torch.tensor([1, 1, 3]), torch.tensor([1., 2., 3.]), accumulate=True)
print(r, torch.ones(3).put(torch.tensor([[0, 2]]), torch.tensor([[5., 6.]])))
#---
torch.zeros(3).put(torch.tensor([3]), torch.tensor([1.]))
#---
b = torch.tensor([[1., 2.], [3., 4.], [5., 6.]], requires_grad=True)
srcr = torch.tensor([[2., 2.], [3., 1.], [0.5, 8.]], requires_grad=True)
idx = torch.tensor([0, 2, 0])
for red in ["prod", "mean", "amax", "amin"]:
    out = b.index_reduce(0, idx, srcr, red)
    out2 = b.index_reduce(0, idx, srcr, red, include_self=False)
    print(red, out, out2)
    (out * torch.arange(6.).reshape(3, 2)).sum().backward()
    print(b.grad, srcr.grad)
    b.grad = None; srcr.grad = None
    out2.sum().backward()
    print(b.grad, srcr.grad)
    b.grad = None; srcr.grad = None
#---
c = torch.ones(2, 3, dtype=torch.int64)
c.index_reduce_(1, torch.tensor([2, 2]), torch.tensor([[4, 6], [1, 3]]), "mean")
print(c)
#---
torch.ones(2).index_reduce(0, torch.tensor([0]), torch.ones(1), "sum")
