import torch
import torch.nn.functional as F
# Vectorised elementwise functions on transposed, expanded and sliced inputs: PyTorch walks
# the dims in TensorIterator's order (memory order for a transposed tensor) and runs vector
# lanes on a broadcast input, so which elements get SLEEF lanes and which the libm tail
# depends on the layout. Printed with tolist(): bit for bit.
fs = [("sigmoid", torch.sigmoid), ("silu", F.silu), ("softplus", F.softplus), ("gelu", F.gelu),
      ("gelu_tanh", lambda x: F.gelu(x, approximate="tanh")), ("mish", F.mish), ("exp2", torch.exp2),
      ("pow2.5", lambda x: x.abs() ** 2.5), ("pow4", lambda x: x ** 4), ("rpow2", lambda x: 2 ** x),
      ("elu", F.elu), ("selu", F.selu), ("celu", F.celu)]
def layouts(dt):
    return [("t", torch.rand(13, 17, dtype=dt).mul(8).sub(4).t()), ("t3", torch.rand(4, 5, 6, dtype=dt).mul(8).sub(4).permute(2, 0, 1)),
            ("e", torch.rand(9, 1, dtype=dt).mul(8).sub(4).expand(9, 33)), ("s", torch.rand(13, 34, dtype=dt).mul(8).sub(4)[:, ::2])]
#---
for dt in [torch.float32, torch.float64]:
    for lname, x in layouts(dt):
        for name, f in fs:
            y = f(x)
            print(name, lname, dt, y.stride(), y.tolist())
#---
for dt in [torch.float32, torch.float64]:
    for lname, x in layouts(dt):
        y = torch.rand(x.shape, dtype=dt).mul(6).sub(3)
        y = y.t().contiguous().t() if lname == "t" else y
        for name, f in [("atan2", torch.atan2), ("pow", lambda a, b: a.abs().pow(b)), ("logaddexp", torch.logaddexp), ("logaddexp2", torch.logaddexp2)]:
            z = f(x, y)
            print(name, lname, dt, z.stride(), z.tolist())
