# float32 convolutions that oneDNN runs as `gemm:jit` (im2col around its own sgemm), depthwise
# layers (`jit_dw`, whose weight gradient splits 16-channel blocks between threads there) and
# transposed convolutions (convolutions with the roles swapped), on batches where ATen
# hands them to oneDNN. On AVX-512 machines `gemm:jit` runs oneDNN's AVX-512 sgemm (other
# K blocks and kernels than on AVX2) and `simd_w` 16 in its threading heuristics; the
# transposed layers run the `jit:avx512_core` kernels. Printed as float hex, so every bit
# shows; each line's key names the layer and the result.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
# (name, C, O, k, padding, stride, dilation, groups, size)
LAYERS = [
    ("g5", 10, 15, 3, 1, 1, 1, 5, 9),        # 2 channels a group: gemm:jit every pass
    ("dwm2", 8, 16, 3, 1, 1, 1, 8, 12),      # depthwise, multiplier 2
    ("g4k5", 40, 40, 5, 2, 1, 1, 4, 16),     # K = 250 over 256 positions
    ("g3", 60, 60, 3, 1, 1, 1, 3, 23),       # 20 channels a group
    ("pad1x1", 16, 8, 1, 1, 1, 1, 1, 7),     # 1x1 with padding: gemm:jit every pass
    ("pad3", 3, 8, 3, 3, 1, 1, 1, 7),        # padding as large as the kernel
    ("dil2", 12, 12, 3, 2, 1, 2, 1, 30),     # dilated: weight gradient gemm:jit
    ("dw16", 16, 16, 3, 1, 1, 1, 16, 10),    # depthwise jit_dw: one 16-channel block on AVX-512
    ("dw12", 12, 12, 3, 1, 1, 1, 12, 11),
    ("dw5k5", 6, 6, 5, 2, 1, 1, 6, 13),      # 5x5 depthwise: weight gradient gemm:jit
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

# (name, C, O, k, padding, stride, output_padding, size); size 0: conv_transpose1d on 12.
TRANSPOSED = [
    ("t16x8", 16, 8, 3, 1, 1, 0, 5),         # stride 1: forward is a jit data gradient
    ("t3x16k5", 3, 16, 5, 2, 1, 0, 7),
    ("t12x10", 12, 10, 3, 1, 1, 0, 6),
    ("t16x8s2", 16, 8, 4, 1, 2, 0, 4),       # DCGAN 4x4 -> 8x8: strided forward
    ("t6x4d1", 6, 4, 3, 1, 1, 0, 0),         # conv_transpose1d
]
for name, c, o, k, p, s, op, size in TRANSPOSED:
    one = size == 0
    x = torch.randn(*([3, c, 12] if one else [2, c, size, size]), requires_grad=True)
    w = (torch.randn(*([c, o, k] if one else [c, o, k, k])) * 0.2).requires_grad_()
    b = torch.randn(o, requires_grad=True)
    f = F.conv_transpose1d if one else F.conv_transpose2d
    y = f(x, w, b, stride=s, padding=p, output_padding=op)
    y.backward(torch.randn(y.shape))
    for key, t in (("out", y), ("gx", x.grad), ("gw", w.grad), ("gb", b.grad)):
        v = t.detach().flatten()[:24].tolist() + [t.detach().sum().item()]
        print(name + "." + key, " ".join(float(e).hex() for e in v))
