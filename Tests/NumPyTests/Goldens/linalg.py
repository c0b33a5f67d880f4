import numpy as np
A = np.array([[4.0, 1.0], [2.0, 3.0]]); v = np.array([1.0, 2.0])
np.dot(A, v), A @ v, np.matmul(A, A), np.dot(v, v), np.vdot(v, v), np.inner(v, v), np.outer(v, v)
#---
np.dot(np.arange(6).reshape(2, 3), np.arange(6).reshape(3, 2)), np.arange(3) @ np.arange(3)
#---
np.dot(np.ones((2, 3)), np.ones((2, 3)))
#---
np.tensordot(np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(3, 2), axes=1), np.kron([1, 2], [1, 10]), np.cross([1, 0, 0], [0, 1, 0]), np.trace(np.arange(9).reshape(3, 3))
#---
np.einsum("ij,jk->ik", np.arange(4.0).reshape(2, 2), np.arange(4.0).reshape(2, 2)), np.einsum("ii", np.arange(9).reshape(3, 3)), np.einsum("i,i", [1, 2], [3, 4]), np.einsum("ij->ji", np.arange(6).reshape(2, 3))
#---
A = np.array([[4.0, 1.0], [2.0, 3.0]])
np.linalg.inv(A), np.linalg.det(A), np.linalg.solve(A, np.array([1.0, 2.0]))
#---
np.linalg.det(np.array([[1, 2], [3, 4]])), np.linalg.slogdet(np.array([[1.0, 2.0], [3.0, 4.0]]))
#---
np.linalg.norm([3.0, 4.0]), np.linalg.norm(np.arange(4.0).reshape(2, 2)), np.linalg.norm([1, -2, 3], ord=1), np.linalg.norm([1, -2, 3], np.inf), np.linalg.norm(np.arange(6.0).reshape(2, 3), axis=1)
#---
S = np.array([[2.0, 1.0], [1.0, 2.0]])
w, v = np.linalg.eigh(S); print(w); print(np.abs(v))
#---
w = np.linalg.eigvals(np.array([[2.0, 0.0], [0.0, 3.0]])); w
#---
u, s, vt = np.linalg.svd(np.array([[3.0, 0.0], [0.0, 2.0], [0.0, 0.0]])); s, u.shape, vt.shape
#---
q, r = np.linalg.qr(np.array([[1.0, 2.0], [3.0, 4.0]])); np.round(np.abs(q), 6), np.round(np.abs(r), 6)
#---
np.linalg.cholesky(np.array([[4.0, 2.0], [2.0, 3.0]]))
#---
x, res, rank, sv = np.linalg.lstsq(np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]), np.array([1.0, 2.0, 2.0]), rcond=None); np.round(x, 6), rank
#---
np.round(np.linalg.pinv(np.array([[1.0, 2.0], [3.0, 4.0]])), 6), np.linalg.matrix_rank(np.array([[1.0, 2.0], [2.0, 4.0]])), np.linalg.matrix_power(np.array([[1, 1], [0, 1]]), 3)
#---
np.linalg.inv(np.array([[1.0, 2.0], [2.0, 4.0]]))
#---
w, v = np.linalg.eig(np.array([[2.0, 1.0], [1.0, 2.0]])); w, v
#---
r = np.linalg.eig(np.array([[4.0, 1.0], [2.0, 3.0]])); r.eigenvalues, np.round(r.eigenvectors, 8)
#---
np.linalg.eigh(np.array([[2.0, 1.0], [1.0, 2.0]])), np.linalg.svd(np.array([[1.0, 2.0], [3.0, 4.0]]))
