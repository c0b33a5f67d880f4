# The other names added with torch.stft (docs/torch-surface.md), differential fuzz:
# torch.frobenius_norm / nuclear_norm / norm_except_dim (values, grad_fn names, gradients),
# svd_lowrank / pca_lowrank (PyTorch's randn draws given the seed, and the generator state
# after), asarray (aliasing, copies, requires_grad), empty_permuted (strides, errors), eager
# cond / while_loop, and histogramdd (int, list and tensor bins, range, weight, density; the
# per-thread counts of ATen's kernel). Each line: a case key, the outputs' dtypes, shapes,
# strides and grad_fn names, and a bit digest (or PyTorch's error text).
import random
import warnings
import torch
from _cases import digest

warnings.simplefilter("ignore")


def flat(t):
    if t.is_complex():
        t = torch.view_as_real(t.resolve_conj())
    if t.dtype not in (torch.float32, torch.float64):
        t = t.to(torch.float64)
    return t


def meta(t):
    return "%s%s%s%s" % (str(t.dtype)[6:], list(t.shape), list(t.stride()), "" if t.grad_fn is None else "<" + t.grad_fn.name() + ">")


def case_norms(rng):
    dt = rng.choice([torch.float32, torch.float64])
    nd = rng.randint(1, 3)
    shape = [rng.randint(1, 5) for _ in range(nd)]
    x = torch.randn(shape, dtype=dt)
    req = rng.random() < 0.4
    if req:
        x.requires_grad_(True)
    which = rng.choice(["fro", "nuc", "ned"])
    if which == "fro":
        k = rng.randint(0, min(3, nd))
        dims = rng.sample(list(range(-nd, nd)), k)
        kd = rng.random() < 0.5
        out = torch.frobenius_norm(x, dims, kd) if rng.random() < 0.5 else torch.frobenius_norm(x, dim=dims, keepdim=kd)
    elif which == "nuc":
        kd = rng.random() < 0.5
        if rng.random() < 0.5:
            out = torch.nuclear_norm(x, keepdim=kd)
        else:
            dims = rng.sample(list(range(-nd, nd)), rng.randint(1, min(2, nd)))
            out = torch.nuclear_norm(x, dims, kd)
    else:
        p = rng.choice([1, 2, 3])
        d = rng.randint(-1, nd - 1)
        out = torch.norm_except_dim(x, p, d)
    res = [out]
    if req:
        (out * out).sum().backward()
        res.append(x.grad)
    return res


def case_lowrank(rng):
    dt = rng.choice([torch.float32, torch.float64])
    m = rng.randint(1, 9)
    n = rng.randint(1, 9)
    batch = rng.choice([[], [], [2]])
    A = torch.randn(batch + [m, n], dtype=dt)
    torch.manual_seed(rng.randint(0, 1000))
    if rng.random() < 0.5:
        q = rng.randint(1, min(m, n))
        niter = rng.choice([None, 0, 1, 2, 3])
        out = torch.svd_lowrank(A, q=q, niter=niter)
    else:
        q = rng.choice([None, rng.randint(0, min(m, n) + 1)])
        center = rng.random() < 0.7
        out = torch.pca_lowrank(A, q=q, center=center)
    return list(out) + [torch.rand(2)]


def case_asarray(rng):
    kind = rng.choice(["plain", "leafrg", "nonleaf", "list", "ilist", "scalar"])
    if kind == "plain":
        src = torch.randn(3)
    elif kind == "leafrg":
        src = torch.randn(3, requires_grad=True)
    elif kind == "nonleaf":
        src = torch.randn(3, requires_grad=True) * 2
    elif kind == "list":
        src = [rng.random() for _ in range(rng.randint(0, 4))]
    elif kind == "ilist":
        src = [[rng.randint(-5, 5) for _ in range(2)] for _ in range(2)]
    else:
        src = rng.choice([3, 2.5, True])
    kw = {}
    if rng.random() < 0.5:
        kw["dtype"] = rng.choice([torch.float32, torch.float64, torch.int64])
    if rng.random() < 0.5:
        kw["copy"] = rng.choice([True, False])
    if rng.random() < 0.5:
        kw["requires_grad"] = rng.choice([True, False])
    a = torch.asarray(src, **kw)
    tag = ("same" if a is src else "new") + ("-rg" if a.requires_grad else "") + ("-leaf" if a.is_leaf else "")
    return [a], tag


def case_empty_permuted(rng):
    nd = rng.randint(0, 4)
    size = [rng.randint(0, 4) for _ in range(nd)]
    layout = list(range(nd))
    rng.shuffle(layout)
    if rng.random() < 0.2 and nd > 0:
        layout[0] = rng.choice([nd, -1, layout[-1]])
    if rng.random() < 0.1:
        layout = layout[:-1]
    kw = {}
    if rng.random() < 0.5:
        kw["dtype"] = rng.choice([torch.float64, torch.int32, torch.bool])
    if rng.random() < 0.3:
        kw["requires_grad"] = True
    e = torch.empty_permuted(size, layout, **kw)
    return [], "%s%s%s-%s-%s" % (str(e.dtype)[6:], list(e.shape), list(e.stride()), e.requires_grad, e.is_leaf)


def case_cond(rng):
    x = torch.randn(3)
    p = rng.choice([True, False, "t", "f", "big", 1, 0])
    pred = {"t": torch.tensor(True), "f": x.sum() > 100, "big": x > 0}.get(p, p) if isinstance(p, str) else p
    out = torch.cond(pred, lambda v: v.sin(), lambda v: v.cos() * 2, (x,))
    loop = torch.while_loop(lambda i, s: i < 3, lambda i, s: (i + 1, s * 2), (torch.tensor(0), x))
    return [out, loop[0], loop[1]]



def case_histogramdd(rng):
    dt = rng.choice([torch.float32, torch.float64])
    d = rng.randint(1, 3)
    lead = [rng.randint(0, 40)] if rng.random() < 0.7 else [rng.randint(1, 5), rng.randint(1, 60)]
    x = torch.randn(lead + [d], dtype=dt) * rng.choice([1.0, 10.0])
    if rng.random() < 0.2:
        x = x.round()
    kw = {}
    r = rng.random()
    if r < 0.35:
        bins = rng.randint(1, 6)
    elif r < 0.7:
        bins = [rng.randint(1, 5) for _ in range(d)]
    else:
        bins = [torch.sort(torch.randn(rng.randint(2, 6), dtype=dt) * 2)[0] for _ in range(d)]
    if rng.random() < 0.3 and not isinstance(bins, list) or (isinstance(bins, list) and not isinstance(bins[0], torch.Tensor) and rng.random() < 0.3):
        rg = []
        for _ in range(d):
            a = rng.uniform(-3, 1)
            rg += [a, a + rng.uniform(0.5, 4)]
        kw["range"] = rg
    if rng.random() < 0.3:
        kw["weight"] = torch.rand(lead, dtype=dt)
    if rng.random() < 0.3:
        kw["density"] = True
    h = torch.histogramdd(x, bins, **kw) if rng.random() < 0.7 else torch.histogramdd(x, bins=bins, **kw)
    return [h.hist] + list(h.bin_edges), type(h).__name__


KINDS = {"norms": case_norms, "lowrank": case_lowrank, "asarray": case_asarray,
         "empty_permuted": case_empty_permuted, "cond": case_cond, "histogramdd": case_histogramdd}
for i in range(300):
    rng = random.Random(i)
    torch.manual_seed(i)
    kind = rng.choice(["norms", "norms", "lowrank", "lowrank", "asarray", "empty_permuted", "cond",
                       "histogramdd", "histogramdd", "histogramdd"])
    key = "%d|%s" % (i, kind)
    try:
        r = KINDS[kind](rng)
        outs, tag = (r if isinstance(r, tuple) else (r, ""))
        print(key, tag, " ".join(meta(t) for t in outs), digest(*[flat(t) for t in outs]) if outs else "")
    except Exception as e:
        print(key, "ERR", type(e).__name__ + ":", str(e).replace("\n", " | "))
