# The numerics audit as a capability script: every elementwise and reduction function
# lessons use, on random inputs of several layouts and sizes (below and above 8, 16 and 32
# lanes and the 32,768 grain), float32 and float64. Each line is a key
# (function|dtype|layout[|dim|keepdim]), then a bit digest of the result (numel:d1:d2,
# Σ (bits mod p)·(i mod p + 1) for two primes p), or ERR and the exception's type. Run by
# CapabilityScriptTests at each capability; by hand, compare with
#   ~/torch-venv/bin/python numerics-audit.py > torch.txt
#   ATEN_CPU_CAPABILITY=avx512 .build/debug/gradbook exec numerics-audit.py | diff torch.txt -
# (the same variable on PyTorch's side for another capability). Earlier sessions also ran a
# 200x300 layout; t300x200 and n40000 cross the grain at half the run time.
import math
import torch
import torch.nn.functional as F

torch.set_num_threads(2)


def digest(y):
    y = y.detach().contiguous().reshape(-1)
    if y.dtype == torch.float32:
        b = y.view(torch.int32).to(torch.int64)
    elif y.dtype == torch.float64:
        b = y.view(torch.int64)
    elif y.dtype == torch.bool:
        b = y.to(torch.int64)
    else:
        b = y.to(torch.int64)
    i = torch.arange(b.numel(), dtype=torch.int64)
    d1 = ((b % 65521) * (i % 65521 + 1)).sum().item()
    d2 = ((b % 65519) * (i % 65519 + 1)).sum().item()
    return "%d:%d:%d" % (b.numel(), d1, d2)


# (name, base shape, make view): views of a base tensor made contiguous.
LAYOUTS = [
    ("n7", (7,), lambda x: x),
    ("n33", (33,), lambda x: x),
    ("n1000", (1000,), lambda x: x),
    ("n40000", (40000,), lambda x: x),
    ("c13x17", (13, 17), lambda x: x),
    ("t17x13", (17, 13), lambda x: x.t()),
    ("e1x33", (1, 33), lambda x: x.expand(9, 33)),
    ("e9x1", (9, 1), lambda x: x.expand(9, 33)),
    ("s13x34", (13, 34), lambda x: x[:, ::2]),
    ("t300x200", (300, 200), lambda x: x.t()),
    ("c4x5x6", (4, 5, 6), lambda x: x),
]
DTYPES = [("f32", torch.float32), ("f64", torch.float64)]

# Unary: name, function, input range.
U = [
    ("abs", torch.abs, -4, 4), ("neg", torch.neg, -4, 4), ("exp", torch.exp, -10, 10), ("exp2", torch.exp2, -10, 10),
    ("expm1", torch.expm1, -3, 3), ("log", torch.log, 0.01, 10), ("log2", torch.log2, 0.01, 10),
    ("log10", torch.log10, 0.01, 10), ("log1p", torch.log1p, -0.9, 5), ("sqrt", torch.sqrt, 0, 10),
    ("rsqrt", torch.rsqrt, 0.01, 10), ("sin", torch.sin, -6, 6), ("cos", torch.cos, -6, 6), ("tan", torch.tan, -1.5, 1.5),
    ("asin", torch.asin, -1, 1), ("acos", torch.acos, -1, 1), ("atan", torch.atan, -5, 5), ("sinh", torch.sinh, -4, 4),
    ("cosh", torch.cosh, -4, 4), ("tanh", torch.tanh, -4, 4), ("asinh", torch.asinh, -5, 5), ("acosh", torch.acosh, 1, 6),
    ("atanh", torch.atanh, -0.99, 0.99), ("sigmoid", torch.sigmoid, -8, 8), ("erf", torch.erf, -3, 3),
    ("erfc", torch.erfc, -3, 3), ("erfinv", torch.erfinv, -0.99, 0.99), ("lgamma", torch.lgamma, 0.1, 8),
    ("digamma", torch.digamma, 0.1, 8), ("ceil", torch.ceil, -5, 5), ("floor", torch.floor, -5, 5),
    ("round", torch.round, -5, 5), ("trunc", torch.trunc, -5, 5), ("frac", torch.frac, -5, 5), ("sign", torch.sign, -5, 5),
    ("reciprocal", torch.reciprocal, 0.1, 5), ("square", torch.square, -5, 5), ("relu", torch.relu, -5, 5),
    ("sinc", torch.sinc, -3, 3), ("i0", torch.i0, -3, 3),
    ("special.ndtr", torch.special.ndtr, -5, 5), ("special.entr", torch.special.entr, 0, 3),
    ("special.ndtri", torch.special.ndtri, 0.01, 0.99), ("special.log_ndtr", torch.special.log_ndtr, -5, 5),
    ("special.expit", torch.special.expit, -8, 8), ("special.erfcx", torch.special.erfcx, -2, 5),
    ("special.i0e", torch.special.i0e, -5, 5), ("special.i1", torch.special.i1, -5, 5),
    ("F.gelu", F.gelu, -4, 4), ("F.gelu_tanh", lambda x: F.gelu(x, approximate="tanh"), -4, 4),
    ("F.silu", F.silu, -6, 6), ("F.softplus", F.softplus, -6, 6), ("F.elu", F.elu, -4, 4), ("F.selu", F.selu, -4, 4),
    ("F.celu", F.celu, -4, 4), ("F.mish", F.mish, -5, 5), ("F.hardswish", F.hardswish, -5, 5),
    ("F.hardsigmoid", F.hardsigmoid, -5, 5), ("F.logsigmoid", F.logsigmoid, -8, 8),
    ("F.leaky_relu", F.leaky_relu, -5, 5), ("F.softsign", F.softsign, -5, 5), ("F.tanhshrink", F.tanhshrink, -4, 4),
    ("F.relu6", F.relu6, -8, 8), ("F.hardtanh", F.hardtanh, -2, 2), ("F.softshrink", F.softshrink, -2, 2),
    ("pow2", lambda x: x ** 2, -4, 4), ("pow3", lambda x: x ** 3, -4, 4), ("pow0.5", lambda x: x ** 0.5, 0, 9),
    ("pow-1", lambda x: x ** -1, 0.1, 4), ("pow2.5", lambda x: x ** 2.5, 0, 4), ("pow4", lambda x: x ** 4, -3, 3),
    ("rpow2", lambda x: 2 ** x, -5, 5), ("mul_scalar", lambda x: x * 0.1, -5, 5), ("div_scalar", lambda x: x / 3, -5, 5),
    ("add_scalar", lambda x: x + 0.1, -5, 5), ("rsub_scalar", lambda x: 1 - x, -5, 5), ("clamp", lambda x: x.clamp(-1, 0.5), -3, 3),
    ("nan_to_num", torch.nan_to_num, -3, 3),
]

# Binary: second operand of the same layout, made from another draw.
B = [
    ("add", torch.add, -5, 5, -5, 5), ("sub", torch.sub, -5, 5, -5, 5), ("mul", torch.mul, -5, 5, -5, 5),
    ("div", torch.div, -5, 5, 0.1, 5), ("pow", torch.pow, 0.1, 4, -3, 3), ("atan2", torch.atan2, -5, 5, -5, 5),
    ("maximum", torch.maximum, -5, 5, -5, 5), ("minimum", torch.minimum, -5, 5, -5, 5),
    ("fmod", torch.fmod, -5, 5, 0.3, 2), ("remainder", torch.remainder, -5, 5, 0.3, 2), ("hypot", torch.hypot, -5, 5, -5, 5),
    ("logaddexp", torch.logaddexp, -5, 5, -5, 5), ("logaddexp2", torch.logaddexp2, -5, 5, -5, 5),
    ("xlogy", torch.xlogy, -3, 3, 0.01, 5), ("special.xlog1py", torch.special.xlog1py, -3, 3, -0.9, 5),
    ("copysign", torch.copysign, -5, 5, -5, 5), ("floor_divide", torch.floor_divide, -5, 5, 0.3, 2),
    ("lerp", lambda a, b: torch.lerp(a, b, 0.3), -5, 5, -5, 5), ("addcmul", lambda a, b: torch.addcmul(a, a, b, value=0.5), -3, 3, -3, 3),
    ("addcdiv", lambda a, b: torch.addcdiv(a, a, b, value=0.5), -3, 3, 0.5, 3),
    ("F.mse_loss", lambda a, b: F.mse_loss(a, b), -3, 3, -3, 3), ("F.l1_loss", lambda a, b: F.l1_loss(a, b), -3, 3, -3, 3),
    ("F.smooth_l1_loss", lambda a, b: F.smooth_l1_loss(a, b), -3, 3, -3, 3),
    ("F.binary_cross_entropy", lambda a, b: F.binary_cross_entropy(a, b), 0.01, 0.99, 0, 1),
    ("F.bce_with_logits", lambda a, b: F.binary_cross_entropy_with_logits(a, b), -4, 4, 0, 1),
]

# Reductions: name, function(x, dim, keepdim) (dim None = all), range.
R = [
    ("sum", lambda x, d, k: x.sum() if d is None else x.sum(d, keepdim=k)),
    ("mean", lambda x, d, k: x.mean() if d is None else x.mean(d, keepdim=k)),
    ("nansum", lambda x, d, k: x.nansum() if d is None else x.nansum(d, keepdim=k)),
    ("nanmean", lambda x, d, k: x.nanmean() if d is None else x.nanmean(d, keepdim=k)),
    ("prod", lambda x, d, k: (x * 0.5 + 0.75).prod() if d is None else (x * 0.5 + 0.75).prod(d, keepdim=k)),
    ("amax", lambda x, d, k: x.amax() if d is None else x.amax(d, keepdim=k)),
    ("amin", lambda x, d, k: x.amin() if d is None else x.amin(d, keepdim=k)),
    ("logsumexp", lambda x, d, k: torch.logsumexp(x, tuple(range(x.dim())) if d is None else d, keepdim=k)),
    ("var", lambda x, d, k: x.var() if d is None else x.var(d, keepdim=k)),
    ("std", lambda x, d, k: x.std() if d is None else x.std(d, keepdim=k)),
    ("var_unbiased0", lambda x, d, k: x.var(correction=0) if d is None else x.var(d, correction=0, keepdim=k)),
    ("var_mean", lambda x, d, k: torch.cat([t.reshape(-1) for t in (torch.var_mean(x) if d is None else torch.var_mean(x, d, keepdim=k))])),
    ("std_mean", lambda x, d, k: torch.cat([t.reshape(-1) for t in (torch.std_mean(x) if d is None else torch.std_mean(x, d, keepdim=k))])),
    ("norm", lambda x, d, k: x.norm() if d is None else x.norm(dim=d, keepdim=k)),
    ("norm1", lambda x, d, k: x.norm(p=1) if d is None else x.norm(p=1, dim=d, keepdim=k)),
    ("norm3", lambda x, d, k: x.norm(p=3) if d is None else x.norm(p=3, dim=d, keepdim=k)),
    ("norminf", lambda x, d, k: x.norm(p=float("inf")) if d is None else x.norm(p=float("inf"), dim=d, keepdim=k)),
    ("linalg.vector_norm", lambda x, d, k: torch.linalg.vector_norm(x, dim=d, keepdim=k)),
    ("cumsum", lambda x, d, k: x.reshape(-1).cumsum(0) if d is None else x.cumsum(d)),
    ("cumprod", lambda x, d, k: (x * 0.1 + 1).reshape(-1)[:500].cumprod(0) if d is None else (x * 0.1 + 1).cumprod(d)),
    ("logcumsumexp", lambda x, d, k: x.reshape(-1).logcumsumexp(0) if d is None else x.logcumsumexp(d)),
    ("cummax", lambda x, d, k: x.reshape(-1).cummax(0)[0] if d is None else x.cummax(d)[0]),
    ("softmax", lambda x, d, k: torch.softmax(x, -1 if d is None else d)),
    ("log_softmax", lambda x, d, k: torch.log_softmax(x, -1 if d is None else d)),
    ("F.normalize", lambda x, d, k: F.normalize(x, dim=-1 if d is None else d)),
    ("mean_of_sq", lambda x, d, k: (x * x).mean() if d is None else (x * x).mean(d, keepdim=k)),
    ("max_dim", lambda x, d, k: x.max() if d is None else x.max(d, keepdim=k)[0]),
    ("median", lambda x, d, k: x.median() if d is None else x.median(d, keepdim=k)[0]),
]

torch.manual_seed(0)


def draw(shape, dt, lo, hi):
    return torch.rand(shape, dtype=dt) * (hi - lo) + lo


def run(key, f):
    try:
        y = f()
        print(key, digest(y))
    except Exception as e:  # a missing function or a failure: its own line
        print(key, "ERR", type(e).__name__)


for dname, dt in DTYPES:
    for lname, shape, view in LAYOUTS:
        for name, f, lo, hi in U:
            x = view(draw(shape, dt, lo, hi))
            run("%s|%s|%s" % (name, dname, lname), lambda: f(x))
        for name, f, lo, hi, lo2, hi2 in B:
            x = view(draw(shape, dt, lo, hi))
            y = view(draw(shape, dt, lo2, hi2))
            run("%s|%s|%s" % (name, dname, lname), lambda: f(x, y))
        dims = [None] + list(range(len(shape)))
        for name, f in R:
            x = view(draw(shape, dt, -3, 3))
            for d in dims:
                for k in ((False, True) if d is not None and d == 0 else (False,)):
                    run("%s|%s|%s|%s|%s" % (name, dname, lname, d, k), lambda: f(x, d, k))
    # Broadcasting with a gradient: d(a + b).sum() / db sums an expanded gradient.
    for shape_a, shape_b in [((9, 33), (33,)), ((9, 33), (9, 1)), ((300, 200), (200,)), ((4, 5, 6), (5, 1)), ((40000,), (1,))]:
        a = draw(shape_a, dt, -3, 3).requires_grad_()
        b = draw(shape_b, dt, -3, 3).requires_grad_()
        def grads():
            ((a * b) + b).sum().backward()
            return torch.cat([a.grad.reshape(-1), b.grad.reshape(-1)])
        run("broadcast_backward|%s|%s" % (dname, "x".join(map(str, shape_a)) + "+" + "x".join(map(str, shape_b))), grads)
