import numpy as np
a = np.array([1, 2, 3]); b = np.array([3, 2, 1])
a == b, a != b, a < b, a <= b, a > b, a >= b
#---
np.equal([1, 2], 1), np.not_equal(1.0, [1, 2]), np.less(1, 2), np.less_equal([1], [1]), np.greater(2, [1, 3]), np.greater_equal(2.0, 2)
#---
x = np.array([True, False, True]); y = np.array([True, True, False])
np.logical_and(x, y), np.logical_or(x, y), np.logical_not(x), np.logical_xor(x, y), x & y, x | y, ~x, x ^ y
#---
np.isclose([1.0, 1.1], [1.0000001, 1.0]), np.allclose([1.0, 2.0], [1.0, 2.0 + 1e-9]), np.allclose([1.0], [1.1])
#---
np.array_equal([1, 2], [1, 2]), np.array_equal([1, 2], [1, 3]), np.array_equal(np.array([np.nan]), np.array([np.nan]), equal_nan=True)
#---
np.isclose(np.nan, np.nan, equal_nan=True), np.allclose(np.arange(3), np.arange(3.0))
#---
bool(np.array([1])), bool(np.array([1, 2]))
