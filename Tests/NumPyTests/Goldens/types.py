import numpy as np
np.float16, np.float32, np.float64, np.int8, np.int16, np.int32, np.int64, np.uint8, np.bool_
#---
np.dtype("float32"), np.dtype(np.int64), np.array([1.0]).dtype == np.float64, np.array([1]).dtype.name, np.dtype("f8").itemsize
#---
np.array([1, 2]).astype(np.float32), np.array([1.7, -1.7]).astype(int), np.array([0, 2]).astype(bool)
#---
np.result_type(np.int8, np.float32), np.promote_types("int16", "float16"), np.can_cast(np.int32, np.float64), np.can_cast(np.float64, np.int32)
#---
np.finfo(np.float32).eps, np.finfo(np.float64).max, np.iinfo(np.int8).max, np.iinfo(np.int32).min
#---
np.pi, np.e, np.inf, np.nan, np.newaxis
#---
a = np.arange(6, dtype=np.int32).reshape(2, 3)
a.shape, a.ndim, a.size, a.dtype, a.itemsize, a.nbytes, a.strides, a.T.strides
#---
a = np.arange(4.0); a.fill(2); a, a.copy(), a.tolist(), a.mT if a.ndim > 1 else None
#---
np.float64(3.5).item(), np.int64(4).item(), float(np.float32(0.5)), int(np.int16(7))
#---
np.float32(1) + 1, np.float64(1) + np.float32(1), np.uint8(200) + np.uint8(100)
#---
np.array([1, 2]).view(np.int64), np.arange(4).reshape(2, 2).diagonal()
