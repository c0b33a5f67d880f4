import torch
x = torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])
print(x.sum(0), x.sum((0, 1)), x.sum(dim=-1, keepdim=True), x.sum(dtype=torch.float64), torch.sum(x, 1))
print(x.mean((0,)), x.prod(1), x.max(), x.max(0), x.min(1, keepdim=True))
print(torch.max(x, torch.tensor(3.0)), torch.max(x, 1)[0], x.amax(1), x.amin((0, 1)), x.argmax(1, keepdim=True))
#---
v, i = torch.sort(torch.tensor([3, 1, 2]), descending=True)
print(v, i, torch.argsort(torch.tensor([3, 1, 2])))
print(torch.topk(torch.tensor([1.0, 5.0, 3.0, 4.0]), 2))
print(x.topk(1, dim=0).indices, x.kthvalue(2, 1))
#---
print(x.std(0), x.var(1, keepdim=True), x.std(unbiased=False), x.var(correction=0), torch.std(x), x.norm(1), x.norm(dim=0), torch.norm(x, p=2, dim=1, keepdim=True))
print(x.logsumexp(1), torch.logsumexp(x, dim=0), x.cumsum(0), x.cumprod(1), x.all(), (x > 2).any(1), (x > 0).all(dim=0))
#---
print(x.softmax(dim=1), torch.softmax(x, 0).sum(0), x.log_softmax(1))
#---
print(x.view(3, 2), x.view(-1), x.view(6, 1).shape, x.reshape((3, 2)), x.flatten(), x.unsqueeze(-1).shape, x.t().contiguous().view(6))
print(x.permute(1, 0).shape, x.transpose(0, 1).is_contiguous(), x.expand(2, 2, 3).shape, torch.ones(3, 1).expand(3, 4).shape, x.repeat(2, 1).shape)
print(x.chunk(3, 1), x.split(2, dim=1), x.split([1, 2], 1)[1], torch.cat((x, x), 1).shape, torch.stack([x, x], 2).shape, x.unbind(0))
#---
print(x.flip(0), x.roll(1, 1), x.narrow(1, 0, 2), x.select(0, 1), x.squeeze().shape, torch.zeros(1, 2, 1).squeeze(0).shape, x.diag(), torch.diag(torch.tensor([1, 2])))
print(x.tril(), torch.triu(torch.ones(3, 3), 1), torch.ones(3, 3).trace(), x.gather(1, torch.tensor([[0], [2]])), x.index_select(1, torch.tensor([0, 2])))
print(torch.zeros(3).scatter_(0, torch.tensor([0, 2]), torch.tensor([5.0, 6.0])), x.masked_fill(x > 3, 0.0), torch.where(x > 3, x, -1.0), torch.where(x > 4))
#---
print(x.nonzero(), torch.nonzero(torch.tensor([0, 1, 0, 2])), x.clamp(2, 4), x.clamp(max=3), x.clip(min=2), x.abs(), torch.round(torch.tensor([2.5, -0.5, 1.234]), decimals=1))
#---
print(x @ x.T, torch.matmul(x, torch.ones(3)), torch.mm(x, x.t()), torch.einsum('ij,kj->ik', x, x), torch.einsum('ii', torch.eye(3)), torch.addmm(torch.zeros(2, 2), x, x.T, beta=0.5, alpha=2))
#---
print(torch.zeros(2, 3, dtype=torch.int32), torch.ones((2,)), torch.full((2, 2), 3), torch.full([1], 2.5, dtype=torch.float64), torch.empty(0).shape, torch.zeros(size=(1, 2)))
print(torch.arange(5), torch.arange(1, 4), torch.arange(0, 1, 0.3), torch.arange(5, dtype=torch.float32), torch.linspace(0, 1, steps=3), torch.eye(2, 3), torch.eye(2, dtype=torch.int64))
print(torch.zeros_like(x, dtype=torch.int64), torch.ones_like(x).dtype, torch.full_like(x, 7), torch.empty_like(x).shape, x.new_ones(2), x.new_zeros((1, 2)), x.new_full((2,), 3.0), x.new_tensor([1, 2]))
#---
print(torch.tensor([1, 2.5]), torch.tensor([[True, 1]]), torch.tensor([]), torch.tensor([[]]).shape, torch.tensor(5, dtype=torch.float64), torch.tensor([1, 2], dtype=torch.float16), torch.tensor([1.7, -2.7], dtype=torch.int32))
print(torch.tensor(torch.tensor([1, 2])), torch.tensor([torch.tensor(1.5), torch.tensor(2.5)]), torch.tensor(((1, 2), (3, 4))), torch.tensor(range(3)) if False else 0)
#---
torch.tensor([[1, 2], [3]])
#---
torch.tensor([1, "a"])
#---
print(x.float().dtype, x.double(), x.long(), x.int(), x.bool(), x.half(), x.to(torch.int64), x.to('cpu').dtype, x.to(dtype=torch.float64).dtype, x.type(), x.type(torch.int32), x.type_as(torch.tensor([1])))
print(x.is_floating_point(), torch.is_tensor(x), torch.is_tensor(3), torch.numel(x), x.numel(), x.element_size(), x.stride(), x.t().stride(), x.storage_offset(), x[1].storage_offset(), x.dim(), x.nelement())
#---
print(x.zero_(), x.fill_(2.5), x.copy_(torch.tensor([1.0, 2.0, 3.0])), x.add_(1, alpha=2), x.clamp_(max=4), x.neg_(), x.abs_(), x.sqrt_(), x.exp_().shape)
#---
print(torch.allclose(torch.tensor([1.0]), torch.tensor([1.0 + 1e-9])), torch.equal(torch.tensor([1]), torch.tensor([1])), torch.isclose(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.1])))
#---
print(torch.tensor([1, 2]) + torch.tensor([1.5]), torch.tensor([1, 2]) * True, torch.tensor([True]) + True, torch.tensor([1], dtype=torch.int8) + 200, torch.tensor([1.0], dtype=torch.float16) * 2.0, torch.tensor([1, 2]) / 2, torch.tensor([3, 4]).div(2, rounding_mode='floor'), torch.tensor([-3, 4]).div(2, rounding_mode='trunc'))
print(torch.add(torch.tensor([1, 2]), 3, alpha=2), torch.sub(torch.tensor([1.0]), torch.tensor([3.0]), alpha=0.5), torch.mul(2, 3) if False else 0, torch.pow(2, torch.tensor([1, 2])), torch.pow(torch.tensor([2.0]), 3), torch.tensor([4.0]).pow(0.5), torch.exp(torch.tensor([0, 1])), torch.sqrt(torch.tensor([4])))
#---
import torch
x = torch.tensor([3, 1, 2, 3, 1])
print(torch.unique(x), x.unique(return_counts=True), torch.unique(x, return_inverse=True), torch.unique(torch.tensor([2.5, 1.0, 2.5])))
y = torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])
print(y.median(), y.median(1), torch.median(y, dim=0, keepdim=True), torch.tensor([1.,2.,3.,4.]).median(), torch.median(torch.tensor([3,1,2])))
a, b = torch.meshgrid(torch.arange(2), torch.arange(3), indexing='ij'); print(a, b)
a, b = torch.meshgrid(torch.arange(2), torch.arange(3), indexing='xy'); print(a, b)
print(torch.FloatTensor([1, 2]), torch.LongTensor([1.5]), torch.FloatTensor(2, 3).shape, torch.BoolTensor([1, 0]), torch.DoubleTensor([1]), torch.IntTensor([3]))
print(torch.diff(torch.tensor([1, 4, 9])), torch.tensor([[1.0, 3.0], [2.0, 7.0]]).diff(dim=0))
