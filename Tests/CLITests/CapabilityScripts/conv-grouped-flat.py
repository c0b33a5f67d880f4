# float32 grouped convolutions whose input has fewer than 8 channels in all, each group's
# output channels whole 8-channel blocks: oneDNN runs the forward as `jit:avx2` with the
# `nchw` source read flat (also on AVX-512 machines); 8 or more input channels in all (groups
# of 2 or 4) run `gemm:jit`. Also their transposed forms, which ATen sends to oneDNN whenever
# groups > 1, the input gradient being that forward. Strided layers whose groups have more
# than 8 output channels (and input channels not whole 8-channel blocks) run the input
# gradient as `brgconv_strided:avx2` on AVX2. Each line is one layer: key, then the
# bit digests of _cases.py (output, then the input, weight and bias gradients).
import torch
import torch.nn.functional as F
from _cases import run, leaf, grads

torch.manual_seed(0)

# (name, N, C, O, kernel, padding, stride, dilation, groups, H, W, transposed)
LAYERS = [
    ("c4o16g2", 2, 4, 16, 3, 1, 1, 1, 2, 12, 13, 0),
    ("c4o16g2s2", 2, 4, 16, 3, 0, 2, 1, 2, 12, 13, 0),
    ("c6o16g2", 2, 6, 16, 3, 0, 1, 1, 2, 12, 13, 0),
    ("c2o16g2", 2, 2, 16, 3, 0, 1, 1, 2, 12, 13, 0),
    ("c7o56g7", 2, 7, 56, 3, 1, 1, 1, 7, 10, 11, 0),            # one channel a group
    ("c4o32g2d2", 2, 4, 32, 3, 1, 2, 2, 2, 12, 13, 0),         # dilated, strided
    ("c4o16g2d3s4", 1, 4, 16, 4, 1, 4, 3, 2, 19, 20, 0),       # one image
    ("c6o24g3k5", 1, 6, 24, 5, 2, 1, 1, 3, 11, 11, 0),
    ("c8o16g2", 2, 8, 16, 3, 1, 1, 1, 2, 9, 10, 0),            # 8 channels in all: gemm:jit
    ("c8o32g2s2", 2, 8, 32, 3, 1, 2, 1, 2, 9, 10, 0),          # input gradient brgconv_strided on AVX2
    ("c4o32g2s2", 2, 4, 32, 3, 1, 2, 1, 2, 9, 10, 0),          # flat forward, brgconv_strided input gradient
    ("c12o32g2s2", 2, 12, 32, 3, 1, 2, 1, 2, 9, 10, 0),
    ("c8o48g2s3", 2, 8, 48, 3, 1, 3, 1, 2, 11, 10, 0),
    ("c16o32g4s2", 2, 16, 32, 3, 1, 2, 1, 4, 9, 10, 0),        # 8 output channels a group: gemm:jit
    ("t16o4g2d3s4", 1, 16, 4, 4, 1, 4, 3, 2, 3, 4, 1),          # transposed: input gradient flat
    ("t16o4g2s2", 2, 16, 4, 3, 1, 2, 1, 2, 5, 6, 1),
    ("t8o8g4n1", 1, 8, 8, 3, 1, 2, 1, 4, 6, 7, 1),             # one image, grouped: oneDNN
    ("t8o20g4n1", 1, 8, 20, 3, 1, 3, 2, 4, 5, 6, 1),
]


def layer(spec):
    name, n, c, o, k, p, s, d, g, h, w, t = spec

    def f():
        x = leaf(n, c, h, w, dt=torch.float32)
        if t:
            wt = leaf(c, o // g, k, k, dt=torch.float32)
            b = leaf(o, dt=torch.float32)
            y = F.conv_transpose2d(x, wt, b, stride=s, padding=p, groups=g, dilation=d)
        else:
            wt = leaf(o, c // g, k, k, dt=torch.float32)
            b = leaf(o, dt=torch.float32)
            y = F.conv2d(x, wt, b, stride=s, padding=p, groups=g, dilation=d)
        return grads(y, x, wt, b)
    run(name, f)


for spec in LAYERS:
    layer(spec)
