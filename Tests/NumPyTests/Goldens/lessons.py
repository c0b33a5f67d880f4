import numpy as np
x = np.linspace(-2, 2, 9)
y = 3 * x ** 2 - 4 * x + 5
y
#---
def f(x):
    return 3 * x ** 2 - 4 * x + 5
h = 0.001
x = 3.0
(f(x + h) - f(x)) / h
#---
xs = np.arange(-5, 5, 0.25)
ys = np.tanh(xs)
print(xs.shape, ys.dtype, ys[:4])
#---
W = np.array([[0.2, -0.5], [1.5, 1.3]])
b = np.array([0.1, -0.2])
inp = np.array([1.0, 2.0])
out = W @ inp + b
print(out, np.maximum(out, 0))
#---
logits = np.array([2.0, 1.0, 0.1])
exps = np.exp(logits - logits.max())
probs = exps / exps.sum()
print(probs, probs.sum(), np.argmax(probs))
#---
data = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
mu = data.mean(axis=0)
sigma = data.std(axis=0)
(data - mu) / sigma
#---
np.isscalar(3.0), np.isscalar(np.float64(1)), np.isscalar([1])
#---
a = np.arange(10)
a[a % 2 == 0], a[::-1], a[-3:], np.where(a > 5, a, -a), a.reshape(2, 5).T
#---
m = np.zeros((3, 3))
for i in range(3):
    for j in range(3):
        m[i, j] = i * 3 + j
print(m)
print(m.sum(axis=1), m.max(), m.argmin())
#---
for row in np.eye(2):
    print(row, type(row).__name__)
#---
vals = [float(v) for v in np.linspace(0, 1, 3)]
vals, sum(np.arange(4)), max(np.array([3, 9, 2])), sorted(np.array([3, 1, 2]))
#---
print(f"mean={np.mean([1, 2, 3, 4]):.3f} std={np.std([1, 2, 3, 4]):.4f}")
#---
one_hot = np.eye(4)[[0, 2, 3]]
one_hot, one_hot.argmax(axis=1)
#---
X = np.c_[np.ones(3), np.arange(3.0)] if hasattr(np, "c_") else np.column_stack([np.ones(3), np.arange(3.0)])
y = np.array([1.0, 3.0, 5.0])
theta = np.linalg.solve(X.T @ X, X.T @ y)
theta
#---
np.random is not None if False else None
#---
grid = np.meshgrid(np.linspace(0, 1, 3), np.linspace(0, 1, 2))
[g.shape for g in grid], np.stack(grid, axis=-1).reshape(-1, 2)
#---
np.clip(np.array([-2.0, 0.5, 3.0]), 0, 1), np.abs(-3), np.round(2.675, 2), np.sqrt(16)
#---
acc = np.mean(np.array([1, 0, 1, 1]) == np.array([1, 1, 1, 0]))
acc, float(acc), f"{acc:.0%}"
#---
np.concatenate([np.zeros(2), np.ones(3)]).astype(int).tolist()
#---
x = np.array([1, 2, 3])
x.dtype, (x * 1.0).dtype, (x / 1).dtype, (x // 1).dtype, (x > 1).dtype, x.astype(np.float32).dtype
#---
np.r_[1:4, 0, [7, 8]], np.c_[np.array([1, 2]), np.array([3, 4])], np.r_[np.zeros(2), np.ones(1)]
