import numpy as np
np.array([1, 2, 3])
#---
np.array([1.5, 2, 3])
#---
np.array([[1, 2], [3, 4]], dtype=np.float32)
#---
np.asarray([True, False])
#---
np.zeros(3)
#---
np.zeros((2, 3), dtype=int)
#---
np.ones((2, 2))
#---
np.empty(0)
#---
np.full((2, 2), 7)
#---
np.full(3, 2.5)
#---
np.zeros_like(np.array([[1, 2]]))
#---
np.ones_like(np.array([1.0, 2.0]))
#---
np.empty_like(np.array([1, 2])).shape
#---
np.full_like(np.array([1, 2, 3]), 9)
#---
np.arange(5)
#---
np.arange(1, 2, 0.25)
#---
np.arange(10, 0, -3)
#---
np.arange(0.0, 1.0, 0.1)
#---
np.linspace(0, 1, 5)
#---
np.linspace(0, 10, 7)
#---
np.linspace(-1, 1, 4, endpoint=False)
#---
np.logspace(0, 3, 4)
#---
np.eye(3)
#---
np.eye(2, 3, k=1, dtype=int)
#---
np.identity(2)
#---
np.diag([1, 2, 3])
#---
np.diag(np.arange(9).reshape(3, 3))
#---
xx, yy = np.meshgrid(np.arange(3), np.arange(2))
print(xx)
print(yy)
#---
np.mgrid[0:3, 0:2]
#---
np.ogrid[0:3, 0:2]
#---
a = np.array([1, 2, 3]); b = np.copy(a); b[0] = 9; print(a, b)
#---
np.array(5)
#---
np.array(2.5)
#---
np.array([], dtype=np.int32)
#---
np.zeros((0, 3))
#---
np.fromiter(range(4), dtype=np.float64)
#---
np.frombuffer(bytes([1, 0, 2, 0]), dtype=np.int16)
#---
np.array([[1, 2], [3]])
