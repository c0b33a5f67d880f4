import numpy as np
a = np.arange(6)
a.reshape(2, 3), np.reshape(a, (3, -1)), a.reshape(-1, 1).shape
#---
np.arange(6).reshape(4, 2)
#---
b = np.arange(6).reshape(2, 3)
b.T, np.transpose(b), b.ravel(), b.flatten(), np.ravel(b.T)
#---
c = np.arange(24).reshape(2, 3, 4)
np.swapaxes(c, 0, 2).shape, np.moveaxis(c, 0, -1).shape, np.transpose(c, (1, 0, 2)).shape
#---
np.expand_dims(np.array([1, 2]), 0), np.expand_dims(np.array([1, 2]), 1).shape, np.squeeze(np.zeros((1, 3, 1))).shape
#---
x = np.array([1, 2]); y = np.array([3, 4])
np.concatenate([x, y]), np.stack([x, y]), np.stack([x, y], axis=1), np.vstack([x, y]), np.hstack([x, y])
#---
x = np.array([1, 2]); y = np.array([3, 4])
np.dstack([x, y]), np.column_stack([x, y])
#---
np.concatenate([np.ones((2, 2)), np.zeros((1, 2))]), np.concatenate([np.ones((2, 2)), np.zeros((2, 1))], axis=1)
#---
np.concatenate([np.ones((2, 2)), np.zeros((2, 3))])
#---
a = np.arange(9)
np.split(a, 3), np.array_split(np.arange(7), 3)
#---
m = np.arange(16).reshape(4, 4)
np.hsplit(m, 2)[0], np.vsplit(m, [1, 3])[1]
#---
np.tile(np.array([1, 2]), 3), np.tile(np.array([1, 2]), (2, 2)), np.repeat(np.array([1, 2]), 2), np.repeat(np.array([[1, 2], [3, 4]]), [1, 2], axis=0)
#---
m = np.arange(6).reshape(2, 3)
np.flip(m), np.fliplr(m), np.flipud(m), np.flip(m, axis=1)
#---
np.roll(np.arange(5), 2), np.roll(np.arange(6).reshape(2, 3), 1, axis=1), np.rot90(np.arange(4).reshape(2, 2))
#---
np.atleast_1d(3), np.atleast_2d([1, 2]), np.atleast_3d([1, 2]).shape
#---
np.broadcast_to(np.array([1, 2, 3]), (2, 3))
#---
x, y = np.broadcast_arrays(np.array([[1], [2]]), np.array([3, 4, 5])); x, y
#---
np.arange(6).reshape(2, 3).reshape(3, 2).base is not None
#---
a = np.zeros((2, 3)); a.shape = (3, 2); a.shape
