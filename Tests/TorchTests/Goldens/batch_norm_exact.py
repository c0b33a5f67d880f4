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
