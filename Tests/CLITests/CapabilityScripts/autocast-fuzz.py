# CPU autocast (torch.autocast / torch.amp.autocast / torch.cpu.amp.autocast, bfloat16 and
# float16) over random Linear/matmul/bmm/addmm/attention chains with cross-entropy and MSE
# losses, nesting, enabled=False, the decorator form and the state getters; then plain
# float16/bfloat16 products without autocast (mm, bmm, matmul, addmm, mv) over K from 1 to
# 2,100. One line per case: dtype, shape, grad_fn and a digest of the raw bits of every
# result and gradient. Products above 16^3 multiply-adds in bfloat16 go to oneDNN at
# AVX-512 (see docs/mixed-precision.md).
import torch, random, warnings
import torch.nn as nn
import torch.nn.functional as F
warnings.simplefilter("ignore")


def bits(t):
    t = t.detach().contiguous().reshape(-1)
    if t.dtype in (torch.bfloat16, torch.float16):
        b = t.view(torch.int16).to(torch.int64) & 0xFFFF
    elif t.dtype == torch.float32:
        b = t.view(torch.int32).to(torch.int64) & 0xFFFFFFFF
    elif t.dtype == torch.float64:
        b = t.view(torch.int64)
    else:
        b = t.to(torch.int64)
    n = b.numel()
    if n <= 6:
        return str(b.tolist()).replace(" ", "")
    w = torch.arange(1, n + 1, dtype=torch.int64)
    return "n=%d,s=%d,x=%d" % (n, int((b * w).sum()), int((b % 9973 * (w % 7919)).sum()))


OUT = []


def show(name, t):
    gf = type(t.grad_fn).__name__ if t.grad_fn is not None else None
    OUT.append("%s:%s:%s:%s:%s" % (name, str(t.dtype)[6:], "x".join(str(s) for s in t.shape), gf, bits(t)))


def region(rng, dt):
    how = rng.choice(["autocast", "amp", "cpu_amp"])
    if how == "autocast":
        return torch.autocast("cpu", dtype=dt)
    if how == "amp":
        return torch.amp.autocast("cpu", dtype=dt)
    return torch.cpu.amp.autocast(dtype=dt)


def case(i, rng):
    kind = rng.choice(["mlp", "mlp", "mm", "mm", "bmm", "addmm", "attn", "seq3d", "nested", "plain", "plain"])
    if i >= 116:
        kind = "conv"
    dt = rng.choice([torch.bfloat16, torch.bfloat16, torch.float16])
    OUT.append(kind)
    OUT.append(str(dt)[6:])
    if kind == "mlp":
        d_in, h, d_out, b = rng.randint(1, 40), rng.randint(1, 120), rng.randint(2, 10), rng.randint(1, 24)
        model = nn.Sequential(nn.Linear(d_in, h), nn.ReLU(), nn.Linear(h, d_out))
        x = torch.randn(b, d_in)
        y = torch.randint(0, d_out, (b,))
        with region(rng, dt):
            out = model(x)
            loss = F.cross_entropy(out, y) if rng.random() < 0.6 else F.mse_loss(out, torch.randn(b, d_out))
        show("out", out)
        show("loss", loss)
        loss.backward()
        for n_, p in model.named_parameters():
            show(n_, p.grad)
    elif kind == "conv":
        cin, cout, k = rng.randint(1, 3), rng.randint(1, 4), rng.choice([1, 3])
        conv = nn.Conv2d(cin, cout, k, padding=k // 2)
        x = torch.randn(1, cin, rng.randint(3, 6), rng.randint(3, 6), requires_grad=True)
        with region(rng, dt):
            out = conv(x)
        show("out", out)
        out.float().sum().backward()
        show("gx", x.grad)
        show("gw", conv.weight.grad)
    elif kind in ("mm", "addmm"):
        n, k, m = rng.choice([1, 2, 3, 5, 8, 16, 17]), rng.choice([1, 2, 3, 4, 7, 16, 100, 513]), rng.choice([1, 2, 3, 9, 16])
        a = torch.randn(n, k, requires_grad=True)
        b = torch.randn(k, m, requires_grad=True)
        bb = b
        if rng.random() < 0.3:
            b = torch.randn(m, k, requires_grad=True)
            bb = b.t()
        with region(rng, dt):
            if kind == "mm":
                op = rng.choice(["matmul", "mm", "at"])
                out = a.matmul(bb) if op == "matmul" else torch.mm(a, bb) if op == "mm" else a @ bb
            else:
                out = torch.addmm(torch.randn(m), a, bb)
        show("out", out)
        (out.float() * torch.randn(n, m)).sum().backward()
        show("ga", a.grad)
        show("gb", b.grad)
    elif kind == "bmm":
        bs, n, k, m = rng.randint(1, 3), rng.randint(1, 8), rng.choice([1, 3, 8, 50]), rng.randint(1, 8)
        a = torch.randn(bs, n, k, requires_grad=True)
        b = torch.randn(bs, k, m, requires_grad=True)
        with region(rng, dt):
            out = torch.bmm(a, b) if rng.random() < 0.5 else a @ b
        show("out", out)
        (out.float() ** 2).sum().backward()
        show("ga", a.grad)
        show("gb", b.grad)
    elif kind == "attn":
        B, T, C = rng.randint(1, 2), rng.randint(1, 6), rng.choice([4, 8])
        q = torch.randn(B, T, C, requires_grad=True)
        w = nn.Linear(C, 3 * C)
        with region(rng, dt):
            qkv = w(q)
            qq, kk, vv = qkv.split(C, dim=2)
            att = ((qq @ kk.transpose(-2, -1)) * (1.0 / C ** 0.5)).softmax(dim=-1)
            y = att @ vv
        show("qkv", qkv)
        show("att", att)
        show("y", y)
        y.float().sum().backward()
        show("gq", q.grad)
        show("gw", w.weight.grad)
    elif kind == "seq3d":
        lin = nn.Linear(rng.randint(1, 12), rng.randint(1, 12), bias=rng.random() < 0.7)
        x = torch.randn(rng.randint(1, 3), rng.randint(1, 4), lin.in_features)
        with region(rng, dt):
            out = lin(x)
            s = out.sum()
        show("out", out)
        show("s", s)
        s.float().backward()
        show("gw", lin.weight.grad)
    elif kind == "nested":
        a = torch.randn(4, 6)
        b = torch.randn(6, 3)
        OUT.append(str((torch.is_autocast_enabled("cpu"), torch.get_autocast_dtype("cpu"))))
        with torch.autocast("cpu", dtype=dt):
            OUT.append(str((torch.is_autocast_enabled("cpu"), torch.get_autocast_dtype("cpu"))))
            x = a @ b
            with torch.autocast("cpu", enabled=False):
                OUT.append(str(torch.is_autocast_enabled("cpu")))
                y = a @ b
            z = torch.cat([x, y]) if rng.random() < 0.5 else torch.stack([x, y.to(dt)])
            p = torch.prod(x[:2, :2])
        OUT.append(str(torch.is_autocast_enabled("cpu")))
        for nm, t in (("x", x), ("y", y), ("z", z), ("p", p)):
            show(nm, t)

        @torch.autocast("cpu", dtype=dt)
        def f(u, v):
            return u @ v
        show("f", f(a, b))
    elif kind == "plain":
        op = rng.choice(["mm", "bmm", "matmul", "addmm", "mv"])
        k = rng.choice([1, 2, 5, 16, 33, 100, 257, 700, 2100])
        n, m = rng.choice([1, 2, 4, 7]), rng.choice([1, 3, 8])
        a = torch.randn(n, k).to(dt).requires_grad_()
        if op == "mv":
            v = torch.randn(k).to(dt)
            show("out", torch.mv(a, v))
        elif op == "bmm":
            b3 = torch.randn(2, k, m).to(dt)
            show("out", torch.bmm(a.detach().unsqueeze(0).expand(2, n, k), b3))
        else:
            b = torch.randn(k, m).to(dt)
            out = torch.addmm(torch.randn(n, m).to(dt), a, b) if op == "addmm" else a @ b if op == "matmul" else torch.mm(a, b)
            show("out", out)
            out.sum().backward()
            show("ga", a.grad)


for i in range(120):
    rng = random.Random(i)
    torch.manual_seed(i)
    OUT = ["a%d" % i]
    try:
        case(i, rng)
    except Exception as e:
        OUT.append("EXC %s %s" % (type(e).__name__, str(e)[:120]))
    print(" ".join(OUT))

# The switches and errors around the context manager.
print("s0", torch.is_autocast_enabled(), torch.is_autocast_enabled("cpu"), torch.get_autocast_dtype("cpu"),
      torch.is_autocast_cache_enabled())
for args, kw in ((("cuda",), {}), (("cpu",), {"dtype": torch.float32}), (("cpu",), {"dtype": torch.float64})):
    with torch.autocast(*args, **kw):
        print("s1", args, torch.is_autocast_enabled("cpu"), torch.get_autocast_dtype("cpu"))
for bad in ((3,), ("tpu",)):
    try:
        torch.autocast(*bad)
    except Exception as e:
        print("s2", type(e).__name__, e)
