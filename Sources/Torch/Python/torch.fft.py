# torch.fft — discrete Fourier transforms, composed as ATen's SpectralOps.cpp composes them
# over three native kernels: torch._fft_c2c, torch._fft_r2c and torch._fft_c2r (MKL's DFTI
# planned as PyTorch plans it, so the digits are PyTorch's; docs/fft.md). Argument checks,
# promotion, zero-padding/trimming to `n`/`s` and the error texts follow ATen's.
import math
import torch
from torch import Tensor

__all__ = ["fft", "ifft", "fft2", "ifft2", "fftn", "ifftn", "rfft", "irfft", "rfft2", "irfft2",
           "rfftn", "irfftn", "hfft", "ihfft", "hfft2", "ihfft2", "hfftn", "ihfftn",
           "fftfreq", "rfftfreq", "fftshift", "ifftshift", "Tensor"]

# ATen's fft_norm_mode values.
_NONE, _BY_ROOT_N, _BY_N = 0, 1, 2


def _norm_mode(norm, forward):
    if norm is None or norm == "backward":
        return _NONE if forward else _BY_N
    if norm == "forward":
        return _BY_N if forward else _NONE
    if norm == "ortho":
        return _BY_ROOT_N
    raise RuntimeError('Invalid normalization mode: "' + str(norm) + '"')


def _wrap_dim(dim, ndim):
    if ndim <= 0:
        raise IndexError("Dimension specified as " + str(dim) + " but tensor has no dimensions")
    if dim < -ndim or dim >= ndim:
        raise IndexError("Dimension out of range (expected to be in range of [" + str(-ndim) + ", "
                         + str(ndim - 1) + "], but got " + str(dim) + ")")
    return dim + ndim if dim < 0 else dim


def _as_list(v):
    if v is None:
        return None
    if isinstance(v, int):
        return [v]
    return list(v)


def _promote(x, require_complex=False):
    """ATen's promote_tensor_fft: integers become the default float dtype; half precision
    is refused; complex is kept; with require_complex, real becomes complex."""
    dt = x.dtype
    if dt.is_complex:
        return x
    if not dt.is_floating_point:
        dt = torch.get_default_dtype()
    if dt != torch.float32 and dt != torch.float64:
        raise NotImplementedError("Unsupported dtype " + _type_name(dt))
    if require_complex:
        dt = torch.complex64 if dt == torch.float32 else torch.complex128
    return x if dt == x.dtype else torch._fft_to(x, dt)


def _resize(x, dims, sizes):
    """ATen's resize_fft_input: trims each dim to its size (a slice) or pads it with zeros
    at the end (constant_pad_nd, so the gradient flows as PyTorch's does)."""
    pad = [0] * (2 * x.dim())
    must_pad = False
    for d, n in zip(dims, sizes):
        if n == -1:
            continue
        if x.shape[d] < n:
            must_pad = True
            pad[2 * (x.dim() - 1 - d) + 1] = n - x.shape[d]
        if x.shape[d] > n:
            x = x.narrow(d, 0, n)
    if not must_pad:
        return x
    return torch.constant_pad_nd(x, pad, 0)


_TYPE_NAMES = {"float32": "Float", "float64": "Double", "complex64": "ComplexFloat",
               "complex128": "ComplexDouble", "int64": "Long", "int32": "Int", "int16": "Short",
               "int8": "Char", "uint8": "Byte", "bool": "Bool", "float16": "Half", "bfloat16": "BFloat16"}


def _type_name(dt):
    """The C++ ScalarType name PyTorch's messages print (`ComplexFloat`)."""
    return _TYPE_NAMES.get(str(dt).replace("torch.", ""), str(dt))


def _write_out(out, r):
    # ATen's resize_output: a non-empty out of another shape gets PyTorch's deprecation
    # warning at the user's line (-1: the first frame outside the torch sources).
    torch._linalg_out_resize(out, r, -1, False)
    out.copy_(r)
    return out


def _c2c_out(fname, out, x, dims, norm, forward):
    if out is not None:
        if not out.dtype.is_complex:
            raise RuntimeError(fname + " expects a complex output tensor, but got " + _type_name(out.dtype))
        return _write_out(out, torch._fft_c2c(x, dims, norm, forward))
    return torch._fft_c2c(x, dims, norm, forward)


def _c2r_out(fname, out, x, dims, norm, last_dim_size):
    if out is not None:
        if not out.dtype.is_floating_point:
            raise RuntimeError(fname + " expects a floating point output tensor, but got " + _type_name(out.dtype))
        return _write_out(out, torch._fft_c2r(x, dims, norm, last_dim_size))
    return torch._fft_c2r(x, dims, norm, last_dim_size)


def _r2c_out(fname, out, x, dims, norm, onesided):
    if out is not None:
        if not out.dtype.is_complex:
            raise RuntimeError(fname + " expects a complex output tensor, but got " + _type_name(out.dtype))
        return _write_out(out, torch._fft_r2c(x, dims, norm, onesided))
    return torch._fft_r2c(x, dims, norm, onesided)


def _check_n(n):
    if n < 1:
        raise RuntimeError("Invalid number of data points (" + str(n) + ") specified")


# One-dimensional transforms (ATen's fft_c2c, fft_r2c, fft_c2r).

def _fft_c2c(fname, out, input, n, dim, norm, forward):
    if not input.dtype.is_complex:
        raise TypeError(fname + " expects a complex input tensor, but got " + _type_name(input.dtype))
    d = _wrap_dim(dim, input.dim())
    size = n if n is not None else input.shape[d]
    _check_n(size)
    if n is not None:
        input = _resize(input, [d], [size])
    return _c2c_out(fname, out, input, [d], _norm_mode(norm, forward), forward)


def _fft_r2c(fname, out, input, n, dim, norm, forward, onesided):
    if input.dtype.is_complex:
        raise TypeError(fname + " expects a real input tensor, but got " + _type_name(input.dtype))
    if out is not None and not out.dtype.is_complex:
        raise RuntimeError(fname + " expects a complex output tensor, but got " + _type_name(out.dtype))
    input = _promote(input)
    d = _wrap_dim(dim, input.dim())
    size = n if n is not None else input.shape[d]
    _check_n(size)
    if n is not None:
        input = _resize(input, [d], [size])
    mode = _norm_mode(norm, forward)
    ret = torch._fft_r2c(input, [d], mode, onesided)
    if not forward:
        ret = torch._fft_conj(ret)
    return _write_out(out, ret) if out is not None else ret


def _fft_c2r(fname, out, input, n, dim, norm, forward):
    if out is not None and not out.dtype.is_floating_point:
        raise RuntimeError(fname + " expects a floating point output tensor, but got " + _type_name(out.dtype))
    input = _promote(input, require_complex=True)
    d = _wrap_dim(dim, input.dim())
    size = n if n is not None else 2 * (input.shape[d] - 1)
    _check_n(size)
    if n is not None:
        input = _resize(input, [d], [size // 2 + 1])
    mode = _norm_mode(norm, forward)
    if forward:
        input = torch._fft_conj(input)
    return _c2r_out(fname, out, input, [d], mode, size)


def fft(input, n=None, dim=-1, norm=None, *, out=None):
    if input.dtype.is_complex:
        return _fft_c2c("fft", out, input, n, dim, norm, True)
    return _fft_r2c("fft", out, input, n, dim, norm, True, False)


def ifft(input, n=None, dim=-1, norm=None, *, out=None):
    if input.dtype.is_complex:
        return _fft_c2c("ifft", out, input, n, dim, norm, False)
    return _fft_r2c("ifft", out, input, n, dim, norm, False, False)


def rfft(input, n=None, dim=-1, norm=None, *, out=None):
    return _fft_r2c("rfft", out, input, n, dim, norm, True, True)


def irfft(input, n=None, dim=-1, norm=None, *, out=None):
    return _fft_c2r("irfft", out, input, n, dim, norm, False)


def hfft(input, n=None, dim=-1, norm=None, *, out=None):
    return _fft_c2r("hfft", out, input, n, dim, norm, True)


def ihfft(input, n=None, dim=-1, norm=None, *, out=None):
    return _fft_r2c("ihfft", out, input, n, dim, norm, False, True)


# n-dimensional transforms.

def _shape_and_dims(input, s, dim):
    """ATen's canonicalize_fft_shape_and_dim_args."""
    ndim = input.dim()
    sizes = list(input.shape)
    s = _as_list(s)
    dims = _as_list(dim)
    if dims is not None:
        dims = [_wrap_dim(d, ndim) for d in dims]
        if len(set(dims)) != len(dims):
            raise RuntimeError("FFT dims must be unique")
    if s is not None:
        if dims is not None and len(dims) != len(s):
            raise RuntimeError("When given, dim and shape arguments must have the same length")
        if len(s) > ndim:
            raise RuntimeError("Got shape with " + str(len(s)) + " values but input tensor only has "
                               + str(ndim) + " dimensions.")
        if dims is None:
            dims = list(range(ndim - len(s), ndim))
        shape = [sizes[d] if n == -1 else n for n, d in zip(s, dims)]
    elif dims is None:
        dims = list(range(ndim))
        shape = sizes
    else:
        shape = [sizes[d] for d in dims]
    for n in shape:
        _check_n(n)
    return shape, dims


def _fftn_c2c(fname, out, input, s, dim, norm, forward):
    shape, dims = _shape_and_dims(input, s, dim)
    x = _resize(_promote(input, require_complex=True), dims, shape)
    return _c2c_out("fftn", out, x, dims, _norm_mode(norm, forward), forward)


def fftn(input, s=None, dim=None, norm=None, *, out=None):
    return _fftn_c2c("fftn", out, input, s, dim, norm, True)


def ifftn(input, s=None, dim=None, norm=None, *, out=None):
    return _fftn_c2c("ifftn", out, input, s, dim, norm, False)


def fft2(input, s=None, dim=(-2, -1), norm=None, *, out=None):
    return fftn(input, s, dim, norm, out=out)


def ifft2(input, s=None, dim=(-2, -1), norm=None, *, out=None):
    return ifftn(input, s, dim, norm, out=out)


def rfftn(input, s=None, dim=None, norm=None, *, out=None):
    if input.dtype.is_complex:
        raise TypeError("rfftn expects a real-valued input tensor, but got " + _type_name(input.dtype))
    shape, dims = _shape_and_dims(input, s, dim)
    if not shape:
        raise RuntimeError("rfftn must transform at least one axis")
    x = _resize(_promote(input), dims, shape)
    return _r2c_out("rfftn", out, x, dims, _norm_mode(norm, True), True)


def rfft2(input, s=None, dim=(-2, -1), norm=None, *, out=None):
    return rfftn(input, s, dim, norm, out=out)


def _c2r_shape_and_dims(fname, input, s, dim):
    """ATen's canonicalize_fft_c2r_shape_and_dim_args: the last dim's output size, and the
    shape the complex (half) input is trimmed or padded to."""
    shape, dims = _shape_and_dims(input, s, dim)
    if not shape:
        raise RuntimeError(fname + " must transform at least one axis")
    s = _as_list(s)
    if s is None or s[-1] == -1:
        last = 2 * (input.shape[dims[-1]] - 1)
    else:
        last = shape[-1]
    _check_n(last)
    shape[-1] = last // 2 + 1
    return shape, dims, last


def irfftn(input, s=None, dim=None, norm=None, *, out=None):
    shape, dims, last = _c2r_shape_and_dims("irfftn", input, s, dim)
    x = _resize(_promote(input, require_complex=True), dims, shape)
    return _c2r_out("irfftn", out, x, dims, _norm_mode(norm, False), last)


def irfft2(input, s=None, dim=(-2, -1), norm=None, *, out=None):
    return irfftn(input, s, dim, norm, out=out)


def hfftn(input, s=None, dim=None, norm=None, *, out=None):
    shape, dims, last = _c2r_shape_and_dims("hfftn", input, s, dim)
    x = _resize(_promote(input, require_complex=True), dims, shape)
    mode = _norm_mode(norm, True)
    tmp = torch._fft_c2c(x, dims[:-1], mode, True) if len(dims) > 1 else x
    tmp = torch._fft_conj(tmp)
    return _c2r_out("hfftn", out, tmp, dims[-1:], mode, last)


def hfft2(input, s=None, dim=(-2, -1), norm=None, *, out=None):
    return hfftn(input, s, dim, norm, out=out)


def ihfftn(input, s=None, dim=None, norm=None, *, out=None):
    shape, dims = _shape_and_dims(input, s, dim)
    if not shape:
        raise RuntimeError("ihfftn must transform at least one axis")
    x = _resize(_promote(input), dims, shape)
    mode = _norm_mode(norm, False)
    tmp = torch._fft_r2c(x, dims[-1:], mode, True)
    if len(dims) == 1:
        tmp = torch._fft_conj(tmp)
        return _write_out(out, tmp) if out is not None else tmp
    tmp = torch._fft_conj_physical(tmp)
    return _c2c_out("ihfftn", out, tmp, dims[:-1], mode, False)


def ihfft2(input, s=None, dim=(-2, -1), norm=None, *, out=None):
    return ihfftn(input, s, dim, norm, out=out)


# Sample frequencies and shifts.

def _reciprocal(v):
    v = float(v)
    if v == 0.0:
        return math.copysign(math.inf, v)
    return 1.0 / v


def _half(n):
    """C++'s n / 2 + 1 (division rounds toward zero)."""
    return (n // 2 if n >= 0 else -((-n) // 2)) + 1


def _freq_tensor(fname, size, out, dtype, device):
    if size < 0:
        raise RuntimeError("Trying to create tensor with negative dimension " + str(size) + ": [" + str(size) + "]")
    if out is not None:
        target = out
        if tuple(target.shape) != (size,):
            target.resize_(size)
    else:
        target = torch.empty(size, dtype=dtype, device=device)
    if not (target.dtype.is_floating_point or target.dtype.is_complex):
        raise RuntimeError(fname + " requires a floating point or complex dtype")
    return target


def fftfreq(n, d=1.0, *, out=None, dtype=None, layout=None, device=None, pin_memory=False, requires_grad=False):
    r = _freq_tensor("fftfreq", n, out, dtype, device)
    with torch.no_grad():
        r.copy_(torch.arange(n, dtype=r.dtype, device=r.device))
        r[(n + 1) // 2:] = torch.arange(-(n // 2), 0, 1, dtype=r.dtype, device=r.device)
        r.mul_(_reciprocal(n * d))
    if requires_grad:
        r.requires_grad_(True)
    return r


def rfftfreq(n, d=1.0, *, out=None, dtype=None, layout=None, device=None, pin_memory=False, requires_grad=False):
    r = _freq_tensor("rfftfreq", _half(n), out, dtype, device)
    with torch.no_grad():
        r.copy_(torch.arange(_half(n), dtype=r.dtype, device=r.device))
        r.mul_(_reciprocal(n * d))
    if requires_grad:
        r.requires_grad_(True)
    return r


def _all_dims(x, dim):
    dims = _as_list(dim)
    if dims is None:
        return list(range(x.dim()))
    return [_wrap_dim(d, x.dim()) for d in dims]


def fftshift(input, dim=None):
    dims = _all_dims(input, dim)
    return torch.roll(input, [input.shape[d] // 2 for d in dims], dims)


def ifftshift(input, dim=None):
    dims = _all_dims(input, dim)
    return torch.roll(input, [(input.shape[d] + 1) // 2 for d in dims], dims)
