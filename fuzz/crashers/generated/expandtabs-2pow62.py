import torch
import math
try:
    x = [1]; x.append(x); y = [1]; y.append(y); print(x == y, repr(x))
except Exception as e:
    print(type(e).__name__)
try:
    v0 = ([(lambda x: v0)('{}')] * 2**31 if torch.empty(0) else torch.empty(10**10))
except Exception as e:
    print(type(e).__name__)
try:
    torch.set_printoptions(precision=0)
except Exception as e:
    print(type(e).__name__)
try:
    v0[None] = torch.tensor([0.0, 5e-324, 256])
except Exception as e:
    print(type(e).__name__)
try:
    v1 = ('{0:{1}}'.replace('%*d', '') @ [[v0] * -2**62] * -2**62)
except Exception as e:
    print(type(e).__name__)
try:
    v2 = torch.zeros()
except Exception as e:
    print(type(e).__name__)
try:
    v1.append(v0)
except Exception as e:
    print(type(e).__name__)
try:
    v1[max(v2[[]], torch.zeros(2, 3, 4))] = ' \t\n'.expandtabs(2**62)
except Exception as e:
    print(type(e).__name__)
try:
    v3 = '{}'.join(v1)
except Exception as e:
    print(type(e).__name__)
try:
    for i in range(-1): v1
except Exception as e:
    print(type(e).__name__)
