# Convolutions on ATen's own path (float64 always; float32 where ATen keeps one image off
# oneDNN), whose products are MKL's gemm called per image and per group on ATen's buffers:
# MKL's small products sum differently depending on where each operand starts modulo 64
# bytes, so Gradbook lays them out as ATen does. Also celu's backward (elu_backward's kernel).
import torch
import torch.nn.functional as F
from _cases import run, leaf, grads

torch.manual_seed(0)

# (name, C, O, k, padding, stride, dilation, groups, batch, size, dims)
CONVS = [
    ("dw3", 8, 8, 3, 1, 1, 1, 8, 5, 13, 2),
    ("dw5", 8, 8, 5, 2, 1, 1, 8, 5, 13, 2),
    ("dwm2", 4, 8, 3, 1, 1, 1, 4, 3, 11, 2),
    ("g4", 8, 16, 3, 0, 1, 1, 4, 3, 14, 2),
    ("g2s2", 8, 8, 3, 1, 2, 1, 2, 4, 15, 2),
    ("p1x1", 32, 64, 1, 0, 1, 1, 1, 8, 20, 2),
    ("p1x1g", 16, 16, 1, 0, 1, 1, 4, 5, 9, 2),
    ("plain", 3, 10, 3, 1, 1, 1, 1, 5, 28, 2),
    ("big", 16, 32, 3, 1, 1, 1, 1, 4, 16, 2),
    ("dil", 4, 8, 3, 0, 1, 2, 1, 3, 14, 2),
    ("c1dw3", 8, 8, 3, 1, 1, 1, 8, 5, 33, 1),
    ("c1dw5", 8, 8, 5, 2, 1, 1, 8, 2, 33, 1),
    ("c1g", 8, 16, 3, 1, 1, 1, 4, 5, 33, 1),
    ("c1", 6, 12, 5, 2, 1, 1, 1, 4, 40, 1),
]


def conv(c, o, k, p, s, d, g, n, size, dims, dt):
    x = leaf(n, c, *([size] * dims), dt=dt)
    w = leaf(o, c // g, *([k] * dims), dt=dt, lo=-0.3, hi=0.3)
    b = leaf(o, dt=dt)
    f = F.conv2d if dims == 2 else F.conv1d
    return grads(f(x, w, b, padding=p, stride=s, dilation=d, groups=g), x, w, b)


for name, *shape in CONVS:
    run("%s|f64" % name, lambda: conv(*shape, torch.float64))
# float32 on ATen's path: one image, a small input, kernels no larger than 3 in some direction
for name, *shape in CONVS:
    shape[7] = 1
    run("%s|f32n1" % name, lambda: conv(*shape, torch.float32))
for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    for a in (1.0, 0.5, 2.5):
        run("celu|%s|%s" % (a, dn), lambda: (lambda x: grads(F.celu(x, a), x))(leaf(37, 53, dt=dt)))
    run("convT|%s" % dn, lambda: (lambda x, w, b: grads(F.conv_transpose2d(x, w, b, stride=2, groups=2), x, w, b))(
        leaf(3, 8, 9, 9, dt=dt), leaf(8, 2, 3, 3, dt=dt, lo=-0.3, hi=0.3), leaf(4, dt=dt)))
