# torch.stft / torch.istft / torch.gradient, differential fuzz (docs/fft.md, "Short-time
# Fourier transforms"): 400 random cases — real and complex inputs, 1-D and batched,
# strided views, every argument of stft (n_fft, hop_length, win_length, real/complex/float64
# windows, center with each pad_mode, align_to_window, normalized, onesided, return_complex)
# and istft (length, onesided, return_complex, conjugated inputs), torch.gradient with scalar,
# list and coordinate spacings, dims and edge_order 1/2 and its backward; then 40 audio-sized
# stft/istft round trips (n_fft 64 to 1024). Each line is a case
# key, the outputs' dtypes, shapes and strides, and a bit digest (or PyTorch's error text).
# The istft of a complex window differs between avx2 and avx512 in PyTorch (one case).
import random
import torch
from _cases import digest


def rnd_tensor(rng, shape, dtype):
    if dtype.is_complex:
        real = torch.float32 if dtype == torch.complex64 else torch.float64
        return torch.complex(torch.randn(shape, dtype=real), torch.randn(shape, dtype=real))
    return (torch.randn(shape, dtype=torch.float64) * rng.choice([1.0, 3.0, 0.01])).to(dtype)


def flat(t):
    if t.is_complex():
        t = torch.view_as_real(t.resolve_conj())
    if t.dtype not in (torch.float32, torch.float64):
        t = t.to(torch.float64)
    return t


def meta(t):
    return "%s%s%s%s" % (str(t.dtype)[6:], list(t.shape), list(t.stride()), "" if t.grad_fn is None else "<" + t.grad_fn.name() + ">")


def make_window(rng, n, dtype):
    k = rng.choice(["none", "none", "hann", "hamming", "ones", "rand", "randc", "dbl"])
    if k == "none":
        return None
    if k == "hann":
        return torch.hann_window(n, dtype=dtype)
    if k == "hamming":
        return torch.hamming_window(n, periodic=rng.random() < 0.5, dtype=dtype)
    if k == "ones":
        return torch.ones(n, dtype=dtype)
    if k == "rand":
        return torch.rand(n, dtype=dtype) + 0.1
    if k == "randc":
        return torch.complex(torch.randn(n, dtype=dtype), torch.randn(n, dtype=dtype))
    return torch.rand(n, dtype=torch.float64) + 0.1


def case_stft(rng):
    dtype = rng.choice([torch.float32, torch.float32, torch.float64, torch.complex64, torch.complex128])
    n_fft = rng.randint(1, 24)
    L = rng.randint(max(1, n_fft - 2), 60)
    batch = rng.choice([None, None, 1, 3])
    shape = [L] if batch is None else [batch, L]
    x = rnd_tensor(rng, shape, dtype)
    if rng.random() < 0.2:
        x = rnd_tensor(rng, shape[:-1] + [2 * L], dtype)[..., ::2]
    if batch is not None and rng.random() < 0.2:
        x = rnd_tensor(rng, [L, batch], dtype).t()
    kw = {}
    if rng.random() < 0.6:
        kw["hop_length"] = rng.randint(1, n_fft + 2)
    win_length = n_fft
    if rng.random() < 0.4:
        win_length = rng.randint(1, n_fft)
        kw["win_length"] = win_length
    w = make_window(rng, win_length, torch.float64 if dtype in (torch.float64, torch.complex128) else torch.float32)
    if w is not None:
        kw["window"] = w
    center = rng.random() < 0.6
    if rng.random() < 0.8:
        kw["center"] = center
    else:
        center = True
    if center and rng.random() < 0.6:
        kw["pad_mode"] = rng.choice(["reflect", "constant", "replicate", "circular"])
    if not center and rng.random() < 0.5:
        kw["align_to_window"] = rng.choice([True, False])
    if rng.random() < 0.4:
        kw["normalized"] = rng.random() < 0.5
    if rng.random() < 0.4:
        kw["onesided"] = rng.random() < 0.5
    r = rng.random()
    if r < 0.6:
        kw["return_complex"] = True
    elif r < 0.9:
        kw["return_complex"] = False
    if rng.random() < 0.3:
        out = x.stft(n_fft, **kw)
    else:
        out = torch.stft(x, n_fft, **kw)
    return [out]


def case_istft(rng):
    dtype = rng.choice([torch.float32, torch.float64])
    n_fft = rng.randint(2, 24)
    hop = rng.randint(1, n_fft)
    win_length = rng.randint(hop, n_fft)
    L = rng.randint(n_fft, 60)
    batch = rng.choice([None, None, 2])
    x = rnd_tensor(rng, [L] if batch is None else [batch, L], dtype)
    w = make_window(rng, win_length, dtype)
    center = rng.random() < 0.7
    onesided = rng.random() < 0.7
    if w is not None and w.is_complex():
        onesided = False
    cdt = torch.complex64 if dtype == torch.float32 else torch.complex128
    if rng.random() < 0.7:
        spec = torch.stft(x, n_fft, hop_length=hop, win_length=win_length, window=w, center=center,
                          onesided=onesided, return_complex=True)
    else:
        frames = rng.randint(1, 8)
        spec = rnd_tensor(rng, [n_fft // 2 + 1 if onesided else n_fft, frames] if batch is None else [batch, n_fft // 2 + 1 if onesided else n_fft, frames], cdt)
    if rng.random() < 0.15:
        spec = spec.conj()
    if rng.random() < 0.15:
        spec = spec.contiguous()
    kw = {"hop_length": hop, "win_length": win_length, "center": center}
    if w is not None:
        kw["window"] = w
    if rng.random() < 0.5:
        kw["onesided"] = onesided
    if rng.random() < 0.3:
        kw["normalized"] = rng.random() < 0.5
    if rng.random() < 0.4:
        kw["length"] = rng.randint(1, L + 10)
    if rng.random() < 0.3:
        kw["return_complex"] = rng.random() < 0.5
    if rng.random() < 0.1:
        kw["hop_length"] = rng.randint(1, n_fft + 1)
    if rng.random() < 0.3:
        out = spec.istft(n_fft, **kw)
    else:
        out = torch.istft(spec, n_fft, **kw)
    return [out]


def case_gradient(rng):
    dtype = rng.choice([torch.float32, torch.float64, torch.int64, torch.int32, torch.complex64, torch.float32])
    nd = rng.randint(1, 3)
    shape = [rng.randint(1, 6) for _ in range(nd)]
    if dtype.is_floating_point or dtype.is_complex:
        x = rnd_tensor(rng, shape, dtype)
    else:
        x = torch.randint(-20, 20, shape, dtype=dtype)
    if rng.random() < 0.2 and nd >= 2:
        x = x.transpose(0, 1)
    kw = {}
    dims = list(range(x.dim()))
    r = rng.random()
    if r < 0.3:
        d = rng.randint(-nd, nd - 1)
        kw["dim"] = d
        dims = [d]
    elif r < 0.5:
        k = rng.randint(1, nd)
        dims = rng.sample(list(range(nd)), k)
        kw["dim"] = dims if rng.random() < 0.5 else tuple(dims)
    r = rng.random()
    if r < 0.25:
        kw["spacing"] = rng.choice([2, 0.5, 3.0, -1.25, 1])
    elif r < 0.45:
        kw["spacing"] = [rng.choice([2, 0.5, 3.0, 0.1]) for _ in dims]
    elif r < 0.75:
        sp = []
        for d in dims:
            n = x.size(d)
            c = torch.cumsum(torch.rand(n, dtype=torch.float64 if rng.random() < 0.3 else torch.float32) + 0.2, 0)
            sp.append(c)
        kw["spacing"] = sp
    if rng.random() < 0.4:
        kw["edge_order"] = 2
    req = (dtype.is_floating_point) and rng.random() < 0.3
    if req:
        x = x.detach().requires_grad_(True)
    out = torch.gradient(x, **kw)
    res = list(out)
    if req and len(out) > 0:
        s = out[0].sum() * 1.5
        for o in out[1:]:
            s = s + (o * o).sum()
        s.backward()
        res.append(x.grad)
    return res



for i in range(400):
    rng = random.Random(i)
    torch.manual_seed(i)
    kind = rng.choice(["stft", "stft", "stft", "istft", "istft", "gradient", "gradient"])
    key = "%d|%s" % (i, kind)
    try:
        outs = {"stft": case_stft, "istft": case_istft, "gradient": case_gradient}[kind](rng)
        print(key, " ".join(meta(t) for t in outs), digest(*[flat(t) for t in outs]))
    except Exception as e:
        print(key, "ERR", type(e).__name__ + ":", str(e).replace("\n", " | "))

# Audio-sized transforms (n_fft 64 to 1024, a few thousand samples): stft then istft back.
for i in range(40):
    rng = random.Random(1000 + i)
    torch.manual_seed(1000 + i)
    n_fft = rng.choice([64, 100, 128, 255, 256, 400, 512, 1024])
    hop = rng.choice([None, n_fft // 2, n_fft // 4, 160])
    dt = rng.choice([torch.float32, torch.float64])
    L = rng.randint(n_fft, 5000)
    x = torch.randn([L] if rng.random() < 0.6 else [2, L], dtype=dt)
    w = rng.choice([None, torch.hann_window(n_fft, dtype=dt), torch.hamming_window(n_fft, dtype=dt)])
    key = "big%d|%d|%s|%d" % (i, n_fft, str(dt)[-7:], L)
    try:
        s = torch.stft(x, n_fft, hop_length=hop, window=w, return_complex=True, normalized=rng.random() < 0.3)
        y = torch.istft(s, n_fft, hop_length=hop, window=w, length=L if rng.random() < 0.5 else None)
        print(key, meta(s), meta(y), digest(flat(s), y))
    except Exception as e:
        print(key, "ERR", type(e).__name__ + ":", str(e).replace("\n", " | "))
