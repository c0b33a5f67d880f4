import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
y = torch.renorm(x, 2, 0, 5.)
print(y)
(y * torch.tensor([[1., -1., 2.], [0.5, 1., 3.]])).sum().backward()
print(x.grad)
x.grad = None
y = x.renorm(1, 1, 6)
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
y = torch.renorm(x, 3, 0, 5.)
print(y)
y.sum().backward()
print(x.grad)
#---
z = torch.tensor([[3., 4.], [0., 1.]])
print(z.renorm_(2, 0, 1.), z)
d = torch.tensor([[3., 4., 12.], [0.1, 0.2, 0.3]], dtype=torch.float64, requires_grad=True)
w = d * 1
w.renorm_(2, 0, 2.)
print(w)
w.sum().backward()
print(d.grad)
#---
torch.renorm(torch.ones(2, 2), -1, 0, 1)
#---
torch.renorm(torch.ones(2), 2, 0, 1)
#---
x = torch.arange(6., requires_grad=True)
a = torch.as_strided(x, (3, 2), (1, 1))
print(a, a.stride(), a.storage_offset())
a.sum().backward()
print(x.grad)
x.grad = None
a = x.as_strided((2, 2), (2, 1), 1)
print(a)
(a * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
print(x.grad)
#---
torch.arange(6.).as_strided((2, 2), (1, 1), 10)
#---
torch.arange(6.).as_strided((2, 2), (1,))
#---
t = torch.arange(4.)
v = t.view(2, 2)
r = t.as_strided_((2,), (2,))
print(t, t.stride(), v, r is t)
#---
e = torch.empty_strided((2, 3), (1, 2))
print(e.shape, e.stride(), e.dtype, e.is_contiguous())
f = torch.empty_strided((2, 2), (2, 1), dtype=torch.float64, requires_grad=True)
print(f.shape, f.stride(), f.dtype, f.requires_grad)
g = torch.tensor([1, 2]).new_empty_strided((2, 2), (1, 2))
print(g.stride(), g.dtype, g.shape)
print(torch.tensor([1, 2]).new_empty_strided((3,), (2,), dtype=torch.float16).dtype)
#---
torch.empty_strided((2,), (1, 2))
#---
t = torch.arange(6.)
print(t.resize_(2, 2), t.shape, t.stride())
print(t.resize_as_(torch.ones(3)))
t = torch.arange(4.)
r = t.resize_(6)
print(t.shape, t[:4], r is t)
t.resize_((1, 2))
print(t)
#---
torch.tensor([1., 2.], requires_grad=True).resize_(3)
#---
t = torch.tensor([1., 2., 3.])
print(t.apply_(lambda v: v * 2 + 1))
t = torch.arange(4)
r = t.apply_(lambda v: v * 1.5)
print(r, r is t)
#---
torch.tensor([1., 2.], requires_grad=True).apply_(lambda v: v)
