import numpy as np
np.array([1, 2], dtype=np.int8) + 1, np.array([1, 2], dtype=np.int8) * 2.5, np.array([True]) + 1, np.array([True]) + True
#---
np.array([1], dtype=np.uint8) - 2, np.array([100], dtype=np.int8) * 3, np.int8(127) + np.int8(1)
#---
np.array([1], dtype=np.int8) + 1000
#---
np.array([-7, 7]) // 2, np.array([-7, 7]) % 3, np.array([-7.5, 7.5]) // 2, np.array([-7.5, 7.5]) % 2
#---
np.array([1, 2]) / np.array([2, 4]), (np.array([1, 2]) / 2).dtype, (np.array([1, 2], dtype=np.float32) / 2).dtype
#---
np.float32(1.5) * 2, np.float16(1.5) + 1.0, np.int32(1) + np.int64(1), np.uint8(1) + np.int8(1)
#---
np.zeros((2, 3)) + np.zeros((3, 2))
#---
np.zeros((2, 1)) + np.zeros((1, 3)), (np.zeros((4, 1, 2)) + np.zeros((3, 1))).shape
#---
np.sum(np.zeros((2, 3)), axis=3)
#---
np.sum(np.ones((2, 3, 4)), axis=(0, 2)), np.mean(np.ones((2, 3)), axis=-1, keepdims=True)
#---
a = np.arange(5); b = a[1:4]; b *= 10; a, b.base is not None, np.shares_memory(a, b)
#---
a = np.arange(6).reshape(2, 3); c = a[:, [0, 2]]; c[0, 0] = -1; a
#---
a = np.arange(6).reshape(2, 3); a.T[0, 1] = 99; a
#---
np.arange(6).reshape(2, 3)[:, None, :].shape, np.arange(6)[np.newaxis].shape, np.arange(24).reshape(2, 3, 4)[..., 0].shape
#---
np.arange(24).reshape(2, 3, 4)[[0, 1], :, [1, 2]].shape, np.arange(24).reshape(2, 3, 4)[:, [0, 2], [1, 3]]
#---
np.array([1.0, 2.0]).astype(np.int8), np.array([300]).astype(np.uint8), np.array([-1.5, 2.7]).astype(np.int64)
#---
np.int64(2) ** 63, np.array([2], dtype=np.int64) ** 64
#---
x = np.arange(4, dtype=np.float32); x.sum(), x.mean(), x.var(), (x / 3).sum()
#---
np.array([1, 2, 3]).mean(), np.array([1, 2, 3]).var(ddof=1), np.std([1, 2, 3, 4])
#---
np.exp(710), np.log(0), np.log(-1.0), np.sqrt(-1.0)
#---
np.array([np.nan, 1.0]) == np.nan, np.isnan(np.array([np.nan])), np.nan == np.nan
#---
a = np.ones(3); a[1] = np.nan; a, a.sum(), a.max(), np.nanmax(a)
