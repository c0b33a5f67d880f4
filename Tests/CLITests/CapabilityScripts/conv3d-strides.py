# A random differential fuzz of float32 F.conv3d / F.conv_transpose3d batches on oneDNN with
# unequal strides, dilations and groups (the trimmed form of the fuzz kept outside the
# repository): `jit:avx2` / `jit:avx512_core` forwards and unit-stride data gradients of
# dilated layers, `brgconv_strided` and `gemm:jit` passes stepping each dimension by its own
# stride, and `gemm:jit` / `brg_deconv` deconvolutions. Key: kind (c conv, t transposed) and
# seed; then the digests of the output and the input, weight and bias gradients.
import torch, random
import torch.nn.functional as F
from _cases import run, grads


def case(kind, i):
    rng = random.Random(i)
    n = rng.choice([1, 2, 2, 3]); g = rng.choice([1, 1, 1, 2])
    cin = g * rng.choice([1, 2, 3, 4, 8]); cout = g * rng.choice([1, 2, 3, 8])
    k = [rng.choice([1, 2, 3]) for _ in range(3)]
    sp = [rng.choice([3, 4, 5, 6, 7]) for _ in range(3)]
    st = [rng.choice([1, 1, 2, 3]) for _ in range(3)]
    pd = [rng.choice([0, 0, 1, 2] if kind == "c" else [0, 0, 1, 2, 3]) for _ in range(3)]
    dl = [rng.choice([1, 1, 1, 2]) for _ in range(3)]
    if rng.random() < 0.5: dl = [1, 1, 1]
    if rng.random() < 0.3: st = [st[0]] * 3
    bias = rng.random() < 0.6
    op = [rng.choice([0, 0, 1, 2]) for _ in range(3)] if kind == "t" else None

    def f():
        torch.manual_seed(i)
        x = torch.randn([n, cin] + sp, requires_grad=True)
        w = torch.randn(([cin, cout // g] if kind == "t" else [cout, cin // g]) + k, requires_grad=True)
        b = torch.randn([cout], requires_grad=True) if bias else None
        if kind == "t":
            y = F.conv_transpose3d(x, w, b, st, pd, op, g, dl)
        else:
            y = F.conv3d(x, w, b, st, pd, dl, g)
        return grads(y, x, w, *([b] if bias else []))
    run("%s%d|n%d_g%d_c%d_o%d_k%s_s%s_p%s_d%s%s" % (kind, i, n, g, cin, cout, "x".join(map(str, k)), "x".join(map(str, st)),
                                                   "x".join(map(str, pd)), "x".join(map(str, dl)),
                                                   "_op" + "x".join(map(str, op)) if op else ""), f)


for i in range(100):
    case("c", i)
for i in range(150):
    case("t", i)
