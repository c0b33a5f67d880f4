# nn-level ATen kernels at sizes below, at and above 8, 16 and 32 vector lanes, float32 and
# float64: normalisation, losses, activations, optimizer steps, pooling, upsampling, scans and reductions,
# forward and backward. Each line is a key, then a bit digest of the result (numel:d1:d2,
# Σ (bits mod p)·(i mod p + 1) for two primes p), or ERR and the exception's type.
import torch
import torch.nn.functional as F

from _cases import digest, grads, leaf, run

torch.set_num_threads(2)


torch.manual_seed(0)
for dname, dt in (("f32", torch.float32), ("f64", torch.float64)):
    for n in (7, 8, 9, 15, 16, 17, 31, 32, 33, 100):
        k = lambda name: "%s|%s|%d" % (name, dname, n)
        x, w, b = leaf(4, n, dt=dt), leaf(n, dt=dt), leaf(n, dt=dt)
        run(k("layer_norm"), lambda: grads(F.layer_norm(x, (n,), w, b), x, w, b))
        x, w, b = leaf(2, 4, n, dt=dt), leaf(4, dt=dt), leaf(4, dt=dt)
        run(k("group_norm"), lambda: grads(F.group_norm(x, 2, w, b), x, w, b))
        x, w, b = leaf(3, 4, n, dt=dt), leaf(4, dt=dt), leaf(4, dt=dt)
        rm, rv = torch.zeros(4, dtype=dt), torch.ones(4, dtype=dt)
        run(k("batch_norm_train"), lambda: grads(F.batch_norm(x, rm, rv, w, b, training=True), x, w, b) + [rm, rv])
        x, w, b = leaf(3, 4, n, dt=dt), leaf(4, dt=dt), leaf(4, dt=dt)
        rm, rv = torch.rand(4, dtype=dt), torch.rand(4, dtype=dt) + 0.5
        run(k("batch_norm_eval"), lambda: grads(F.batch_norm(x, rm, rv, w, b, training=False), x, w, b))
        x, w, b = leaf(n, 5, dt=dt), leaf(5, dt=dt), leaf(5, dt=dt)
        rm, rv = torch.zeros(5, dtype=dt), torch.ones(5, dtype=dt)
        run(k("batch_norm_1d"), lambda: grads(F.batch_norm(x, rm, rv, w, b, training=True), x, w, b) + [rm, rv])
        x = leaf(3, n, dt=dt, lo=-4, hi=4)
        run(k("softmax_backward"), lambda: grads(torch.softmax(x, 1), x))
        x = leaf(3, n, dt=dt, lo=-4, hi=4)
        run(k("log_softmax_backward"), lambda: grads(torch.log_softmax(x, 1), x))
        x = leaf(n, 3, dt=dt, lo=-4, hi=4)
        run(k("softmax_dim0_backward"), lambda: grads(torch.softmax(x, 0), x))
        x, t = leaf(4, n, dt=dt, lo=-3, hi=3), torch.randint(0, n, (4,))
        run(k("cross_entropy"), lambda: grads(F.cross_entropy(x, t), x))
        x = leaf(4, n, dt=dt, lo=-3, hi=3)
        run(k("cross_entropy_smooth"), lambda: grads(F.cross_entropy(x, t, label_smoothing=0.1), x))
        x, t2 = leaf(n, 5, dt=dt, lo=-3, hi=3), torch.randint(0, 5, (n,))
        run(k("cross_entropy_batch"), lambda: grads(F.cross_entropy(x, t2), x))
        x = leaf(n, 5, dt=dt, lo=-3, hi=3)
        p = torch.softmax(torch.rand(n, 5, dtype=dt), 1)
        run(k("cross_entropy_probs"), lambda: grads(F.cross_entropy(x, p), x))
        x = leaf(n, 5, dt=dt, lo=-3, hi=0)
        run(k("nll_loss"), lambda: grads(F.nll_loss(x, t2), x))
        x = leaf(n, 5, dt=dt, lo=-3, hi=0)
        run(k("nll_loss_sum"), lambda: grads(F.nll_loss(x, t2, reduction="sum"), x))
        for name, loss, lo, hi, lo2, hi2 in (
                ("mse_loss", F.mse_loss, -3, 3, -3, 3), ("l1_loss", F.l1_loss, -3, 3, -3, 3),
                ("smooth_l1_loss", F.smooth_l1_loss, -3, 3, -3, 3), ("huber_loss", F.huber_loss, -3, 3, -3, 3),
                ("binary_cross_entropy", F.binary_cross_entropy, 0.01, 0.99, 0, 1),
                ("bce_with_logits", F.binary_cross_entropy_with_logits, -4, 4, 0, 1)):
            x = leaf(3, n, dt=dt, lo=lo, hi=hi)
            y = torch.rand(3, n, dtype=dt) * (hi2 - lo2) + lo2
            run(k(name), lambda: grads(loss(x, y), x))
            x = leaf(3, n, dt=dt, lo=lo, hi=hi)
            run(k(name + "_none"), lambda: grads(loss(x, y, reduction="none"), x))
        for name, f in (("smooth_l1_beta", lambda x, y: F.smooth_l1_loss(x, y, beta=0.5)),
                        ("smooth_l1_beta_none", lambda x, y: F.smooth_l1_loss(x, y, beta=0.5, reduction="none")),
                        ("huber_delta", lambda x, y: F.huber_loss(x, y, delta=0.5)),
                        ("huber_delta_none", lambda x, y: F.huber_loss(x, y, delta=0.5, reduction="none"))):
            x = leaf(3, n, dt=dt, lo=-3, hi=3)
            y = torch.rand(3, n, dtype=dt) * 6 - 3
            run(k(name), lambda: grads(f(x, y), x))
        for name, f in (("gelu", F.gelu), ("gelu_tanh", lambda x: F.gelu(x, approximate="tanh")), ("silu", F.silu),
                        ("mish", F.mish), ("elu", F.elu), ("softplus", F.softplus), ("logsigmoid", F.logsigmoid),
                        ("hardswish", F.hardswish), ("hardsigmoid", F.hardsigmoid), ("softshrink", F.softshrink),
                        ("hardshrink", F.hardshrink), ("leaky_relu", F.leaky_relu), ("sigmoid", torch.sigmoid),
                        ("tanh", torch.tanh)):
            x = leaf(3, n, dt=dt, lo=-4, hi=4)
            run(k(name), lambda: grads(f(x), x))
        for name, make in (("adam", lambda ps: torch.optim.Adam(ps, lr=0.01)),
                           ("adamw", lambda ps: torch.optim.AdamW(ps, lr=0.01, weight_decay=0.1)),
                           ("adam_amsgrad", lambda ps: torch.optim.Adam(ps, lr=0.01, amsgrad=True)),
                           ("sgd_momentum", lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, nesterov=True)),
                           ("sgd_wd", lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=0.01))):
            ps = [leaf(n, dt=dt), leaf(3, n, dt=dt)]
            gs = [[torch.rand(q.shape, dtype=dt) - 0.5 for q in ps] for _ in range(3)]
            def steps():
                opt = make(ps)
                for g in gs:
                    for q, gq in zip(ps, g):
                        q.grad = gq.clone()
                    opt.step()
                return ps
            run(k(name), steps)
        x = leaf(2, 3, n, dt=dt)
        run(k("max_pool1d"), lambda: grads(F.max_pool1d(x, 3, 2), x))
        x = leaf(2, 3, n, dt=dt)
        run(k("avg_pool1d"), lambda: grads(F.avg_pool1d(x, 3, 2, padding=1), x))
        x = leaf(1, 3, 6, n, dt=dt)
        run(k("max_pool2d"), lambda: grads(F.max_pool2d(x, 2), x))
        x = leaf(1, 3, 6, n, dt=dt)
        run(k("avg_pool2d"), lambda: grads(F.avg_pool2d(x, 3, 2, padding=1, count_include_pad=False), x))
        x = leaf(2, n, 6, 7, dt=dt)
        run(k("max_pool2d_channels"), lambda: grads(F.max_pool2d(x, 2), x))
        x = leaf(2, n, 6, 7, dt=dt)
        run(k("avg_pool2d_channels"), lambda: grads(F.avg_pool2d(x, 2), x))
        x = leaf(1, 3, 6, n, dt=dt)
        run(k("adaptive_avg_pool2d"), lambda: grads(F.adaptive_avg_pool2d(x, (4, 5)), x))
        x = leaf(2, n, 6, 7, dt=dt)
        run(k("adaptive_avg_pool2d_channels"), lambda: grads(F.adaptive_avg_pool2d(x, 1), x))
        x = leaf(1, 2, 4, n, dt=dt)
        run(k("upsample_nearest"), lambda: grads(F.interpolate(x, scale_factor=2, mode="nearest"), x))
        x = leaf(1, 2, 4, n, dt=dt)
        run(k("upsample_bilinear"), lambda: grads(F.interpolate(x, scale_factor=2, mode="bilinear"), x))
        x = leaf(1, 2, 4, n, dt=dt)
        run(k("upsample_bilinear_ac"), lambda: grads(F.interpolate(x, size=(7, n + 3), mode="bilinear", align_corners=True), x))
        x = leaf(1, n, 4, 5, dt=dt)
        run(k("upsample_bilinear_channels"), lambda: grads(F.interpolate(x, scale_factor=2, mode="bilinear"), x))
        x = leaf(3, n, dt=dt)
        run(k("cumsum"), lambda: grads(x.cumsum(1), x))
        x = leaf(3, n, dt=dt, lo=0.9, hi=1.1)
        run(k("cumprod"), lambda: grads(x.cumprod(1), x))
        x = leaf(n, 3, dt=dt)
        run(k("cumsum_dim0"), lambda: grads(x.cumsum(0), x))
        x = leaf(3, n, dt=dt, lo=-4, hi=4)
        run(k("logsumexp"), lambda: grads(torch.logsumexp(x, 1), x))
        x = leaf(n, 3, dt=dt, lo=-4, hi=4)
        run(k("logsumexp_dim0"), lambda: grads(torch.logsumexp(x, 0), x))
        x = leaf(3, n, 5, dt=dt)
        for d in (0, 1, 2, (0, 2), (1, 2)):
            run(k("sum_%s" % (d,)), lambda: [x.sum(d)])
            run(k("mean_%s" % (d,)), lambda: [x.mean(d)])
            run(k("var_%s" % (d,)), lambda: [x.var(d)])
        x = leaf(3, n, dt=dt)
        run(k("sum_all"), lambda: [x.sum(), x.mean(), x.var(), x.std(), x.norm()])
        w = leaf(10, n, dt=dt)
        idx = torch.randint(0, 10, (6, 5))
        run(k("embedding"), lambda: grads(F.embedding(idx, w), w))
        w = leaf(n, 4, dt=dt)
        idx = torch.randint(0, n, (3, 9))
        run(k("embedding_rows"), lambda: grads(F.embedding(idx, w), w))
        ps = [leaf(n, dt=dt), leaf(3, n, dt=dt)]
        def clip():
            for q in ps:
                q.grad = torch.rand(q.shape, dtype=dt) - 0.5
            total = torch.nn.utils.clip_grad_norm_(ps, 0.5)
            return [total] + [q.grad for q in ps]
        run(k("clip_grad_norm"), clip)
