import torch
print(torch.tril_indices(3, 3))
print(torch.triu_indices(3, 4, 1))
print(torch.tril_indices(4, 3, -1, dtype=torch.int32))
print(torch.triu_indices(2, 2, -5), torch.tril_indices(0, 3))
#---
x = torch.tensor([0, 1, 1, 3, 2, 1, 7])
print(torch.bincount(x), x.bincount(minlength=10))
w = torch.tensor([0.5, 1., 1.5, 2., 0.25, 1., 3.])
print(torch.bincount(x, weights=w), torch.bincount(x, w.double()), torch.bincount(x, torch.arange(7)))
print(torch.bincount(torch.tensor([], dtype=torch.int64)))
#---
torch.bincount(torch.tensor([-1, 2]))
#---
torch.bincount(torch.tensor([1., 2.]))
#---
b = torch.tensor([1, 3, 5, 7, 9])
v = torch.tensor([[3, 6, 9], [3, 6, 9]])
print(torch.searchsorted(b, v), torch.searchsorted(b, v, right=True), torch.searchsorted(b, v, side='right'))
print(torch.searchsorted(b, 5), torch.searchsorted(b, torch.tensor([4.5]), out_int32=True))
print(torch.bucketize(v, b), torch.bucketize(v, b, right=True), torch.bucketize(torch.tensor(2.5), b))
s = torch.tensor([[1., 3., 5.], [2., 4., 6.]])
print(torch.searchsorted(s, torch.tensor([[2.], [5.]])))
print(torch.searchsorted(torch.tensor([5., 1., 3.]), torch.tensor([2., 4.]), sorter=torch.tensor([1, 2, 0])))
#---
torch.searchsorted(torch.tensor([[1, 2], [3, 4]]), torch.tensor([1, 2, 3]))
#---
h = torch.tensor([1., 2., 1., 2.5, 4., -1., 0.])
print(torch.histc(h, bins=4, min=0, max=3), h.histc(5), torch.histc(torch.tensor([2., 2.]), bins=3))
#---
torch.histc(torch.tensor([1, 2]), bins=3)
#---
e = torch.tensor([[1, 2], [3, 4]])
print(torch.isin(e, torch.tensor([2, 3])), torch.isin(e, 2), torch.isin(e, torch.tensor([2, 3]), invert=True))
print(torch.isin(torch.tensor([1., 2.5]), torch.tensor([2.5])))
#---
u = torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])
print(torch.unique_consecutive(u))
print(torch.unique_consecutive(u, return_inverse=True, return_counts=True))
print(u.unique_consecutive(return_counts=True))
print(torch.unique_consecutive(torch.tensor([[1, 1], [1, 1], [2, 3]]), dim=0))
#---
print(torch.can_cast(torch.double, torch.float), torch.can_cast(torch.float, torch.int), torch.can_cast(torch.int64, torch.bool), torch.can_cast(torch.bool, torch.int8))
print(torch.tensor([1.]).get_device(), torch.get_device(torch.tensor(1)))
#---
print(torch.hann_window(5), torch.hann_window(5, periodic=False))
print(torch.hamming_window(6), torch.hamming_window(4, False, alpha=0.5, beta=0.4))
print(torch.blackman_window(7), torch.blackman_window(5, periodic=False, dtype=torch.float64))
print(torch.bartlett_window(7), torch.bartlett_window(6, periodic=False))
print(torch.hann_window(1), torch.hann_window(0), torch.bartlett_window(1, dtype=torch.float64))
print(torch.hann_window(12))
#---
torch.hann_window(3, dtype=torch.int64)
#---
print(torch.range(1, 4), torch.range(0, 1, 0.25), torch.range(1, 3, dtype=torch.int64))
