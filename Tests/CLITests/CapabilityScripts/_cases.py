# The case harness the capability scripts share (imported from the script's folder, by
# PyTorch and by `gradbook exec` alike): a bit digest of each result and one seed per case.
import torch


def digest(*ts):
    parts = []
    for y in ts:
        y = y.detach().contiguous().reshape(-1)
        b = y.view(torch.int32).to(torch.int64) if y.dtype == torch.float32 else y.view(torch.int64)
        i = torch.arange(b.numel(), dtype=torch.int64)
        d1 = ((b % 65521) * (i % 65521 + 1)).sum().item()
        d2 = ((b % 65519) * (i % 65519 + 1)).sum().item()
        parts.append("%d:%d:%d" % (b.numel(), d1, d2))
    return " ".join(parts)


CASES = [0]


def run(key, f):
    try:
        print(key, digest(*f()))
    except Exception as e:
        print(key, "ERR", type(e).__name__)
    # Each case draws from its own seed, so one that fails leaves the others' inputs as they were.
    CASES[0] += 1
    torch.manual_seed(CASES[0])


def leaf(*shape, dt, lo=-2.0, hi=2.0):
    return (torch.rand(*shape, dtype=dt) * (hi - lo) + lo).requires_grad_()


def grads(out, *inputs):
    g = torch.rand(out.shape, dtype=out.dtype) - 0.5
    out.backward(g)
    return [out] + [t.grad for t in inputs]
