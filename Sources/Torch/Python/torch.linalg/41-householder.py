# householder_product (orgqr) and its gradient: PyTorch's householder_product_backward
# (FunctionsManual.cpp), op for op, so the last bits are ATen's.


def householder_product(A, tau):
    _check_matrix(A, "torch.linalg.householder_product")
    if A.shape[-2] < A.shape[-1]:
        raise RuntimeError("torch.linalg.householder_product: input.shape[-2] must be greater than or equal to input.shape[-1]")
    if tau.shape[-1] > A.shape[-1]:
        raise RuntimeError("torch.linalg.householder_product: input.shape[-1] must be greater than or equal to tau.shape[-1]")
    Q = torch._linalg_orgqr(A, tau)
    Ad, taud = A.detach(), tau.detach()

    def backward(g):
        return _householder_product_backward(g, Q, Ad, taud)
    return _record("LinalgHouseholderProductBackward0", (A, tau), Q, backward)


def _householder_reflect(m, i, v_full, t, K, left):
    """K <- H K (left) or K H (right), H = I - t v v^T, v zero above row i: ATen's
    apply_simple_transformation on its in-place path (first-order backward), which
    touches only rows (left) or columns (right) i: of K."""
    v = v_full.narrow(-2, i, m - i)
    if left:
        u = v.mT.matmul(K.narrow(-2, i, m - i))
        K.narrow(-2, i, m - i).sub_((t.unsqueeze(-1) * v) * u)
    else:
        u = K.narrow(-1, i, m - i).matmul(t.unsqueeze(-1) * v)
        K.narrow(-1, i, m - i).sub_(u * v.mT)
    return K


def _householder_update_grad(m, i, v_full, t, K):
    """(v_i's gradient, tau_i's gradient) from K_i = H_i+ Q_grad^T H_i-."""
    v = v_full.narrow(-2, i, m - i)
    vHK = v.mT.matmul(K.narrow(-2, i, m - i))
    Kv = K.narrow(-1, i, m - i).matmul(v)
    t_unsqueezed = t.unsqueeze(-1)
    v_grad = (-t_unsqueezed * vHK).squeeze(-2) - (t_unsqueezed * Kv).squeeze(-1)
    tau_grad = -(vHK.narrow(-1, i, m - i).matmul(v))
    return v_grad.unsqueeze(-1), tau_grad.squeeze(-1)


def _householder_product_backward(grad, result, input_, tau):
    if grad is None or input_.numel() == 0 or tau.numel() == 0:
        return None, None
    m = input_.shape[-2]
    k = tau.shape[-1]
    # The forward reads the strictly lower triangle, with ones on the diagonal.
    input = input_.tril(-1)
    input.diagonal(0, -2, -1).fill_(1.0)
    # sigma_i makes H(sigma_i) the inverse of H(tau_i).
    first_k = input.narrow(-1, 0, k)
    sigma = tau / (tau * (first_k * first_k).sum(-2) - 1.0)
    K = result.matmul(grad.mT)
    K = _householder_reflect(m, 0, input.narrow(-1, 0, 1), sigma.narrow(-1, 0, 1), K, True)
    input_grad = torch.zeros_like(input_)
    tau_grad = torch.zeros_like(tau)
    for i in range(k):
        v_i = input.narrow(-1, i, 1)
        t_i = tau.narrow(-1, i, 1)
        v_i_grad, tau_i_grad = _householder_update_grad(m, i, v_i, t_i, K)
        input_grad.select(-1, i).copy_(v_i_grad.squeeze(-1))
        tau_grad.select(-1, i).copy_(tau_i_grad.squeeze(-1))
        if i != k - 1:
            # K <- H_{i+1}^{-1} K H_i
            K = _householder_reflect(m, i + 1, input.narrow(-1, i + 1, 1), sigma.narrow(-1, i + 1, 1), K, True)
            K = _householder_reflect(m, i, v_i, t_i, K, False)
    input_grad.tril_(-1)
    return input_grad, tau_grad
