# softmax and log_softmax over the last dim, below, at and above 8 and 16 lanes: PyTorch's
# vectorised reduction (vec_reduce_all over one vector) gives other last bits at AVX2 and
# AVX512. Printed as float hex, so every bit shows.
import torch
torch.manual_seed(0)
for n in [5, 8, 13, 16, 24, 37, 64, 100]:
    x = torch.randn(3, n) * 4
    for f in (torch.softmax, torch.log_softmax):
        y = f(x, dim=1)
        print(f.__name__, n, " ".join(float(v).hex() for v in y.flatten().tolist()))
    xd = x.double()
    print("softmax64", n, " ".join(float(v).hex() for v in torch.softmax(xd, dim=1).flatten().tolist()))
