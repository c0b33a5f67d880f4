# nn.utils.weight_norm (the deprecated hook, dim 0): PyTorch's fused _weight_norm_interface
# kernel and its backward, rows shorter than, equal to and longer than a vector, a partial last
# vector, float32 and float64, Linear and Conv2d.
import warnings
import torch
import torch.nn as nn
from _cases import run, leaf, grads

warnings.simplefilter("ignore")
torch.manual_seed(0)
for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
    for fi, fo in ((20, 10), (3, 5), (7, 4), (8, 2), (9, 3), (33, 6), (100, 7), (500, 3)):
        def f():
            m = nn.utils.weight_norm(nn.Linear(fi, fo).to(dt))
            x = leaf(5, fi, dt=dt)
            return grads(m(x), x) + [p.grad for p in m.parameters()]
        run("wn|%s|%dx%d" % (dn, fi, fo), f)

    def conv():
        m = nn.utils.weight_norm(nn.Conv2d(3, 4, 3).to(dt))
        x = leaf(2, 3, 6, 6, dt=dt)
        return grads(m(x), x) + [p.grad for p in m.parameters()]
    run("wn_conv|" + dn, conv)

# The last dim: the kernel's last-dim variant (column sums per intra-op thread, the threads'
# buffers added in order), for the hook and the parametrization, at 1, 2 and 3 threads.
for threads in (2, 1, 3):
    torch.set_num_threads(threads)
    for dt, dn in ((torch.float32, "f32"), (torch.float64, "f64")):
        for fi, fo in ((20, 10), (3, 5), (9, 1), (1, 7), (33, 6), (100, 13)):
            def hook():
                m = nn.utils.weight_norm(nn.Linear(fi, fo).to(dt), dim=1)
                x = leaf(5, fi, dt=dt)
                return grads(m(x), x) + [p.grad for p in m.parameters()]
            run("wn_last|t%d|%s|%dx%d" % (threads, dn, fi, fo), hook)

            def param():
                m = nn.utils.parametrizations.weight_norm(nn.Linear(fi, fo).to(dt), dim=1)
                x = leaf(5, fi, dt=dt)
                return grads(m(x), x) + [p.grad for p in m.parameters()]
            run("pwn_last|t%d|%s|%dx%d" % (threads, dn, fi, fo), param)

        def conv():
            m = nn.utils.weight_norm(nn.Conv2d(3, 4, 3).to(dt), dim=3)
            x = leaf(2, 3, 6, 6, dt=dt)
            return grads(m(x), x) + [p.grad for p in m.parameters()]
        run("wn_conv_last|t%d|%s" % (threads, dn), conv)
torch.set_num_threads(2)
