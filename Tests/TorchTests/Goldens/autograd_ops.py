import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
print(x.repeat(1, 2), x.tile(2, 1).grad_fn.name(), x.flip(1), x.fliplr().grad_fn.name(), x.roll(-1).grad_fn.name())
#---
print(x.gather(0, torch.tensor([[1, 0, 1]])), x.index_select(0, torch.tensor([1])), x.scatter(0, torch.tensor([[1, 1, 0]]), -1.0))
#---
print(x.cumprod(1), x.sort(1, descending=True), x.topk(1, dim=0), x.kthvalue(1, 1), x.median(1), x.median())
#---
print(torch.atan2(x, x + 1), torch.hypot(x, x), x % 2.5, torch.fmod(x, x - 0.5), x // 2, 7 // x, 7 % x)
#---
y = x * 1
y.remainder_(2)
y.exp_()
y.cos_()
print(y)
y.sum().backward()
print(x.grad)
#---
x.grad = None
z = x * 1
z //= 2
print(z)
z.sum().backward()
#---
print(x.asinh(), x.erfc().grad_fn.name(), x.lgamma(), x.sgn(), x.nan_to_num(), x.nansum(0))
#---
print(torch.einsum("ij,kj->ik", x, x), torch.einsum("ij->i", x), torch.einsum("ij,ij->j", x, x).grad_fn.name())
#---
print(x[:], x[...], x[None], x[:, ::2])
#---
a = torch.ones(3, requires_grad=True)
d = a.data
d[0] = 5
print(a, a._version, d._version, a.detach()._version)
#---
with torch.no_grad():
    n = a[1:]
    m = a.view(3)
print(n, m, n.requires_grad, n._base is not None, m.is_leaf)
#---
n.add_(1)
#---
p = a * 2
q = p.t()
with torch.no_grad():
    p.mul_(3)
print(q, p._version, q._version)
q.sum().backward()
print(a.grad)
#---
s = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
t = s * 1
t.sin_()
t.sum().backward()
print(s.grad)
t.sum().backward()
#---
t = s * 1
t.expm1_()
t.mul_(2)
t.sum().backward()
