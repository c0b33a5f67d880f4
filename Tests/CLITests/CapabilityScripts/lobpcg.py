# torch.lobpcg on small symmetric positive definite problems (the fuzz kept outside the
# repository, 200 cases, cut to 60): float32/float64, generalized (B), given X or the
# default randn draw (n larger than k too), largest True/False, "basic" and "ortho",
# niter and tol limits, ortho_use_drop, batches; eigenvalues and eigenvector bits, and
# the generator's state after the call; PyTorch's error when m < 3 n.
import random
import torch
lob = torch.lobpcg
N = 60
def bits(t):
    t = t.detach().reshape(-1)
    return t.view(torch.int32).tolist() if t.dtype == torch.float32 else t.view(torch.int64).tolist()
for i in range(N):
    rng = random.Random(i); torch.manual_seed(i)
    print('@', i)
    try:
        dt = torch.float64 if rng.random() < 0.6 else torch.float32
        m = rng.choice([6, 8, 10, 12, 16])
        k = rng.choice([1, 1, 2, 3])
        A = torch.randn(m, m, dtype=dt); A = A @ A.mT + m * torch.eye(m, dtype=dt) * rng.choice([0.1, 1.0])
        kw = {}
        if rng.random() < 0.3:
            Bm = torch.randn(m, m, dtype=dt); kw['B'] = Bm @ Bm.mT + m * torch.eye(m, dtype=dt)
        if rng.random() < 0.3:
            kw['X'] = torch.randn(m, k + rng.choice([0, 1]), dtype=dt)
        elif rng.random() < 0.3:
            kw['n'] = k + 1
        if rng.random() < 0.5: kw['largest'] = rng.random() < 0.5
        if rng.random() < 0.4: kw['method'] = rng.choice(['basic', 'ortho'])
        if rng.random() < 0.3: kw['niter'] = rng.choice([1, 3, 10])
        if rng.random() < 0.2: kw['tol'] = 1e-4
        if rng.random() < 0.2: kw['ortho_bparams'] = {'ortho_use_drop': True}
        if rng.random() < 0.15:
            A = torch.stack([A, A * 2])
            if 'B' in kw: kw['B'] = torch.stack([kw['B'], kw['B']])
            if 'X' in kw: kw['X'] = torch.stack([kw['X'], kw['X'] + 1])
        print('cfg', dt, m, k, sorted(kw))
        E, X = lob(A, k=k, **kw)
        print('E', E.shape, bits(E))
        print('X', X.shape, bits(X)[:8])
        print('state', bits(torch.randn(1, dtype=dt)))
    except Exception as e:
        print('EXC', type(e).__name__, e)
