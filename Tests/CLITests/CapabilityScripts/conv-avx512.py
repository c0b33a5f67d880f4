# float32 conv2d where ATen hands it to oneDNN (batches of 2): oneDNN runs `jit:avx2` on
# AVX2 machines and `jit:avx512_core` (16-channel blocks, other partial sums) on AVX-512
# ones, so the last bits of the output and gradients differ between the two. Printed as
# float hex, so every bit shows; each line's key names the layer and the result.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
LAYERS = [
    ("c3x16", 3, 16, 3, 1, 1, 10),     # first layer: all input channels in one chain
    ("c20x24", 20, 24, 3, 1, 1, 7),    # two input blocks of 16, an output tail
    ("c40x16", 40, 16, 5, 2, 1, 9),    # three input blocks, padding 2
    ("c16x32s2", 16, 32, 3, 1, 2, 9),  # strided: brgconv_strided data gradient
    ("c32x8k1", 32, 8, 1, 0, 1, 6),    # 1x1: jit_1x1
    ("c96x32k1", 96, 32, 1, 0, 1, 14),  # 1x1 over 14 rows: chunks of 80 channels on AVX-512
]
for name, c, o, k, p, s, size in LAYERS:
    x = torch.randn(2, c, size, size, requires_grad=True)
    w = (torch.randn(o, c, k, k) * 0.2).requires_grad_()
    b = torch.randn(o, requires_grad=True)
    y = F.conv2d(x, w, b, padding=p, stride=s)
    y.backward(torch.randn(y.shape))
    for key, t in (("out", y), ("gx", x.grad), ("gw", w.grad), ("gb", b.grad)):
        v = t.detach().flatten()[:24].tolist() + [t.detach().sum().item()]
        print(name + "." + key, " ".join(float(e).hex() for e in v))
