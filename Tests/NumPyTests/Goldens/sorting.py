import numpy as np
a = np.array([3, 1, 2, 5, 4])
np.sort(a), np.argsort(a), np.sort(np.array([[3, 1], [2, 4]]), axis=0), np.sort(np.array([2.0, np.nan, 1.0]))
#---
a = np.array([3, 1, 2]); a.sort(); a
#---
np.unique([3, 1, 3, 2, 1]), np.unique([3, 1, 3, 2], return_counts=True), np.unique([3, 1, 3], return_index=True, return_inverse=True)
#---
np.searchsorted([1, 2, 3, 4], 3), np.searchsorted([1, 2, 3, 4], [0, 3, 5], side="right")
#---
np.bincount([0, 1, 1, 3]), np.bincount([0, 1], weights=[0.5, 1.5])
#---
np.histogram([1, 2, 1, 4, 3], bins=3)
#---
np.histogram(np.arange(10), bins=[0, 3, 6, 10])
#---
np.digitize([0.5, 1.5, 2.5], [1, 2, 3])
#---
np.diff([1, 4, 9, 16]), np.diff(np.array([[1, 3], [4, 9]]), axis=0), np.diff([1, 4, 9, 16], n=2)
#---
np.gradient(np.array([1.0, 2.0, 4.0, 7.0])), np.gradient(np.array([1.0, 2.0, 4.0, 7.0]), 2.0)
#---
np.interp(2.5, [1, 2, 3], [3, 2, 0]), np.interp([0, 1.5, 5], [1, 2, 3], [3, 2, 0])
#---
np.convolve([1, 2, 3], [0, 1, 0.5]), np.convolve([1, 2, 3], [0, 1, 0.5], "same"), np.correlate([1, 2, 3], [0, 1, 0.5])
#---
np.pad(np.array([1, 2, 3]), (1, 2)), np.pad(np.array([[1, 2], [3, 4]]), 1), np.pad(np.array([1, 2, 3]), 2, mode="edge")
#---
np.cov(np.array([[0, 1, 2], [2, 1, 0]])), np.corrcoef(np.array([1, 2, 3, 4]), np.array([2, 4, 5, 9]))
#---
np.polyval([1, 2, 3], 2), np.polyval(np.array([3.0, 0, 1]), np.array([1.0, 2.0]))
#---
np.round(np.polyfit(np.array([0.0, 1, 2, 3]), np.array([1.0, 3, 5, 7]), 1), 6)
