# torch.special (every function) and the elementwise math functions on wide domains: huge and
# tiny magnitudes, negatives, near poles and zeros (lgamma/digamma/polygamma near non-positive
# integers, erfinv near ±1, ndtri near 0 and 1, log_ndtr very negative, large Bessel arguments),
# the orthogonal polynomials with tensor, scalar, large, negative and fractional n, zeta, the
# incomplete gammas, softmax/log_softmax/logsumexp with dims and dtypes, pow/atan2/hypot, in
# float32/float64/float16/bfloat16 and promoted integer/bool inputs, contiguous, strided,
# transposed and 0-dim, sizes 1, 7, 8, 9, 16, 33 and 1000; first derivatives of the
# differentiable ones and the error texts of the rest. One line per case, keyed
# "SEED|function|domain|dtype|size|layout...", then the result's dtype, shape and bits (a
# digest above 40 elements), the grad_fn and the gradients' bits, or the error.
# NaN results are compared as NaN: their sign and payload bits are replaced by one value before
# the digest (PyTorch's vectorised float16/bfloat16 conversions give 0xFFFF-style NaNs where its
# scalar ones give 0x7FC0; Gradbook does not reproduce which; docs/differences.md).
# Session 14's special-function fuzz as run, same seeds (its driver stayed outside the repo).
import torch, random, math, os
torch.set_num_threads(2)
S = torch.special
ONLY = None
FULL = False
NCASES = 1200

def bits(y):
    y = y.detach().contiguous().reshape(-1)
    if y.dtype == torch.float32: b = y.view(torch.int32).to(torch.int64)
    elif y.dtype == torch.float64: b = y.view(torch.int64)
    elif y.dtype in (torch.float16, torch.bfloat16): b = y.view(torch.int16).to(torch.int64)
    else: return y.to(torch.int64)
    return b.masked_fill(torch.isnan(y), 7)

def show(y):
    if not isinstance(y, torch.Tensor): return "py:" + repr(y)
    b = bits(y)
    head = "%s%s" % (str(y.dtype).replace("torch.", ""), list(y.shape))
    if FULL or b.numel() <= 40: return head + " " + repr(b.tolist())
    i = torch.arange(b.numel(), dtype=torch.int64)
    d1 = ((b % 65521) * (i % 65521 + 1)).sum().item()
    d2 = ((b % 65519) * (i % 65519 + 1)).sum().item()
    return head + " %s:%d:%d" % (repr(b[:6].tolist()), d1, d2)

SPECIALS = [0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1.0, -1.0, 0.5, -0.5, 2.0, 5e-324, 1e-310, 1.7e308, -1e-45, 3.4e38, 1e-8, -2.0, 100.0]

def gen(rng, dom):
    u = rng.random()
    s = -1.0 if rng.random() < 0.5 else 1.0
    if dom == "wide": return s * (1 + u) * 2.0 ** rng.randint(-60, 60)
    if dom == "huge": return s * (1 + u) * 2.0 ** rng.randint(20, 1000)
    if dom == "tiny": return s * (1 + u) * 2.0 ** rng.randint(-1070, -20)
    if dom == "pos": return (1 + u) * 2.0 ** rng.randint(-30, 12)
    if dom == "negint": return -float(rng.randint(0, 30)) + s * (1 + u) * 2.0 ** rng.randint(-52, -1) * (0 if rng.random() < 0.15 else 1)
    if dom == "near1": return s * (1 - (1 + u) * 2.0 ** rng.randint(-54, -1)) if rng.random() < 0.9 else s * (1 + u * 0.1)
    if dom == "unit":
        k = rng.random()
        if k < 0.35: return (1 + u) * 2.0 ** rng.randint(-1000, -1)
        if k < 0.7: return 1 - (1 + u) * 2.0 ** rng.randint(-54, -2)
        if k < 0.95: return u
        return rng.choice([0.0, 1.0, -0.1, 1.1])
    if dom == "negbig": return -(1 + u) * 2.0 ** rng.randint(0, 14)
    if dom == "mid": return s * u * 40
    if dom == "ints": return float(rng.randint(-12, 12))
    return s * u

def mk(rng, n, dom, dt, layout):
    vals = [gen(rng, dom) for _ in range(n * (2 if layout == "step" else 1))]
    if rng.random() < 0.15:
        for _ in range(max(1, n // 5)):
            vals[rng.randrange(len(vals))] = rng.choice(SPECIALS)
    base = torch.tensor(vals, dtype=torch.float64)
    if dt.is_floating_point: base = base.to(dt)
    elif dt == torch.bool: base = base > 0
    else: base = base.clamp(-1000, 1000).to(dt)
    if layout == "step": return base[::2]
    if layout == "t" and n % 2 == 0 and n > 2: return base.reshape(2, n // 2).t()
    if layout == "t" and n % 3 == 0: return base.reshape(3, n // 3).t()
    if layout == "0d" and n == 1: return base.reshape([])
    return base

U = {  # name: (function, domains)
 "airy_ai": (S.airy_ai, ["wide", "mid", "negbig", "huge"]),
 "bessel_j0": (S.bessel_j0, ["wide", "mid", "huge"]), "bessel_j1": (S.bessel_j1, ["wide", "mid", "huge"]),
 "bessel_y0": (S.bessel_y0, ["pos", "mid", "tiny", "huge"]), "bessel_y1": (S.bessel_y1, ["pos", "mid", "tiny", "huge"]),
 "digamma": (S.digamma, ["negint", "wide", "pos", "tiny"]), "psi": (S.psi, ["negint", "huge"]),
 "entr": (S.entr, ["unit", "wide", "pos"]), "erf": (S.erf, ["wide", "mid", "tiny"]), "erfc": (S.erfc, ["wide", "mid", "negbig"]),
 "erfcx": (S.erfcx, ["wide", "mid", "negbig", "huge"]), "erfinv": (S.erfinv, ["near1", "unit", "tiny"]),
 "exp2": (S.exp2, ["wide", "mid", "negbig"]), "expit": (S.expit, ["wide", "mid", "negbig"]), "expm1": (S.expm1, ["wide", "tiny", "mid"]),
 "gammaln": (S.gammaln, ["negint", "wide", "pos", "huge", "tiny"]), "i0": (S.i0, ["wide", "mid", "negbig"]),
 "i0e": (S.i0e, ["wide", "mid", "huge"]), "i1": (S.i1, ["wide", "mid", "negbig"]), "i1e": (S.i1e, ["wide", "mid", "huge"]),
 "log1p": (S.log1p, ["wide", "tiny", "near1"]), "log_ndtr": (S.log_ndtr, ["negbig", "wide", "mid", "huge"]),
 "logit": (S.logit, ["unit", "near1", "wide"]), "logit_eps": (lambda x: S.logit(x, eps=1e-6), ["unit", "near1"]),
 "modified_bessel_i0": (S.modified_bessel_i0, ["wide", "mid", "negbig"]), "modified_bessel_i1": (S.modified_bessel_i1, ["wide", "mid", "negbig"]),
 "modified_bessel_k0": (S.modified_bessel_k0, ["pos", "mid", "tiny"]), "modified_bessel_k1": (S.modified_bessel_k1, ["pos", "mid", "tiny"]),
 "ndtr": (S.ndtr, ["wide", "mid", "negbig"]), "ndtri": (S.ndtri, ["unit", "near1"]),
 "scaled_modified_bessel_k0": (S.scaled_modified_bessel_k0, ["pos", "mid", "huge"]), "scaled_modified_bessel_k1": (S.scaled_modified_bessel_k1, ["pos", "mid", "huge"]),
 "sinc": (S.sinc, ["wide", "tiny", "ints", "mid"]), "spherical_bessel_j0": (S.spherical_bessel_j0, ["wide", "mid", "tiny", "huge"]),
 "round": (S.round, ["wide", "mid"]), "round_d": (None, ["wide", "mid"]),
 "t.sin": (torch.sin, ["wide", "huge"]), "t.cos": (torch.cos, ["wide", "huge"]), "t.tan": (torch.tan, ["wide", "huge"]),
 "t.exp": (torch.exp, ["mid", "negbig", "wide"]), "t.log": (torch.log, ["pos", "tiny", "huge", "wide"]),
 "t.lgamma": (torch.lgamma, ["negint", "huge", "tiny"]), "t.sqrt": (torch.sqrt, ["huge", "tiny"]), "t.tanh": (torch.tanh, ["wide", "tiny"]),
 "t.sigmoid": (torch.sigmoid, ["wide", "negbig"]), "t.log2": (torch.log2, ["tiny", "huge"]), "t.log10": (torch.log10, ["tiny", "huge"]),
 "t.sinh": (torch.sinh, ["mid", "tiny"]), "t.cosh": (torch.cosh, ["mid"]), "t.asinh": (torch.asinh, ["huge", "tiny"]), "t.atan": (torch.atan, ["huge", "tiny"]),
 "t.erfinv": (torch.erfinv, ["near1"]), "t.rsqrt": (torch.rsqrt, ["huge", "tiny"]), "t.reciprocal": (torch.reciprocal, ["huge", "tiny"]),
}
B = {  # name: domains for x, domains for other
 "xlog1py": (["wide", "mid", "ints"], ["near1", "wide", "tiny"]), "xlogy": (["wide", "ints", "tiny"], ["pos", "wide", "tiny"]),
 "zeta": (["pos", "mid", "ints", "wide"], ["pos", "negint", "mid"]), "gammainc": (["pos", "mid", "tiny"], ["pos", "mid", "tiny"]),
 "gammaincc": (["pos", "mid", "tiny"], ["pos", "mid", "tiny"]),
 "t.pow": (["wide", "mid", "ints", "tiny"], ["mid", "ints", "wide"]), "t.atan2": (["wide", "huge", "tiny"], ["wide", "huge", "tiny"]),
 "t.hypot": (["huge", "tiny", "wide"], ["huge", "tiny", "wide"]),
}
POLY = ["chebyshev_polynomial_t", "chebyshev_polynomial_u", "chebyshev_polynomial_v", "chebyshev_polynomial_w",
        "shifted_chebyshev_polynomial_t", "shifted_chebyshev_polynomial_u", "shifted_chebyshev_polynomial_v", "shifted_chebyshev_polynomial_w",
        "hermite_polynomial_h", "hermite_polynomial_he", "laguerre_polynomial_l", "legendre_polynomial_p"]
RED = ["logsumexp", "softmax", "log_softmax"]
UNAMES = sorted(U.keys()); BNAMES = sorted(B.keys())
SIZES = [1, 1, 7, 8, 9, 16, 33, 1000]
DTS = [torch.float32, torch.float64, torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int64, torch.int32, torch.bool, torch.uint8]

def grad_of(rng, y, xs):
    g = torch.tensor([rng.random() * 2 - 1 for _ in range(y.numel())], dtype=torch.float64).reshape(y.shape).to(y.dtype)
    gs = torch.autograd.grad(y, xs, g, allow_unused=True)
    return " ".join(show(t) if t is not None else "None" for t in gs)

for i in range(NCASES):
    if ONLY is not None and i not in ONLY: continue
    rng = random.Random(i)
    torch.manual_seed(i)
    kind = rng.random()
    n = rng.choice(SIZES)
    dt = rng.choice(DTS)
    layout = rng.choice(["c", "c", "step", "t", "0d"])
    want_grad = dt.is_floating_point and rng.random() < 0.4
    tag = "%d" % i
    try:
        if kind < 0.5:
            name = rng.choice(UNAMES)
            fn, doms = U[name]
            dom = rng.choice(doms)
            tag += "|%s|%s|%s|%d|%s" % (name, dom, str(dt)[6:], n, layout)
            x = mk(rng, n, dom, dt, layout)
            if want_grad: x.requires_grad_(True)
            if name == "round_d": y = S.round(x, decimals=rng.choice([-3, -1, 1, 2, 5, 10]))
            else: y = fn(x)
            out = show(y)
            if want_grad: out += " gf=" + type(y.grad_fn).__name__ + " g=" + grad_of(rng, y, [x])
        elif kind < 0.7:
            name = rng.choice(BNAMES)
            dx, do = B[name]
            d1, d2 = rng.choice(dx), rng.choice(do)
            dt2 = dt if rng.random() < 0.7 else rng.choice(DTS)
            form = rng.choice(["tt", "tt", "tt", "ts", "st"])
            tag += "|%s|%s,%s|%s,%s|%d|%s|%s" % (name, d1, d2, str(dt)[6:], str(dt2)[6:], n, layout, form)
            x = mk(rng, n, d1, dt, layout)
            o = mk(rng, n if rng.random() < 0.8 else 1, d2, dt2, "c")
            if form == "ts": o = gen(rng, d2)
            if form == "st": x = gen(rng, d1)
            gx = []
            if want_grad:
                if isinstance(x, torch.Tensor) and x.dtype.is_floating_point: x.requires_grad_(True); gx.append(x)
                if isinstance(o, torch.Tensor) and o.dtype.is_floating_point and rng.random() < 0.7: o.requires_grad_(True); gx.append(o)
            if name.startswith("t."): y = getattr(torch, name[2:])(x, o)
            else: y = getattr(S, name)(x, o)
            out = show(y)
            if gx: out += " gf=" + type(y.grad_fn).__name__ + " g=" + grad_of(rng, y, gx)
        elif kind < 0.82:
            name = rng.choice(POLY)
            nform = rng.choice(["int", "int", "tensor", "float", "bign", "neg"])
            dom = rng.choice(["unit", "mid", "near1", "wide", "ints"])
            tag += "|%s|%s|%s|%s|%d|%s" % (name, nform, dom, str(dt)[6:], n, layout)
            x = mk(rng, n, dom, dt, layout)
            if nform == "int": nn = rng.randint(0, 12)
            elif nform == "bign": nn = rng.choice([30, 64, 100, 1000, 5000])
            elif nform == "neg": nn = rng.randint(-3, -1)
            elif nform == "float": nn = rng.choice([2.5, 3.0, 0.5, 7.9])
            else: nn = torch.tensor([float(rng.randint(-1, 9)) for _ in range(x.numel())], dtype=rng.choice([torch.float64, torch.int64, torch.float32])).reshape(x.shape)
            if rng.random() < 0.15: x = gen(rng, dom)
            if want_grad and isinstance(x, torch.Tensor): x.requires_grad_(True)
            y = getattr(S, name)(x, nn)
            out = show(y)
            if want_grad and isinstance(x, torch.Tensor): out += " gf=" + type(y.grad_fn).__name__ + " g=" + grad_of(rng, y, [x])
        elif kind < 0.9:
            name = rng.choice(["polygamma", "polygamma", "multigammaln"])
            dom = rng.choice(["negint", "pos", "wide", "mid", "tiny", "huge"])
            tag += "|%s|%s|%s|%d|%s" % (name, dom, str(dt)[6:], n, layout)
            x = mk(rng, n, dom, dt, layout)
            if name == "polygamma" and dom in ("wide", "huge"): x = x.abs()  # zeta's loop runs ~|q| times for q < 0 (PyTorch hangs)
            if want_grad: x.requires_grad_(True)
            if name == "polygamma":
                k = rng.randint(0, 4); tag += "|n=%d" % k
                y = S.polygamma(k, x)
            else:
                p = rng.randint(1, 5); tag += "|p=%d" % p
                y = S.multigammaln(x, p)
            out = show(y)
            if want_grad: out += " gf=" + type(y.grad_fn).__name__ + " g=" + grad_of(rng, y, [x])
        else:
            name = rng.choice(RED)
            dom = rng.choice(["wide", "mid", "negbig", "huge", "unit"])
            shape = rng.choice([[n], [2, n], [n, 3], [3, 4, n]])
            tag += "|%s|%s|%s|%s" % (name, dom, str(dt)[6:], shape)
            numel = 1
            for s in shape: numel *= s
            x = mk(rng, numel, dom, dt, "c").reshape(shape)
            if rng.random() < 0.3 and len(shape) > 1: x = x.transpose(0, 1); tag += "|T"
            if want_grad: x.requires_grad_(True)
            d = rng.randrange(-x.dim(), x.dim())
            if name == "logsumexp":
                kd = rng.random() < 0.5
                dd = d if rng.random() < 0.7 else [d, (d + 1) % x.dim()] if x.dim() > 1 else d
                tag += "|%s|%s" % (dd, kd)
                y = S.logsumexp(x, dd, keepdim=kd)
            else:
                odt = rng.choice([None, None, torch.float64, torch.float32])
                tag += "|%d|%s" % (d, odt)
                y = getattr(S, name)(x, d, dtype=odt)
            out = show(y)
            if want_grad: out += " gf=" + type(y.grad_fn).__name__ + " g=" + grad_of(rng, y, [x])
        print(tag, out)
    except Exception as e:
        print(tag, "ERR", type(e).__name__, str(e)[:200])
