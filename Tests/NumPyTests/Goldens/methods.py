import numpy as np
a = np.array([[3, 1, 2], [9, 7, 8]])
a.sum(), a.sum(axis=1), a.mean(axis=0), a.std(), a.var(axis=1), a.min(), a.max(axis=0), a.prod(), a.argmin(), a.argmax(axis=0)
#---
a = np.array([[3, 1, 2], [9, 7, 8]])
a.cumsum(), a.cumprod(axis=1), a.all(), a.any(axis=0), a.clip(2, 8), a.round(), a.trace(), a.diagonal()
#---
a = np.array([[3, 1, 2], [9, 7, 8]])
a.nonzero(), a.repeat(2), a.take([0, 4]), a.squeeze().shape, a.swapaxes(0, 1), a.transpose(), a.reshape(3, 2), a.reshape((6,))
#---
a = np.array([3, 1, 2]); a.argsort(), np.sort(a), a.searchsorted(2), a.dot(a), a.compress([True, False, True]), np.compress([0, 1], a)
#---
a = np.array([3, 1, 2]); b = a.copy(); b.sort(); b, a
#---
np.partition(np.array([3, 1, 2]), 1), np.argpartition(np.array([3, 1, 2]), 1)
#---
a = np.array([3, 1, 2]); a.partition(1); a
#---
np.choose([0, 1, 0], [[1, 2, 3], [10, 20, 30]]), np.array([0, 1]).choose([[5, 6], [7, 8]])
#---
a = np.array([1.5, -2.0]); a.conj(), a.conjugate(), np.conj(a), np.conjugate(a), a.real, a.imag, np.real(a), np.imag(a)
#---
a = np.arange(4).reshape(2, 2); a.flags["C_CONTIGUOUS"], a.T.flags["C_CONTIGUOUS"], a.T.flags["F_CONTIGUOUS"], a.flags["OWNDATA"], a[0].flags["OWNDATA"]
#---
a = np.arange(4).reshape(2, 2); list(a.flat), a.device, a.to_device("cpu").shape
#---
a = np.arange(3); a.setflags(write=False); a.flags["WRITEABLE"]
#---
a = np.arange(3); a.setflags(write=False); a[0] = 5
#---
a = np.array([1, 256], dtype=np.int16); a.tobytes(), a.byteswap(), np.frombuffer(a.tobytes(), dtype=np.int16)
#---
a = np.zeros(4); a.resize((2, 2)); a
#---
a = np.array([1.0, 2.0]); a.getfield(np.float64), a.astype(np.int32).itemsize
#---
a = np.zeros(3); a.setfield(7, np.float64); a
#---
a = np.arange(4.0); isinstance(a.dumps(), bytes)
#---
isinstance(np.arange(3), np.ndarray), type(np.arange(3)).__name__, np.ndarray((2, 2)).shape
#---
a = np.arange(4); a.item(1), a.reshape(2, 2).item((1, 0)), a.ndim, np.ndim([[1]]), np.shape([[1, 2]]), np.size([1, 2, 3])
#---
np.float64(2.5).round(), np.float32(3.7).astype(int), np.int64(5).item(), np.float64(1) == 1.0, hash(np.float64(2.0)) == hash(2.0)
#---
a = np.arange(6).reshape(2, 3); a.mT, a.T.T.shape, a.nbytes, a.strides
#---
a = np.arange(4); a.view(), a.view().base is not None, a.ravel().base is not None, a.flatten().base is None
#---
a = np.arange(3.0); type(a.data).__name__, a.data.nbytes, a.data.tolist(), a.data.format, isinstance(a.ctypes.data, int), a.ctypes.data == a[0:].ctypes.data, a.ctypes.shape if False else None
#---
a = np.arange(6).reshape(2, 3); a.ctypes.data == a.ctypes.data, a.ctypes.data + 8 == a[0, 1:].ctypes.data
#---
np.add, np.true_divide, np.abs, np.sin, isinstance(np.add, np.ufunc), np.add.nin, np.exp.nout
#---
np.add.reduce([1, 2, 3]), np.multiply.reduce(np.arange(1, 5)), np.maximum.reduce(np.array([[1, 5], [3, 2]]), axis=1), np.subtract.reduce([10, 1, 2])
#---
np.add.accumulate([1, 2, 3]), np.maximum.accumulate(np.array([1, 3, 2, 5, 4])), np.minimum.accumulate([5.0, 3.0, 4.0])
#---
np.multiply.outer([1, 2], [1, 10, 100]), np.subtract.outer(np.arange(2), np.arange(3))
#---
a = np.zeros(4); np.add.at(a, [0, 0, 2], 1); a
#---
a = np.arange(5); v = a[1:3]; v.base is a, a[:].base is a, v[:1].base is a
