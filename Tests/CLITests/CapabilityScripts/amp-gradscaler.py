# torch.amp.GradScaler("cpu") and torch.cpu.amp.GradScaler in training loops (as the fuzz kept outside the
# repository runs them): Linear models in float32/float64 under SGD (with and without
# momentum), Adam and AdamW, and fused SGD/Adam/AdamW/Adagrad (grad_scale and found_inf handed to the kernels); inputs with injected inf/NaN so steps are skipped and the
# scale backs off; growth every 1-3 clean steps; explicit unscale_; state_dict round trips;
# the errors of a second unscale_, a bad growth factor and an update without inf checks.
import torch, random, warnings
warnings.simplefilter("ignore")
def bits(t):
    d = t.detach()
    if d.dtype == torch.float32: return repr(d.contiguous().view(torch.int32).tolist())
    if d.dtype == torch.float64: return repr(d.contiguous().view(torch.int64).tolist())
    return repr(d.tolist())
for i in range(40):
    rng = random.Random(i); torch.manual_seed(i)
    print("@", i); K = "g%d." % i
    dt = torch.float32 if rng.random() < 0.7 else torch.float64
    model = torch.nn.Linear(3, 2).to(dt)
    opt_kind = rng.choice(["sgd", "adam", "adamw"]) if i < 24 else rng.choice(["sgd_f", "adam_f", "adamw_f", "adagrad_f"])
    if opt_kind == "sgd": opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=rng.choice([0.0, 0.9]))
    elif opt_kind == "adam": opt = torch.optim.Adam(model.parameters(), lr=0.01)
    elif opt_kind == "adamw": opt = torch.optim.AdamW(model.parameters(), lr=0.01)
    elif opt_kind == "sgd_f": opt = torch.optim.SGD(model.parameters(), lr=0.1, fused=True)
    elif opt_kind == "adam_f": opt = torch.optim.Adam(model.parameters(), lr=0.01, fused=True, amsgrad=rng.random() < 0.3)
    elif opt_kind == "adamw_f": opt = torch.optim.AdamW(model.parameters(), lr=0.01, fused=True)
    else: opt = torch.optim.Adagrad(model.parameters(), lr=0.1, fused=True)
    how = rng.choice(["amp", "cpu", "cpu_kw"])
    kw = dict(init_scale=rng.choice([2.0**16, 1024.0, 3.0e38]), growth_factor=rng.choice([2.0, 1.5]),
              backoff_factor=rng.choice([0.5, 0.25]), growth_interval=rng.choice([1, 2, 3]))
    scaler = torch.amp.GradScaler("cpu", **kw) if how == "amp" else torch.cpu.amp.GradScaler(**kw)
    print(K + "cfg", opt_kind, how, kw, scaler.is_enabled(), scaler.get_scale())
    for step in range(6):
        x = torch.randn(4, 3, dtype=dt)
        if rng.random() < 0.25: x[0, 0] = rng.choice([float("inf"), float("nan")])
        opt.zero_grad()
        loss = model(x).pow(2).sum()
        sl = scaler.scale(loss)
        print(K + "scaled%d" % step, sl.dtype, bits(sl))
        sl.backward()
        if rng.random() < 0.3:
            scaler.unscale_(opt)
            print(K + "unscaled%d" % step, bits(model.weight.grad))
        r = scaler.step(opt)
        scaler.update()
        print(K + "step%d" % step, r, scaler.get_scale(), scaler._get_growth_tracker(), bits(model.weight), bits(model.bias))
    sd = scaler.state_dict()
    print(K + "sd", sorted(sd.items()))
    s2 = torch.amp.GradScaler("cpu")
    s2.load_state_dict(sd)
    print(K + "load", s2.get_scale(), s2.state_dict() == sd)
    try:
        scaler.unscale_(opt); scaler.unscale_(opt)
    except Exception as e: print(K + "twice", type(e).__name__, e)
print("disabled", torch.amp.GradScaler("cpu", enabled=False).state_dict(), torch.amp.GradScaler("cpu", enabled=False).get_scale())
s = torch.amp.GradScaler("cpu")
print("nested", s.scale([torch.ones(2), (torch.ones(1) * 3,)]))
try: torch.amp.GradScaler("cpu", growth_factor=1.0)
except Exception as e: print("growth", type(e).__name__, e)
try: s.update()
except Exception as e: print("update", type(e).__name__, e)
