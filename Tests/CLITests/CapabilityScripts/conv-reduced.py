# float16/bfloat16 convolution forward and backward (conv1d/2d/3d, conv_transpose1d/2d/3d,
# groups, stride, padding, dilation, bias): random cases, one line each with dtype, shape,
# grad_fn and a digest of the raw bits of the output and the input, weight and bias
# gradients; then modules cast with .to(torch.bfloat16) / .half() and an autocast region.
# PyTorch runs float16 (both capabilities) and bfloat16 at AVX2 on ATen's slow path
# (im2col + its own float32-accumulating gemm); bfloat16 at AVX-512 goes to oneDNN's bf16
# kernels, which Gradbook refuses (docs/mixed-precision.md).
import torch, random
import torch.nn as nn
import torch.nn.functional as F


def bits(t):
    if t is None:
        return "None"
    t = t.detach().contiguous().reshape(-1)
    if t.dtype in (torch.bfloat16, torch.float16):
        b = t.view(torch.int16).to(torch.int64) & 0xFFFF
    else:
        b = t.view(torch.int32).to(torch.int64) & 0xFFFFFFFF
    n = b.numel()
    if n <= 6:
        return str(b.tolist()).replace(" ", "")
    w = torch.arange(1, n + 1, dtype=torch.int64)
    return "n=%d,s=%d,x=%d" % (n, int((b * w).sum()), int((b % 9973 * (w % 7919)).sum()))


def show(name, t):
    if t is None:
        return name + ":None"
    return "%s:%s:%s:%s" % (name, str(t.dtype)[6:], "x".join(map(str, t.shape)), bits(t))


def case(key, i, dt):
    r = random.Random(i)
    torch.manual_seed(i)
    nd = r.choice([1, 2, 2, 3])
    transposed = r.random() < 0.25
    n, groups = r.randint(1, 3), r.choice([1, 1, 2, 3])
    cin, cout = groups * r.randint(1, 4), groups * r.randint(1, 4)
    k = [r.choice([1, 2, 3]) for _ in range(nd)]
    size = [r.randint(k[d] + 2, {1: 40, 2: 12, 3: 6}[nd]) for d in range(nd)]
    stride, pad, dil = r.choice([1, 1, 2]), r.choice([0, 1]), r.choice([1, 1, 1, 2])
    x = (torch.randn(n, cin, *size) * r.choice([1.0, 8.0, 0.125])).to(dt).requires_grad_()
    wshape = (cin, cout // groups, *k) if transposed else (cout, cin // groups, *k)
    w = torch.randn(*wshape).to(dt).requires_grad_()
    b = torch.randn(cout).to(dt).requires_grad_() if r.random() < 0.7 else None
    head = "%s %s %s%dd n%d g%d %d>%d k%s s%d p%d d%d" % (key, str(dt)[6:], "T" if transposed else "C", nd, n, groups,
                                                          cin, cout, "".join(map(str, k)), stride, pad, dil)
    try:
        if transposed:
            f = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}[nd]
            y = f(x, w, b, stride=stride, padding=pad, groups=groups, dilation=dil)
        else:
            f = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}[nd]
            y = f(x, w, b, stride=stride, padding=pad, dilation=dil, groups=groups)
        y.backward(torch.randn(y.shape).to(dt))
        print(head, show("y", y), type(y.grad_fn).__name__, show("gx", x.grad), show("gw", w.grad), show("gb", b.grad if b is not None else None))
    except Exception as e:
        print(head, "EXC", type(e).__name__, str(e)[:120])


for i in range(48):
    case("h%02d" % i, i, torch.float16)
for i in range(12):
    case("b%02d" % i, 100 + i, torch.bfloat16)


def module_case(key, seed, build):
    torch.manual_seed(seed)
    try:
        model, x = build()
        out = model(x)
        out.float().sum().backward()
        grads = [show(nm, p.grad) for nm, p in model.named_parameters()]
        print(key, show("out", out), " ".join(grads), show("gx", x.grad))
    except Exception as e:
        print(key, "EXC", type(e).__name__, str(e)[:120])


module_case("m0", 1, lambda: (nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 4, 3, stride=2)).half(),
                              torch.randn(2, 3, 9, 9).half().requires_grad_()))
module_case("m1", 2, lambda: (nn.Conv1d(4, 6, 5, padding=2, groups=2).half(), torch.randn(3, 4, 30).half().requires_grad_()))
module_case("m2", 3, lambda: (nn.ConvTranspose2d(4, 3, 3, stride=2).half(), torch.randn(2, 4, 5, 5).half().requires_grad_()))
module_case("m3", 4, lambda: (nn.Conv3d(2, 3, 2).half(), torch.randn(2, 2, 4, 5, 4).half().requires_grad_()))
module_case("bm0", 5, lambda: (nn.Conv2d(3, 5, 3, padding=1).to(torch.bfloat16), torch.randn(2, 3, 7, 7).bfloat16().requires_grad_()))


def autocast_case(key, seed, dt):
    torch.manual_seed(seed)
    conv = nn.Conv2d(3, 4, 3, padding=1)
    x = torch.randn(2, 3, 6, 6, requires_grad=True)
    try:
        with torch.autocast("cpu", dtype=dt):
            out = conv(x)
        out.float().sum().backward()
        print(key, show("out", out), show("gx", x.grad), show("gw", conv.weight.grad), show("gb", conv.bias.grad))
    except Exception as e:
        print(key, "EXC", type(e).__name__, str(e)[:120])


autocast_case("ah", 6, torch.float16)
autocast_case("ab", 7, torch.bfloat16)
