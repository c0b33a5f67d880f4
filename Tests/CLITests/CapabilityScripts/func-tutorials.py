# PyTorch's torch.func tutorials, bit for bit: Jacobians, Hessians, hvp and vmap(jacrev)
# (jacobians_hessians), per-sample gradients of an MLP (per_sample_grads) and model
# ensembling (ensembling). Each line: a key, the shape, the first bits and a checksum of all.
import torch
import torch.nn as nn
import torch.nn.functional as F
from functools import partial
from torch.func import vmap, vjp, jvp, jacrev, jacfwd, hessian, grad, functional_call, stack_module_state


def bits(name, t):
    flat = t.detach().reshape(-1).contiguous().view(torch.int32)
    check = int((flat.long() * (torch.arange(t.numel()) % 997 + 1)).sum())
    print(name, list(t.shape), flat.tolist()[:8], check)


torch.manual_seed(0)


def predict(weight, bias, x):
    return F.linear(x, weight, bias).tanh()


D = 16
weight = torch.randn(D, D)
bias = torch.randn(D)
x = torch.randn(D)
bits("jacrev", jacrev(predict, argnums=2)(weight, bias, x))
_, vjp_fn = vjp(partial(predict, weight, bias), x)
ft_jacobian, = vmap(vjp_fn)(torch.eye(D))
bits("vmap_vjp", ft_jacobian)
bits("jacfwd", jacfwd(predict, argnums=2)(weight, bias, x))
jw, jb = jacrev(predict, argnums=(0, 1))(weight, bias, x)
bits("jacrev_w", jw)
bits("jacrev_b", jb)
bits("hessian", hessian(predict, argnums=2)(weight, bias, x))
bits("jacfwd_jacrev", jacfwd(jacrev(predict, argnums=2), argnums=2)(weight, bias, x))
xb = torch.randn(64, D)
bits("batch_jacobian", vmap(jacrev(predict, argnums=2), in_dims=(None, None, 0))(weight, bias, xb))
bits("batch_jacobian_sum", jacrev(lambda x: predict(weight, bias, x).sum(0))(xb))


def hvp(f, primals, tangents):
    return jvp(grad(f), primals, tangents)[1]


x2 = torch.randn(2048)
bits("hvp", hvp(lambda t: t.sin().sum(), (x2,), (torch.randn(2048),)))


class SimpleMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 128)
        self.fc3 = nn.Linear(128, 10)

    def forward(self, x):
        x = x.flatten(1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


model = SimpleMLP()
data = torch.randn(16, 1, 28, 28)
targets = torch.randint(10, (16,))
params = {k: v.detach() for k, v in model.named_parameters()}
buffers = {k: v.detach() for k, v in model.named_buffers()}


def compute_loss(params, buffers, sample, target):
    predictions = functional_call(model, (params, buffers), (sample.unsqueeze(0),))
    return F.cross_entropy(predictions, target.unsqueeze(0))


per_sample = vmap(grad(compute_loss), in_dims=(None, None, 0, 0))(params, buffers, data, targets)
for k in sorted(per_sample):
    bits("per_sample." + k, per_sample[k])

models = [SimpleMLP() for _ in range(5)]
minibatches = torch.randn(5, 64, 1, 28, 28)
ens_params, ens_buffers = stack_module_state(models)
base = SimpleMLP()


def fmodel(params, buffers, x):
    return functional_call(base, (params, buffers), (x,))


bits("ensemble_different", vmap(fmodel)(ens_params, ens_buffers, minibatches))
bits("ensemble_same", vmap(fmodel, in_dims=(0, 0, None))(ens_params, ens_buffers, minibatches[0]))
