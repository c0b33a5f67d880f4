# Forward-mode AD (torch.func.jvp / jacfwd / hessian, torch.autograd.functional.jvp / hvp) over
# common ops, float32/float64, printed as bits; then torch.autograd.forward_ad as the tutorial uses it.
import torch, random, os
import torch.nn.functional as F
from torch.func import jvp, jacfwd, hessian
import torch.autograd.functional as AF
ONLY = None
def bits(t):
    if not isinstance(t, torch.Tensor): return repr(t)
    t = t.detach()
    if t.dtype == torch.float32: return "f32 %s %s" % (list(t.shape), t.contiguous().view(torch.int32).reshape(-1).tolist())
    if t.dtype == torch.float64: return "f64 %s %s" % (list(t.shape), t.contiguous().view(torch.int64).reshape(-1).tolist())
    return "%s %s %s" % (t.dtype, list(t.shape), t.reshape(-1).tolist())
_K = [0, 0]
def show(x):
    if isinstance(x, (tuple, list)):
        for y in x: show(y)
    else:
        _K[1] += 1
        print("c%d.%d" % (_K[0], _K[1]), bits(x))
# unary ops on one tensor (shape [3,4])
U = {
 "sin": torch.sin, "cos": torch.cos, "exp": torch.exp, "log": lambda x: torch.log(x.abs() + 0.5), "tanh": torch.tanh,
 "sigmoid": torch.sigmoid, "sqrt": lambda x: (x * x + 1).sqrt(), "rsqrt": lambda x: (x*x+1).rsqrt(), "reciprocal": lambda x: 1 / (x*x + 1),
 "pow2": lambda x: x ** 2, "pow3": lambda x: x.pow(3), "powf": lambda x: (x.abs()+1) ** 1.7, "square": torch.square, "abs": torch.abs,
 "relu": torch.relu, "gelu": F.gelu, "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"), "silu": F.silu, "softplus": F.softplus,
 "elu": F.elu, "leaky": lambda x: F.leaky_relu(x, 0.1), "erf": torch.erf, "expm1": torch.expm1, "log1p": lambda x: torch.log1p(x.abs()),
 "atan": torch.atan, "asinh": torch.asinh, "sinh": torch.sinh, "cosh": torch.cosh, "tan": lambda x: torch.tan(x * 0.3),
 "softmax": lambda x: F.softmax(x, -1), "softmax0": lambda x: torch.softmax(x, 0), "log_softmax": lambda x: F.log_softmax(x, -1),
 "logsumexp": lambda x: torch.logsumexp(x, 1), "sum": torch.sum, "sum1": lambda x: x.sum(1), "mean": torch.mean, "mean0": lambda x: x.mean(0, keepdim=True),
 "prod": lambda x: x.prod(1), "var": lambda x: x.var(1), "std": lambda x: x.std(), "norm": lambda x: x.norm(), "norm1": lambda x: torch.linalg.vector_norm(x, dim=1),
 "amax": lambda x: x.amax(1), "max": lambda x: x.max(), "cumsum": lambda x: x.cumsum(1), "cumprod": lambda x: x.cumprod(1),
 "t": lambda x: x.t() * 2, "view": lambda x: x.view(4, 3).sin(), "reshape": lambda x: x.reshape(-1).exp(), "permute": lambda x: x.unsqueeze(0).permute(2, 0, 1).tanh(),
 "index": lambda x: x[1:, ::2] * x[:-1, 1::2], "cat": lambda x: torch.cat([x, x.sin()], 0), "stack": lambda x: torch.stack([x, x * x]),
 "clamp": lambda x: x.clamp(-0.5, 0.5), "where": lambda x: torch.where(x > 0, x * x, x.exp()), "mm_self": lambda x: x @ x.t(),
 "layer_norm": lambda x: F.layer_norm(x, (4,)), "normalize": lambda x: F.normalize(x, dim=1), "chain": lambda x: (x.sin() * x.cos() + x.exp()).sum(1) / 3,
 "poly": lambda x: x * x * x - 2 * x + 1, "div": lambda x: x / (x * x + 1), "atan2": lambda x: torch.atan2(x, x.cos() + 2),
 "mse": lambda x: F.mse_loss(x, torch.ones_like(x)), "smoothl1": lambda x: F.smooth_l1_loss(x, torch.zeros_like(x)), "ce": lambda x: F.cross_entropy(x, torch.tensor([0, 3, 1])),
 "bce": lambda x: F.binary_cross_entropy_with_logits(x, torch.full_like(x, 0.3)), "nll": lambda x: F.nll_loss(F.log_softmax(x, 1), torch.tensor([2, 0, 1])),
 "huber": lambda x: F.huber_loss(x, x.detach() * 0.5), "l1": lambda x: F.l1_loss(x, torch.zeros_like(x)),
 "dropout0": lambda x: F.dropout(x, 0.0), "hardtanh": F.hardtanh, "mish": F.mish, "logsigmoid": F.logsigmoid, "tanhshrink": F.tanhshrink,
}
# two-input ops: x [3,4], w depends on op
B = {
 "mm": (lambda a, b: a @ b, (4, 5)), "matmul_bv": (lambda a, b: torch.matmul(a, b), (4,)), "mul": (lambda a, b: a * b, (3, 4)), "add": (lambda a, b: a + 2 * b, (3, 4)),
 "sub": (lambda a, b: a - b, (4,)), "div": (lambda a, b: a / (b * b + 1), (3, 4)), "pow": (lambda a, b: (a.abs() + 1) ** b, (3, 4)),
 "linear": (lambda a, b: F.linear(a, b, torch.ones(5, dtype=b.dtype)), (5, 4)), "linear_nb": (lambda a, b: F.linear(a, b), (2, 4)), "bmm": (lambda a, b: torch.bmm(a.view(1, 3, 4), b.view(1, 4, 2)), (4, 2)),
 "addmm": (lambda a, b: torch.addmm(torch.ones(3, 5, dtype=a.dtype), a, b), (4, 5)), "einsum": (lambda a, b: torch.einsum("ij,jk->ik", a, b), (4, 3)), "dot": (lambda a, b: a[0].dot(b), (4,)),
 "mv": (lambda a, b: torch.mv(a, b), (4,)), "maximum": (lambda a, b: torch.maximum(a, b), (3, 4)), "hypot": (lambda a, b: torch.hypot(a, b), (3, 4)),
 "lerp": (lambda a, b: torch.lerp(a, b, 0.3), (3, 4)), "addcmul": (lambda a, b: torch.addcmul(a, a, b, value=0.5), (3, 4)),
 "conv1d": (lambda a, b: F.conv1d(a.view(1, 3, 4), b.view(2, 3, 2), padding=1), (2, 3, 2)), "conv2d": (lambda a, b: F.conv2d(a.view(1, 1, 3, 4), b.view(2, 1, 2, 2)), (2, 1, 2, 2)),
 "layer_norm_w": (lambda a, b: F.layer_norm(a, (4,), b, None), (4,)), "mse2": (lambda a, b: F.mse_loss(a, b), (3, 4)), "cosine": (lambda a, b: F.cosine_similarity(a, b), (3, 4)),
 "softmax_mul": (lambda a, b: F.softmax(a * b, -1), (3, 4)), "outer": (lambda a, b: torch.outer(a[0], b), (5,)),
}
N = 160
for i in range(N):
    if ONLY is not None and i not in ONLY: continue
    rng = random.Random(i); torch.manual_seed(i)
    dt = rng.choice([torch.float32, torch.float64])
    _K[0] = i; _K[1] = 0
    try:
        if rng.random() < 0.65:
            name = rng.choice(sorted(U)); f = U[name]
            x = torch.randn(3, 4, dtype=dt); v = torch.randn(3, 4, dtype=dt)
            tr = rng.choice(["jvp", "jvp", "jacfwd", "afjvp", "hessian", "hvp"])
            print("c%d" % i, name, tr, dt)
            if tr == "jvp": show(jvp(f, (x,), (v,)))
            elif tr == "jacfwd": show(jacfwd(f)(x))
            elif tr == "afjvp": show(AF.jvp(f, x, v))
            elif tr == "hessian": show(hessian(lambda y: f(y).sum())(x[:2, :3].contiguous() if name not in ("ce", "nll", "layer_norm", "normalize", "view", "permute", "t", "mm_self", "index") else x))
            else: show(AF.hvp(lambda y: f(y).sum(), x, v))
        else:
            name = rng.choice(sorted(B)); f, ws = B[name]
            x = torch.randn(3, 4, dtype=dt); w = torch.randn(ws, dtype=dt)
            vx = torch.randn(3, 4, dtype=dt); vw = torch.randn(ws, dtype=dt)
            tr = rng.choice(["jvp", "jvp", "jvp_w", "jacfwd", "afjvp", "hvp"])
            print("c%d" % i, name, tr, dt)
            if tr == "jvp": show(jvp(f, (x, w), (vx, vw)))
            elif tr == "jvp_w": show(jvp(lambda b: f(x, b), (w,), (vw,)))
            elif tr == "jacfwd": show(jacfwd(f, argnums=(0, 1))(x, w))
            elif tr == "afjvp": show(AF.jvp(f, (x, w), (vx, vw)))
            else: show(AF.hvp(lambda a, b: f(a, b).sum(), (x, w), (vx, vw)))
    except Exception as e:
        print("c%d.x" % i, "EXC", type(e).__name__, str(e)[:200])

import torch.autograd.forward_ad as fwAD
torch.manual_seed(7)
x = torch.randn(4, 3); t = torch.randn(4, 3)
with fwAD.dual_level():
    d = fwAD.make_dual(x, t)
    print("fa.1", bits(fwAD.unpack_dual(d).tangent), fwAD.unpack_dual(d).primal.equal(x))
    y = torch.tanh(d) * d.sin() + d.exp().sum(0)
    p, tt = fwAD.unpack_dual(y)
    print("fa.2", bits(p), bits(tt))
    u = fwAD.unpack_dual(y)
    print("fa.3", type(u).__name__, u._fields, isinstance(u, tuple))
    lin = torch.nn.Linear(3, 2)
    z = F.softmax(lin(d), -1)
    print("fa.4", bits(fwAD.unpack_dual(z).tangent))
    print("fa.5", fwAD.unpack_dual(x).tangent)
print("fa.6", fwAD.unpack_dual(y).tangent)
for k, f in enumerate([lambda: fwAD.make_dual(x, t)]):
    try:
        f()
    except Exception as e:
        print("fa.e%d" % k, type(e).__name__, e)
with fwAD.dual_level():
    for k, f in enumerate([lambda: fwAD.make_dual(x, torch.ones(2)), lambda: fwAD.make_dual(torch.arange(3), torch.ones(3)),
                           lambda: fwAD.make_dual(x, torch.ones(4, 3, dtype=torch.int64))]):
        try:
            f()
        except Exception as e:
            print("fa.f%d" % k, type(e).__name__, e)
# prod / cumprod with zeros (prod_safe_zeros_backward, cumprod_jvp's where branch)
z = torch.tensor([[1.5, 0.0, -2.0, 3.0], [0.0, 2.0, 0.0, 1.25], [0.5, -1.0, 4.0, 2.0]])
zt = torch.tensor([[0.25, -1.0, 2.0, 0.5], [1.0, 0.5, -0.75, 2.0], [1.5, 0.25, -0.5, 1.0]])
for k, f in enumerate([lambda a: a.prod(), lambda a: a.prod(1), lambda a: a[2].prod(), lambda a: a.cumprod(1), lambda a: torch.cumprod(a, 0)]):
    print("z%d.j" % k, bits(jvp(f, (z,), (zt,))[1]))
    with fwAD.dual_level():
        print("z%d.f" % k, bits(fwAD.unpack_dual(f(fwAD.make_dual(z, zt))).tangent))
    with torch.no_grad(), fwAD.dual_level():
        print("z%d.n" % k, bits(fwAD.unpack_dual(f(fwAD.make_dual(z, zt))).tangent))
# torch.special elementwise ops, printing a dual tensor, exiting with no level open
s = torch.rand(2, 3) * 0.8 + 0.1
st = torch.randn(2, 3)
with fwAD.dual_level():
    d = fwAD.make_dual(s, st)
    for n in ["erfcx", "expit", "logit", "ndtr", "ndtri", "log_ndtr", "i0e", "i1", "entr", "digamma", "gammaln", "erfinv"]:
        print("sp." + n, bits(fwAD.unpack_dual(getattr(torch.special, n)(d)).tangent))
    print("rp.1", repr(fwAD.make_dual(torch.tensor([1.5, -2.0]), torch.tensor([0.25, 1.0]))))
    print("rp.2", repr(fwAD.make_dual(torch.tensor([[1.5, -2.0], [3.0, 0.5]]), torch.tensor([[0.25, 1.0], [2.0, -1.0]]))).replace("\n", "|"))
try:
    fwAD.exit_dual_level()
except Exception as e:
    print("ex.1", type(e).__name__, e)
