"""Writes NAME.expected for each NAME.py here by running its cells (separated by a
line `#---`) under real PyTorch, printing what a notebook shows: the cell, its output,
the repr of its last expression, or `Name: message` when it raised.

Usage: ~/torch-venv/bin/python Tests/TorchTests/Goldens/make_goldens.py [NAME.py ...]
"""
import ast
import glob
import io
import os
import sys
import contextlib

import torch


def transcript(src):
    out = io.StringIO()
    g = {}
    torch.manual_seed(0)
    for cell in src.split("\n#---\n"):
        print(">>> " + cell.replace("\n", "\n... "), file=out)
        with contextlib.redirect_stdout(out):
            try:
                tree = ast.parse(cell)
                last = None
                if tree.body and isinstance(tree.body[-1], ast.Expr):
                    last = ast.Expression(tree.body.pop().value)
                exec(compile(tree, "<cell>", "exec"), g)
                if last is not None:
                    v = eval(compile(last, "<cell>", "eval"), g)
                    if v is not None:
                        print(repr(v))
            except Exception as e:
                print(type(e).__name__ + ": " + str(e))
    return out.getvalue()


here = os.path.dirname(os.path.abspath(__file__))
names = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "*.py")))
for path in names:
    if os.path.basename(path) == os.path.basename(__file__):
        continue
    with open(path) as f:
        text = transcript(f.read())
    with open(path[:-3] + ".expected", "w") as f:
        f.write(text)
