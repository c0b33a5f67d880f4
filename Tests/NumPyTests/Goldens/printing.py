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
