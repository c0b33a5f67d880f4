import numpy as np
a = np.arange(12).reshape(3, 4)
np.sum(a), np.sum(a, axis=0), np.sum(a, axis=1, keepdims=True), a.sum(axis=(0, 1))
#---
x = np.linspace(0, 1, 1001)
np.sum(x), np.mean(x), np.std(x), np.var(x)
#---
x = np.arange(100) * 0.1
print(x.sum(), x.mean(), x.var(), x.std(), x.std(ddof=1))
#---
a = np.arange(12).reshape(3, 4) * 0.3
np.mean(a, axis=0), np.mean(a, axis=1), np.var(a, axis=0), np.std(a, axis=1)
#---
a = np.array([[3, 1, 4], [1, 5, 9]])
np.min(a), np.max(a), np.amin(a, axis=0), np.amax(a, axis=1), np.argmin(a), np.argmax(a, axis=1), a.argmax()
#---
np.prod([1, 2, 3, 4]), np.prod(np.array([[1., 2.], [3., 4.]]), axis=0)
#---
np.cumsum([1, 2, 3, 4]), np.cumprod([1, 2, 3, 4]), np.cumsum(np.arange(6).reshape(2, 3), axis=0)
#---
np.median([3, 1, 4, 1, 5]), np.median(np.arange(6).reshape(2, 3), axis=1), np.percentile(np.arange(10), 25), np.quantile(np.arange(10.0), [0.1, 0.9])
#---
np.average([1, 2, 3], weights=[3, 2, 1]), np.average(np.arange(6).reshape(2, 3), axis=0), np.ptp([3, 7, 1])
#---
x = np.array([1.0, np.nan, 3.0])
np.nanmean(x), np.nansum(x), np.nanmax(x), np.nanmin(x), np.nanstd(x), np.mean(x)
#---
np.any([0, 0, 1]), np.all([1, 1, 0]), np.any(np.array([[0, 1], [0, 0]]), axis=1), np.count_nonzero([0, 1, 2, 0])
#---
np.sum(np.array([1, 2], dtype=np.int8)).dtype, np.sum(np.array([True, True])), np.mean(np.array([1, 2], dtype=np.int32))
#---
np.sum(np.ones(3, dtype=np.float32) / 3), np.mean(np.arange(5, dtype=np.float32))
#---
np.max(np.array([])) 
#---
np.sum(np.arange(6).reshape(2, 3), axis=2)
#---
np.argmax([1.0, np.nan, 3.0]), np.max([1.0, np.nan])
