import torch
import torch.nn as nn
import torch.nn.functional as F
def bits(t):
    t = t.detach().contiguous()
    return t.view(torch.int32 if t.dtype == torch.float32 else torch.int64).flatten().tolist()
def channels_last(x):
    return x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2) if x.dim() == 4 else x.permute(0, 2, 3, 4, 1).contiguous().permute(0, 4, 1, 2, 3)
#---
# Channels-last input, channels-last gradient: ATen's channels-last kernels throughout.
torch.manual_seed(21)
for shape in [(2, 3, 2, 2), (1, 4, 3, 5), (3, 10, 2, 3), (2, 2, 1, 3, 2), (4, 9, 3, 3)]:
    for dt in [torch.float32, torch.float64]:
        x = channels_last(torch.randn(*shape, dtype=dt) * 2 + 0.3).requires_grad_()
        c = shape[1]
        w = torch.randn(c, dtype=dt, requires_grad=True); b = torch.randn(c, dtype=dt, requires_grad=True)
        rm = torch.randn(c, dtype=dt); rv = torch.rand(c, dtype=dt) + 0.5
        for train in [True, False]:
            y = F.batch_norm(x, rm, rv, w, b, training=train, momentum=0.2)
            g = channels_last(torch.randn(*shape, dtype=dt))
            gx, gw, gb = torch.autograd.grad(y, (x, w, b), g)
            print(shape, dt, train, y.stride() == x.stride(), bits(y))
            print(bits(rm), bits(rv))
            print(bits(gx), bits(gw), bits(gb))
#---
# Gradients not contiguous in the input's memory format take ATen's generic backward:
# a plain gradient for a channels-last input, a channels-last gradient for a plain input,
# and the expanded gradient of y.sum().
torch.manual_seed(22)
for shape in [(2, 3, 2, 2), (1, 4, 3, 5), (3, 10, 2, 3), (4, 9, 7)]:
    for dt in [torch.float32, torch.float64]:
        c = shape[1]
        for case in ["cl-input", "cl-grad", "sum"]:
            if case != "sum" and len(shape) < 4:
                continue
            x = torch.randn(*shape, dtype=dt) * 2 + 0.3
            if case == "cl-input":
                x = channels_last(x)
            x.requires_grad_()
            w = torch.randn(c, dtype=dt, requires_grad=True); b = torch.randn(c, dtype=dt, requires_grad=True)
            rm = torch.randn(c, dtype=dt); rv = torch.rand(c, dtype=dt) + 0.5
            for train in [True, False]:
                y = F.batch_norm(x, rm, rv, w, b, training=train, momentum=0.2)
                if case == "sum":
                    gx, gw, gb = torch.autograd.grad(y.sum(), (x, w, b))
                else:
                    g = torch.randn(*shape, dtype=dt)
                    if case == "cl-grad":
                        g = channels_last(g)
                    gx, gw, gb = torch.autograd.grad(y, (x, w, b), g)
                print(shape, dt, case, train)
                print(bits(y), bits(gx), bits(gw), bits(gb))
#---
# InstanceNorm (batch_norm on a (1, N·C, ...) view), float32 and float64, every bit.
torch.manual_seed(23)
for shape in [(2, 3, 5), (3, 4, 6, 7), (1, 5, 33), (2, 2, 3, 4, 5)]:
    for dt in [torch.float32, torch.float64]:
        x = (torch.randn(*shape, dtype=dt) * 3 - 1).requires_grad_()
        m = [nn.InstanceNorm1d, nn.InstanceNorm2d, nn.InstanceNorm3d][len(shape) - 3](shape[1], affine=True, track_running_stats=True, dtype=dt)
        nn.init.normal_(m.weight); nn.init.normal_(m.bias)
        y = m(x)
        (y * torch.randn(*shape, dtype=dt)).sum().backward()
        print(shape, dt, bits(y))
        print(bits(m.running_mean), bits(m.running_var))
        print(bits(x.grad), bits(m.weight.grad), bits(m.bias.grad))
#---
# float64 statistics of plain-contiguous planes of 1 to 33 elements (odd and even rows).
torch.manual_seed(24)
for n in [1, 2, 3, 5]:
    for inner in [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33]:
        if n * inner < 2:
            continue
        for trial in range(2):
            x = (torch.randn(n, 4, inner, dtype=torch.float64) * 3 + 0.5).requires_grad_()
            rv = torch.rand(4, dtype=torch.float64) + 0.5; rm = torch.zeros(4, dtype=torch.float64)
            y = F.batch_norm(x, rm, rv, None, None, training=True, momentum=0.3)
            gx, = torch.autograd.grad(y, (x,), torch.randn(n, 4, inner, dtype=torch.float64))
            print(n, inner, bits(y), bits(rm), bits(rv), bits(gx))
