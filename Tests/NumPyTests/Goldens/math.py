import numpy as np
a = np.array([1.0, 2.0, 3.0]); b = np.array([4, 5, 6])
a + b, a - b, a * b, a / b
#---
b // 4, b % 4, -b // 4, -b % 4, b ** 2
#---
np.add(1, 2), np.multiply(2.0, 3), np.subtract([1, 2], 1), np.divide(1, 4)
#---
np.power(2, [1, 2, 3]), np.float_power(2, 3), np.true_divide(7, 2), np.floor_divide(7.5, 2)
#---
np.mod(-7, 3), np.remainder(7.5, -2), np.fmod(-7, 3), np.divmod(7, 3)
#---
np.negative([1, -2]), np.reciprocal([1.0, 4.0]), np.abs([-1, 2]), np.absolute(-2.5), np.sign([-3, 0, 2])
#---
x = np.linspace(0.1, 2, 7)
print(np.sqrt(x)); print(np.square(x)); print(np.exp(x)); print(np.exp2(x)); print(np.expm1(x))
#---
x = np.linspace(0.1, 2, 7)
print(np.log(x)); print(np.log2(x)); print(np.log10(x)); print(np.log1p(x))
#---
x = np.linspace(-1, 1, 7)
print(np.sin(x)); print(np.cos(x)); print(np.tan(x))
print(np.arcsin(x)); print(np.arccos(x)); print(np.arctan(x))
print(np.sinh(x)); print(np.cosh(x)); print(np.tanh(x))
#---
np.arctan2([1, -1], [-1, 1]), np.hypot(3, 4)
#---
x = np.array([-1.5, -0.5, 0.5, 1.5, 2.5])
np.floor(x), np.ceil(x), np.round(x), np.around(x, 1), np.rint(x), np.trunc(x), np.fix(x)
#---
np.round(np.array([1.2345, 2.5678]), 2), np.round(1234, -2)
#---
np.maximum([1, 5], [3, 2]), np.minimum([1.0, np.nan], [0.0, 1.0]), np.fmax([1.0, np.nan], [0.0, 1.0]), np.fmin([np.nan], [2.0])
#---
np.clip(np.arange(10), 2, 7), np.clip(np.array([1.5, -3.0]), -1, 1)
#---
np.isnan([1.0, np.nan]), np.isinf([np.inf, 1.0]), np.isfinite([np.inf, np.nan, 0.0])
#---
np.array([1, 2], dtype=np.int8) + np.array([1], dtype=np.int16)
#---
np.array([1, 2], dtype=np.int32) + 1.5, np.array([1.0], dtype=np.float32) + 1.5, np.array([1], dtype=np.uint8) + 300
#---
np.array([127], dtype=np.int8) + np.int8(1)
#---
np.array([1, 2], dtype=np.float32) * np.float64(2)
#---
np.int64(7) // 2, np.float64(7) / 2, np.int32(5) * 2, type(np.float64(1) + 1).__name__
#---
np.ones((2, 3)) + np.ones(4)
#---
np.arange(3) / 0
#---
np.array([2, 3]) ** -1
#---
np.arange(6).reshape(2, 3) * np.arange(3)
#---
a = np.arange(3); a += 1; a *= 2; a
#---
a = np.arange(3); a /= 2
#---
np.sqrt(np.array([1, 4], dtype=np.int8)), np.exp(np.array([1], dtype=np.int32))
#---
np.float32(2.0) ** 0.5, np.sqrt(np.float32(2))
