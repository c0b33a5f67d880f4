import torch
x = torch.tensor([0.5, -1.25, 2.0, 3.5, -0.75, 1.0, 0.25, -2.0, 1.5, 0.0, 0.75, -0.5])
s = torch.stft(x, 4, hop_length=2, window=torch.hann_window(4), return_complex=True)
print(s.shape, s.dtype, s.stride())
print(s)
print(torch.istft(s, 4, hop_length=2, window=torch.hann_window(4)))
#---
x = torch.tensor([[0.5, -1.25, 2.0, 3.5, -0.75, 1.0, 0.25, -2.0], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]], dtype=torch.float64)
r = x.stft(4, hop_length=1, win_length=3, center=False, normalized=True, onesided=False, return_complex=False)
print(r.shape, r.dtype, r.stride())
print(r[1, :, 0])
print(torch.stft(x, 4, hop_length=2, pad_mode="constant", return_complex=True)[0])
#---
torch.stft(torch.ones(10), 4)
#---
torch.stft(torch.ones(10), 12, center=False, return_complex=True)
#---
torch.istft(torch.ones(3, 4), 4)
#---
torch.istft(torch.ones(3, 4, dtype=torch.complex64), 4, hop_length=4, window=torch.hann_window(4), center=False)
#---
y = torch.tensor([[1., 4., 9., 16.], [2., 3., 5., 7.], [0., 1., 0., 1.]], requires_grad=True)
g = torch.gradient(y)
print(g)
print(torch.gradient(y, spacing=2.0, dim=1, edge_order=2))
print(torch.gradient(y, spacing=[torch.tensor([0., 1., 3.]), torch.tensor([0., 0.5, 1.5, 2.])]))
(g[0].sum() + (g[1] * g[1]).sum()).backward()
print(y.grad)
print(torch.gradient(torch.tensor([1, 4, 9, 16]), spacing=(2,)))
#---
torch.gradient(torch.ones(3, 4), spacing=[2.0])
#---
torch.gradient(torch.ones(2, 4), edge_order=2)
#---
torch.gradient(torch.ones(3, dtype=torch.uint8))
#---
a = torch.tensor([[3., -1., 2.], [0.5, 4., -2.]], requires_grad=True)
print(torch.frobenius_norm(a, (0, 1)), torch.frobenius_norm(a, [1], True))
print(torch.nuclear_norm(a), torch.nuclear_norm(a, keepdim=True), torch.nuclear_norm(a, (1, 0)))
print(torch.norm_except_dim(a, 2, 0), torch.norm_except_dim(a, 3, 1), torch.norm_except_dim(a, 2, -1))
#---
torch.frobenius_norm(torch.ones(2, 2, 2), (0, 1, 2))
#---
torch.nuclear_norm(torch.ones(3))
#---
t = torch.arange(4.)
print(torch.asarray(t) is t, torch.asarray(t, dtype=torch.float64), torch.asarray([1, 2]), torch.asarray([1.5, 2], requires_grad=True))
print(torch.asarray(t, copy=True) is t, torch.asarray(torch.ones(2, requires_grad=True) * 2, copy=True))
#---
torch.asarray(torch.arange(3.), dtype=torch.int64, copy=False)
#---
e = torch.empty_permuted((2, 3, 4), (2, 0, 1))
print(e.shape, e.stride(), e.dtype)
print(torch.empty_permuted((2, 3), (1, 0), dtype=torch.int32, requires_grad=False).stride())
#---
torch.empty_permuted((2, 3, 4), (0, 0, 1))
#---
v = torch.tensor([0.5, -1.0, 2.0])
print(torch.cond(True, lambda t: t.sin(), lambda t: t.cos(), (v,)), torch.cond(v.sum() > 5, lambda t: t.sin(), lambda t: t.cos(), (v,)))
print(torch.while_loop(lambda i, s: i < 3, lambda i, s: (i + 1, s * 2), (torch.tensor(0), v)))
#---
torch.cond(v > 0, lambda t: t, lambda t: -t, (v,))
#---
torch.manual_seed(0)
A = torch.randn(6, 4)
U, S, V = torch.svd_lowrank(A, q=3)
print(U.shape, S, V.shape)
torch.manual_seed(1)
U, S, V = torch.pca_lowrank(A, q=2)
print(S)
print(torch.rand(2))
#---
z = torch.complex(torch.tensor([1., 2.]), torch.tensor([3., -4.]))
print(torch.nn.functional.pad(z, [1, 1]), torch.constant_pad_nd(z, [0, 2], 0))
print(torch.nn.functional.pad(z.view(1, 1, 2), [1, 1], "replicate"), torch.nn.functional.pad(z.view(1, 1, 2), [1, 1], "reflect"))
#---
torch.manual_seed(3)
x = torch.randn(71)
h = torch.histogram(x, 6, weight=torch.rand(71), density=True)
print(h.hist.tolist())
print(torch.histogramdd(x[:70].view(35, 2), [3, 2], weight=torch.rand(35), density=True).hist.tolist())
#---
torch.gradient(torch.ones(3), 2)
#---
torch.gradient(torch.ones(3), spacing=torch.arange(3.))
#---
torch.gradient(torch.tensor([1., 4., 9.]), spacing=[torch.tensor(2.)])
#---
torch.histogramdd(torch.ones(4, 2), torch.tensor([0., 1.]))
#---
torch.histogramdd(torch.ones(4, 2), [torch.tensor([0., 1.]), 3])
#---
o = torch.empty(0)
print(torch.frobenius_norm(torch.tensor([[3., 4.], [0., 12.]]), (0, 1), out=o), o)
#---
x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
r = torch.cond(x.sum() > 0, lambda a: (a.sin() * 2, a.exp()), lambda a: (a.cos(), a * a), (x,))
print(r)
(r[0].sum() + r[1].sum()).backward()
print(x.grad)
#---
x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
r = torch.while_loop(lambda i, s: i < 3, lambda i, s: (i + 1, s * 2 + s.sin()), (torch.tensor(0), x))
print(r, r[0].requires_grad)
r[1].sum().backward()
print(x.grad)
print(torch.while_loop(lambda i, s: i > 3, lambda i, s: (i + 1, s * 2), [torch.tensor(0), x.detach()]))
