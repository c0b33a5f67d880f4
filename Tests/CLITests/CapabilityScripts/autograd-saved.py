# grad_fn introspection as autograd lessons show it (the fuzz kept outside the repository,
# one case per op, ~215 ops): walk y's graph breadth first and print each node's name(), its
# sorted _saved_*/_raw_saved_* names and values (tensors by dtype, shape, bits, requires_grad,
# grad_fn and identity with the graph's leaves), next_functions, and after backward the
# freed-graph errors. Then the pack/unpack order under saved_tensors_hooks, the values after
# backward and _raw_saved_*.register_hooks on a freed graph. One line per case: its key, then the
# case's items joined by ' | '.
import random
import os
import torch
import torch.nn.functional as F

ONLY = None
N = 215
K = ['s']
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
    dt = rng.choice([torch.float32, torch.float32, torch.float64])
    a = leaf((3, 4), dt)
    b = leaf((3, 4), dt, req=rng.random() < 0.7)
    v = leaf((4,), dt)
    m = leaf((4, 5), dt)
    i4 = leaf((2, 3, 5, 5), dt)
    d = rng.choice([0, 1, -1])
    kd = rng.random() < 0.5
    if op == 'add': return a + b
    if op == 'addalpha': return torch.add(a, b, alpha=2)
    if op == 'addscalar': return a + 2.5
    if op == 'sub': return a - b
    if op == 'rsub': return 1 - a
    if op == 'mul': return a * b
    if op == 'mulscalar': return a * 3
    if op == 'div': return a / b
    if op == 'divscalar': return a / 2
    if op == 'divfloor': return torch.div(a, b, rounding_mode='floor')
    if op == 'neg': return -a
    if op == 'pow': return a ** 2
    if op == 'powt': return a.abs() ** b
    if op == 'rpow': return 2 ** a
    if op == 'exp': return a.exp()
    if op == 'log': return a.abs().log()
    if op == 'sqrt': return a.abs().sqrt()
    if op == 'rsqrt': return a.abs().rsqrt()
    if op == 'sin': return a.sin()
    if op == 'cos': return a.cos()
    if op == 'tanh': return a.tanh()
    if op == 'sigmoid': return a.sigmoid()
    if op == 'relu': return a.relu()
    if op == 'abs': return a.abs()
    if op == 'square': return a.square()
    if op == 'reciprocal': return a.reciprocal()
    if op == 'log1p': return a.abs().log1p()
    if op == 'expm1': return a.expm1()
    if op == 'erf': return a.erf()
    if op == 'atan': return a.atan()
    if op == 'sign': return a.sign()
    if op == 'floor': return a.floor()
    if op == 'round': return a.round()
    if op == 'clamp': return a.clamp(-0.5, 0.5)
    if op == 'clampmin': return a.clamp(min=0.1)
    if op == 'clampmax': return a.clamp(max=0.1)
    if op == 'clampt': return torch.clamp(a, min=b.detach(), max=b.detach() + 1)
    if op == 'clampmint': return torch.clamp_min(a, b.detach())
    if op == 'where': return torch.where(a > 0, a, b)
    if op == 'maximum': return torch.maximum(a, b)
    if op == 'minimum': return torch.minimum(a, b)
    if op == 'atan2': return torch.atan2(a, b)
    if op == 'lerp': return torch.lerp(a, b, 0.3)
    if op == 'lerpt': return torch.lerp(a, b, torch.full((3, 4), 0.25, dtype=dt))
    if op == 'addcmul': return torch.addcmul(a, b, a, value=0.5)
    if op == 'addcdiv': return torch.addcdiv(a, b, a.abs() + 1, value=0.5)
    if op == 'hypot': return torch.hypot(a, b)
    if op == 'sum': return a.sum()
    if op == 'sumdim': return a.sum(d, keepdim=kd)
    if op == 'mean': return a.mean()
    if op == 'meandim': return a.mean(d, keepdim=kd)
    if op == 'prod': return a.prod()
    if op == 'proddim': return a.prod(d, keepdim=kd)
    if op == 'var': return a.var()
    if op == 'vardim': return a.var(d, keepdim=kd, correction=rng.choice([0, 1]))
    if op == 'std': return a.std()
    if op == 'stddim': return a.std(d, keepdim=kd)
    if op == 'norm': return a.norm()
    if op == 'normp': return a.norm(p=rng.choice([1, 3]), dim=d, keepdim=kd)
    if op == 'vnorm': return torch.linalg.vector_norm(a, ord=rng.choice([2, 1, float('inf')]), dim=d)
    if op == 'amax': return a.amax(d, keepdim=kd)
    if op == 'amin': return a.amin(d)
    if op == 'max': return a.max()
    if op == 'min': return a.min()
    if op == 'maxdim': return a.max(d, keepdim=kd)[0]
    if op == 'mindim': return a.min(d, keepdim=kd)[0]
    if op == 'argmaxval': return torch.max(a, 1).values
    if op == 'logsumexp': return a.logsumexp(d, keepdim=kd)
    if op == 'cumsum': return a.cumsum(d)
    if op == 'cumprod': return a.cumprod(d)
    if op == 'sort': return a.sort(d)[0]
    if op == 'topk': return a.topk(2, d)[0]
    if op == 'kthvalue': return a.kthvalue(2, d)[0]
    if op == 'median': return a.median()
    if op == 'mediandim': return a.median(d)[0]
    if op == 'softmax': return a.softmax(d)
    if op == 'logsoftmax': return F.log_softmax(a, d)
    if op == 'mm': return a.mm(m)
    if op == 'mmnograd': return a.mm(m.detach())
    if op == 'matmul': return a @ m
    if op == 'matmulv': return a @ v
    if op == 'matmul3': return leaf((2, 3, 4), dt) @ m
    if op == 'bmm': return torch.bmm(leaf((2, 3, 4), dt), leaf((2, 4, 5), dt))
    if op == 'mv': return a.mv(v)
    if op == 'dot': return v.dot(v * 2)
    if op == 'outer': return torch.outer(v, v)
    if op == 'addmm': return torch.addmm(leaf((5,), dt), a, m, beta=rng.choice([1, 0.5]), alpha=rng.choice([1, 2]))
    if op == 'linear': return F.linear(a, leaf((5, 4), dt), leaf((5,), dt))
    if op == 'linearnobias': return F.linear(a, leaf((5, 4), dt))
    if op == 'linear3': return F.linear(leaf((2, 3, 4), dt), leaf((5, 4), dt), leaf((5,), dt))
    if op == 'einsum': return torch.einsum('ij,jk->ik', a, m)
    if op == 'view': return a.view(rng.choice([(12,), (2, 6), (-1, 3)]))
    if op == 'reshape': return a.reshape(6, 2)
    if op == 'reshapenc': return a.t().reshape(-1)
    if op == 'flatten': return i4.flatten(1)
    if op == 'expand': return v.expand(3, 4)
    if op == 'expandas': return v.expand_as(a)
    if op == 'transpose': return a.transpose(0, 1)
    if op == 't': return a.t()
    if op == 'permute': return i4.permute(0, 2, 3, 1)
    if op == 'squeeze': return a.unsqueeze(0).squeeze()
    if op == 'squeezedim': return a.unsqueeze(1).squeeze(1)
    if op == 'unsqueeze': return a.unsqueeze(d)
    if op == 'select': return a[1]
    if op == 'selectneg': return a.select(1, -1)
    if op == 'slice': return a[:, 1:3]
    if op == 'slicestep': return a[::2]
    if op == 'narrow': return a.narrow(1, 1, 2)
    if op == 'indexlist': return a[[0, 2]]
    if op == 'indext': return a[torch.tensor([2, 0, 2])]
    if op == 'indexmask': return a[a > 0]
    if op == 'index2': return a[torch.tensor([0, 1]), torch.tensor([3, 2])]
    if op == 'indexselect': return a.index_select(d, torch.tensor([0, 2]))
    if op == 'gather': return a.gather(1, torch.tensor([[0, 1], [2, 3], [1, 1]]))
    if op == 'scatter': return a.scatter(1, torch.tensor([[0], [2], [3]]), b)
    if op == 'scatteradd': return a.scatter_add(1, torch.tensor([[0], [2], [3]]), b)
    if op == 'maskedfill': return a.masked_fill(b.detach() > 0, 0.0)
    if op == 'cat': return torch.cat([a, b], d)
    if op == 'stack': return torch.stack([a, b], d)
    if op == 'split': return a.split(2, d)[0]
    if op == 'chunk': return a.chunk(2, 1)[1]
    if op == 'unbind': return a.unbind(d)[1]
    if op == 'repeat': return a.repeat(2, 1)
    if op == 'flip': return a.flip(d)
    if op == 'roll': return a.roll(1, d)
    if op == 'tril': return a.tril()
    if op == 'triu': return a.triu(1)
    if op == 'diag': return a.diagonal()
    if op == 'trace': return a[:, :3].trace()
    if op == 'clone': return a.clone()
    if op == 'contiguous': return a.t().contiguous()
    if op == 'todouble': return a.double()
    if op == 'tohalf': return a.to(torch.float16)
    if op == 'pad': return F.pad(a, (1, 2))
    if op == 'padreflect': return F.pad(i4, (1, 1, 1, 1), mode='reflect')
    if op == 'gelu': return F.gelu(a)
    if op == 'gelutanh': return F.gelu(a, approximate='tanh')
    if op == 'silu': return F.silu(a)
    if op == 'leakyrelu': return F.leaky_relu(a, 0.2)
    if op == 'elu': return F.elu(a)
    if op == 'selu': return F.selu(a)
    if op == 'softplus': return F.softplus(a)
    if op == 'hardtanh': return F.hardtanh(a)
    if op == 'relu6': return F.relu6(a)
    if op == 'mish': return F.mish(a)
    if op == 'logsigmoid': return F.logsigmoid(a)
    if op == 'hardswish': return F.hardswish(a)
    if op == 'hardsigmoid': return F.hardsigmoid(a)
    if op == 'softsign': return F.softsign(a)
    if op == 'threshold': return F.threshold(a, 0.1, 20.0)
    if op == 'glu': return F.glu(a, -1)
    if op == 'prelu': return F.prelu(a, leaf((1,), dt))
    if op == 'dropout': return F.dropout(a, 0.5)
    if op == 'dropouteval': return F.dropout(a, 0.5, training=False)
    if op == 'conv2d': return F.conv2d(i4, leaf((4, 3, 3, 3), dt), leaf((4,), dt), stride=rng.choice([1, 2]), padding=rng.choice([0, 1]))
    if op == 'conv2dnb': return F.conv2d(i4, leaf((6, 1, 3, 3), dt), groups=3, dilation=rng.choice([1, 2]))
    if op == 'conv1d': return F.conv1d(leaf((2, 3, 7), dt), leaf((4, 3, 3), dt), leaf((4,), dt))
    if op == 'convt2d': return F.conv_transpose2d(i4, leaf((3, 2, 3, 3), dt), stride=2, output_padding=1)
    if op == 'maxpool2d': return F.max_pool2d(i4, 2)
    if op == 'maxpool2ds': return F.max_pool2d(i4, 3, stride=1, padding=1)
    if op == 'maxpool1d': return F.max_pool1d(leaf((2, 3, 8), dt), 2)
    if op == 'avgpool2d': return F.avg_pool2d(i4, 2)
    if op == 'adaptiveavg': return F.adaptive_avg_pool2d(i4, 1)
    if op == 'adaptivemax': return F.adaptive_max_pool2d(i4, 2)
    if op == 'layernorm': return F.layer_norm(a, (4,), leaf((4,), dt), leaf((4,), dt))
    if op == 'layernormnw': return F.layer_norm(a, (4,))
    if op == 'batchnorm': return F.batch_norm(i4, torch.zeros(3, dtype=dt), torch.ones(3, dtype=dt), leaf((3,), dt), leaf((3,), dt), training=True)
    if op == 'batchnormeval': return F.batch_norm(i4, torch.zeros(3, dtype=dt), torch.ones(3, dtype=dt), leaf((3,), dt), leaf((3,), dt), training=False)
    if op == 'batchnorm1d': return F.batch_norm(a, None, None, training=True)
    if op == 'groupnorm': return F.group_norm(i4, 3, leaf((3,), dt), leaf((3,), dt))
    if op == 'instancenorm': return F.instance_norm(i4)
    if op == 'embedding': return F.embedding(torch.tensor([[0, 2], [1, 0]]), leaf((3, 4), dt))
    if op == 'embeddingpad': return F.embedding(torch.tensor([0, 2, 1]), leaf((3, 4), dt), padding_idx=1)
    if op == 'mse': return F.mse_loss(a, b, reduction=rng.choice(['mean', 'sum', 'none']))
    if op == 'l1': return F.l1_loss(a, b)
    if op == 'smoothl1': return F.smooth_l1_loss(a, b, beta=rng.choice([1.0, 0.5]))
    if op == 'huber': return F.huber_loss(a, b)
    if op == 'nll': return F.nll_loss(F.log_softmax(a, 1), torch.tensor([0, 3, 1]), reduction=rng.choice(['mean', 'sum', 'none']))
    if op == 'nllw': return F.nll_loss(a, torch.tensor([0, 3, 1]), weight=torch.rand(4, dtype=dt), ignore_index=3)
    if op == 'nll2d': return F.nll_loss(leaf((2, 3, 2, 2), dt), torch.tensor([[[0, 1], [2, 0]], [[1, 1], [0, 2]]]))
    if op == 'ce': return F.cross_entropy(a, torch.tensor([0, 3, 1]))
    if op == 'ceprob': return F.cross_entropy(a, torch.softmax(torch.randn(3, 4), 1).to(dt))
    if op == 'cels': return F.cross_entropy(a, torch.tensor([0, 3, 1]), label_smoothing=0.1)
    if op == 'bce': return F.binary_cross_entropy(a.sigmoid(), torch.rand(3, 4, dtype=dt))
    if op == 'bcel': return F.binary_cross_entropy_with_logits(a, torch.rand(3, 4, dtype=dt))
    if op == 'bcelpw': return F.binary_cross_entropy_with_logits(a, torch.rand(3, 4, dtype=dt), pos_weight=torch.rand(4, dtype=dt))
    if op == 'kl': return F.kl_div(F.log_softmax(a, 1), torch.softmax(b.detach(), 1), reduction='batchmean')
    if op == 'cosine': return F.cosine_similarity(a, b)
    if op == 'normalize': return F.normalize(a, dim=1)
    if op == 'interp': return F.interpolate(i4, scale_factor=2, mode='nearest')
    if op == 'interpbil': return F.interpolate(i4, size=(7, 7), mode='bilinear', align_corners=False)
    if op == 'pixelshuffle': return F.pixel_shuffle(leaf((1, 4, 2, 2), dt), 2)
    if op == 'unfold': return a.unfold(1, 2, 1)
    if op == 'sdpa': return F.scaled_dot_product_attention(leaf((1, 2, 3, 4), dt), leaf((1, 2, 3, 4), dt), leaf((1, 2, 3, 4), dt))
    if op == 'cdist': return torch.cdist(a, b)
    if op == 'pdist': return F.pdist(a)
    if op == 'chain': return ((a * b).sum(1) + v[:3]).tanh().mean()
    if op == 'mlp': return F.relu(a @ m).sum(1).softmax(0)
    if op == 'inplace': return a.clone().mul_(2).add_(b)
    if op == 'inplacerelu': return F.relu(a * 1, inplace=True)
    raise ValueError(op)

OPS = ['add', 'addalpha', 'addscalar', 'sub', 'rsub', 'mul', 'mulscalar', 'div', 'divscalar', 'divfloor', 'neg', 'pow',
       'powt', 'rpow', 'exp', 'log', 'sqrt', 'rsqrt', 'sin', 'cos', 'tanh', 'sigmoid', 'relu', 'abs', 'square', 'reciprocal',
       'log1p', 'expm1', 'erf', 'atan', 'sign', 'floor', 'round', 'clamp', 'clampmin', 'clampmax', 'clampt', 'clampmint',
       'where', 'maximum', 'minimum', 'atan2', 'lerp', 'lerpt', 'addcmul', 'addcdiv', 'hypot', 'sum', 'sumdim', 'mean',
       'meandim', 'prod', 'proddim', 'var', 'vardim', 'std', 'stddim', 'norm', 'normp', 'vnorm', 'amax', 'amin', 'max', 'min',
       'maxdim', 'mindim', 'argmaxval', 'logsumexp', 'cumsum', 'cumprod', 'sort', 'topk', 'kthvalue', 'median', 'mediandim',
       'softmax', 'logsoftmax', 'mm', 'mmnograd', 'matmul', 'matmulv', 'matmul3', 'bmm', 'mv', 'dot', 'outer', 'addmm',
       'linear', 'linearnobias', 'linear3', 'einsum', 'view', 'reshape', 'reshapenc', 'flatten', 'expand', 'expandas',
       'transpose', 't', 'permute', 'squeeze', 'squeezedim', 'unsqueeze', 'select', 'selectneg', 'slice', 'slicestep',
       'narrow', 'indexlist', 'indext', 'indexmask', 'index2', 'indexselect', 'gather', 'scatter', 'scatteradd',
       'maskedfill', 'cat', 'stack', 'split', 'chunk', 'unbind', 'repeat', 'flip', 'roll', 'tril', 'triu', 'diag', 'trace',
       'clone', 'contiguous', 'todouble', 'tohalf', 'pad', 'padreflect', 'gelu', 'gelutanh', 'silu', 'leakyrelu', 'elu',
       'selu', 'softplus', 'hardtanh', 'relu6', 'mish', 'logsigmoid', 'hardswish', 'hardsigmoid', 'softsign', 'threshold',
       'glu', 'prelu', 'dropout', 'dropouteval', 'conv2d', 'conv2dnb', 'conv1d', 'convt2d', 'maxpool2d', 'maxpool2ds',
       'maxpool1d', 'avgpool2d', 'adaptiveavg', 'adaptivemax', 'layernorm', 'layernormnw', 'batchnorm', 'batchnormeval',
       'batchnorm1d', 'groupnorm', 'instancenorm', 'embedding', 'embeddingpad', 'mse', 'l1', 'smoothl1', 'huber', 'nll',
       'nllw', 'nll2d', 'ce', 'ceprob', 'cels', 'bce', 'bcel', 'bcelpw', 'kl', 'cosine', 'normalize', 'interp', 'interpbil',
       'pixelshuffle', 'unfold', 'sdpa', 'cdist', 'pdist', 'chain', 'mlp', 'inplace', 'inplacerelu']

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
    K[0] = 's%d' % i
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


# Pack order under saved_tensors_hooks for the nodes above (what each pack hook sees, in
# order), then _raw_saved_* hooks and the freed-graph errors.
HOOKED = ['conv2d', 'layernorm', 'batchnorm', 'batchnormeval', 'embedding', 'nll', 'nllw', 'ce', 'maxdim', 'max', 'indexlist',
          'index2', 'gather', 'where', 'clamp', 'clampt', 'maxpool2d', 'sort', 'topk', 'std', 'vnorm', 'logsumexp', 'mse', 'bcelpw',
          'maskedfill', 'divfloor', 'maximum', 'hypot', 'addcmul', 'lerpt', 'mv', 'dot', 'prelu', 'glu', 'groupnorm', 'cumprod',
          'proddim', 'amax', 'median', 'kthvalue', 'scatter', 'indexselect', 'smoothl1', 'bce']
for j, op in enumerate(HOOKED):
    i = 1000 + j
    if ONLY is not None and i not in ONLY:
        continue
    K[0] = 'h%d' % i
    rng = random.Random(i)
    torch.manual_seed(i)
    emit(op)
    log = []
    def pack(t):
        log.append(('pack', t.dtype, tuple(t.shape), t.requires_grad))
        return t
    def unpack(t):
        log.append(('unpack', t.dtype, tuple(t.shape)))
        return t
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
            y = build(op, rng)
        for e in log: emit(*e)
        log.clear()
        fn = y.grad_fn
        names = saved_names(fn)
        for n in names:
            if n.startswith('_saved_'):
                v = getattr(fn, n)
                emit(n, type(v).__name__, len(log))
        log.clear()
        y.sum().backward()
        for e in log: emit(*e)
        for n in names:
            try:
                v = getattr(fn, n)
                emit('after', n, type(v).__name__)
            except Exception as e:
                emit('after', n, type(e).__name__, e)
        for n in names:
            if n.startswith('_raw_saved_'):
                r = getattr(fn, n)
                try:
                    (r if not isinstance(r, tuple) else r[0]).register_hooks(lambda t: t, lambda t: t)
                    emit('raw', n, 'ok')
                except Exception as e:
                    emit('raw', n, type(e).__name__, e)
    except Exception as e:
        emit('EXC', type(e).__name__, e)
    flush()
