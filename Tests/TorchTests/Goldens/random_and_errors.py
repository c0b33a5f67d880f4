import torch
g = torch.Generator().manual_seed(3)
print(torch.rand(3, generator=g), torch.randn(2, generator=g), torch.randint(0, 5, (3,), generator=g), torch.randperm(4, generator=g))
print(g.initial_seed())
#---
torch.manual_seed(7)
print(torch.rand(2, 2), torch.randn(5, dtype=torch.float64), torch.randint(10, (2, 2)), torch.randint(3, 10, size=(3,)), torch.randint(high=4, size=(2,)))
print(torch.rand_like(torch.zeros(2)), torch.randn_like(torch.zeros(2, dtype=torch.float64)), torch.normal(0.0, 1.0, (3,)), torch.normal(torch.zeros(2), torch.ones(2)))
#---
torch.manual_seed(0)
p = torch.tensor([0.1, 0.5, 0.4])
print(torch.multinomial(p, 2), p.multinomial(5, replacement=True), torch.bernoulli(torch.tensor([0.5, 0.5, 0.9])), torch.empty(3).bernoulli_(0.5), torch.empty(2).exponential_(), torch.empty(3).random_(0, 10))
#---
s = torch.get_rng_state()
a = torch.rand(2)
torch.set_rng_state(s)
b = torch.rand(2)
print(torch.equal(a, b), s.dtype, s.shape)
#---
torch.set_printoptions(precision=2, sci_mode=True)
print(torch.tensor([1.5, 2.25]))
torch.set_printoptions(profile="default")
print(torch.tensor([1.5, 2.25]))
torch.set_printoptions(threshold=5, edgeitems=1)
print(torch.arange(10))
torch.set_printoptions(profile="default")
print(torch.arange(10))
#---
torch.zeros(2, 3) + torch.zeros(3, 2)
#---
torch.ones(2, 3).view(4)
#---
torch.ones(2).sum(dim=3)
#---
torch.tensor([1.0, 2.0]).item()
#---
torch.cat([torch.ones(2, 3), torch.ones(2, 2)])
#---
torch.mm(torch.ones(2, 3), torch.ones(2, 3))
#---
torch.ones(2, dtype=torch.int64) @ torch.ones(2)
#---
torch.tensor([1, 2]).mean()
#---
torch.zeros(2).foo
#---
torch.sum(3)
#---
torch.zeros(2, 'a')
#---
print(torch.Size([2, 3]), torch.Size((4,)), torch.Size([2, 3]).numel(), torch.Size([1]) + (2,), torch.zeros(torch.Size([2])).shape, torch.ones(2, 3).size())
print(torch.broadcast_shapes((2, 1), (1, 3)), torch.promote_types(torch.int32, torch.float32), torch.result_type(torch.tensor([1]), 1.0), torch.get_default_dtype())
#---
print(torch.__version__[:4], torch.pi if hasattr(torch, 'pi') else 0, torch.float64.itemsize)
x = torch.arange(6.0).reshape(2, 3)
print(x.unflatten(1, (3, 1)).shape, x.movedim(0, 1).shape, x.diagonal(), x.numel(), x.sum().item(), x.tolist(), x.int().tolist())
print(f"{x.sum():.2f}", f"{torch.tensor(3)}", "{:>8.3f}".format(torch.tensor(2.5)), round(torch.tensor(2.567).item(), 2), str(torch.tensor([1, 2])), repr(torch.tensor(1.0)))
#---
print(hash(x) == hash(x), x == None, x is not None, {x: 1}[x], [t.shape for t in torch.ones(2, 2)], list(torch.tensor([1, 2])), sum(torch.tensor([1, 2])), max(torch.tensor([3, 1])), sorted(torch.tensor([3, 1, 2]).tolist()))
