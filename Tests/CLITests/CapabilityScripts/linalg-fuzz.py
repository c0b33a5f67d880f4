# torch.linalg forward and backward, differential fuzz: 140 random cases over the
# factorizations, solves, norms and products (op, dtype, sizes and batch drawn from one
# seeded generator), then targeted cases for the backward formulas whose branches the fuzz
# reaches rarely: both factors of lu (square, wide, tall), lu_solve's left/adjoint
# variants, triangular_solve's flags and its cloned coefficient, cholesky_solve and
# cholesky_inverse with upper=True, qr's wide case and partial gradients, svd's and
# eigh's vector gradients, lstsq's vector and broadcast right sides, inf-norm ties, and
# batches broadcast over two dims (their gradients summed as the engine's at::sum_to sums).
# Each line is a case key and a bit digest of its outputs and gradients.
import torch
import random
from _cases import run, leaf, grads

torch.manual_seed(0)  # the first case draws before any per-case seed
rng = random.Random(777)
L = torch.linalg

for i in range(140):
    dt = rng.choice([torch.float32, torch.float64])
    n = rng.choice([1, 2, 3, 4, 5, 8, 13])
    m = rng.choice([1, 2, 3, 5, 7])
    b = rng.choice([(), (), (2,), (3, 2)])
    op = rng.choice(["solve", "inv", "det", "slogdet", "qr", "svd", "svdvals", "eigh", "eigvalsh", "cholesky",
                     "lstsq", "pinv", "matrix_norm_fro", "matrix_norm_nuc", "matrix_norm_2", "cond", "lu_factor",
                     "lu", "solve_triangular", "matrix_power", "vector_norm", "multi_dot", "cross", "tensorsolve",
                     "logdet", "cholesky_solve", "triangular_solve", "matrix_rank", "lu_solve", "inv_ex", "eigvals",
                     "norm", "trace", "vecdot", "householder", "cholesky_inverse"])
    tag = "%d|%s|%s|n%d|m%d|b%s" % (i, op, str(dt)[-7:], n, m, "x".join(map(str, b)))
    def f(op=op, dt=dt, n=n, m=m, b=b):
        def spd():
            a = torch.rand(*b, n, n, dtype=dt) - 0.5
            s = (a @ a.mT + n * torch.eye(n, dtype=dt)).requires_grad_()
            return s
        if op == "solve":
            a = leaf(*b, n, n, dt=dt); y = leaf(*b, n, m, dt=dt)
            return grads(L.solve(a, y), a, y)
        if op == "inv":
            a = leaf(*b, n, n, dt=dt); return grads(L.inv(a), a)
        if op == "inv_ex":
            a = leaf(*b, n, n, dt=dt); return grads(L.inv_ex(a)[0], a)
        if op == "det":
            a = leaf(*b, n, n, dt=dt); return grads(L.det(a), a)
        if op == "logdet":
            s = spd(); return grads(torch.logdet(s), s)
        if op == "slogdet":
            a = leaf(*b, n, n, dt=dt); r = L.slogdet(a); return grads(r[1], a) + [r[0]]
        if op == "qr":
            a = leaf(*b, n + m, n, dt=dt); q, r = L.qr(a); g = grads(q * 1.0 + 0, a)
            return g + [r]
        if op == "svd":
            a = leaf(*b, n, n + m, dt=dt); u, s, vh = L.svd(a, full_matrices=False)
            return grads(s, a)
        if op == "svdvals":
            a = leaf(*b, n + m, n, dt=dt); return grads(L.svdvals(a), a)
        if op == "eigh":
            s = spd(); w, v = L.eigh(s); return grads(w, s)
        if op == "eigvalsh":
            s = spd(); return grads(L.eigvalsh(s), s)
        if op == "eigvals":
            a = leaf(*b, n, n, dt=dt); w = L.eigvals(a); return [torch.view_as_real(w)]
        if op == "cholesky":
            s = spd(); return grads(L.cholesky(s), s)
        if op == "cholesky_inverse":
            s = spd(); c = L.cholesky(s).detach().requires_grad_(); return grads(torch.cholesky_inverse(c), c)
        if op == "cholesky_solve":
            s = spd(); c = L.cholesky(s).detach().requires_grad_(); y = leaf(*b, n, m, dt=dt)
            return grads(torch.cholesky_solve(y, c), y, c)
        if op == "lstsq":
            a = leaf(*b, n + m, n, dt=dt); y = leaf(*b, n + m, 2, dt=dt)
            return grads(L.lstsq(a, y).solution, a, y)
        if op == "pinv":
            a = leaf(*b, n, n + m, dt=dt); return grads(L.pinv(a), a)
        if op == "matrix_norm_fro":
            a = leaf(*b, n, m, dt=dt); return grads(L.matrix_norm(a), a)
        if op == "matrix_norm_nuc":
            a = leaf(*b, n, m, dt=dt); return grads(L.matrix_norm(a, "nuc"), a)
        if op == "matrix_norm_2":
            a = leaf(*b, n, m, dt=dt); return grads(L.matrix_norm(a, 2), a)
        if op == "cond":
            a = leaf(*b, n, n, dt=dt); return [L.cond(a)]
        if op == "lu_factor":
            a = leaf(*b, n, n, dt=dt); lu, piv = L.lu_factor(a); return grads(lu, a) + [piv.to(dt)]
        if op == "lu":
            a = leaf(*b, n, n + m, dt=dt); p, l, u = L.lu(a); return grads(u, a) + [l]
        if op == "lu_solve":
            a = leaf(*b, n, n, dt=dt); lu, piv = L.lu_factor(a); y = leaf(*b, n, m, dt=dt)
            return grads(L.lu_solve(lu, piv, y), y, a)
        if op == "solve_triangular":
            a = (torch.rand(*b, n, n, dtype=dt) + n * torch.eye(n, dtype=dt)).triu().requires_grad_()
            y = leaf(*b, n, m, dt=dt); return grads(L.solve_triangular(a, y, upper=True), a, y)
        if op == "triangular_solve":
            a = (torch.rand(*b, n, n, dtype=dt) + n * torch.eye(n, dtype=dt)).tril().requires_grad_()
            y = leaf(*b, n, m, dt=dt); return grads(torch.triangular_solve(y, a, upper=False)[0], a, y)
        if op == "matrix_power":
            a = leaf(*b, n, n, dt=dt); return grads(L.matrix_power(a, m), a)
        if op == "vector_norm":
            a = leaf(*b, n, m, dt=dt); o = rng.choice([1, 2, 3, 0.5, float("inf")]); return grads(L.vector_norm(a, o, dim=-1), a)
        if op == "norm":
            a = leaf(*b, n, m, dt=dt); return grads(torch.norm(a), a)
        if op == "multi_dot":
            a, c, d = leaf(n, m, dt=dt), leaf(m, n + 1, dt=dt), leaf(n + 1, 3, dt=dt)
            return grads(L.multi_dot([a, c, d]), a, c, d)
        if op == "cross":
            a, c = leaf(*b, n, 3, dt=dt), leaf(*b, n, 3, dt=dt); return grads(L.cross(a, c), a, c)
        if op == "tensorsolve":
            a = leaf(n, 2, n * 2, dt=dt); y = leaf(n, 2, dt=dt); return grads(L.tensorsolve(a, y), a, y)
        if op == "matrix_rank":
            a = leaf(*b, n, n + m, dt=dt); return [L.matrix_rank(a).to(dt)]
        if op == "trace":
            a = leaf(n, n + m, dt=dt); return grads(torch.trace(a), a)
        if op == "vecdot":
            a, c = leaf(*b, n, m, dt=dt), leaf(*b, n, m, dt=dt); return grads(L.vecdot(a, c), a, c)
        if op == "householder":
            a = leaf(n + m, n, dt=dt); tau = leaf(n, dt=dt); return [L.householder_product(a.detach(), tau.detach())]
    run(tag, f)


F32, F64 = torch.float32, torch.float64


def weighted(*outs):
    """sum(out * g) over outputs, g uniform in [-0.5, 0.5): its backward hands each
    output exactly g."""
    total = 0
    for o in outs:
        total = total + (o * (torch.rand(o.shape, dtype=o.dtype) - 0.5)).sum()
    return total


def spd(b, n, dt):
    a = torch.rand(*b, n, n, dtype=dt) - 0.5
    return (a @ a.mT + n * torch.eye(n, dtype=dt)).requires_grad_()


for dt in (F32, F64):
    sfx = str(dt)[-7:]
    for (m, n) in [(4, 4), (3, 5), (5, 3), (1, 3), (3, 1), (6, 6)]:
        def f(m=m, n=n, dt=dt):
            a = leaf(2, m, n, dt=dt); p, l, u = L.lu(a); weighted(l, u).backward()
            return [l, u, a.grad]
        run("x|lu-LU|%s|%dx%d" % (sfx, m, n), f)

        def f(m=m, n=n, dt=dt):
            a = leaf(m, n, dt=dt); p, l, u = L.lu(a); weighted(l).backward()
            return [a.grad]
        run("x|lu-L|%s|%dx%d" % (sfx, m, n), f)

        def f(m=m, n=n, dt=dt):
            a = leaf(m, n, dt=dt); lu, piv = L.lu_factor(a); weighted(lu).backward()
            return [lu, a.grad]
        run("x|lu_factor|%s|%dx%d" % (sfx, m, n), f)
    for left in (True, False):
        for adjoint in (False, True):
            def f(left=left, adjoint=adjoint, dt=dt):
                a = leaf(2, 4, 4, dt=dt); lu, piv = L.lu_factor(a)
                y = leaf(2, 4, 3, dt=dt) if left else leaf(2, 3, 4, dt=dt)
                x = L.lu_solve(lu, piv, y, left=left, adjoint=adjoint); weighted(x).backward()
                return [x, y.grad, a.grad]
            run("x|lu_solve|%s|left%d|adj%d" % (sfx, left, adjoint), f)
    for upper in (True, False):
        for transpose in (False, True):
            for unit in (False, True):
                def f(upper=upper, transpose=transpose, unit=unit, dt=dt):
                    t = torch.rand(2, 4, 4, dtype=dt) + 4 * torch.eye(4, dtype=dt)
                    a = (t.triu() if upper else t.tril()).requires_grad_()
                    y = leaf(2, 4, 3, dt=dt)
                    r = torch.triangular_solve(y, a, upper=upper, transpose=transpose, unitriangular=unit)
                    weighted(r.solution, r.cloned_coefficient).backward()
                    return [r.solution, y.grad, a.grad]
                run("x|triangular_solve|%s|u%d|t%d|unit%d" % (sfx, upper, transpose, unit), f)
    for upper in (False, True):
        def f(upper=upper, dt=dt):
            c = L.cholesky(spd((2,), 4, dt), upper=upper).detach().requires_grad_(); y = leaf(2, 4, 3, dt=dt)
            x = torch.cholesky_solve(y, c, upper=upper); weighted(x).backward()
            return [x, y.grad, c.grad]
        run("x|cholesky_solve|%s|upper%d" % (sfx, upper), f)

        def f(upper=upper, dt=dt):
            c = L.cholesky(spd((), 5, dt), upper=upper).detach().requires_grad_()
            x = torch.cholesky_inverse(c, upper=upper); weighted(x).backward()
            return [x, c.grad]
        run("x|cholesky_inverse|%s|upper%d" % (sfx, upper), f)
    for (m, n) in [(6, 4), (4, 6), (5, 5)]:
        for which in ("QR", "Q", "R"):
            def f(m=m, n=n, which=which, dt=dt):
                a = leaf(2, m, n, dt=dt); q, r = L.qr(a)
                weighted(*([q] if "Q" in which else []) + ([r] if "R" in which else [])).backward()
                return [q, r, a.grad]
            run("x|qr-%s|%s|%dx%d" % (which, sfx, m, n), f)
        for which in ("USV", "U", "V", "S-full"):
            def f(m=m, n=n, which=which, dt=dt):
                a = leaf(m, n, dt=dt); u, s, vh = L.svd(a, full_matrices=which == "S-full")
                outs = {"USV": [u, s, vh], "U": [u], "V": [vh], "S-full": [s]}[which]
                weighted(*outs).backward()
                return [s, a.grad]
            run("x|svd-%s|%s|%dx%d" % (which, sfx, m, n), f)
    for which in ("LV", "V"):
        def f(which=which, dt=dt):
            s = spd((2,), 5, dt); w, v = L.eigh(s); weighted(*([w, v] if which == "LV" else [v])).backward()
            return [w, s.grad]
        run("x|eigh-%s|%s" % (which, sfx), f)
    def f(dt=dt):
        a = leaf(6, 3, dt=dt); y = leaf(6, dt=dt); x = L.lstsq(a, y).solution; weighted(x).backward()
        return [x, a.grad, y.grad]
    run("x|lstsq-vector|%s" % sfx, f)
    def f(dt=dt):
        a = leaf(1, 5, 3, dt=dt); y = leaf(2, 5, 2, dt=dt); x = L.lstsq(a, y).solution; weighted(x).backward()
        return [x, a.grad, y.grad]
    run("x|lstsq-broadcast|%s" % sfx, f)
    for o in (float("inf"), float("-inf")):
        def f(o=o, dt=dt):
            a = torch.tensor([[1.0, -1.0, 0.5], [0.0, 0.0, 0.0], [-2.0, 2.0, -2.0]], dtype=dt).requires_grad_()
            r = L.vector_norm(a, o, dim=-1); weighted(r).backward()
            return [r, a.grad]
        run("x|vector_norm-ties|%s|%s" % (sfx, o), f)

# Broadcast batches: the gradient of the broadcast input is summed over every broadcast
# dim at once (at::sum_to), as the engine reduces it.
for dt in (F32, F64):
    sfx = str(dt)[-7:]
    def f(dt=dt):
        a = leaf(6, 6, dt=dt); lu, piv = L.lu_factor(a); y = leaf(3, 5, 6, 2, dt=dt)
        x = L.lu_solve(lu, piv, y); weighted(x).backward()
        return [x, y.grad, a.grad]
    run("b|lu_solve|%s" % sfx, f)
    def f(dt=dt):
        c = L.cholesky(spd((), 6, dt)).detach().requires_grad_(); y = leaf(3, 5, 6, 2, dt=dt)
        x = torch.cholesky_solve(y, c); weighted(x).backward()
        return [x, y.grad, c.grad]
    run("b|cholesky_solve|%s" % sfx, f)
    def f(dt=dt):
        a = (torch.rand(1, 5, 5, dtype=dt) + 5 * torch.eye(5, dtype=dt)).triu().requires_grad_(); y = leaf(3, 1, 5, 2, dt=dt)
        r = torch.triangular_solve(y, a); weighted(r.solution).backward()
        return [r.solution, y.grad, a.grad]
    run("b|triangular_solve|%s" % sfx, f)
    def f(dt=dt):
        a = (torch.rand(5, 5, dtype=dt) + 5 * torch.eye(5, dtype=dt)).tril().requires_grad_(); y = leaf(2, 3, 5, 4, dt=dt)
        x = L.solve_triangular(a, y, upper=False); weighted(x).backward()
        return [x, y.grad, a.grad]
    run("b|solve_triangular|%s" % sfx, f)
    def f(dt=dt):
        a = leaf(1, 1, 6, 3, dt=dt); y = leaf(2, 3, 6, 2, dt=dt); x = L.lstsq(a, y).solution; weighted(x).backward()
        return [x, a.grad, y.grad]
    run("b|lstsq|%s" % sfx, f)
