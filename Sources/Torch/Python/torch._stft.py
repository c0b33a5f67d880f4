# torch.stft / torch.istft: composed as PyTorch 2.15 composes them — torch/functional.py's
# centre padding, then ATen's SpectralOps.cpp (as_strided frames, window multiply, one r2c or
# c2c over the last dimension, transpose; istft: c2r or c2c, window multiply, unfold_backward's
# overlap-add in frame order, the window envelope, division) — over the native MKL kernels
# torch._fft_r2c/_fft_c2c/_fft_c2r, so the digits are PyTorch's (docs/fft.md). Error texts
# are ATen's REPR lines. Bound onto `torch` and `Tensor` by Functions/PythonComposites.swift.
import warnings
import torch
import torch.nn.functional as F

# ATen's fft_norm_mode values.
_NONE, _BY_ROOT_N, _BY_N = 0, 1, 2

# Tensor::toString() of a CPU tensor, as ATen's REPR prints it.
_TYPE_NAMES = {torch.float32: "torch.FloatTensor", torch.float64: "torch.DoubleTensor",
               torch.float16: "torch.HalfTensor", torch.bfloat16: "CPUBFloat16Type",
               torch.complex64: "CPUComplexFloatType", torch.complex128: "CPUComplexDoubleType",
               torch.int64: "torch.LongTensor", torch.int32: "torch.IntTensor",
               torch.int16: "torch.ShortTensor", torch.int8: "torch.CharTensor",
               torch.uint8: "torch.ByteTensor", torch.bool: "CPUBoolType"}


def _type_string(t):
    return _TYPE_NAMES.get(t.dtype, str(t.dtype))


def _sizes(t):
    return "[" + ", ".join([str(s) for s in t.shape]) + "]"


def _opt(v):
    # write_opt: None, or a C++ bool/int streamed (True -> 1).
    if v is None:
        return "None"
    if v is True:
        return "1"
    if v is False:
        return "0"
    return str(v)


def _window_repr(window):
    if window is None:
        return "None"
    return _type_string(window) + "{" + _sizes(window) + "}"


_warned = set()


def _warn_once(message):
    # TORCH_WARN_ONCE: a UserWarning the first time only.
    if message not in _warned:
        _warned.add(message)
        warnings.warn(message)


def stft(input, n_fft, hop_length=None, win_length=None, window=None, center=True,
         pad_mode="reflect", normalized=False, onesided=None, return_complex=None,
         align_to_window=None):
    if center and align_to_window is not None:
        raise RuntimeError("stft align_to_window should only be set when center = false")
    if center:
        signal_dim = input.dim()
        extended_shape = [1] * (3 - signal_dim) + list(input.size())
        pad = int(n_fft // 2)
        input = F.pad(input.view(extended_shape), [pad, pad], pad_mode)
        input = input.view(input.shape[-signal_dim:])
    return _stft(input, n_fft, hop_length, win_length, window, normalized, onesided,
                 return_complex, align_to_window)


def _stft(self, n_fft, hop_length_opt, win_length_opt, window, normalized, onesided_opt,
          return_complex_opt, align_to_window):
    if window is None:
        _warn_once("A window was not provided. A rectangular window will be applied,which is known to cause "
                   "spectral leakage. Other windows such as torch.hann_window or torch.hamming_window are "
                   "recommended to reduce spectral leakage.To suppress this warning and use a rectangular window, "
                   "explicitly set `window=torch.ones(n_fft, device=<device>)`.")
    hop_length = hop_length_opt if hop_length_opt is not None else n_fft >> 2
    win_length = win_length_opt if win_length_opt is not None else n_fft

    def repr_():
        return ("stft(" + _type_string(self) + _sizes(self) + ", n_fft=" + str(n_fft)
                + ", hop_length=" + str(hop_length) + ", win_length=" + str(win_length)
                + ", window=" + _window_repr(window) + ", normalized=" + _opt(bool(normalized))
                + ", onesided=" + _opt(onesided_opt) + ", return_complex=" + _opt(return_complex_opt)
                + ", align_to_window=" + _opt(align_to_window) + ") ")

    if return_complex_opt is not None:
        return_complex = bool(return_complex_opt)
    else:
        return_complex = self.is_complex() or (window is not None and window.is_complex())
    if not return_complex and return_complex_opt is None:
        raise RuntimeError("stft requires the return_complex parameter be given for real inputs, "
                           "and will further require that return_complex=True in a future PyTorch release.")
    if not return_complex:
        _warn_once("stft with return_complex=False is deprecated. In a future pytorch release, stft will return "
                   "complex tensors for all inputs, and return_complex=False will raise an error.\n"
                   "Note: you can still call torch.view_as_real on the complex output to recover the old return format.")
    if not (self.is_floating_point() or self.is_complex()):
        raise NotImplementedError(repr_() + ": expected a tensor of floating point or complex values")
    if self.dim() > 2 or self.dim() < 1:
        raise RuntimeError(repr_() + ": expected a 1D or 2D tensor")
    input = self
    if self.dim() == 1:
        input = input.unsqueeze(0)
    batch = input.size(0)
    length = input.size(1)
    if n_fft <= 0 or n_fft > length:
        raise RuntimeError(repr_() + ": expected 0 < n_fft < " + str(length) + ", but got n_fft=" + str(win_length))
    if hop_length <= 0:
        raise RuntimeError(repr_() + ": expected hop_length > 0, but got hop_length=" + str(hop_length))
    if win_length <= 0 or win_length > n_fft:
        raise RuntimeError(repr_() + ": expected 0 < win_length <= n_fft, but got win_length=" + str(win_length))
    if window is not None and (window.dim() != 1 or window.size(0) != win_length):
        raise RuntimeError(repr_() + ": expected a 1D window tensor of size equal to win_length="
                           + str(win_length) + ", but got window with size " + _sizes(window))
    window_ = window
    if win_length < n_fft:
        # pad center
        left = (n_fft - win_length) // 2
        if window is not None:
            window_ = torch.zeros(n_fft, dtype=window.dtype, device=window.device)
            window_.narrow(0, left, win_length).copy_(window)
        else:
            window_ = torch.zeros(n_fft, dtype=self.dtype, device=self.device)
            window_.narrow(0, left, win_length).fill_(1)
    if align_to_window:
        pad = (n_fft - win_length) // 2
        input = F.pad(input, [pad, pad], "constant")
        length = input.size(1)
    n_frames = 1 + (length - n_fft) // hop_length
    # time2col
    input = input.as_strided([batch, n_frames, n_fft],
                             [input.stride(0), hop_length * input.stride(1), input.stride(1)])
    if window_ is not None:
        input = input.mul(window_)
    complex_fft = input.is_complex()
    onesided = onesided_opt if onesided_opt is not None else not complex_fft
    norm = _BY_ROOT_N if normalized else _NONE
    if complex_fft:
        if onesided:
            raise RuntimeError("Cannot have onesided output if window or input is complex")
        out = torch._fft_c2c(input, [input.dim() - 1], norm, True)
    else:
        out = torch._fft_r2c(input, [input.dim() - 1], norm, bool(onesided))
    out.transpose_(1, 2)  # in place, as ATen (TransposeBackward1, SqueezeBackward4)
    if self.dim() == 1:
        out.squeeze_(0)
    if return_complex:
        return out
    return torch.view_as_real(out)


def _as_complex(t):
    # ATen's as_complex: a view when every stride but the last is even, the last is 1 and
    # the offset is even; a contiguous clone otherwise.
    strides = t.stride()
    viewable = strides[-1] == 1 and t.storage_offset() % 2 == 0
    for s in strides[:-1]:
        if s % 2 != 0:
            viewable = False
    if viewable:
        return torch.view_as_complex(t)
    return torch.view_as_complex(t.clone() if t.is_contiguous() else t.contiguous())


def _overlap_add(frames, total, n_fft, hop):
    """at::unfold_backward(frames, {channels, total}, dim=1, size=n_fft, step=hop) for real
    `frames` (channels, n_frames, n_fft): each output element is 0 plus the frames covering
    it in frame order (a plain copy when hop >= n_fft, as the CPU kernel does)."""
    out = torch.zeros(frames.size(0), total, dtype=frames.dtype, device=frames.device)
    for f in range(frames.size(1)):
        part = out.narrow(1, f * hop, n_fft)
        if hop >= n_fft:
            part.copy_(frames.select(1, f))
        else:
            part.add_(frames.select(1, f))
    return out


def _overlap_add_any(frames, total, n_fft, hop):
    if frames.is_complex():
        parts = torch.view_as_real(frames)
        re = _overlap_add(parts.select(-1, 0), total, n_fft, hop)
        im = _overlap_add(parts.select(-1, 1), total, n_fft, hop)
        return torch.complex(re, im)
    return _overlap_add(frames, total, n_fft, hop)


def _unfold_backward(frames, total, n_fft, hop):
    """at::unfold_backward(frames, {channels, total}, 1, n_fft, hop) with its autograd node
    (UnfoldBackwardBackward0, whose gradient is `grad.unfold(1, n_fft, hop)`)."""
    with torch.no_grad():
        y = _overlap_add_any(frames, total, n_fft, hop)
    if frames.requires_grad and torch.is_grad_enabled():
        y = torch._linalg_record("UnfoldBackwardBackward0", (frames,), y, lambda g: g.unfold(1, n_fft, hop), False, False)
    return y


def istft(self, n_fft, hop_length=None, win_length=None, window=None, center=True,
          normalized=False, onesided=None, length=None, return_complex=False):
    if window is None:
        _warn_once("A window was not provided. A rectangular window will be applied.Please provide the same window "
                   "used by stft to make the inversion lossless.To suppress this warning and use a rectangular "
                   "window, explicitly set `window=torch.ones(n_fft, device=<device>)`.")
    hop_length_ = hop_length if hop_length is not None else n_fft >> 2
    win_length_ = win_length if win_length is not None else n_fft

    def repr_():
        return ("istft(" + _type_string(self) + _sizes(self) + ", n_fft=" + str(n_fft)
                + ", hop_length=" + str(hop_length_) + ", win_length=" + str(win_length_)
                + ", window=" + _window_repr(window) + ", center=" + _opt(bool(center))
                + ", normalized=" + _opt(bool(normalized)) + ", onesided=" + _opt(onesided)
                + ", length=" + _opt(length) + ", return_complex=" + _opt(bool(return_complex)) + ") ")

    if not self.is_complex():
        raise TypeError("istft requires a complex-valued input tensor matching the "
                        "output from stft with return_complex=True.")
    input = torch.view_as_real(self.resolve_conj())
    input_dim = input.dim()
    n_frames = input.size(-2)
    fft_size = input.size(-3)
    expected_output_signal_len = n_fft + hop_length_ * (n_frames - 1)
    if input.numel() == 0:
        raise RuntimeError(repr_() + ": input tensor cannot be empty.")
    if input_dim != 3 and input_dim != 4:
        raise RuntimeError(repr_() + ": expected a tensor with 3 or 4 dimensions, but got " + str(input_dim))
    onesided_ = onesided if onesided is not None else fft_size != n_fft
    if onesided_:
        if n_fft // 2 + 1 != fft_size:
            raise RuntimeError(repr_() + ": expected the frequency dimension (3rd to the last) of the input tensor "
                               "to match n_fft / 2 + 1 when onesided=True, but got " + str(fft_size))
    elif n_fft != fft_size:
        raise RuntimeError(repr_() + ": expected the frequency dimension (3rd to the last) of the input tensor "
                           "to match n_fft when onesided=False, but got " + str(fft_size))
    if not (0 < hop_length_ and hop_length_ <= win_length_):
        raise RuntimeError(repr_() + ": expected 0 < hop_length <= win_length")
    if not (0 < win_length_ and win_length_ <= n_fft):
        raise RuntimeError(repr_() + ": expected 0 < win_length <= n_fft")
    if window is not None and (window.dim() != 1 or window.size(0) != win_length_):
        raise RuntimeError(repr_() + ": Invalid window shape. window has to be 1D and length of `win_length`")
    window_tmp = window if window is not None else torch.ones(win_length_, dtype=input.dtype, device=input.device)
    if win_length_ != n_fft:
        # center window by padding zeros on right and left side
        left = (n_fft - win_length_) // 2
        window_tmp = torch.constant_pad_nd(window_tmp, [left, n_fft - win_length_ - left], 0)
    if input_dim == 3:
        input = input.unsqueeze(0)
    input = _as_complex(input.transpose(1, 2))  # (channel, n_frames, fft_size)
    norm = _BY_ROOT_N if normalized else _BY_N
    if return_complex:
        if onesided_:
            raise RuntimeError("Cannot have onesided output if window or input is complex")
        input = torch._fft_c2c(input, [input.dim() - 1], norm, False)
    else:
        if window is not None and window.is_complex():
            raise RuntimeError("Complex windows are incompatible with return_complex=False")
        if not onesided_:
            input = input.narrow(-1, 0, n_fft // 2 + 1)
        input = torch._fft_c2r(input, [input.dim() - 1], norm, n_fft)
    y_tmp = input * window_tmp.view([1, 1, n_fft])  # (channel, n_frames, n_fft)
    y = _unfold_backward(y_tmp, expected_output_signal_len, n_fft, hop_length_)
    envelope_frames = window_tmp.pow(2).expand([1, n_frames, n_fft])
    window_envelop = _unfold_backward(envelope_frames, expected_output_signal_len, n_fft, hop_length_)
    start = n_fft // 2 if center else 0
    if length is not None:
        end = start + length
    elif center:
        end = -(n_fft // 2)
    else:
        end = expected_output_signal_len
    y = _slice(y, start, end)
    window_envelop = _slice(window_envelop, start, end)
    if bool(window_envelop.abs().min().lt(1e-11)):
        raise RuntimeError(repr_() + "window overlap add min: 1\n[ CPUBoolType{} ]")
    y = y / window_envelop
    if input_dim == 3:
        y = y.squeeze(0)
    if end > expected_output_signal_len:
        _warn_once("The length of signal is shorter than the length parameter. Result is being padded "
                         "with zeros in the tail. Please check your center and hop_length settings.")
        y = torch.constant_pad_nd(y, [0, end - expected_output_signal_len], 0)
    return y


def _slice(t, start, end):
    # Tensor::slice(1, start, end): negative ends count from the back, ends clamp.
    n = t.size(1)
    if end < 0:
        end = end + n
    if end > n:
        end = n
    if end < start:
        end = start
    return t.narrow(1, start, end - start)
