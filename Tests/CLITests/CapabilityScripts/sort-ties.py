# Sorts with many tied keys (and NaN, -0.0/+0.0): PyTorch 2.15's unstable CPU sort puts ties
# in the order its algorithm leaves them (x86-simd-sort for int32/int64/float32/float64,
# compiled per capability; libstdc++ std::sort for the other dtypes; fbgemm radix sort for
# large 1-d ascending integers), so `indices` differ from a stable sort. Also the ops built on
# sorting or selection: topk, kthvalue, median, mode, unique, EmbeddingBag's backward.
import torch
from _cases import digest, run

torch.manual_seed(0)

DT = {"i64": torch.int64, "i32": torch.int32, "f32": torch.float32, "f64": torch.float64,
      "i16": torch.int16, "i8": torch.int8, "u8": torch.uint8, "f16": torch.float16,
      "bf16": torch.bfloat16, "b": torch.bool}


def ties(shape, dt, k=4):
    x = torch.randint(0, k, shape).to(dt)
    if dt.is_floating_point:
        f = x.reshape(-1)
        f[::7] = float("nan")
        f[1::5] = -0.0
        f[2::9] = 0.0
    return x


def sorted_(x, dim, desc, stable):
    v, i = torch.sort(x, dim=dim, descending=desc, stable=stable)
    return [v.double(), i]


for name, dt in DT.items():
    for n in [9, 16, 17, 33, 100, 257, 1000, 5000]:
        for desc in (False, True):
            run("sort|%s|%d|%s" % (name, n, desc), lambda: sorted_(ties((n,), dt), 0, desc, False))
        run("stable|%s|%d" % (name, n), lambda: sorted_(ties((n,), dt), 0, True, True))
    for shape in [(23, 19), (40, 130), (3, 700)]:
        for dim in (0, 1):
            run("sort2d|%s|%s|%d" % (name, shape, dim), lambda: sorted_(ties(shape, dt), dim, False, False))
            run("argsortT|%s|%s|%d" % (name, shape, dim), lambda: [ties(shape, dt).t().argsort(dim=dim, descending=True)])
    run("msort|%s" % name, lambda: [torch.msort(ties((50, 3), dt)).double()])
    run("radix|%s" % name, lambda: sorted_(ties((40000,), dt), 0, False, False))
    if name != "b":
        run("topk|%s" % name, lambda: [t.double() if t.dtype != torch.int64 else t for t in torch.topk(ties((6, 300), dt), 40, dim=1)])
        run("kthvalue|%s" % name, lambda: [t.double() if t.dtype != torch.int64 else t for t in torch.kthvalue(ties((6, 300), dt), 77, dim=1)])
        run("median|%s" % name, lambda: [t.double() if t.dtype != torch.int64 else t for t in torch.median(ties((6, 300), dt), dim=1)])
        run("mode|%s" % name, lambda: [t.double() if t.dtype != torch.int64 else t for t in torch.mode(ties((6, 300), dt), dim=1)])
    run("unique|%s" % name, lambda: [t.double() if t.dtype != torch.int64 else t for t in torch.unique(ties((500,), dt), sorted=True, return_inverse=True, return_counts=True)])

for mode in ("sum", "mean"):
    def bag():
        emb = torch.nn.EmbeddingBag(10, 7, mode=mode)
        idx = torch.randint(0, 10, (300,))
        off = torch.arange(0, 300, 6)
        out = emb(idx, off)
        out.backward(torch.randn(out.shape))
        return [emb.weight.grad]
    run("embbag|%s" % mode, bag)
