# Transposed convolutions on ATen's slow path (`slow_conv_transpose2d`/`3d`): float64 always,
# float32 where `use_mkldnn` declines — one small image, or an `output_padding` that reaches
# the stride (allowed when the dilation is larger; `is_output_padding_big` keeps it off
# oneDNN). Each image's products are MKL's gemm on ATen's buffers, the input gradient's inside
# `parallel_for` (MKL on one thread), so Gradbook lays the operands out as ATen does.
import torch
import torch.nn.functional as F
from _cases import run, leaf, grads

torch.manual_seed(0)

# (C, O, k) x (stride, dilation, output_padding, padding) x batch x size
LAYERS = [(2, 3, 3), (4, 8, 3), (3, 5, 5), (8, 16, 2)]
ARGS = [(1, 2, 1, 0), (1, 3, 2, 1), (2, 3, 2, 0), (1, (2, 3), (1, 2), 0), ((1, 2), 3, (2, 1), 1),
        (2, 1, 1, 1), (1, 1, 0, 0)]

for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    for n in (1, 2, 3):
        for (c, o, k) in LAYERS:
            for (s, d, op, p) in ARGS:
                for hw in (5, 9, 17):
                    def f():
                        x = leaf(n, c, hw, hw + 1, dt=dt)
                        w = leaf(c, o, k, k, dt=dt)
                        b = leaf(o, dt=dt)
                        y = F.conv_transpose2d(x, w, b, stride=s, padding=p, output_padding=op, dilation=d)
                        return grads(y, x, w, b)
                    run(("t2|%s|%d|%d,%d,%d|%s,%s,%s,%s|%d" % (dn, n, c, o, k, s, d, op, p, hw)).replace(" ", ""), f)
    for (c, o, k) in LAYERS[:2]:
        for (s, d, op) in ((1, 2, 1), (2, 3, 2), (2, 1, 1)):
            def f():
                x = leaf(2, c, 11, dt=dt)
                w = leaf(c, o, k, dt=dt)
                b = leaf(o, dt=dt)
                return grads(F.conv_transpose1d(x, w, b, stride=s, output_padding=op, dilation=d), x, w, b)
            run("t1|%s|%d,%d,%d|%d,%d,%d" % (dn, c, o, k, s, d, op), f)
    for n in (1, 2):
        for (c, o, k) in LAYERS[:2]:
            for (s, d, op) in ((1, 2, 1), (2, 3, 2), (2, 1, 1), (1, 1, 0)):
                def f():
                    x = leaf(n, c, 5, 6, 4, dt=dt)
                    w = leaf(c, o, k, k, k, dt=dt)
                    b = leaf(o, dt=dt)
                    return grads(F.conv_transpose3d(x, w, b, stride=s, output_padding=op, dilation=d), x, w, b)
                run("t3|%s|%d|%d,%d,%d|%d,%d,%d" % (dn, n, c, o, k, s, d, op), f)
