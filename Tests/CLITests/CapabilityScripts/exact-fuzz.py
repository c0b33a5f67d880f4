# Last-bit cases fixed by the "exact" session, random and at both capabilities: float16/
# bfloat16 softmax and log_softmax over every dim with their gradients (ATen's reduced-type
# kernels: vector columns and scalar tails, last dim and inner dims), float16/bfloat16
# polygamma(n >= 2), reduced-type arithmetic with a Python number or a 0-dim tensor (add,
# sub, rsub, fmod, remainder, comparisons read it as the element type; mul, div, floor and
# trunc division as float), add/sub with alpha, lerp with a number weight, bfloat16 2-norms
# over a unit-stride last dim, and which NaN a float32/float64 add/sub/mul/div of two NaNs
# returns (sign and payload bits). One line per case: "SEED|kind|..." then bits.
import torch, random
torch.set_num_threads(2)
NCASES = 400
RED = [torch.float16, torch.bfloat16]

def bits(y):
    y = y.detach().contiguous().reshape(-1)
    if y.dtype == torch.float32: b = y.view(torch.int32).to(torch.int64)
    elif y.dtype == torch.float64: b = y.view(torch.int64)
    elif y.dtype in (torch.float16, torch.bfloat16): b = y.view(torch.int16).to(torch.int64)
    else: return y.to(torch.int64)
    return b

def show(y, nan_bits=False):
    b = bits(y)
    if not nan_bits and y.dtype.is_floating_point:
        b = b.masked_fill(torch.isnan(y.detach().contiguous().reshape(-1)), 7)
    head = "%s%s" % (str(y.dtype).replace("torch.", ""), list(y.shape))
    if b.numel() <= 24: return head + " " + repr(b.tolist())
    i = torch.arange(b.numel(), dtype=torch.int64)
    return head + " %s:%d:%d" % (repr(b[:4].tolist()), ((b % 65521) * (i + 1)).sum().item(), ((b % 65519) * (i % 977 + 1)).sum().item())

def vals(rng, n, dom):
    out = []
    for _ in range(n):
        u = rng.random()
        if dom == "mid": out.append(rng.uniform(-12, 12))
        elif dom == "wide": out.append((1 + u) * 2.0 ** rng.randint(-10, 10) * rng.choice([-1, 1]))
        elif dom == "neg": out.append(-(1 + u) * 2.0 ** rng.randint(0, 12))
        else: out.append(u)
    return out

for i in range(NCASES):
    rng = random.Random(i)
    torch.manual_seed(i)
    kind = rng.choice(["softmax", "softmax", "softmax", "polygamma", "scalar", "scalar", "alpha", "lerp", "norm", "nan"])
    dt = rng.choice(RED)
    tag = "%d|%s|%s" % (i, kind, str(dt)[6:])
    try:
        if kind == "softmax":
            shape = rng.choice([[rng.choice([1, 7, 16, 17, 33, 70])], [rng.choice([1, 2, 3]), rng.choice([3, 8, 15, 16, 17, 32, 40, 100])],
                                [rng.choice([1, 2]), rng.choice([2, 5, 8]), rng.choice([1, 7, 16, 17, 24, 33, 48, 70])]])
            dom = rng.choice(["mid", "wide", "neg", "unit"])
            n = 1
            for s in shape: n *= s
            x = torch.tensor(vals(rng, n, dom), dtype=torch.float64).to(dt).reshape(shape)
            if len(shape) > 1 and rng.random() < 0.25: x = x.transpose(0, -1)
            d = rng.randrange(-x.dim(), x.dim())
            log = rng.random() < 0.5
            tag += "|%s|%s|%s|%d|%s" % ("log" if log else "soft", dom, list(x.shape), d, x.is_contiguous())
            x.requires_grad_(True)
            y = (torch.log_softmax if log else torch.softmax)(x, d)
            g = torch.tensor(vals(rng, y.numel(), "mid"), dtype=torch.float64).to(dt).reshape(y.shape) / 8
            gx, = torch.autograd.grad(y, x, g)
            out = show(y) + " g=" + show(gx)
        elif kind == "polygamma":
            k = rng.randint(2, 5)
            dom = rng.choice(["pos", "small", "big"])
            n = rng.choice([1, 9, 40])
            if dom == "pos": v = [rng.uniform(0.01, 30) for _ in range(n)]
            elif dom == "small": v = [(1 + rng.random()) * 2.0 ** rng.randint(-12, -1) for _ in range(n)]
            else: v = [(1 + rng.random()) * 2.0 ** rng.randint(5, 12 if dt == torch.float16 else 60) for _ in range(n)]
            x = torch.tensor(v).to(dt)
            tag += "|n=%d|%s|%d" % (k, dom, n)
            out = show(torch.special.polygamma(k, x))
        elif kind == "scalar":
            n = rng.choice([1, 7, 40, 100])
            x = torch.tensor(vals(rng, n, rng.choice(["mid", "wide"])), dtype=torch.float64).to(dt)
            c = rng.choice([rng.uniform(-20, 20), 0.1, 5.72364942924700087, 1000.3, 3, -2])
            op = rng.choice(["add", "sub", "rsub", "mul", "div", "fmod", "rem", "floor", "trunc", "eq", "lt", "ge", "add0d", "trunc0d", "sub_"])
            tag += "|%s|%r|%d" % (op, c, n)
            if op == "add": y = x + c
            elif op == "sub": y = x - c
            elif op == "rsub": y = c - x
            elif op == "mul": y = x * c
            elif op == "div": y = x / c
            elif op == "fmod": y = torch.fmod(x, c)
            elif op == "rem": y = torch.remainder(x, c)
            elif op == "floor": y = torch.div(x, c, rounding_mode="floor")
            elif op == "trunc": y = torch.div(x, c, rounding_mode="trunc")
            elif op == "eq": y = x.to(torch.float64).to(dt) == c
            elif op == "lt": y = x < c
            elif op == "ge": y = x >= c
            elif op == "add0d": y = x + torch.tensor(c, dtype=torch.float64)
            elif op == "trunc0d": y = torch.div(x, torch.tensor(float(c), dtype=torch.float64), rounding_mode="trunc")
            else: y = x.clone(); y.sub_(c)
            out = show(y)
        elif kind == "alpha":
            n = rng.choice([5, 31, 32, 33, 70, 300])
            x = torch.tensor(vals(rng, n, "mid"), dtype=torch.float64).to(dt)
            z = torch.tensor(vals(rng, n, "mid"), dtype=torch.float64).to(dt)
            a = rng.choice([rng.uniform(-3, 3), 0.3333333333, 5.72364942924700087])
            form = rng.choice(["add", "sub", "add_", "strided", "bcast"])
            tag += "|%s|%r|%d" % (form, a, n)
            if form == "add": y = torch.add(x, z, alpha=a)
            elif form == "sub": y = torch.sub(x, z, alpha=a)
            elif form == "add_": y = x.clone(); y.add_(z, alpha=a)
            elif form == "strided": y = torch.add(x[::2], z[::2], alpha=a)
            else: y = torch.add(x, z[:1], alpha=a)
            out = show(y)
        elif kind == "lerp":
            n = rng.choice([3, 40, 100])
            x = torch.tensor(vals(rng, n, "mid"), dtype=torch.float64).to(dt)
            z = torch.tensor(vals(rng, n, "mid"), dtype=torch.float64).to(dt)
            w = rng.choice([rng.uniform(-1, 2), 0.3333333, 0.7777777])
            tag += "|%r|%d" % (w, n)
            out = show(torch.lerp(x, z, w))
        elif kind == "norm":
            dt = torch.bfloat16
            rows, n = rng.choice([1, 3, 50]), rng.choice([1, 5, 16, 17, 40, 47, 63, 100, 1000])
            x = (torch.randn(rows, n) * torch.exp2(torch.randint(-8, 8, (rows, n)).float())).to(dt)
            form = rng.choice(["vn", "norm", "t", "all"])
            tag = "%d|norm|bfloat16|%s|%d|%d" % (i, form, rows, n)
            if form == "vn": y = torch.linalg.vector_norm(x, dim=-1)
            elif form == "norm": y = x.norm(dim=1, keepdim=True)
            elif form == "t": y = torch.linalg.vector_norm(x.t(), dim=0)
            else: y = torch.linalg.vector_norm(x)
            out = show(y)
        else:
            fdt = rng.choice([torch.float32, torch.float64])
            n = rng.choice([1, 5, 8, 40])
            w = 32 if fdt == torch.float32 else 64
            it = torch.int32 if fdt == torch.float32 else torch.int64
            def nan_bits():
                sign = rng.choice([0, 1]); quiet = rng.random() < 0.8
                payload = rng.randrange(1, 1 << (w - 12 if w == 64 else 22))
                e = ((1 << 11) - 1) if w == 64 else 255
                m = w - 1 - (11 if w == 64 else 8)
                v = (sign << (w - 1)) | (e << m) | ((1 << (m - 1)) if quiet else 0) | payload
                return v - (1 << w) if v >= 1 << (w - 1) else v
            def mk():
                return torch.tensor([nan_bits() if rng.random() < 0.6 else torch.tensor(rng.uniform(-3, 3), dtype=fdt).view(it).item() for _ in range(n)], dtype=torch.int64).to(it).view(fdt)
            a, b = mk(), mk()
            op = rng.choice(["add", "sub", "mul", "div", "add_a", "sub_a", "scalar"])
            tag = "%d|nan|%s|%s|%d" % (i, str(fdt)[6:], op, n)
            if op == "add": y = a + b
            elif op == "sub": y = a - b
            elif op == "mul": y = a * b
            elif op == "div": y = a / b
            elif op == "add_a": y = torch.add(a, b, alpha=2.5)
            elif op == "sub_a": y = torch.sub(a, b, alpha=-0.5)
            else: y = a + float("nan")
            out = show(y, nan_bits=True)
        print(tag, out)
    except Exception as e:
        print(tag, "ERR", type(e).__name__, str(e)[:160])
