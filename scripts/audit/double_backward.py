#!/usr/bin/env python3
"""Double-backward audit: second derivatives of every differentiable function a course
uses, in real PyTorch and in `gradbook exec`, compared bit for bit.

For each case of double_backward_cases.py and each of float64 and float32, the same
program (in the cell language both run) builds the inputs (a permuted linspace, so
values are exact and distinct), computes the first gradient of `(f(inputs) * w).sum()`
with `create_graph=True`, prints the names of its graph (grad_fn and three levels of
next_functions), its values, and the second derivative `grad(sum(g_i * v_i), inputs)`
(`tolist()`, so every bit shows). The two outputs are then compared case by case.

Usage (from the repository root):
  ~/torch-venv/bin/python scripts/audit/double_backward.py [--gradbook PATH] [--only NAME,...]
      [--lesson Tests/TorchTests/DoubleBackwardLessons/audit.md]
It prints a table of the cases that differ (and how) and the totals. With --lesson it
writes a golden lesson of the cases that agree in everything (fill its output blocks with
/work/shared/tools/torch_golden.py); with --program it only writes the program.
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from double_backward_cases import CASES  # noqa: E402

PRELUDE = '''import torch
import torch.nn.functional as F

def inp(shape, lo, hi, dtype, k):
    n = 1
    for s in shape:
        n *= s
    m = 7 if n % 7 else 5
    perm = (torch.arange(n) * m + k) % n
    return torch.linspace(lo, hi, n, dtype=dtype)[perm].reshape(shape).requires_grad_()

def names(fn, depth=0):
    if fn is None:
        return None
    if depth == 3:
        return fn.name()
    return (fn.name(), [names(n, depth + 1) for n, i in fn.next_functions])

def values(ts):
    # clone: PyTorch returns some zero gradients as storage-less ZeroTensors
    return [None if t is None else t.clone().tolist() for t in ts]

def case(name, dtype, specs, body):
    print("CASE", name, dtype)
    try:
        xs = [inp(s[0], s[1], s[2], dtype, k) for k, s in enumerate(specs)]
        out = body(*xs)
        w = torch.linspace(0.5, 1.5, out.numel(), dtype=out.dtype).reshape(out.shape)
        gs = torch.autograd.grad((out * w).sum(), xs, create_graph=True, allow_unused=True)
        print("names", [None if g is None else names(g.grad_fn) for g in gs])
        print("first", values(gs))
        live = [(g, x) for g, x in zip(gs, xs) if g is not None and g.requires_grad]
        if not live:
            print("second", "no graph")
            return
        total = None
        for g, x in live:
            v = torch.linspace(0.3, -0.7, g.numel(), dtype=g.dtype).reshape(g.shape)
            term = (g * v).sum()
            total = term if total is None else total + term
        hs = torch.autograd.grad(total, xs, allow_unused=True)
        print("second", values(hs))
    except Exception as e:
        print("ERROR", type(e).__name__, str(e).split("\\n")[0][:160])
'''


def case_call(name, specs, body, dtype):
    args = ", ".join("abcdefgh"[i] for i in range(len(specs)))
    spec_text = ", ".join(repr(tuple(s)) for s in specs)
    return f'case({name!r}, torch.{dtype}, [{spec_text}], lambda {args}: {body})'


def program(cases):
    lines = [PRELUDE]
    for name, specs, body in cases:
        for dtype in ("float64", "float32"):
            lines.append(case_call(name, specs, body, dtype))
    return "\n".join(lines) + "\n"


def parse(text):
    """{(case, dtype): {'names': line, 'first': line, 'second': line, 'error': line}}"""
    result, key = {}, None
    for line in text.splitlines():
        if line.startswith("CASE "):
            _, name, dtype = line.split(" ", 2)
            key = (name, dtype)
            result[key] = {}
        elif key is not None:
            kind, _, rest = line.partition(" ")
            if kind in ("names", "first", "second", "ERROR"):
                result[key][kind.lower()] = rest
    return result


def run(cmd, source):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(source)
        path = f.name
    try:
        p = subprocess.run(cmd + [path], capture_output=True, text=True, timeout=1800)
        return p.stdout + ("\nSTDERR " + p.stderr if p.returncode else "")
    finally:
        os.unlink(path)


def classify(ref, got):
    """The first way `got` differs from `ref`, or None when they agree in everything."""
    if got is None:
        return "not run"
    if "error" in ref and "error" not in got:
        return "PyTorch raises"
    if "error" in got and "error" not in ref:
        return "raises: " + got["error"]
    if ref.get("names") != got.get("names"):
        return "grad_fn names"
    if ref.get("first") != got.get("first"):
        return "first derivative values"
    if ref.get("second") != got.get("second"):
        return "second derivative values"
    if ref.get("error") != got.get("error"):
        return "error text"
    return None


def lesson(cases):
    out = ["---", "title: Double-backward audit (generated)", "---",
           "# Double-backward audit",
           "",
           "Generated by `scripts/audit/double_backward.py --lesson`: the cases of the",
           "audit whose first-gradient graph names, first derivatives and second derivatives",
           "(`create_graph=True`) agree with PyTorch 2.15 bit for bit, in float64 and float32.",
           "Output blocks are filled by real PyTorch (`torch_golden.py`).",
           "", "```python", PRELUDE.rstrip(), "", 'print("helpers defined")', "```", ""]
    for start in range(0, len(cases), 12):
        out.append("```python")
        for name, specs, body in cases[start:start + 12]:
            for dtype in ("float64", "float32"):
                out.append(case_call(name, specs, body, dtype))
        out += ["```", ""]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gradbook", default=".build/debug/gradbook")
    ap.add_argument("--only", default="")
    ap.add_argument("--lesson")
    ap.add_argument("--program")
    args = ap.parse_args()
    cases = [c for c in CASES if not args.only or c[0] in args.only.split(",")]
    source = program(cases)
    if args.program:
        open(args.program, "w").write(source)
        return
    ref = parse(run([sys.executable], source))
    got = parse(run([args.gradbook, "exec"], source))
    differing, agreeing = [], []
    for name, specs, body in cases:
        reasons = [r for dtype in ("torch.float64", "torch.float32")
                   if (r := classify(ref.get((name, dtype), {"error": "missing"}), got.get((name, dtype))))]
        (differing if reasons else agreeing).append((name, specs, body, reasons))
    for name, _, _, reasons in differing:
        print(f"{name:34} {'; '.join(dict.fromkeys(reasons))}")
    print(f"\n{len(cases)} functions checked (float64 and float32), {len(differing)} differ, {len(agreeing)} agree")
    if args.lesson:
        open(args.lesson, "w").write(lesson([(n, s, b) for n, s, b, _ in agreeing]))


if __name__ == "__main__":
    main()
