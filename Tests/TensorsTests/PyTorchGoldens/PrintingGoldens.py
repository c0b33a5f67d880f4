#!/usr/bin/env python3
"""Regenerates PrintingGoldens.swift: repr() of many tensors, as real PyTorch prints them.

Run with a PyTorch venv:  ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/PrintingGoldens.py
Each case records what TensorFormatter is given (shape, dtype, elements, print options,
autograd suffix) and PyTorch's repr of that tensor.
"""
import math
import os
import warnings

warnings.filterwarnings("ignore")
import torch  # noqa: E402

DEFAULTS = dict(precision=4, threshold=1000, edgeitems=3, linewidth=80, sci_mode=None)
cases = []


def add(name, t, autograd=("none", None), **opts):
    options = dict(DEFAULTS)
    options.update(opts)
    torch.set_printoptions(**options)
    text = repr(t)
    torch.set_printoptions(profile="default")
    t = t.detach()
    if t.dtype.is_floating_point:
        kind, values = "floating", t.double().reshape(-1).tolist()
    elif t.dtype == torch.bool:
        kind, values = "boolean", t.reshape(-1).tolist()
    else:
        kind, values = "integer", t.reshape(-1).tolist()
    cases.append(dict(name=name, sizes=list(t.shape), dtype=str(t.dtype).replace("torch.", ""),
                      kind=kind, values=values, options=options, autograd=autograd, expected=text))


def swift_double(v):
    if math.isnan(v):
        return ".nan"
    if math.isinf(v):
        return "-.infinity" if v < 0 else ".infinity"
    return repr(v)


def swift_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


g = torch.Generator().manual_seed(1234)

# Conformance-style basics.
add("int vector", torch.tensor([1, 2, 3]))
add("float matrix", torch.tensor([[1.5, 2.25], [3.0, 4.0]]))
add("sci matrix", torch.tensor([[1.5, 2.25], [3e-5, 4e6]]))
add("float64 vector", torch.tensor([0.1, 0.2, 0.3], dtype=torch.float64))
add("0-d float", torch.tensor(3.0))
add("0-d int", torch.tensor(7))
add("0-d bool", torch.tensor(True))
add("0-d sci", torch.tensor(1e20))
add("0-d negative", torch.tensor(-5.25))
add("0-d float64", torch.tensor(0.5, dtype=torch.float64))
add("zeros", torch.zeros(2, 3))
add("eye", torch.eye(3))
add("bools", torch.tensor([True, False, True]))
add("nonfinite", torch.tensor([1.0, float("nan"), float("inf"), -float("inf")]))
add("only nonfinite", torch.tensor([float("nan"), float("inf"), 0.0]))
add("nonfinite fixed", torch.tensor([1.5, float("nan"), -float("inf")]))
add("nonfinite sci", torch.tensor([1e-7, float("nan"), -float("inf")]))
add("signed integral", torch.tensor([-1.0, 0.0, 1.0]))
add("large ratio", torch.tensor([1e10, 1.0]))
add("big and half", torch.tensor([123456.0, 0.5]))
add("negative zero", torch.tensor([-0.0, 0.0]))
add("integral 1e8", torch.tensor([100000000.0]))
add("integral above 1e8", torch.tensor([100000001.0, 3.0]))
add("ints mixed width", torch.tensor([1, -200, 30000]))
add("tiny", torch.tensor([[1e-8]]))
add("thirds", torch.linspace(-1, 1, 9).reshape(3, 3) / 3)
add("ratio exactly 1000", torch.tensor([1.0, 1000.0]))
add("ratio over 1000", torch.tensor([1.0, 1000.5]))
add("min 1e-4", torch.tensor([0.0001, 0.001]))
add("round half even", torch.tensor([0.00005, 0.00015, 0.00025, 1.0], dtype=torch.float64))
add("float32 rounding", torch.tensor([0.1, 0.7, 2.675, 1.00005]))
add("3-d ints", torch.tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]))
add("4-d", torch.arange(24.0).reshape(2, 3, 2, 2) / 7)
add("1x1x1", torch.zeros(1, 1, 1))

# Dtypes.
add("float16", torch.tensor([0.1, 1.5, -2.0], dtype=torch.float16))
add("bfloat16", torch.tensor([0.1, 1.5, -2.0], dtype=torch.bfloat16))
add("int32", torch.tensor([1, 2, 3], dtype=torch.int32))
add("int8", torch.tensor([-128, 0, 127], dtype=torch.int8))
add("uint8", torch.tensor([0, 255], dtype=torch.uint8))
add("int16 matrix", torch.tensor([[1, 2], [3, 4]], dtype=torch.int16))
add("float64 integral", torch.tensor([1.0, 2.0], dtype=torch.float64))

# Empty tensors.
add("empty float", torch.tensor([]))
add("empty 0x3", torch.zeros(0, 3))
add("empty 2x0", torch.ones(2, 0))
add("empty int64", torch.tensor([], dtype=torch.int64))
add("empty int64 2-d", torch.zeros(0, 2, dtype=torch.int64))
add("empty float64", torch.zeros(0, dtype=torch.float64))
add("empty bool", torch.zeros(0, dtype=torch.bool))

# Random values of many magnitudes, and line wrapping.
add("randn 20", torch.randn(20, generator=g))
add("randn 5x7", torch.randn(5, 7, generator=g))
add("randn 3x4x5", torch.randn(3, 4, 5, generator=g))
add("randn*1000 30", torch.randn(30, generator=g) * 1000)
add("randn*1e6 4x12", torch.randn(4, 12, generator=g) * 1e6)
add("rand*1e-3 25", torch.rand(25, generator=g) * 1e-3)
add("randint wide", torch.randint(-10**9, 10**9, (40,), generator=g))
add("randint 6x20", torch.randint(0, 10, (6, 20), generator=g))
add("bool 50", torch.rand(50, generator=g) > 0.5)
add("float64 randn 12", torch.randn(12, generator=g, dtype=torch.float64))

# Summarisation.
add("arange 2000", torch.arange(2000))
add("arange 1200 40x30", torch.arange(1200.0).reshape(40, 30))
add("randn 1001", torch.randn(1001, generator=g))
add("randn 10x10x11", torch.randn(10, 10, 11, generator=g))
add("randn 2x600", torch.randn(2, 600, generator=g))
add("summary hides large", torch.cat([torch.ones(3), torch.full((1000,), 1e9), torch.ones(3) * 0.5]))
add("bool 2000", torch.arange(2000) % 3 == 0)

# Print options.
add("precision 2", torch.tensor([3.14159, 2.71828]), precision=2)
add("precision 0", torch.tensor([3.5, 2.5, -0.4]), precision=0)
add("precision 8", torch.tensor([3.14159265358979, 1e-3], dtype=torch.float64), precision=8)
add("sci forced", torch.tensor([1.5, 2.0]), sci_mode=True)
add("sci forced integral", torch.tensor([1.0, 20.0]), sci_mode=True)
add("fixed forced", torch.tensor([1e-7, 1e9]), sci_mode=False)
add("fixed forced integral", torch.tensor([1e10, 1.0]), sci_mode=False)
add("sci forced zeros", torch.zeros(3), sci_mode=True)
add("linewidth 40", torch.randn(20, generator=g), linewidth=40)
add("linewidth 5", torch.tensor([1.25, 2.5, 3.75]), linewidth=5)
add("threshold 5", torch.arange(10), threshold=5)
add("threshold 5 matrix", torch.arange(36).reshape(6, 6), threshold=5)
add("threshold 0 scalar", torch.tensor(2.5), threshold=0)
add("edgeitems 1", torch.arange(100.0).reshape(10, 10) / 3, threshold=10, edgeitems=1)
add("edgeitems 0 vector", torch.arange(10), threshold=5, edgeitems=0)
add("edgeitems 0 matrix", torch.arange(36.0).reshape(6, 6), threshold=5, edgeitems=0)
add("edgeitems 0 small", torch.arange(4), edgeitems=0)
add("threshold inf", torch.arange(1100), threshold=math.inf)
add("short profile", torch.randn(8, generator=g), precision=2, edgeitems=2)

# Autograd suffixes and wrapping.
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
add("requires_grad", x, autograd=("requiresGrad", None))
add("grad_fn", x * 2, autograd=("gradFn", "MulBackward0"))
add("grad_fn 0-d", (x * 2).sum(), autograd=("gradFn", "SumBackward0"))
w = torch.randn(2, 3, generator=g, requires_grad=True)
add("requires_grad matrix", w, autograd=("requiresGrad", None))
long_row = torch.randn(7, generator=g, dtype=torch.float64, requires_grad=True)
add("suffix wraps", long_row, autograd=("requiresGrad", None))
add("suffix wraps grad_fn", long_row * 3, autograd=("gradFn", "MulBackward0"))
add("suffix fits", torch.randn(4, generator=g, dtype=torch.float64, requires_grad=True),
    autograd=("requiresGrad", None))
add("suffix after multiline", torch.randn(3, 9, generator=g, requires_grad=True) * 1,
    autograd=("gradFn", "MulBackward0"))
add("empty requires_grad", torch.zeros(0, 3, requires_grad=True), autograd=("requiresGrad", None))
add("dtype and grad wrap", torch.randn(8, generator=g, dtype=torch.float64).requires_grad_(),
    autograd=("requiresGrad", None))

# Fuzz: random shapes, magnitudes, dtypes, special values and options (fixed seed).
import random as _random  # noqa: E402

rng = _random.Random(20261127)
float_dtypes = [torch.float32, torch.float64, torch.float16, torch.bfloat16]
int_dtypes = [torch.int64, torch.int32, torch.int16, torch.uint8]
for i in range(150):
    rank = rng.choice([0, 1, 1, 2, 2, 3, 4])
    shape = [rng.choice([1, 2, 3, 4, 5, 7, 9, 13]) for _ in range(rank)]
    while math.prod(shape) > 200:
        shape[rng.randrange(rank)] = rng.choice([1, 2, 3])
    n = math.prod(shape)
    opts = {}
    if rng.random() < 0.3:
        opts["precision"] = rng.choice([0, 1, 2, 3, 6, 8])
    if rng.random() < 0.2:
        opts["sci_mode"] = rng.choice([True, False])
    if rng.random() < 0.2:
        opts["linewidth"] = rng.choice([20, 40, 60, 120])
    if rng.random() < 0.2:
        opts["threshold"] = rng.choice([5, 20, 50])
        opts["edgeitems"] = rng.choice([1, 2, 3])
    kind = rng.random()
    if kind < 0.65:
        dtype = rng.choice(float_dtypes)
        scale = 10.0 ** rng.choice([-9, -5, -3, -1, 0, 0, 1, 3, 5, 9])
        style = rng.random()
        if style < 0.3:
            values = [float(rng.randint(-50, 50)) * (1 if scale >= 1 else 1) for _ in range(n)]
        else:
            values = [rng.gauss(0, 1) * scale for _ in range(n)]
        for _ in range(rng.choice([0, 0, 0, 1, 2])):
            if n:
                values[rng.randrange(n)] = rng.choice([0.0, -0.0, float("nan"), float("inf"), -float("inf")])
        t = torch.tensor(values, dtype=dtype).reshape(shape)
    elif kind < 0.9:
        dtype = rng.choice(int_dtypes)
        hi = {torch.uint8: 255, torch.int16: 30000}.get(dtype, rng.choice([9, 1000, 10**9]))
        lo = 0 if dtype == torch.uint8 else -hi
        t = torch.tensor([rng.randint(lo, hi) for _ in range(n)], dtype=dtype).reshape(shape)
    else:
        t = torch.tensor([rng.random() < 0.5 for _ in range(n)]).reshape(shape)
    grad = ("none", None)
    if t.dtype.is_floating_point and rng.random() < 0.2:
        t = t.clone().requires_grad_()
        grad = ("requiresGrad", None)
    add("fuzz %d" % i, t, autograd=grad, **opts)

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = ["// Generated by PrintingGoldens.py from PyTorch %s. Do not edit." % torch.__version__.split("+")[0],
       "@testable import Tensors", "", "let printingGoldens: [PrintingGolden] = ["]
for c in cases:
    if c["kind"] == "floating":
        values = ".floating([" + ", ".join(swift_double(v) for v in c["values"]) + "])"
    elif c["kind"] == "boolean":
        values = ".boolean([" + ", ".join("true" if v else "false" for v in c["values"]) + "])"
    else:
        values = ".integer([" + ", ".join(str(v) for v in c["values"]) + "])"
    o = c["options"]
    sci = "nil" if o["sci_mode"] is None else ("true" if o["sci_mode"] else "false")
    threshold = ".infinity" if o["threshold"] == math.inf else repr(float(o["threshold"]))
    options = ("PrintOptions(precision: %d, threshold: %s, edgeitems: %d, linewidth: %d, sciMode: %s)"
               % (o["precision"], threshold, o["edgeitems"], o["linewidth"], sci))
    kind, fn = c["autograd"]
    autograd = {"none": ".none", "requiresGrad": ".requiresGrad"}.get(kind) or ".gradFn(%s)" % swift_string(fn)
    out.append("    PrintingGolden(name: %s, sizes: %s, dtype: %s, values: %s,\n"
               "                   options: %s, autograd: %s,\n"
               "                   expected: %s)," % (
                   swift_string(c["name"]), c["sizes"], swift_string(c["dtype"]), values, options, autograd,
                   swift_string(c["expected"])))
out.append("]")
with open(os.path.join(here, "PrintingGoldens.swift"), "w") as f:
    f.write("\n".join(out) + "\n")
print("wrote %d cases" % len(cases))
