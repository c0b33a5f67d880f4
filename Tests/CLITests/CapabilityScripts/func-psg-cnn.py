# Per-sample gradients through convolutions, bit for bit: vmap(grad(loss)) of the
# per-sample-gradients tutorial's CNN (per_sample_grads: two 3x3 convolutions, 28x28
# MNIST-sized samples; a batch of 8 here) and of smaller CNNs with stride, padding,
# dilation, groups, a 1-D convolution and a convolution whose input needs a gradient.
# functorch's convolution and convolution_backward batching rules (the batch folded into
# N, the weight gradient as one convolution_backward with groups * B) give these bits.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import vmap, grad, functional_call


def bits(name, t):
    flat = t.detach().reshape(-1).contiguous().view(torch.int32)
    check = int((flat.long() * (torch.arange(t.numel()) % 997 + 1)).sum())
    print(name, list(t.shape), flat.tolist()[:6], check)


class SimpleCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = F.max_pool2d(x, 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return F.log_softmax(self.fc2(x), dim=1)


class Varied(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Conv2d(2, 6, 3, stride=2, padding=1)
        self.b = nn.Conv2d(6, 4, 3, padding=2, dilation=2, groups=2)
        self.c = nn.Conv1d(4, 3, 2, bias=False)
        self.fc = nn.Linear(3 * 4, 5)

    def forward(self, x):
        x = torch.tanh(self.a(x))
        x = F.relu(self.b(x))
        x = x.mean(-1)
        x = self.c(x)
        return self.fc(x.flatten(1))


def nll(predictions, targets):
    # As the tutorial's loss_fn: F.nll_loss looked up when called (vmap swaps the
    # functions of torch.nn.functional for batched stand-ins while it runs).
    return F.nll_loss(predictions, targets)


def cross_entropy(predictions, targets):
    return F.cross_entropy(predictions, targets)


def per_sample(name, model, data, targets, loss):
    params = {k: v.detach() for k, v in model.named_parameters()}

    def compute_loss(params, sample, target):
        predictions = functional_call(model, params, (sample.unsqueeze(0),))
        return loss(predictions, target.unsqueeze(0))

    grads = vmap(grad(compute_loss), in_dims=(None, 0, 0))(params, data, targets)
    for k in sorted(grads):
        bits(name + "." + k, grads[k])
    # The gradient with respect to the samples too (the first convolution's input).
    gx = vmap(grad(compute_loss, argnums=(0, 1)), in_dims=(None, 0, 0))(params, data, targets)[1]
    bits(name + ".input", gx)


torch.manual_seed(0)
model = SimpleCNN()
per_sample("tutorial", model, torch.randn(8, 1, 28, 28), torch.randint(10, (8,)), nll)
torch.manual_seed(1)
per_sample("varied", Varied(), torch.randn(5, 2, 9, 9), torch.randint(5, (5,)), cross_entropy)
