import torch
o = torch.zeros(4, 3).t()
torch.randn(3, 4, out=o)
print(o.stride(), [x.hex() for x in o.flatten().tolist()])
#---
o = torch.zeros(8, dtype=torch.float64)[::2]
torch.rand(4, out=o)
print(o.dtype, o.tolist())
#---
o = torch.zeros(3, 5).t()
torch.randint(-5, 5, (5, 3), out=o)
o
#---
o = torch.zeros(10, dtype=torch.float64)[::2]
torch.normal(torch.zeros(5, dtype=torch.float64) + 0.1, 0.3, out=o)
print([x.hex() for x in o.tolist()])
#---
o = torch.zeros(6)[::2]
torch.bernoulli(torch.tensor([0.2, 0.7, 0.5]), out=o)
o
#---
torch.manual_seed(18)
print([x.hex() for x in torch.empty(7, dtype=torch.float64).normal_(0.1, 0.3).tolist()])
print([x.hex() for x in torch.empty(3, dtype=torch.float64).cauchy_(0.1, 0.3).tolist()])
print([x.hex() for x in torch.empty(3, dtype=torch.float64).log_normal_(0.5, 0.3).tolist()])
#---
torch.manual_seed(0)
print(torch.empty(3).random_(0, 1 << 29).tolist(), torch.empty(3, dtype=torch.bfloat16).random_(0, 1 << 20).tolist())
print(torch.empty(3, dtype=torch.float64).random_(-(1 << 62), 1 << 62).tolist())
#---
torch.manual_seed(0)
t = torch.zeros(3, 2).t()
t.bernoulli_(torch.tensor([[0.2, 0.9, 0.5], [0.6, 0.1, 0.7]]))
t.bernoulli_(torch.tensor([0.5]))
print(t.tolist(), torch.rand(1).item())
#---
torch.manual_seed(80)
w = torch.tensor([[0.5629190267227291, 0.0, 0.8602813686159415, 0.0, 0.0]], dtype=torch.float64)
print(torch.multinomial(w, 3).tolist(), torch.multinomial(torch.tensor([0.0, 0.0, 1.0, 0.0, 0.0, 0.0]), 4).tolist())
#---
torch.manual_seed(-1)
print(torch.initial_seed(), torch.rand(2).tolist())
g = torch.Generator().manual_seed(2 ** 64 - 1)
print(g.initial_seed(), torch.rand(2, generator=g).tolist())
#---
torch.Generator().manual_seed(2 ** 64)
#---
torch.manual_seed(2.5)
torch.initial_seed()
#---
torch.Generator().manual_seed(2.5)
#---
x = torch.randn(2, 1, 3, requires_grad=True)
y = x * 2
y.unsqueeze_(0)
print(y.grad_fn.name(), y.shape)
y.squeeze_(2)
print(y.grad_fn.name(), y.shape)
y.transpose_(0, 2)
print(y.grad_fn.name(), y.shape)
(y * torch.arange(6.0).reshape(y.shape)).sum().backward()
x.grad
#---
torch.manual_seed(3)
x = torch.randn(3, 5, requires_grad=True)
r = torch.nn.functional.dropout1d(x * 1.0, 0.5, training=True, inplace=True)
r.sum().backward()
print(r.grad_fn.name(), x.grad.tolist())
#---
torch.manual_seed(7)
print([str(z) for z in torch.randn(5, dtype=torch.complex64).tolist()])
print([str(z) for z in torch.randn(20, dtype=torch.complex128)[:3].tolist()])
print([str(z) for z in torch.rand(3, dtype=torch.complex64).tolist()], torch.rand(1).item())
#---
torch.manual_seed(7)
print(torch.zeros(4, dtype=torch.int64).random_(3, None).tolist(), torch.zeros(4).random_(3, None).tolist())
print(torch.zeros(3, dtype=torch.uint8).random_(250, None).tolist(), torch.rand(1).item())
#---
torch.empty(3).uniform_(-3e38, 3e38)
#---
torch.set_rng_state(torch.zeros(5056))
#---
torch.rand(generator=None, dtype=torch.float32)
#---
torch.randn(dtype=torch.float64)
#---
torch.rand()
#---
torch.manual_seed(5)
torch.multinomial(torch.tensor([[0.3, 0.7], [0.5, 0.5], [0.0, 0.0]], dtype=torch.float64), 4, True)
#---
torch.rand(1).item()
#---
torch.multinomial(torch.tensor([[0.3, float("nan")], [-1.0, 0.5]]), 2, True)
#---
w = torch.zeros(3, requires_grad=True)
torch.randn(3, out=w)
#---
torch.rand(3, out=w)
#---
torch.normal(torch.zeros(3), 1.0, out=w)
#---
torch.randint(0, 3, (3,), out=w)
#---
torch.rand(3, dtype=torch.float64, out=torch.zeros(3))
#---
torch.normal(torch.zeros(2, 2), 1.0, out=torch.zeros(3))
#---
with torch.inference_mode():
    inf = torch.zeros(3)
torch.randn(3, out=inf)
