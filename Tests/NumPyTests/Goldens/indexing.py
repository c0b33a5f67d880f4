import numpy as np
a = np.arange(12).reshape(3, 4)
a[0], a[1, 2], a[-1], a[:, 1], a[1:, ::2], a[..., -1], a[None, 0].shape
#---
a = np.arange(12).reshape(3, 4)
a[[0, 2]], a[[0, 1], [1, 2]], a[:, [3, 0]], a[a > 6], a[np.array([True, False, True])]
#---
a = np.arange(10); v = a[2:5]; v[0] = 100; a
#---
a = np.arange(10); c = a[[2, 3]]; c[0] = 100; a
#---
a = np.arange(10); v = a[2:5]; v.base is not None, a[[1]].base is None
#---
a = np.zeros((3, 3)); a[1] = 5; a[:, 0] = [1, 2, 3]; a[a == 5] = -1; a
#---
a = np.arange(5); a[[0, 2]] = 9; a
#---
a = np.arange(5); a[10]
#---
np.arange(6).reshape(2, 3)[0, 0, 0]
#---
np.arange(5)[1.5]
#---
a = np.arange(6); list(a[::2]), [int(v) for v in a[:3]]
#---
a = np.arange(4.0); a[1] = 7; a.tolist(), a.item(2), a[1].item()
#---
np.where(np.array([1, 0, 3]) > 0), np.where([True, False], [1, 2], [10, 20]), np.where(np.arange(4) > 1, 1.0, 0)
#---
np.nonzero([0, 3, 0, 4]), np.argwhere(np.array([[0, 1], [1, 0]])), np.flatnonzero([0, 2, 0, 3])
#---
np.select([np.arange(5) < 2, np.arange(5) > 3], [np.arange(5), np.arange(5) * 10], -1)
#---
a = np.array([[10, 30, 20], [60, 40, 50]])
np.take(a, [0, 2]), np.take(a, [0, 2], axis=1), np.take_along_axis(a, np.argsort(a, axis=1), axis=1)
#---
a = np.arange(5); np.put(a, [0, 2], [-1, -2]); a
#---
a = np.arange(3, dtype=np.uint8); a[0] = 300
