# func-vmap-rules: the batching rules vmap runs natively, in random cases against PyTorch:
# nll_loss/cross_entropy (reductions, ignore_index, batched and shared targets, 1-d input,
# label smoothing) as torch._decomp's decomposition, einsum with a batch label, var/std
# over every dim, nested vmap folded into one batch, per-sample gradients through a
# strided, padded convolution and through einsum. Each line: case, op, shape, grad_fn, the
# first bits and their sum.
import torch, random
import torch.nn.functional as F
from torch.func import vmap, grad
def show(tag, r):
    if isinstance(r, tuple):
        for k, t in enumerate(r): show(tag + "." + str(k), t)
        return
    gf = type(r.grad_fn).__name__ if r.grad_fn is not None else None
    v = r.detach()
    vals = v.reshape(-1).view(torch.int32).tolist() if v.dtype == torch.float32 else v.tolist()
    print(tag, list(r.shape), gf, vals[:12], sum(vals))
def run(tag, f):
    try: show(tag, f())
    except Exception as e: print(tag, "E", type(e).__name__, str(e).split("\n")[0][:120])
for i in range(150):
    rng = random.Random(i); torch.manual_seed(i)
    B = rng.choice([1, 2, 3, 5]); C = rng.choice([2, 4, 7]); N = rng.choice([1, 3])
    x = torch.randn(B, N, C, requires_grad=rng.random() < 0.5)
    t = torch.randint(C, (B, N)); t[0, 0] = -100 if rng.random() < 0.3 else t[0, 0]
    red = rng.choice(["mean", "sum", "none"])
    k = rng.randrange(12)
    if k == 0: run(f"{i} nll", lambda: vmap(lambda a, b: F.nll_loss(F.log_softmax(a, 1), b, reduction=red))(x, t))
    elif k == 1: run(f"{i} ce", lambda: vmap(lambda a, b: F.cross_entropy(a, b, reduction=red))(x, t))
    elif k == 2: run(f"{i} ce_unb", lambda: vmap(lambda a: F.cross_entropy(a, t[0], reduction=red))(x))
    elif k == 3: run(f"{i} ce1d", lambda: vmap(lambda a, b: F.cross_entropy(a[0], b[0]))(x, t.clamp(min=0)))
    elif k == 4: run(f"{i} ce_ls", lambda: vmap(lambda a, b: F.cross_entropy(a, b, label_smoothing=0.1))(x, t.clamp(min=0)))
    elif k == 5:
        W = torch.randn(C, 4)
        eq = rng.choice(["nc,cd->nd", "nc,cd->dn", "nc->cn", "nc,nc->n", "nc,cd->", "nc,cd->d"])
        run(f"{i} ein {eq}", lambda: vmap(lambda a: torch.einsum(eq, a, W) if eq.count(",") and "cd" in eq else (torch.einsum(eq, a, a) if "," in eq else torch.einsum(eq, a)))(x))
    elif k == 6: run(f"{i} var", lambda: vmap(lambda a: (a.var(), a.std(unbiased=False), torch.var(a, correction=0), a.var(False)))(x))
    elif k == 7:
        y = torch.randn(B, 2, N, C)
        run(f"{i} nested", lambda: vmap(vmap(lambda a: (a * 2).sum() + a.var()))(y))
    elif k == 8:
        y = torch.randn(B, 3, N, C); W = torch.randn(C, 5)
        run(f"{i} nested_mm", lambda: vmap(vmap(lambda a: a @ W))(y))
    elif k == 9:
        y = torch.randn(B, 3, C); z = torch.randn(B, 3, C)
        run(f"{i} nested_dot", lambda: vmap(vmap(torch.dot))(y, z))
    elif k == 10:
        w = torch.randn(3, 2, 3, 3); xx = torch.randn(B, 1, 2, 7, 7)
        run(f"{i} psgconv", lambda: vmap(grad(lambda w, s: F.conv2d(s, w, stride=2, padding=1).tanh().sum()), in_dims=(None, 0))(w, xx))
    else:
        W = torch.randn(C, 4)
        run(f"{i} psgein", lambda: vmap(grad(lambda w, s: torch.einsum("nc,cd->nd", s, w).sin().sum()), in_dims=(None, 0))(W, x.detach()))
