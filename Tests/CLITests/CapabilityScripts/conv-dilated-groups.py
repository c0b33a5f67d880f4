# float32 2-d convolutions with unequal dilations (dilation=(1, 2), (2, 3), ...) and grouped
# dilated layers (groups of whole 8-channel blocks): on AVX2 oneDNN runs `jit:avx2` for the
# forward and the unit-stride data gradient (the taps of rows and columns each their own
# dilation apart; grouped layers group by group) and `gemm:jit` for the rest; on AVX-512
# `jit:avx512_core` for those and, with 16-channel blocks, the weight gradient. Each line
# is one pass of one layer: key LAYER.PASS, then the bit digest of _cases.py.
import torch
import torch.nn.functional as F
from _cases import digest, leaf, grads

# (name, N, C, O, kernel, padding, stride, dilation, groups, H, W)
LAYERS = [
    ("ud12", 2, 16, 24, 3, (1, 2), 1, (1, 2), 1, 12, 12),
    ("ud21", 2, 16, 16, 3, (2, 1), 1, (2, 1), 1, 11, 13),
    ("ud23", 2, 8, 16, 3, (2, 3), 1, (2, 3), 1, 14, 14),
    ("ud12c3", 2, 3, 16, 3, (1, 2), 1, (1, 2), 1, 15, 15),       # first-layer channels
    ("ud12s2", 2, 16, 16, 3, (1, 2), 2, (1, 2), 1, 13, 13),      # strided: data gradient gemm:jit
    ("ud13c20", 2, 20, 8, 3, (1, 3), 1, (1, 3), 1, 12, 12),
    ("ud12c32", 2, 32, 32, 3, (1, 2), 1, (1, 2), 1, 10, 10),
    ("ud31k5", 2, 16, 16, 5, (6, 2), 1, (3, 1), 1, 12, 12),
    ("ud23s2", 2, 16, 16, 3, (2, 3), 2, (2, 3), 1, 13, 14),
    ("ud12n1", 1, 8, 8, 5, (2, 4), 1, (1, 2), 1, 12, 12),        # one image, 5x5
    ("ud21c48", 2, 48, 16, 3, (2, 1), 1, (2, 1), 1, 9, 9),
    ("ud12g2", 2, 16, 16, 3, (1, 2), 1, (1, 2), 2, 12, 12),      # grouped, 8 a group
    ("ud12g2c16", 2, 32, 32, 3, (1, 2), 1, (1, 2), 2, 11, 11),   # grouped, 16 a group
    ("ud21g4", 2, 32, 32, 3, (2, 1), 1, (2, 1), 4, 10, 12),
    ("ud13g2c4", 2, 8, 8, 3, (1, 3), 1, (1, 3), 2, 12, 12),      # 4 a group: gemm:jit on AVX2
    ("g3d2", 2, 24, 48, 3, 2, 1, 2, 3, 10, 10),                  # grouped and dilated, 8 a group
    ("g2d2c8", 2, 16, 16, 3, 2, 1, 2, 2, 12, 12),
    ("g2d3c16", 2, 32, 32, 3, 3, 1, 3, 2, 11, 11),
    ("g4d2s2", 2, 32, 32, 3, 2, 2, 2, 4, 13, 13),               # strided: data gradient gemm:jit
    ("g2d2k5", 2, 16, 24, 5, 4, 1, 2, 2, 12, 12),               # 5x5: gemm:jit on AVX2
    ("g2d2p0", 3, 16, 16, 3, 0, 1, 2, 2, 14, 14),
    # Dilated with a padding wider than 5 columns: on AVX-512 `jit:avx512_core` where its
    # unroll covers the padding (15 columns with one output block), else `gemm:jit`.
    ("d3p6", 2, 16, 16, 3, 6, 1, 3, 1, 12, 12),
    ("d3p6n1", 1, 16, 16, 3, 6, 1, 3, 1, 12, 12),
    ("d4p6c32", 2, 32, 16, 3, 6, 1, 4, 1, 10, 10),
    ("d4p8", 2, 32, 32, 3, 8, 1, 4, 1, 16, 16),
    ("d3p6k5", 2, 16, 48, 5, 6, 1, 3, 1, 10, 10),
    ("d3p7k5", 2, 16, 16, 5, 7, 1, 3, 1, 14, 14),
    ("d3p6c3", 2, 3, 16, 3, 6, 1, 3, 1, 14, 14),
    ("d4p7s2", 2, 16, 16, 3, 7, 2, 4, 1, 15, 15),
    ("d9p17", 2, 16, 16, 3, 17, 1, 9, 1, 20, 20),
    # Grouped at a stride, groups of 16 input channels: on AVX-512 the data gradient is
    # `jit:avx512_core`'s with 16 output channels a group, `brgconv_strided`'s with more.
    ("g2c16s2", 2, 32, 32, 3, 1, 2, 1, 2, 12, 12),
    ("g2c16s2w16", 2, 32, 32, 3, 1, 2, 1, 2, 16, 16),
    ("g2c16s2k5", 2, 32, 32, 5, 2, 2, 1, 2, 12, 12),
    ("g2c16s2n4", 4, 32, 32, 3, 1, 2, 1, 2, 20, 20),
    ("g2o32s2", 2, 32, 64, 3, 1, 2, 1, 2, 12, 12),
    ("g2c32s2", 2, 64, 64, 3, 1, 2, 1, 2, 12, 12),
    ("g2o24s2", 2, 32, 48, 3, 1, 2, 1, 2, 12, 12),
    ("g2o24s2p0", 2, 32, 48, 3, 0, 2, 1, 2, 13, 13),
    # Data gradients jit:avx2's init_conf refuses (no width unroll clears the left
    # overflow): gemm:jit on AVX2.
    ("ud44k5n1", 1, 24, 24, 5, (9, 2), 1, (4, 4), 1, 19, 15),
    ("ud23k5n1", 1, 16, 48, 5, (0, 4), 1, (2, 3), 1, 13, 20),
    # Grouped dilated layers with wide paddings: one group's unroll on AVX-512.
    ("g3d2p8", 2, 48, 24, 5, (3, 8), 1, (2, 2), 3, 10, 13),
    ("g4d23p6", 2, 32, 64, 3, (3, 6), 1, (2, 3), 4, 10, 17),
    ("g3d23s2", 2, 96, 48, 3, (0, 6), 2, (2, 3), 3, 14, 8),
    # A gemm:jit forward (jit:avx2 refuses the 12-column padding): one input-channel block
    # with oneDNN's 1 MiB per-core L2 (OneDNNCacheSize).
    ("d7p12", 2, 16, 16, 3, 12, 1, 7, 1, 20, 20),
    # Plain 7x7 and 9x9 layers with a 6-column padding: on AVX-512 the unit-stride data
    # gradient is jit:avx512_core's (its own init_conf), and so is the forward (the plain
    # kernel's order, its unroll covering the padding); on AVX2 the forward is gemm:jit's.
    ("k7p6", 2, 16, 16, 7, 6, 1, 1, 1, 12, 12),
    ("k9p6o32", 2, 16, 32, 9, 6, 1, 1, 1, 14, 14),
]
for i, (name, n, c, o, k, p, s, d, g, h, w) in enumerate(LAYERS):
    torch.manual_seed(i)  # each layer its own seed, so one layer's inputs never move another's
    x = leaf(n, c, h, w, dt=torch.float32)
    wt = (torch.randn(o, c // g, k, k) * 0.2).requires_grad_()
    b = torch.randn(o, requires_grad=True)
    outs = grads(F.conv2d(x, wt, b, padding=p, stride=s, dilation=d, groups=g), x, wt, b)
    for key, t in zip(("out", "gx", "gw", "gb"), outs):
        print(name + "." + key, digest(t))
