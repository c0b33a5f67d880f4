import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(3)
x = torch.randn(2, 4, 5, requires_grad=True)
inorm = nn.InstanceNorm1d(4, affine=True, track_running_stats=True)
y = inorm(x)
print(y[1].tolist())
print(inorm.running_mean.tolist(), inorm.running_var.tolist())
(y * torch.arange(40.).view(2, 4, 5)).sum().backward()
print(x.grad[1].tolist())
print(inorm.weight.grad.tolist(), inorm.bias.grad.tolist())
#---
torch.manual_seed(5)
for shape in [(3, 5, 42), (1, 8, 300), (2, 3, 9, 11), (7, 13), (33, 9), (2, 16)]:
    for dt in [torch.float32, torch.float64]:
        x = torch.randn(*shape, dtype=dt)
        bn = nn.BatchNorm1d(shape[1], dtype=dt) if len(shape) < 4 else nn.BatchNorm2d(shape[1], dtype=dt)
        nn.init.normal_(bn.weight); nn.init.normal_(bn.bias)
        y = bn(x)
        print(shape, dt, y.flatten()[::11].tolist())
        print(bn.running_mean.tolist(), bn.running_var.tolist())
        bn.eval()
        print(bn(x).flatten()[::13].tolist())
#---
torch.manual_seed(9)
x = torch.randn(3, 6, 7, 5)
print(F.instance_norm(x)[2, 3].tolist())
print(F.instance_norm(x.double())[1, 5, 2].tolist())
rm, rv = torch.zeros(6), torch.ones(6)
F.instance_norm(x, rm, rv, use_input_stats=True, momentum=0.2)
print(rm.tolist(), rv.tolist())
#---
torch.manual_seed(13)
for shape, dt in [((64, 10), torch.float32), ((3, 5, 42), torch.float32), ((2, 3, 9, 11), torch.float32), ((1, 8, 300), torch.float32),
                  ((7, 13), torch.float32), ((3, 5, 42), torch.float64), ((33, 9), torch.float64)]:
    for train in [True, False]:
        x = torch.randn(*shape, dtype=dt, requires_grad=True)
        c = shape[1]
        w = torch.randn(c, dtype=dt, requires_grad=True); b = torch.randn(c, dtype=dt, requires_grad=True)
        rm = torch.randn(c, dtype=dt); rv = torch.rand(c, dtype=dt) + 0.5
        y = F.batch_norm(x, rm, rv, w, b, training=train, momentum=0.3)
        (y * torch.randn(*shape, dtype=dt)).sum().backward()
        print(shape, dt, train, x.grad.flatten()[::17].tolist())
        print(w.grad.tolist(), b.grad.tolist())
