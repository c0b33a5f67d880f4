# torch.cdist's direct kernels bit for bit (the capability script more-kernels covers
# 4x5 rows of 7..33 columns): more than 25 rows and 41 columns, broadcast batch
# dimensions, zero distances and zero differences (p < 1 zeroes those terms), p = 2
# without the matmul path, and p values that are not exact floats. Each line: the forward,
# then x1's and x2's gradients, as count:digest:digest of their bits.
import torch
def bits(t):
    t = t.detach().contiguous().reshape(-1)
    b = (t.view(torch.int32) if t.dtype == torch.float32 else t.view(torch.int64)).to(torch.int64)
    i = torch.arange(b.numel(), dtype=torch.int64)
    return "%d:%d:%d" % (b.numel(), ((b % 65521) * (i % 65521 + 1)).sum().item(), ((b % 65519) * (i % 65519 + 1)).sum().item())
def show(key, out, *ins):
    g = torch.rand(out.shape, dtype=out.dtype) - 0.5
    out.backward(g)
    print(key, out.grad_fn.name(), tuple(out.shape), bits(out), " ".join(bits(t.grad) for t in ins))
PS = (0.0, 0.3, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, float("inf"))
#---
torch.manual_seed(1)
for dt in (torch.float32, torch.float64):
    for p in PS:
        a = torch.randn(30, 41, dtype=dt).requires_grad_(); b = torch.randn(27, 41, dtype=dt).requires_grad_()
        show("rows30x27 m41 %s p=%g" % (dt, p), torch.cdist(a, b, p=p), a, b)
#---
torch.manual_seed(2)
for dt in (torch.float32, torch.float64):
    for p in PS:
        a = torch.randn(2, 1, 3, 11, dtype=dt).requires_grad_(); b = torch.randn(3, 4, 11, dtype=dt).requires_grad_()
        show("batch (2,1)x(3,) m11 %s p=%g" % (dt, p), torch.cdist(a, b, p=p), a, b)
#---
torch.manual_seed(3)
for dt in (torch.float32, torch.float64):
    for p in PS:
        a = torch.randint(-2, 3, (4, 9)).to(dt); b = torch.cat([a[:2], torch.randint(-2, 3, (3, 9)).to(dt)])
        a.requires_grad_(); b.requires_grad_()
        show("ties m9 %s p=%g" % (dt, p), torch.cdist(a, b, p=p), a, b)
#---
torch.manual_seed(4)
for dt in (torch.float32, torch.float64):
    for m in (1, 2, 3, 5, 6, 37):
        a = torch.randn(30, m, dtype=dt).requires_grad_(); b = torch.randn(28, m, dtype=dt).requires_grad_()
        show("no mm m%d %s" % (m, dt), torch.cdist(a, b, compute_mode="donot_use_mm_for_euclid_dist"), a, b)
#---
# p near the cases' edges: the forward picks its case from p as the element type, the
# backward from the double p (float32 p = 2 - 1e-9 takes the p < 2 gradient).
torch.manual_seed(5)
for dt in (torch.float32, torch.float64):
    for p in (1 + 1e-9, 2 - 1e-9, 2 + 1e-9, 1e-50, 3.3, 0.7, 1e-3, 7.0):
        a = torch.randn(5, 10, dtype=dt).requires_grad_(); b = torch.randn(6, 10, dtype=dt).requires_grad_()
        show("edge p %s %r" % (dt, p), torch.cdist(a, b, p=p), a, b)
#---
a = ((torch.arange(12.) * 0.913).sin() * 3).reshape(3, 4).double().requires_grad_()
b = ((torch.arange(8.) * 0.377).cos() * 2).reshape(2, 4).double().requires_grad_()
d = torch.cdist(a, b, p=3)
d.sum().backward()
print(d.tolist(), a.grad.tolist(), b.grad.tolist())
#---
torch.cdist(torch.ones(2, 3, dtype=torch.float16), torch.ones(2, 3, dtype=torch.float16), p=3)
#---
torch.cdist(torch.ones(2, 3), torch.ones(2, 3, dtype=torch.float64), p=3)
