#!/usr/bin/env python3
"""Regenerates ../RandomGoldens.swift: what PyTorch's CPU generator draws, bit for bit.

Run with a PyTorch venv:  ~/torch-venv/bin/python Tests/TensorsTests/PyTorchGoldens/RandomGoldens.py
Each case seeds the default generator, runs a few steps in order (so cached normals and
generator state carry over between steps) and records every result as 64-bit patterns:
float32/float64 bit patterns, integers as two's complement, bools as 0/1.
"""
import math
import os
import struct
import warnings

warnings.filterwarnings("ignore")
import torch  # noqa: E402

cases = []


def bits(t):
    t = t.detach().reshape(-1)
    if t.dtype == torch.float32:
        return [struct.unpack("<I", struct.pack("<f", v))[0] for v in t.tolist()]
    if t.dtype == torch.float64:
        return [struct.unpack("<Q", struct.pack("<d", v))[0] for v in t.tolist()]
    if t.dtype == torch.bool:
        return [1 if v else 0 for v in t.tolist()]
    return [v & 0xFFFFFFFFFFFFFFFF for v in t.tolist()]


def swift_double(v):
    return repr(float(v))


def case(name, seed, steps):
    torch.manual_seed(seed)
    out = []
    for swift, run in steps:
        out.append((swift, bits(run())))
    cases.append((name, seed, out))


def rand(n): return (".rand(%d)" % n, lambda: torch.rand(n))
def rand64(n): return (".randDouble(%d)" % n, lambda: torch.rand(n, dtype=torch.float64))
def randn(n): return (".randn(%d)" % n, lambda: torch.randn(n))
def randn64(n): return (".randnDouble(%d)" % n, lambda: torch.randn(n, dtype=torch.float64))


def uniform(n, a, b, dtype=torch.float32):
    tag = "uniform" if dtype == torch.float32 else "uniformDouble"
    return (".%s(%d, %s, %s)" % (tag, n, swift_double(a), swift_double(b)),
            lambda: torch.empty(n, dtype=dtype).uniform_(a, b))


def normal(n, m, s, dtype=torch.float32):
    tag = "normal" if dtype == torch.float32 else "normalDouble"
    return (".%s(%d, %s, %s)" % (tag, n, swift_double(m), swift_double(s)),
            lambda: torch.empty(n, dtype=dtype).normal_(m, s))


def reduced(kind, dtype, n, op):
    def run():
        t = torch.empty(n, dtype=dtype)
        if op == "rand":
            t = torch.rand(n, dtype=dtype)
        elif op == "randn":
            t = torch.randn(n, dtype=dtype)
        else:
            t.uniform_(-1.0, 1.0)
        return t.float()
    return (".reduced(.%s, .%s, %d)" % (kind, op, n), run)


def checksum(swift, make):
    """A large draw summarised as one number: sum of (index + 1) * bits, mod 2^64."""
    def run():
        values = bits(make())
        total = 0
        for i, v in enumerate(values):
            total = (total + (i + 1) * v) % (1 << 64)
        return torch.tensor([total - (1 << 64) if total >= (1 << 63) else total], dtype=torch.int64)
    return (".checksum(%s)" % swift, run)


def randint(lo, hi, n): return (".randint(%d, %d, %d)" % (lo, hi, n), lambda: torch.randint(lo, hi, (n,)))
def randperm(n): return (".randperm(%d)" % n, lambda: torch.randperm(n))


def bernoulli_tensor(ps, dtype):
    tag = "bernoulliFloat" if dtype == torch.float32 else "bernoulliDouble"
    return (".%s([%s])" % (tag, ", ".join(swift_double(p) for p in ps)),
            lambda: torch.bernoulli(torch.tensor(ps, dtype=dtype)).bool())


def bernoulli_scalar(n, p):
    return (".bernoulliScalar(%d, %s)" % (n, swift_double(p)), lambda: torch.empty(n).bernoulli_(p).bool())


def exponential(n, lam, dtype=torch.float32):
    tag = "exponential" if dtype == torch.float32 else "exponentialDouble"
    return (".%s(%d, %s)" % (tag, n, swift_double(lam)), lambda: torch.empty(n, dtype=dtype).exponential_(lam))


def multinomial(rows, probs, k, replacement):
    flat = [p for row in probs for p in row]
    return (".multinomial([%s], rows: %d, samples: %d, replacement: %s)" % (
        ", ".join(swift_double(torch.tensor(p).item()) for p in flat), rows, k, "true" if replacement else "false"),
            lambda: torch.multinomial(torch.tensor(probs if rows > 1 else probs[0]), k, replacement))


for seed in (0, 1, 42):
    case("rand float32 seed %d" % seed, seed, [rand(3), rand(17), rand(1000)])
    case("rand float64 seed %d" % seed, seed, [rand64(3), rand64(20)])
    case("randn float32 small seed %d" % seed, seed, [randn(1), randn(3), randn(15), randn(1), randn(2)])
    case("randn float32 blocks seed %d" % seed, seed, [randn(16), randn(17), randn(20), randn(33), randn(100)])
    case("randn float32 1000 seed %d" % seed, seed, [randn(1000)])
    case("randn float64 seed %d" % seed, seed, [randn64(3), randn64(16), randn64(20), randn64(100)])
    case("randn mixed cache seed %d" % seed, seed, [randn(1), rand(2), randn(1), randn64(1), randn(20), randn(1)])
case("float16 draws", 0, [reduced("float16", torch.float16, 5, "rand"), reduced("float16", torch.float16, 20, "randn"),
                          reduced("float16", torch.float16, 3, "randn"), reduced("float16", torch.float16, 300, "uniform")])
case("bfloat16 draws", 0, [reduced("bfloat16", torch.bfloat16, 5, "rand"), reduced("bfloat16", torch.bfloat16, 3, "randn"),
                           reduced("bfloat16", torch.bfloat16, 40, "randn"), reduced("bfloat16", torch.bfloat16, 300, "uniform")])
case("large draws", 2024, [checksum(".randn(1_000_003)", lambda: torch.randn(1_000_003)),
                           checksum(".randnDouble(100_001)", lambda: torch.randn(100_001, dtype=torch.float64)),
                           checksum(".rand(1_000_000)", lambda: torch.rand(1_000_000)),
                           checksum(".randperm(300_000)", lambda: torch.randperm(300_000)),
                           checksum(".randint(-1000, 1000, 100_000)", lambda: torch.randint(-1000, 1000, (100_000,)))])
case("uniform bounds", 0, [uniform(10, -0.5773502691896258, 0.5773502691896258), uniform(1000, -3.3, 7.1),
                           uniform(5, 2.0, 2.5), uniform(20, -0.1, 0.1, torch.float64)])
case("normal mean std", 3, [normal(3, 0.3, 2.7), normal(100, -1.5, 0.01), normal(7, 10.0, 3.0, torch.float64),
                            normal(40, 0.5, 0.2, torch.float64)])
case("randint ranges", 5, [randint(0, 10, 20), randint(-5, 5, 10), randint(0, 2**28 - 1, 5), randint(0, 2**28, 5),
                           randint(-2**40, 2**40, 5), randint(0, 2**62, 5)])
case("randperm", 0, [randperm(1), randperm(6), randperm(100), randperm(1000)])
case("bernoulli", 11, [bernoulli_tensor([0.1, 0.5, 0.9, 0.0, 1.0, 0.3, 0.7], torch.float32),
                       bernoulli_tensor([0.25, 0.5, 0.75], torch.float64), bernoulli_scalar(12, 0.5),
                       bernoulli_scalar(30, 0.2)])
case("exponential", 13, [exponential(5, 1.0), exponential(100, 2.5), exponential(6, 0.5, torch.float64)])
case("multinomial", 17, [multinomial(1, [[0.1, 0.2, 0.3, 0.4]], 1, False),
                         multinomial(1, [[0.1, 0.2, 0.3, 0.4]], 3, False),
                         multinomial(2, [[1.0, 2.0, 3.0], [5.0, 0.0, 1.0]], 2, False),
                         multinomial(1, [[0.1, 0.2, 0.3, 0.4]], 10, True),
                         multinomial(2, [[1.0, 2.0, 3.0], [5.0, 0.5, 1.0]], 6, True)])


def state():
    return (".rngState", lambda: torch.get_rng_state())


case("state after randn(1)", 7, [randn(1), state()])
case("state after rand(700)", 8, [rand(700), state()])
case("state of default seed", 67280421310721, [state()])

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = ["// Generated by PyTorchGoldens/RandomGoldens.py from PyTorch %s. Do not edit." % torch.__version__.split("+")[0],
       "", "let randomGoldens: [RandomGolden] = ["]
for name, seed, steps in cases:
    out.append("    RandomGolden(name: %r, seed: %d, steps: [" % (name, seed) if "'" not in name else "")
    out[-1] = out[-1].replace("name: '%s'" % name, 'name: "%s"' % name)
    for swift, values in steps:
        out.append("        (%s, [%s])," % (swift, ", ".join("0x%x" % v for v in values)))
    out.append("    ]),")
out.append("]")
with open(os.path.join(here, "RandomGoldens.swift"), "w") as f:
    f.write("\n".join(out) + "\n")
print("wrote %d cases" % len(cases))
