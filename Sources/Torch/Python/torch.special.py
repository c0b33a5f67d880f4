# torch.special — the functions that are compositions of kernels Gradbook has, computed in
# the same steps and dtype as PyTorch's CPU kernels so the digits agree. Functions that need
# kernels of their own (Bessel, digamma, erfinv, zeta, polynomials...) are absent rather than
# approximate.
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


def round(input, *, decimals=0):
    return torch.round(input, decimals=decimals)


def softmax(input, dim, *, dtype=None):
    return torch.softmax(input, dim, dtype=dtype)


def log_softmax(input, dim, *, dtype=None):
    return torch.log_softmax(input, dim, dtype=dtype)


def logsumexp(input, dim, keepdim=False):
    return torch.logsumexp(input, dim, keepdim)


def _floating(x):
    return x if x.is_floating_point() else x.to(torch.get_default_dtype())


def logit(input, eps=None):
    x = _floating(input)
    if eps is not None:
        x = x.clamp(eps, 1.0 - eps)
    return torch.log(x / (1 - x))


def _xlog(input, other, log):
    if not isinstance(input, Tensor):
        input = torch.tensor(input, dtype=other.dtype if other.is_floating_point() else torch.get_default_dtype())
    if not isinstance(other, Tensor):
        other = torch.tensor(other, dtype=input.dtype if input.is_floating_point() else torch.get_default_dtype())
    product = input * log(other)
    product = torch.where(input == 0, torch.zeros_like(product), product)
    return torch.where(torch.isnan(other), torch.full_like(product, math.nan), product)


def xlogy(input, other):
    return _xlog(input, other, torch.log)


def xlog1py(input, other):
    return _xlog(input, other, torch.log1p)


def entr(input):
    x = _floating(input)
    y = -x * torch.log(x)
    y = torch.where(x == 0, torch.zeros_like(y), y)
    return torch.where(x < 0, torch.full_like(y, -math.inf), y)


def sinc(input):
    x = _floating(input)
    product = x * math.pi
    return torch.where(x == 0, torch.ones_like(x), torch.sin(product) / product)


def ndtr(input):
    x = _floating(input)
    return torch.erfc(x * -0.7071067811865476) * 0.5
