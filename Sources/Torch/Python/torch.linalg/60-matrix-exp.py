# matrix_exp: Bader, Blanes & Casas' optimized Taylor polynomials of degree 1, 2, 4, 8, 12
# and 18 with scaling and squaring, chosen by the 1-norm as PyTorch's mexp_impl chooses them.

_MEXP_THETAS = {
    torch.float32: (1.192092800768788e-07, 5.978858893805233e-04, 5.116619363445086e-02,
                    5.800524627688768e-01, 1.461661507209034e+00, 3.010066362817634e+00),
    torch.float64: (2.220446049250313e-16, 2.580956802971767e-08, 3.397168839976962e-04,
                    4.991228871115323e-02, 2.996158913811580e-01, 1.090863719290036e+00),
}



def _t8_constants(dtype):
    # PyTorch declares sqrt(177) and 2/3 as scalar_t, so float32 rounds them before use.
    # x7 carries the second 1/x3 factor PyTorch 2.15 restored (pytorch/pytorch#196592).
    def r(v):
        return torch.tensor(v, dtype=dtype).item()
    s = r(0.1330413469565007072504e+2)
    x3 = r(2. / 3.)
    return (x3 * ((1. + s) / 88.), x3 * ((1. + s) / 352.), x3,
            (-271. + 29. * s) / (315. * x3), (-11. + 11. * s) / (1260. * x3),
            (-99. + 11. * s) / (5040. * x3), (89. - s) / (5040. * x3 * x3), (857. - 58. * s) / 630.)

_T12_B = ((9.0198e-16, 0.46932117595418237389, -0.20099424927047284052, -0.04623946134063071740),
          (5.31597895759871264183, 1.19926790417132231573, 0.01179296240992997031, 0.01108844528519167989),
          (0.18188869982170434744, 0.05502798439925399070, 0.09351590770535414968, 0.00610700528898058230),
          (-2.0861320e-13, -0.13181061013830184015, -0.02027855540589259079, -0.00675951846863086359))

_T18_B = ((0., -1.00365581030144618291e-01, -8.02924648241156932449e-03, -8.92138498045729985177e-04, 0.),
          (0., 3.97849749499645077844e-01, 1.36783778460411720168e+00, 4.98289622525382669416e-01, -6.37898194594723280150e-04),
          (-1.09676396052962061844e+01, 1.68015813878906206114e+00, 5.71779846478865511061e-02, -6.98210122488052056106e-03, 3.34975017086070470649e-05),
          (-9.04316832390810593223e-02, -6.76404519071381882256e-02, 6.75961301770459654925e-02, 2.95552570429315521194e-02, -1.39180257516060693404e-05),
          (0., 0., -9.23364619367118555360e-02, -1.69364939002081722752e-02, -1.40086798182036094347e-05))


def _powers(A, count):
    """[I, A, A^2, A^3, A^6][:count]."""
    out = [_eye_like(A), A]
    if count > 2:
        out.append(A @ A)
    if count > 3:
        out.append(A @ out[2])
    if count > 4:
        out.append(out[3] @ out[3])
    return out


def _combination(mats, coeffs):
    """sum_j coeffs[j] * mats[j], with the coefficients rounded to the matrices' dtype."""
    # PyTorch's kernel accumulates out += in * coeff from zero, in this order.
    c = torch.tensor(list(coeffs), dtype=mats[0].dtype, device=mats[0].device)
    out = torch.zeros_like(mats[0])
    for j in range(len(mats)):
        out = out + mats[j] * c[j]
    return out


def _mexp_T(A, degree):
    if degree == 1:
        P = _powers(A, 2)
        return P[0] + P[1]
    if degree == 2:
        P = _powers(A, 3)
        return P[0] + P[1] + P[2] / 2.0
    if degree == 4:
        P = _powers(A, 3)
        P.append(P[2] @ _combination(P[:3], (1 / 2.0, 1 / 6.0, 1 / 24.0)))
        return _combination(P, (1.0, 1.0, 0.0, 1.0))
    if degree == 8:
        x1, x2, x3, x4, x5, x6, x7, y2 = _t8_constants(A.dtype)
        P = _powers(A, 3)
        P.append(P[2] @ _combination(P[1:3], (x1, x2)))
        P.append(_combination(P[2:4], (x3, 1.0)) @ _combination(P[:4], (x4, x5, x6, x7)))
        return _combination(P, (1.0, 1.0, y2, 0.0, 1.0))
    if degree == 12:
        P = _powers(A, 4)
        Bs = [_combination(P, row) for row in _T12_B]
        Bs[2] = Bs[2] + Bs[3] @ Bs[3]
        return Bs[0] + (Bs[1] + Bs[2]) @ Bs[2]
    P = _powers(A, 5)
    Bs = [_combination(P, row) for row in _T18_B]
    Bs[3] = Bs[3] + Bs[0] @ Bs[4]
    return Bs[1] + (Bs[2] + Bs[3]) @ Bs[3]


def _mexp(A):
    n = A.shape[-1]
    if n == 0:
        return A.clone()
    if n == 1:
        return A.exp()
    flat = A.reshape(-1, n, n)
    thetas = _MEXP_THETAS[A.dtype]
    norms = flat.abs().sum(-2).amax(-1)
    out = []
    for i in range(flat.shape[0]):
        # One (1, n, n) batch, as PyTorch's mexp works on 3-d tensors (bmm, not mm).
        a = flat[i:i + 1]
        norm = norms[i]
        v = norm.item()
        degree = None
        if flat.shape[0] == 1:
            for d, lo, hi in ((1, -1.0, thetas[0]), (2, thetas[0], thetas[1]), (4, thetas[1], thetas[2]),
                              (8, thetas[2], thetas[3]), (12, thetas[3], thetas[4])):
                if lo < v <= hi:
                    degree = d
            if v >= thetas[4]:
                degree = None
            elif degree is None:
                degree = 18
        if degree is not None and degree != 18:
            out.append(_mexp_T(a, degree))
            continue
        s = torch.ceil(torch.log2(norm / thetas[5])).clamp(min=0)
        m = _mexp_T(a * torch.pow(2, -s), 18)
        for _ in range(int(s.item())):
            m = m @ m
        out.append(m)
    return torch.cat(out).reshape(A.shape)


def matrix_exp(A):
    _square_float(A, "linalg.matrix_exp")
    with torch.no_grad():
        E = _mexp(A)

    def backward(g):
        # exp([[A^T, G], [0, A^T]]) holds the gradient in its upper right block.
        n = A.shape[-1]
        At = A.detach().mT
        top = torch.cat([At, g], -1)
        bottom = torch.cat([torch.zeros_like(At), At], -1)
        return _mexp(torch.cat([top, bottom], -2))[..., :n, n:]
    return _record("LinalgMatrixExpBackward0", (A,), E, backward)


_torch_matrix_exp = matrix_exp
