# More grad_fn introspection (the fuzz kept outside the repository, second table): in-place
# ops, setitem, addmv/baddbmm/addbmm/addr, modules (Linear, Conv2d, pooling, norms, RNNs),
# negative and sliced indexing, more losses and activations. Each case walks y's graph as
# autograd-saved.py does and prints one line: its key, then its items joined by ' | '.
import random
import os
import torch
import torch.nn.functional as F

ONLY = None
N = 83
K = ['x']
BUF = []

def emit(*args):
    BUF.append(' '.join(str(a) for a in args).replace('\n', ' '))

def flush():
    print(K[0], ' | '.join(BUF))
    BUF.clear()

def bits(t):
    t = t.detach().reshape(-1)
    if t.dtype == torch.float32:
        v = t.view(torch.int32).tolist()
    elif t.dtype == torch.float64:
        v = t.view(torch.int64).tolist()
    elif t.dtype in (torch.float16, torch.bfloat16):
        v = t.view(torch.int16).tolist()
    elif t.dtype == torch.bool:
        v = [int(x) for x in t.tolist()]
    else:
        v = t.tolist()
    if len(v) <= 8:
        return v
    s = 0
    for k, x in enumerate(v):
        s = (s * 31 + x + k) % 1000000007
    return ('h', len(v), s)

def show(label, v, named):
    if isinstance(v, torch.Tensor):
        who = [nm for nm, t in named if v is t]
        emit(label, 'T', v.dtype, tuple(v.shape), bits(v), v.requires_grad,
              type(v.grad_fn).__name__ if v.grad_fn is not None else None, who)
    else:
        emit(label, type(v).__name__, repr(v))

def leaf(shape, dt=torch.float32, req=True):
    return (torch.randn(*shape)).to(dt).requires_grad_(req)

def build(op, rng):
    dt = rng.choice([torch.float32, torch.float64])
    a = leaf((3, 4), dt)
    b = leaf((3, 4), dt, req=rng.random() < 0.7)
    v = leaf((4,), dt)
    m = leaf((4, 5), dt)
    i4 = leaf((2, 3, 5, 5), dt)
    d = rng.choice([0, 1, -1])
    if op == 'relu_': return (a * 1).relu_()
    if op == 'sigmoid_': return (a * 1).sigmoid_()
    if op == 'exp_': return (a * 1).exp_()
    if op == 'tanh_': return (a * 1).tanh_()
    if op == 'abs_': return (a * 1).abs_()
    if op == 'clamp_': return (a * 1).clamp_(-0.2, 0.3)
    if op == 'pow_': return (a * 1).pow_(3)
    if op == 'div_': return (a * 1).div_(b)
    if op == 'sub_': return (a * 1).sub_(b, alpha=2)
    if op == 'maskedfill_': return (a * 1).masked_fill_(a.detach() > 0, 1.0)
    if op == 'setitem': c = a * 1; c[0] = 5.0; return c
    if op == 'setitemt': c = a * 1; c[1:, :2] = b[1:, :2]; return c
    if op == 'indexput': return a.index_put((torch.tensor([0, 2]),), b[:2] * 1)
    if op == 'addmv': return torch.addmv(leaf((3,), dt), a, v)
    if op == 'baddbmm': return torch.baddbmm(leaf((2, 3, 5), dt), leaf((2, 3, 4), dt), leaf((2, 4, 5), dt), alpha=0.5)
    if op == 'addbmm': return torch.addbmm(leaf((3, 5), dt), leaf((2, 3, 4), dt), leaf((2, 4, 5), dt))
    if op == 'addr': return torch.addr(a, leaf((3,), dt), v)
    if op == 'tofloat': return a.float() if dt == torch.float64 else a.double()
    if op == 'T': return a.T
    if op == 'mT': return a.mT
    if op == 'movedim': return i4.movedim(1, -1)
    if op == 'expandneg': return v.unsqueeze(0).expand(3, -1)
    if op == 'softmaxdt': return a.softmax(1, dtype=torch.float64)
    if op == 'logsoftmax0': return a.log_softmax(0)
    if op == 'sumdt': return a.sum(dtype=torch.float64)
    if op == 'meankd': return a.mean((0, 1), keepdim=True)
    if op == 'nansum': return a.nansum()
    if op == 'cumsumneg': return a.cumsum(-1)
    if op == 'lstm':
        torch.manual_seed(3); l = torch.nn.LSTM(4, 2); return l(a.unsqueeze(1))[0]
    if op == 'gru':
        torch.manual_seed(3); l = torch.nn.GRU(4, 2); return l(a.unsqueeze(1))[0]
    if op == 'rnn':
        torch.manual_seed(3); l = torch.nn.RNN(4, 2); return l(a.unsqueeze(1))[0]
    if op == 'linearmod':
        torch.manual_seed(3); l = torch.nn.Linear(4, 2).to(dt); return l(a)
    if op == 'conv2dmod':
        torch.manual_seed(3); l = torch.nn.Conv2d(3, 2, 3, padding='same').to(dt); return l(i4)
    if op == 'maxpoolmod': return torch.nn.MaxPool2d(2, 2)(i4)
    if op == 'maxpoolmod1': return torch.nn.MaxPool2d(2)(i4)
    if op == 'avgpoolmod': return torch.nn.AvgPool2d(3, stride=1, padding=1)(i4)
    if op == 'bn2dmod': return torch.nn.BatchNorm2d(3).to(dt)(i4)
    if op == 'lnmod': return torch.nn.LayerNorm([5, 5]).to(dt)(i4)
    if op == 'dropoutmod': m2 = torch.nn.Dropout(0.3); return m2(a)
    if op == 'embbag': return torch.nn.functional.embedding_bag(torch.tensor([0, 2, 1, 1]), leaf((3, 4), dt), torch.tensor([0, 2]))
    if op == 'softmin': return F.softmin(a, 1)
    if op == 'sum0d': return leaf((), dt) * 3
    if op == 'scalarrsub': return 2.5 - a
    if op == 'rdiv': return 2 / a
    if op == 'powf': return a ** 0.5
    if op == 'pown': return a ** -1
    if op == 'sqrtpow': return a.abs().pow(1.5)
    if op == 'minimumb': return torch.min(a, b)
    if op == 'maxall2': return torch.max(a, 0, keepdim=True).values
    if op == 'argsortv': return a.sort(descending=True).values
    if op == 'view_as': return a.view_as(b)
    if op == 'flattenall': return a.flatten()
    if op == 'unflatten': return a.unflatten(1, (2, 2))
    if op == 'chunk3': return a.chunk(3, 0)[2]
    if op == 'splitsizes': return a.split([1, 3], 1)[1]
    if op == 'narrowneg': return a.narrow(-1, 1, 2)
    if op == 'negidx': return a[-1]
    if op == 'negslice': return a[:, -2:]
    if op == 'ellipsis': return i4[..., 0]
    if op == 'none': return a[None]
    if op == 'selectmid': return i4[:, 1, :, 2]
    if op == 'crossent3d': return F.cross_entropy(leaf((2, 3, 4), dt), torch.tensor([[0, 1, 2, 0], [2, 2, 1, 0]]))
    if op == 'bcewt': return F.binary_cross_entropy(a.sigmoid(), torch.rand(3, 4, dtype=dt), weight=torch.rand(4, dtype=dt))
    if op == 'l1none': return F.l1_loss(a, b, reduction='none')
    if op == 'msesum': return F.mse_loss(a, torch.zeros(3, 4, dtype=dt), reduction='sum')
    if op == 'nllnone': return F.nll_loss(a, torch.tensor([0, 3, 1]), reduction='none')
    if op == 'nllsum': return F.nll_loss(a, torch.tensor([0, 3, 1]), reduction='sum')
    if op == 'triplet': return F.triplet_margin_loss(a, b, a * 2)
    if op == 'margin': return F.margin_ranking_loss(v, v * 2, torch.tensor([1., -1, 1, 1], dtype=dt))
    if op == 'cumsumdt': return a.cumsum(0, dtype=torch.float64)
    if op == 'erfinv': return (a.tanh() * 0.9).erfinv()
    if op == 'sinh': return a.sinh()
    if op == 'log2': return a.abs().log2()
    if op == 'xlogy': return torch.xlogy(a.abs(), b.abs())
    if op == 'fmod': return torch.fmod(a, 1.5)
    if op == 'remainder': return torch.remainder(a, b.abs() + 1)
    if op == 'lgamma': return a.abs().lgamma()
    if op == 'logit': return (a.sigmoid()).logit()
    if op == 'celu': return F.celu(a, 0.5)
    if op == 'softshrink': return F.softshrink(a)
    if op == 'hardshrink': return F.hardshrink(a, 0.3)
    if op == 'tanhshrink': return F.tanhshrink(a)
    if op == 'rrelu': return F.rrelu(a, training=False)
    raise ValueError(op)

OPS = ['relu_', 'sigmoid_', 'exp_', 'tanh_', 'abs_', 'clamp_', 'pow_', 'div_', 'sub_', 'maskedfill_', 'setitem', 'setitemt', 'indexput', 'addmv', 'baddbmm', 'addbmm', 'addr', 'tofloat', 'T', 'mT', 'movedim', 'expandneg', 'softmaxdt', 'logsoftmax0', 'sumdt', 'meankd', 'nansum', 'cumsumneg', 'lstm', 'gru', 'rnn', 'linearmod', 'conv2dmod', 'maxpoolmod', 'maxpoolmod1', 'avgpoolmod', 'bn2dmod', 'lnmod', 'dropoutmod', 'embbag', 'softmin', 'sum0d', 'scalarrsub', 'rdiv', 'powf', 'pown', 'sqrtpow', 'minimumb', 'maxall2', 'argsortv', 'view_as', 'flattenall', 'unflatten', 'chunk3', 'splitsizes', 'narrowneg', 'negidx', 'negslice', 'ellipsis', 'none', 'selectmid', 'crossent3d', 'bcewt', 'l1none', 'msesum', 'nllnone', 'nllsum', 'triplet', 'margin', 'cumsumdt', 'erfinv', 'sinh', 'log2', 'xlogy', 'fmod', 'remainder', 'lgamma', 'logit', 'celu', 'softshrink', 'hardshrink', 'tanhshrink', 'rrelu']

def saved_names(fn):
    return sorted(n for n in dir(fn) if n.startswith('_saved_') or n.startswith('_raw_saved_'))

def leaves(y):
    out = []
    seen = []
    q = [y.grad_fn]
    while q and len(seen) < 40:
        fn = q.pop(0)
        if fn is None or any(fn is s for s in seen):
            continue
        seen.append(fn)
        if fn.name() == 'torch::autograd::AccumulateGrad':
            out.append(('leaf%d' % len(out), fn.variable))
        for f, i in fn.next_functions:
            q.append(f)
    return out

def walk(y, named, depth):
    seen = []
    q = [y.grad_fn]
    k = 0
    while q and k < depth:
        fn = q.pop(0)
        if fn is None or any(fn is s for s in seen):
            continue
        seen.append(fn)
        k += 1
        names = saved_names(fn)
        emit('node', fn.name(), names)
        for n in names:
            if n.startswith('_raw_saved_'):
                r = getattr(fn, n)
                emit(' ', n, type(r).__name__)
                continue
            try:
                show('  ' + n, getattr(fn, n), named)
            except Exception as e:
                emit(' ', n, 'EXC', type(e).__name__, e)
        emit('  next', [(f.name() if f is not None else None, i) for f, i in fn.next_functions])
        for f, i in fn.next_functions:
            q.append(f)
    return seen

for i in range(N):
    if ONLY is not None and i not in ONLY:
        continue
    rng = random.Random(i)
    torch.manual_seed(i)
    op = OPS[i % len(OPS)]
    K[0] = 'x%d' % i
    emit(op)
    try:
        y = build(op, rng)
        emit('y', y.dtype, tuple(y.shape), type(y.grad_fn).__name__)
        named = [('y', y)] + leaves(y)
        nodes = walk(y, named, 5)
        if rng.random() < 0.5 and y.grad_fn is not None:
            y.sum().backward()
            fn = y.grad_fn
            for n in saved_names(fn):
                if n.startswith('_saved_'):
                    try:
                        show('after ' + n, getattr(fn, n), named)
                    except Exception as e:
                        emit('after', n, 'EXC', type(e).__name__, e)
    except Exception as e:
        emit('EXC', type(e).__name__, e)
    flush()
