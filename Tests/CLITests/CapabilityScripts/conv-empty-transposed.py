# Transposed convolutions whose output has a 0-size (or negative) dimension. ATen checks
# the output size only on its slow path (float64, one small float32 image): there it
# raises "Output size is too small". A layer it hands to oneDNN (a float32 batch, groups,
# a large kernel) gets an empty output and zero gradients, and a negative size oneDNN's
# memory-descriptor error. Key: name; then the shape, grad_fn and gradient digests, or
# the error and its message.
import torch
import torch.nn.functional as F
from _cases import digest

LAYERS = [
    # name, function, input shape, weight shape, stride, padding, output padding, groups
    ("t3d_w0", F.conv_transpose3d, [2, 8, 6, 4, 4], [8, 3, 3, 1, 3], [1, 3, 1], [0, 3, 3], 0, 1),
    ("t3d_d0_g2", F.conv_transpose3d, [1, 16, 4, 3, 5], [16, 3, 3, 2, 3], 1, [3, 0, 0], 0, 2),
    ("t3d_one", F.conv_transpose3d, [1, 8, 6, 4, 4], [8, 3, 3, 1, 3], [1, 3, 1], [0, 3, 3], 0, 1),
    ("t3d_neg", F.conv_transpose3d, [2, 8, 6, 4, 4], [8, 3, 3, 1, 3], [1, 3, 1], [0, 3, 4], 0, 1),
    ("t3d_f64", F.conv_transpose3d, [2, 8, 6, 4, 4], [8, 3, 3, 1, 3], [1, 3, 1], [0, 3, 3], 0, 1),
    ("t3d_opbig", F.conv_transpose3d, [2, 4, 3, 3, 3], [4, 2, 1, 1, 1], 1, [1, 1, 2], [0, 0, 0], 1),
    ("t2d_w0", F.conv_transpose2d, [2, 8, 4, 4], [8, 3, 1, 3], [3, 1], [3, 3], 0, 1),
    ("t2d_g2", F.conv_transpose2d, [2, 8, 4, 4], [8, 4, 1, 3], [3, 1], [3, 3], 0, 2),
    ("t2d_h0", F.conv_transpose2d, [3, 4, 3, 5], [4, 2, 2, 2], 1, [2, 0], 0, 1),
    ("t2d_one", F.conv_transpose2d, [1, 8, 4, 4], [8, 3, 1, 3], [3, 1], [3, 3], 0, 1),
    ("t2d_neg", F.conv_transpose2d, [2, 8, 4, 4], [8, 3, 1, 3], [3, 1], [3, 4], 0, 1),
    ("t2d_f64", F.conv_transpose2d, [2, 8, 4, 4], [8, 3, 1, 3], [3, 1], [3, 3], 0, 1),
    ("t1d_w0", F.conv_transpose1d, [2, 8, 4], [8, 3, 3], 1, 3, 0, 1),
    ("t1d_g4", F.conv_transpose1d, [2, 8, 3], [8, 1, 2], 2, 3, 0, 4),
]

for i, (name, f, xs, ws, stride, padding, op, groups) in enumerate(LAYERS):
    torch.manual_seed(i)
    dt = torch.float64 if name.endswith("f64") else torch.float32
    x = torch.randn(xs, dtype=dt, requires_grad=True)
    w = torch.randn(ws, dtype=dt, requires_grad=True)
    b = torch.randn([ws[1] * groups], dtype=dt, requires_grad=True)
    try:
        y = f(x, w, b, stride, padding, op, groups)
        y.backward(torch.rand(y.shape, dtype=dt))
        print(name, list(y.shape), y.grad_fn.name(), digest(y, x.grad, w.grad, b.grad))
    except Exception as e:
        print(name, "ERR", type(e).__name__, str(e)[:120])
