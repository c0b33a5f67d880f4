import torch
import math
S = torch.special
edges = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1e-8, -1e-8, 1e-30, 1e-40, 1e-310, 3e38, -3e38, 1e300, -1e300, math.inf, -math.inf, math.nan, 5.0, -5.0, 8.3, -8.3, 38.0, -38.0, -0.9999999, 1e-3]
# `special.ndtr`, `special.entr`, `special.xlog1py` over random inputs, long enough for
# the vector lanes and their scalar tails, printed with tolist(): bit for bit.
def draws(dt, lo, hi, n=4000):
    return torch.cat([torch.tensor(edges, dtype=dt), torch.rand(n, dtype=dt) * (hi - lo) + lo])
#---
for dt in [torch.float32, torch.float64]:
    x = draws(dt, -9, 9)
    print("ndtr", dt, S.ndtr(x).tolist())
    x = draws(dt, -0.5, 1.5)
    print("ndtr", dt, S.ndtr(x).tolist())
#---
for dt in [torch.float32, torch.float64]:
    x = draws(dt, -0.1, 3)
    print("entr", dt, S.entr(x).tolist())
    x = draws(dt, 0, 1e-3)
    print("entr", dt, S.entr(x).tolist())
#---
for dt in [torch.float32, torch.float64]:
    a = draws(dt, -3, 3)
    b = draws(dt, -0.999, 6)
    print("xlog1py", dt, S.xlog1py(a, b).tolist())
    b = draws(dt, -1e-3, 1e-3)
    print("xlog1py", dt, S.xlog1py(a, b).tolist())
    print("xlog1py scalar", S.xlog1py(2, b[:40]).tolist(), S.xlog1py(a[:40], 0.5).tolist())
#---
x = torch.rand(6, dtype=torch.float64, requires_grad=True)
y = S.entr(x)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad.tolist())
#---
a = torch.rand(6, requires_grad=True)
b = torch.rand(6, requires_grad=True)
z = S.xlog1py(a, b)
print(z.grad_fn.name(), S.xlog1py(2, b).grad_fn.name(), S.xlog1py(a, 2).grad_fn.name())
z.sum().backward()
print(a.grad.tolist(), b.grad.tolist())
#---
S.entr(torch.tensor([0, 1, 2])), S.xlog1py(torch.tensor([1, 2]), torch.tensor([3, 4])), S.ndtr(torch.tensor([0, 1]))
