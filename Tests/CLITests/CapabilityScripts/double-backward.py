# double-backward: random cases over ~150 differentiable ops (unary, broadcast binary, in-place,
# products, distances, losses) in float32 and float64: y = op(x...), g = autograd.grad(y.sum() or
# (y * w).sum(), inputs, create_graph=True), then gg = autograd.grad(sum((g * v).sum()), inputs).
# Prints each gradient's grad_fn with its next_functions two levels deep and every value's bits.
# One line per case, starting with its case number (the key of NAME.CAP.known).
import torch, random
import torch.nn.functional as F
N = 400
_B = []


def emit(*parts):
    _B.append(" ".join(str(p) for p in parts))

def bits(t):
    t = t.detach()
    try:
        t.tolist()
    except Exception:
        t = torch.zeros(t.shape, dtype=t.dtype)
    if t.dtype == torch.float32: return repr(t.contiguous().view(torch.int32).tolist())
    if t.dtype == torch.float64: return repr(t.contiguous().view(torch.int64).tolist())
    return repr(t.tolist())

def desc(f, d):
    if f is None: return "None"
    s = type(f).__name__
    if d > 0:
        s += "(" + ",".join(desc(n[0], d - 1) for n in f.next_functions) + ")"
    return s

def shp(rng):
    nd = rng.choice([0, 1, 1, 2, 2, 3])
    return [rng.choice([1, 2, 3, 4]) for _ in range(nd)]

def bshape(rng, s):
    r = [d if rng.random() < 0.6 else 1 for d in s]
    if s and rng.random() < 0.3: r = r[1:]
    return r

def mk(shape, dt, dom):
    t = torch.randn(shape, dtype=torch.float64)
    if dom == "pos": t = t.abs() + 0.3
    elif dom == "unit": t = torch.tanh(t) * 0.9
    elif dom == "prob": t = torch.sigmoid(t) * 0.9 + 0.05
    elif dom == "gt1": t = t.abs() + 1.2
    elif dom == "small": t = t * 0.5
    return t.to(dt).requires_grad_()

# name: (arity, domains, fn)
UN = {
 "exp": ("r", lambda x: x.exp()), "log": ("pos", lambda x: x.log()), "sin": ("r", torch.sin), "cos": ("r", torch.cos),
 "tan": ("small", torch.tan), "tanh": ("r", torch.tanh), "sigmoid": ("r", torch.sigmoid), "sqrt": ("pos", torch.sqrt),
 "rsqrt": ("pos", torch.rsqrt), "reciprocal": ("pos", torch.reciprocal), "square": ("r", torch.square), "erf": ("r", torch.erf),
 "erfc": ("r", torch.erfc), "expm1": ("r", torch.expm1), "log1p": ("pos", torch.log1p), "asin": ("unit", torch.asin),
 "acos": ("unit", torch.acos), "atan": ("r", torch.atan), "sinh": ("r", torch.sinh), "cosh": ("r", torch.cosh),
 "asinh": ("r", torch.asinh), "acosh": ("gt1", torch.acosh), "atanh": ("unit", torch.atanh), "logit": ("prob", torch.logit),
 "lgamma": ("pos", torch.lgamma), "digamma": ("pos", torch.digamma), "abs": ("r", torch.abs), "sinc": ("r", torch.sinc),
 "softplus": ("r", F.softplus), "relu": ("r", F.relu), "gelu": ("r", F.gelu), "gelu_tanh": ("r", lambda x: F.gelu(x, approximate="tanh")),
 "silu": ("r", F.silu), "mish": ("r", F.mish), "elu": ("r", F.elu), "selu": ("r", F.selu), "celu": ("r", F.celu),
 "leaky_relu": ("r", lambda x: F.leaky_relu(x, 0.1)), "log_softmax": ("r", lambda x: F.log_softmax(x, -1)),
 "softmax": ("r", lambda x: F.softmax(x, -1)), "logsumexp": ("r", lambda x: x.logsumexp(-1)), "sum": ("r", lambda x: x.sum()),
 "mean": ("r", lambda x: x.mean()), "prod": ("r", lambda x: x.prod()), "std": ("r", lambda x: x.std()), "var": ("r", lambda x: x.var()),
 "norm": ("r", lambda x: x.norm()), "norm3": ("r", lambda x: x.norm(3)), "norm1": ("r", lambda x: x.norm(1)),
 "cumsum": ("r", lambda x: x.cumsum(-1)), "cumprod": ("r", lambda x: x.cumprod(-1)), "pow3": ("r", lambda x: x ** 3),
 "pow25": ("pos", lambda x: x ** 2.5), "powm1": ("pos", lambda x: x ** -1.5), "exp2": ("r", torch.exp2), "log2": ("pos", torch.log2),
 "log10": ("pos", torch.log10), "hardtanh": ("r", F.hardtanh), "normalize": ("r", lambda x: F.normalize(x, dim=-1)),
 "erfinv": ("unit", torch.erfinv), "clamp": ("r", lambda x: x.clamp(-0.5, 0.7)), "amax": ("r", lambda x: x.amax()),
 "logcumsumexp": ("r", lambda x: x.logcumsumexp(-1)), "div2": ("r", lambda x: x / 3), "rsub": ("r", lambda x: 2 - x),
 "rdiv": ("pos", lambda x: 2 / x), "rpow": ("r", lambda x: 2.5 ** x), "xlogy_s": ("pos", lambda x: torch.xlogy(x, 3.0)),
 "xlogy_sx": ("pos", lambda x: torch.xlogy(2.0, x)), "softsign": ("r", F.softsign), "logsigmoid": ("r", F.logsigmoid),
 "hardswish": ("r", F.hardswish), "tanhshrink": ("r", F.tanhshrink), "mul_self": ("r", lambda x: x * x),
 "polygamma1": ("pos", lambda x: torch.polygamma(1, x)), "i0": ("r", torch.i0), "frac": ("r", torch.frac),
}
BIN = {
 "add": ("r", "r", torch.add), "add_a": ("r", "r", lambda a, b: torch.add(a, b, alpha=2.5)), "sub": ("r", "r", torch.sub),
 "sub_a": ("r", "r", lambda a, b: torch.sub(a, b, alpha=0.5)), "mul": ("r", "r", torch.mul), "div": ("r", "pos", torch.div),
 "pow": ("pos", "r", torch.pow), "maximum": ("r", "r", torch.maximum), "minimum": ("r", "r", torch.minimum),
 "fmax": ("r", "r", torch.fmax), "fmin": ("r", "r", torch.fmin), "hypot": ("r", "r", torch.hypot), "atan2": ("r", "r", torch.atan2),
 "copysign": ("r", "r", torch.copysign), "fmod": ("r", "pos", torch.fmod), "remainder": ("r", "pos", torch.remainder),
 "xlogy": ("r", "pos", torch.xlogy), "lerp": ("r", "r", lambda a, b: torch.lerp(a, b, 0.3)), "lerp7": ("r", "r", lambda a, b: torch.lerp(a, b, 0.7)),
 "where": ("r", "r", lambda a, b: torch.where(a.detach() > 0, a, b)), "logaddexp": ("r", "r", torch.logaddexp),
 "logaddexp2": ("r", "r", torch.logaddexp2), "dist": ("r", "r", lambda a, b: torch.dist(a, b)), "dist1": ("r", "r", lambda a, b: torch.dist(a, b, 1)),
 "dist3": ("r", "r", lambda a, b: torch.dist(a, b, 3)), "distinf": ("r", "r", lambda a, b: torch.dist(a, b, float("inf"))),
 "clamp_t": ("r", "r", lambda a, b: torch.clamp(a, min=b)), "clamp_tmax": ("r", "r", lambda a, b: torch.clamp(a, max=b)),
 "mse": ("r", "r", lambda a, b: F.mse_loss(a, b.expand_as(a)) if a.dim() >= b.dim() else F.mse_loss(a.expand_as(b), b)),
 "l1": ("r", "r", lambda a, b: F.l1_loss(a, b.expand_as(a)) if a.dim() >= b.dim() else F.l1_loss(a.expand_as(b), b)),
 "smooth_l1": ("r", "r", lambda a, b: F.smooth_l1_loss(a, b.expand_as(a)) if a.dim() >= b.dim() else F.smooth_l1_loss(a.expand_as(b), b)),
 "huber": ("r", "r", lambda a, b: F.huber_loss(a, b.expand_as(a), delta=0.5) if a.dim() >= b.dim() else F.huber_loss(a.expand_as(b), b, delta=0.5)),
 "div_": ("r", "pos", lambda a, b: a.clone().div_(b) if a.dim() >= b.dim() else a.expand_as(b).clone().div_(b)),
 "mul_": ("r", "r", lambda a, b: a.clone().mul_(b) if a.dim() >= b.dim() else a.expand_as(b).clone().mul_(b)),
 "sub_": ("r", "r", lambda a, b: a.clone().sub_(b) if a.dim() >= b.dim() else a.expand_as(b).clone().sub_(b)),
 "pow_": ("pos", "r", lambda a, b: a.clone().pow_(b) if a.dim() >= b.dim() else a.expand_as(b).clone().pow_(b)),
 "float_power": ("pos", "r", torch.float_power), "true_divide": ("r", "pos", torch.true_divide),
 "pow_sx": ("pos", "r", lambda a, b: torch.pow(a, b * 0 + 2.0)),
 "sq_diff": ("r", "r", lambda a, b: (a - b) ** 2),
}
MAT = ["mm", "matmul_mv", "matmul_vm", "matmul_vv", "matmul_3m", "matmul_m3", "matmul_33", "bmm", "mv", "dot", "outer",
       "cross", "cdist", "cdist1", "cdist3", "cdist_inf", "cdist_big", "linear", "linear_nb", "addmm", "addcmul", "addcdiv",
       "lerp_t", "cosine_similarity", "pairwise_distance", "kl_div", "bce", "bce_logits", "einsum", "baddbmm", "addmv", "tensordot",
       "trace_mm", "inner", "vdot", "chain_mm", "lerp_tb"]

def mat_case(name, rng, dt):
    p, n, m, b = rng.choice([1, 2, 3]), rng.choice([1, 2, 4]), rng.choice([1, 3]), rng.choice([1, 2])
    R = lambda *s: mk(list(s), dt, "r")
    if name == "mm": xs = [R(p, n), R(n, m)]; return xs, lambda a, c: torch.mm(a, c)
    if name == "matmul_mv": xs = [R(p, n), R(n)]; return xs, torch.matmul
    if name == "matmul_vm": xs = [R(n), R(n, m)]; return xs, torch.matmul
    if name == "matmul_vv": xs = [R(n), R(n)]; return xs, torch.matmul
    if name == "matmul_3m": xs = [R(b, p, n), R(n, m)]; return xs, torch.matmul
    if name == "matmul_m3": xs = [R(p, n), R(b, n, m)]; return xs, torch.matmul
    if name == "matmul_33": xs = [R(b, p, n), R(1, n, m)]; return xs, torch.matmul
    if name == "bmm": xs = [R(b, p, n), R(b, n, m)]; return xs, torch.bmm
    if name == "mv": xs = [R(p, n), R(n)]; return xs, torch.mv
    if name == "dot": xs = [R(n), R(n)]; return xs, torch.dot
    if name == "vdot": xs = [R(n), R(n)]; return xs, torch.vdot
    if name == "inner": xs = [R(p, n), R(m, n)]; return xs, torch.inner
    if name == "outer": xs = [R(n), R(m)]; return xs, torch.outer
    if name == "cross": xs = [R(p, 3), R(p, 3)]; return xs, lambda a, c: torch.linalg.cross(a, c)
    if name == "cdist": xs = [R(p, n), R(m, n)]; return xs, lambda a, c: torch.cdist(a, c)
    if name == "cdist_big": xs = [R(b, 26, n), R(b, 27, n)]; return xs, lambda a, c: torch.cdist(a, c)
    if name == "cdist1": xs = [R(p, n), R(m, n)]; return xs, lambda a, c: torch.cdist(a, c, p=1.0)
    if name == "cdist3": xs = [R(p, n), R(m, n)]; return xs, lambda a, c: torch.cdist(a, c, p=3.0)
    if name == "cdist_inf": xs = [R(p, n), R(m, n)]; return xs, lambda a, c: torch.cdist(a, c, p=float("inf"))
    if name == "linear": xs = [R(p, n), R(m, n), R(m)]; return xs, F.linear
    if name == "linear_nb": xs = [R(p, n), R(m, n)]; return xs, F.linear
    if name == "addmm": xs = [R(m), R(p, n), R(n, m)]; return xs, lambda c, a, d: torch.addmm(c, a, d, beta=0.5, alpha=2.0)
    if name == "addmv": xs = [R(p), R(p, n), R(n)]; return xs, torch.addmv
    if name == "baddbmm": xs = [R(b, p, m), R(b, p, n), R(b, n, m)]; return xs, torch.baddbmm
    if name == "addcmul": xs = [R(p, n), R(n), R(p, 1)]; return xs, lambda a, c, d: torch.addcmul(a, c, d, value=0.5)
    if name == "addcdiv": xs = [R(p, n), R(n), mk([p, 1], dt, "pos")]; return xs, lambda a, c, d: torch.addcdiv(a, c, d, value=2.0)
    if name == "lerp_t": xs = [R(p, n), R(n), R(p, 1)]; return xs, torch.lerp
    if name == "lerp_tb": xs = [R(p, n), R(p, n), R(p, n)]; return xs, torch.lerp
    if name == "cosine_similarity": xs = [R(p, n), R(p, n)]; return xs, lambda a, c: F.cosine_similarity(a, c)
    if name == "pairwise_distance": xs = [R(p, n), R(p, n)]; return xs, F.pairwise_distance
    if name == "kl_div": xs = [R(p, n), mk([p, n], dt, "prob")]; return xs, lambda a, c: F.kl_div(a, c, reduction="batchmean")
    if name == "bce": xs = [mk([p, n], dt, "prob"), mk([p, n], dt, "prob")]; return xs, F.binary_cross_entropy
    if name == "bce_logits": xs = [R(p, n), mk([p, n], dt, "prob")]; return xs, F.binary_cross_entropy_with_logits
    if name == "einsum": xs = [R(p, n), R(n, m)]; return xs, lambda a, c: torch.einsum("ij,jk->ik", a, c)
    if name == "tensordot": xs = [R(p, n), R(n, m)]; return xs, lambda a, c: torch.tensordot(a, c, dims=1)
    if name == "trace_mm": xs = [R(n, n), R(n, n)]; return xs, lambda a, c: torch.trace(a @ c)
    if name == "chain_mm": xs = [R(p, n), R(n, m)]; return xs, lambda a, c: torch.tanh(a @ c) @ c.t()
    raise ValueError(name)

UNK = sorted(UN.keys()); BINK = sorted(BIN.keys())
for i in range(N):
    rng = random.Random(i)
    torch.manual_seed(i)
    if _B:
        print(" ; ".join(_B))
    _B.clear()
    emit(str(i) + ":")
    dt = rng.choice([torch.float32, torch.float64])
    kind = rng.random()
    try:
        if kind < 0.35:
            name = rng.choice(UNK); dom, f = UN[name]
            s = shp(rng)
            xs = [mk(s, dt, dom)]
        elif kind < 0.75:
            name = rng.choice(BINK); da, db, f = BIN[name]
            s = shp(rng)
            if rng.random() < 0.5: xs = [mk(s, dt, da), mk(bshape(rng, s), dt, db)]
            else: xs = [mk(bshape(rng, s), dt, da), mk(s, dt, db)]
        else:
            name = rng.choice(MAT)
            xs, f = mat_case(name, rng, dt)
        emit(name, str(dt), [list(x.shape) for x in xs])
        y = f(*xs)
        emit("y", desc(y.grad_fn, 1), bits(y))
        if rng.random() < 0.5:
            w = torch.randn(y.shape, dtype=dt)
            L = (y * w).sum()
            emit("w")
        else:
            L = y.sum()
        gs = torch.autograd.grad(L, xs, create_graph=True, allow_unused=True)
        tot = None
        for k in range(len(gs)):
            g = gs[k]
            if g is None:
                emit("g", k, None); continue
            emit("g", k, list(g.shape), g.requires_grad, desc(g.grad_fn, 2), bits(g))
            if g.requires_grad:
                v = torch.randn(g.shape, dtype=dt)
                t = (g * v).sum()
                tot = t if tot is None else tot + t
        if tot is None:
            emit("nograd")
            continue
        ggs = torch.autograd.grad(tot, xs, allow_unused=True)
        for k in range(len(ggs)):
            gg = ggs[k]
            emit("gg", k, None if gg is None else bits(gg))
    except Exception as e:
        emit("E", type(e).__name__, str(e).split("\n")[0][:200])
print(" ; ".join(_B))
_B.clear()

# Fixed cases after the random ones (keys 400 on): einsum/tensordot/inner composites over
# several equations, cdist for other p and batches, and ops the random list lacks (losses,
# pooling, normalizations, interpolate, grid_sample, pad modes, embedding, transposed conv).
def fixed_cases():
    R = lambda *s: mk(list(s), torch.float64, "r")
    yield "ein_bmm", [R(2, 3, 4), R(2, 5, 4)], lambda a, b: torch.einsum("bij,bkj->bki", a, b)
    yield "ein_mv", [R(2, 3), R(3)], lambda a, b: torch.einsum("ij,j->i", a, b)
    yield "ein_outer", [R(2), R(3)], lambda a, b: torch.einsum("i,j->ij", a, b)
    yield "ein_3op", [R(2, 3), R(3, 4), R(4, 2)], lambda a, b, c: torch.einsum("ij,jk,kl->il", a, b, c)
    yield "ein_diag", [R(3, 3)], lambda a: torch.einsum("ii->i", a)
    yield "ein_full", [R(2, 3), R(3, 4)], lambda a, b: torch.einsum("ij,jk->", a, b)
    yield "ein_swap", [R(2, 5, 3), R(4, 3)], lambda a, b: torch.einsum("acj,bj->bca", a, b)
    yield "td_2", [R(2, 3, 4), R(3, 4, 2)], lambda a, b: torch.tensordot(a, b, dims=2)
    yield "td_vec", [R(4), R(4)], lambda a, b: torch.tensordot(a, b, dims=1)
    yield "td_bcast", [R(2, 1), R(3, 2)], lambda a, b: torch.tensordot(a, b, dims=([1], [0]))
    yield "inner_3", [R(2, 3, 4), R(5, 4)], torch.inner
    yield "inner_vv", [R(4), R(4)], torch.inner
    for p in (0.5, 1.5, 3.0):
        yield "cdist_p%s" % p, [R(3, 4), R(2, 4)], lambda a, b, p=p: torch.cdist(a, b, p=p)
    yield "cdist_b3", [R(2, 3, 4), R(2, 2, 4)], lambda a, b: torch.cdist(a, b, p=3.0)
    yield "cdist_big1", [R(26, 3), R(27, 3)], torch.cdist
    yield "cross_entropy", [R(3, 4)], lambda x: F.cross_entropy(x, torch.tensor([0, 3, 1]))
    yield "nll_loss", [R(3, 4)], lambda x: F.nll_loss(F.log_softmax(x, -1), torch.tensor([2, 0, 1]))
    yield "gaussian_nll", [R(3, 2), R(3, 2)], lambda x, v: F.gaussian_nll_loss(x, torch.ones(3, 2, dtype=x.dtype), v.exp())
    yield "soft_margin", [R(3, 2)], lambda x: F.soft_margin_loss(x, torch.tensor([[1.0, -1.0]] * 3, dtype=x.dtype))
    yield "max_pool1d", [R(1, 2, 6)], lambda x: F.max_pool1d(x, 2)
    yield "avg_pool2d", [R(1, 1, 4, 4)], lambda x: F.avg_pool2d(x, 2)
    yield "adaptive_avg", [R(1, 2, 5)], lambda x: F.adaptive_avg_pool1d(x, 3)
    yield "layer_norm", [R(2, 4), R(4), R(4)], lambda x, w, b: F.layer_norm(x, [4], w, b)
    yield "group_norm", [R(2, 4, 3)], lambda x: F.group_norm(x, 2)
    yield "batch_norm", [R(4, 3)], lambda x: F.batch_norm(x, None, None, training=True)
    yield "interp_lin", [R(1, 2, 4)], lambda x: F.interpolate(x, scale_factor=2, mode="linear")
    yield "interp_bil", [R(1, 1, 3, 3)], lambda x: F.interpolate(x, size=(4, 5), mode="bilinear", align_corners=True)
    yield "grid_sample", [R(1, 1, 3, 3), mk([1, 2, 2, 2], torch.float64, "unit")], lambda x, g: F.grid_sample(x, g, align_corners=False)
    yield "pad_reflect", [R(1, 2, 4)], lambda x: F.pad(x, (2, 1), mode="reflect").pow(2)
    yield "pad_replicate", [R(1, 2, 4)], lambda x: F.pad(x, (1, 2), mode="replicate").pow(2)
    yield "embedding", [R(5, 3)], lambda w: F.embedding(torch.tensor([1, 3, 1]), w).pow(2)
    yield "conv_t1d", [R(1, 2, 4), R(2, 3, 3)], lambda x, w: F.conv_transpose1d(x, w, stride=2)
    yield "conv1d", [R(1, 2, 5), R(3, 2, 3)], lambda x, w: F.conv1d(x, w, padding=1)

for i, (name, xs, f) in enumerate(fixed_cases(), 400):
    torch.manual_seed(i)
    if _B:
        print(" ; ".join(_B))
    _B.clear()
    emit(str(i) + ":", name, [list(x.shape) for x in xs])
    try:
        y = f(*xs)
        emit("y", desc(y.grad_fn, 1), bits(y))
        w = torch.randn(y.shape, dtype=y.dtype)
        gs = torch.autograd.grad((y * w).sum(), xs, create_graph=True, allow_unused=True)
        tot = None
        for k, g in enumerate(gs):
            if g is None:
                emit("g", k, None); continue
            emit("g", k, list(g.shape), g.requires_grad, desc(g.grad_fn, 2), bits(g))
            if g.requires_grad:
                t = (g * torch.randn(g.shape, dtype=g.dtype)).sum()
                tot = t if tot is None else tot + t
        if tot is None:
            emit("nograd")
            continue
        for k, gg in enumerate(torch.autograd.grad(tot, xs, allow_unused=True)):
            emit("gg", k, None if gg is None else bits(gg))
    except Exception as e:
        emit("E", type(e).__name__, str(e).split("\n")[0][:200])
print(" ; ".join(_B))
