import numpy as np
x = np.linspace(-20, 20, 41); p = np.linspace(0.001, 50, 41); u = np.linspace(-0.999, 0.999, 41)
def show(a):
    print(" ".join(repr(float(v)) for v in np.ravel(a).tolist()))
#---
for f in [np.exp, np.expm1, np.sin, np.cos, np.tan, np.arctan, np.sinh, np.cosh, np.exp2, np.cbrt]:
    show(f(x))
#---
for f in [np.log, np.log2, np.log10, np.log1p, np.sqrt]:
    show(f(p))
for f in [np.arcsin, np.arccos, np.arctanh]:
    show(f(u))
show(np.power(p, 1.7)); show(np.arctan2(x, p)); show(np.hypot(x, p))
#---
show([np.sum(np.sin(np.arange(n) * 0.37)) for n in [1, 5, 8, 9, 17, 100, 129, 257, 1000, 5000]])
#---
A = np.sin(np.arange(12 * 70) * 0.1).reshape(12, 70); B = np.cos(np.arange(70 * 5) * 0.3).reshape(70, 5)
show(A @ B); show(np.dot(A[0], A[1])); show(A @ B[:, 0]); show(B[:, 1] @ B)
#---
A = np.sin(np.arange(12 * 70) * 0.1).reshape(12, 70)
show(np.mean(A, axis=0)); show(np.mean(A, axis=1)); show(np.std(A, axis=0)); show(np.var(A)); show(A.sum(axis=1))
#---
A = np.sin(np.arange(9) * 1.3).reshape(3, 3) + 2 * np.eye(3)
show(np.linalg.inv(A)); show(np.linalg.det(A)); show(np.linalg.solve(A, np.arange(3.0))); show(np.linalg.norm(A))
#---
S = np.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]])
show(np.linalg.cholesky(S)); show(np.linalg.qr(S).R)
#---
A = np.sin(np.arange(12 * 70) * 0.1).reshape(12, 70); B = np.cos(np.arange(70 * 5) * 0.3).reshape(70, 5)
show(A.T.T @ B); show(B.T @ A.T); show(A[:, ::2] @ B[::2]); show(B.T @ B[:, 0]); show(np.dot(B[:, 0], B[:, 2])); show(A.T[3] @ B.T.T)
#---
C = np.sin(np.arange(40 * 40) * 0.7).reshape(40, 40).astype(np.float32)
show(C @ C); show(C[0] @ C[:, 1]); show(C @ C[3])
