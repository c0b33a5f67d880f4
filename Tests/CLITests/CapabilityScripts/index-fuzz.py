# Indexing fuzz (getitem/setitem with ints, slices, None, ..., masks, index tensors and lists,
# on contiguous and column-major bases; augmented assignment; index_put_ with accumulate;
# index_select/take/gather/masked_select/index_add/index_copy/index_fill/put_/scatter; views vs copies; PyTorch's errors; grad_fn names, gradients and
# version counters through indexing), one line per result, compared with PyTorch 2.15 by
# CapabilityScriptTests.
import torch, random, os
N = 1000
DT = [torch.float32, torch.float64, torch.int64, torch.int32, torch.bool, torch.uint8, torch.float16, torch.complex64]
def mk(shape, dt):
    if dt == torch.bool: return torch.rand(shape) < 0.5
    if dt.is_complex: return torch.randn(shape, dtype=dt)
    if dt.is_floating_point: return (torch.randn(shape) * 3).to(dt)
    if dt == torch.uint8: return torch.randint(0, 20, shape, dtype=dt)
    return torch.randint(-9, 10, shape, dtype=dt)
def out(k, v):
    print(k, v)
def desc(t):
    if isinstance(t, torch.Tensor):
        if t.dtype.is_floating_point or t.dtype.is_complex:
            v = t.detach().to(torch.complex128 if t.dtype.is_complex else torch.float64).tolist()
        else: v = t.tolist()
        return "T%s%s%s%s" % (str(t.dtype)[6:], list(t.shape), repr(v), ("|" + type(t.grad_fn).__name__) if t.grad_fn else "")
    if isinstance(t, (tuple, list)): return "(" + ",".join(desc(x) for x in t) + ")"
    return repr(t)
def idx_item(rng, size, allow_adv=True):
    r = rng.random()
    if r < 0.25: return rng.randint(-size - 1 if rng.random() < 0.05 else -size, size if rng.random() < 0.05 else max(size - 1, -size))
    if r < 0.5:
        a = rng.choice([None, rng.randint(-size - 2, size + 2)]); b = rng.choice([None, rng.randint(-size - 2, size + 2)])
        st = rng.choice([None, 1, 2, 3, -1 if rng.random() < 0.05 else 1, 0 if rng.random() < 0.03 else 2])
        return slice(a, b, st)
    if r < 0.58: return None
    if r < 0.62: return Ellipsis
    if not allow_adv: return slice(None)
    if r < 0.75: return [rng.randint(-size, max(size - 1, -size)) for _ in range(rng.randint(0, 3))] if size else []
    if r < 0.9:
        shp = rng.choice([[2], [1], [2, 1], [3], [1, 2], []])
        if size == 0: return torch.zeros(shp, dtype=torch.long)
        dt = rng.choice([torch.long, torch.long, torch.int32, torch.float32 if rng.random() < 0.1 else torch.long, torch.uint8 if rng.random() < 0.1 else torch.long])
        return torch.randint(-size, size, shp).to(dt) if dt != torch.uint8 else torch.randint(0, 2, shp).to(dt)
    return torch.rand(size) < 0.5 if size else torch.zeros(0, dtype=torch.bool)
def make_index(rng, shape):
    n = rng.randint(1, min(len(shape) + 1, 4)) if shape else rng.randint(1, 2)
    items = []; d = 0
    for k in range(n):
        if d >= len(shape):
            it = rng.choice([None, Ellipsis, None, slice(None)]) if rng.random() < 0.9 else 0
            items.append(it); continue
        size = shape[d]
        it = idx_item(rng, size)
        if isinstance(it, torch.Tensor) and it.dtype == torch.bool and d < len(shape):
            if rng.random() < 0.3 and d + 1 < len(shape): it = torch.rand(shape[d], shape[d + 1]) < 0.5; d += 1
        items.append(it)
        if it is not None and it is not Ellipsis: d += 1
    if rng.random() < 0.15 and shape: return torch.rand(shape) < 0.5
    return items[0] if len(items) == 1 and rng.random() < 0.5 else tuple(items)
def idesc(ix):
    if isinstance(ix, tuple): return "(" + ",".join(idesc(x) for x in ix) + ")"
    if isinstance(ix, torch.Tensor): return "t%s%s%s" % (str(ix.dtype)[6:], list(ix.shape), ix.tolist())
    return repr(ix).replace(" ", "")
def err(k, e): out(k, "EXC " + type(e).__name__ + ": " + str(e).replace("\n", "\\n"))
def run(i, rng):
    dt = rng.choice(DT)
    nd = rng.choice([0, 1, 2, 2, 3, 3, 4])
    shape = [rng.choice([1, 2, 3, 4, 5]) if rng.random() < 0.93 else 0 for _ in range(nd)]
    base = mk(shape, dt)
    ix = make_index(rng, shape)
    key = "%d|%s|%s|%s" % (i, str(dt)[6:], "x".join(map(str, shape)) or "0d", idesc(ix))
    if nd >= 2 and rng.random() < 0.2: base = base.transpose(0, -1).contiguous().transpose(0, -1)
    mode = rng.choice(["get", "get", "set", "setT", "grad", "view", "put", "setgrad", "ver", "setS", "names", "aug", "ops"])
    key += "|" + mode
    try:
        if mode == "get":
            r = base[ix]
            out(key, desc(r) + " stride=%s view=%s" % (r.stride(), r._base is base or (r.data_ptr() == base.data_ptr() and r.numel() > 0 and r._base is not None)))
        elif mode == "view":
            t = base.clone(); r = t[ix]
            before = t.clone()
            if r.numel():
                r.fill_(1 if dt != torch.bool else True)
            out(key, desc(t) + " changed=%s" % (not torch.equal(t, before)))
        elif mode in ("set", "setT"):
            t = base.clone()
            if mode == "set": v = rng.choice([0, 1, 2.5, True, -3])
            else:
                r = base[ix]
                vs = list(r.shape)
                if vs and rng.random() < 0.5: vs = vs[rng.randint(0, len(vs)):]
                if rng.random() < 0.15: vs = vs + [2]
                if rng.random() < 0.1 and vs: vs[0] = vs[0] + 1
                v = mk(vs, rng.choice([dt, dt, torch.float64, torch.int64]))
            t[ix] = v
            out(key, desc(t))
        elif mode == "put":
            t = base.clone()
            if not isinstance(ix, tuple): ix = (ix,)
            ixs = tuple(torch.randint(0, max(s, 1), (rng.choice([1, 3, 4]),)) for s in shape[:rng.randint(1, max(1, len(shape)))]) if shape else (torch.tensor([0]),)
            v = mk([ixs[0].shape[0]] if rng.random() < 0.8 else [], dt)
            acc = rng.random() < 0.6
            t.index_put_(ixs, v, accumulate=acc)
            out(key + "|" + idesc(ixs) + str(acc), desc(t))
        elif mode == "grad":
            if not (dt.is_floating_point or dt.is_complex): dt2 = torch.float64
            else: dt2 = dt if dt != torch.float16 else torch.float32
            a = base.to(dt2).detach().requires_grad_()
            r = a[ix]
            out(key + "|fwd", desc(r))
            w = (torch.arange(r.numel(), dtype=torch.float64).reshape(r.shape) + 1).to(dt2)
            (r * w).sum().real.backward() if dt2.is_complex else (r * w).sum().backward()
            out(key + "|grad", desc(a.grad))
        elif mode == "setgrad":
            dt2 = torch.float64
            a = base.to(dt2).detach().requires_grad_(); vsrc = torch.tensor(2.0, dtype=dt2, requires_grad=True)
            t = a * 1
            t[ix] = vsrc * 3
            out(key + "|fwd", desc(t))
            (t * (torch.arange(t.numel(), dtype=dt2).reshape(t.shape) + 1)).sum().backward()
            out(key + "|grad", desc(a.grad) + desc(vsrc.grad))
        elif mode == "aug":
            t = base.clone()
            op = rng.choice(["+=", "*=", "-="])
            v = rng.choice([1, 2, True]) if dt == torch.bool or rng.random() < 0.5 else mk([], dt)
            if dt == torch.bool: op = "|="
            if op == "+=": t[ix] += v
            elif op == "*=": t[ix] *= v
            elif op == "-=": t[ix] -= v
            else: t[ix] |= True
            out(key + "|" + op, desc(t))
        elif mode == "ops":
            d = rng.randrange(max(nd, 1)) if nd else 0
            n = shape[d] if nd else 1
            idx = torch.randint(0, max(n, 1), (rng.randint(0, 4),))
            which = rng.choice(["index_select", "take", "gather", "masked_select", "where1", "index_add", "index_copy", "index_fill", "put_", "scatter"])
            if which == "index_select": r = base.index_select(d, idx) if nd else base.index_select(0, idx)
            elif which == "take": r = base.take(torch.randint(0, max(base.numel(), 1), (3,)))
            elif which == "gather": r = base.gather(d, torch.randint(0, max(n, 1), base.shape)) if nd else base.gather(0, torch.tensor(0))
            elif which == "masked_select": r = base.masked_select(torch.rand(shape) < 0.5)
            elif which == "where1": r = torch.where(base != 0)
            elif which == "index_add": r = base.index_add(d, idx, mk([len(idx) if k == d else s_ for k, s_ in enumerate(shape)], dt), alpha=1) if nd and dt != torch.bool else base
            elif which == "index_copy": r = base.index_copy(d, idx[:1], mk([1 if k == d else s_ for k, s_ in enumerate(shape)], dt)) if nd else base
            elif which == "index_fill": r = base.index_fill(d, idx, 1) if nd else base
            elif which == "put_": r = base.clone().put_(torch.randint(0, max(base.numel(), 1), (2,)), mk([2], dt), accumulate=rng.random() < 0.5)
            else: r = base.scatter(d, torch.randint(0, max(n, 1), shape), 1) if nd else base
            out(key + "|" + which + str(d), desc(r))
        elif mode == "setS":
            t = base.clone()
            v = rng.choice([0, 1, -1, 300, -129, 2.5, -0.5, True, False, 1e40, float("nan"), float("inf"), 1 + 2j, 2**40, 2**63 - 1])
            t[ix] = v
            out(key + "|" + repr(v), desc(t))
        elif mode == "names":
            a = base.to(torch.float32 if not dt.is_complex else dt).detach().requires_grad_()
            x = a * 2
            r = x[ix]
            out(key + "|get", "%s %s %s" % (type(r.grad_fn).__name__, [type(f[0]).__name__ for f in r.grad_fn.next_functions] if r.grad_fn else None, r._base is x))
            y = a * 3
            y[ix] = rng.choice([1, torch.tensor(2.0, dtype=y.dtype), a.detach()[ix] if rng.random() < 0.5 else torch.ones((), dtype=y.dtype, requires_grad=True)])
            out(key + "|set", "%s %s %d" % (type(y.grad_fn).__name__, [type(f[0]).__name__ if f[0] is not None else None for f in y.grad_fn.next_functions], y._version))
            y.sum().backward() if not y.dtype.is_complex else y.real.sum().backward()
            out(key + "|g", desc(a.grad))
        else:
            a = base.to(torch.float64).detach().requires_grad_()
            x = a.exp()
            r = x[ix]
            v0 = x._version
            try:
                r.add_(1)
                out(key + "|v", "%d %d %s" % (v0, x._version, type(r.grad_fn).__name__ if r.grad_fn else None))
                x.sum().backward()
                out(key + "|g", desc(a.grad))
            except Exception as e: err(key + "|inner", e)
    except Exception as e:
        err(key, e)
def fixed():
    t = torch.arange(24.).reshape(2, 3, 4)
    cases = [lambda: t[[0, 1], :, [1, 2]], lambda: t[:, [0, 1], [1, 2]], lambda: t[[[0], [1]], :, [0, 2, 3]], lambda: t[0, :, [1, 2]], lambda: t[[0], 1:, 0],
             lambda: t[..., [0, 1]], lambda: t[None, [1], ..., None, [2]], lambda: t[1, 2, 3, 4], lambda: t[5], lambda: t[::-1], lambda: t[torch.tensor([0.5])],
             lambda: t[torch.tensor([True, False])], lambda: t[torch.tensor([True, False, True])], lambda: t[[0, 2]], lambda: t[:, torch.tensor([[True, False, True, True]] * 3)],
             lambda: t.__setitem__((0, 0), torch.ones(5)), lambda: t[..., ...], lambda: t[torch.tensor(1)], lambda: t[torch.tensor([[0, 1]])], lambda: t["a"],
             lambda: t[1.5], lambda: t[(0, 1, 2, 3)], lambda: torch.tensor(5.)[0], lambda: torch.tensor(5.)[None, ..., None], lambda: torch.tensor(5.)[True], lambda: t[False],
             lambda: t[torch.tensor([], dtype=torch.long)], lambda: t[[]], lambda: t[[True, False]], lambda: t[0:2:0], lambda: t[[0, 1], [0, 1, 2]],
             lambda: t.index_put_((torch.tensor([0, 0]),), torch.ones(3, 4), accumulate=True), lambda: t.index_put_((torch.tensor([0]), torch.tensor([5])), torch.tensor(1.)),
             lambda: torch.zeros(3).index_put_((torch.tensor([0, 0, 2]),), torch.tensor([1., 2., 3.]), accumulate=False),
             lambda: t[torch.tensor([0, 1]).int(), torch.tensor([[0], [2]])], lambda: t[:, None, [0, 1], None, [1, 3]], lambda: t[[0, 1], None, 1],
             lambda: t.__setitem__(torch.tensor([[0, 1]]), torch.zeros(2, 2, 3, 4)), lambda: t.__setitem__((slice(None), [0, 1]), torch.zeros(3)),
             lambda: t.__setitem__((slice(None), [0, 1]), torch.zeros(4, 2)), lambda: t[torch.tensor([0, 1], dtype=torch.int16)], lambda: t[[0, -3]],
             lambda: t[:, :, -5], lambda: t.view(-1)[torch.tensor([30])], lambda: t[1:, ..., 1:][..., [0, 0]], lambda: t.t(), lambda: t[torch.tensor([[True] * 4] * 3)],
             lambda: t[torch.tensor(True)], lambda: t[torch.tensor(False)], lambda: t[[[0, 1]]], lambda: t[[[0, 1], [1, 0]]], lambda: t[(([0, 1],),)]]
    for j, f in enumerate(cases):
        torch.manual_seed(j)
        try: out("fx%d" % j, desc(f()))
        except Exception as e: err("fx%d" % j, e)
    # views vs copies and version counters
    a = torch.ones(3, requires_grad=True); b = a * 2; v = b[1:]; v.mul_(2)
    out("vv0", desc(b) + str(b._version)); b.sum().backward(); out("vv1", desc(a.grad))
    a = torch.ones(3, requires_grad=True); b = a.exp(); c = b[0]; b.add_(1)
    try: (c * b).sum().backward(); out("vv2", desc(a.grad))
    except Exception as e: err("vv2", e)
    a = torch.ones(3, requires_grad=True)
    try: a[0] = 5
    except Exception as e: err("vv3", e)
    try: a[1:].add_(1)
    except Exception as e: err("vv4", e)
    with torch.no_grad(): a[0] = 7
    out("vv5", desc(a))
    a = torch.ones(2, 3, requires_grad=True); b = a.clone(); v = b[:, 1]; v.zero_(); out("vv6", desc(v) + desc(b)); b.sum().backward(); out("vv7", desc(a.grad))
    a = torch.ones(4, requires_grad=True); b = a * 1; u = b.unbind(0)
    try: u[0].mul_(2)
    except Exception as e: err("vv8", e)
    a = torch.ones(4, requires_grad=True); b = a * 1; s = b.split(2)
    try: s[0].mul_(2)
    except Exception as e: err("vv9", e)
    x = torch.arange(6.).reshape(2, 3); y = x[[0, 1]]; y[0, 0] = 100; out("vv10", desc(x))
    y = x[x > 2]; y[0] = 100; out("vv11", desc(x))
    y = x[1]; y[0] = 100; out("vv12", desc(x))
    x = torch.arange(6.).reshape(2, 3); x[x > 2] += 10; out("vv13", desc(x))
    x[[0, 0], [1, 1]] += 5; out("vv14", desc(x))
    x = torch.zeros(5); x[[1, 1, 3]] = torch.tensor([1., 2., 3.]); out("vv15", desc(x))
    a = torch.randn(3, 4, requires_grad=True); b = a[:, 1:3]; out("vv16", type(b.grad_fn).__name__ + " " + str([type(f[0]).__name__ for f in b.grad_fn.next_functions]))
    b = a[[0, 2]]; out("vv17", type(b.grad_fn).__name__); b = a[None]; out("vv18", type(b.grad_fn).__name__); b = a[0, 1]; out("vv19", type(b.grad_fn).__name__)
    b = a[..., 1]; out("vv20", type(b.grad_fn).__name__); b = a[a > 0]; out("vv21", type(b.grad_fn).__name__); b = a[::2]; out("vv22", type(b.grad_fn).__name__)
    c = a.clone(); c[0] = 1; out("vv23", type(c.grad_fn).__name__); c[[0]] = 2; out("vv24", type(c.grad_fn).__name__); c[c > 0] = 0; out("vv25", type(c.grad_fn).__name__)
    c = a.clone(); c[:, 1] += 1; out("vv26", type(c.grad_fn).__name__ + str(c._version))
    c = a.clone(); v = c[0]; v.mul_(3); out("vv27", type(v.grad_fn).__name__ + " " + type(c.grad_fn).__name__)
    c = a.clone().as_strided((2, 2), (1, 2)); out("vv28", type(c.grad_fn).__name__)
for i in range(N):
    rng = random.Random(i); torch.manual_seed(i)
    run(i, rng)
fixed()
