import torch
import math
try:
    None.append(None)
except Exception as e:
    print(type(e).__name__)
try:
    for i in range(256): None
except Exception as e:
    print(type(e).__name__)
try:
    v0 = '{0:{1}}' % (torch.full((-2,), -0.0),)
except Exception as e:
    print(type(e).__name__)
try:
    v1 = int('{0:{1}}', 2**62)
except Exception as e:
    print(type(e).__name__)
try:
    v1.append(v0)
except Exception as e:
    print(type(e).__name__)
try:
    torch.set_printoptions(linewidth=-2**63)
except Exception as e:
    print(type(e).__name__)
try:
    x = [1]; x.append(x); y = [1]; y.append(y); print(x == y, repr(x))
except Exception as e:
    print(type(e).__name__)
try:
    print(v1)
except Exception as e:
    print(type(e).__name__)
try:
    for i in range(0): v1
except Exception as e:
    print(type(e).__name__)
try:
    v0.append(v1)
except Exception as e:
    print(type(e).__name__)
try:
    v2 = 'abc'.format('{0:{1}}'.format(torch.linspace(2, -2**62, False), torch.zeros(1).expand(7)), 'x' * 2**20 * 0)
except Exception as e:
    print(type(e).__name__)
try:
    print('a' * 1000)
except Exception as e:
    print(type(e).__name__)
