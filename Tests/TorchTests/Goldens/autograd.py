import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(x, x * 2, (x * 2).sum(), x.mean(), x[0], x[1:], x.view(3, 1), x.t(), x.detach(), x.data, x.exp(), x ** 2, 2 ** x, 1 - x, x / 2, -x)
print(torch.zeros(2, requires_grad=True), torch.ones(2, 2, requires_grad=True) @ torch.ones(2), x.unsqueeze(0).expand(2, 3).sum(0))
#---
y = x * x
print(y.grad_fn, y.grad_fn.next_functions) if False else print(y.grad_fn.name(), [(type(n).__name__ if n else None, i) for n, i in y.grad_fn.next_functions])
print(type(y.grad_fn).__name__, y.grad_fn.next_functions[0][0].variable is x if False else 0, x.grad_fn, x.is_leaf, x.requires_grad, y.is_leaf)
#---
y.backward(torch.ones(3))
print(x.grad, y.grad)
#---
x.grad = None
print(x.grad)
z = (x * 3).sum()
z.backward(retain_graph=True)
z.backward()
print(x.grad)
#---
x.grad.zero_()
h = x.register_hook(lambda g: g * 10)
(x * 2).sum().backward()
print(x.grad)
h.remove()
#---
x.requires_grad = False
print(x.requires_grad, (x * 2).requires_grad)
x.requires_grad_(True)
print(x.requires_grad)
#---
i = torch.tensor([1, 2])
i.requires_grad = True
#---
with torch.no_grad():
    print(torch.is_grad_enabled(), (x * 2).requires_grad)
    with torch.enable_grad():
        print(torch.is_grad_enabled(), (x * 2).requires_grad)
print(torch.is_grad_enabled())
with torch.set_grad_enabled(False):
    print((x * 2).requires_grad)
print(torch.is_grad_enabled())
torch.set_grad_enabled(False)
print(torch.is_grad_enabled())
torch.set_grad_enabled(True)
with torch.inference_mode():
    print((x * 2).requires_grad, torch.is_grad_enabled())
#---
a = torch.tensor([2.0, 3.0], requires_grad=True)
out = (a ** 3).sum()
g, = torch.autograd.grad(out, [a])
print(g)
g2 = torch.autograd.grad((a * a).sum(), a, create_graph=True)[0]
print(g2, g2.requires_grad)
#---
from torch.autograd import Variable
v = Variable(torch.tensor([1.0]), requires_grad=True)
print(v, Variable(torch.tensor([2.0])))
#---
b = torch.tensor([1.0, 2.0], requires_grad=True)
c = b * 2
c.retain_grad()
(c.sum()).backward()
print(c.grad, c.retains_grad, b.grad)
#---
d = b.detach()
d.add_(1)
print(b, d.requires_grad)
#---
e = b.clone()
e[0] = 10
print(e)
print(e.grad_fn.name())
#---
f = torch.tensor([1.0, -1.0], requires_grad=True)
print(torch.relu(f), f.sigmoid(), f.tanh(), torch.softmax(f, 0), f.abs(), f.clamp(0, 1), torch.where(f > 0, f, 0.0), f.max(), f.norm(), f.pow(2).mean().sqrt())
#---
w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
print(w.T, w.sum(dim=1), w.mean(0, keepdim=True), w[0], w[:, 1], w[w > 2], w.reshape(4), torch.cat([w, w]), torch.stack([w, w]).shape, w.max(1))
#---
l = torch.tensor([1.0, 2.0], requires_grad=True)
l.backward()
#---
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w ** 2).sum()
loss.backward()
w.data -= 0.1 * w.grad
w.grad.data.zero_()
print(w, w.grad, f"{loss:.3f}", f"loss={loss.item():.4f}")
#---
x = torch.randn(4, 3)
print(x.shape, x.mean().shape, torch.manual_seed(0) is not None)
#---
probs = torch.tensor([[0.1, 0.9], [0.8, 0.2], [0.5, 0.5]])
ys = torch.tensor([1, 0, 1])
print(probs[torch.arange(3), ys], -probs[torch.arange(3), ys].log().mean())
#---
t = torch.zeros(3)
t[1] += 5
t[[0, 2]] += torch.tensor([1.0, 2.0])
print(t, t.argmax().item(), t.max().item(), torch.argmax(t))
#---
a = torch.arange(6).reshape(2, 3).float()
print(a.sum(-1, keepdim=True) / a.sum(), (a - a.mean(0)) / a.std(0), a.T @ a, a.max(dim=-1).indices, a[:, None, :].shape, a.unsqueeze(1) - a.unsqueeze(0))
#---
print(torch.tensor(3.5).item(), type(torch.tensor(3).item()).__name__, int(torch.tensor(3.9)), torch.tensor([1, 2, 3])[1].item(), torch.tensor([[1, 2]])[0, -1])
#---
print(isinstance(torch.zeros(1), torch.Tensor), type(torch.zeros(1)), torch.zeros(1).__class__.__name__, torch.Tensor, str(torch.float32), torch.zeros(2).dtype == torch.float32)
#---
q = torch.ones(2, requires_grad=True)
for v in [1.0, [1.0, 2.0], torch.zeros(2)]:
    try:
        q.grad = v
        print(q.grad)
    except Exception as e:
        print(type(e).__name__, e)
