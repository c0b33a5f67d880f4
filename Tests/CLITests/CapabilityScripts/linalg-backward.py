# linalg-backward: gradients of linalg.matrix_exp, linalg.matrix_power (positive, 0, -1 and
# other negative powers), linalg.polar (U and H, each alone and both) and
# linalg.matrix_sqrth on random (batched) float32/float64 matrices: PyTorch 2.15's backward
# formulas op for op. Every line starts with its case number (the key of NAME.CAP.known).
import torch, random
def b(t): return [list(t.shape), t.reshape(-1).view(torch.int64 if t.dtype == torch.float64 else torch.int32).tolist()[:5], int((t.reshape(-1).view(torch.int64 if t.dtype == torch.float64 else torch.int32).long() * (torch.arange(t.numel()) % 997 + 1)).sum())]
for i in range(120):
    rng = random.Random(i); torch.manual_seed(i)
    dt = rng.choice([torch.float32, torch.float64])
    n = rng.choice([1, 2, 3, 4, 6]); m = n + rng.choice([0, 0, 1, 3])
    batch = rng.choice([[], [], [2]])
    kind = rng.choice(["polar", "polarU", "polarH", "sqrth", "exp", "pow", "pow0", "pow-1", "pow-3"])
    try:
        if kind.startswith("polar"):
            A = torch.randn(batch + [m, n], dtype=dt, requires_grad=True)
            U, H = torch.linalg.polar(A)
            outs = {"polar": (U, H), "polarU": (U,), "polarH": (H,)}[kind]
        elif kind == "sqrth":
            S = torch.randn(batch + [n, n], dtype=dt); A = (S @ S.mT + 0.1 * torch.eye(n, dtype=dt)).requires_grad_(True)
            outs = (torch.linalg.matrix_sqrth(A),)
        else:
            A = (torch.randn(batch + [n, n], dtype=dt) * rng.choice([0.3, 1.0])).requires_grad_(True)
            if kind == "exp": outs = (torch.linalg.matrix_exp(A),)
            else:
                p = {"pow": rng.choice([2, 3, 5, 6]), "pow0": 0, "pow-1": -1, "pow-3": -3}[kind]
                outs = (torch.linalg.matrix_power(A, p),)
        gs = tuple(torch.randn(o.shape, dtype=dt) for o in outs)
        print(f"{i}:@", kind, dt, batch, m, n, [type(o.grad_fn).__name__ for o in outs])
        for o in outs: print(f"{i}:r", b(o.detach()))
        gA, = torch.autograd.grad(outs, A, gs)
        print(f"{i}:g", b(gA))
    except Exception as e:
        print(f"{i}:E", kind, type(e).__name__, str(e)[:120])
