import torch
a = ((torch.arange(65.) * 0.913).sin() * 3).reshape(5, 13)
b = ((torch.arange(52.) * 0.377).cos() * 2).reshape(4, 13)
a.requires_grad_(True); b.requires_grad_(True)
for p in [2., 1., 3., float("inf"), 0.]:
    d = torch.cdist(a, b, p=p)
    print(p, d)
    if p != 0.:
        g = torch.arange(20.).reshape(5, 4) / 7 - 1
        (d * g).sum().backward()
        print(a.grad, b.grad)
        a.grad = None; b.grad = None
#---
big = ((torch.arange(30 * 4.) * 0.61).sin()).reshape(30, 4).requires_grad_(True)
small = ((torch.arange(3 * 4.) * 0.29).cos()).reshape(3, 4)
d = torch.cdist(big, small)
print(d[:6], d.grad_fn.name())
d.sum().backward()
print(big.grad[:5])
print(torch.cdist(small, small, compute_mode="use_mm_for_euclid_dist"), torch.cdist(big.detach(), small, compute_mode="donot_use_mm_for_euclid_dist")[:3])
x = torch.stack([small, small * 2])
print(torch.cdist(x, x))
#---
torch.cdist(torch.ones(3), torch.ones(2, 3))
#---
torch.cdist(torch.ones(2, 3), torch.ones(2, 4))
#---
torch.cdist(torch.ones(2, 3, dtype=torch.int64), torch.ones(2, 3, dtype=torch.int64))
#---
torch.cdist(torch.ones(2, 3), torch.ones(2, 3), p=-1)
#---
torch.cdist(torch.ones(2, 3), torch.ones(2, 3), compute_mode="fast")
