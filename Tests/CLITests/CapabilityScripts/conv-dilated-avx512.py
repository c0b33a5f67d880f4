# float32 convolutions whose passes oneDNN runs as `jit:avx512_core` on AVX-512 machines
# beyond plain 2-d layers: dilated layers (forward at any stride, data gradient at stride
# 1, weight gradient with 1-3 or 16+ channels), grouped layers (data gradient by 16-, 8-
# or 4-channel output blocks; weight gradient for whole 16-channel groups), and conv3d
# (forward, unit-stride data gradient) and conv_transpose3d (the same kernels with the
# roles swapped). On AVX2 the same layers run oneDNN's AVX2 kernels. Printed as float hex,
# so every bit shows; each line's key names the layer and the result.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
# (name, C, O, k, padding, stride, dilation, groups, size)
LAYERS = [
    ("d2c16", 16, 24, 3, 2, 1, 2, 1, 14),    # dilated, one input block: all three jit
    ("d3c3", 3, 16, 3, 3, 1, 3, 1, 17),      # dilated RGB: first-convolution layouts
    ("d2s2", 20, 8, 3, 2, 2, 2, 1, 13),      # dilated and strided: forward jit only
    ("d2k5", 32, 16, 5, 4, 1, 2, 1, 12),     # two input blocks, 5x5 dilated
    ("g2c32", 64, 64, 3, 1, 1, 1, 2, 9),     # 32 channels a group: every pass jit
    ("g4c8s2", 32, 32, 3, 1, 2, 1, 4, 11),   # 8 a group, strided
    ("g3d2", 24, 48, 3, 2, 1, 2, 3, 10),     # grouped and dilated
    ("g2c16r", 32, 32, 3, 1, 1, 1, 2, 12),   # 16 a group, more than 9 rows
]
for name, c, o, k, p, s, d, g, size in LAYERS:
    x = torch.randn(2, c, size, size, requires_grad=True)
    w = (torch.randn(o, c // g, k, k) * 0.2).requires_grad_()
    b = torch.randn(o, requires_grad=True)
    y = F.conv2d(x, w, b, padding=p, stride=s, dilation=d, groups=g)
    y.backward(torch.randn(y.shape))
    for key, t in (("out", y), ("gx", x.grad), ("gw", w.grad), ("gb", b.grad)):
        v = t.detach().flatten()[:24].tolist() + [t.detach().sum().item()]
        print(name + "." + key, " ".join(float(e).hex() for e in v))

# (name, C, O, k, padding, stride, size, transposed)
VOLUMES = [
    ("v16", 16, 16, 3, 1, 1, 6, False),
    ("v3", 3, 16, 3, 1, 1, 7, False),
    ("v40", 40, 24, 3, 1, 1, 5, False),
    ("v20s2", 20, 16, 3, 1, 2, 7, False),    # strided: brgconv_strided data gradient
    ("t16", 16, 8, 3, 1, 1, 5, True),
    ("t8s2", 8, 8, 3, 1, 2, 4, True),
]
for name, c, o, k, p, s, size, tr in VOLUMES:
    x = torch.randn(2, c, size, size, size, requires_grad=True)
    w = (torch.randn(*([c, o] if tr else [o, c]), k, k, k) * 0.2).requires_grad_()
    b = torch.randn(o, requires_grad=True)
    f = F.conv_transpose3d if tr else F.conv3d
    y = f(x, w, b, stride=s, padding=p)
    y.backward(torch.randn(y.shape))
    for key, t in (("out", y), ("gx", x.grad)):
        v = t.detach().flatten()[:24].tolist() + [t.detach().sum().item()]
        print(name + "." + key, " ".join(float(e).hex() for e in v))
