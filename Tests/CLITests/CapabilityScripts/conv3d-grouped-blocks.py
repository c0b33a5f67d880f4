# Grouped float32 Conv3d batches whose groups are whole channel blocks at unit stride
# (found by a differential fuzz): oneDNN runs the forward and data gradient on its grouped
# jit kernels (`jit:avx2` for multiples of 8 channels, `jit:avx512_core` with 16-, 8- or
# 4-channel blocks), the weight pass on `jit:avx512_core` (16-channel blocks), `jit:avx2`
# (8-channel blocks, no depth padding) or `gemm:jit`. Key: name; then the digests of the
# output and the input, weight and bias gradients.
import torch
import torch.nn.functional as F
from _cases import run, grads

LAYERS = [
    # name, n, groups, channels per group in, out, kernel, input size, padding, bias
    ("g2c16", 2, 2, 16, 16, [2, 2, 2], [3, 6, 5], [0, 0, 0], True),
    ("g2c16pad", 2, 2, 16, 16, [3, 2, 3], [4, 7, 9], [1, 1, 1], True),
    ("g2c8", 3, 2, 8, 8, [2, 3, 1], [6, 3, 4], [0, 0, 0], True),
    ("g2c8pad", 2, 2, 8, 8, [3, 3, 2], [6, 3, 3], [1, 0, 0], True),
    ("g2c8o16", 2, 2, 8, 16, [2, 2, 2], [5, 6, 7], [0, 0, 0], True),
    ("g2c4", 2, 2, 4, 4, [1, 3, 1], [5, 6, 7], [0, 0, 0], True),
    ("g3c12", 3, 3, 12, 12, [2, 2, 3], [4, 5, 6], [0, 1, 0], False),
    ("g3c24o8", 2, 3, 24, 8, [1, 1, 2], [3, 9, 7], [0, 0, 1], True),
    ("g4c32", 1, 4, 32, 32, [1, 1, 3], [7, 4, 7], [0, 0, 0], True),
    ("g2c32o16", 2, 2, 32, 16, [3, 3, 3], [5, 6, 5], [0, 2, 0], True),
    ("g2c24", 2, 2, 24, 24, [2, 3, 3], [5, 6, 6], [0, 1, 0], False),
    ("g4c16", 3, 4, 16, 16, [3, 1, 3], [5, 6, 4], [0, 0, 0], True),
]

torch.manual_seed(0)
for name, n, g, cg, ocg, k, sp, pd, bias in LAYERS:
    def f():
        x = torch.randn([n, g * cg] + sp, requires_grad=True)
        w = torch.randn([g * ocg, cg] + k, requires_grad=True)
        b = torch.randn([g * ocg], requires_grad=True) if bias else None
        y = F.conv3d(x, w, b, 1, pd, 1, g)
        return grads(y, x, w, *([b] if bias else []))
    run(name, f)
