import torch
import math
try:
    v0 = torch.eye(-3)
except Exception as e:
    print(type(e).__name__)
try:
    v1 = int(({1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: 0}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}} < int('abc', False)), [{1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: 0}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}] * 2**62)
except Exception as e:
    print(type(e).__name__)
try:
    print(v0)
except Exception as e:
    print(type(e).__name__)
try:
    v2 = 'é€😀' % (([-2.5, v0] - {object(): 3.14159}),)
except Exception as e:
    print(type(e).__name__)
try:
    v3 = 'a\rb' % (object(),)
except Exception as e:
    print(type(e).__name__)
try:
    v1.append(v2)
except Exception as e:
    print(type(e).__name__)
try:
    torch.set_printoptions(linewidth=3)
except Exception as e:
    print(type(e).__name__)
try:
    for i in range(3): v0
except Exception as e:
    print(type(e).__name__)
try:
    for i in range(3): v2
except Exception as e:
    print(type(e).__name__)
try:
    for i in range(1): v2
except Exception as e:
    print(type(e).__name__)
try:
    print(('' if (' \t\n'.expandtabs(-2**63) @ ' \t\n' * 2**63) else torch.randint(-2**62, (0,))))
except Exception as e:
    print(type(e).__name__)
try:
    v4 = torch.zeros(2**62,)
except Exception as e:
    print(type(e).__name__)
