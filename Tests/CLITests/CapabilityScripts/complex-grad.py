# Complex autograd, differential fuzz against PyTorch 2.15: random real and complex leaves
# through every torch.fft transform (n=/s=/dim=/norm=), complex elementwise ops (mul, div,
# abs, angle, sgn, exp, log, sqrt, conj, .real/.imag, view_as_real/view_as_complex,
# complex, polar, sum, mean, matmul, to(complex)), stft/istft and linalg.eig/eigvals, then
# a real loss of the result (abs().sum(), (y * w).real.sum(), ...) and backward. Each line
# is a case key, the grad_fn chain, and a bit digest of the loss and of every gradient
# (complex gradients viewed as real pairs); errors print their type and message.
# Cases 400-599: complex sin/cos/tan/sinh/cosh/tanh/asin/acos/atanh and broadcast mul/div
# rows (forward and gradient); then gradcheck/gradgradcheck with complex inputs and outputs.
import torch, random
from _cases import digest

def chain(t):
    out = []
    g = t.grad_fn
    while g is not None and len(out) < 8:
        out.append(type(g).__name__)
        nf = [n for n, _ in g.next_functions if n is not None]
        g = nf[0] if nf else None
    return out


def shape(rng, nd=None):
    nd = nd if nd is not None else rng.choice([1, 1, 2, 2, 3])
    return [rng.choice([1, 2, 3, 4, 5, 6, 8]) for _ in range(nd)]


def real_leaf(rng, s):
    dt = rng.choice([torch.float32, torch.float64])
    return (torch.randn(s, dtype=dt) * rng.choice([1, 3])).requires_grad_()


def complex_leaf(rng, s):
    dt = rng.choice([torch.complex64, torch.complex128])
    return torch.randn(s, dtype=dt).requires_grad_()


NORMS = [None, "backward", "ortho", "forward"]


def loss_of(rng, y):
    k = rng.randrange(5)
    if y.is_complex():
        if k == 0:
            return y.abs().sum()
        if k == 1:
            w = torch.randn(y.shape, dtype=y.dtype)
            return (y * w).real.sum()
        if k == 2:
            return torch.view_as_real(y).pow(2).sum()
        if k == 3:
            return y.real.sum() + y.imag.mean() * 2
        return (y.abs() ** 2).mean()
    if k in (0, 1):
        return (y * torch.randn(y.shape, dtype=y.dtype)).sum()
    if k == 2:
        return y.pow(2).sum()
    if k == 3:
        return y.abs().mean()
    return y.sum()


def spectral(rng, i):
    ops = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fft2", "ifft2", "rfft2", "irfft2", "fftn", "ifftn",
           "rfftn", "irfftn", "hfftn", "ihfftn"]
    op = rng.choice(ops)
    s = shape(rng, rng.choice([1, 2, 2, 3]) if op.endswith("2") or op.endswith("n") else None)
    if op.endswith("2") and len(s) < 2:
        s = s + [rng.choice([2, 3, 4])]
    complex_in = op in ("fft", "ifft", "irfft", "hfft", "fft2", "ifft2", "irfft2", "fftn", "ifftn", "irfftn",
                        "hfftn") and rng.random() < 0.6
    x = complex_leaf(rng, s) if complex_in else real_leaf(rng, s)
    kw = {"norm": rng.choice(NORMS)}
    if op.endswith("2") or op.endswith("n"):
        if rng.random() < 0.5 and len(s) >= 2:
            nd = 2 if op.endswith("2") else rng.randrange(1, len(s) + 1)
            dims = sorted(rng.sample(range(len(s)), nd))
            if op.endswith("n"):
                kw["dim"] = dims
            else:
                kw["dim"] = (dims[0], dims[1])
            if rng.random() < 0.5:
                kw["s"] = [rng.choice([1, 2, 3, 4, 5, 7]) for _ in dims]
    else:
        if rng.random() < 0.5:
            kw["dim"] = rng.randrange(-len(s), len(s))
        if rng.random() < 0.5:
            kw["n"] = rng.choice([1, 2, 3, 4, 5, 7, 8, 10])
    TAG.append('%s|%s|%s|%s' % (op, str(x.dtype)[6:], 'x'.join(map(str, x.shape)), ','.join('%s=%s' % (k, str(v).replace(' ', '')) for k, v in sorted(kw.items()))))
    y = getattr(torch.fft, op)(x, **kw)
    return x, y


def elementwise(rng, i):
    s = shape(rng)
    op = rng.choice(["mul", "mulr", "div", "divr", "rdiv", "abs", "angle", "exp", "log", "conj", "real", "imag", "sgn",
                     "polar", "complex", "var", "vac", "sum", "mean", "sumdim", "meandim", "add", "sub", "cfloat",
                     "mulj", "neg", "sq", "conjmul", "reshape", "sqrt", "reciprocal", "matmul"])
    z = complex_leaf(rng, s)
    TAG.append('%s|%s|%s' % (op, str(z.dtype)[6:], 'x'.join(map(str, s))))
    if op == "mul":
        w = complex_leaf(rng, s[rng.randrange(len(s)):]).to(z.dtype).detach().requires_grad_()
        return [z, w], z * w
    if op == "mulr":
        r = torch.randn(s[-1:], dtype=z.real.dtype, requires_grad=True)
        return [z, r], r * z
    if op == "div":
        w = complex_leaf(rng, s).to(z.dtype).detach().requires_grad_()
        return [z, w], z / w
    if op == "divr":
        r = torch.randn(s, dtype=z.real.dtype, requires_grad=True)
        return [z, r], r / z if rng.random() < 0.5 else z / r
    if op == "rdiv":
        return [z], 2 / z
    if op == "abs":
        return [z], z.abs()
    if op == "angle":
        return [z], z.angle()
    if op == "exp":
        return [z], z.exp()
    if op == "log":
        return [z], torch.log(z)
    if op == "conj":
        return [z], z.conj()
    if op == "real":
        return [z], z.real
    if op == "imag":
        return [z], z.imag
    if op == "sgn":
        return [z], z.sgn()
    if op == "polar":
        a = torch.rand(s, dtype=z.real.dtype, requires_grad=True)
        t = torch.randn(s, dtype=z.real.dtype, requires_grad=True)
        return [a, t], torch.polar(a, t)
    if op == "complex":
        a = torch.randn(s, dtype=z.real.dtype, requires_grad=True)
        t = torch.randn(s[-1:], dtype=z.real.dtype, requires_grad=True)
        return [a, t], torch.complex(a, t)
    if op == "var":
        return [z], torch.view_as_real(z)
    if op == "vac":
        r = torch.randn(s + [2], dtype=z.real.dtype, requires_grad=True)
        return [r], torch.view_as_complex(r)
    if op == "sum":
        return [z], z.sum()
    if op == "mean":
        return [z], z.mean()
    if op == "sumdim":
        return [z], z.sum(rng.randrange(len(s)), keepdim=rng.random() < 0.5)
    if op == "meandim":
        return [z], z.mean(rng.randrange(len(s)))
    if op == "add":
        w = complex_leaf(rng, s).to(z.dtype).detach().requires_grad_()
        return [z, w], z + w * 2
    if op == "sub":
        r = torch.randn(s, dtype=z.real.dtype, requires_grad=True)
        return [z, r], z - r
    if op == "cfloat":
        r = torch.randn(s, dtype=torch.float32, requires_grad=True)
        return [r], r.to(torch.complex64) * z.detach().to(torch.complex64)
    if op == "mulj":
        return [z], z * (1 - 2j)
    if op == "neg":
        return [z], -z
    if op == "sq":
        return [z], z * z
    if op == "conjmul":
        return [z], z * z.conj()
    if op == "reshape":
        return [z], z.reshape(-1)[: max(1, z.numel() // 2)]
    if op == "sqrt":
        return [z], z.sqrt()
    if op == "reciprocal":
        return [z], z.reciprocal()
    if op == "matmul":
        w = complex_leaf(rng, [s[-1], 3]).to(z.dtype).detach().requires_grad_()
        return [z, w], z @ w


def stft_case(rng, i):
    L = rng.choice([16, 20, 33, 40])
    n_fft = rng.choice([4, 8, 16])
    x = real_leaf(rng, [L] if rng.random() < 0.6 else [2, L])
    win = rng.choice([None, "hann", "ones"])
    window = None if win is None else (torch.hann_window(n_fft, dtype=x.dtype) if win == "hann" else torch.ones(n_fft, dtype=x.dtype))
    hop = rng.choice([None, 2, 3, n_fft])
    center = rng.random() < 0.7
    norm = rng.random() < 0.3
    onesided = rng.choice([None, True, False])
    TAG.append('stft|%s|%s|%s|%s|%s|%s|%s|%s' % (str(x.dtype)[6:], 'x'.join(map(str, x.shape)), n_fft, win, hop, center, norm, onesided))
    y = torch.stft(x, n_fft, hop_length=hop, window=window, center=center, normalized=norm, onesided=onesided,
                   return_complex=True)
    if rng.random() < 0.3:
        y2 = torch.istft(y, n_fft, hop_length=hop, window=window, center=center, normalized=norm, onesided=onesided)
        TAG.append('istft')
        return [x], y2
    return [x], y


def eig_case(rng, i):
    n = rng.choice([1, 2, 3, 4])
    A = real_leaf(rng, [n, n] if rng.random() < 0.8 else [2, n, n])
    if rng.random() < 0.6:
        TAG.append('eigvals|%s|%s' % (str(A.dtype)[6:], 'x'.join(map(str, A.shape))))
        return [A], torch.linalg.eigvals(A)
    TAG.append('eig|%s|%s' % (str(A.dtype)[6:], 'x'.join(map(str, A.shape))))
    L, V = torch.linalg.eig(A)
    # a phase-invariant loss of the eigenvectors
    return [A], L * 0.5 + (V.abs() ** 2).sum(-2)


def misc(rng, i):
    k = rng.randrange(4)
    z = complex_leaf(rng, shape(rng))
    if k == 0:
        TAG.append("backward-complex-scalar")
        z.sum().backward()
    elif k == 1:
        TAG.append("backward-complex-grad")
        y = z * 2
        y.backward(torch.ones_like(y))
        OUT.append(z.grad)
    elif k == 2:
        TAG.append("autograd.grad")
        y = (z * z.conj()).real.sum()
        g, = torch.autograd.grad(y, z, create_graph=False)
        OUT.append(g)
    else:
        TAG.append("requires_grad_")
        w = torch.zeros(2, dtype=torch.complex64)
        w.requires_grad_()
        TAG.append(str(w.requires_grad) + str(w.is_leaf))
    return None, None




def real_view(t):
    t = t.detach()
    return torch.view_as_real(t.resolve_conj()) if t.is_complex() else t


for i in range(400):
    rng = random.Random(i)
    torch.manual_seed(i)
    TAG, OUT = [], []
    try:
        kind = rng.random()
        if kind < 0.45:
            x, y = spectral(rng, i)
            xs = [x]
        elif kind < 0.8:
            xs, y = elementwise(rng, i)
        elif kind < 0.9:
            xs, y = stft_case(rng, i)
        elif kind < 0.97:
            xs, y = eig_case(rng, i)
        else:
            xs, y = misc(rng, i)
        if y is not None:
            names = ",".join(chain(y))
            loss = loss_of(rng, y)
            loss.backward()
            OUT = [loss] + [x.grad for x in xs]
        else:
            names = "-"
        line = names + " " + digest(*[real_view(t) for t in OUT])
    except Exception as e:
        line = "ERR %s: %s" % (type(e).__name__, str(e).split("\n")[0][:200])
    print("%d|%s %s" % (i, "|".join(TAG), line))


# Complex functions with per-element C library kernels (sin, cos, tan, sinh, cosh, tanh,
# asin, acos, atanh), forward and gradient, then the division and product row tails.
FUNCS = ["sin", "cos", "tan", "sinh", "cosh", "tanh", "asin", "acos", "atanh"]
for i in range(400, 600):
    rng = random.Random(i)
    torch.manual_seed(i)
    TAG, OUT = [], []
    try:
        k = rng.random()
        s = shape(rng)
        z = complex_leaf(rng, s)
        if k < 0.6:
            op = rng.choice(FUNCS)
            TAG.append('%s|%s|%s' % (op, str(z.dtype)[6:], 'x'.join(map(str, s))))
            y = getattr(torch, op)(z * rng.choice([1, 2, 0.25]))
        elif k < 0.8:
            w = complex_leaf(rng, s[rng.randrange(len(s)):]).to(z.dtype).detach().requires_grad_()
            TAG.append('div-bcast|%s|%s|%s' % (str(z.dtype)[6:], 'x'.join(map(str, s)), 'x'.join(map(str, w.shape))))
            y = z / w if rng.random() < 0.5 else w / z
            z = [z, w]
        else:
            w = complex_leaf(rng, s[:-1] + [1]).to(z.dtype).detach().requires_grad_()
            TAG.append('mul-bcast|%s|%s' % (str(z.dtype)[6:], 'x'.join(map(str, s))))
            y = z * w if rng.random() < 0.5 else w * z.mT if len(s) > 1 else w * z
            z = [z, w]
        xs = z if isinstance(z, list) else [z]
        names = ",".join(chain(y))
        fwd = y.detach()
        loss = loss_of(rng, y)
        loss.backward()
        OUT = [fwd, loss] + [x.grad for x in xs]
        line = names + " " + digest(*[real_view(t) for t in OUT])
    except Exception as e:
        line = "ERR %s: %s" % (type(e).__name__, str(e).split("\n")[0][:200])
    print("%d|%s %s" % (i, "|".join(TAG), line))


# torch.autograd.gradcheck / gradgradcheck (slow mode) with complex inputs and outputs:
# True, or the GradcheckError's full message (numerical and analytical Jacobians printed),
# for right and wrong custom Functions, complex64 inputs and a stride-0 input (one line
# per check: the message's newlines are printed as \n).
import warnings
warnings.simplefilter("ignore")

class WrongMul(torch.autograd.Function):
    # z * w with the gradient missing its conjugate
    @staticmethod
    def forward(ctx, z, w):
        ctx.save_for_backward(z, w)
        return z * w
    @staticmethod
    def backward(ctx, g):
        z, w = ctx.saved_tensors
        return g * w, g * z

class RightMul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z, w):
        ctx.save_for_backward(z, w)
        return z * w
    @staticmethod
    def backward(ctx, g):
        z, w = ctx.saved_tensors
        return g * w.conj(), g * z.conj()

class WrongAbs(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        ctx.save_for_backward(z)
        return z.abs()
    @staticmethod
    def backward(ctx, g):
        z, = ctx.saved_tensors
        return g * z / z.abs()     # should be g * z / |z| -- this one is right
class WrongAbs2(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        ctx.save_for_backward(z)
        return z.abs()
    @staticmethod
    def backward(ctx, g):
        z, = ctx.saved_tensors
        return g * z.conj() / z.abs()
class RealToComplex(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return torch.complex(x, x * 2)
    @staticmethod
    def backward(ctx, g):
        return g.real + g.imag   # should be g.real + 2 * g.imag
class NotMulByGrad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        return z * 2
    @staticmethod
    def backward(ctx, g):
        return torch.ones_like(g) * 2

def c(*s, dt=torch.complex128):
    return torch.randn(*s, dtype=dt, requires_grad=True)
def r(*s, dt=torch.float64):
    return torch.randn(*s, dtype=dt, requires_grad=True)

GC_CASES = [
    ("mul", lambda: (lambda z, w: z * w, (c(3), c(3)))),
    ("sq", lambda: (lambda z: z * z, (c(2, 2),))),
    ("abs", lambda: (lambda z: z.abs(), (c(4),))),
    ("angle", lambda: (lambda z: z.angle(), (c(3),))),
    ("exp", lambda: (lambda z: z.exp(), (c(3),))),
    ("log", lambda: (lambda z: z.log(), (c(3),))),
    ("sqrt", lambda: (lambda z: z.sqrt(), (c(3),))),
    ("sgn", lambda: (lambda z: z.sgn(), (c(3),))),
    ("conj", lambda: (lambda z: z.conj(), (c(3),))),
    ("recip", lambda: (lambda z: z.reciprocal(), (c(3),))),
    ("div", lambda: (lambda z, w: z / w, (c(3), c(3)))),
    ("matmul", lambda: (lambda a, b: a @ b, (c(2, 3), c(3, 2)))),
    ("real", lambda: (lambda z: z.real * 2, (c(3),))),
    ("imag", lambda: (lambda z: z.imag, (c(3),))),
    ("complex", lambda: (lambda x, y: torch.complex(x, y), (r(3), r(3)))),
    ("polar", lambda: (lambda a, t: torch.polar(a, t), (torch.rand(3, dtype=torch.float64, requires_grad=True), r(3)))),
    ("mixed", lambda: (lambda z, x: z * x, (c(3), r(3)))),
    ("tuple-out", lambda: (lambda z: (z * 2, z.abs(), z.real), (c(2),))),
    ("fft", lambda: (lambda z: torch.fft.fft(z), (c(4),))),
    ("rfft", lambda: (lambda x: torch.fft.rfft(x), (r(5),))),
    ("irfft", lambda: (lambda z: torch.fft.irfft(z), (c(3),))),
    ("sum", lambda: (lambda z: z.sum(), (c(2, 3),))),
    ("mean", lambda: (lambda z: z.mean(0), (c(2, 3),))),
    ("view_as_real", lambda: (lambda z: torch.view_as_real(z), (c(3),))),
    ("view_as_complex", lambda: (lambda x: torch.view_as_complex(x), (r(3, 2),))),
    ("RightMul", lambda: (RightMul.apply, (c(3), c(3)))),
    ("WrongMul", lambda: (WrongMul.apply, (c(3), c(3)))),
    ("WrongAbs", lambda: (WrongAbs.apply, (c(3),))),
    ("WrongAbs2", lambda: (WrongAbs2.apply, (c(3),))),
    ("RealToComplex", lambda: (RealToComplex.apply, (r(3),))),
    ("NotMulByGrad", lambda: (NotMulByGrad.apply, (c(2),))),
    ("cfloat", lambda: (lambda z: z * z, (c(3, dt=torch.complex64),))),
    ("cfloat-abs", lambda: (lambda z: z.abs(), (c(3, dt=torch.complex64),))),
    ("stride0", lambda: (lambda z: z * 2, (torch.randn(1, dtype=torch.complex128).expand(3).requires_grad_(),))),
]

for i, (name, make) in enumerate(GC_CASES):
    for mode in ["gc", "gc-noraise", "ggc"]:
        torch.manual_seed(i)
        f, args = make()
        try:
            if mode == "gc":
                res = torch.autograd.gradcheck(f, args)
            elif mode == "gc-noraise":
                res = torch.autograd.gradcheck(f, args, raise_exception=False)
            else:
                if name.startswith("Wrong") or name in ("NotMulByGrad", "RealToComplex", "stride0"):
                    continue
                res = torch.autograd.gradgradcheck(f, args)
            print("gc%d|%s|%s" % (i, name, mode), res)
        except Exception as e:
            print("gc%d|%s|%s" % (i, name, mode), "ERR", type(e).__name__, str(e).replace("\n", "\\n"))
