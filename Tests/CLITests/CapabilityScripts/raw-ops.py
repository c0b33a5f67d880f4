# A differential random fuzz of the raw ATen forms bound onto `torch` (the trimmed form of the fuzz kept
# outside the repository): torch.convolution (1-3d, transposed, groups, stride/padding/
# dilation lists of one value), grid_sampler(_2d/_3d) with integer mode codes,
# affine_grid_generator, ctc_loss (int reductions, list or tensor lengths), embedding_bag's
# four outputs, the functional RNNs lstm/gru/rnn_tanh/rnn_relu (flat parameter lists,
# bidirectional, batch_first, several layers) and their cells, Tensor.resize/resize_as.
# Each line: a key (case.name), dtype, shape, grad_fn, and the float bits of the values;
# gradients of every leaf after a random weighted sum.
import torch, random, os
import torch.nn.functional as F
N = 200

def bits(t):
    if t is None: return "None"
    if not isinstance(t, torch.Tensor): return repr(t)
    d = t.detach()
    head = "%s %s %s" % (str(d.dtype).replace("torch.", ""), list(d.shape), type(t.grad_fn).__name__ if t.grad_fn is not None else "-")
    if d.dtype == torch.float32: v = d.contiguous().view(torch.int32).tolist()
    elif d.dtype == torch.float64: v = d.contiguous().view(torch.int64).tolist()
    else: v = d.tolist()
    return head + " " + repr(v)

P = [""]
def show(name, r):
    if isinstance(r, (tuple, list)):
        for k, x in enumerate(r): show("%s%d" % (name, k), x)
    else:
        print(P[0] + name, bits(r))

def grads(ts):
    for k, t in enumerate(ts):
        if isinstance(t, torch.Tensor) and t.requires_grad:
            print(P[0] + "grad%d" % k, bits(t.grad))

def backward(out, rng):
    outs = out if isinstance(out, (tuple, list)) else [out]
    tot = None
    for o in outs:
        if isinstance(o, torch.Tensor) and o.requires_grad:
            w = torch.randn(o.shape, dtype=o.dtype)
            s = (o * w).sum()
            tot = s if tot is None else tot + s
    if tot is not None: tot.backward()

def rt(rng, shape, dt, grad=True):
    t = torch.randn(shape, dtype=dt)
    if grad and rng.random() < 0.7: t.requires_grad_()
    return t

def case_conv(rng, dt):
    k = rng.choice([1, 2, 3])
    transposed = rng.random() < 0.4
    groups = rng.choice([1, 1, 2])
    cin = groups * rng.choice([1, 2])
    cout = groups * rng.choice([1, 2, 3])
    ks = [rng.choice([1, 2, 3]) for _ in range(k)]
    sp = [rng.choice([3, 4, 6]) for _ in range(k)]
    stride = [rng.choice([1, 2]) for _ in range(k)]
    padding = [rng.choice([0, 1]) for _ in range(k)]
    dilation = [rng.choice([1, 1, 2]) for _ in range(k)]
    opad = [rng.choice([0, 1]) if stride[j] > 1 or dilation[j] > 1 else 0 for j in range(k)]
    if rng.random() < 0.2: stride = stride[:1]
    x = rt(rng, [rng.choice([1, 2]), cin] + sp, dt)
    w = rt(rng, ([cin, cout // groups] if transposed else [cout, cin // groups]) + ks, dt)
    b = rt(rng, [cout], dt) if rng.random() < 0.6 else None
    if not transposed: opad = [0] * k
    if rng.random() < 0.1: x = x[0]
    print(P[0] + "case", "conv", k, transposed, groups, stride, padding, dilation, opad)
    r = torch.convolution(x, w, b, stride, padding, dilation, transposed, opad, groups)
    show("out", r); backward(r, rng); grads([x, w, b])

def case_grid(rng, dt):
    vol = rng.random() < 0.35
    n, c = rng.choice([1, 2]), rng.choice([1, 3])
    sp = [rng.choice([2, 3, 5]) for _ in range(3 if vol else 2)]
    osz = [rng.choice([1, 2, 4]) for _ in range(3 if vol else 2)]
    x = rt(rng, [n, c] + sp, dt)
    g = (torch.rand([n] + osz + [3 if vol else 2], dtype=dt) * 2.4 - 1.2)
    if rng.random() < 0.6: g.requires_grad_()
    mode = rng.choice([0, 1] if vol else [0, 1, 2])
    pad = rng.choice([0, 1, 2])
    align = rng.random() < 0.5
    fn = rng.choice(["grid_sampler", "grid_sampler_2d", "grid_sampler_3d"])
    if rng.random() < 0.85: fn = "grid_sampler" if rng.random() < 0.5 else ("grid_sampler_3d" if vol else "grid_sampler_2d")
    print(P[0] + "case", "grid", fn, vol, mode, pad, align)
    r = getattr(torch, fn)(x, g, mode, pad, align)
    show("out", r); backward(r, rng); grads([x, g])

def case_affine(rng, dt):
    vol = rng.random() < 0.4
    n = rng.choice([1, 2])
    th = rt(rng, [n, 3, 4] if vol else [n, 2, 3], dt)
    size = [n, rng.choice([1, 3])] + [rng.choice([1, 2, 3, 5]) for _ in range(3 if vol else 2)]
    if rng.random() < 0.1: size = size[:3]
    align = rng.random() < 0.5
    print(P[0] + "case", "affine", size, align)
    r = torch.affine_grid_generator(th, size, align)
    show("out", r); backward(r, rng); grads([th])

def case_ctc(rng, dt):
    T, B, C = rng.choice([3, 5, 8]), rng.choice([1, 2, 3]), rng.choice([3, 5])
    lp = torch.randn(T, B, C, dtype=dt).log_softmax(2).detach().requires_grad_()
    il = [rng.randint(1, T) for _ in range(B)]
    tl = [rng.randint(0, min(3, T)) for _ in range(B)]
    blank = rng.choice([0, C - 1])
    labels = [c for c in range(C) if c != blank]
    tg = torch.tensor([rng.choice(labels) for _ in range(sum(tl))], dtype=torch.long)
    if rng.random() < 0.3:
        tg2 = torch.full((B, max(tl + [1])), blank, dtype=torch.long)
        off = 0
        for b in range(B):
            tg2[b, :tl[b]] = tg[off:off + tl[b]]; off += tl[b]
        tg = tg2
    red = rng.choice([0, 1, 2])
    zi = rng.random() < 0.5
    lens = rng.random() < 0.5
    print(P[0] + "case", "ctc", il, tl, blank, red, zi, lens)
    if lens: r = torch.ctc_loss(lp, tg, torch.tensor(il), torch.tensor(tl), blank, red, zi)
    else: r = torch.ctc_loss(lp, tg, il, tl, blank, red, zi)
    show("out", r); backward(r, rng); grads([lp])

def case_ebag(rng, dt):
    rows, dim = rng.choice([4, 7]), rng.choice([1, 3, 5])
    w = rt(rng, [rows, dim], dt)
    n = rng.choice([0, 3, 6, 9])
    idx = torch.tensor([rng.randrange(rows) for _ in range(n)], dtype=rng.choice([torch.long, torch.int32]))
    nb = rng.choice([1, 2, 4])
    offs = sorted([0] + [rng.randint(0, n) for _ in range(nb - 1)])
    ilo = rng.random() < 0.3
    if ilo: offs = offs + [n]
    offs = torch.tensor(offs, dtype=idx.dtype)
    mode = rng.choice([0, 1, 2])
    psw = rt(rng, [n], dt) if mode == 0 and rng.random() < 0.3 else None
    pidx = rng.choice([None, None, rng.randrange(rows), -1])
    sgbf = mode != 2 and rng.random() < 0.2
    print(P[0] + "case", "ebag", rows, dim, idx.tolist(), offs.tolist(), mode, psw is not None, ilo, pidx, sgbf)
    if rng.random() < 0.2:
        with torch.no_grad():
            r = torch.embedding_bag(w, idx, offs, sgbf, mode, False, psw, ilo, pidx)
    else:
        r = torch.embedding_bag(w, idx, offs, sgbf, mode, False, psw, ilo, pidx)
    show("out", r); backward(r[0], rng); grads([w, psw])

def case_rnn(rng, dt):
    kind = rng.choice(["lstm", "gru", "rnn_tanh", "rnn_relu"])
    I, H, L = rng.choice([2, 3]), rng.choice([2, 4]), rng.choice([1, 2])
    bi = rng.random() < 0.4
    bias = rng.random() < 0.7
    bf = rng.random() < 0.3
    gates = {"lstm": 4, "gru": 3}.get(kind, 1)
    D = 2 if bi else 1
    params = []
    for l in range(L):
        for d in range(D):
            inp = I if l == 0 else H * D
            params += [rt(rng, [gates * H, inp], dt), rt(rng, [gates * H, H], dt)]
            if bias: params += [rt(rng, [gates * H], dt), rt(rng, [gates * H], dt)]
    T, B = rng.choice([1, 3]), rng.choice([1, 2])
    x = rt(rng, [B, T, I] if bf else [T, B, I], dt)
    h0 = rt(rng, [L * D, B, H], dt)
    train = rng.random() < 0.5
    print(P[0] + "case", "rnn", kind, I, H, L, bi, bias, bf, T, B, train)
    if kind == "lstm":
        c0 = rt(rng, [L * D, B, H], dt)
        r = torch.lstm(x, (h0, c0), params, bias, L, 0.0, train, bi, bf)
        show("out", r); backward(r, rng); grads([x, h0, c0] + params)
    else:
        r = getattr(torch, kind)(x, h0, params, bias, L, 0.0, train, bi, bf)
        show("out", r); backward(r, rng); grads([x, h0] + params)

def case_cell(rng, dt):
    kind = rng.choice(["lstm_cell", "gru_cell", "rnn_tanh_cell", "rnn_relu_cell"])
    I, H, B = rng.choice([2, 3]), rng.choice([2, 4]), rng.choice([1, 3])
    gates = {"lstm_cell": 4, "gru_cell": 3}.get(kind, 1)
    x = rt(rng, [B, I], dt)
    w_ih, w_hh = rt(rng, [gates * H, I], dt), rt(rng, [gates * H, H], dt)
    bias = rng.random() < 0.7
    b_ih = rt(rng, [gates * H], dt) if bias else None
    b_hh = rt(rng, [gates * H], dt) if bias else None
    print(P[0] + "case", "cell", kind, I, H, B, bias)
    if kind == "lstm_cell":
        hx = (rt(rng, [B, H], dt), rt(rng, [B, H], dt))
        r = torch.lstm_cell(x, hx, w_ih, w_hh, b_ih, b_hh)
        ins = [x, hx[0], hx[1], w_ih, w_hh, b_ih, b_hh]
    else:
        hx = rt(rng, [B, H], dt)
        r = getattr(torch, kind)(x, hx, w_ih, w_hh, b_ih, b_hh)
        ins = [x, hx, w_ih, w_hh, b_ih, b_hh]
    show("out", r); backward(r, rng); grads(ins)

def case_resize(rng, dt):
    x = rt(rng, [2, 3, 2], dt)
    if rng.random() < 0.3: x = x.detach().transpose(0, 2).requires_grad_(rng.random() < 0.5)
    shapes = [(12,), (3, 4), (2, 6), (4, 3), (5,), (12, 1)]
    s = rng.choice(shapes)
    print(P[0] + "case", "resize", list(x.shape), s)
    if rng.random() < 0.3: r = x.resize_as(torch.zeros(s))
    else: r = x.resize(*s)
    show("out", r)
    if r.requires_grad: backward(r, rng); grads([x])

CASES = [case_conv, case_grid, case_affine, case_ctc, case_ebag, case_rnn, case_cell, case_resize]
import warnings
warnings.simplefilter("ignore")
for i in range(N):
    rng = random.Random(i)
    torch.manual_seed(i)
    print("@", i, flush=True)
    P[0] = "r%d." % i
    dt = torch.float32 if rng.random() < 0.6 else torch.float64
    fn = CASES[i % len(CASES)]
    try:
        fn(rng, dt)
    except Exception as e:
        print(P[0] + "exc", type(e).__name__, str(e).split("\n")[0])

# Targeted: bmm of one small batch (ATen sums < 400 multiply-adds in its own loop even for
# a batch of 1; BLAS would order the sum otherwise), as affine_grid's backward runs it.
torch.manual_seed(26)
P[0] = ""
for dt in (torch.float32, torch.float64):
    for (m, k, n) in [(4, 10, 3), (3, 12, 4), (4, 24, 3), (5, 16, 5)]:
        a = torch.randn(1, k, m, dtype=dt).transpose(1, 2)
        b = torch.randn(1, k, n, dtype=dt)
        show("bmm1.%s.%d.%d.%d" % (str(dt)[6:], m, k, n), torch.bmm(a, b))
        show("bmm1c.%s.%d.%d.%d" % (str(dt)[6:], m, k, n), torch.bmm(a.contiguous(), b))
# Targeted: embedding_bag's per_sample_weights gradient (the dot of each bag's gradient row
# and the weight row), with and without the weight requiring grad, with padding_idx.
torch.manual_seed(7)
for dt in (torch.float32, torch.float64):
    for wgrad in (True, False):
        for pidx in (None, 2):
            w = torch.randn(6, 5, dtype=dt, requires_grad=wgrad)
            idx = torch.tensor([0, 2, 1, 5, 4, 2, 3])
            off = torch.tensor([0, 3, 3, 6])
            psw = torch.randn(7, dtype=dt, requires_grad=True)
            r = torch.embedding_bag(w, idx, off, False, 0, False, psw, False, pidx)
            P[0] = "psw.%s.%s.%s." % (str(dt)[6:], wgrad, pidx)
            show("out", r)
            backward(r[0], None)
            grads([w, psw])
# Targeted: bicubic grid gradients with and without the input's gradient (ATen's two builds
# of the backward kernel round the tap polynomials differently).
torch.manual_seed(11)
for dt in (torch.float32, torch.float64):
    for need_input in (False, True):
        for pad in (0, 1, 2):
            for align in (False, True):
                x = torch.randn(2, 3, 5, 6, dtype=dt).requires_grad_(need_input)
                g = (torch.rand(2, 3, 7, 2, dtype=dt) * 2.4 - 1.2).requires_grad_()
                r = torch.grid_sampler_2d(x, g, 2, pad, align)
                P[0] = "bicubic.%s.%s.%d.%s." % (str(dt)[6:], need_input, pad, align)
                backward(r, None)
                grads([x, g])
