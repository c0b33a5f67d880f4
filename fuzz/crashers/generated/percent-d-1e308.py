import torch
import math
try:
    print(None)
except Exception as e:
    print(type(e).__name__)
try:
    x = [1]; x.append(x); y = [1]; y.append(y); print(x == y, repr(x))
except Exception as e:
    print(type(e).__name__)
try:
    x = [1]; x.append(x); y = [1]; y.append(y); print(x == y, repr(x))
except Exception as e:
    print(type(e).__name__)
try:
    v0 = v0
except Exception as e:
    print(type(e).__name__)
try:
    print(v0)
except Exception as e:
    print(type(e).__name__)
try:
    v1 = range('%d' % ((1e308 if -2.5 else v0),), -2.5)
except Exception as e:
    print(type(e).__name__)
