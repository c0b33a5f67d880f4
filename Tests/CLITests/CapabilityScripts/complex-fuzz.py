# Complex forward ops and their gradients, differential fuzz against PyTorch 2.15 (600 forward
# cases, 200 gradient cases): random complex64/complex128 tensors (1-33 elements per row,
# contiguous or transposed) with special values (inf, nan, signed zeros, huge, tiny) through
# atan/asinh/acosh/atanh/asin/acos, log2/log10/exp2/expm1, exp/log/sqrt/rsqrt/reciprocal/sgn/
# angle/abs, sum/mean/prod/cumsum/cumprod, nan_to_num, add/sub/mul/div (tensors, real tensors,
# Python numbers), pow (tensor**tensor, **scalar, scalar**tensor, integer exponents), vdot,
# and PyTorch's errors for ops without a complex kernel (xlogy, copysign, sign, ...). Each line
# is a case key and a bit digest of the result (complex viewed as real pairs) or the error.
import torch, random, math

SP = [float('inf'), -float('inf'), float('nan'), 0.0, -0.0, 1e38, -1e38, 1e-40, 1e300, 1e-310, 1.0, -1.0, 1e20, 1e-20]


def digest(t):
    t = t.detach()
    if t.is_complex():
        t = torch.view_as_real(t.resolve_conj().contiguous())
    t = t.contiguous().reshape(-1)
    if t.dtype == torch.bool:
        return "b%d:%d" % (t.numel(), int(t.to(torch.int64).sum().item()))
    b = t.view(torch.int32).to(torch.int64) if t.dtype == torch.float32 else t.view(torch.int64)
    i = torch.arange(b.numel(), dtype=torch.int64)
    d1 = ((b % 65521) * (i % 65521 + 1)).sum().item()
    d2 = ((b % 65519) * (i % 65519 + 1)).sum().item()
    return "%d:%d:%d" % (b.numel(), d1, d2)


def mk(rng, s, dt, special):
    x = torch.randn(s, dtype=dt) * rng.choice([1, 1, 3, 0.01, 100])
    if special and x.numel():
        v = (torch.view_as_real(x) if x.is_complex() else x).reshape(-1)
        sp = SP if v.dtype == torch.float64 else [z for z in SP if z == 0 or math.isnan(z) or 1e-44 < abs(z) < 3e38]
        for _ in range(rng.randint(1, 4)):
            v[rng.randrange(v.numel())] = rng.choice(sp)
    return x


UN = ["atan", "asin", "acos", "asinh", "acosh", "atanh", "log10", "log2", "expm1", "exp2", "rsqrt", "reciprocal", "sgn",
      "angle", "abs", "exp", "log", "sqrt", "square", "neg", "conj_physical", "nan_to_num", "isnan", "isinf", "isfinite",
      "prod", "cumprod", "cumsum", "sum", "mean"]
BIN = ["div", "mul", "add", "sub", "pow", "pow_s", "rpow_s", "pow_i", "vdot", "eq"]
ERR = ["xlogy", "copysign", "heaviside", "sign", "logaddexp2", "floor", "clamp"]


def forward(rng, i):
    dt = rng.choice([torch.complex64, torch.complex128])
    special = rng.random() < 0.35
    n = rng.choice([1, 2, 3, 4, 5, 7, 8, 9, 12, 16, 17, 23, 33])
    s = rng.choice([[n], [n], [2, n], [n, 3]])
    k = rng.random()
    if k < 0.5:
        op = rng.choice(UN)
        a = mk(rng, s, dt, special)
        if rng.random() < 0.2 and a.dim() == 2:
            a = a.t()
        key = "%d|%s|%s|%s" % (i, op, str(dt)[6:], "x".join(map(str, a.shape)))
        if op in ("prod", "cumprod", "cumsum", "sum", "mean"):
            if op in ("prod", "sum", "mean") and rng.random() < 0.5:
                return key, lambda: getattr(torch, op)(a)
            d = rng.randrange(a.dim())
            return key, lambda: getattr(torch, op)(a, d)
        return key, lambda: getattr(torch, op)(a)
    if k < 0.93:
        op = rng.choice(BIN)
        a = mk(rng, s, dt, special)
        key = "%d|%s|%s|%s" % (i, op, str(dt)[6:], "x".join(map(str, s)))
        if op == "pow_s":
            e = rng.choice([2, 3, -2, 0.5, -1, 1.5, 2.0, 0, 1, 1j, 2 + 1j, -0.5, 4])
            return key, lambda: a ** e
        if op == "rpow_s":
            e = rng.choice([2, 2.5, 1j, -1.5, 0])
            return key, lambda: e ** a
        if op == "pow_i":
            b = torch.randint(-3, 5, s).to(rng.choice([torch.int64, dt, torch.float32]))
            return key, lambda: torch.pow(a, b)
        if op == "vdot":
            a = a.reshape(-1)
            b = mk(rng, [a.numel()], dt, special)
            return key, lambda: torch.vdot(a, b)
        bs = s if rng.random() < 0.7 else s[-1:]
        b = mk(rng, bs, dt, special) if rng.random() < 0.8 else mk(rng, bs, dt.to_real(), special)
        if rng.random() < 0.5:
            a, b = b, a
        if rng.random() < 0.15:
            b = rng.choice([2, 0.5, 1j, 0, 3 - 4j, 0j])
        return key, lambda: getattr(torch, op)(a, b)
    op = rng.choice(ERR)
    a = mk(rng, s, dt, special)
    key = "%d|%s|%s" % (i, op, str(dt)[6:])
    if op == "clamp":
        return key, lambda: torch.clamp(a, min=0)
    if op in ("sign", "floor"):
        return key, lambda: getattr(torch, op)(a)
    return key, lambda: getattr(torch, op)(a, a)


GOPS = ["atan", "asinh", "acosh", "log2", "log10", "exp2", "expm1", "pow_s", "pow_t", "rpow", "cumsum", "cumprod",
        "sub", "add", "vdot", "nan_to_num"]


def gradient(rng, i):
    dt = rng.choice([torch.complex64, torch.complex128])
    n = rng.choice([1, 2, 3, 5, 8, 9, 17])
    s = rng.choice([[n], [2, n]])
    op = rng.choice(GOPS)
    x = (torch.randn(s, dtype=dt) * rng.choice([0.5, 1, 2])).requires_grad_()
    w = torch.randn(s, dtype=dt)
    key = "g%d|%s|%s|%s" % (i, op, str(dt)[6:], "x".join(map(str, s)))

    def run():
        if op == "pow_s":
            y = x ** rng.choice([2, 3, 0.5, -1, 1.5, 1j, 2 - 1j])
        elif op == "pow_t":
            y = torch.pow(x, w)
        elif op == "rpow":
            y = rng.choice([2, 1.5j]) ** x
        elif op in ("cumsum", "cumprod"):
            y = getattr(torch, op)(x, x.dim() - 1)
        elif op == "sub":
            y = torch.sub(w, x)
        elif op == "add":
            y = torch.add(x, w)
        elif op == "vdot":
            y = torch.vdot(x.reshape(-1), w.reshape(-1)) * torch.ones_like(w)
        else:
            y = getattr(torch, op)(x)
        names = []
        g = y.grad_fn
        while g is not None and len(names) < 3:
            names.append(type(g).__name__)
            nf = [f for f, _ in g.next_functions if f is not None]
            g = nf[0] if nf else None
        loss = (y * w).real.sum() if rng.random() < 0.5 else y.abs().sum()
        loss.backward()
        return ",".join(names), [y, x.grad]
    return key, run


for i in range(800):
    rng = random.Random(i)
    torch.manual_seed(i)
    if i < 600:
        key, f = forward(rng, i)
        try:
            r = f()
            print(key, r.dtype, digest(r))
        except Exception as e:
            print(key, "ERR", type(e).__name__, str(e).split("\n")[0][:160])
    else:
        key, f = gradient(rng, i)
        try:
            names, ts = f()
            print(key, names, " ".join(digest(t) for t in ts))
        except Exception as e:
            print(key, "ERR", type(e).__name__, str(e).split("\n")[0][:160])
