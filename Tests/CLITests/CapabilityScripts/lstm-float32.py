# float32 nn.LSTM trained one step (oneDNN's `ref` RNN primitive: its sgemm, AVX2's
# jit_avx_gemm_f32 or AVX-512's jit_avx512_common_gemm_f32, and the cell's eltwise
# injector at 8 or 16 lanes): outputs, h, c and every gradient after backward, for shapes
# inside Gradbook's proven range (hidden 1 to 499, input <= 5000, batch <= 1024, steps x batch
# <= 8000). Each tensor is printed as an exact integer digest of its float bit patterns and
# its first values in hex.
import torch
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
for steps, batch, inp, hidden, layers, bidir in shapes:
    key = "T%dB%dI%dH%dL%d%s" % (steps, batch, inp, hidden, layers, "bi" if bidir else "")
    lstm = torch.nn.LSTM(inp, hidden, num_layers=layers, bidirectional=bidir)
    x = torch.randn(steps, batch, inp, requires_grad=True)
    d = 2 if bidir else 1
    h0 = torch.randn(layers * d, batch, hidden, requires_grad=True)
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
