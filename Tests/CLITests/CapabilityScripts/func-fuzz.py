# func-fuzz: torch.func (vmap with in_dims/out_dims/chunk_size/randomness, nested vmap, grad,
# grad_and_value, vjp, jvp, jacrev, jacfwd, hessian, functional_call, stack_module_state) and
# torch.autograd.functional, in random cases; the per-sample-gradient and model-ensembling
# tutorials. Every line starts with its case number (the key of NAME.CAP.known).
import torch, random
import torch.nn as nn
import torch.nn.functional as F
from torch.func import vmap, grad, grad_and_value, vjp, jvp, jacrev, jacfwd, hessian, functional_call, stack_module_state
import torch.autograd.functional as AF

N = 320
_P = [""]


def emit(*parts):
    print(_P[0] + " ".join(str(p) for p in parts))

def show(x, tag="r"):
    if isinstance(x, torch.Tensor):
        gf = type(x.grad_fn).__name__ if x.grad_fn is not None else None
        v = x.detach()
        if v.numel() > 48 and v.dtype in (torch.float32, torch.float64):
            # Large tensors: the first values and a checksum of every element's bits.
            bits = v.contiguous().view(torch.int32 if v.dtype == torch.float32 else torch.int64).reshape(-1).long()
            weights = torch.arange(bits.numel()) % 997 + 1
            vals = [v.reshape(-1)[:4].double().tolist(), int(((bits % 1000003) * weights).sum())]
        elif v.dtype.is_floating_point:
            vals = v.double().tolist()
        else:
            vals = v.tolist()
        emit(tag, str(x.dtype), list(x.shape), x.requires_grad, gf, repr(vals))
    elif isinstance(x, (tuple, list)):
        emit(tag, type(x).__name__, len(x))
        for k in range(len(x)):
            show(x[k], tag + "." + str(k))
    elif isinstance(x, dict):
        emit(tag, "dict", sorted(x.keys()))
        for k in sorted(x.keys()):
            show(x[k], tag + "." + k)
    else:
        emit(tag, type(x).__name__, repr(x))

def err(e):
    emit("E", type(e).__name__, str(e).split("\n")[0][:300])

def R(rng, shape, scale=1.0):
    return torch.randn(shape) * scale

# per-sample logical ops: (name, builder(rng) -> (fn, logical arg shapes, extra unbatched tensors))
def pick_op(rng):
    n = rng.choice([1, 3, 5, 8, 17, 33, 64])
    m = rng.choice([1, 2, 4, 7, 16, 31])
    p = rng.choice([1, 2, 3, 6])
    name = rng.choice(["mv", "vecmat", "mm", "mm_both", "dot", "dot_both", "linear1", "linear2", "linear_nobias",
                       "sum", "sum0", "mean", "norm", "softmax", "logsm", "elem", "elem2", "conv1d", "conv2d", "bmm",
                       "outer", "matmul3", "einsum", "cumsum", "var", "logsumexp", "index", "transpose", "reshape",
                       "mlp", "mse", "ce", "addmm", "amax", "prod", "max_dim", "cat", "stack", "clamp", "where",
                       "matmul_vv", "matmul_mv", "layer_norm", "tanh_sum", "relu_mm", "baddbmm", "std"])
    W = torch.randn(n, m); Wt = torch.randn(m, n); b = torch.randn(m)
    if name == "mv": return name, (lambda x: torch.mv(Wt, x)), [(n,)]
    if name == "vecmat": return name, (lambda x: x @ W), [(n,)]
    if name == "mm": return name, (lambda x: torch.mm(x, W)), [(p, n)]
    if name == "mm_both": return name, (lambda x, y: x @ y), [(p, n), (n, m)]
    if name == "dot": return name, (lambda x: torch.dot(x, W[:, 0].contiguous())), [(n,)]
    if name == "dot_both": return name, (lambda x, y: torch.dot(x, y)), [(n,), (n,)]
    if name == "linear1": return name, (lambda x: F.linear(x, Wt, b)), [(n,)]
    if name == "linear2": return name, (lambda x: F.linear(x, Wt, b)), [(p, n)]
    if name == "linear_nobias": return name, (lambda x: F.linear(x, Wt)), [(n,)]
    if name == "sum": return name, (lambda x: x.sum()), [(p, n)]
    if name == "sum0": return name, (lambda x: x.sum(0)), [(n, m)]
    if name == "mean": return name, (lambda x: x.mean(-1)), [(p, n)]
    if name == "norm": return name, (lambda x: x.norm()), [(n,)]
    if name == "softmax": return name, (lambda x: x.softmax(-1)), [(p, n)]
    if name == "logsm": return name, (lambda x: F.log_softmax(x, 0)), [(n,)]
    if name == "elem": return name, (lambda x: x.sin() * 2 + x.exp() / 3), [(p, n)]
    if name == "elem2": return name, (lambda x, y: torch.atan2(x, y) - x * y), [(n,), (n,)]
    if name == "conv1d":
        w = torch.randn(m, 3, 3)
        return name, (lambda x: F.conv1d(x, w, padding=1)), [(3, n + 2)]
    if name == "conv2d":
        w = torch.randn(m, 2, 3, 3)
        return name, (lambda x: F.conv2d(x, w)), [(2, 5, 4 + p)]
    if name == "bmm": return name, (lambda x, y: torch.bmm(x, y)), [(2, p, n), (2, n, m)]
    if name == "outer": return name, (lambda x, y: torch.outer(x, y)), [(n,), (m,)]
    if name == "matmul3": return name, (lambda x: torch.matmul(x, W)), [(2, p, n)]
    if name == "einsum": return name, (lambda x: torch.einsum("i,ij->j", x, W)), [(n,)]
    if name == "cumsum": return name, (lambda x: x.cumsum(0)), [(n,)]
    if name == "var": return name, (lambda x: x.var()), [(n + 1,)]
    if name == "std": return name, (lambda x: x.std(0)), [(n + 1, m)]
    if name == "logsumexp": return name, (lambda x: x.logsumexp(-1)), [(p, n)]
    if name == "index": return name, (lambda x: x[0] + x[:, -1].sum()), [(p, n)]
    if name == "transpose": return name, (lambda x: x.t() * 1.5), [(p, n)]
    if name == "reshape": return name, (lambda x: x.reshape(-1)), [(p, n)]
    if name == "mlp":
        W2 = torch.randn(3, m)
        return name, (lambda x: torch.tanh(x @ W) @ W2.t()), [(n,)]
    if name == "mse": return name, (lambda x, y: F.mse_loss(x, y)), [(n,), (n,)]
    if name == "ce":
        return name, (lambda x: F.cross_entropy(x.unsqueeze(0), torch.tensor([0]))), [(m,)]
    if name == "addmm": return name, (lambda x: torch.addmm(b, x, W)), [(p, n)]
    if name == "amax": return name, (lambda x: x.amax(-1)), [(p, n)]
    if name == "prod": return name, (lambda x: x.prod()), [(n,)]
    if name == "max_dim": return name, (lambda x: x.max(-1)), [(p, n)]
    if name == "cat": return name, (lambda x, y: torch.cat([x, y], 0)), [(n,), (m,)]
    if name == "stack": return name, (lambda x, y: torch.stack([x, y], -1)), [(n,), (n,)]
    if name == "clamp": return name, (lambda x: x.clamp(-0.5, 0.5)), [(n,)]
    if name == "where": return name, (lambda x, y: torch.where(x > 0, x, y)), [(n,), (n,)]
    if name == "matmul_vv": return name, (lambda x, y: torch.matmul(x, y)), [(n,), (n,)]
    if name == "matmul_mv": return name, (lambda x, y: torch.matmul(x, y)), [(p, n), (n,)]
    if name == "layer_norm": return name, (lambda x: F.layer_norm(x, (n,))), [(p, n)]
    if name == "tanh_sum": return name, (lambda x: torch.tanh(x).sum(-1)), [(p, n)]
    if name == "relu_mm": return name, (lambda x, y: F.relu(x @ y)), [(n,), (n, m)]
    if name == "baddbmm":
        c = torch.randn(2, p, m)
        return name, (lambda x, y: torch.baddbmm(c, x, y)), [(2, p, n), (2, n, m)]
    raise Exception(name)

def batched(rng, shape, B, d):
    # a tensor with logical shape `shape` and batch dim of size B at position d
    full = list(shape)
    full.insert(d, B)
    return torch.randn(full)

def case_vmap(i, rng):
    name, fn, shapes = pick_op(rng)
    B = rng.choice([1, 2, 3, 4, 8])
    dims = []
    args = []
    for s in shapes:
        if len(shapes) > 1 and rng.random() < 0.25:
            dims.append(None); args.append(torch.randn(s))
        else:
            d = rng.randrange(len(s) + 1) if rng.random() < 0.4 else 0
            dims.append(d); args.append(batched(rng, s, B, d))
    if all(d is None for d in dims):
        dims[0] = 0; args[0] = batched(rng, shapes[0], B, 0)
    od = rng.choice([0, 0, 0, 1, -1])
    cs = rng.choice([None, None, None, 1, 2, 3])
    emit("#", name, dims, od, cs, B)
    in_dims = tuple(dims) if (len(dims) > 1 or rng.random() < 0.5) else dims[0]
    try:
        r = vmap(fn, in_dims=in_dims, out_dims=od, chunk_size=cs)(*args)
        show(r)
    except Exception as e:
        err(e)
    # the loop computation for comparison
    try:
        per = []
        for k in range(B):
            per.append(fn(*[a if d is None else a.select(d, k) for a, d in zip(args, dims)]))
        if isinstance(per[0], torch.Tensor):
            show(torch.stack(per, od), "L")
    except Exception as e:
        err(e)

def case_vmap_grad(i, rng):
    # vmap over requires_grad inputs, then backward
    name, fn, shapes = pick_op(rng)
    B = rng.choice([1, 2, 3, 5])
    args = [torch.randn((B,) + tuple(s), requires_grad=True) for s in shapes]
    emit("#", name, B)
    try:
        r = vmap(fn)(*args)
        show(r)
        out = r[0] if isinstance(r, tuple) else r
        out.sum().backward()
        for a in args:
            show(a.grad, "g")
    except Exception as e:
        err(e)

def case_nested(i, rng):
    name, fn, shapes = pick_op(rng)
    B1 = rng.choice([1, 2, 3]); B2 = rng.choice([1, 2, 4])
    args = [torch.randn((B1, B2) + tuple(s)) for s in shapes]
    emit("#", name, B1, B2)
    try:
        inner_d = rng.choice([0, 1])
        if inner_d == 1:
            args = [a.transpose(0, 1).contiguous() for a in args]
            r = vmap(vmap(fn), in_dims=1)(*args)
        else:
            r = vmap(vmap(fn))(*args)
        show(r)
    except Exception as e:
        err(e)

def case_vmap_misc(i, rng):
    k = rng.randrange(16)
    B = rng.choice([2, 3])
    x = torch.randn(B, 4); y = torch.randn(B, 4)
    emit("#", k)
    try:
        if k == 0: r = vmap(lambda a, b: (a + b, a * b))(x, y)
        elif k == 1: r = vmap(lambda a, b: (a + b, a * b), out_dims=(0, 1))(x, y.t().contiguous().t())
        elif k == 2: r = vmap(lambda a, scale=1.0: a * scale)(x, scale=3.0)
        elif k == 3: r = vmap(lambda a, b: a @ b, in_dims=(0, None))(x, torch.randn(4, 3))
        elif k == 4: r = vmap(lambda a: a.sum(), in_dims=1)(x)
        elif k == 5: r = vmap(lambda a, b: a + b)(x, torch.randn(B + 1, 4))
        elif k == 6: r = vmap(lambda a: a, in_dims=2)(x)
        elif k == 7: r = vmap(lambda a, b: a + b, in_dims=(0,))(x, y)
        elif k == 8: r = vmap(lambda a: 3)(x)
        elif k == 9: r = vmap(lambda a: a, in_dims=None)(x)
        elif k == 10: r = vmap(lambda d: d["a"] * d["b"])({"a": x, "b": y})
        elif k == 11: r = vmap(lambda l: l[0] - l[1])([x, y])
        elif k == 12: r = vmap(lambda a: {"s": a.sum(), "m": a.max()})(x)
        elif k == 13: r = vmap(lambda a: a.item())(x)
        elif k == 14: r = vmap(lambda a, n: a * n, in_dims=(0, None))(x, 2)
        elif k == 15: r = vmap(lambda a: a, out_dims=3)(x)
        show(r)
    except Exception as e:
        err(e)

def case_random(i, rng):
    mode = rng.choice(["error", "same", "different"])
    k = rng.randrange(6)
    B = rng.choice([1, 2, 3, 4])
    n = rng.choice([3, 8, 16, 20])
    x = torch.randn(B, n)
    emit("#", mode, k, B, n)
    try:
        if k == 0: f = lambda a: a + torch.rand(a.shape)
        elif k == 1: f = lambda a: a + torch.randn_like(a)
        elif k == 2: f = lambda a: F.dropout(a, 0.5, training=True)
        elif k == 3: f = lambda a: torch.bernoulli(torch.sigmoid(a))
        elif k == 4: f = lambda a: a * torch.rand(())
        else: f = lambda a: a + torch.randn(n)
        r = vmap(f, randomness=mode)(x)
        show(r)
        show(torch.rand(2), "after")
    except Exception as e:
        err(e)

def mkf(rng):
    k = rng.randrange(8)
    if k == 0: return k, (lambda x, y: (x.sin() * y).sum())
    if k == 1: return k, (lambda x, y: (x @ y).pow(2).sum())
    if k == 2: return k, (lambda x, y: torch.tanh(x * y).mean())
    if k == 3: return k, (lambda x, y: (x.exp() - y).norm())
    if k == 4: return k, (lambda x, y: F.mse_loss(x, y))
    if k == 5: return k, (lambda x, y: x.sum() * y.sum())
    if k == 6: return k, (lambda x, y: (x * x * y).sum())
    return k, (lambda x, y: torch.logsumexp(x + y, 0))

def case_grad(i, rng):
    k, f = mkf(rng)
    n = rng.choice([1, 3, 6])
    x = torch.randn(n); y = torch.randn(n) if k != 1 else torch.randn(n)
    if k == 1: x = torch.randn(3, n); y = torch.randn(n, 3)
    an = rng.choice([0, 1, (0, 1), (1,), -1, 2])
    aux = rng.random() < 0.3
    emit("#", k, an, aux)
    try:
        g = f
        if aux: g = lambda a, b: (f(a, b), a * 2)
        show(grad(g, argnums=an, has_aux=aux)(x, y))
        show(grad_and_value(g, argnums=an, has_aux=aux)(x, y), "gv")
        show(grad(grad(lambda a: f(a, y).sin()))(torch.tensor(0.7)) if k in (0, 2, 6) and n == 1 else None, "gg")
    except Exception as e:
        err(e)

def case_grad_err(i, rng):
    k = rng.randrange(8)
    x = torch.randn(3)
    emit("#", k)
    try:
        if k == 0: r = grad(lambda a: a * 2)(x)
        elif k == 1: r = grad(lambda a: 3.0)(x)
        elif k == 2: r = grad(lambda a: a.sum(), argnums=1)(x)
        elif k == 3: r = grad(lambda a: a.sum(), argnums=1.5)(x)
        elif k == 4: r = grad(lambda a: a.sum(), has_aux=True)(x)
        elif k == 5: r = grad(lambda a: (a.sum(), 1, 2), has_aux=True)(x)
        elif k == 6: r = grad(lambda a: a.sum())(torch.arange(3))
        else: r = grad(lambda a, b: (a * b).sum(), argnums=())(x, x)
        show(r)
    except Exception as e:
        err(e)

def case_vjp_jvp(i, rng):
    k, f = mkf(rng)
    n = rng.choice([1, 4])
    x = torch.randn(n); y = torch.randn(n)
    if k == 1: x = torch.randn(3, n); y = torch.randn(n, 3)
    which = rng.randrange(6)
    emit("#", k, which)
    try:
        if which == 0:
            out, fn = vjp(f, x, y)
            show(out); show(fn(torch.tensor(1.3)), "v")
        elif which == 1:
            out, fn = vjp(lambda a: (a.sin() * 3, a.cos()), x)
            show(out); show(fn((torch.ones(n), torch.randn(n))), "v")
        elif which == 2:
            show(jvp(f, (x, y), (torch.randn(x.shape), torch.randn(y.shape))))
        elif which == 3:
            show(jvp(lambda a: a.sin() * a, (x,), (torch.ones(n),)))
        elif which == 4:
            show(jvp(lambda a: a, x, x))
        else:
            out, fn, aux = vjp(lambda a: (a.exp(), a + 1), x, has_aux=True)
            show(out); show(aux, "aux"); show(fn(torch.ones(n)), "v")
    except Exception as e:
        err(e)

def case_jac(i, rng):
    which = rng.randrange(7)
    n = rng.choice([1, 2, 4])
    x = torch.randn(n); y = torch.randn(n)
    W = torch.randn(3, n)
    emit("#", which, n)
    try:
        if which == 0: show(jacrev(lambda a: torch.tanh(W @ a))(x))
        elif which == 1: show(jacfwd(lambda a: torch.tanh(W @ a))(x))
        elif which == 2: show(jacrev(lambda a, b: a.sin() * b, argnums=(0, 1))(x, y))
        elif which == 3: show(jacfwd(lambda a, b: (a * b, a.exp()), argnums=1)(x, y))
        elif which == 4: show(hessian(lambda a: (a.sin() * a).sum())(x))
        elif which == 5: show(hessian(lambda a, b: (a * a * b).sum(), argnums=(0, 1))(x, y))
        else: show(jacrev(jacrev(lambda a: (a ** 3).sum()))(x))
    except Exception as e:
        err(e)

def case_af(i, rng):
    which = rng.randrange(8)
    n = rng.choice([1, 3])
    x = torch.randn(n); y = torch.randn(n)
    cg = rng.random() < 0.3
    st = rng.random() < 0.3
    vec = rng.random() < 0.3
    strat = rng.choice(["reverse-mode", "forward-mode"])
    emit("#", which, n, cg, st, vec, strat)
    f1 = lambda a: a.exp() * a.sum()
    f2 = lambda a, b: (a * b.sin(), a + 1)
    s1 = lambda a: (a.sin() * a).sum()
    s2 = lambda a, b: (a * a * b).sum()
    try:
        if which == 0: show(AF.jacobian(f1, x, create_graph=cg, strict=st, vectorize=vec, strategy=strat))
        elif which == 1: show(AF.jacobian(f2, (x, y), create_graph=cg, strict=st, vectorize=vec, strategy=strat))
        elif which == 2: show(AF.hessian(s1, x, create_graph=cg, strict=st, vectorize=vec, outer_jacobian_strategy=strat))
        elif which == 3: show(AF.hessian(s2, (x, y), create_graph=cg, strict=st, vectorize=vec))
        elif which == 4: show(AF.vjp(f1, x, torch.ones(n), create_graph=cg, strict=st))
        elif which == 5: show(AF.jvp(f2, (x, y), (torch.ones(n), torch.randn(n)), create_graph=cg, strict=st))
        elif which == 6: show(AF.hvp(s2, (x, y), (torch.ones(n), torch.randn(n)), create_graph=cg, strict=st))
        else: show(AF.vhp(s1, x, torch.randn(n), create_graph=cg, strict=st))
    except Exception as e:
        err(e)

class MLP(nn.Module):
    def __init__(self, n, h, o):
        super().__init__()
        self.fc1 = nn.Linear(n, h)
        self.fc2 = nn.Linear(h, o)
    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3)
        self.fc = nn.Linear(4 * 4 * 4, 5)
    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.max_pool2d(x, 1)
        return self.fc(x.flatten(1))

def case_persample(i, rng):
    use_cnn = rng.random() < 0.4
    B = rng.choice([1, 2, 4, 8])
    if use_cnn:
        model = CNN(); data = torch.randn(B, 1, 6, 6); targets = torch.randint(0, 5, (B,))
    else:
        n = rng.choice([3, 10, 32]); h = rng.choice([4, 16, 50])
        model = MLP(n, h, 5); data = torch.randn(B, n); targets = torch.randint(0, 5, (B,))
    emit("#", use_cnn, B)
    params = {k: v.detach() for k, v in model.named_parameters()}
    buffers = {k: v.detach() for k, v in model.named_buffers()}
    def compute_loss(params, buffers, sample, target):
        batch = sample.unsqueeze(0)
        targets = target.unsqueeze(0)
        predictions = functional_call(model, (params, buffers), (batch,))
        return F.cross_entropy(predictions, targets)
    try:
        ft = vmap(grad(compute_loss), in_dims=(None, None, 0, 0))
        show(ft(params, buffers, data, targets), "psg")
        # the loop reference as the tutorial does
        for k in sorted(params.keys()):
            pass
    except Exception as e:
        err(e)

def case_ensemble(i, rng):
    M = rng.choice([2, 3, 5])
    n = rng.choice([4, 16]); B = rng.choice([1, 3, 8])
    models = [MLP(n, 8, 3) for _ in range(M)]
    emit("#", M, n, B)
    try:
        params, buffers = stack_module_state(models)
        show(params, "p")
        base = MLP(n, 8, 3)
        def fmodel(params, buffers, x):
            return functional_call(base, (params, buffers), (x,))
        mini = torch.randn(M, B, n)
        show(vmap(fmodel)(params, buffers, mini), "e1")
        same = torch.randn(B, n)
        show(vmap(fmodel, in_dims=(0, 0, None))(params, buffers, same), "e2")
    except Exception as e:
        err(e)

def case_fcall(i, rng):
    k = rng.randrange(5)
    m = nn.Linear(3, 2)
    bn = nn.BatchNorm1d(2)
    x = torch.randn(4, 3)
    emit("#", k)
    try:
        if k == 0: show(functional_call(m, {"weight": torch.ones(2, 3)}, (x,)))
        elif k == 1: show(functional_call(m, {"weight": torch.ones(2, 3), "bias": torch.zeros(2)}, x))
        elif k == 2: show(functional_call(m, ({"weight": torch.ones(2, 3)}, {"weight": torch.ones(2, 3)}), (x,)))
        elif k == 3: show(functional_call(m, {"weight": torch.ones(2, 3)}, (x,), strict=True))
        else:
            seq = nn.Sequential(m, bn)
            show(functional_call(seq, {"1.running_mean": torch.ones(2)}, (x,)))
            show(bn.running_mean, "rm")
    except Exception as e:
        err(e)

KINDS = [case_vmap, case_vmap, case_vmap, case_vmap, case_vmap_grad, case_nested, case_vmap_misc, case_random,
         case_grad, case_grad_err, case_vjp_jvp, case_jac, case_af, case_persample, case_ensemble, case_fcall]
for i in range(N):
    rng = random.Random(i)
    torch.manual_seed(i)
    kind = KINDS[i % len(KINDS)]
    _P[0] = str(i) + ":"
    emit("@", kind.__name__)
    try:
        kind(i, rng)
    except Exception as e:
        err(e)
