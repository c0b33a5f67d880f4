# float32 nn.LSTM trained one step (oneDNN's `ref` RNN primitive: its sgemm, AVX2's
# jit_avx_gemm_f32 or AVX-512's jit_avx512_common_gemm_f32, and the cell's eltwise
# injector at 8 or 16 lanes): outputs, h, c and every gradient after backward, for shapes
# inside Gradbook's first proven range (hidden 1 to 499, input <= 5000, batch <= 1024, steps x
# batch <= 8000), then past it: hidden sizes from 500 (the primitive no longer forces oneDNN's
# no-copy sgemm: its copy-based kernels run where nocopy_checker says so), larger inputs,
# batches and rows, 1, 3 and 4 threads, and layer variants. Each tensor is printed as an exact
# integer digest of its float bit patterns and its first values in hex.
import torch
torch.set_num_threads(2)
torch.manual_seed(0)


def digest(t):
    bits = t.detach().contiguous().view(-1).view(torch.int32).to(torch.int64)
    weights = torch.arange(bits.numel(), dtype=torch.int64) % 65521 + 1
    return str(int((bits * weights).sum().item()))


def show(key, name, t):
    head = " ".join(float(v).hex() for v in t.detach().flatten()[:4].tolist())
    print(key + "-" + name, digest(t), head)


shapes = [
    # steps, batch, input, hidden, layers, bidirectional
    (5, 3, 20, 16, 1, False),
    (7, 1, 10, 32, 1, False),
    (4, 16, 64, 64, 1, False),
    (3, 50, 128, 100, 1, False),
    (6, 4, 3, 5, 2, True),
    (2, 200, 520, 128, 1, False),
    (9, 2, 33, 20, 1, True),
    (8, 100, 50, 64, 1, False),
    (4, 130, 40, 32, 1, True),
    (20, 1, 8, 12, 1, False),
    (1, 1, 5, 3, 1, False),
    (3, 7, 300, 2, 3, False),
    # Past the first proven ranges: one hidden unit, input size 1, batch 1 with wide
    # products (oneDNN's matrix-vector kernel, K cut in two on 2 threads), hidden sizes to
    # 499 (the primitive's forced no-copy sgemm ends at 500), large inputs, batches, rows.
    (6, 5, 7, 1, 1, False),
    (8, 20, 1, 32, 1, True),
    (4, 1, 24, 200, 1, False),
    (2, 1, 300, 128, 2, False),
    (3, 4, 16, 256, 1, False),
    (2, 6, 20, 499, 1, False),
    (2, 3, 1024, 24, 1, False),
    (3, 300, 20, 16, 1, False),
    (100, 20, 6, 10, 1, False),
    (2, 1024, 6, 8, 1, False),
    (2, 2, 5000, 8, 1, False),
    (100, 80, 4, 4, 1, False),
]


def train_step(key, steps, batch, inp, hidden, layers=1, bidir=False, **options):
    """One forward and backward: outputs, final states and every gradient."""
    lstm = torch.nn.LSTM(inp, hidden, num_layers=layers, bidirectional=bidir, **options)
    first = options.get("batch_first", False)
    x = torch.randn(batch, steps, inp) if first else torch.randn(steps, batch, inp)
    x.requires_grad_()
    d = 2 if bidir else 1
    h0 = torch.randn(layers * d, batch, options.get("proj_size", 0) or hidden, requires_grad=True)
    c0 = torch.randn(layers * d, batch, hidden, requires_grad=True)
    y, (h, c) = lstm(x, (h0, c0))
    show(key, "y", y)
    show(key, "h", h)
    show(key, "c", c)
    (y.sin().sum() + h.cos().sum() + (c * c).sum()).backward()
    show(key, "dx", x.grad)
    show(key, "dh0", h0.grad)
    show(key, "dc0", c0.grad)
    for pname, p in lstm.named_parameters():
        show(key, "d" + pname, p.grad)
    return lstm, x


for steps, batch, inp, hidden, layers, bidir in shapes:
    key = "T%dB%dI%dH%dL%d%s" % (steps, batch, inp, hidden, layers, "bi" if bidir else "")
    train_step(key, steps, batch, inp, hidden, layers, bidir)

# The cell's logistic and tanh over a wide range (saturated gates, tiny ones in tanh's linear
# part): the injector runs 16 lanes wide on AVX-512, 8 on AVX2.
for scale in [1e-4, 8.0, 40.0]:
    key = "scale%g" % scale
    lstm = torch.nn.LSTM(16, 24)
    x = (torch.randn(5, 8, 16) * scale).requires_grad_()
    h0 = torch.randn(1, 8, 24) * scale
    c0 = torch.randn(1, 8, 24) * scale
    y, (h, c) = lstm(x, (h0, c0))
    show(key, "y", y)
    show(key, "c", c)
    (y.sum() + c.sum()).backward()
    show(key, "dx", x.grad)
    show(key, "dweight_hh_l0", lstm.weight_hh_l0.grad)

# Inference (grad mode off): oneDNN's brgemm RNN primitive (brgemm:avx2 / brgemm:avx512_core).
with torch.no_grad():
    for steps, batch, inp, hidden in [(5, 3, 20, 16), (4, 16, 64, 64), (3, 50, 128, 100), (2, 200, 520, 128),
                                      (6, 4, 300, 128), (9, 1, 7, 33)]:
        key = "infer-T%dB%dI%dH%d" % (steps, batch, inp, hidden)
        lstm = torch.nn.LSTM(inp, hidden)
        y, (h, c) = lstm(torch.randn(steps, batch, inp))
        show(key, "y", y)
        show(key, "h", h)
        show(key, "c", c)

# Hidden sizes from 500: oneDNN's copy-based sgemm where nocopy_checker refuses the no-copy
# kernels (AVX2: the weight gradients; avx512_core: products past 1/m + 1/n < 0.00196).
for steps, batch, inp, hidden in [(2, 3, 12, 512), (2, 2, 8, 1024), (3, 2, 5, 500)]:
    train_step("big-T%dB%dI%dH%d" % (steps, batch, inp, hidden), steps, batch, inp, hidden)

# Past the first limits: input over 5000, batch over 1024, steps x batch over 8000.
for steps, batch, inp, hidden in [(2, 2, 6000, 8), (2, 1100, 4, 8), (90, 100, 3, 4)]:
    train_step("wide-T%dB%dI%dH%d" % (steps, batch, inp, hidden), steps, batch, inp, hidden)

# Thread counts: oneDNN's K splits follow them (the no-copy sgemm's K parts, on AVX-512 only
# from 8 threads; the matrix-vector product's `sum_ybufs`), and so do the results.
for threads in [1, 3, 4, 8]:
    torch.set_num_threads(threads)
    for steps, batch, inp, hidden in [(120, 10, 8, 8), (1, 1, 1500, 40), (4, 1, 30, 300), (2, 2, 3000, 8)]:
        train_step("threads%d-T%dB%dI%dH%d" % (threads, steps, batch, inp, hidden), steps, batch, inp, hidden)
torch.set_num_threads(2)

# Layer variants: stacked, bidirectional, batch_first, no bias, dropout between layers,
# proj_size (ATen's cells in PyTorch, which warns once), default zero states and an
# unbatched sequence.
variants = [
    (5, 3, 10, 16, 3, True, {}),
    (4, 6, 12, 20, 2, True, {"batch_first": True}),
    (6, 2, 8, 24, 2, True, {"proj_size": 10, "batch_first": True}),
    (4, 5, 7, 9, 2, False, {"bias": False, "batch_first": True}),
    (4, 5, 7, 9, 3, True, {"dropout": 0.3}),
]
for steps, batch, inp, hidden, layers, bidir, options in variants:
    key = "variant-T%dB%dI%dH%dL%d%s-%s" % (steps, batch, inp, hidden, layers, "bi" if bidir else "",
                                           "-".join(sorted(options)) or "plain")
    lstm, x = train_step(key, steps, batch, inp, hidden, layers, bidir, **options)
    y, _ = lstm(x)
    show(key, "y-zero-state", y)
    y, _ = lstm(x[0] if options.get("batch_first") else x[:, 0])
    show(key, "y-unbatched", y)
