import numpy as np
np.array([0.1, 0.2, 0.30000000000000004])
#---
np.array([1e-5, 1.0])
#---
np.array([1e8, 1.0])
#---
np.array([123456789.0, 1.5])
#---
np.array([1.0, np.nan, np.inf, -np.inf])
#---
np.array([3.14159265358979, 2.0])
#---
np.array([1/3, 2/3], dtype=np.float32)
#---
np.array([1.5, 2.25], dtype=np.float16)
#---
np.arange(2000)
#---
np.arange(1200.0).reshape(40, 30)
#---
np.arange(30) * 1.5
#---
np.arange(24).reshape(2, 3, 4)
#---
print(np.arange(6).reshape(2, 3) / 7)
#---
print(np.array([True, False, True]))
#---
np.array([True, False])
#---
np.array([-1, 200, 3], dtype=np.int16)
#---
np.array([1, 2], dtype=np.uint8)
#---
np.float64(1.5), np.float32(0.1), np.int64(3), np.int32(-2), np.True_, np.False_
#---
print(np.float64(1e16), np.float64(1e-5), np.float32(1/3), np.float64(2.0))
#---
str(np.array(3.0)), repr(np.array(3.0)), str(np.array(7))
#---
np.set_printoptions(precision=3)
print(np.array([1/3, 2/3]))
np.set_printoptions(precision=8)
#---
np.get_printoptions()["precision"], np.get_printoptions()["threshold"], np.get_printoptions()["linewidth"]
#---
with np.printoptions(precision=2, suppress=True):
    print(np.array([1e-10, 1.23456]))
print(np.array([1e-10, 1.23456]))
#---
np.array2string(np.array([1.0, 2.0, 3.0]), separator=", ")
#---
np.array_repr(np.array([1, 2], dtype=np.int32))
#---
np.array_str(np.array([1.5, 2.5]))
#---
np.format_float_positional(0.1 + 0.2), np.format_float_positional(np.float32(0.1)), np.format_float_positional(1.0, trim="-")
#---
np.format_float_scientific(12345.678, precision=3)
#---
np.array([[1.5, -2.25], [1000.0, 3.0]])
#---
np.array([-0.0, 0.0, 1.0])
#---
np.array([1e-20, 1.0, 1e20])
#---
np.ones((3, 30))
#---
np.arange(100.0)
#---
np.array([1.123456789, 22.5, 333.0])
#---
np.array([0.001, 1000.0]), np.array([0.0001, 1.0]), np.array([1e-5, 1e-6])
#---
np.array([1e16, 1e-3]), np.array([1.5e300, -2e-300])
#---
np.set_printoptions(suppress=True); print(np.array([1e-10, 1.0, 1e5])); np.set_printoptions(suppress=False)
#---
np.set_printoptions(floatmode="fixed", precision=4); print(np.array([1.0, 2.5])); np.set_printoptions(floatmode="maxprec", precision=8)
#---
np.set_printoptions(linewidth=40); print(np.arange(20.0)); np.set_printoptions(linewidth=75)
#---
np.set_printoptions(threshold=5); print(np.arange(10)); np.set_printoptions(threshold=1000)
#---
np.set_printoptions(edgeitems=1, threshold=3); print(np.arange(12).reshape(3, 4)); np.set_printoptions(edgeitems=3, threshold=1000)
#---
np.set_printoptions(sign="+"); print(np.array([1.0, -2.0])); print(np.array([3, -4])); np.set_printoptions(sign="-")
#---
np.arange(2000.0).reshape(2, 1000)
#---
np.array([[1, 2], [3, 4]], dtype=np.int32)
#---
np.zeros((2, 0)), np.ones((0,), dtype=bool)
#---
np.linspace(0, 1, 11, dtype=np.float32)
#---
np.array([1e5, 1e-5], dtype=np.float32), np.array([123456.0, 1.0], dtype=np.float32), np.array([1234.0, 1.0], dtype=np.float16)
#---
np.float32(1e10), np.float16(0.1), np.float64(123456789012345678.0), np.float64(-0.0), np.float64(np.nan), np.float32(-np.inf)
#---
f"{np.float64(3.14159):.2f}", f"{np.int64(42):5d}", "%.3f" % np.float32(2.5), str(np.float64(0.1) + np.float64(0.2))
#---
print(np.array([[1.5, np.nan], [np.inf, -np.inf]]))
#---
np.array([0.5, 100.25, -3.125])
#---
np.array([[0.1, 0.25], [10.5, 1000.125]]) * np.pi
