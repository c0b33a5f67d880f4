# A second differential sweep against PyTorch 2.15 (areas courses use): scaled dot-product
# attention (masks, causal, lengths across the flash kernel's 512 split, GQA), nn.MultiheadAttention
# and the Transformer layers (masks, key padding, the nested-tensor fast path), every optimizer
# option and the lr schedulers, clip_grad_norm_, nn.init under a seed (sparse_ included), norms
# and dropout, and the float32 softmax backward at set_num_threads(1) (ATen fuses the last partial
# vector's multiply-add there, not with more threads).
import torch
import torch.nn as nn
import torch.nn.functional as F
from _cases import run, leaf, grads

torch.manual_seed(0)

# Attention

def sdpa(b, h, l, s, e, dt, mask=None, causal=False, scale=None):
    q, k, v = leaf(b, h, l, e, dt=dt), leaf(b, h, s, e, dt=dt), leaf(b, h, s, e, dt=dt)
    m = None
    if mask == "bool":
        m = torch.rand(l, s) > 0.3
        m[:, 0] = True
    elif mask == "float":
        m = torch.randn(b, 1, l, s, dtype=dt)
    elif mask == "boolb":
        m = torch.rand(b, h, l, s) > 0.5
        m[..., 0] = True
    return grads(F.scaled_dot_product_attention(q, k, v, attn_mask=m, is_causal=causal, scale=scale), q, k, v)

for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    for (l, s) in ((1, 1), (1, 7), (5, 1), (9, 9), (40, 40), (33, 65), (257, 300), (520, 530), (1100, 17)):
        for e in (8, 24, 128):
            if l * s * e > 300000: continue
            run("sdpa|%s|%d|%d|%d" % (dn, l, s, e), lambda: sdpa(1, 2, l, s, e, dt))
        run("sdpa_c|%s|%d|%d" % (dn, l, s), lambda: sdpa(2, 2, l, s, 16, dt, causal=True))
        run("sdpa_bm|%s|%d|%d" % (dn, l, s), lambda: sdpa(2, 2, l, s, 16, dt, mask="bool"))
        run("sdpa_fm|%s|%d|%d" % (dn, l, s), lambda: sdpa(2, 2, l, s, 16, dt, mask="float"))
    run("sdpa_bbm|%s" % dn, lambda: sdpa(2, 3, 13, 19, 32, dt, mask="boolb"))
    run("sdpa_sc|%s" % dn, lambda: sdpa(2, 3, 13, 19, 32, dt, scale=0.17))
    run("sdpa_3d|%s" % dn, lambda: (lambda q, k, v: grads(F.scaled_dot_product_attention(q, k, v), q, k, v))(leaf(4, 11, 20, dt=dt), leaf(4, 15, 20, dt=dt), leaf(4, 15, 20, dt=dt)))

def mha(dt, e, h, l, s, kpm=False, am=None, need=True, avg=True, bf=True, kdim=None):
    m = nn.MultiheadAttention(e, h, batch_first=bf, kdim=kdim, vdim=kdim).to(dt)
    b = 3
    sh = (lambda n, d: (b, n, d)) if bf else (lambda n, d: (n, b, d))
    q = leaf(*sh(l, e), dt=dt)
    k = leaf(*sh(s, kdim or e), dt=dt)
    v = leaf(*sh(s, kdim or e), dt=dt)
    kp = None
    if kpm:
        kp = torch.zeros(b, s, dtype=torch.bool); kp[0, -2:] = True; kp[2, -1] = True
    a = None
    if am == "bool":
        a = torch.rand(l, s) > 0.7
    elif am == "float":
        a = torch.randn(l, s, dtype=dt)
    elif am == "causal":
        a = nn.Transformer.generate_square_subsequent_mask(l, dtype=dt)
    o, w = m(q, k, v, key_padding_mask=kp, attn_mask=a, need_weights=need, average_attn_weights=avg)
    out = grads(o, q, k, v) + [p.grad for p in m.parameters()]
    if w is not None: out.append(w)
    return out

for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    for need in (True, False):
        tag = "w" if need else "nw"
        run("mha|%s|%s" % (dn, tag), lambda: mha(dt, 32, 4, 10, 10, need=need))
        run("mha_kpm|%s|%s" % (dn, tag), lambda: mha(dt, 32, 4, 10, 10, kpm=True, need=need))
        run("mha_bm|%s|%s" % (dn, tag), lambda: mha(dt, 32, 4, 10, 12, am="bool", need=need))
        run("mha_fm|%s|%s" % (dn, tag), lambda: mha(dt, 32, 4, 10, 12, am="float", need=need))
        run("mha_causal|%s|%s" % (dn, tag), lambda: mha(dt, 48, 3, 9, 9, am="causal", need=need))
        run("mha_kdim|%s|%s" % (dn, tag), lambda: mha(dt, 32, 2, 7, 11, kdim=20, need=need))
        run("mha_sf|%s|%s" % (dn, tag), lambda: mha(dt, 64, 8, 13, 13, bf=False, kpm=True, need=need))
    run("mha_noavg|%s" % dn, lambda: mha(dt, 32, 4, 10, 10, avg=False))
    run("mha_big|%s" % dn, lambda: mha(dt, 128, 1, 40, 40, need=False))

def tel(dt, d, h, f, b, l, first=False, act="relu", kpm=False, causal=False, train=True, layers=1):
    layer = nn.TransformerEncoderLayer(d, h, f, dropout=0.0, batch_first=True, norm_first=first, activation=act)
    m = (nn.TransformerEncoder(layer, layers, enable_nested_tensor=False) if layers > 1 else layer).to(dt)
    m.train(train)
    x = leaf(b, l, d, dt=dt)
    kp = None
    if kpm:
        kp = torch.zeros(b, l, dtype=torch.bool); kp[0, -3:] = True
    mask = nn.Transformer.generate_square_subsequent_mask(l, dtype=dt) if causal else None
    if layers > 1:
        y = m(x, mask=mask, src_key_padding_mask=kp, is_causal=causal)
    else:
        y = m(x, src_mask=mask, src_key_padding_mask=kp, is_causal=causal)
    if not train:
        return [y]
    return grads(y, x) + [p.grad for p in m.parameters()]

for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    run("tel_nf|" + dn, lambda: tel(dt, 32, 4, 64, 3, 10, first=True))
    run("tel_gelu|" + dn, lambda: tel(dt, 32, 4, 64, 3, 10, act="gelu"))
    run("tel_kpm|" + dn, lambda: tel(dt, 32, 4, 64, 3, 10, kpm=True))
    run("tel_causal|" + dn, lambda: tel(dt, 32, 4, 64, 3, 10, causal=True))
    run("tel_eval|" + dn, lambda: tel(dt, 32, 4, 64, 3, 10, train=False))
    run("tel_eval_kpm|" + dn, lambda: tel(dt, 32, 4, 64, 3, 10, train=False, kpm=True))
    run("te2|" + dn, lambda: tel(dt, 32, 4, 64, 3, 10, layers=2))
    run("te2_eval|" + dn, lambda: tel(dt, 32, 4, 64, 3, 10, layers=2, train=False))
    run("tel_long|" + dn, lambda: tel(dt, 64, 4, 128, 2, 130))

def tr(dt):
    m = nn.Transformer(32, 4, 2, 2, 64, dropout=0.0, batch_first=True).to(dt)
    src, tgt = leaf(2, 11, 32, dt=dt), leaf(2, 7, 32, dt=dt)
    mask = nn.Transformer.generate_square_subsequent_mask(7, dtype=dt)
    y = m(src, tgt, tgt_mask=mask, tgt_is_causal=True)
    return grads(y, src, tgt) + [p.grad for p in m.parameters()]

for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    run("transformer|" + dn, lambda: tr(dt))

# Attention, more: dropout, transposed heads, no grad, GQA, the fast path

def sdpa_drop(dt, p, l=12, s=12, e=16, causal=False):
    q, k, v = leaf(2, 3, l, e, dt=dt), leaf(2, 3, s, e, dt=dt), leaf(2, 3, s, e, dt=dt)
    return grads(F.scaled_dot_product_attention(q, k, v, dropout_p=p, is_causal=causal), q, k, v)

def sdpa_tr(dt, b, l, h, e):
    x = leaf(b, l, 3 * h * e, dt=dt)
    q, k, v = x.split(h * e, dim=2)
    q = q.view(b, l, h, e).transpose(1, 2)
    k = k.view(b, l, h, e).transpose(1, 2)
    v = v.view(b, l, h, e).transpose(1, 2)
    y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
    y = y.transpose(1, 2).contiguous().view(b, l, h * e)
    return grads(y, x)

def sdpa_nograd(dt, l, s, e, mask=None):
    q, k, v = torch.randn(2, 2, l, e, dtype=dt), torch.randn(2, 2, s, e, dtype=dt), torch.randn(2, 2, s, e, dtype=dt)
    m = None
    if mask == "bool": m = torch.rand(l, s) > 0.3
    if mask == "float": m = torch.randn(l, s, dtype=dt)
    with torch.no_grad():
        return [F.scaled_dot_product_attention(q, k, v, attn_mask=m)]

def sdpa_gqa(dt):
    q, k, v = leaf(2, 4, 9, 16, dt=dt), leaf(2, 2, 11, 16, dt=dt), leaf(2, 2, 11, 16, dt=dt)
    return grads(F.scaled_dot_product_attention(q, k, v, enable_gqa=True), q, k, v)

def sdpa_neginf(dt):
    q, k, v = leaf(1, 2, 6, 8, dt=dt), leaf(1, 2, 6, 8, dt=dt), leaf(1, 2, 6, 8, dt=dt)
    m = torch.zeros(6, 6, dtype=dt); m[:, 3:] = float("-inf")
    return grads(F.scaled_dot_product_attention(q, k, v, attn_mask=m), q, k, v)

def tel_drop(dt, first=False):
    m = nn.TransformerEncoderLayer(32, 4, 64, dropout=0.1, batch_first=True, norm_first=first).to(dt)
    x = leaf(3, 10, 32, dt=dt)
    return grads(m(x), x) + [p.grad for p in m.parameters()]

def mha_drop(dt, need):
    m = nn.MultiheadAttention(32, 4, dropout=0.2, batch_first=True).to(dt)
    x = leaf(3, 10, 32, dt=dt)
    o, w = m(x, x, x, need_weights=need)
    return grads(o, x) + [p.grad for p in m.parameters()] + ([w] if w is not None else [])

def mha_fast(dt, kpm):
    m = nn.MultiheadAttention(32, 4, batch_first=True).to(dt).eval()
    x = torch.randn(3, 10, 32, dtype=dt)
    kp = None
    if kpm:
        kp = torch.zeros(3, 10, dtype=torch.bool); kp[1, -4:] = True
    with torch.no_grad():
        o, w = m(x, x, x, key_padding_mask=kp, need_weights=False)
    return [o]

def tel_fast(dt, kpm, layers=1):
    layer = nn.TransformerEncoderLayer(32, 4, 64, batch_first=True)
    m = (nn.TransformerEncoder(layer, layers) if layers > 1 else layer).to(dt).eval()
    x = torch.randn(3, 10, 32, dtype=dt)
    kp = None
    if kpm:
        kp = torch.zeros(3, 10, dtype=torch.bool); kp[1, -4:] = True
    with torch.no_grad():
        y = m(x, src_key_padding_mask=kp)
    if y.is_nested: y = y.to_padded_tensor(0.0)
    return [y]

for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    for p in (0.1, 0.5):
        run("sdpa_drop|%s|%s" % (dn, p), lambda: sdpa_drop(dt, p))
        run("sdpa_drop_c|%s|%s" % (dn, p), lambda: sdpa_drop(dt, p, 40, 40, 32, True))
    run("sdpa_tr|" + dn, lambda: sdpa_tr(dt, 3, 17, 4, 8))
    run("sdpa_tr2|" + dn, lambda: sdpa_tr(dt, 2, 64, 6, 16))
    for l, s, e in ((1, 1, 8), (7, 9, 16), (40, 40, 64), (600, 300, 32)):
        for mask in (None, "bool", "float"):
            run("sdpa_ng|%s|%d|%d|%d|%s" % (dn, l, s, e, mask), lambda: sdpa_nograd(dt, l, s, e, mask))
    run("sdpa_gqa|" + dn, lambda: sdpa_gqa(dt))
    run("sdpa_neginf|" + dn, lambda: sdpa_neginf(dt))
    run("tel_drop|" + dn, lambda: tel_drop(dt))
    run("tel_drop_nf|" + dn, lambda: tel_drop(dt, True))
    run("mha_drop|" + dn, lambda: mha_drop(dt, True))
    run("mha_drop_nw|" + dn, lambda: mha_drop(dt, False))
    run("mha_fast|" + dn, lambda: mha_fast(dt, False))
    run("mha_fast_kpm|" + dn, lambda: mha_fast(dt, True))
    run("tel_fast|" + dn, lambda: tel_fast(dt, False))
    run("tel_fast_kpm|" + dn, lambda: tel_fast(dt, True))
    run("te_fast_kpm|" + dn, lambda: tel_fast(dt, True, 2))


# Optimizers, schedulers, gradient clipping

def train(dt, make, steps=4, closure=False, sched=None):
    m = nn.Sequential(nn.Linear(13, 17), nn.Tanh(), nn.Linear(17, 3)).to(dt)
    x = torch.randn(20, 13, dtype=dt)
    t = torch.randn(20, 3, dtype=dt)
    opt = make(m.parameters())
    s = sched(opt) if sched else None
    lrs = []
    for i in range(steps):
        def cl():
            opt.zero_grad()
            loss = F.mse_loss(m(x), t)
            loss.backward()
            return loss
        if closure:
            opt.step(cl)
        else:
            cl(); opt.step()
        if s is not None:
            if isinstance(s, torch.optim.lr_scheduler.ReduceLROnPlateau):
                s.step(1.0)
            else:
                s.step()
            lrs.append(opt.param_groups[0]["lr"])
    out = [p.detach().clone() for p in m.parameters()]
    if lrs: out.append(torch.tensor(lrs, dtype=torch.float64))
    return out

O = torch.optim
cfgs = [
    ("sgd", lambda p: O.SGD(p, lr=0.1)),
    ("sgd_m", lambda p: O.SGD(p, lr=0.1, momentum=0.9)),
    ("sgd_mn", lambda p: O.SGD(p, lr=0.1, momentum=0.9, nesterov=True)),
    ("sgd_md", lambda p: O.SGD(p, lr=0.1, momentum=0.9, dampening=0.3)),
    ("sgd_wd", lambda p: O.SGD(p, lr=0.1, momentum=0.5, weight_decay=0.01)),
    ("sgd_max", lambda p: O.SGD(p, lr=0.1, momentum=0.9, maximize=True)),
    ("sgd_nf", lambda p: O.SGD(p, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.1, foreach=False)),
    ("adam", lambda p: O.Adam(p, lr=0.01)),
    ("adam_nf", lambda p: O.Adam(p, lr=0.01, foreach=False)),
    ("adam_ams", lambda p: O.Adam(p, lr=0.01, amsgrad=True)),
    ("adam_ams_nf", lambda p: O.Adam(p, lr=0.01, amsgrad=True, foreach=False)),
    ("adam_wd", lambda p: O.Adam(p, lr=0.01, weight_decay=0.1)),
    ("adam_wd_nf", lambda p: O.Adam(p, lr=0.01, weight_decay=0.1, foreach=False)),
    ("adam_max", lambda p: O.Adam(p, lr=0.01, maximize=True)),
    ("adam_max_nf", lambda p: O.Adam(p, lr=0.01, maximize=True, foreach=False)),
    ("adam_b", lambda p: O.Adam(p, lr=0.003, betas=(0.8, 0.95), eps=1e-6)),
    ("adamw", lambda p: O.AdamW(p, lr=0.01)),
    ("adamw_nf", lambda p: O.AdamW(p, lr=0.01, foreach=False)),
    ("adamw_ams", lambda p: O.AdamW(p, lr=0.01, amsgrad=True, weight_decay=0.05)),
    ("adamw_ams_nf", lambda p: O.AdamW(p, lr=0.01, amsgrad=True, weight_decay=0.05, foreach=False)),
    ("adamw_max", lambda p: O.AdamW(p, lr=0.01, maximize=True)),
    ("rms", lambda p: O.RMSprop(p, lr=0.01)),
    ("rms_nf", lambda p: O.RMSprop(p, lr=0.01, foreach=False)),
    ("rms_c", lambda p: O.RMSprop(p, lr=0.01, centered=True)),
    ("rms_cm", lambda p: O.RMSprop(p, lr=0.01, centered=True, momentum=0.9)),
    ("rms_cm_nf", lambda p: O.RMSprop(p, lr=0.01, centered=True, momentum=0.9, foreach=False)),
    ("rms_m_wd", lambda p: O.RMSprop(p, lr=0.01, momentum=0.5, weight_decay=0.1, alpha=0.9)),
    ("adagrad", lambda p: O.Adagrad(p, lr=0.1)),
    ("adagrad_nf", lambda p: O.Adagrad(p, lr=0.1, foreach=False)),
    ("adagrad_ld", lambda p: O.Adagrad(p, lr=0.1, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.1)),
    ("adagrad_ld_nf", lambda p: O.Adagrad(p, lr=0.1, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.1, foreach=False)),
    ("adamax", lambda p: O.Adamax(p, lr=0.01)),
    ("adamax_nf", lambda p: O.Adamax(p, lr=0.01, foreach=False)),
    ("adamax_wd", lambda p: O.Adamax(p, lr=0.01, weight_decay=0.1, maximize=True)),
    ("nadam", lambda p: O.NAdam(p, lr=0.01)),
    ("nadam_nf", lambda p: O.NAdam(p, lr=0.01, foreach=False)),
    ("nadam_dw", lambda p: O.NAdam(p, lr=0.01, weight_decay=0.1, decoupled_weight_decay=True)),
    ("nadam_wd_nf", lambda p: O.NAdam(p, lr=0.01, weight_decay=0.1, foreach=False)),
    ("radam", lambda p: O.RAdam(p, lr=0.01)),
    ("radam_nf", lambda p: O.RAdam(p, lr=0.01, foreach=False)),
    ("radam_dw", lambda p: O.RAdam(p, lr=0.01, weight_decay=0.1, decoupled_weight_decay=True)),
    ("asgd", lambda p: O.ASGD(p, lr=0.05)),
    ("asgd_nf", lambda p: O.ASGD(p, lr=0.05, foreach=False)),
    ("asgd_t0", lambda p: O.ASGD(p, lr=0.05, t0=2, weight_decay=0.01)),
    ("rprop", lambda p: O.Rprop(p, lr=0.01)),
    ("rprop_nf", lambda p: O.Rprop(p, lr=0.01, foreach=False)),
    ("rprop_max", lambda p: O.Rprop(p, lr=0.02, etas=(0.4, 1.3), step_sizes=(1e-5, 1), maximize=True)),
    ("adadelta", lambda p: O.Adadelta(p)),
    ("adadelta_nf", lambda p: O.Adadelta(p, lr=0.5, rho=0.8, weight_decay=0.1, foreach=False)),
]
for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    for name, mk in cfgs:
        run("%s|%s" % (name, dn), lambda: train(dt, mk, steps=6))
    run("lbfgs|" + dn, lambda: train(dt, lambda p: O.LBFGS(p, lr=0.5, max_iter=5), steps=3, closure=True))
    run("lbfgs_sw|" + dn, lambda: train(dt, lambda p: O.LBFGS(p, lr=1, max_iter=6, history_size=3, line_search_fn="strong_wolfe"), steps=3, closure=True))

S = O.lr_scheduler
scheds = [
    ("step", lambda o: S.StepLR(o, 2, gamma=0.5)),
    ("multistep", lambda o: S.MultiStepLR(o, [2, 5], gamma=0.3)),
    ("exp", lambda o: S.ExponentialLR(o, 0.9)),
    ("cos", lambda o: S.CosineAnnealingLR(o, 5, eta_min=0.001)),
    ("coswr", lambda o: S.CosineAnnealingWarmRestarts(o, 3, T_mult=2, eta_min=0.001)),
    ("onecycle", lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=12)),
    ("onecycle_lin", lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=12, anneal_strategy="linear", three_phase=True)),
    ("plateau", lambda o: S.ReduceLROnPlateau(o, patience=1, factor=0.5)),
    ("linear", lambda o: S.LinearLR(o, start_factor=0.25, total_iters=4)),
    ("const", lambda o: S.ConstantLR(o, factor=0.3, total_iters=3)),
    ("lambda", lambda o: S.LambdaLR(o, lambda e: 0.95 ** e)),
    ("poly", lambda o: S.PolynomialLR(o, total_iters=8, power=2.0)),
    ("cyclic", lambda o: S.CyclicLR(o, 0.001, 0.1, step_size_up=3)),
    ("cyclic_tri2", lambda o: S.CyclicLR(o, 0.001, 0.1, step_size_up=2, mode="triangular2")),
    ("seq", lambda o: S.SequentialLR(o, [S.LinearLR(o, 0.1, total_iters=3), S.CosineAnnealingLR(o, 6)], milestones=[3])),
]
for name, mk in scheds:
    run("sched_%s" % name, lambda: train(torch.float32, lambda p: O.SGD(p, lr=0.1, momentum=0.9), steps=10, sched=mk))

def clip(dt, nt, mx):
    m = nn.Sequential(nn.Linear(30, 20), nn.ReLU(), nn.Linear(20, 5)).to(dt)
    F.mse_loss(m(torch.randn(8, 30, dtype=dt)), torch.zeros(8, 5, dtype=dt)).backward()
    n = torch.nn.utils.clip_grad_norm_(m.parameters(), mx, norm_type=nt)
    return [n.reshape(1)] + [p.grad for p in m.parameters()]
for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    for nt in (2.0, 1.0, float("inf"), 3.0):
        run("clip|%s|%s" % (dn, nt), lambda: clip(dt, nt, 0.05))
    run("clip_big|" + dn, lambda: clip(dt, 2.0, 100.0))
    run("clipval|" + dn, lambda: (lambda m: (F.mse_loss(m(torch.randn(8, 30, dtype=dt)), torch.zeros(8, 5, dtype=dt)).backward(), torch.nn.utils.clip_grad_value_(m.parameters(), 0.01), m.weight.grad)[2:])(nn.Linear(30, 5).to(dt)))

# Parameter groups, a tensor lr, Embedding with scale_grad_by_freq and a max_norm of type 1.
def train2(dt, make, steps=5, groups=False):
    m = nn.Sequential(nn.Linear(13, 17), nn.Tanh(), nn.Linear(17, 3)).to(dt)
    x = torch.randn(20, 13, dtype=dt); t = torch.randn(20, 3, dtype=dt)
    ps = [{"params": m[0].parameters()}, {"params": m[2].parameters(), "lr": 0.003}] if groups else m.parameters()
    opt = make(ps)
    for i in range(steps):
        opt.zero_grad(); F.mse_loss(m(x), t).backward(); opt.step()
    return [p.detach().clone() for p in m.parameters()]

O = torch.optim
for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    run("adam_groups|" + dn, lambda: train2(dt, lambda p: O.Adam(p, lr=0.01), groups=True))
    run("sgd_groups|" + dn, lambda: train2(dt, lambda p: O.SGD(p, lr=0.1, momentum=0.9), groups=True))
    run("adam_tlr|" + dn, lambda: train2(dt, lambda p: O.Adam(p, lr=torch.tensor(0.01))))
    run("emb_sgf|" + dn, lambda: (lambda m: (m(torch.randint(0, 20, (7, 9))).pow(2).sum().backward(), m.weight.grad)[1:])(nn.Embedding(20, 8, scale_grad_by_freq=True).to(dt)))
    run("emb_mn2|" + dn, lambda: (lambda m: [m(torch.randint(0, 20, (7, 9))), m.weight])(nn.Embedding(20, 8, max_norm=0.5, norm_type=1.0).to(dt)))

# nn.init, Embedding, norms, dropout
I = nn.init
for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    for shp in ((17, 23), (8, 3, 5, 5), (64, 100)):
        sn = "x".join(map(str, shp))
        def w(): return torch.empty(*shp, dtype=dt)
        run("ku|%s|%s" % (dn, sn), lambda: [I.kaiming_uniform_(w())])
        run("ku_a|%s|%s" % (dn, sn), lambda: [I.kaiming_uniform_(w(), a=5 ** 0.5)])
        run("ku_fo|%s|%s" % (dn, sn), lambda: [I.kaiming_uniform_(w(), mode="fan_out", nonlinearity="leaky_relu", a=0.1)])
        run("kn|%s|%s" % (dn, sn), lambda: [I.kaiming_normal_(w())])
        run("kn_fo|%s|%s" % (dn, sn), lambda: [I.kaiming_normal_(w(), mode="fan_out", nonlinearity="relu")])
        run("xu|%s|%s" % (dn, sn), lambda: [I.xavier_uniform_(w())])
        run("xu_g|%s|%s" % (dn, sn), lambda: [I.xavier_uniform_(w(), gain=I.calculate_gain("tanh"))])
        run("xn|%s|%s" % (dn, sn), lambda: [I.xavier_normal_(w(), gain=1.7)])
        run("orth|%s|%s" % (dn, sn), lambda: [I.orthogonal_(w())])
        run("orth_g|%s|%s" % (dn, sn), lambda: [I.orthogonal_(w(), gain=2.0)])
        run("tn|%s|%s" % (dn, sn), lambda: [I.trunc_normal_(w())])
        run("tn_p|%s|%s" % (dn, sn), lambda: [I.trunc_normal_(w(), mean=0.5, std=0.2, a=0.1, b=0.8)])
        run("uni|%s|%s" % (dn, sn), lambda: [I.uniform_(w(), -0.3, 0.7)])
        run("norm|%s|%s" % (dn, sn), lambda: [I.normal_(w(), 0.1, 0.02)])
        run("const|%s|%s" % (dn, sn), lambda: [I.constant_(w(), 0.3), I.ones_(w()), I.zeros_(w())])
        if len(shp) == 2:
            run("sparse|%s|%s" % (dn, sn), lambda: [I.sparse_(w(), 0.3)])
            run("sparse_s|%s|%s" % (dn, sn), lambda: [I.sparse_(w(), 0.5, std=0.1)])
            run("eye|%s|%s" % (dn, sn), lambda: [I.eye_(w())])
    run("dirac|" + dn, lambda: [I.dirac_(torch.empty(6, 3, 3, 3, dtype=dt), groups=2)])
    run("orth_wide|" + dn, lambda: [I.orthogonal_(torch.empty(5, 40, dtype=dt))])

def mod(m, x, train):
    m.train(train)
    x = x.requires_grad_()
    y = m(x)
    if train or True:
        g = torch.rand(y.shape, dtype=y.dtype) - 0.5
        y.backward(g)
    out = [y, x.grad] + [p.grad for p in m.parameters() if p.grad is not None]
    out += [b for b in m.buffers() if b.dtype.is_floating_point]
    return out

for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    # default-initialised modules under the seed
    run("lin_init|" + dn, lambda: list(nn.Linear(37, 19).to(dt).parameters()))
    run("conv_init|" + dn, lambda: list(nn.Conv2d(3, 8, 3).to(dt).parameters()))
    run("emb_init|" + dn, lambda: list(nn.Embedding(50, 16).to(dt).parameters()))
    run("emb|" + dn, lambda: (lambda m: [m(torch.randint(0, 50, (7, 9)))] )(nn.Embedding(50, 16).to(dt)))
    run("emb_g|" + dn, lambda: (lambda m: (m(torch.randint(0, 50, (7, 9))).pow(2).sum().backward(), m.weight.grad)[1:])(nn.Embedding(50, 16).to(dt)))
    run("emb_pad|" + dn, lambda: (lambda m: (m(torch.randint(0, 50, (7, 9))).pow(2).sum().backward(), m.weight.grad, m.weight)[1:])(nn.Embedding(50, 16, padding_idx=3).to(dt)))
    run("emb_maxnorm|" + dn, lambda: (lambda m: [m(torch.randint(0, 50, (7, 9))), m.weight])(nn.Embedding(50, 16, max_norm=1.0).to(dt)))
    run("emb_fp|" + dn, lambda: (lambda m: [m(torch.randint(0, 5, (7,)))])(nn.Embedding.from_pretrained(torch.randn(5, 3, dtype=dt))))
    for train in (True, False):
        tn = "tr" if train else "ev"
        for C, shp in ((10, (16, 10)), (7, (4, 7, 33)), (32, (8, 32, 5, 5)), (3, (2, 3, 9, 11))):
            sn = "x".join(map(str, shp))
            B = {2: nn.BatchNorm1d, 3: nn.BatchNorm1d, 4: nn.BatchNorm2d}[len(shp)]
            run("bn|%s|%s|%s" % (dn, tn, sn), lambda: mod(B(C).to(dt), torch.randn(*shp, dtype=dt) * 2 + 1, train))
            run("bn_mom|%s|%s|%s" % (dn, tn, sn), lambda: mod(B(C, momentum=None, affine=False).to(dt), torch.randn(*shp, dtype=dt), train))
            if len(shp) > 2:
                I1 = nn.InstanceNorm1d if len(shp) == 3 else nn.InstanceNorm2d
                run("in|%s|%s|%s" % (dn, tn, sn), lambda: mod(I1(C).to(dt), torch.randn(*shp, dtype=dt) * 2 + 1, train))
                run("in_aff|%s|%s|%s" % (dn, tn, sn), lambda: mod(I1(C, affine=True, track_running_stats=True).to(dt), torch.randn(*shp, dtype=dt), train))
                g = 1 if C % 2 else (C // 2 if C > 4 else 2)
                run("gn|%s|%s|%s" % (dn, tn, sn), lambda: mod(nn.GroupNorm(g, C).to(dt), torch.randn(*shp, dtype=dt) * 2 + 1, train))
            run("ln|%s|%s|%s" % (dn, tn, sn), lambda: mod(nn.LayerNorm(shp[-1]).to(dt), torch.randn(*shp, dtype=dt) * 2 + 1, train))
            run("ln2|%s|%s|%s" % (dn, tn, sn), lambda: mod(nn.LayerNorm(list(shp[-2:]), elementwise_affine=False).to(dt), torch.randn(*shp, dtype=dt) * 2 + 1, train))
    run("bn_steps|" + dn, lambda: (lambda m: [m(torch.randn(16, 10, 4, 4, dtype=dt)) for _ in range(3)] + [m.running_mean, m.running_var, m.eval()(torch.randn(2, 10, 4, 4, dtype=dt))])(nn.BatchNorm2d(10).to(dt)))
    run("bn3d|" + dn, lambda: mod(nn.BatchNorm3d(4).to(dt), torch.randn(2, 4, 3, 5, 6, dtype=dt), True))
    run("ln_big|" + dn, lambda: mod(nn.LayerNorm(768).to(dt), torch.randn(4, 10, 768, dtype=dt), True))
    run("rms|" + dn, lambda: mod(nn.RMSNorm(33).to(dt), torch.randn(4, 7, 33, dtype=dt), True))
    # dropout variants under a seed
    for p in (0.1, 0.5, 0.9):
        run("drop|%s|%s" % (dn, p), lambda: mod(nn.Dropout(p), torch.randn(37, 53, dtype=dt), True))
        run("drop_i|%s|%s" % (dn, p), lambda: [F.dropout(torch.randn(37, 53, dtype=dt), p, training=True, inplace=True)])
        run("drop1d|%s|%s" % (dn, p), lambda: mod(nn.Dropout1d(p), torch.randn(5, 8, 17, dtype=dt), True))
        run("drop2d|%s|%s" % (dn, p), lambda: mod(nn.Dropout2d(p), torch.randn(5, 8, 7, 7, dtype=dt), True))
        run("drop3d|%s|%s" % (dn, p), lambda: mod(nn.Dropout3d(p), torch.randn(3, 4, 3, 5, 5, dtype=dt), True))
        run("adrop|%s|%s" % (dn, p), lambda: mod(nn.AlphaDropout(p), torch.randn(37, 53, dtype=dt), True))
        run("fadrop|%s|%s" % (dn, p), lambda: mod(nn.FeatureAlphaDropout(p), torch.randn(5, 8, 7, 7, dtype=dt), True))
    run("drop_big|" + dn, lambda: mod(nn.Dropout(0.3), torch.randn(100, 1000, dtype=dt), True))
    run("drop_ev|" + dn, lambda: mod(nn.Dropout(0.3), torch.randn(10, 10, dtype=dt), False))
    run("drop_small|" + dn, lambda: mod(nn.Dropout(0.3), torch.randn(5, dtype=dt), True))


def softmax_threads(shp, dt, log):
    x = leaf(*shp, dt=dt)
    f = torch.log_softmax if log else torch.softmax
    return grads(f(x, -1), x)


def mha_weights(dt):
    m = nn.MultiheadAttention(64, 4, batch_first=True).to(dt)
    x = leaf(5, 30, 64, dt=dt)
    o, w = m(x, x, x)
    return grads(o, x) + [w] + [p.grad for p in m.parameters()]


# Last, so the cases above keep their seeds; each key starts with the thread count.
for t in (1, 3, 2):
    torch.set_num_threads(t)
    T = "t%d" % torch.get_num_threads()
    for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
        for shp in ((600, 30), (1, 30), (2, 30), (20, 30, 30), (300, 33), (700, 17), (1, 100), (50, 8)):
            sn = "x".join(map(str, shp))
            run("%s|softmax|%s|%s" % (T, dn, sn), lambda: softmax_threads(shp, dt, False))
            run("%s|log_softmax|%s|%s" % (T, dn, sn), lambda: softmax_threads(shp, dt, True))
        run("%s|mha_weights|%s" % (T, dn), lambda: mha_weights(dt))


# Known differences, kept here so CI sees them (see docs/differences.md): PyTorch's fused CPU
# optimizer kernels (fused=True) and the nn.utils.weight_norm hook (_weight_norm_interface).
def weight_norm_hook(dt):
    m = nn.utils.weight_norm(nn.Linear(20, 10).to(dt))
    x = leaf(5, 20, dt=dt)
    return grads(m(x), x) + [p.grad for p in m.parameters()]


O = torch.optim
for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    run("adam_fused|" + dn, lambda: train2(dt, lambda p: O.Adam(p, lr=0.01, fused=True)))
    run("adamw_fused|" + dn, lambda: train2(dt, lambda p: O.AdamW(p, lr=0.01, amsgrad=True, fused=True)))
    run("sgd_fused|" + dn, lambda: train2(dt, lambda p: O.SGD(p, lr=0.01, momentum=0.9, fused=True)))
    run("adagrad_fused|" + dn, lambda: train2(dt, lambda p: O.Adagrad(p, lr=0.01, fused=True)))
    run("weight_norm_hook|" + dn, lambda: weight_norm_hook(dt))

# Grouped-query attention through the flash kernel: 2-4 query heads a key/value head, one and
# several query/key blocks, causal or not (a key/value head's gradients are one gemm chain).
def sdpa_gqa_sized(dt, b, hq, hk, l, s, e, causal):
    q, k, v = leaf(b, hq, l, e, dt=dt), leaf(b, hk, s, e, dt=dt), leaf(b, hk, s, e, dt=dt)
    return grads(F.scaled_dot_product_attention(q, k, v, enable_gqa=True, is_causal=causal), q, k, v)

for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    for b, hq, hk, l, s, e in ((1, 6, 2, 9, 11, 16), (2, 6, 3, 40, 70, 16), (1, 8, 2, 100, 600, 32), (3, 4, 1, 33, 5, 8)):
        for causal in (False, True):
            run("sdpa_gqa_sized|%s|%d|%d|%d|%d|%d|%d|%s" % (dn, b, hq, hk, l, s, e, causal),
                lambda: sdpa_gqa_sized(dt, b, hq, hk, l, s, e, causal))

def sdpa_gqa_3d(dt):
    q, k, v = leaf(4, 9, 16, dt=dt), leaf(2, 11, 16, dt=dt), leaf(2, 11, 16, dt=dt)
    return grads(F.scaled_dot_product_attention(q, k, v, enable_gqa=True), q, k, v)

for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    run("sdpa_gqa_3d|" + dn, lambda: sdpa_gqa_3d(dt))
