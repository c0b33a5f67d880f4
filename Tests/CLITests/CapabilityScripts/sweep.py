# Cases a differential sweep against PyTorch found apart: the float64 flash attention scale
# (a double, not a float-rounded one), adaptive average pooling over a batch, two-layer GRUs,
# the float64 slow 3-d convolution's weight gradient and grouped transposed bias gradients.
import torch
import torch.nn as nn
import torch.nn.functional as F
from _cases import run, leaf, grads

torch.manual_seed(0)


def module(m, *shape, dt, train=True):
    m = m.to(dt)
    m.train(train)
    x = leaf(*shape, dt=dt)
    y = m(x)
    if isinstance(y, tuple):
        y = y[0]
    return grads(y, x) + [p.grad for p in m.parameters()]


def sdpa(b, h, l, s, e, dt, scale=None, causal=False):
    q, k, v = leaf(b, h, l, e, dt=dt), leaf(b, h, s, e, dt=dt), leaf(b, h, s, e, dt=dt)
    return grads(F.scaled_dot_product_attention(q, k, v, is_causal=causal, scale=scale), q, k, v)


def mha(dt):
    m = nn.MultiheadAttention(32, 4, batch_first=True).to(dt)
    x = leaf(3, 10, 32, dt=dt)
    return grads(m(x, x, x, need_weights=False)[0], x) + [p.grad for p in m.parameters()]


def tel(dt, d, h, f, b, l):
    m = nn.TransformerEncoderLayer(d, h, f, dropout=0.0, batch_first=True).to(dt)
    x = leaf(b, l, d, dt=dt)
    return grads(m(x), x) + [p.grad for p in m.parameters()]


for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    run("sdpa|" + dn, lambda: sdpa(2, 3, 10, 10, 8, dt))
    run("sdpa_e24|" + dn, lambda: sdpa(2, 2, 7, 40, 24, dt))
    run("sdpa_causal|" + dn, lambda: sdpa(1, 2, 12, 12, 5, dt, causal=True))
    run("sdpa_scale|" + dn, lambda: sdpa(1, 2, 9, 9, 8, dt, scale=0.3))
    run("mha_noweights|" + dn, lambda: mha(dt))
    run("tel|" + dn, lambda: tel(dt, 32, 4, 64, 3, 10))
    run("tel_h2|" + dn, lambda: tel(dt, 12, 2, 20, 2, 7))
    run("adaptive|" + dn, lambda: module(nn.AdaptiveAvgPool2d((5, 3)), 4, 3, 13, 11, dt=dt))
    run("adaptive_b1|" + dn, lambda: module(nn.AdaptiveAvgPool2d((5, 3)), 1, 3, 13, 11, dt=dt))
    run("adaptive_up|" + dn, lambda: module(nn.AdaptiveAvgPool2d((7, 9)), 2, 5, 6, 5, dt=dt))
    run("adaptive_wide|" + dn, lambda: module(nn.AdaptiveAvgPool2d((2, 3)), 3, 20, 17, 19, dt=dt))
    run("adaptive1d|" + dn, lambda: module(nn.AdaptiveAvgPool1d(4), 3, 6, 13, dt=dt))
    run("adaptive3d|" + dn, lambda: module(nn.AdaptiveAvgPool3d((2, 3, 2)), 2, 3, 5, 7, 6, dt=dt))
    run("gru2_bf|" + dn, lambda: module(nn.GRU(12, 24, num_layers=2, batch_first=True), 4, 9, 12, dt=dt))
    run("gru2|" + dn, lambda: module(nn.GRU(12, 24, num_layers=2), 9, 4, 12, dt=dt))
    run("gru1|" + dn, lambda: module(nn.GRU(12, 24), 9, 4, 12, dt=dt))
    run("gru1_bf|" + dn, lambda: module(nn.GRU(12, 24, batch_first=True), 4, 9, 12, dt=dt))
    run("gru_bi|" + dn, lambda: module(nn.GRU(10, 16, bidirectional=True), 6, 3, 10, dt=dt))
    run("conv3d|" + dn, lambda: module(nn.Conv3d(3, 6, 3), 2, 3, 8, 8, 8, dt=dt))
    run("conv3d_g|" + dn, lambda: module(nn.Conv3d(4, 6, 2, groups=2, padding=1), 3, 4, 5, 6, 5, dt=dt))
    run("convT2d_g|" + dn, lambda: module(nn.ConvTranspose2d(8, 4, 3, groups=2), 3, 8, 9, 9, dt=dt))
    run("convT2d_g4|" + dn, lambda: module(nn.ConvTranspose2d(8, 8, 3, stride=2, groups=4), 2, 8, 7, 7, dt=dt))
    run("convT1d_g|" + dn, lambda: module(nn.ConvTranspose1d(6, 9, 3, groups=3), 4, 6, 11, dt=dt))
    run("convT2d_g8|" + dn, lambda: module(nn.ConvTranspose2d(16, 16, 3, groups=2), 2, 16, 6, 6, dt=dt))
    run("convT2d_g48|" + dn, lambda: module(nn.ConvTranspose2d(8, 16, 3, groups=2), 2, 8, 6, 6, dt=dt))
    run("gru_cell|" + dn, lambda: module(nn.GRUCell(7, 20), 5, 7, dt=dt))


def tdl():
    m = nn.TransformerDecoderLayer(32, 4, 64, dropout=0.0, batch_first=True)
    x, mem = leaf(3, 7, 32, dt=torch.float32), leaf(3, 10, 32, dt=torch.float32)
    return grads(m(x, mem), x, mem) + [p.grad for p in m.parameters()]


# After the loop, so the cases above keep their seeds: a decoder layer's self-attention
# (head size 8 over 7 keys, all in flash attention's scalar exp tail) and cross-attention.
run("tdl|f32", tdl)
