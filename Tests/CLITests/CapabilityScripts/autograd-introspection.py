# Autograd introspection as autograd lessons use it (the fuzz kept outside the repository,
# 600 cases, cut to 160): grad_fn._saved_* / _raw_saved_* of Mul/Div/Pow/unary/Mm/Addmm/
# Add/Sub/Sum/Mean/Softmax/LogSoftmax/MseLoss/View/Expand/Unsqueeze/Transpose/Permute/Cat nodes, their identity with the inputs,
# next_functions, name(), metadata, register_prehook/register_hook (with replacements and
# removal), the freed-graph error after backward; saved_tensors_hooks (pack/unpack calls,
# their order, arguments and grad mode), save_on_cpu and disable_saved_tensors_hooks.
# Then hook errors, nested hooks, create_graph through hooks and AccumulateGrad hooks.
import random
import torch

N = 160
only = None

def bits(t):
    if t.dtype == torch.float32:
        return t.detach().reshape(-1).view(torch.int32).tolist()
    if t.dtype == torch.float64:
        return t.detach().reshape(-1).view(torch.int64).tolist()
    return t.detach().reshape(-1).tolist()

def show(label, v):
    if isinstance(v, torch.Tensor):
        print(label, 'T', v.dtype, tuple(v.shape), bits(v), v.requires_grad, v.is_leaf,
              type(v.grad_fn).__name__ if v.grad_fn is not None else None)
    elif isinstance(v, (tuple, list)):
        print(label, type(v).__name__, len(v))
        for k, e in enumerate(v):
            show(label + '.' + str(k), e)
    else:
        print(label, type(v).__name__, repr(v))

OPS = ['mul', 'mulc', 'mulf', 'div', 'divc', 'pow0', 'pow1', 'pow2', 'exp', 'tanh', 'sigmoid',
       'mm', 'addmm', 'add', 'addc', 'sub', 'log', 'sin', 'cos', 'sqrt', 'relu', 'sum', 'mean',
       'softmax', 'logsoftmax', 'mse', 'neg', 'abs', 'matmul', 'linear',
       'sum1', 'mean1', 'view', 'expand', 'unsqueeze', 'transpose', 'permute', 'cat', 't', 'mT']

def leaf(rng, shape, req=True):
    t = torch.randn(*shape)
    if rng.random() < 0.3:
        t = t.double()
    if req:
        t.requires_grad_(True)
    return t

def apply(op, rng, a, b, A, B):
    if op == 'mul': return a * b
    if op == 'mulc': return a * rng.choice([2, 3, -1])
    if op == 'mulf': return a * rng.choice([0.5, 2.5, True])
    if op == 'div': return a / b
    if op == 'divc': return a / rng.choice([2.0, 4.0])
    if op == 'pow0': return a ** rng.choice([2, 3, 0.5, 2.0])
    if op == 'pow1': return a.abs() ** b
    if op == 'pow2': return rng.choice([2, 0.5, 3.0]) ** a
    if op == 'exp': return a.exp()
    if op == 'tanh': return a.tanh()
    if op == 'sigmoid': return a.sigmoid()
    if op == 'mm': return A.mm(B)
    if op == 'addmm': return torch.addmm(torch.zeros(A.shape[0], B.shape[1], dtype=A.dtype), A, B, beta=rng.choice([1, 0.5]), alpha=rng.choice([1, 2]))
    if op == 'add': return a + b
    if op == 'addc': return a + 3
    if op == 'sub': return torch.sub(a, b, alpha=rng.choice([1, 2]))
    if op == 'log': return a.abs().log()
    if op == 'sin': return a.sin()
    if op == 'cos': return a.cos()
    if op == 'sqrt': return a.abs().sqrt()
    if op == 'relu': return a.relu()
    if op == 'sum': return a.sum()
    if op == 'mean': return a.mean()
    if op == 'softmax': return A.softmax(rng.choice([0, 1, -1]))
    if op == 'logsoftmax': return torch.log_softmax(A, rng.choice([0, 1, -1]))
    if op == 'mse': return torch.nn.functional.mse_loss(a, b, reduction=rng.choice(['mean', 'sum', 'none']))
    if op == 'neg': return -a
    if op == 'abs': return a.abs()
    if op == 'matmul': return A @ B
    if op == 'linear': return torch.nn.functional.linear(A, B.t())
    if op == 'sum1': return A.sum(rng.choice([0, 1, -1, (0, 1), (-1, 0)]), keepdim=rng.random() < 0.5)
    if op == 'mean1': return A.mean(rng.choice([0, 1, -1, (0, 1)]), keepdim=rng.random() < 0.5)
    if op == 'view': return A.view(rng.choice([(3, 2), (-1,), (6, 1)]))
    if op == 'expand': return a.expand(2, a.shape[0])
    if op == 'unsqueeze': return a.unsqueeze(rng.choice([0, 1, -1, -2]))
    if op == 'transpose': return A.transpose(rng.choice([0, -2]), rng.choice([1, -1]))
    if op == 'permute': return A.permute(rng.choice([(1, 0), (-1, 0), (0, 1)]))
    if op == 'cat': return torch.cat([A, A * 2], rng.choice([0, 1, -1]))
    if op == 't': return A.t()
    if op == 'mT': return A.mT

def attrs(fn):
    return [n for n in dir(fn) if n.startswith('_saved_') or n.startswith('_raw_saved_')]

def dump_node(label, fn):
    print(label, 'node', type(fn).__name__, fn.name(), attrs(fn))
    for n in attrs(fn):
        if n.startswith('_raw'):
            continue
        try:
            show(label + ' ' + n, getattr(fn, n))
        except Exception as e:
            print(label, n, type(e).__name__, e)
    print(label, 'next', [(type(f).__name__ if f is not None else None, i) for f, i in fn.next_functions])

for i in range(N):
    if only is not None and i not in only:
        continue
    rng = random.Random(i)
    torch.manual_seed(i)
    print('@', i)
    K = 'a%d.' % i
    try:
        n = rng.choice([2, 3])
        a = leaf(rng, (n,))
        b = leaf(rng, (n,), req=rng.random() < 0.7).to(a.dtype)
        if b.requires_grad is False and rng.random() < 0.5:
            b = b * 1
        A = leaf(rng, (2, 3)).to(a.dtype).detach().requires_grad_(rng.random() < 0.8)
        B = leaf(rng, (3, 2), req=True).to(a.dtype).detach().requires_grad_(True)
        if not A.requires_grad:
            A = A * 1
        mode = rng.choice(['plain', 'plain', 'hooks', 'hooks', 'cpu', 'disabled'])
        op = rng.choice(OPS)
        log = []
        def pack(t):
            log.append(('pack', tuple(t.shape), t.requires_grad, t.is_leaf, type(t.grad_fn).__name__ if t.grad_fn is not None else None,
                        t is a, t is b, t is A, t is B, torch.is_grad_enabled()))
            k = len(log)
            return (k, t) if rng.random() < 0.9 else ('k', t.clone())
        def unpack(p):
            log.append(('unpack', p[0]))
            return p[1]
        if mode == 'hooks':
            with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
                y = apply(op, rng, a, b, A, B)
        elif mode == 'cpu':
            with torch.autograd.graph.save_on_cpu():
                y = apply(op, rng, a, b, A, B)
        elif mode == 'disabled':
            with torch.autograd.graph.disable_saved_tensors_hooks("hooks are off here"):
                try:
                    with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
                        pass
                except RuntimeError as e:
                    print('disabled', e)
                y = apply(op, rng, a, b, A, B)
        else:
            y = apply(op, rng, a, b, A, B)
        print('op', op, mode)
        for e in log: print(e)
        log.clear()
        fn = y.grad_fn
        dump_node('fwd', fn)
        for e in log: print(e)
        log.clear()
        for n in attrs(fn):
            if n.startswith('_saved_') and isinstance(getattr(fn, n), torch.Tensor):
                v = getattr(fn, n)
                print('ident', n, v is a, v is b, v is A, v is B, v is y)
        log.clear()
        fn.metadata['k'] = i
        print('meta', fn.metadata, fn.metadata is fn.metadata)
        calls = []
        if rng.random() < 0.5:
            h1 = fn.register_prehook(lambda go: calls.append(('pre', [bits(g) if g is not None else None for g in go])))
            if rng.random() < 0.3:
                h1.remove()
        if rng.random() < 0.5:
            def post(gi, go):
                calls.append(('post', [bits(g) if g is not None else None for g in gi], [bits(g) if g is not None else None for g in go]))
                if rng.random() < 0.5:
                    return tuple(g * 2 if g is not None else None for g in gi)
            fn.register_hook(post)
        if rng.random() < 0.3:
            fn.register_prehook(lambda go: tuple(g * 3 for g in go))
        retain = rng.random() < 0.4
        y.sum().backward(retain_graph=retain)
        for e in log: print(e)
        log.clear()
        for c in calls: print(c)
        for t, nm in [(a, 'a'), (b, 'b'), (A, 'A'), (B, 'B')]:
            if t.is_leaf and t.requires_grad:
                show('grad ' + nm, t.grad)
        for n in attrs(fn):
            if n.startswith('_saved_'):
                try:
                    v = getattr(fn, n)
                    show('after ' + n, v)
                except Exception as e:
                    print('after', n, type(e).__name__, e)
        for e in log: print(e)
        log.clear()
        try:
            y.sum().backward()
            print('second ok')
        except RuntimeError as e:
            print('second', e)
        for e in log: print(e)
    except Exception as e:
        print('EXC', type(e).__name__, e)


# Hook errors, nested hooks, non-leaf and create_graph through hooks, AccumulateGrad hooks.
print('@ extra')
x = torch.tensor([1.,2.,3.], requires_grad=True)
def pack(t):
    print('pack', t.shape); return t
def bad_unpack(p): return 5
with torch.autograd.graph.saved_tensors_hooks(pack, bad_unpack):
    y = x.exp()
try: y.sum().backward()
except Exception as e: print(type(e).__name__, e)
def bad_pack(t): raise ValueError("nope")
with torch.autograd.graph.saved_tensors_hooks(bad_pack, bad_unpack):
    try: y = x * x
    except Exception as e: print(type(e).__name__, e)
    try: y = x.exp()
    except Exception as e: print(type(e).__name__, e)
print(torch.autograd.graph.saved_tensors_hooks is not None)
# nested hooks: innermost wins
def p1(t): print('p1'); return t
def p2(t): print('p2'); return t
def u(t): print('u'); return t
with torch.autograd.graph.saved_tensors_hooks(p1, u):
    with torch.autograd.graph.saved_tensors_hooks(p2, u):
        y = x.sin()
    z = x.cos()
(y+z).sum().backward()
# non-leaf saved with hooks
a = x * 2
with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):
    b = a.sin()
s = b.grad_fn._saved_self
print(s, s is a, type(s.grad_fn).__name__, s.is_leaf)
# create_graph through hooks
x.grad = None
with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):
    y = (x ** 3).sum()
g, = torch.autograd.grad(y, x, create_graph=True)
print(g, type(g.grad_fn).__name__)
g.sum().backward(); print(x.grad)
# hooks on accumulate grad node
w = torch.tensor([1.,2.], requires_grad=True)
out = (w * 3).sum()
acc = out.grad_fn.next_functions[0][0].next_functions[0][0]
print(type(acc).__name__, acc.name())
acc.register_prehook(lambda go: print('acc pre', go))
acc.register_hook(lambda gi, go: print('acc post', gi, go))
out.backward(); print(w.grad)
# hook returning wrong count
v = torch.tensor([1.,2.], requires_grad=True)
o = v.exp()
def myhook(gi, go): return (gi[0], gi[0])
o.grad_fn.register_hook(myhook)
try: o.sum().backward()
except Exception as e: print(type(e).__name__, e)
o = v.exp()
o.grad_fn.register_prehook(lambda go: 5)
try: o.sum().backward()
except Exception as e: print(type(e).__name__, e)
o = v.exp()
o.grad_fn.register_prehook(lambda go: (5,))
try: o.sum().backward()
except Exception as e: print(type(e).__name__, e)
# disabled with hooks active
with torch.autograd.graph.saved_tensors_hooks(pack, u):
    try:
        with torch.autograd.graph.disable_saved_tensors_hooks("off"):
            pass
    except Exception as e: print(type(e).__name__, e)
try:
    with torch.autograd.graph.save_on_cpu(): pass
    print('ok after')
except Exception as e: print(type(e).__name__, e)
# custom function
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a * 2
    @staticmethod
    def backward(ctx, g):
        a, = ctx.saved_tensors
        return g * a
with torch.autograd.graph.saved_tensors_hooks(p1, u):
    r = F.apply(x)
r.sum().backward()
print(isinstance(x.exp().grad_fn, torch.autograd.graph.Node))
n = x.exp().grad_fn
print([(type(f).__name__, k) for f, k in n.next_functions], n.metadata)

# SavedTensor.register_hooks on one saved tensor (the saved-tensor hooks tutorial's pattern).
print('@ raw')
torch.manual_seed(7)
x = torch.randn(5, requires_grad=True)
y = x.pow(2)
def pack_hook(t):
    print("pack", t.requires_grad, t.grad_fn, t is x, t.equal(x))
    return t * 1
def unpack_hook(t):
    print("unpack", t.requires_grad)
    return t
y.grad_fn._raw_saved_self.register_hooks(pack_hook, unpack_hook)
print(y.grad_fn._saved_self.equal(x), y.grad_fn._saved_self is x)
try: y.grad_fn._raw_saved_self.register_hooks(pack_hook, unpack_hook)
except Exception as e: print(type(e).__name__, e)
y.sum().backward()
print(x.grad.equal(2 * x))
try: y.grad_fn._raw_saved_self.register_hooks(pack_hook, unpack_hook)
except Exception as e: print(type(e).__name__, e)
z = x.exp()
z.grad_fn._raw_saved_result.register_hooks(pack_hook, unpack_hook)
print(z.grad_fn._saved_result.equal(z))
w = x * x.detach()
try: w.grad_fn._raw_saved_self.register_hooks(pack_hook, unpack_hook)
except Exception as e: print(type(e).__name__, e)
try: y.grad_fn._raw_saved_self.register_hooks(pack_hook)
except Exception as e: print(type(e).__name__, str(e).split('\n')[0])
try: y.grad_fn._raw_saved_self.register_hooks(1, 2)
except Exception as e: print(type(e).__name__, str(e).split('\n')[0])

# squeeze's and bmm's saved attributes (a negative dim shows as PyTorch's unsigned value).
v = torch.randn(1, 3, 1, requires_grad=True)
for f in [lambda: v.squeeze(), lambda: v.squeeze(-1), lambda: v.squeeze(0), lambda: v.squeeze((0, -1)),
          lambda: torch.bmm(v.expand(2, 3, 1), torch.randn(2, 1, 4))]:
    g = f().grad_fn
    names = sorted(n for n in dir(g) if n.startswith('_saved'))
    print(type(g).__name__, [(n, getattr(g, n).shape if isinstance(getattr(g, n), torch.Tensor) else getattr(g, n)) for n in names])
y = torch.bmm(v.expand(2, 3, 1), torch.randn(2, 1, 4, requires_grad=True))
print(type(y.grad_fn._raw_saved_mat2).__name__, type(y.grad_fn._raw_saved_self).__name__)
y.grad_fn._raw_saved_self.register_hooks(pack_hook, unpack_hook)
y.sum().backward()
print(v.grad.tolist())
