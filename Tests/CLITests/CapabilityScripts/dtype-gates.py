# Which dtypes each op accepts, and PyTorch's exact refusal for the others: unary,
# reduction, sort-family and ternary ops over bool, the integer types and the floating
# types, binary ops over same-dtype pairs and with Python-number operands (tensor first,
# method form, bool tensor). One line per op and dtype (or operand), keyed "op|dtype".
import torch
DT = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.float16, torch.bfloat16, torch.float32]
def mk(dt):
    if dt == torch.bool: return torch.tensor([True, False, True])
    return torch.tensor([3, 1, 2]).to(dt)
def show(k, f):
    k = k.replace(" ", "|").replace("torch.", "")
    try:
        r = f()
        if isinstance(r, tuple): r = r[0]
        print(k, r.dtype, r.tolist())
    except Exception as e:
        print(k, "ERR", type(e).__name__, str(e))
UN = ["abs", "neg", "sign", "sgn", "floor", "ceil", "round", "trunc", "frac", "relu", "positive", "square", "reciprocal", "rsqrt", "sqrt", "exp", "sigmoid", "bitwise_not", "logical_not", "nan_to_num", "signbit", "isnan", "lgamma", "digamma", "i0", "sinc", "deg2rad", "angle", "logit", "erfinv", "expm1", "trace", "argmax", "argmin", "cumsum", "cumprod", "sum", "prod", "mean", "amax", "amin", "max", "min", "std", "logsumexp", "norm", "median", "nansum", "all", "any", "count_nonzero", "msort", "diff"]
for op in UN:
    for dt in DT:
        a = mk(dt)
        if op == "trace": show("%s %s" % (op, dt), lambda: torch.trace(a.reshape(1, 3)[:, :1]))
        else: show("%s %s" % (op, dt), lambda: getattr(torch, op)(a))
for dt in DT:
    a = mk(dt)
    show("round1 %s" % dt, lambda: torch.round(a, decimals=1))
    show("hardtanh %s" % dt, lambda: torch.nn.functional.hardtanh(a))
    show("clamp %s" % dt, lambda: torch.clamp(a, 0, 1))
    show("pow2 %s" % dt, lambda: torch.pow(a, 2))
    show("pows %s" % dt, lambda: torch.pow(2, a))
    show("powt %s" % dt, lambda: torch.pow(a, a))
    show("lerp %s" % dt, lambda: torch.lerp(a, a, 0.3))
    show("lerpt %s" % dt, lambda: torch.lerp(a, a, a))
    show("addcdiv %s" % dt, lambda: torch.addcdiv(a, a, a))
    show("addcmul %s" % dt, lambda: torch.addcmul(a, a, a))
    show("diff0 %s" % dt, lambda: torch.diff(a[0]))
    show("cummax %s" % dt, lambda: torch.cummax(a, 0))
    show("sort %s" % dt, lambda: torch.sort(a))
    show("topk %s" % dt, lambda: torch.topk(a, 1))
    show("kth %s" % dt, lambda: torch.kthvalue(a, 1))
    show("mode %s" % dt, lambda: torch.mode(a))
    show("histc %s" % dt, lambda: torch.histc(a))
    show("bincount %s" % dt, lambda: torch.bincount(a))
BIN = ["add", "mul", "div", "floor_divide", "remainder", "fmod", "pow", "maximum", "minimum", "fmax", "fmin", "atan2", "hypot", "copysign", "xlogy", "nextafter", "ldexp", "float_power", "heaviside", "gcd", "lcm", "bitwise_and", "bitwise_left_shift", "bitwise_right_shift", "logical_and", "igamma", "div_floor", "div_trunc", "true_divide", "rsub"]
for op in BIN:
    for dt in DT:
        a = mk(dt)
        if op == "div_floor": show("%s %s" % (op, dt), lambda: torch.div(a, a, rounding_mode="floor"))
        elif op == "div_trunc": show("%s %s" % (op, dt), lambda: torch.div(a, a, rounding_mode="trunc"))
        else: show("%s %s" % (op, dt), lambda: getattr(torch, op)(a, a))
    for s in (2, 2.5, True):
        a = mk(torch.int32)
        if op == "div_floor": show("%s s%r" % (op, s), lambda: torch.div(a, s, rounding_mode="floor"))
        elif op == "div_trunc": show("%s s%r" % (op, s), lambda: torch.div(a, s, rounding_mode="trunc"))
        else: show("%s s%r" % (op, s), lambda: getattr(torch, op)(a, s))
        if op not in ("div_floor", "div_trunc"): show("%s m%r" % (op, s), lambda: getattr(a, op)(s))
    b = mk(torch.bool)
    for s in (2, 2.5, True):
        if op == "div_floor": show("%s b%r" % (op, s), lambda: torch.div(b, s, rounding_mode="floor"))
        elif op == "div_trunc": show("%s b%r" % (op, s), lambda: torch.div(b, s, rounding_mode="trunc"))
        else: show("%s bm%r" % (op, s), lambda: getattr(b, op)(s))
