# Printing fuzz (repr/str/format of tensors over every dtype, shape, magnitude, print option;
# Parameter, containers, f-strings, tolist/item, Size/dtype/device, nn module reprs), one line per
# result, compared with PyTorch 2.15 by CapabilityScriptTests.
import torch, random, math, os
import torch.nn as nn
N = 400
DT = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.float16,
      torch.bfloat16, torch.float32, torch.float64, torch.complex64, torch.complex128]
SPECIAL = [0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1.0, -1.0, 0.5, 100.0, 1e-10, 1e10, 123456789.0, 1e-5, 3.0, -7.0, 1e20, 2.5e-8]
def shape(rng):
    nd = rng.choice([0, 1, 1, 2, 2, 3, 4])
    s = [rng.choice([0, 1, 2, 3, 4, 7]) if rng.random() < 0.9 else rng.choice([12, 30, 700]) for _ in range(nd)]
    if rng.random() < 0.05 and nd: s[rng.randrange(nd)] = 0
    return s
def values(rng, n, dt):
    mode = rng.choice(["int", "mag", "special", "randn", "small", "big", "mixed", "ints_float"])
    out = []
    for k in range(n):
        if mode == "int": v = float(rng.randint(-20, 20))
        elif mode == "mag": v = rng.uniform(-1, 1) * 10 ** rng.randint(-10, 10)
        elif mode == "special": v = rng.choice(SPECIAL)
        elif mode == "randn": v = rng.gauss(0, 1)
        elif mode == "small": v = rng.gauss(0, 1) * 1e-4
        elif mode == "big": v = float(rng.randint(-10**12, 10**12))
        elif mode == "ints_float": v = float(rng.randint(0, 1000))
        else: v = rng.choice([rng.gauss(0, 1), rng.choice(SPECIAL), float(rng.randint(-5, 5))])
        out.append(v)
    return out, mode
def make(rng, dt, s):
    n = 1
    for d in s: n *= d
    vals, mode = values(rng, n, dt)
    if dt == torch.bool: t = torch.tensor([v > 0 for v in vals], dtype=torch.bool)
    elif not dt.is_floating_point and not dt.is_complex:
        info = torch.iinfo(dt)
        vv = []
        for v in vals:
            if v != v or v in (float("inf"), float("-inf")): v = 0
            v = int(v)
            if rng.random() < 0.1: v = rng.choice([info.min, info.max])
            vv.append(max(info.min, min(info.max, v)))
        t = torch.tensor(vv, dtype=dt)
    elif dt.is_complex:
        im, _ = values(rng, n, dt)
        t = torch.complex(torch.tensor(vals, dtype=torch.float64), torch.tensor(im, dtype=torch.float64)).to(dt)
    else: t = torch.tensor(vals, dtype=torch.float64).to(dt)
    return t.reshape(s), mode
def opts(rng):
    kw = {}
    if rng.random() < 0.35:
        if rng.random() < 0.3: kw["profile"] = rng.choice(["short", "full", "default"])
        if rng.random() < 0.5: kw["precision"] = rng.choice([0, 1, 2, 3, 6, 8, 10])
        if rng.random() < 0.3: kw["sci_mode"] = rng.choice([True, False])
        if rng.random() < 0.3: kw["linewidth"] = rng.choice([20, 40, 120, 200])
        if rng.random() < 0.3: kw["threshold"] = rng.choice([5, 10, 50, 100000])
        if rng.random() < 0.3: kw["edgeitems"] = rng.choice([1, 2, 4])
    return kw
def show(k, s):
    print(k, repr(s))
def run(i, rng):
    torch.set_printoptions(profile="default")
    dt = rng.choice(DT); s = shape(rng)
    t, mode = make(rng, dt, s)
    kw = opts(rng)
    if kw: torch.set_printoptions(**kw)
    key = "%d|%s|%s|%s" % (i, str(dt)[6:], "x".join(map(str, s)) or "0d", mode)
    kind = rng.choice(["repr", "repr", "str", "grad", "param", "list", "fmt", "tolist", "view", "misc", "noncontig", "neg"])
    key += "|" + kind
    if kind in ("grad", "param") and not (dt.is_floating_point or dt.is_complex): kind = "repr"
    try:
        if kind == "repr": show(key, repr(t))
        elif kind == "str": show(key, str(t))
        elif kind == "grad":
            a = t.clone().requires_grad_()
            show(key + "|leaf", repr(a))
            op = rng.choice(["mul", "add", "sum", "exp", "view", "t", "getitem", "relu", "mean"])
            if op == "mul": b = a * 2
            elif op == "add": b = a + 1
            elif op == "sum": b = a.sum()
            elif op == "exp": b = a.exp()
            elif op == "view": b = a.view(-1)
            elif op == "t": b = a.t() if a.dim() <= 2 else a.transpose(0, 1)
            elif op == "getitem": b = a[0] if a.dim() and a.shape[0] else a[...]
            elif op == "relu": b = torch.relu(a)
            else: b = a.mean()
            show(key + "|" + op, repr(b))
            with torch.no_grad(): show(key + "|nograd", repr(a * 1))
            show(key + "|detach", repr(b.detach()))
        elif kind == "param":
            p = nn.Parameter(t.clone(), requires_grad=rng.random() < 0.7)
            show(key, repr(p)); show(key + "|str", str(p))
        elif kind == "list":
            u = t.flatten()[:3].clone()
            show(key + "|l", repr([u, u.sum() if dt != torch.bool else u]))
            show(key + "|d", repr({"a": u, 1: (u,)}))
            show(key + "|s", str((u,)))
        elif kind == "fmt":
            spec = rng.choice([".3f", ".2e", "", ">10", "g", ".1%", "d", ".0f"])
            try: show(key + "|" + spec, format(t, spec))
            except Exception as e: show(key + "|" + spec, type(e).__name__ + ": " + str(e))
            if t.numel() == 1:
                try: show(key + "|item" + spec, format(t.item(), spec))
                except Exception as e: show(key + "|item" + spec, type(e).__name__ + ": " + str(e))
        elif kind == "tolist":
            show(key, repr(t.tolist()))
            if t.numel() == 1: show(key + "|item", repr(t.item()))
            show(key + "|meta", repr((t.dtype, t.shape, t.device, t.size(), t.layout)))
            show(key + "|str", str((t.dtype, t.shape, t.device)))
        elif kind == "view":
            if t.dim() >= 1 and t.shape[-1] > 1: v = t[..., ::2]
            else: v = t
            show(key, repr(v))
            show(key + "|T", repr(v.mT if v.dim() >= 2 else v))
        elif kind == "noncontig":
            v = t.permute(*reversed(range(t.dim()))) if t.dim() else t
            show(key, repr(v)); show(key + "|e", repr(t.expand(2, *t.shape)))
        elif kind == "neg":
            v = -t if dt != torch.bool else ~t
            if dt == torch.uint8: v = t
            show(key, repr(v))
            show(key + "|abs", repr(v.abs() if dt not in (torch.bool,) else v))
        else:
            m = rng.choice(["size", "dtype", "names", "where", "zeros", "full", "arange", "linspace", "sparse"])
            if m == "size": show(key + "|size", repr(t.size()) + " " + str(t.shape) + " " + repr(torch.Size([])) + repr(t.stride()))
            elif m == "dtype": show(key + "|dt", repr(t.dtype) + str(t.dtype) + repr(t.device) + str(torch.device("cpu", 0)) + repr(torch.finfo(torch.float32)) )
            elif m == "zeros": show(key + "|z", repr(torch.zeros(s, dtype=dt)) + repr(torch.ones(s, dtype=dt)))
            elif m == "full": show(key + "|f", repr(torch.full(s, rng.choice(SPECIAL), dtype=torch.float32 if not dt.is_complex else dt)))
            elif m == "arange": show(key + "|a", repr(torch.arange(rng.randint(0, 40)) * rng.choice([1, 0.1, 1e-6, 1e6, 123.456])))
            elif m == "linspace": show(key + "|ls", repr(torch.linspace(-rng.uniform(0, 1e4), rng.uniform(0, 1e-3), rng.randint(1, 15), dtype=torch.float64)))
            elif m == "where": show(key + "|w", repr(torch.where(t != 0, t, t)))
            else: show(key + "|nz", repr(t.nonzero()) if t.dim() else repr(t))
    except Exception as e:
        show(key + "|EXC", type(e).__name__ + ": " + str(e))
def edges():
    E = [[1e-5, 1.0], [0.1, 1e8], [1e16], [-0.0], [float("nan"), 1.5], [float("inf"), -float("inf"), 0.0], [1e-4], [9.9999e-5, 1.0], [999.0, 1.0],
         [1000.0, 1.0], [1001.0, 1.0], [123456789.0], [1e8], [1e8 + 1], [0.5, 100.0], [-1e-10, 1e10], [2.0 ** 53, 1.0], [1.0 / 3], [-1.0 / 3, 2.0 / 3],
         [0.00012345], [12345.678], [65504.0], [1e-8, 0.0], [3.14159e-9, 2.71828e9], [1.0, 2.0, 3.0], [-5.0, 5.5], [0.0, 0.0], [1e300, 1e-300]]
    k = 0
    for vals in E:
        for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.complex64]:
            k += 1
            try:
                t = torch.tensor(vals, dtype=dt)
                show("e%d|%s" % (k, str(dt)[6:]), repr(t))
                if t.numel() == 1: show("e%d|0d" % k, repr(t[0]) + " " + str(t[0].item()))
            except Exception as e: show("e%d|EXC" % k, type(e).__name__ + ": " + str(e))
    for p in [dict(precision=2), dict(precision=10), dict(sci_mode=True), dict(sci_mode=False), dict(profile="short"), dict(profile="full"), dict(linewidth=30), dict(threshold=3, edgeitems=1), dict(edgeitems=0, threshold=2)]:
        torch.set_printoptions(**p)
        key = "opt|" + ",".join("%s=%s" % kv for kv in sorted(p.items()))
        show(key + "|a", repr(torch.tensor([1e-5, 1.0, 123.456])))
        show(key + "|b", repr(torch.arange(3000.).reshape(30, 100) / 7))
        show(key + "|c", repr(torch.tensor([[1, -200000], [3, 4]])))
        show(key + "|d", repr(torch.tensor([1.5 + 2j, -0.0 - 1e-6j])))
        show(key + "|e", repr(torch.zeros(2, 0, 3)))
        show(key + "|f", repr(torch.tensor(3.25, requires_grad=True) * 2))
        torch.set_printoptions(profile="default")
    t = torch.tensor([[1.5, 2.0], [3.0, 4.0]], requires_grad=True)
    for spec in ["", ".2f", ".3e", "10.4f", "g", "s", "!r"]:
        for x in [t, t[0, 0], t.sum(), torch.tensor(7), torch.tensor(True), torch.tensor(2 + 3j)]:
            try: show("fmt|%s|%s" % (spec, x.shape), ("{:" + spec + "}").format(x) if spec != "!r" else "{!r}".format(x))
            except Exception as e: show("fmt|%s|%s|EXC" % (spec, x.shape), type(e).__name__ + ": " + str(e))
    show("fstr", f"{t[0, 0]:.3f} {t.sum().item():.2f} {torch.tensor(5):d} {torch.tensor(1e-6):.2e}")
    show("misc|grad", repr(t.grad))
    (t * t).sum().backward(); show("misc|grad2", repr(t.grad))
    show("misc|list", repr([torch.tensor(1.5), torch.tensor([1, 2])]) + str({"k": torch.tensor([0.1])}))
    show("misc|size", repr(torch.Size([2, 3])) + str(torch.Size([])) + repr(torch.Size([5])) + str(torch.zeros(2, 3).shape[1:]))
    show("misc|dtypes", " ".join(repr(d) for d in [torch.float, torch.double, torch.half, torch.long, torch.int, torch.short, torch.uint8, torch.int8, torch.bool, torch.cfloat, torch.cdouble, torch.bfloat16]))
    show("misc|finfo", repr(torch.finfo(torch.float16)) + repr(torch.iinfo(torch.int32)) + repr(torch.finfo(torch.bfloat16)))
    show("misc|nograd", repr(torch.ones(2, requires_grad=True).detach()) + repr(torch.ones(2, requires_grad=True)[0]))
    show("misc|param", repr(nn.Parameter(torch.zeros(2, 3))) + repr(nn.Parameter(torch.tensor(1.0), requires_grad=False)))
    show("misc|deflt", repr(torch.tensor([1.0, 2.0], dtype=torch.float64)) + repr(torch.tensor([1, 2], dtype=torch.int32)))
def more():
    torch.manual_seed(0)
    x = torch.randn(3, 4)
    for name, f in [("max", lambda: torch.max(x, dim=1)), ("min", lambda: x.min(0, keepdim=True)), ("sort", lambda: torch.sort(x[0])), ("topk", lambda: x.topk(2)),
                    ("median", lambda: x.median(1)), ("mode", lambda: torch.tensor([1, 2, 2, 3]).mode()), ("kth", lambda: x.kthvalue(2, 1)), ("aminmax", lambda: torch.aminmax(x)),
                    ("cummax", lambda: x[0].cummax(0)), ("svd", lambda: torch.linalg.svd(torch.eye(2))), ("slogdet", lambda: torch.linalg.slogdet(torch.eye(2) * 2)),
                    ("eigh", lambda: torch.linalg.eigh(torch.eye(2))), ("qr", lambda: torch.linalg.qr(torch.eye(2))), ("unique", lambda: torch.unique(torch.tensor([3, 1, 3]), return_counts=True)),
                    ("var_mean", lambda: torch.var_mean(x, 1)), ("std_mean", lambda: torch.std_mean(x)), ("hist", lambda: torch.histogram(torch.tensor([1., 2, 1]), bins=2)),
                    ("frexp", lambda: torch.frexp(torch.tensor([8.0, 0.3]))), ("lu", lambda: torch.linalg.lu_factor(torch.eye(2))), ("maxg", lambda: torch.max(x.requires_grad_(), 1))]:
        try:
            r = f()
            show("rt|" + name, repr(r)); show("rt|" + name + "|str", str(r))
        except Exception as e: show("rt|" + name + "|EXC", type(e).__name__ + ": " + str(e))
        x = x.detach()
    m = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
    show("sd", repr(m.state_dict()))
    show("sdkeys", repr(m.state_dict().keys()) + repr(list(m.state_dict().items())[0]))
    show("params", repr(list(m.parameters())))
    show("named", repr([(n, p.shape) for n, p in m.named_parameters()]))
    show("modules", repr([type(c).__name__ for c in m.modules()]) + repr(list(m.named_children())))
    for opt in [torch.optim.SGD(m.parameters(), lr=0.1), torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9, nesterov=True, weight_decay=1e-4),
                torch.optim.Adam(m.parameters()), torch.optim.AdamW(m.parameters(), lr=1e-3, betas=(0.9, 0.95)), torch.optim.RMSprop(m.parameters()), torch.optim.Adagrad(m.parameters())]:
        show("opt|" + type(opt).__name__, repr(opt))
        show("opt|" + type(opt).__name__ + "|sd", repr(opt.state_dict()))
    opt = torch.optim.SGD([{"params": m[0].parameters()}, {"params": m[2].parameters(), "lr": 1.0}], lr=0.1)
    show("opt|groups", repr(opt))
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    show("sched", repr(sched.state_dict()) + repr(sched.get_last_lr()))
    loss = nn.MSELoss()(m(torch.ones(4, 2)), torch.zeros(4, 1))
    show("loss", repr(loss) + " " + str(loss) + " " + repr(loss.item()) + " " + f"{loss:.4f}" + " " + f"{loss.item():.4f}")
    loss.backward()
    show("grad", repr(m[0].weight.grad) + repr(m[0].bias.grad))
    opt.step(); show("opt|state", repr(opt.state_dict()["state"]))
    t = torch.ones(2, 2)
    show("type", t.type() + " " + torch.ones(2, dtype=torch.int64).type() + " " + repr(torch.get_default_dtype()) + repr(t.is_leaf) + repr(t.grad) + repr(t.data))
    show("size", repr(t.shape + (3,)) + repr(t.shape[0] * 2) + repr(t.size(1)) + repr(t.shape == (2, 2)) + repr(t.numel()) + repr(len(t)) + repr(t.ndim) + repr(t.dim()))
    show("bool", repr(bool(torch.tensor([1]))) + repr(int(torch.tensor(3.7))) + repr(float(torch.tensor(2))) + repr(complex(torch.tensor(1 + 1j))))
    show("iter", repr(list(torch.arange(3))) + repr([r for r in torch.eye(2)]) + repr(tuple(torch.tensor([1.5, 2]))))
    show("np", repr(torch.arange(4.).numpy()) + str(torch.tensor([[1, 2], [3, 4]]).numpy()))
    show("hash", repr(torch.float32 in {torch.float32}) + repr(torch.float == torch.float32) + repr(str(torch.float64)))
    show("grad_none", repr(nn.Linear(1, 1).weight.grad) + repr(torch.zeros(1, requires_grad=True)))
    p = nn.Parameter(torch.randn(2))
    show("param_ops", repr(p * 2) + repr(p.data) + repr(p.detach()) + repr(p[0]) + repr(p.sum()))
    show("emb", repr(nn.Embedding(3, 2).weight.shape) + repr(nn.Embedding(3, 2)(torch.tensor([0, 2])).shape))
    show("bigint", repr(torch.tensor([2**62, -2**63])) + repr(torch.tensor([1, 100000, -3])) + repr(torch.tensor([[True, False]])))
    show("half", repr(torch.tensor([1.0, 2.5, 65504.0], dtype=torch.float16)) + repr(torch.tensor([0.1], dtype=torch.bfloat16)) + repr(torch.tensor(1/3, dtype=torch.float16).item()))
    show("cplx", repr(torch.tensor([1 + 1j, 1e-5j, -3.25])) + repr(torch.tensor(2j)) + repr(torch.tensor([float("nan") + 1j])) + repr(torch.polar(torch.ones(2), torch.tensor([0.0, 3.14159]))))
    show("empty", repr(torch.empty(0)) + repr(torch.zeros(0, dtype=torch.int64)) + repr(torch.zeros(3, 0)) + repr(torch.zeros(0, requires_grad=True)) + repr(torch.zeros(0, 2, dtype=torch.float16)))
def modules(i):
    # module reprs with non-default args
    ms = [nn.Linear(3, 4, bias=False), nn.Conv2d(3, 8, 3, stride=2, padding=1, dilation=2, groups=1, bias=False, padding_mode="reflect"),
          nn.Conv1d(4, 4, 5, groups=2, padding="same"), nn.ConvTranspose2d(2, 3, (3, 2), stride=(2, 1), output_padding=1),
          nn.BatchNorm1d(5, eps=1e-3, momentum=None, affine=False), nn.BatchNorm2d(3, track_running_stats=False),
          nn.LayerNorm([4, 5], elementwise_affine=False), nn.LayerNorm(6, eps=1e-6, bias=False), nn.GroupNorm(2, 4, affine=False),
          nn.Dropout(0.3, inplace=True), nn.Dropout2d(), nn.ReLU(inplace=True), nn.LeakyReLU(0.2), nn.ELU(alpha=0.5), nn.GELU(approximate="tanh"),
          nn.Softmax(dim=1), nn.LogSoftmax(dim=-1), nn.Softplus(beta=2, threshold=10), nn.Hardtanh(-2, 2), nn.PReLU(3, init=0.1),
          nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True), nn.AvgPool2d(2, count_include_pad=False), nn.AdaptiveAvgPool2d((1, None)),
          nn.AdaptiveMaxPool1d(4, return_indices=True), nn.Embedding(10, 3, padding_idx=0, max_norm=1.0), nn.EmbeddingBag(10, 3, mode="max"),
          nn.LSTM(4, 8, num_layers=2, batch_first=True, bidirectional=True, dropout=0.1), nn.GRU(3, 5, bias=False), nn.RNN(2, 3, nonlinearity="relu"),
          nn.LSTMCell(3, 4), nn.Flatten(0, -1), nn.Unflatten(1, (2, 3)), nn.Identity(), nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True),
          nn.MultiheadAttention(8, 2, batch_first=True), nn.Transformer(d_model=8, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=16),
          nn.CrossEntropyLoss(label_smoothing=0.1, ignore_index=3), nn.MSELoss(reduction="sum"), nn.BCEWithLogitsLoss(), nn.SmoothL1Loss(beta=0.5),
          nn.Bilinear(2, 3, 4), nn.Threshold(0.1, 20), nn.CELU(), nn.Softmax2d(), nn.ZeroPad2d((1, 2, 0, 1)), nn.ConstantPad1d(2, 3.5), nn.ReflectionPad2d(1),
          nn.PixelShuffle(2), nn.Fold((4, 5), (2, 2)), nn.Unfold(2, dilation=1, padding=1, stride=2), nn.CosineSimilarity(dim=0, eps=1e-6),
          nn.PairwiseDistance(p=1.0), nn.InstanceNorm2d(3, affine=True), nn.LocalResponseNorm(2), nn.Hardswish(), nn.SiLU(), nn.Mish(), nn.Tanhshrink(),
          nn.RReLU(0.1, 0.3), nn.GLU(), nn.Softmin(0), nn.TransformerEncoderLayer(8, 2, 16, batch_first=True, norm_first=True),
          nn.ChannelShuffle(2), nn.MaxUnpool2d(2), nn.LPPool2d(2, 3), nn.FractionalMaxPool2d(3, output_size=(5, 5)), nn.Conv3d(1, 2, (1, 2, 3)),
          nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Sequential(nn.Linear(3, 3), nn.Tanh()), nn.Dropout(0.5), nn.Linear(3, 1), nn.Sigmoid()),
          nn.ModuleList([nn.Linear(1, 1) for _ in range(3)]), nn.ModuleDict({"a": nn.ReLU(), "b": nn.Linear(1, 2)}),
          nn.ParameterList([nn.Parameter(torch.zeros(2)), nn.Parameter(torch.ones(3, dtype=torch.float64))]),
          nn.ParameterDict({"w": nn.Parameter(torch.zeros(2, 2))}), nn.Sequential(*[nn.Linear(2, 2) for _ in range(12)])]
    for j, m in enumerate(ms):
        try: show("mod%d|%s" % (j, type(m).__name__), repr(m))
        except Exception as e: show("mod%d|EXC" % j, type(e).__name__ + ": " + str(e))
    class Net(nn.Module):
        def __init__(s):
            super().__init__(); s.fc = nn.Linear(2, 2); s.blocks = nn.ModuleList([nn.Sequential(nn.Conv2d(1, 1, 1), nn.BatchNorm2d(1)) for _ in range(2)]); s.w = nn.Parameter(torch.ones(1))
        def extra_repr(s): return "custom=1\nsecond=2"
    show("mod|Net", repr(Net()))
    od = __import__("collections").OrderedDict([("first", nn.Linear(1, 1)), ("act", nn.ReLU())])
    show("mod|od", repr(nn.Sequential(od)))
for i in range(N):
    rng = random.Random(i); torch.manual_seed(i)
    run(i, rng)
torch.set_printoptions(profile="default")
modules(0)
edges()
more()
