"""Lesson-style cases; run.py prints each with real PyTorch and with our sources."""

CASES = []


def case(name, code):
    CASES.append((name, code))


PRELUDE = """
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim
"""

# ---------------------------------------------------------------- modules

case("conformance 11: linear", PRELUDE + """
layer = nn.Linear(2, 1)
with torch.no_grad():
    layer.weight.copy_(torch.tensor([[0.5, -0.25]]))
    layer.bias.fill_(0.1)
print(layer)
print(layer.weight, layer.bias)
print([tuple(p.shape) for p in layer.parameters()], [n for n, _ in layer.named_parameters()])
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(layer(x))
""")

case("conformance 11: tinynet + sgd", PRELUDE + """
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(2, 3)
        self.out = nn.Linear(3, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))

net = TinyNet()
with torch.no_grad():
    for p in net.parameters():
        p.copy_(torch.linspace(-0.5, 0.5, p.numel()).reshape(p.shape))
print(net)
print(sum(p.numel() for p in net.parameters()))
target = torch.tensor([[1.0], [0.0]])
opt = optim.SGD(net.parameters(), lr=0.1)
loss_fn = nn.MSELoss()
for epoch in range(3):
    opt.zero_grad()
    loss = loss_fn(net(x), target)
    loss.backward()
    opt.step()
    print(epoch, round(loss.item(), 6))
print(net.out.weight.grad)
""")

case("conformance 11: sequential + cross entropy + adam", PRELUDE + """
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 3))
with torch.no_grad():
    for p in seq.parameters():
        p.fill_(0.5)
logits = seq(x)
labels = torch.tensor([0, 2])
print(seq)
print(logits, F.cross_entropy(logits, labels), nn.CrossEntropyLoss()(logits, labels).item())
print(F.softmax(logits, dim=1).argmax(dim=1), F.relu(torch.tensor([-1.0, 1.0])), F.mse_loss(x, x + 1))
adam_params = torch.tensor([1.0, -1.0], requires_grad=True)
adam = optim.Adam([adam_params], lr=0.1)
for _ in range(5):
    adam.zero_grad()
    (adam_params ** 2).sum().backward()
    adam.step()
print(adam_params)
sgd_params = torch.tensor([1.0, -1.0], requires_grad=True)
sgd = optim.SGD([sgd_params], lr=0.1, momentum=0.9)
for _ in range(5):
    sgd.zero_grad()
    (sgd_params ** 2).sum().backward()
    sgd.step()
print(sgd_params)
""")

case("conformance 12: linear init", PRELUDE + """
torch.manual_seed(1)
lin = nn.Linear(3, 2)
print(lin.weight, lin.bias)
print(lin.weight.tolist(), lin.bias.tolist())
""")

case("default inits draw like pytorch", PRELUDE + """
for make in [lambda: nn.Linear(5, 3), lambda: nn.Linear(4, 2, bias=False),
             lambda: nn.Conv2d(3, 4, 3), lambda: nn.Conv2d(2, 4, (3, 2), groups=2),
             lambda: nn.Conv1d(2, 3, 5), lambda: nn.Bilinear(2, 3, 4),
             lambda: nn.Embedding(5, 3), lambda: nn.Embedding(5, 2, padding_idx=-1),
             lambda: nn.BatchNorm1d(3), lambda: nn.BatchNorm2d(2), lambda: nn.LayerNorm([2, 3])]:
    torch.manual_seed(7)
    m = make()
    print(m)
    for name, t in m.state_dict().items():
        print(name, t.dtype, t.flatten().tolist())
""")

case("reprs", PRELUDE + """
print(nn.Conv2d(1, 8, kernel_size=3))
print(nn.Conv2d(1, 8, 3, padding='same'), nn.Conv2d(1, 8, (3, 5), stride=2, padding=1, bias=False, dilation=2))
print(nn.Conv2d(4, 8, 3, groups=2, padding_mode='reflect', padding=1), nn.Conv1d(2, 3, 4, stride=2))
print(nn.MaxPool2d(2), nn.MaxPool2d((2, 3), stride=1, padding=1), nn.AvgPool2d(2), nn.AvgPool2d(3, 2, 1))
print(nn.BatchNorm2d(3), nn.BatchNorm1d(3, affine=False), nn.BatchNorm1d(4, momentum=None, bias=False))
print(nn.LayerNorm(4), nn.LayerNorm((2, 3), elementwise_affine=False))
print(nn.Embedding(10, 3), nn.Embedding(10, 3, padding_idx=0), nn.Dropout(), nn.Dropout(0.2, inplace=True))
print(nn.GELU(), nn.GELU('tanh'), nn.LeakyReLU(), nn.LeakyReLU(0.2, True), nn.SiLU(), nn.Tanh(), nn.Sigmoid())
print(nn.Softmax(dim=1), nn.Softmax(), nn.LogSoftmax(1), nn.Flatten(), nn.Flatten(0, 2), nn.ReLU(inplace=True), nn.Identity())
print(nn.MSELoss(), nn.L1Loss(), nn.SmoothL1Loss(), nn.CrossEntropyLoss(), nn.NLLLoss(), nn.BCELoss(), nn.BCEWithLogitsLoss())
print(nn.Bilinear(2, 3, 4), nn.Linear(2, 3, bias=False), nn.Sequential(), nn.ModuleList(), nn.ModuleDict())
print(nn.Unflatten(1, (2, 3)), nn.AdaptiveAvgPool2d((1, 1)))
""")

case("nested repr", PRELUDE + """
class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n, n), nn.ReLU(), nn.Dropout(0.1))
        self.norm = nn.LayerNorm(n)
    def forward(self, x):
        return self.norm(x + self.net(x))

class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(10, 4)
        self.blocks = nn.ModuleList([Block(4) for _ in range(3)])
        self.extra = nn.ModuleList([nn.Linear(4, 4), nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2)])
        self.heads = nn.ModuleDict({'a': nn.Linear(4, 1), 'b': nn.Sequential(nn.Linear(4, 2), nn.Softmax(dim=-1))})
    def forward(self, idx):
        h = self.embed(idx)
        for b in self.blocks:
            h = b(h)
        return self.heads['a'](h)

m = Model()
print(m)
print([n for n, _ in m.named_parameters()])
print([n for n, _ in m.named_modules()])
print([n for n, _ in m.named_children()])
print(len(list(m.modules())), len(list(m.children())), len(list(m.parameters())))
print(m(torch.tensor([1, 2, 3])).shape)
print(list(m.state_dict().keys()))
""")

case("sequential api", PRELUDE + """
from collections import OrderedDict
s = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
print(s[0], s[-1], len(s))
print(s[1:])
print(s[:2])
s.append(nn.Sigmoid())
print(s, len(s))
for m in s:
    print(type(m).__name__)
del s[1]
print(s)
s2 = nn.Sequential(OrderedDict([('fc', nn.Linear(2, 2)), ('act', nn.Tanh())]))
print(s2, s2.fc, s2[1])
s.insert(1, nn.ReLU())
s.insert(-1, nn.Tanh())
print(s)
try:
    s2.insert(1, nn.ReLU())
except KeyError as e:
    print('KeyError:', e)
print(s[5] if False else 'x')
try:
    s[7]
except IndexError as e:
    print('IndexError:', e)
""")

case("modulelist and moduledict api", PRELUDE + """
ml = nn.ModuleList([nn.Linear(2, 2)])
ml.append(nn.ReLU())
ml.extend([nn.Linear(2, 1), nn.Linear(2, 1)])
ml += [nn.Tanh()]
print(ml, len(ml), ml[0], ml[-1])
print(ml[1:3])
ml.insert(0, nn.Identity())
print(ml)
md = nn.ModuleDict({'relu': nn.ReLU(), 'lin': nn.Linear(1, 1)})
md['tanh'] = nn.Tanh()
print(md, len(md), 'relu' in md, list(md.keys()), [type(v).__name__ for v in md.values()])
for k, v in md.items():
    print(k, v)
print(md.pop('relu'), list(md))
""")

case("attribute registration", PRELUDE + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.ones(2))
        self.register_buffer('running', torch.zeros(2))
        self.register_buffer('tmp', torch.zeros(1), persistent=False)
        self.plain = torch.ones(3)
        self.scale = 2.0
        self.child = nn.Linear(2, 2)
    def forward(self, x):
        return self.child(x * self.w) * self.scale

m = M()
print([n for n, _ in m.named_parameters()], [n for n, _ in m.named_buffers()])
print(list(m.state_dict().keys()))
print(m.w, m.running, m.plain, m.scale)
m.w = nn.Parameter(torch.zeros(2))
print(m.w)
try:
    m.w = torch.ones(2)
except TypeError as e:
    print('TypeError:', e)
try:
    m.missing
except AttributeError as e:
    print('AttributeError:', e)
m.child = None
print(m, [n for n, _ in m.named_parameters()])
del m.w
print([n for n, _ in m.named_parameters()], hasattr(m, 'w'))
class Early(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(1, 1)
try:
    Early()
except AttributeError as e:
    print('AttributeError:', e)
class NoForward(nn.Module):
    pass
try:
    NoForward()(1)
except NotImplementedError as e:
    print('NotImplementedError:', e)
""")

case("train eval zero_grad requires_grad apply", PRELUDE + """
net = nn.Sequential(nn.Linear(3, 4), nn.Dropout(0.5), nn.BatchNorm1d(4), nn.Linear(4, 1))
print(net.training, net[1].training)
net.eval()
print(net.training, net[1].training, net[2].training)
net.train()
print(net.training, net[1].training)
out = net(torch.randn(5, 3)).sum()
out.backward()
print([p.grad is None for p in net.parameters()])
net.zero_grad(set_to_none=False)
print([p.grad.abs().sum().item() for p in net.parameters()])
net.zero_grad()
print([p.grad is None for p in net.parameters()])
net.requires_grad_(False)
print([p.requires_grad for p in net.parameters()])
def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.constant_(m.weight, 0.5)
        nn.init.zeros_(m.bias)
    print('visit', type(m).__name__)
net.apply(init_weights)
print(net[0].weight, net[3].bias)
print(net.train(False) is net, net.training)
try:
    net.train('yes')
except ValueError as e:
    print('ValueError:', e)
""")

case("state_dict and load_state_dict", PRELUDE + """
a = nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3), nn.Linear(3, 1))
b = nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3), nn.Linear(3, 1))
sd = a.state_dict()
print(sd)
print(b.load_state_dict(sd))
print(all(torch.equal(p, q) for p, q in zip(a.parameters(), b.parameters())))
print(b[0].weight.requires_grad, sd['0.weight'].requires_grad)
lin = nn.Linear(2, 2)
print(lin.load_state_dict({'weight': torch.zeros(2, 2)}, strict=False))
try:
    lin.load_state_dict({'weight': torch.zeros(2, 2), 'extra': torch.ones(1)})
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    lin.load_state_dict({'weight': torch.zeros(3, 2), 'bias': torch.zeros(2)})
except RuntimeError as e:
    print('RuntimeError:', e)
print(nn.Linear(1, 1, bias=False).state_dict())
print(nn.ReLU().state_dict())
""")

case("to and dtype", PRELUDE + """
m = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2))
m.double()
print([p.dtype for p in m.parameters()], [b.dtype for b in m.buffers()])
m.float()
print([p.dtype for p in m.parameters()])
m.to(torch.float64)
print([p.dtype for p in m.parameters()], m[1].num_batches_tracked.dtype)
m.to('cpu')
m.to(dtype=torch.float32)
print([p.dtype for p in m.parameters()], isinstance(m[0].weight, nn.Parameter))
print(m(torch.ones(3, 2)).dtype)
""")

case("forward hooks", PRELUDE + """
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
seen = []
h = net[0].register_forward_hook(lambda mod, inp, out: seen.append(tuple(out.shape)))
net(torch.ones(3, 2))
h.remove()
net(torch.ones(1, 2))
print(seen)
""")

# ---------------------------------------------------------------- layers forward

case("layer forwards", PRELUDE + """
x = torch.randn(2, 3, 6, 6)
conv = nn.Conv2d(3, 4, 3, padding=1)
y = conv(x)
print(y.shape, y.grad_fn, y.sum().item())
print(nn.Conv2d(3, 2, 3, stride=2, padding='valid', bias=False)(x).flatten().tolist()[:5])
print(nn.Conv2d(3, 3, 3, padding='same', padding_mode='reflect')(x).shape)
print(nn.Conv1d(3, 2, 2)(torch.randn(2, 3, 5)).flatten().tolist())
mp = nn.MaxPool2d(2)
print(mp(x).shape, mp(x).grad_fn, nn.AvgPool2d(2)(x).flatten().tolist()[:4])
print(F.max_pool2d(x, 2, return_indices=True)[1].flatten().tolist()[:6])
print(nn.Flatten()(x).shape, nn.Flatten(0, 1)(x).shape)
e = nn.Embedding(5, 3, padding_idx=0)
print(e(torch.tensor([[0, 2], [4, 1]])))
bil = nn.Bilinear(2, 3, 4)
print(bil(torch.ones(5, 2), torch.ones(5, 3)).shape)
bn = nn.BatchNorm2d(3)
out = bn(x)
print(out.grad_fn, bn.running_mean.tolist(), bn.running_var.tolist(), bn.num_batches_tracked)
bn.eval()
print(bn(x).flatten().tolist()[:3])
bn1 = nn.BatchNorm1d(3, momentum=None)
bn1(torch.randn(4, 3)); bn1(torch.randn(4, 3))
print(bn1.running_mean.tolist(), bn1.num_batches_tracked)
try:
    bn1(torch.randn(4, 3, 2, 2))
except ValueError as e:
    print('ValueError:', e)
try:
    bn1(torch.randn(1, 3))
except ValueError as e:
    print('ValueError:', e)
ln = nn.LayerNorm(6)
print(ln(x).grad_fn, ln(x)[0, 0, 0].tolist())
print(nn.AdaptiveAvgPool2d(1)(x).flatten().tolist()[:3])
print(nn.Unflatten(1, (3, 2))(torch.ones(2, 6)).shape)
""")

case("activations", PRELUDE + """
x = torch.linspace(-3, 3, 7, requires_grad=True)
for m in [nn.ReLU(), nn.LeakyReLU(), nn.LeakyReLU(0.2), nn.GELU(), nn.GELU('tanh'), nn.SiLU(),
          nn.Tanh(), nn.Sigmoid(), nn.Softmax(dim=0), nn.LogSoftmax(dim=0), nn.Identity()]:
    y = m(x)
    print(type(m).__name__, y.tolist(), y.grad_fn)
print(F.softmax(torch.ones(2, 3)), F.log_softmax(torch.ones(2, 3), dim=1, dtype=torch.float64))
print(F.relu(x), F.leaky_relu(x, 0.1), F.gelu(x), F.silu(x), F.sigmoid(x), F.tanh(x))
z = torch.tensor([-1.0, 2.0])
F.relu(z, inplace=True)
print(z)
""")

case("dropout", PRELUDE + """
d = nn.Dropout(0.5)
x = torch.ones(4, 5)
print(d(x))
d.eval()
print(d(x) is x)
print(F.dropout(x, 0.3, training=True).tolist())
print(F.dropout(x.requires_grad_(), 1.0).grad_fn, F.dropout(x, 0.0) is x)
try:
    nn.Dropout(1.5)
except ValueError as e:
    print('ValueError:', e)
""")

case("one_hot and pad", PRELUDE + """
print(F.one_hot(torch.tensor([0, 2, 1])), F.one_hot(torch.tensor([0, 1]), num_classes=4))
print(F.pad(torch.ones(2, 2), (1, 1)), F.pad(torch.ones(1, 2), (0, 1, 1, 0), value=3.0))
print(F.pad(torch.arange(6.).reshape(1, 2, 3), (2, 1), mode='reflect'))
""")

# ---------------------------------------------------------------- losses

case("losses", PRELUDE + """
x = torch.randn(4, 3, requires_grad=True)
t = torch.randn(4, 3)
y = torch.tensor([0, 2, 1, 0])
p = torch.rand(4, 3)
for red in ['mean', 'sum', 'none']:
    for fn in [nn.MSELoss(reduction=red), nn.L1Loss(reduction=red), nn.SmoothL1Loss(reduction=red),
               nn.SmoothL1Loss(reduction=red, beta=0.5)]:
        out = fn(x, t)
        print(type(fn).__name__, red, out.grad_fn, out.tolist())
    for fn in [nn.CrossEntropyLoss(reduction=red), nn.CrossEntropyLoss(reduction=red, label_smoothing=0.1),
               nn.CrossEntropyLoss(reduction=red, ignore_index=0),
               nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 0.5]), reduction=red)]:
        out = fn(x, y)
        print('ce', red, out.grad_fn, out.tolist())
    out = nn.CrossEntropyLoss(reduction=red)(x, p.softmax(1))
    print('ce probs', red, out.grad_fn, out.tolist())
    out = nn.NLLLoss(reduction=red)(F.log_softmax(x, 1), y)
    print('nll', red, out.grad_fn, out.tolist())
    out = nn.BCELoss(reduction=red)(torch.sigmoid(x), p)
    print('bce', red, out.grad_fn, out.tolist())
    out = nn.BCEWithLogitsLoss(reduction=red, pos_weight=torch.tensor([1.0, 2.0, 3.0]))(x, p)
    print('bcel', red, out.grad_fn, out.tolist())
loss = F.cross_entropy(x, y)
loss.backward()
print(x.grad.tolist())
print(F.mse_loss(x, t, reduction='sum').item(), F.l1_loss(x, t).item(), F.binary_cross_entropy_with_logits(x, p).item())
print(F.nll_loss(x, y, ignore_index=2).item(), F.binary_cross_entropy(torch.sigmoid(x), p, weight=torch.ones(3)).item())
try:
    F.mse_loss(x, t, reduction='avg')
except ValueError as e:
    print('ValueError:', e)
try:
    F.binary_cross_entropy_with_logits(x, p[0])
except ValueError as e:
    print('ValueError:', e)
try:
    F.binary_cross_entropy(torch.sigmoid(x), p[:2])
except ValueError as e:
    print('ValueError:', e)
print(nn.MSELoss(size_average=False)(x, t).item(), nn.MSELoss(reduce=False)(x, t).shape)
""")

# ---------------------------------------------------------------- init

case("nn.init", PRELUDE + """
w = torch.empty(3, 5)
for fn in [lambda: nn.init.uniform_(w), lambda: nn.init.uniform_(w, -2, 2), lambda: nn.init.normal_(w),
           lambda: nn.init.normal_(w, 1.0, 0.1), lambda: nn.init.constant_(w, 0.3), lambda: nn.init.ones_(w),
           lambda: nn.init.zeros_(w), lambda: nn.init.eye_(w), lambda: nn.init.xavier_uniform_(w),
           lambda: nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain('relu')),
           lambda: nn.init.xavier_normal_(w), lambda: nn.init.kaiming_uniform_(w),
           lambda: nn.init.kaiming_uniform_(w, a=math.sqrt(5)), lambda: nn.init.kaiming_normal_(w),
           lambda: nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='relu'),
           lambda: nn.init.kaiming_uniform_(torch.empty(4, 3, 2, 2), nonlinearity='relu')]:
    out = fn()
    print(out.flatten().tolist())
print([nn.init.calculate_gain(n) for n in ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'selu']],
      nn.init.calculate_gain('leaky_relu', 0.2))
p = nn.Parameter(torch.empty(2, 2))
nn.init.normal_(p)
print(p.requires_grad, p.grad_fn)
try:
    nn.init.xavier_uniform_(torch.empty(3))
except ValueError as e:
    print('ValueError:', e)
try:
    nn.init.calculate_gain('swish')
except ValueError as e:
    print('ValueError:', e)
g = torch.Generator().manual_seed(3)
print(nn.init.uniform_(torch.empty(3), generator=g).tolist())
""")

# ---------------------------------------------------------------- optimizers

OPT_SETUP = PRELUDE + """
def make_params():
    torch.manual_seed(3)
    return [nn.Parameter(torch.randn(3, 2)), nn.Parameter(torch.randn(2))]

def loss_of(ps):
    w, b = ps
    x = torch.tensor([[1.0, -2.0, 0.5], [3.0, 2.0, 0.25]])
    return ((x @ w).sum(1) ** 2).mean() + (b ** 3).sum() + w.abs().sum()

def run(make_opt, steps=6):
    ps = make_params()
    opt = make_opt(ps)
    for i in range(steps):
        opt.zero_grad()
        loss = loss_of(ps)
        loss.backward()
        opt.step()
        print(i, [p.tolist() for p in ps])
    return opt
"""

for label, ctor in [
    ("sgd", "optim.SGD(ps, lr=0.05)"),
    ("sgd momentum", "optim.SGD(ps, lr=0.05, momentum=0.9)"),
    ("sgd dampening", "optim.SGD(ps, lr=0.05, momentum=0.8, dampening=0.3)"),
    ("sgd nesterov wd", "optim.SGD(ps, lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.01)"),
    ("sgd maximize", "optim.SGD(ps, lr=0.01, maximize=True)"),
    ("adam", "optim.Adam(ps, lr=0.01)"),
    ("adam wd amsgrad", "optim.Adam(ps, lr=0.02, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1, amsgrad=True)"),
    ("adamw", "optim.AdamW(ps, lr=0.01)"),
    ("adamw wd", "optim.AdamW(ps, lr=0.03, weight_decay=0.5, amsgrad=True)"),
    ("rmsprop", "optim.RMSprop(ps, lr=0.01)"),
    ("rmsprop centered momentum", "optim.RMSprop(ps, lr=0.01, alpha=0.9, momentum=0.5, centered=True, weight_decay=0.1)"),
    ("adagrad", "optim.Adagrad(ps, lr=0.1)"),
    ("adagrad decay", "optim.Adagrad(ps, lr=0.1, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.5)"),
    ("param groups", "optim.SGD([{'params': ps[0]}, {'params': [ps[1]], 'lr': 0.5, 'momentum': 0.5}], lr=0.05)"),
]:
    case(f"optimizer {label}", OPT_SETUP + f"""
opt = run(lambda ps: {ctor})
print(opt)
print(opt.state_dict())
print(opt.param_groups[0])
""")

case("optimizer api", OPT_SETUP + """
ps = make_params()
opt = optim.Adam(ps, lr=0.1)
loss_of(ps).backward()
opt.zero_grad(set_to_none=False)
print(ps[0].grad)
opt.zero_grad()
print(ps[0].grad)
def closure():
    opt.zero_grad()
    loss = loss_of(ps)
    loss.backward()
    return loss
print(opt.step(closure).item())
sd = opt.state_dict()
opt2 = optim.Adam(make_params(), lr=0.5)
opt2.load_state_dict(sd)
print(opt2.state_dict())
opt.add_param_group({'params': [nn.Parameter(torch.ones(1))], 'lr': 0.3})
print(opt)
for bad in [lambda: optim.SGD(ps, lr=-1), lambda: optim.SGD(ps, lr=0.1, momentum=-1),
            lambda: optim.SGD(ps, lr=0.1, nesterov=True), lambda: optim.Adam(ps, betas=(1.0, 0.9)),
            lambda: optim.Adam(ps, eps=-1), lambda: optim.SGD([], lr=0.1), lambda: optim.SGD(ps[0], lr=0.1),
            lambda: optim.RMSprop(ps, alpha=-1), lambda: optim.Adagrad(ps, lr_decay=-1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
""")

case("lr schedulers", OPT_SETUP + """
from torch.optim.lr_scheduler import StepLR, ExponentialLR, CosineAnnealingLR
for make in [lambda o: StepLR(o, step_size=3, gamma=0.5), lambda o: ExponentialLR(o, gamma=0.9),
             lambda o: CosineAnnealingLR(o, T_max=5), lambda o: CosineAnnealingLR(o, T_max=4, eta_min=0.001),
             lambda o: optim.lr_scheduler.StepLR(o, 2)]:
    ps = make_params()
    opt = optim.SGD([{'params': ps[:1]}, {'params': ps[1:], 'lr': 0.3}], lr=0.1, momentum=0.9)
    sched = make(opt)
    print(type(sched).__name__, sched.get_last_lr())
    for epoch in range(12):
        opt.zero_grad()
        loss_of(ps).backward()
        opt.step()
        sched.step()
        print(epoch, sched.get_last_lr(), [g['lr'] for g in opt.param_groups], sched.last_epoch)
    print([p.tolist() for p in ps])
    print(opt)
""")

# ---------------------------------------------------------------- data

case("tensor dataset and dataloader", PRELUDE + """
from torch.utils.data import TensorDataset, DataLoader, Dataset, random_split
X = torch.arange(20.).reshape(10, 2)
Y = torch.arange(10)
ds = TensorDataset(X, Y)
print(len(ds), ds[3])
for xb, yb in DataLoader(ds, batch_size=4):
    print(xb.tolist(), yb.tolist())
loader = DataLoader(ds, batch_size=3, shuffle=True)
print(len(loader))
for epoch in range(2):
    for xb, yb in loader:
        print(epoch, yb.tolist())
print(torch.rand(2))
for xb, yb in DataLoader(ds, batch_size=4, shuffle=True, drop_last=True):
    print(yb.tolist())
print(len(DataLoader(ds, batch_size=4, drop_last=True)))
print(torch.rand(2))
""")

case("custom dataset collation", PRELUDE + """
from torch.utils.data import Dataset, DataLoader
class Squares(Dataset):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        return {'x': float(i), 'y': i * i, 'name': f'item{i}', 'v': torch.tensor([i, -i])}, (i, [i, 2 * i])
for batch in DataLoader(Squares(5), batch_size=2):
    print(batch)
for item in DataLoader(Squares(2), batch_size=None):
    print(item)
it = iter(DataLoader(Squares(6), batch_size=4, shuffle=True))
print(torch.rand(1))
print(next(it))
print([b.tolist() for b in DataLoader([1, 2, 3, 4, 5], batch_size=2)])
print([b for b in DataLoader([True, False], batch_size=2)])
""")

case("random_split and generators", PRELUDE + """
from torch.utils.data import TensorDataset, DataLoader, random_split, Subset
ds = TensorDataset(torch.arange(10))
a, b = random_split(ds, [7, 3])
print(len(a), len(b), a.indices, b.indices, a[0])
c, d, e = random_split(range(10), [0.5, 0.3, 0.2])
print(list(c), list(d), list(e))
g = torch.Generator().manual_seed(42)
x, y = random_split(range(8), [0.6, 0.4], generator=g)
print(x.indices, y.indices)
g = torch.Generator().manual_seed(1)
print([t[0].tolist() for t in DataLoader(ds, batch_size=4, shuffle=True, generator=g)])
print(torch.rand(1))
s = Subset(ds, [9, 0, 4])
print(len(s), s[0], [t[0].tolist() for t in DataLoader(s, batch_size=2)])
try:
    random_split(ds, [3, 3])
except ValueError as e:
    print('ValueError:', e)
print(len(ds + ds), (ds + ds)[12])
""")

# ---------------------------------------------------------------- training

case("mlp training with adam (small)", PRELUDE + """
torch.manual_seed(0)
X = torch.randn(128, 16)
y = (X[:, :2].sum(1) > 0).long()
model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2))
opt = optim.Adam(model.parameters(), lr=1e-3)
for step in range(30):
    opt.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    opt.step()
acc = (model(X).argmax(1) == y).float().mean().item()
print(loss.item(), acc)
print(model[0].weight[0].tolist())
""")

case("mlp workload: 16-64-64-2, 300 adam steps, 1024 samples", PRELUDE + """
torch.manual_seed(0)
X = torch.randn(1024, 16)
y = ((X[:, 0] * X[:, 1] + X[:, 2:5].sum(1) + torch.randn(1024)) > 0).long()
model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2))
opt = optim.Adam(model.parameters(), lr=1e-3)
for step in range(300):
    opt.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    opt.step()
with torch.no_grad():
    acc = (model(X).argmax(1) == y).float().mean().item()
print(loss.item(), acc)
""")
