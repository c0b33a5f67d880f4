#!/usr/bin/env python3
"""Writes Tests/NumPyTests/Goldens/Random/api_*.expected: what real NumPy prints for the cells
of api_*.py (cells separated by a line "#---"), in the transcript form
Tests/NumPyTests/RandomAPIGoldenTests.swift produces: ">>> " + the cell (continuation lines
"... "), then the printed text and the repr of a last expression, or the error's last line.

Run by hand (never in tests or CI):  ~/torch-venv/bin/python scripts/numpy-random/make_api_goldens.py
"""
import ast, contextlib, glob, io, os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOLDER = os.path.join(ROOT, "Tests/NumPyTests/Goldens/Random")


def run_cell(cell, env):
    out = io.StringIO()
    try:
        tree = ast.parse(cell)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        body = tree.body[:-1] if last is not None else tree.body
        with contextlib.redirect_stdout(out):
            exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), env)
            if last is not None:
                value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), env)
                if value is not None and not cell.rstrip().endswith(";"):
                    print(repr(value))
    except Exception as e:  # the transcript shows the error's last line, as the interpreter's does
        return out.getvalue() + f"{type(e).__name__}: {e}\n"
    return out.getvalue()


def main():
    for path in sorted(glob.glob(os.path.join(FOLDER, "api_*.py"))):
        source = open(path).read()
        env = {"__name__": "__main__"}
        text = ""
        for cell in source.split("\n#---\n"):
            text += ">>> " + cell.replace("\n", "\n... ") + "\n"
            text += run_cell(cell, env)
        with open(path[:-3] + ".expected", "w") as f:
            f.write(text)
        print("wrote", path[:-3] + ".expected")


if __name__ == "__main__":
    main()
