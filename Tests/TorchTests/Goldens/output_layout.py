import torch
torch.manual_seed(0)
x = torch.randn(3, 4)
t = x.t()
p3 = torch.randn(2, 3, 4).permute(2, 0, 1)
p4 = torch.randn(2, 3, 4, 5).permute(0, 2, 3, 1)
cl = torch.randn(2, 5, 3, 4).permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2)
sl = torch.randn(4, 6)[:, ::2]
slt = torch.randn(6, 4).t()[:, ::2]
ex = torch.randn(4, 1).expand(4, 3)
one = torch.randn(3, 1, 4).permute(2, 1, 0)
cases = [("t", t), ("p3", p3), ("p4", p4), ("cl", cl), ("sl", sl), ("slt", slt), ("ex", ex), ("one", one)]
#---
for name, a in cases:
    print(name, a.stride(), a.is_contiguous())
    print(" mul2", (a * 2).stride())
    print(" exp", a.exp().stride())
    print(" neg", (-a).stride())
    print(" add_self", (a + a).stride())
    print(" gt", (a > 0).stride())
    print(" to64", a.to(torch.float64).stride())
    print(" clone", a.clone().stride())
    print(" zeros_like", torch.zeros_like(a).stride())
    print(" ones_like", torch.ones_like(a).stride())
    print(" empty_like", torch.empty_like(a).stride())
    print(" full_like", torch.full_like(a, 3).stride())
    print(" where", torch.where(a > 0, a, 0.0).stride())
    print(" where2", torch.where(a > 0, a, torch.zeros(a.shape[-1])).stride())
    print(" pow2", (a ** 2).stride())
    print(" clamp", a.clamp(min=0).stride())
    print(" relu", torch.relu(a).stride())
    print(" sigmoid", torch.sigmoid(a).stride())
    print(" flip", a.flip(0).stride())
    print(" contig", a.contiguous().stride(), a.contiguous().is_contiguous())
    c = torch.randn(a.shape)
    print(" add_contig", (a + c).stride(), (c + a).stride())
    print(" add_bcast_row", (a + torch.randn(a.shape[-1])).stride())
    print(" int_add", (a.to(torch.int64) + 1).stride())
    print(" int_exp", a.to(torch.int64).exp().stride())
#---
print(((t * 2).sum(0)).tolist())
y = torch.randn(64, 33).t() * 1.7
print(y.sum(0)[:3].tolist(), y.sum(1)[:3].tolist(), y.sum().item(), y.mean().item())
print(y.var(0)[:3].tolist(), y.std(1)[:3].tolist(), y.norm().item())
print(torch.softmax(y, 0)[0, :3].tolist(), torch.softmax(y, 1)[0, :3].tolist())
#---
w = torch.randn(3, 4, requires_grad=True)
(w.t() * 3).exp().sum().backward()
print(w.grad.stride())
v = torch.randn(4, 3).t().detach().requires_grad_()
(v * 2).sum().backward()
print(v.grad.stride())
u = torch.randn(4, 3, requires_grad=True)
z = u.t() * 2
z.retain_grad()
(z * z).sum().backward()
print(z.grad.stride(), u.grad.stride())
#---
x = torch.randn(6, 5, dtype=torch.float64)
y = x.t() * 3
print(y.stride(), y.is_contiguous(), y.sum(0).tolist(), y.mean(1).tolist())
z = torch.randn(4, 3, 5).permute(1, 2, 0) + 1
print(z.stride(), z.sum((0, 2)).tolist(), z.mean(2)[0].tolist(), z.sum().item())

w = torch.randn(2, 5, 4, 3).permute(0, 3, 2, 1)
print(w.stride(), (w * w).stride(), (w * w).sum((0, 2, 3)).tolist())
#---
big = torch.randn(300, 200).t() * 0.5
print(big.sum(0)[:4].tolist(), big.sum(1)[:4].tolist(), big.mean().item())
print(torch.empty_like(big).stride(), big.to(torch.float64).stride(), torch.rand_like(big).shape)
#---
import itertools
torch.manual_seed(21)
for shape in [(5, 7, 9), (4, 6, 3, 10), (2, 40, 65)]:
    base = torch.randn(*shape)
    for perm in list(itertools.permutations(range(len(shape))))[:6]:
        x = base.permute(*perm) * 1.5
        for dims in itertools.combinations(range(len(shape)), 2):
            print(shape, perm, dims, x.sum(dims).flatten()[:3].tolist(), x.mean(dims).flatten()[-2:].tolist())
