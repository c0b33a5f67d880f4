# A trimmed, deterministic differential fuzz of torch tensor ops (the session-13 op fuzz):
# random dtypes (bool, integers, float16/bfloat16/float32/float64), broadcasting, Python-number
# operands, reductions, sort/topk families. One line per case, keyed "SEED|op", with the
# result's type (return_types must be tuples), dtypes, shapes and leading values, or the
# error. Seeds 0-399, then the later seeds where Gradbook once differed from PyTorch.
import torch, random
rng = random.Random(99)
torch.manual_seed(0)
DT = [torch.float32, torch.float64, torch.int64, torch.int32, torch.bool, torch.uint8, torch.int16, torch.float16, torch.bfloat16]
def mk(shape, dt):
    if dt == torch.bool: return torch.rand(shape) < 0.5
    if dt.is_floating_point: return (torch.randn(shape) * 3).to(dt)
    if dt == torch.uint8: return torch.randint(0, 20, shape, dtype=dt)
    return torch.randint(-9, 10, shape, dtype=dt)
def shp():
    nd = rng.choice([0, 1, 2, 3])
    return [rng.choice([1, 2, 3, 5]) for _ in range(nd)]
def bshape(s):
    return [d if rng.random() < 0.6 else 1 for d in s][rng.choice([0, 0, 1]) if s else 0:]
BIN = ["add", "sub", "mul", "div", "floor_divide", "remainder", "fmod", "pow", "maximum", "minimum", "atan2", "eq", "lt", "ge",
       "bitwise_and", "bitwise_or", "bitwise_xor", "logical_and", "hypot", "copysign", "true_divide", "div_floor", "div_trunc", "xlogy", "fmax", "lerp_s", "where", "clamp", "rsub", "nextafter", "ldexp", "float_power", "heaviside", "gcd", "lcm", "bitwise_left_shift"]
UN = ["abs", "neg", "sign", "sqrt", "exp", "log", "sin", "cos", "tan", "tanh", "sigmoid", "floor", "ceil", "round", "trunc", "frac", "reciprocal", "rsqrt", "square", "erf", "erfc", "expm1", "log1p", "log2", "log10", "exp2", "asin", "acos", "atan", "sinh", "cosh", "asinh", "acosh", "atanh", "lgamma", "digamma", "logit", "i0", "sinc", "deg2rad", "bitwise_not", "logical_not", "isnan", "isinf", "signbit", "nan_to_num", "relu", "angle", "positive", "sgn", "round2", "cumsum", "cumprod", "sum", "mean", "prod", "amax", "argmax", "std", "var", "logsumexp", "nansum", "all", "any", "count_nonzero", "sort", "argsort", "unique", "msort", "median", "mode", "kthvalue", "topk", "cummax", "norm", "diff", "flip", "roll", "nonzero", "trace_", "tril", "triu", "diag", "histc", "bincount", "searchsorted"]
CASES = list(range(400)) + [417, 425, 435, 443, 460, 462, 482, 493, 508, 516, 523, 545, 583, 587, 615, 619, 627, 634, 666,
    684, 686, 688, 689, 707, 712, 718, 723, 725, 736, 754, 805, 825, 837, 853, 881, 909, 919, 931, 935, 991, 1005, 1016,
    1033, 1034, 1037, 1048, 1064, 1066, 1093, 1115, 1116, 1120, 1123, 1148, 1163, 1171, 1194, 1203, 1212, 1222, 1232, 1235,
    1244, 1245, 1246, 1250, 1273, 1281, 1294, 1296, 1306, 1314, 1317, 1324, 1345, 1352, 1355, 1370, 1394, 1408, 1415, 1460,
    1475, 1477, 1481, 1486, 1490, 1494]
for i in CASES:
    rng = random.Random(i)
    torch.manual_seed(i)
    a_dt, b_dt = rng.choice(DT), rng.choice(DT)
    s = shp()
    a = mk(s, a_dt)
    scal = rng.random() < 0.2
    b = rng.choice([2, -3, 0.5, True, 2.5]) if scal else mk(bshape(s), b_dt)
    tag = "%d" % i
    try:
        if rng.random() < 0.5:
            op = rng.choice(BIN)
            if op == "div_floor": r = torch.div(a, b, rounding_mode="floor")
            elif op == "div_trunc": r = torch.div(a, b, rounding_mode="trunc")
            elif op == "lerp_s": r = torch.lerp(a, b if not scal else torch.tensor(b), 0.3)
            elif op == "where": r = torch.where(a > 0 if a.dtype != torch.bool else a, a, b)
            elif op == "clamp": r = torch.clamp(a, min=b if scal else None, max=None if scal else b)
            else: r = getattr(torch, op)(a, b)
            tag += "|" + op
        else:
            op = rng.choice(UN)
            tag += "|" + op
            if op == "round2": r = torch.round(a, decimals=1)
            elif op in ("sum", "mean", "prod", "amax", "argmax", "std", "var", "logsumexp", "nansum", "all", "any", "count_nonzero", "norm", "median"):
                if a.dim() and rng.random() < 0.6:
                    d = rng.randrange(a.dim()); kd = rng.random() < 0.5
                    r = getattr(torch, op)(a, d) if op in ("count_nonzero",) else getattr(torch, op)(a, d, keepdim=kd)
                else: r = getattr(torch, op)(a)
            elif op in ("cumsum", "cumprod", "cummax", "sort", "argsort", "kthvalue", "topk", "mode", "diff", "roll", "msort"):
                d = rng.randrange(a.dim()) if a.dim() else 0
                if op == "kthvalue": r = torch.kthvalue(a, 1, d)
                elif op == "topk": r = torch.topk(a, 1, d)
                elif op == "roll": r = torch.roll(a, 1, d)
                elif op == "msort": r = torch.msort(a)
                elif op == "diff": r = torch.diff(a, dim=d)
                else: r = getattr(torch, op)(a, d)
            elif op == "unique": r = torch.unique(a, return_counts=True, return_inverse=True)
            elif op == "trace_": r = torch.trace(a.reshape(a.shape[0], -1) if a.dim() else a.reshape(1, 1))
            elif op in ("tril", "triu"): r = getattr(torch, op)(a.reshape(a.shape[0], -1) if a.dim() else a.reshape(1, 1), rng.choice([-1, 0, 1]))
            elif op == "diag": r = torch.diag(a.flatten() if a.dim() != 2 else a)
            elif op == "histc": r = torch.histc(a.float() if not a.is_floating_point() else a, bins=5)
            elif op == "bincount": r = torch.bincount(a.flatten().abs().long())
            elif op == "searchsorted": r = torch.searchsorted(torch.sort(a.flatten())[0], a)
            elif op == "nonzero": r = torch.nonzero(a)
            else: r = getattr(torch, op)(a)
        rs = r if isinstance(r, (tuple, list)) else [r]
        print(tag, a_dt, b_dt if not scal else repr(b), s, "|", type(r).__name__, isinstance(r, tuple),
              " ; ".join("%s %s %s" % (x.dtype, list(x.shape), x.flatten()[:12].tolist()) for x in rs))
    except Exception as e:
        print(tag, a_dt, b_dt if not scal else repr(b), s, "ERR", type(e).__name__, str(e)[:160])
