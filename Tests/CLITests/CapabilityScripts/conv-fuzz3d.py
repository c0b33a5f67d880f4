# The 3-d convolutions a random differential fuzz of F.conv3d / F.conv_transpose3d found
# differing (each rebuilt from the fuzz's seed for it; key: case, dtype, batch n, channels
# c -> o, groups g, kernel k, stride s, dilation d, padding p, output_padding op, size sz
# for a (sz, sz+1, sz+2) volume, transposed t). Output, then input, weight, bias gradients.
# c111 is one image of a 5x5x5 layer, which ATen hands to oneDNN (use_mkldnn's size rule).
import torch
import torch.nn.functional as F
from _cases import run, leaf, grads

CASES = [  # (case, dtype, n, c, o, g, k, s, d, p, op, sz, t)
    (32, "float32", 1, 9, 6, 3, 3, 4, 3, 3, 0, 8, 0),
    (33, "float32", 3, 9, 24, 3, 1, 4, 3, 7, 2, 13, 1),
    (34, "float32", 3, 8, 12, 4, 2, 1, 2, 2, 0, 5, 0),
    (85, "float32", 3, 4, 4, 2, 7, 1, 2, 0, 0, 20, 0),
    (90, "float32", 3, 4, 8, 1, 7, 3, 2, 7, 0, 13, 0),
    (111, "float32", 1, 2, 2, 1, 5, 1, 1, 0, 0, 8, 0),
    (122, "float64", 3, 8, 10, 2, 2, 1, 1, 2, 0, 8, 0),
    (127, "float32", 1, 12, 24, 3, 2, 1, 3, 7, 0, 1, 0),
    (133, "float32", 1, 16, 6, 2, 7, 4, 1, 2, 1, 8, 1),
    (145, "float32", 2, 3, 3, 1, 7, 2, 1, 5, 0, 3, 0),
    (161, "float64", 3, 4, 4, 4, 7, 3, 1, 0, 0, 13, 0),
    (164, "float32", 2, 1, 1, 1, 7, 1, 2, 7, 0, 13, 1),
    (194, "float64", 3, 9, 9, 3, 4, 4, 1, 0, 0, 5, 0),
    (204, "float32", 3, 3, 3, 3, 4, 4, 2, 3, 0, 13, 0),
    (207, "float32", 3, 1, 1, 1, 3, 4, 1, 3, 0, 20, 1),
    (208, "float32", 3, 4, 6, 2, 2, 1, 3, 5, 0, 20, 0),
    (221, "float32", 2, 3, 8, 1, 1, 1, 2, 7, 0, 3, 0),
    (222, "float32", 2, 6, 24, 3, 1, 1, 1, 0, 0, 13, 0),
    (244, "float32", 2, 9, 3, 3, 7, 4, 3, 7, 0, 13, 0),
]


def case(i, dts, n, c, o, g, k, s, d, p, op, sz, t):
    dt = torch.float32 if dts == "float32" else torch.float64

    def f():
        torch.manual_seed(i)
        x = leaf(n, c, sz, sz + 1, sz + 2, dt=dt)
        if t:
            w = leaf(c, o // g, k, k, k, dt=dt)
            b = leaf(o, dt=dt)
            y = F.conv_transpose3d(x, w, b, stride=s, padding=p, output_padding=op, groups=g, dilation=d)
        else:
            w = leaf(o, c // g, k, k, k, dt=dt)
            b = leaf(o, dt=dt)
            y = F.conv3d(x, w, b, stride=s, padding=p, groups=g, dilation=d)
        return grads(y, x, w, b)
    run("c%d|%s|n%d_c%d_o%d_g%d_k%d_s%d_d%d_p%d_op%d_sz%d_t%d" % (i, dts, n, c, o, g, k, s, d, p, op, sz, t), f)


for args in CASES:
    case(*args)
