# matmul-strided: torch.matmul (N-D @ 2-D, 2-D @ N-D, vectors, broadcast batches), bmm and
# baddbmm of random strided views (permuted, sliced, size-1 dimensions added by unsqueeze, as
# movedim/vmap give) in float32/float64, forward and gradients, and vmap / nested vmap with
# in_dims=1 over matrix products. Checks ATen's fold decision (should_fold), and
# bmm_out_or_baddbmm_'s choice between its loop, MKL's batched gemm and one addmm_impl_cpu_
# per matrix. Every line starts with its case number (the key of NAME.CAP.known).
import torch, random
from torch.func import vmap
N = 600
_P = [""]

def dig(t):
    v = t.detach()
    if v.dtype in (torch.float32, torch.float64):
        b = v.contiguous().view(torch.int32 if v.dtype == torch.float32 else torch.int64).reshape(-1).long()
        w = torch.arange(b.numel()) % 997 + 1
        return [list(v.shape), str(v.dtype), v.reshape(-1)[:3].double().tolist(), int(((b % 1000003) * w).sum())]
    return [list(v.shape), str(v.dtype), v.tolist()]

def show(tag, t):
    gf = type(t.grad_fn).__name__ if t.grad_fn is not None else None
    print(_P[0] + tag, gf, dig(t))

def view_of(rng, shape, dt, rg):
    # a tensor of logical `shape` laid out as a random view
    shape = list(shape)
    k = len(shape)
    # drop some size-1 dims to re-add by unsqueeze
    ones = [i for i in range(k) if shape[i] == 1 and rng.random() < 0.6]
    core = [s for i, s in enumerate(shape) if i not in ones]
    perm = list(range(len(core))); rng.shuffle(perm)
    step_dim = rng.randrange(len(core)) if core and rng.random() < 0.3 else -1
    bshape = [core[p] * (2 if p == step_dim else 1) for p in perm]
    base = torch.randn(bshape, dtype=dt)
    inv = [perm.index(i) for i in range(len(core))]
    t = base.permute(inv) if core else base
    if step_dim >= 0:
        idx = [slice(None)] * len(core); idx[step_dim] = slice(None, None, 2); t = t[tuple(idx)]
    for i in sorted(ones):
        t = t.unsqueeze(i)
    # expand a size-1 dim sometimes (not for leaves needing grad)
    if rg:
        t = t.detach().requires_grad_(True) if t.is_leaf else t
        leaf = base.requires_grad_(True)
        t = leaf.permute(inv) if core else leaf
        if step_dim >= 0: t = t[tuple(idx)]
        for i in sorted(ones): t = t.unsqueeze(i)
        return t, leaf
    return t, None

def run(i):
    rng = random.Random(i); torch.manual_seed(i)
    dt = rng.choice([torch.float32, torch.float32, torch.float64])
    kind = rng.choice(["nd@2", "2@nd", "nd@1", "1@nd", "nd@nd", "bmm", "baddbmm", "vmap1", "vmapvmap"])
    sz = lambda: rng.choice([1, 1, 2, 3, 4, 5, 7, 8, 16, 17, 33])
    n, k, m = sz(), sz(), sz()
    rg1 = rng.random() < 0.4; rg2 = rng.random() < 0.4
    _P[0] = str(i) + ":"
    print(_P[0] + "@", kind, dt, n, k, m, rg1, rg2)
    leaves = []
    try:
        if kind in ("nd@2", "2@nd", "nd@1", "1@nd", "nd@nd"):
            batch = [sz() for _ in range(rng.choice([1, 1, 2]))]
            if kind == "nd@2": sa, sb = batch + [n, k], [k, m]
            elif kind == "2@nd": sa, sb = [n, k], batch + [k, m]
            elif kind == "nd@1": sa, sb = batch + [n, k], [k]
            elif kind == "1@nd": sa, sb = [k], batch + [k, m]
            else:
                b2 = [rng.choice([1, s]) for s in batch] if rng.random() < 0.5 else list(batch)
                if rng.random() < 0.5: sa, sb = batch + [n, k], b2 + [k, m]
                else: sa, sb = b2 + [n, k], batch + [k, m]
            a, la = view_of(rng, sa, dt, rg1); b, lb = view_of(rng, sb, dt, rg2)
            print(_P[0] + "strides", a.stride(), b.stride())
            r = torch.matmul(a, b)
        elif kind in ("bmm", "baddbmm"):
            B = sz()
            a, la = view_of(rng, [B, n, k], dt, rg1); b, lb = view_of(rng, [B, k, m], dt, rg2)
            print(_P[0] + "strides", a.stride(), b.stride())
            if kind == "bmm": r = torch.bmm(a, b)
            else:
                c, _ = view_of(rng, rng.choice([[B, n, m], [n, m], [m], [1, n, 1]]), dt, False)
                beta = rng.choice([1, 0, 0.5]); alpha = rng.choice([1, 1.5, -2])
                r = torch.baddbmm(c, a, b, beta=beta, alpha=alpha)
        elif kind == "vmap1":
            B = sz()
            x = torch.randn(n, B, k, dtype=dt)
            W = torch.randn(k, m, dtype=dt)
            op = rng.choice(["mm", "matmul", "linear", "mv"])
            if op == "mm": r = vmap(lambda t: torch.mm(t, W), in_dims=1)(x)
            elif op == "matmul": r = vmap(lambda t: t @ W, in_dims=1)(x)
            elif op == "linear": r = vmap(lambda t: torch.nn.functional.linear(t, W.t()), in_dims=1)(x)
            else: r = vmap(lambda t: torch.mv(t, W[:, 0].contiguous()), in_dims=1)(x)
            la = lb = None
        else:
            B1 = rng.choice([1, 2, 3]); B2 = rng.choice([1, 2, 4])
            p = rng.choice([1, 2, 3, 6])
            x = torch.randn(B2, B1, p, k, dtype=dt)
            W = torch.randn(k, m, dtype=dt)
            d = rng.choice([0, 1])
            if d == 1: r = vmap(vmap(lambda t: torch.mm(t, W)), in_dims=1)(x)
            else: r = vmap(vmap(lambda t: t @ W), in_dims=(1,))(x.transpose(0, 1))
            la = lb = None
        show("r", r)
        if la is not None or lb is not None:
            g = torch.randn(r.shape, dtype=dt)
            r.backward(g)
            if la is not None: show("ga", la.grad)
            if lb is not None: show("gb", lb.grad)
    except Exception as e:
        print(_P[0] + "E", type(e).__name__, str(e).split("\n")[0][:200])

for i in range(N):
    run(i)
