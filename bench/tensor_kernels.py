# PyTorch's side of bench/TensorBench: the same kernels, same sizes, best of 3.
import time, torch

def bench(name, repeats, fn, unit="us"):
    fn()
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for _ in range(repeats):
            fn()
        best = min(best, (time.perf_counter() - t) / repeats)
    print(f"{name:<28} {best * (1e9 if unit == 'ns' else 1e6):10.2f} {unit}")

torch.manual_seed(0)
small = torch.ones(3)
bench("small x*1.0001+0.0001", 100000, lambda: small * 1.0001 + 0.0001, "ns")
x = torch.randn(1000000); y = torch.randn(1000000)
bench("1M mul scalar", 50, lambda: x * 1.5)
bench("1M add tensor", 50, lambda: x + y)
bench("1M relu", 50, lambda: x.relu())
bench("1M exp", 20, lambda: x.exp())
bench("1M sin", 20, lambda: x.sin())
bench("1M tanh", 20, lambda: x.tanh())
bench("1M sum", 50, lambda: x.sum())
m = x.view(1000, 1000)
bench("1000x1000 sum(dim=0)", 20, lambda: m.sum(0))
bench("1000x1000 sum(dim=1)", 20, lambda: m.sum(1))
bench("1000x1000 softmax(dim=1)", 10, lambda: m.softmax(1))
bench("1000x1000 t().contiguous()", 20, lambda: m.t().contiguous())
a = torch.randn(1024, 1024); b = torch.randn(1024, 1024)
a @ b
best = min((lambda t: (a @ b, time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(5))
print(f"{'1024^2 matmul':<28} {2 * 1024**3 / best / 1e9:10.2f} GFLOP/s")
