import numpy as np
dts = [np.bool_, np.uint8, np.int8, np.int16, np.int32, np.int64, np.float16, np.float32, np.float64]
#---
for a in dts:
    for b in dts:
        x = np.array([1, 2], dtype=a); y = np.array([1, 1], dtype=b)
        out = []
        for name, f in [("add", lambda p, q: p + q), ("div", lambda p, q: p / q), ("mul", lambda p, q: p * q), ("max", np.maximum), ("fd", lambda p, q: p // q), ("pow", lambda p, q: p ** q), ("lt", lambda p, q: p < q), ("hyp", np.hypot)]:
            try:
                r = f(x, y)
                out.append(name + ":" + repr(r))
            except Exception as e:
                out.append(name + ":" + type(e).__name__)
        print(a.__name__, b.__name__, " ".join(out))
#---
for a in [d for d in dts if d is not np.uint8]:
    x = np.array([1, 2], dtype=a)
    out = []
    for s in [1, 2.5, True, -1, 300]:
        for name, f in [("add", lambda p, q: p + q), ("rsub", lambda p, q: q - p), ("div", lambda p, q: p / q), ("mul", lambda p, q: p * q)]:
            try:
                out.append(repr(f(x, s)))
            except Exception as e:
                out.append(type(e).__name__ + ":" + str(e))
    print(a.__name__, " | ".join(out))
    for u in [np.sqrt, np.negative, np.abs, np.floor, np.sign, np.square, np.sum, np.mean, np.cumsum, np.prod]:
        try:
            print(" ", repr(u(x)))
        except Exception as e:
            print(" ", "error:", e)
