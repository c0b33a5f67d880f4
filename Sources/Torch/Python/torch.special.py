# torch.special — PyTorch's special-function namespace. Kernels of their own (digamma,
# erfinv, Bessel, zeta, the orthogonal polynomials...) are the native `torch._special_*`
# functions, computed as PyTorch's CPU kernels compute them; the rest are compositions in
# the same steps and dtype as PyTorch's so the digits agree.
import math
import torch
from torch import Tensor

expit = torch.sigmoid
erf = torch.erf
erfc = torch.erfc
exp2 = torch.exp2
expm1 = torch.expm1
log1p = torch.log1p
gammaln = torch.lgamma
digamma = torch.digamma
psi = torch.digamma
erfinv = torch.erfinv
i0 = torch.i0
sinc = torch.sinc
i0e = torch._special_i0e
i1 = torch._special_i1
i1e = torch._special_i1e
ndtri = torch._special_ndtri
bessel_j0 = torch._special_bessel_j0
bessel_j1 = torch._special_bessel_j1
bessel_y0 = torch._special_bessel_y0
bessel_y1 = torch._special_bessel_y1
modified_bessel_i0 = torch._special_modified_bessel_i0
modified_bessel_i1 = torch._special_modified_bessel_i1
modified_bessel_k0 = torch._special_modified_bessel_k0
modified_bessel_k1 = torch._special_modified_bessel_k1
scaled_modified_bessel_k0 = torch._special_scaled_modified_bessel_k0
scaled_modified_bessel_k1 = torch._special_scaled_modified_bessel_k1
airy_ai = torch._special_airy_ai
spherical_bessel_j0 = torch._special_spherical_bessel_j0
erfcx = torch._special_erfcx
log_ndtr = torch._special_log_ndtr
xlogy = torch.xlogy
zeta = torch._special_zeta
def gammainc(input, other, *, out=None):
    return _native_out(torch._special_gammainc, out, input, other)


def gammaincc(input, other, *, out=None):
    return _native_out(torch._special_gammaincc, out, input, other)
chebyshev_polynomial_t = torch._special_chebyshev_polynomial_t
chebyshev_polynomial_u = torch._special_chebyshev_polynomial_u
chebyshev_polynomial_v = torch._special_chebyshev_polynomial_v
chebyshev_polynomial_w = torch._special_chebyshev_polynomial_w
shifted_chebyshev_polynomial_t = torch._special_shifted_chebyshev_polynomial_t
shifted_chebyshev_polynomial_u = torch._special_shifted_chebyshev_polynomial_u
shifted_chebyshev_polynomial_v = torch._special_shifted_chebyshev_polynomial_v
shifted_chebyshev_polynomial_w = torch._special_shifted_chebyshev_polynomial_w
hermite_polynomial_h = torch._special_hermite_polynomial_h
hermite_polynomial_he = torch._special_hermite_polynomial_he
laguerre_polynomial_l = torch._special_laguerre_polynomial_l
legendre_polynomial_p = torch._special_legendre_polynomial_p


def polygamma(n, input, *, out=None):
    return _native_out(torch.polygamma, out, n, input)


def multigammaln(input, p, *, out=None):
    return _native_out(torch._special_multigammaln, out, input, p)


def round(input, *, decimals=0, out=None):
    return _native_out(torch.round, out, input, decimals=decimals)


def softmax(input, dim, *, dtype=None):
    return torch.softmax(input, dim, dtype=dtype)


def log_softmax(input, dim, *, dtype=None):
    return torch.log_softmax(input, dim, dtype=dtype)


def logsumexp(input, dim, keepdim=False, *, out=None):
    return _native_out(torch.logsumexp, out, input, dim, keepdim)


# out= of the compositions: computed as without it, then cast-copied into the out as
# TensorIterator does (a safe cast only), the out resized with PyTorch's warning.
_TYPE_NAMES = {torch.bool: "Bool", torch.uint8: "Byte", torch.int8: "Char", torch.int16: "Short",
               torch.int32: "Int", torch.int64: "Long", torch.float16: "Half", torch.bfloat16: "BFloat16",
               torch.float32: "Float", torch.float64: "Double", torch.complex64: "ComplexFloat",
               torch.complex128: "ComplexDouble"}


def _out_grad_check(name, out, *inputs):
    if out is None or not torch.is_grad_enabled():
        return
    if out.requires_grad or any(isinstance(t, Tensor) and t.requires_grad for t in inputs):
        raise RuntimeError(f"{name}(): functions with out=... arguments don't support automatic differentiation, "
                           "but one of the arguments requires grad.")


def _into(out, r):
    if out is None:
        return r
    if not torch.can_cast(r.dtype, out.dtype):
        raise RuntimeError(f"result type {_TYPE_NAMES[r.dtype]} can't be cast to the desired output type {_TYPE_NAMES[out.dtype]}")
    torch._linalg_out_resize(out, r, 3, False)
    with torch.no_grad():
        out.copy_(r)
    return out


def _native_out(f, out, *args, **kwargs):
    # PyTorch's special_* kernels are native, so a resize warning names the user's line:
    # the kernel's checks run against an empty out of the same dtype, then the given out
    # is resized here (warning two frames up) and filled.
    if out is None:
        return f(*args, **kwargs)
    r = f(*args, out=torch.empty(0, dtype=out.dtype, device=out.device), **kwargs)
    torch._linalg_out_resize(out, r, 3, False)
    with torch.no_grad():
        out.copy_(r)
    return out


def _floating(x):
    return x if x.is_floating_point() else x.to(torch.get_default_dtype())


def logit(input, eps=None, *, out=None):
    _out_grad_check("logit", out, input)
    # ATen's special_logit is logit itself (LogitBackward0, logit_backward's gradient).
    return _into(out, torch.logit(_floating(input), eps))


def xlog1py(input, other, *, out=None):
    _out_grad_check("special_xlog1py", out, input, other)
    # PyTorch's xlog1py_kernel: x * log1p(y) one element at a time with the C library's
    # log1p (not the vectorised torch.log1p), NaN where y is, 0 where x is 0.
    return _into(out, torch._special_xlog1py(input, other))


def entr(input, *, out=None):
    _out_grad_check("special_entr", out, input)
    # PyTorch's entr_kernel: -x * log(x) one element at a time with the C library's log.
    return _into(out, torch._special_entr(input))


def ndtr(input, *, out=None):
    # ATen's calc_ndtr (UnaryOps.cpp): (1 + erf(x * M_SQRT1_2)) * 0.5, tensor ops in the
    # input's dtype, so erf is the vectorised one.
    # C++'s Scalar overloads, so the graph is MulBackward1 <- AddBackward1 <- ... as in PyTorch.
    x = _floating(input)
    return _into(out, torch._mul_scalar_overload(torch._add_scalar_overload(torch.erf(torch._mul_scalar_overload(x, 0.7071067811865476)), 1), 0.5))
