# fused=True optimizers (PyTorch's fused CPU kernels: _fused_adam_, _fused_adamw_, _fused_sgd_,
# _fused_adagrad_): parameters whose sizes put elements in the vectors and in the scalar tail
# (1..100 elements and a few thousand), float32 and float64, several steps, the options that
# change the arithmetic (amsgrad, weight decay, maximize, momentum, nesterov, lr_decay).
import torch
from _cases import run

torch.manual_seed(0)

O = torch.optim
SIZES = [(1,), (3,), (7,), (8,), (9,), (17,), (31, 3), (100,), (2053,), (64, 65)]


def train(dt, make, steps=4):
    ps = [torch.randn(*s, dtype=dt).requires_grad_() for s in SIZES]
    opt = make(ps)
    for i in range(steps):
        opt.zero_grad()
        sum((p.sin() * (i + 1)).pow(2).sum() for p in ps).backward()
        opt.step()
    return ps


CONFIGS = [
    ("adam", lambda p: O.Adam(p, lr=0.01, fused=True)),
    ("adam_wd_ams", lambda p: O.Adam(p, lr=0.02, weight_decay=0.1, amsgrad=True, fused=True)),
    ("adam_max_b", lambda p: O.Adam(p, lr=0.01, betas=(0.3, 0.9), maximize=True, fused=True)),
    ("adamw", lambda p: O.AdamW(p, lr=0.01, fused=True)),
    ("adamw_ams_max", lambda p: O.AdamW(p, lr=0.01, weight_decay=0.05, amsgrad=True, maximize=True, fused=True)),
    ("sgd", lambda p: O.SGD(p, lr=0.01, fused=True)),
    ("sgd_mom", lambda p: O.SGD(p, lr=0.01, momentum=0.9, fused=True)),
    ("sgd_nest_wd", lambda p: O.SGD(p, lr=0.01, momentum=0.8, nesterov=True, weight_decay=0.1, fused=True)),
    ("sgd_damp_max", lambda p: O.SGD(p, lr=0.01, momentum=0.7, dampening=0.2, maximize=True, fused=True)),
    ("adagrad", lambda p: O.Adagrad(p, lr=0.01, fused=True)),
    ("adagrad_all", lambda p: O.Adagrad(p, lr=0.05, lr_decay=0.01, weight_decay=0.1, eps=1e-6, maximize=True, fused=True)),
]

for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    for name, make in CONFIGS:
        run(name + "|" + dn, lambda: [p.detach() for p in train(dt, make)])
