# torch.nn.utils.parametrize / parametrizations (spectral_norm, weight_norm, a custom
# parametrization with right_inverse, cached(), remove_parametrizations, orthogonal) and
# torch.optim.swa_utils (AveragedModel with SWA and EMA averaging, SWALR, update_bn):
# outputs, gradients, a few optimizer steps, the printed modules and state_dict keys.
import torch
import torch.nn as nn
import torch.nn.utils.parametrize as P
from torch.nn.utils.parametrizations import orthogonal, spectral_norm, weight_norm
from torch.optim.swa_utils import AveragedModel, SWALR, update_bn, get_ema_multi_avg_fn
from _cases import digest, run

torch.manual_seed(0)


class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)

    def right_inverse(self, A):
        return A.triu()


def spectral(dt):
    m = spectral_norm(nn.Linear(5, 4).to(dt))
    print(m)
    print("keys", sorted(m.state_dict().keys()))
    x = torch.randn(3, 5, dtype=dt)
    y = m(x)
    y.sum().backward()
    sn = m.parametrizations.weight
    out = [y, sn.original.grad, m.bias.grad, sn[0]._u, sn[0]._v]
    opt = torch.optim.SGD(m.parameters(), lr=0.1)
    for _ in range(3):
        opt.zero_grad()
        (m(x) ** 2).mean().backward()
        opt.step()
    out += [m.weight, sn[0]._u, sn[0]._v]
    m.eval()
    out.append(m(x))
    P.remove_parametrizations(m, "weight")
    print(m, type(m).__name__)
    return out + [m.weight]


def spectral_conv(cls, dt):
    c = spectral_norm(cls(3, 4, 3).to(dt))
    x = torch.randn(2, 3, 6, 6, dtype=dt)
    y = c(x)
    y.sum().backward()
    return [y, c.parametrizations.weight.original.grad]


def weightnorm(dt, dim, part):
    w = weight_norm(nn.Conv1d(2, 3, 3).to(dt), dim=dim)
    if dim == 0:
        print(w)
        print("keys", sorted(w.state_dict().keys()))
    y = w(torch.randn(2, 2, 7, dtype=dt))
    y.sum().backward()
    p = w.parametrizations.weight
    return [y] if part == "out" else [p.original0.grad, p.original1.grad]


def symmetric(dt):
    s = nn.Linear(4, 4).to(dt)
    P.register_parametrization(s, "weight", Symmetric())
    print(s, P.is_parametrized(s), P.is_parametrized(s, "weight"), P.is_parametrized(s, "bias"))
    A = torch.rand(4, 4, dtype=dt)
    A = A + A.T
    s.weight = A
    out = [s.weight, s.parametrizations.weight.original]
    x = torch.randn(2, 4, dtype=dt)
    with P.cached():
        y = s(x) + s(x)
    y.sum().backward()
    out += [y, s.parametrizations.weight.original.grad]
    P.register_parametrization(s, "bias", nn.Tanh())
    print(s)
    print("keys", sorted(s.state_dict().keys()))
    P.remove_parametrizations(s, "weight", leave_parametrized=False)
    print(s, P.type_before_parametrizations(s).__name__)
    return out + [s.weight, s.bias]


def orth(shape, dt, omap, triv, part):
    m = nn.Linear(shape[1], shape[0]).to(dt)
    orthogonal(m, orthogonal_map=omap, use_trivialization=triv)
    if part == "print":
        print(m)
    x = torch.randn(3, shape[1], dtype=dt)
    y = m(x)
    if part != "grad":
        return [m.weight, y]
    y.sum().backward()
    return [m.parametrizations.weight.original.grad]


def swa(dt):
    net = nn.Sequential(nn.Linear(3, 5), nn.BatchNorm1d(5), nn.ReLU(), nn.Linear(5, 1)).to(dt)
    avg = AveragedModel(net)
    ema = AveragedModel(net, multi_avg_fn=get_ema_multi_avg_fn(0.9))
    opt = torch.optim.SGD(net.parameters(), lr=0.5, momentum=0.9)
    sched = SWALR(opt, swa_lr=0.05, anneal_epochs=3)
    lsched = SWALR(torch.optim.SGD(net.parameters(), lr=0.5), swa_lr=[0.01], anneal_epochs=2,
                   anneal_strategy="linear")
    data = [torch.randn(8, 3, dtype=dt) for _ in range(4)]
    lrs = []
    for _ in range(5):
        for xb in data:
            opt.zero_grad()
            (net(xb) ** 2).mean().backward()
            opt.step()
        avg.update_parameters(net)
        ema.update_parameters(net)
        sched.step()
        lsched.step()
        lrs += [sched.get_last_lr()[0], lsched.get_last_lr()[0]]
    print("lrs", [float(v).hex() for v in lrs], int(avg.n_averaged))
    print("keys", sorted(avg.state_dict().keys()))
    print("sched", sched.state_dict())
    out = list(avg.parameters()) + list(ema.parameters())
    update_bn(data, avg)
    bn = avg.module[1]
    return out + [bn.running_mean, bn.running_var, bn.num_batches_tracked, avg(data[0])]


for name, dt in (("f32", torch.float32), ("f64", torch.float64)):
    run(f"spectral-{name}", lambda: spectral(dt))
    run(f"spectral-conv-{name}", lambda: spectral_conv(nn.Conv2d, dt))
    run(f"spectral-convT-{name}", lambda: spectral_conv(nn.ConvTranspose2d, dt))
    for dim in (0, 1, None):
        run(f"weightnorm-out-{dim}-{name}", lambda: weightnorm(dt, dim, "out"))
        run(f"weightnorm-grad-{dim}-{name}", lambda: weightnorm(dt, dim, "grad"))
    run(f"symmetric-{name}", lambda: symmetric(dt))
    run(f"swa-{name}", lambda: swa(dt))
    for shape in ((4, 4), (5, 3), (3, 5)):
        for omap in (None, "matrix_exp", "cayley", "householder"):
            for triv in (True, False):
                key = f"{shape[0]}x{shape[1]}-{omap}-{triv}-{name}"
                part = "print" if (shape, omap, triv) == ((4, 4), None, True) else "out"
                run(f"orth-out-{key}", lambda: orth(shape, dt, omap, triv, part))
                run(f"orth-grad-{key}", lambda: orth(shape, dt, omap, triv, "grad"))
