# float32 Conv3d and ConvTranspose3d on batches, every pass in oneDNN's order at each
# capability: grouped layers and paddings as large as the kernel (`gemm:jit`), weight and
# bias gradients (`jit:avx2`, and `jit:avx512_core`'s 3-d harness on AVX-512 machines:
# 1-3 or 16+ input channels, depth padding, strides), odd batches whose (image, output
# depth) pairs the threads split mid-image, and transposed layers' weight and bias
# gradients (the convolution's weight pass with the roles swapped), and 1x1x1 layers (the
# conv2d over (N, C, D*H, W), which PyTorch's passes equal bit for bit). Shapes from a
# differential sweep of course-sized video/medical layers.
import torch
import torch.nn as nn
from _cases import run, leaf, grads

torch.manual_seed(0)


def module(m, *shape):
    x = leaf(*shape, dt=torch.float32)
    y = m(x)
    return grads(y, x) + [p.grad for p in m.parameters()]


# (transposed, n, C, O, k, stride, padding, groups, bias, D, H, W)
LAYERS = [
    (False, 3, 4, 6, 2, 1, 1, 2, True, 5, 6, 5),
    (False, 1, 4, 6, 3, 1, 1, 2, True, 5, 5, 5),
    (False, 2, 6, 6, 3, 1, 1, 3, False, 5, 5, 5),
    (False, 4, 8, 8, 3, 1, 1, 4, True, 4, 6, 6),
    (False, 2, 6, 12, 3, 2, 1, 3, True, 6, 7, 6),
    (False, 2, 10, 20, 3, 2, 2, 5, True, 9, 9, 9),
    (False, 3, 32, 64, 3, 1, 1, 16, True, 6, 6, 6),
    (False, 2, 3, 6, 3, 1, 3, 1, True, 6, 7, 6),
    (False, 2, 16, 16, 3, 1, 3, 1, True, 4, 5, 5),
    (False, 2, 1, 8, 3, 1, 1, 1, True, 6, 6, 6),
    (False, 2, 3, 16, 5, 2, 2, 1, True, 9, 9, 9),
    (False, 2, 16, 16, 3, 1, 1, 1, True, 6, 6, 6),
    (False, 2, 20, 24, 3, 2, 1, 1, False, 7, 7, 7),
    (False, 4, 40, 40, 3, 1, 1, 1, True, 5, 5, 5),
    (False, 2, 16, 8, 2, 1, 1, 1, True, 5, 5, 5),
    (False, 4, 3, 16, 3, 1, 1, 1, True, 4, 12, 12),
    (False, 3, 24, 8, (3, 1, 1), 1, (1, 0, 0), 1, True, 6, 5, 5),
    (False, 2, 17, 5, 3, 1, 1, 1, True, 4, 4, 4),
    (False, 3, 8, 8, 3, 1, 0, 1, False, 5, 5, 5),
    (False, 5, 4, 8, 3, 1, 0, 1, False, 8, 8, 8),
    (False, 3, 8, 12, 1, 2, 1, 1, True, 8, 9, 9),
    (False, 3, 48, 4, 2, 2, 2, 1, True, 8, 9, 9),
    (False, 2, 12, 48, 1, 1, 0, 1, True, 5, 4, 4),     # 1x1x1: the 2-d pointwise passes
    (False, 2, 24, 1, 1, 1, 0, 1, True, 4, 12, 12),
    (False, 3, 16, 32, 1, 1, 0, 1, False, 4, 6, 6),
    (False, 4, 3, 8, 1, 1, 0, 1, True, 8, 8, 8),
    (False, 2, 64, 64, 1, 1, 0, 1, True, 4, 8, 8),
    (False, 1, 64, 2, 3, 1, 1, 2, True, 8, 12, 12),
    (True, 3, 48, 12, 2, 1, 0, 1, True, 4, 6, 6),
    (True, 4, 12, 12, 3, 1, 2, 1, False, 8, 4, 4),
    (True, 3, 4, 64, 3, 1, 2, 1, True, 5, 9, 9),
    (True, 3, 4, 1, 3, 1, 1, 1, True, 4, 9, 9),
    (True, 2, 3, 24, 3, 2, 2, 1, False, 5, 4, 4),
    (True, 2, 16, 1, 3, 2, 2, 1, False, 5, 6, 6),
    (True, 1, 6, 1, 2, 1, 1, 1, True, 5, 6, 6),
    (True, 2, 6, 4, 3, 1, 0, 1, True, 5, 12, 12),
    (False, 1, 24, 48, 2, 1, 1, 4, False, 2, 12, 12),
    (False, 3, 24, 4, 5, 1, 0, 2, True, 8, 12, 12),
    (False, 4, 12, 64, 1, 1, 0, 4, True, 5, 6, 6),
    (False, 1, 8, 64, 3, 1, 2, 4, False, 4, 4, 4),
    (True, 4, 4, 16, 2, 1, 1, 1, False, 4, 12, 12),
    (True, 3, 4, 3, 3, 1, 1, 1, True, 2, 9, 9),
    (True, 2, 64, 6, 2, 1, 1, 1, True, 4, 6, 6),
    (True, 1, 16, 4, 3, 1, 0, 1, True, 5, 6, 6),
    (True, 4, 2, 8, 3, 1, 2, 1, True, 5, 4, 4),
    (True, 2, 8, 12, 5, 1, 1, 1, False, 5, 4, 4),
    (False, 1, 12, 2, 2, 1, 2, 1, True, 2, 4, 4),
    (False, 3, 2, 3, 3, 1, 1, 1, True, 4, 12, 12),
    (False, 4, 8, 32, 1, 1, 1, 1, False, 8, 6, 6),
    (False, 4, 3, 64, 3, 1, 1, 1, False, 2, 9, 9),
    (False, 3, 8, 4, 3, 2, 0, 1, True, 8, 9, 9),
    (False, 4, 48, 8, 2, 2, 1, 1, False, 2, 4, 4),
    (False, 3, 32, 1, 2, 1, 1, 1, True, 8, 4, 4),
    (False, 3, 48, 4, 2, 2, 2, 1, True, 8, 9, 9),
    (False, 2, 12, 48, 1, 1, 0, 1, True, 5, 4, 4),     # 1x1x1: the 2-d pointwise passes
    (False, 2, 24, 1, 1, 1, 0, 1, True, 4, 12, 12),
    (False, 3, 16, 32, 1, 1, 0, 1, False, 4, 6, 6),
    (False, 4, 3, 8, 1, 1, 0, 1, True, 8, 8, 8),
    (False, 2, 64, 64, 1, 1, 0, 1, True, 4, 8, 8),
    (False, 4, 4, 16, 1, 2, 2, 1, True, 8, 12, 12),
    (False, 1, 48, 64, 3, 1, 1, 1, True, 2, 4, 4),
    (False, 2, 48, 4, 1, 2, 1, 1, True, 8, 9, 9),
    (False, 1, 6, 48, 1, 2, 1, 1, True, 8, 9, 9),
    (False, 2, 32, 48, 3, 1, 0, 1, False, 5, 6, 6),
    (False, 3, 2, 8, 1, 1, 1, 1, True, 8, 4, 4),
    (False, 2, 6, 12, 3, 1, 1, 1, False, 5, 12, 12),
    (False, 4, 24, 4, 3, 1, 2, 1, True, 8, 6, 6),
    (False, 4, 3, 48, 3, 2, 1, 1, True, 2, 9, 9),
    (False, 3, 24, 1, 1, 1, 1, 1, True, 2, 9, 9),
    (False, 2, 32, 16, 3, 1, 1, 1, True, 8, 12, 12),
    (False, 2, 8, 12, 1, 2, 1, 1, True, 8, 9, 9),
    (False, 1, 4, 64, 1, 2, 1, 1, False, 5, 9, 9),
    (False, 2, 3, 1, 5, 1, 1, 1, True, 4, 9, 9),
    (False, 4, 8, 2, 3, 1, 1, 1, False, 4, 4, 4),
    (False, 4, 2, 12, 1, 1, 1, 1, True, 2, 6, 6),
    (False, 3, 1, 12, 2, 1, 0, 1, True, 2, 12, 12),]
for t, n, c, o, k, s, p, g, b, d, h, w in LAYERS:
    key = ("%s|%d|%d|%d|%s|%d|%s|%d|%d|%dx%dx%d" % ("T" if t else "C", n, c, o, k, s, p, g, b, d, h, w)).replace(" ", "")
    if t:
        run(key, lambda: module(nn.ConvTranspose3d(c, o, k, stride=s, padding=p, bias=b), n, c, d, h, w))
    else:
        run(key, lambda: module(nn.Conv3d(c, o, k, stride=s, padding=p, groups=g, bias=b), n, c, d, h, w))
