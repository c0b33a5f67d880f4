# What `torch.set_num_threads(n)` changes: oneDNN splits a convolution's reductions between
# its n threads (weight and bias gradients, gemm:jit blocking), ATen keeps 1x1 convolutions
# of small batches on its own path at one thread, and MKL, no longer dynamic after the call,
# splits long products over all n. Each key starts with the thread count.
import torch
import torch.nn.functional as F
from _cases import run, leaf, grads

torch.manual_seed(0)

# (name, C, O, k, padding, stride, dilation, groups, batch, size)
CONVS = [
    ("c3", 3, 16, 3, 0, 1, 1, 1, 8, 20),
    ("c1x1", 32, 64, 1, 0, 1, 1, 1, 8, 20),
    ("c1x1n16", 8, 16, 1, 0, 1, 1, 1, 16, 6),
    ("cs2", 16, 32, 3, 1, 2, 1, 1, 8, 20),
    ("cdw", 16, 16, 3, 1, 1, 1, 16, 8, 20),
    ("cg", 16, 32, 3, 0, 1, 1, 4, 8, 20),
    ("cdil", 8, 16, 3, 0, 1, 2, 1, 8, 20),
    ("cbig", 64, 64, 3, 1, 1, 1, 1, 4, 16),
    ("c5", 8, 24, 5, 2, 1, 1, 1, 6, 18),
]


def conv(c, o, k, p, s, d, g, n, size, dt):
    x = leaf(n, c, size, size, dt=dt)
    w = leaf(o, c // g, k, k, dt=dt, lo=-0.3, hi=0.3)
    b = leaf(o, dt=dt)
    return grads(F.conv2d(x, w, b, padding=p, stride=s, dilation=d, groups=g), x, w, b)


def lstm():
    m = torch.nn.LSTM(10, 20, batch_first=True)
    xs = leaf(4, 7, 10, dt=torch.float32)
    o, _ = m(xs)
    g = torch.randn_like(o)
    o.backward(g)
    return [o, xs.grad, m.weight_hh_l0.grad, g]


def norms():
    ln, bn = torch.nn.LayerNorm(256), torch.nn.BatchNorm1d(256)
    z = leaf(64, 256, dt=torch.float32)
    (ln(z).sum() + bn(z).pow(2).sum()).backward()
    return [z.grad, ln.weight.grad, bn.weight.grad]


for t in (1, 2, 3, 4):
    torch.set_num_threads(t)
    T = "t%d" % torch.get_num_threads()
    for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
        for name, *shape in CONVS:
            run("%s|%s|%s" % (T, name, dn), lambda: conv(*shape, dt))
        run("%s|addmm|%s" % (T, dn), lambda: [torch.addmm(torch.randn(64, 32, dtype=dt), torch.randn(64, 400, dtype=dt), torch.randn(32, 400, dtype=dt).t())])
        run("%s|mm|%s" % (T, dn), lambda: [torch.randn(300, 1000, dtype=dt) @ torch.randn(1000, 300, dtype=dt)])
        run("%s|sums|%s" % (T, dn), lambda: (lambda x: [x.sum(), x.mean(), x.norm(), x.var(), x.sum(0), x.sum(1), torch.softmax(x, 1), torch.cumsum(x, 1)])(torch.randn(512, 2049, dtype=dt)))
    run("%s|lstm" % T, lstm)
    run("%s|norms" % T, norms)
