import numpy as np
a = np.arange(60).reshape(3, 4, 5)
#---
try:
    r = a[0]
    print('0', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('0', '->', type(e).__name__, e)
try:
    r = a[-1]
    print('-1', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('-1', '->', type(e).__name__, e)
try:
    r = a[1:3]
    print('1:3', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('1:3', '->', type(e).__name__, e)
try:
    r = a[::2]
    print('::2', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('::2', '->', type(e).__name__, e)
try:
    r = a[:, 1]
    print(':, 1', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print(':, 1', '->', type(e).__name__, e)
try:
    r = a[..., 2]
    print('..., 2', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('..., 2', '->', type(e).__name__, e)
try:
    r = a[None, 0]
    print('None, 0', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('None, 0', '->', type(e).__name__, e)
try:
    r = a[[0, 2]]
    print('[0, 2]', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('[0, 2]', '->', type(e).__name__, e)
try:
    r = a[[[0, 1], [2, 0]]]
    print('[[0, 1], [2, 0]]', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('[[0, 1], [2, 0]]', '->', type(e).__name__, e)
try:
    r = a[:, [1, 3]]
    print(':, [1, 3]', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print(':, [1, 3]', '->', type(e).__name__, e)
try:
    r = a[0, :, [0, 4]]
    print('0, :, [0, 4]', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('0, :, [0, 4]', '->', type(e).__name__, e)
try:
    r = a[[0, 1], :, [1, 2]]
    print('[0, 1], :, [1, 2]', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('[0, 1], :, [1, 2]', '->', type(e).__name__, e)
try:
    r = a[a[..., 0] > 20]
    print('a[..., 0] > 20', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('a[..., 0] > 20', '->', type(e).__name__, e)
try:
    r = a[1, 2, 3]
    print('1, 2, 3', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('1, 2, 3', '->', type(e).__name__, e)
try:
    r = a[1, -1, ::-2]
    print('1, -1, ::-2', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('1, -1, ::-2', '->', type(e).__name__, e)
try:
    r = a[[True, False, True]]
    print('[True, False, True]', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('[True, False, True]', '->', type(e).__name__, e)
try:
    r = a[:, :, None]
    print(':, :, None', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print(':, :, None', '->', type(e).__name__, e)
try:
    r = a[2:0:-1, 1]
    print('2:0:-1, 1', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('2:0:-1, 1', '->', type(e).__name__, e)
try:
    r = a[[2, 0], 1:3]
    print('[2, 0], 1:3', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('[2, 0], 1:3', '->', type(e).__name__, e)
try:
    r = a[np.array([1, 2]), np.array([0, 3])]
    print('np.array([1, 2]), np.array([0, 3])', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('np.array([1, 2]), np.array([0, 3])', '->', type(e).__name__, e)
try:
    r = a[0, [[0], [3]], [1, 2]]
    print('0, [[0], [3]], [1, 2]', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('0, [[0], [3]], [1, 2]', '->', type(e).__name__, e)
try:
    r = a[5]
    print('5', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('5', '->', type(e).__name__, e)
try:
    r = a[0, 0, 0, 0]
    print('0, 0, 0, 0', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('0, 0, 0, 0', '->', type(e).__name__, e)
try:
    r = a[[3]]
    print('[3]', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('[3]', '->', type(e).__name__, e)
try:
    r = a[:, 4]
    print(':, 4', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print(':, 4', '->', type(e).__name__, e)
try:
    r = a[1.0]
    print('1.0', '->', repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:6].tolist()))
except Exception as e:
    print('1.0', '->', type(e).__name__, e)
for ax in [None, 0, 1, 2, -1, (0, 2), (1, 2)]:
    for f in ["sum", "mean", "max", "min", "std", "var", "prod", "any", "all", "argmax", "argmin", "cumsum", "median", "ptp"]:
        try:
            r = getattr(np, f)(a * 0.5 - 3, axis=ax)
            print(f, ax, repr(r) if np.ndim(r) < 2 else (r.shape, r.ravel()[:5].tolist()))
        except Exception as e:
            print(f, ax, type(e).__name__, e)
try:
    print('np.concatenate([a, a], axis=2).shape', '->', repr(np.concatenate([a, a], axis=2).shape))
except Exception as e:
    print('np.concatenate([a, a], axis=2).shape', '->', type(e).__name__, e)
try:
    print('np.stack([a, a], axis=-1).shape', '->', repr(np.stack([a, a], axis=-1).shape))
except Exception as e:
    print('np.stack([a, a], axis=-1).shape', '->', type(e).__name__, e)
try:
    print('np.split(a, 2, axis=1)[1].shape', '->', repr(np.split(a, 2, axis=1)[1].shape))
except Exception as e:
    print('np.split(a, 2, axis=1)[1].shape', '->', type(e).__name__, e)
try:
    print('np.transpose(a, (2, 0, 1)).shape', '->', repr(np.transpose(a, (2, 0, 1)).shape))
except Exception as e:
    print('np.transpose(a, (2, 0, 1)).shape', '->', type(e).__name__, e)
try:
    print('np.swapaxes(a, 0, -1).shape', '->', repr(np.swapaxes(a, 0, -1).shape))
except Exception as e:
    print('np.swapaxes(a, 0, -1).shape', '->', type(e).__name__, e)
try:
    print('np.expand_dims(a, (0, 3)).shape', '->', repr(np.expand_dims(a, (0, 3)).shape))
except Exception as e:
    print('np.expand_dims(a, (0, 3)).shape', '->', type(e).__name__, e)
try:
    print('np.squeeze(a[:1]).shape', '->', repr(np.squeeze(a[:1]).shape))
except Exception as e:
    print('np.squeeze(a[:1]).shape', '->', type(e).__name__, e)
try:
    print('np.tile(a, (2, 1, 1)).shape', '->', repr(np.tile(a, (2, 1, 1)).shape))
except Exception as e:
    print('np.tile(a, (2, 1, 1)).shape', '->', type(e).__name__, e)
try:
    print('np.repeat(a, 2, axis=2).shape', '->', repr(np.repeat(a, 2, axis=2).shape))
except Exception as e:
    print('np.repeat(a, 2, axis=2).shape', '->', type(e).__name__, e)
try:
    print('np.flip(a, (0, 2))[0, 0].tolist()', '->', repr(np.flip(a, (0, 2))[0, 0].tolist()))
except Exception as e:
    print('np.flip(a, (0, 2))[0, 0].tolist()', '->', type(e).__name__, e)
try:
    print('np.roll(a, -1, axis=1)[0, 0].tolist()', '->', repr(np.roll(a, -1, axis=1)[0, 0].tolist()))
except Exception as e:
    print('np.roll(a, -1, axis=1)[0, 0].tolist()', '->', type(e).__name__, e)
try:
    print('np.moveaxis(a, [0, 1], [-1, -2]).shape', '->', repr(np.moveaxis(a, [0, 1], [-1, -2]).shape))
except Exception as e:
    print('np.moveaxis(a, [0, 1], [-1, -2]).shape', '->', type(e).__name__, e)
try:
    print('a.reshape(-1, 5).shape', '->', repr(a.reshape(-1, 5).shape))
except Exception as e:
    print('a.reshape(-1, 5).shape', '->', type(e).__name__, e)
try:
    print('a.reshape(7, -1)', '->', repr(a.reshape(7, -1)))
except Exception as e:
    print('a.reshape(7, -1)', '->', type(e).__name__, e)
try:
    print('np.sort(a * -1, axis=1)[0, :, 0].tolist()', '->', repr(np.sort(a * -1, axis=1)[0, :, 0].tolist()))
except Exception as e:
    print('np.sort(a * -1, axis=1)[0, :, 0].tolist()', '->', type(e).__name__, e)
try:
    print('np.argsort(-a, axis=None)[:5]', '->', repr(np.argsort(-a, axis=None)[:5]))
except Exception as e:
    print('np.argsort(-a, axis=None)[:5]', '->', type(e).__name__, e)
try:
    print('np.unique(a % 7)', '->', repr(np.unique(a % 7)))
except Exception as e:
    print('np.unique(a % 7)', '->', type(e).__name__, e)
try:
    print('np.where(a % 11 == 0)', '->', repr(np.where(a % 11 == 0)))
except Exception as e:
    print('np.where(a % 11 == 0)', '->', type(e).__name__, e)
try:
    print('np.take(a, [1, -1], axis=1).shape', '->', repr(np.take(a, [1, -1], axis=1).shape))
except Exception as e:
    print('np.take(a, [1, -1], axis=1).shape', '->', type(e).__name__, e)
try:
    print('np.diff(a, axis=2)[0, 0]', '->', repr(np.diff(a, axis=2)[0, 0]))
except Exception as e:
    print('np.diff(a, axis=2)[0, 0]', '->', type(e).__name__, e)
try:
    print('np.cumprod(a[0, 0] + 1)', '->', repr(np.cumprod(a[0, 0] + 1)))
except Exception as e:
    print('np.cumprod(a[0, 0] + 1)', '->', type(e).__name__, e)
try:
    print('np.linalg.norm(a * 1.0, axis=(1, 2))', '->', repr(np.linalg.norm(a * 1.0, axis=(1, 2))))
except Exception as e:
    print('np.linalg.norm(a * 1.0, axis=(1, 2))', '->', type(e).__name__, e)
try:
    print("np.einsum('ijk->k', a)", '->', repr(np.einsum('ijk->k', a)))
except Exception as e:
    print("np.einsum('ijk->k', a)", '->', type(e).__name__, e)
try:
    print('np.tensordot(a, a, axes=([0, 1], [0, 1])).shape', '->', repr(np.tensordot(a, a, axes=([0, 1], [0, 1])).shape))
except Exception as e:
    print('np.tensordot(a, a, axes=([0, 1], [0, 1])).shape', '->', type(e).__name__, e)
try:
    print('np.pad(a[0], ((1, 0), (0, 2))).shape', '->', repr(np.pad(a[0], ((1, 0), (0, 2))).shape))
except Exception as e:
    print('np.pad(a[0], ((1, 0), (0, 2))).shape', '->', type(e).__name__, e)
try:
    print('np.atleast_2d(a).shape', '->', repr(np.atleast_2d(a).shape))
except Exception as e:
    print('np.atleast_2d(a).shape', '->', type(e).__name__, e)
try:
    print('np.vstack([a[0], a[1]]).shape', '->', repr(np.vstack([a[0], a[1]]).shape))
except Exception as e:
    print('np.vstack([a[0], a[1]]).shape', '->', type(e).__name__, e)
try:
    print('np.hstack([a[0], a[1]]).shape', '->', repr(np.hstack([a[0], a[1]]).shape))
except Exception as e:
    print('np.hstack([a[0], a[1]]).shape', '->', type(e).__name__, e)
try:
    print('np.dstack([a[0], a[1]]).shape', '->', repr(np.dstack([a[0], a[1]]).shape))
except Exception as e:
    print('np.dstack([a[0], a[1]]).shape', '->', type(e).__name__, e)
try:
    print('np.concatenate([a, a[0]])', '->', repr(np.concatenate([a, a[0]])))
except Exception as e:
    print('np.concatenate([a, a[0]])', '->', type(e).__name__, e)
try:
    print('np.stack([a, a[0]])', '->', repr(np.stack([a, a[0]])))
except Exception as e:
    print('np.stack([a, a[0]])', '->', type(e).__name__, e)
try:
    print('a.transpose(1, 0)', '->', repr(a.transpose(1, 0)))
except Exception as e:
    print('a.transpose(1, 0)', '->', type(e).__name__, e)
try:
    print('np.sum(a, axis=3)', '->', repr(np.sum(a, axis=3)))
except Exception as e:
    print('np.sum(a, axis=3)', '->', type(e).__name__, e)
try:
    print('np.swapaxes(a, 0, 3)', '->', repr(np.swapaxes(a, 0, 3)))
except Exception as e:
    print('np.swapaxes(a, 0, 3)', '->', type(e).__name__, e)
