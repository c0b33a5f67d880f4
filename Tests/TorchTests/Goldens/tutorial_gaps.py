import torch, io, collections
x = torch.arange(24.).reshape(2, 3, 4)
x[range(2)].shape, x[range(2), range(1, 3)], x[0, range(0, 3, 2)], x[range(0)].shape
#---
x[[[0, 1], [1, 2]]], x[[0, slice(1, 3)]].shape, x[[0, None]].shape, x[[0, ...]].shape
#---
x[[torch.tensor(0), 1]], x[[torch.tensor([0, 1]), torch.tensor([1, 2])]].shape, x[1, [0, 2], range(2)]
#---
x[[]].shape, x[[0.7, 1.2]].shape, x[0, [2.9]], x[0, [True, False, True]].shape, x[torch.tensor([[0], [1]]), range(3)].shape
#---
y = x.clone(); y[range(2), 0] = -1; y[[0, 1], [1, 2]] = 7; y.sum()
#---
torch.tensor(range(3)), torch.tensor([range(2), range(2)]), torch.tensor(range(0)).dtype, torch.tensor(range(2), dtype=torch.float64)
#---
p = torch.tensor([[-2.0, -3.0, 0.0, 5.0], [1.0, 1.0, 1.0, 1.0]])
p.sum(1, keepdims=True), p.sum(axis=1), torch.sum(p, axis=0, keepdims=True), torch.sum(a=p)
#---
p.mean(axis=0), torch.max(p, axis=1), p.std(axis=1, keepdims=True), torch.argmax(p, axis=1)
#---
torch.add(x1=p, x2=p), torch.cat([p, p], axis=1).shape, p.softmax(axis=1), p.squeeze(axis=0).shape
#---
p.sum(dim=0, axis=1)
#---
p.sum(axis=0, keepdims=True, keepdim=False)
#---
b = io.BytesIO(); torch.save({"counts": collections.Counter("hello"), "c": 1 + 2j, "s": {3, 1}}, b); b.seek(0)
torch.load(b)
#---
from torch.distributions.multinomial import Multinomial
from torch.distributions.categorical import Categorical
import torch.distributions.normal as normal_module
torch.manual_seed(0)
Multinomial(10, torch.ones(6) / 6).sample(), Categorical(probs=torch.tensor([0.2, 0.8])).sample((4,)), normal_module.Normal(0.0, 1.0).sample(), normal_module.__all__
#---
torch.nn.Linear(1, 1).state_dict().keys()
#---
type(torch.nn.Linear(1, 1)), torch.nn.Module, torch.optim.SGD, torch.optim.Adam.__module__, torch.utils.data.DataLoader, torch.utils.data.TensorDataset, torch.distributions.Normal, torch.Generator
#---
class Net(torch.nn.Module):
    pass
Net.__mro__, type(torch.optim.SGD(Net().parameters() or [torch.zeros(1, requires_grad=True)], lr=0.1)).__name__
#---
x = torch.ones(2, requires_grad=True)
class M:
    def __init__(self): self.k = 3
    @torch.no_grad()
    def f(self, t, scale=2):
        "doc of f"
        return t * scale * self.k, torch.is_grad_enabled()
    @torch.inference_mode()
    def g(self, t): return (t * 2).requires_grad, torch.is_inference_mode_enabled()
    @torch.inference_mode
    def h(self, t): return (t * 2).is_inference()
    @torch.enable_grad()
    def e(self, t): return (t * 2).requires_grad
m = M()
print(m.f(x), m.f(x, scale=3)[0], M.f.__name__, M.f.__doc__, m.g(x), m.h(x), torch.is_grad_enabled())
with torch.no_grad():
    print(m.e(x), torch.is_grad_enabled())
@torch.no_grad()
def gen(n):
    for i in range(n):
        yield torch.is_grad_enabled()
print(list(gen(2)), torch.is_grad_enabled())
@torch.set_grad_enabled(False)
def s(t): return (t * 2).requires_grad
print(s(x), torch.is_grad_enabled(), s.__name__)
print(torch.autograd.grad_mode.no_grad is torch.no_grad)
