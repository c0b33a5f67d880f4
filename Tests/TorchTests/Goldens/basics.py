import torch
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(x.shape == (2, 3), x.shape[1:], len(x.shape), list(x.shape), tuple(x.shape))
a, b = x.shape
print(a, b, x.size(-1), x.ndim, x.T.shape, x.mT.shape)
#---
print(torch.device('cpu'), repr(torch.device('cpu')), x.device, x.device == torch.device('cpu'), x.is_cuda)
print(torch.cuda.is_available(), torch.cuda.device_count())
#---
x.cuda()
#---
print(torch.float32, torch.float, torch.double, torch.long, torch.int, torch.half, torch.bool, torch.uint8)
print(torch.float32.is_floating_point, torch.int64.is_floating_point, torch.float is torch.float32)
#---
print(x.tolist(), x[0].tolist(), x[0, 0].tolist(), torch.tensor([True]).tolist(), torch.tensor([1, 2]).tolist())
print(float(x[0, 1]), int(x[1, 2]), bool(x[0, 0]), f"{x[0, 1]:.3f}", f"{x[1, 1]}")
#---
len(torch.tensor(3.0))
#---
bool(x)
#---
for row in x:
    print(row)
print(3.0 in x, 7 in x)
#---
c = torch.ones(2)
d = c
c += 1
print(d, c is d)
c *= torch.tensor([2.0, 3.0])
print(d)
c -= 1
c /= 2
print(d)
#---
i = torch.tensor([5, 7])
i //= 2
print(i)
i %= 2
print(i)
#---
print(2 ** torch.tensor([1.0, 2.0]), 1 - torch.tensor([1.0, 2.0]), 3 / torch.tensor([1.0, 2.0]), 7 // torch.tensor([2, 3]), 7 % torch.tensor([2, 3]))
print(-torch.tensor([1, 2]), +torch.tensor([1.5]), abs(torch.tensor([-1, 2])), ~torch.tensor([True, False]), ~torch.tensor([1, 2]))
print(torch.tensor([1, 2]) & torch.tensor([3, 3]), torch.tensor([True, False]) | torch.tensor([False, False]), torch.tensor([1, 2]) ^ 3)
#---
m = torch.arange(12).reshape(3, 4)
print(m[1], m[:, 2], m[1:3, ::2], m[-1], m[..., -1], m[None, 0].shape, m[[0, 2]], m[[0, 2], [1, 3]])
print(m[m > 5], m[torch.tensor([True, False, True])], m[1, torch.tensor([0, 3])], m[:, [True, False, True, False]])
#---
m[0] = 100
m[1, 1:3] = torch.tensor([-1, -2])
m[m > 10] = 0
m[:, 0] = 9.7
m[[2, 2], [3, 0]] = torch.tensor([55, 66])
print(m)
#---
m[5]
#---
m[0, 0, 0]
#---
m[1.5]
#---
z = torch.zeros(2, 3)
z[0] = [1, 2, 3]
print(z)
