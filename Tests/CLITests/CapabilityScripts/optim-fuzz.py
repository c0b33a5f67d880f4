# torch.optim differential fuzz, trimmed and deterministic: every optimizer with foreach
# None/True/False (True runs PyTorch's multi-tensor order) and the options that change the
# arithmetic, two parameter groups with different options, a parameter that has no gradient
# on odd steps, a state_dict()/load_state_dict() round trip into a fresh optimizer mid-way,
# and chained schedulers whose get_last_lr() is printed after every step.
import random
import torch
from _cases import run

O = torch.optim
S = O.lr_scheduler
rng = random.Random(5)


def options(kind, fe):
    wd = rng.choice([0, 0.01, 0.1])
    mx = rng.random() < 0.4
    if kind == "SGD":
        mom = rng.choice([0, 0.9])
        nest = bool(mom) and rng.random() < 0.5
        return dict(lr=0.05, momentum=mom, nesterov=nest, dampening=0 if nest else rng.choice([0, 0.1]),
                    weight_decay=wd, maximize=mx, foreach=fe)
    if kind in ("Adam", "AdamW"):
        return dict(lr=0.01, betas=rng.choice([(0.9, 0.999), (0.8, 0.9)]), eps=rng.choice([1e-8, 1e-3]),
                    weight_decay=wd, amsgrad=rng.random() < 0.5, maximize=mx, foreach=fe)
    if kind == "RMSprop":
        return dict(lr=0.01, alpha=rng.choice([0.99, 0.9]), momentum=rng.choice([0, 0.5]),
                    centered=rng.random() < 0.5, weight_decay=wd, maximize=mx, foreach=fe)
    if kind == "Adagrad":
        return dict(lr=0.1, lr_decay=rng.choice([0, 0.01]), initial_accumulator_value=rng.choice([0, 0.1]),
                    weight_decay=wd, maximize=mx, foreach=fe)
    if kind == "Adadelta":
        return dict(lr=1.0, rho=rng.choice([0.9, 0.5]), weight_decay=wd, maximize=mx, foreach=fe)
    if kind == "Adamax":
        return dict(lr=0.02, weight_decay=wd, maximize=mx, foreach=fe)
    if kind == "NAdam":
        return dict(lr=0.02, weight_decay=wd, momentum_decay=rng.choice([0.004, 0.01]),
                    decoupled_weight_decay=rng.random() < 0.5, maximize=mx, foreach=fe)
    if kind == "RAdam":
        return dict(lr=0.02, betas=rng.choice([(0.9, 0.999), (0.9, 0.6)]), weight_decay=wd,
                    decoupled_weight_decay=rng.random() < 0.5, maximize=mx, foreach=fe)
    if kind == "ASGD":
        return dict(lr=0.05, lambd=rng.choice([1e-4, 0.01]), alpha=0.75, t0=rng.choice([1, 3, 1e6]),
                    weight_decay=wd, maximize=mx, foreach=fe)
    if kind == "Rprop":
        return dict(lr=0.01, etas=(0.5, 1.2), step_sizes=(1e-6, 50), maximize=mx, foreach=fe)
    return dict(lr=rng.choice([1, 0.5]), history_size=rng.choice([3, 10]),
                line_search_fn=rng.choice([None, "strong_wolfe"]))


def scheduler(name, opt):
    if name == "lambda":
        return S.LambdaLR(opt, [lambda e: 0.9 ** e, lambda e: 1 / (e + 1)])
    if name == "sequential":
        return S.SequentialLR(opt, [S.LinearLR(opt, 0.3, total_iters=2), S.ExponentialLR(opt, 0.8)], milestones=[2])
    if name == "chained":
        return S.ChainedScheduler([S.StepLR(opt, 2, 0.5), S.MultiplicativeLR(opt, lambda e: 0.95)])
    if name == "cyclic":
        return S.CyclicLR(opt, 0.001, 0.05, step_size_up=2, mode=rng.choice(["triangular", "triangular2", "exp_range"]),
                          gamma=0.9, cycle_momentum=False)
    if name == "poly":
        return S.PolynomialLR(opt, total_iters=5, power=rng.choice([1.0, 2.0]))
    if name == "onecycle":
        return S.OneCycleLR(opt, max_lr=0.05, total_steps=8, three_phase=True, cycle_momentum=False,
                            anneal_strategy=rng.choice(["cos", "linear"]))
    if name == "plateau":
        return S.ReduceLROnPlateau(opt, mode=rng.choice(["min", "max"]), threshold_mode=rng.choice(["rel", "abs"]),
                                   patience=0, factor=0.5, cooldown=rng.choice([0, 1]))
    return None


KINDS = ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "Adadelta", "Adamax", "NAdam", "RAdam", "ASGD", "Rprop", "LBFGS"]
SCHEDS = [None, "lambda", "sequential", "chained", "cyclic", "poly", "onecycle", "plateau"]
lrs_seen = []

n = 0
for kind in KINDS:
    for fe in (None, True, False):
        for dt in (torch.float32, torch.float64):
            kw = options(kind, fe)
            sched = None if kind == "LBFGS" else SCHEDS[n % len(SCHEDS)]
            second = {} if kind == "LBFGS" else {"lr": kw["lr"] * 0.5,
                                                  "weight_decay": rng.choice([0, 0.05])}
            if kind == "Rprop":
                second.pop("weight_decay")
            key = "%d|%s|%s|%s|%s|%s" % (n, kind, str(dt)[-7:], sched, sorted(kw.items()), sorted(second.items()))
            n += 1
            lrs = []

            def f(kind=kind, kw=kw, dt=dt, sched=sched, second=second, lrs=lrs):
                torch.manual_seed(n)
                a = torch.nn.Linear(5, 6).to(dt)
                b = torch.nn.Linear(6, 2).to(dt)
                extra = torch.randn(3, dtype=dt, requires_grad=True)
                if kind == "LBFGS":
                    groups = list(a.parameters()) + list(b.parameters()) + [extra]
                else:
                    groups = [{"params": list(a.parameters()) + [extra]}, dict(second, params=list(b.parameters()))]
                make = lambda: getattr(O, kind)(groups, **kw)
                opt = make()
                s = scheduler(sched, opt)
                x = torch.randn(9, 5, dtype=dt)
                y = torch.randn(9, 2, dtype=dt)
                losses = []
                for step in range(7):
                    def closure():
                        opt.zero_grad()
                        l = torch.nn.functional.mse_loss(b(torch.tanh(a(x))), y)
                        if step % 2 == 0:
                            # `extra` gets no gradient on odd steps.
                            l = l + (extra * extra).sum() * 0.1
                        l.backward()
                        return l
                    l = opt.step(closure)
                    losses.append(l.detach())
                    if step == 3 and kind != "LBFGS":
                        # Round trip through a fresh optimizer (the scheduler keeps the old one).
                        sd = opt.state_dict()
                        fresh = make()
                        fresh.load_state_dict(sd)
                        opt.load_state_dict(fresh.state_dict())
                    if s is not None:
                        if sched == "plateau":
                            s.step(l.item())
                        else:
                            s.step()
                        lrs.append(s.get_last_lr())
                return [torch.stack(losses)] + [p.detach() for p in list(a.parameters()) + list(b.parameters()) + [extra]]

            run(key, f)
            if lrs:
                print("  lr", lrs)

# differentiable=True keeps grad mode on in step(): the in-place update of a leaf raises, and
# the multi-tensor updates (all but SGD's) refuse autograd first.
for kind in KINDS[:-1]:
    for fe in (None, True):
        def g(kind=kind, fe=fe):
            p = torch.randn(4, requires_grad=True)
            opt = getattr(O, kind)([p], differentiable=True, foreach=fe)
            (p * p).sum().backward()
            opt.step()
            return [p.detach()]
        run("differentiable|%s|%s" % (kind, fe), g)

# The multi-tensor orders of RAdam, NAdam and ASGD over their options (RAdam's betas (0.9, 0.6)
# rectifies from the first step; ASGD's t0=2 starts averaging at once).
GRID = {
    "RAdam": [dict(lr=0.03, betas=b, weight_decay=wd, decoupled_weight_decay=dec, maximize=mx)
              for b, wd, dec, mx in [((0.9, 0.999), 0, False, False), ((0.9, 0.6), 0.1, False, True),
                                     ((0.9, 0.6), 0.1, True, False), ((0.8, 0.9), 0.02, True, True)]],
    "NAdam": [dict(lr=0.03, weight_decay=wd, decoupled_weight_decay=dec, maximize=mx, momentum_decay=md)
              for wd, dec, mx, md in [(0, False, False, 0.004), (0.1, False, True, 0.01),
                                      (0.1, True, False, 0.004), (0.02, True, True, 0.1)]],
    "ASGD": [dict(lr=0.05, lambd=ld, t0=t0, weight_decay=wd, maximize=mx)
             for ld, t0, wd, mx in [(1e-4, 1e6, 0, False), (0.01, 2, 0.1, True),
                                    (0.05, 1, 0, True), (1e-4, 3, 0.05, False)]],
}
for kind, configs in GRID.items():
    for dt in (torch.float32, torch.float64):
        for kw in configs:
            def h(kind=kind, dt=dt, kw=kw):
                ps = [torch.randn(s, dtype=dt, requires_grad=True) for s in (1, 7, 33)]
                opt = getattr(O, kind)(ps, foreach=True, **kw)
                for step in range(8):
                    opt.zero_grad()
                    sum((p.sin() * (step + 1)).pow(2).sum() for p in ps).backward()
                    opt.step()
                return [p.detach() for p in ps] + [v for p in ps for v in opt.state[p].values()]
            run("foreach|%s|%s|%s" % (kind, str(dt)[-7:], sorted(kw.items())), h)
