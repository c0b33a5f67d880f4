# The known differences closed in the fourteenth session, each with its neighbours: float32
# GELU backward of an expanded input (ATen's vector lanes with cdf + x·pdf fused), nn.RNN and
# nn.GRU with batch_first (the result transposed in place: TransposeBackward1), 1×1 matrix
# products (a (1, k) row times a (k, 1) column, called column-major as addmm_impl_cpu_ does),
# float16/bfloat16 rsqrt (the scalar lambda rounds the root first), ldexp (2.15's _pow2 and
# integer-exponent kernel) and float16/bfloat16 mul/div by a one-element tensor of another
# dtype (read as a float), bmm of a batch of one (ATen's small-product loop), float16 and
# bfloat16 norms (float accumulators). One line per case: key, dtypes or grad_fn, digest of
# the bits.
import random
import torch
import torch.nn as nn
import torch.nn.functional as F
from _cases import run, leaf, grads, digest

torch.manual_seed(0)


def gelu_expanded(shape, transposed=False):
    l = leaf(1, *shape[1:], dt=torch.float32, lo=-4.0, hi=4.0)
    v = l.expand(*shape)
    if transposed:
        v = v.t()
    return grads(F.gelu(v), l)


for shape in [(2, 1040), (3, 35), (4, 17), (5, 64), (2, 7), (3, 100)]:
    run("gelu_expanded|%dx%d" % shape, lambda: gelu_expanded(shape))
run("gelu_expanded_t|3x35", lambda: gelu_expanded((3, 35), True))


def recurrent(cls, bf, seq, hidden, inp=1, dt=torch.float32):
    m = cls(inp, hidden, 1, batch_first=bf, dtype=dt)
    x = leaf(3, seq, inp, dt=dt) if bf else leaf(seq, 3, inp, dt=dt)
    y, hn = m(x)
    print("rnn_node", cls.__name__, bf, type(y.grad_fn).__name__, y._version)
    return grads(y + 0, x) + [hn] + [p.grad for p in m.parameters()]


for cls in (nn.RNN, nn.GRU):
    for bf in (True, False):
        for seq, hidden in [(9, 1), (5, 1), (17, 1), (4, 3)]:
            run("recurrent|%s|%s|s%d|h%d" % (cls.__name__, bf, seq, hidden), lambda: recurrent(cls, bf, seq, hidden))
run("recurrent|RNN|f64", lambda: recurrent(nn.RNN, True, 9, 1, dt=torch.float64))


def dot_shaped(k, dt, form):
    a, b = leaf(1, k, dt=dt), leaf(k, 1, dt=dt)
    if form == "mm":
        return grads(a.mm(b), a, b)
    if form == "tt":
        return grads(b.t().mm(a.t()), a, b)
    if form == "addmm":
        c = leaf(1, 1, dt=dt)
        return grads(torch.addmm(c, a, b, beta=0.5, alpha=1.5), a, b, c)
    if form == "linear":
        lin = nn.Linear(k, 1, dtype=dt)
        y = lin(a)
        return grads(y, a) + [lin.weight.grad, lin.bias.grad]
    x = leaf(k, 1, dt=dt)
    return grads(x.t().mm(b), x, b)


for dt in (torch.float32, torch.float64):
    for k in (1, 2, 3, 8, 16, 27, 33, 64, 100, 257):
        for form in ("mm", "tt", "addmm", "linear", "col"):
            run("dot_shaped|%s|k%d|%s" % (str(dt)[6:], k, form), lambda: dot_shaped(k, dt, form))


def half_rsqrt(dt, n, layout):
    x = (torch.rand(n * 2) * 6 + 0.01).to(dt)
    if layout == "s":
        x = x[::2]
    elif layout == "c":
        x = x[:n]
    else:
        x = x.reshape(2, n).t()
    return [torch.rsqrt(x).view(torch.int16).to(torch.int64)]


for dt in (torch.bfloat16, torch.float16):
    for n in (1, 5, 31, 32, 33, 40, 64, 100, 200):
        for layout in ("c", "s", "t"):
            run("rsqrt|%s|n%d|%s" % (str(dt)[6:], n, layout), lambda: half_rsqrt(dt, n, layout))

DTS = [torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.int64, torch.int32, torch.bool]
EXP = [torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.int64, torch.int16, torch.uint8]
for sd in DTS:
    for od in EXP:
        for ss, os in [((), ()), ((3,), ()), ((3,), (3,)), ((2, 3), (1, 3))]:
            def f():
                x = (torch.randn(ss) * 3).to(sd) if sd.is_floating_point else torch.randint(-5, 5, ss).to(sd)
                e = (torch.randn(os) * 3).to(od) if od.is_floating_point else torch.randint(0, 5, os).to(od)
                r = torch.ldexp(x, e)
                print("ldexp_type", sd, od, ss, os, r.dtype)
                return [r.to(torch.float64)]
            run("ldexp|%s|%s|%s|%s" % (str(sd)[6:], str(od)[6:], len(ss), len(os)), f)
run("ldexp|bool_exponent", lambda: [torch.ldexp(torch.ones(3), torch.tensor([True, False, True]))])
run("ldexp|big", lambda: [torch.ldexp(torch.tensor([1.5, -2.25, 3.0], dtype=torch.float16), torch.tensor([30, -30, 1])).to(torch.float64)])

for dt in (torch.float16, torch.bfloat16):
    for sdt in (torch.float32, torch.float64, torch.int64, torch.float16, torch.bfloat16):
        for op in ("mul", "div", "add", "sub"):
            for shape in ((), (1,), (1, 1)):
                def f():
                    x = (torch.randn(4, 5) * 3).to(dt)
                    s = (torch.randn(shape) * 40).to(sdt) if sdt.is_floating_point else torch.randint(-3000, 3000, shape)
                    r = getattr(torch, op)(x, s)
                    print("opmath_type", dt, sdt, op, shape, r.dtype)
                    return [r.to(torch.float64)]
                run("opmath|%s|%s|%s|%d" % (str(dt)[6:], str(sdt)[6:], op, len(shape)), f)


def bmm_one(dt, n, k, m, op):
    a, b = leaf(1, n, k, dt=dt), leaf(1, k, m, dt=dt)
    if op == "bmm":
        return grads(torch.bmm(a, b), a, b)
    if op == "matmul":
        return grads(torch.matmul(a, b), a, b)
    with torch.no_grad():
        return [torch.bmm(a.transpose(1, 2).contiguous().transpose(1, 2), b), torch.matmul(a, b)]


# bmm_out_or_baddbmm_ sums products under 400 multiply-adds in its own loop, batch 1 included.
for dt in (torch.float32, torch.float64):
    for n, k, m in [(5, 3, 16), (16, 8, 1), (9, 2, 16), (7, 13, 1), (1, 33, 1), (4, 7, 14), (8, 8, 8), (2, 40, 5)]:
        for op in ("bmm", "matmul", "nograd"):
            run("bmm_one|%s|%dx%dx%d|%s" % (str(dt)[6:], n, k, m, op), lambda: bmm_one(dt, n, k, m, op))


def half_norm(dt, i):
    rng = random.Random(i)
    nd = rng.choice([1, 2, 3])
    shape = [rng.choice([1, 2, 3, 5, 7, 17, 40]) for _ in range(nd)]
    x = (torch.randn(shape) * 3).to(dt)
    lay = rng.choice(["c", "t", "s", "e"])
    if lay == "t" and nd >= 2:
        x = x.transpose(0, -1)
    elif lay == "s":
        x = (torch.randn(shape[:-1] + [shape[-1] * 2]) * 3).to(dt)[..., ::2]
    elif lay == "e" and nd >= 2:
        x = x[:1].expand(*shape)
    # bfloat16 2-norms over a unit-stride last dim take ATen's vectorised row kernel (not
    # reproduced), so bfloat16 draws the other orders only.
    p = rng.choice([2, 2, 1, 3, 0.5, 0, float("inf")] if dt == torch.float16 else [1, 3, 0.5, 0, float("inf")])
    dim = rng.choice([None, 0, -1, (0, -1)]) if nd >= 2 else rng.choice([None, 0])
    r = torch.linalg.vector_norm(x, p, dim=dim, keepdim=rng.random() < 0.5)
    return [r.to(torch.float64)]


# float16 (and bfloat16 off the row kernel) norms: float accumulators one element at a time.
for dt in (torch.float16, torch.bfloat16):
    for i in range(60):
        run("half_norm|%s|%d" % (str(dt)[6:], i), lambda: half_norm(dt, i))
