# More ATen kernels at the CPU's capability, float32 and float64, forward and backward:
# smooth L1 / Huber backward on broadcast and strided operands with beta/delta other than 1,
# nll_loss with a class weight of 0 at the target, grid_sample, bicubic interpolation, cdist,
# scans, embedding_bag and special functions, at sizes around 8, 16 and 32 lanes. Each line is a key, then a bit digest of the result (numel:d1:d2,
# Σ (bits mod p)·(i mod p + 1) for two primes p), or ERR and the exception's type.
import torch
import torch.nn.functional as F

from _cases import digest, grads, leaf, run

torch.set_num_threads(2)


torch.manual_seed(0)
for dname, dt in (("f32", torch.float32), ("f64", torch.float64)):
    for n in (7, 8, 9, 16, 17, 33):
        k = lambda name: "%s|%s|%d" % (name, dname, n)
        for beta in (0.0, 0.3, 0.5, 1.0, 2.5):
            kb = lambda name: "%s|%g" % (k(name), beta)
            for red in ("mean", "sum", "none"):
                kr = lambda name: "%s|%s" % (kb(name), red)
                x, t = leaf(3, n, dt=dt), leaf(1, n, dt=dt)
                run(kr("smooth_l1_bcast"), lambda: grads(F.smooth_l1_loss(x, t, reduction=red, beta=beta).reshape(-1), x, t))
                x, t = leaf(n, 3, dt=dt), leaf(3, n, dt=dt)
                run(kr("smooth_l1_strided"), lambda: grads(F.smooth_l1_loss(x, t.t(), reduction=red, beta=beta).reshape(-1), x, t))
                if beta > 0:
                    x, t = leaf(3, n, dt=dt), leaf(1, n, dt=dt)
                    run(kr("huber_bcast"), lambda: grads(F.huber_loss(x, t, reduction=red, delta=beta).reshape(-1), x, t))
                    x, t = leaf(3, n, dt=dt), leaf(3, n, dt=dt)
                    run(kr("huber_same"), lambda: grads(F.huber_loss(x, t, reduction=red, delta=beta).reshape(-1), x, t))
                    x, t = leaf(n, 3, dt=dt), leaf(3, n, dt=dt)
                    run(kr("huber_strided"), lambda: grads(F.huber_loss(x, t.t(), reduction=red, delta=beta).reshape(-1), x, t))
            x, t = leaf(3, n, dt=dt), leaf(3, n, dt=dt)
            run(kb("smooth_l1_sum_backward"), lambda: grads(F.smooth_l1_loss(x, t, reduction="none", beta=beta).sum().reshape(1), x, t))
        wt = torch.rand(5, dtype=dt)
        wt[0] = 0
        wt[3] = 0
        tg = torch.randint(0, 5, (n,))
        tg[0], tg[1] = 0, 3
        for red in ("mean", "sum", "none"):
            x = leaf(n, 5, dt=dt, lo=-3, hi=0)
            run(k("nll_weight0|" + red), lambda: grads(F.nll_loss(x, tg, weight=wt, reduction=red).reshape(-1), x))
            x = leaf(5, dt=dt, lo=-3, hi=0)
            run(k("nll_weight0_1d|" + red), lambda: grads(F.nll_loss(x, tg[1], weight=wt, reduction=red).reshape(-1), x))
            x = leaf(n, 5, dt=dt, lo=-3, hi=3)
            run(k("cross_entropy_weight0|" + red), lambda: grads(F.cross_entropy(x, tg, weight=wt, reduction=red).reshape(-1), x))
        x, g = leaf(2, 3, 5, n, dt=dt), leaf(2, 4, 6, 2, dt=dt, lo=-1.1, hi=1.1)
        for mode in ("bilinear", "nearest", "bicubic"):
            for pad in ("zeros", "border", "reflection"):
                run(k("grid_sample|%s|%s" % (mode, pad)), lambda: grads(F.grid_sample(x, g, mode=mode, padding_mode=pad, align_corners=False), x, g))
        x = leaf(2, 3, 5, n, dt=dt)
        for ac in (False, True):
            run(k("bicubic|%s" % ac), lambda: grads(F.interpolate(x, scale_factor=1.7, mode="bicubic", align_corners=ac), x))
            run(k("bicubic_aa|%s" % ac), lambda: grads(F.interpolate(x, size=(3, 4), mode="bicubic", align_corners=ac, antialias=True), x))
        a, b = leaf(4, n, dt=dt), leaf(5, n, dt=dt)
        for p in (1.0, 2.0, 3.0, 0.5, float("inf")):
            run(k("cdist|%g" % p), lambda: grads(torch.cdist(a, b, p=p), a, b))
        x = leaf(3, n, dt=dt)
        run(k("cumsum"), lambda: grads(torch.cumsum(x, 1), x))
        run(k("cumprod"), lambda: grads(torch.cumprod(x, 1), x))
        run(k("logcumsumexp"), lambda: grads(torch.logcumsumexp(x, 1), x))
        run(k("cummax"), lambda: grads(torch.cummax(x, 1).values, x))
        wemb = leaf(10, n, dt=dt)
        idx, off = torch.randint(0, 10, (12,)), torch.tensor([0, 3, 7])
        for mode in ("sum", "mean", "max"):
            run(k("embedding_bag|" + mode), lambda: grads(F.embedding_bag(idx, wemb, off, mode=mode), wemb))
        x = leaf(3, n, dt=dt, lo=0.1, hi=6)
        for name in ("digamma", "lgamma", "erfinv", "i0", "special.i0e", "special.i1", "special.i1e", "special.ndtri",
                     "special.log_ndtr", "special.erfcx", "special.entr", "special.sinc", "special.xlog1py", "polygamma1",
                     "special.zeta", "special.bessel_j0", "special.bessel_j1", "special.spherical_bessel_j0", "special.ndtr"):
            def f(name=name):
                if name == "polygamma1":
                    return grads(torch.polygamma(1, x), x)
                if name == "erfinv":
                    return [torch.erfinv(x.detach() / 6.5)]
                if name == "special.ndtri":
                    return [torch.special.ndtri(x.detach() / 6.5)]
                if name in ("special.xlog1py", "special.zeta"):
                    return [getattr(torch.special, name.split(".")[1])(x.detach() + 1, x.detach())]
                fn = getattr(torch.special, name.split(".")[1]) if "." in name else getattr(torch, name)
                y = fn(x)
                return grads(y, x) if y.requires_grad else [y]
            run(k(name), f)
            x.grad = None

# Complex sgn and square (pow_tensor_scalar): ALSO_REGISTER_AVX512_DISPATCH kernels.
for dname, dt in (("c64", torch.complex64), ("c128", torch.complex128)):
    for n in (7, 8, 9, 16, 17, 33, 37, 45):
        k = lambda name: "%s|%s|%d" % (name, dname, n)
        z = torch.complex(torch.randn(3, n) * 3, torch.randn(3, n)).to(dt)
        z[0, 3 % n] = 0
        run(k("sgn"), lambda: [torch.view_as_real(z.sgn())])
        run(k("sgn_strided"), lambda: [torch.view_as_real(z[:, ::2].sgn())])
        run(k("pow2"), lambda: [torch.view_as_real(z ** 2)])
        run(k("square"), lambda: [torch.view_as_real(z.square())])
        run(k("pow2_t"), lambda: [torch.view_as_real(z.t() ** 2)])

# Complex pow(·, 2) and pow(·, 3) at odd sizes and one large one: ATen's vectorised head,
# then basic_loop's tail, where GCC fuses some products and not others (by product and
# capability); contiguous, transposed (dense) and strided (one coalesced strided loop).
for dname, dt in (("c64", torch.complex64), ("c128", torch.complex128)):
    for n in (1, 3, 17, 33, 1001):
        k = lambda name: "%s|%s|%d" % (name, dname, n)
        z = torch.complex(torch.randn(3, n) * 3, torch.randn(3, n)).to(dt)
        for e in (2, 3):
            run(k("pow%d_odd" % e), lambda: [torch.view_as_real(z ** e)])
            run(k("pow%d_odd_t" % e), lambda: [torch.view_as_real(z.t() ** e)])
            run(k("pow%d_odd_strided" % e), lambda: [torch.view_as_real(z[:, ::2] ** e)])
            run(k("pow%d_odd_row" % e), lambda: [torch.view_as_real(z[1] ** e)])

# float64 bicubic backward at 8, 16 and 32 columns, a fresh input per case (no gradient
# carried over), with align_corners both ways: source indices that land just below an
# integer are floored through float and their fraction clamped, as the forward does.
for n in (8, 16, 32):
    for ac in (False, True):
        k = lambda name: "%s|%s|f64|%d" % (name, ac, n)
        for name, f in (("bicubic_fresh", lambda x: F.interpolate(x, scale_factor=1.7, mode="bicubic", align_corners=ac)),
                        ("bicubic_fresh_size", lambda x: F.interpolate(x, size=(7, 2 * n - 1), mode="bicubic", align_corners=ac)),
                        ("bicubic_aa_fresh", lambda x: F.interpolate(x, size=(3, 4), mode="bicubic", align_corners=ac, antialias=True))):
            x = leaf(2, 3, 5, n, dt=torch.float64)
            run(k(name), lambda: grads(f(x), x))
