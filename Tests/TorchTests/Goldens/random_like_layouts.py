import torch
x = torch.empty(5, 7).t()
a = torch.randn_like(x)
print(a.stride(), a[0].tolist())
#---
b = torch.rand_like(x)
print(b.stride(), b[1].tolist())
#---
c = torch.randint_like(x, 10)
print(c.stride(), c[2].tolist(), c.dtype)
#---
y = torch.empty(4, 6, 8).permute(2, 0, 1)
d = torch.randn_like(y, dtype=torch.float64)
print(d.stride(), d.dtype, d.sum().item())
#---
z = torch.empty(10, 10)[:, ::2]
e = torch.randn_like(z)
print(e.stride(), e.sum().item())
#---
torch.randn(3)
#---
torch.manual_seed(2)
lstm = torch.nn.LSTM(10, 20, batch_first=True)
xs = torch.randn(4, 7, 10, requires_grad=True)
o, _ = lstm(xs)
g = torch.randn_like(o)
print(o.stride(), g.stride(), g.flatten()[:3].tolist())
o.backward(g)
print(xs.grad.sum().item(), lstm.weight_hh_l0.grad.sum().item())
#---
torch.randn(2, 3)
