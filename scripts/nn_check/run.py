"""Compares Gradbook's embedded nn/optim/data sources with real PyTorch.

Usage: ~/torch-venv/bin/python scripts/nn_check/run.py [-v] [CASE-NAME-SUBSTRING...]
       ~/torch-venv/bin/python scripts/nn_check/run.py LESSON.md...

Each case is lesson-style code. It runs twice, from the same seed: once with real
PyTorch, once with our sources loaded over PyTorch (loader.py). The printed text —
which includes reprs, exact `.tolist()` values and error messages — must be identical.
Before that, every source is checked against the interpreter's Python subset.
Given lesson files instead, runs their cells with our sources and compares each cell's
output with the lesson's output block (which torch_golden.py made with real PyTorch).
Prints one line per failure and ends with `N passed, N failed`.
"""
import contextlib
import difflib
import io
import re
import os
import sys
import traceback
import warnings

sys.path.insert(0, os.path.dirname(__file__))

import builtins
import torch

import cases
import loader
import subset_lint


def execute(code, namespace):
    out = io.StringIO()
    torch.manual_seed(0)
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            exec(compile(code, "<case>", "exec"), namespace)
        except Exception as e:  # the case's own error is part of its output
            print(f"{type(e).__name__}: {e}")
    # Object addresses differ from run to run; the class name is what lessons see.
    return re.sub(r" object at 0x[0-9a-f]+", " object", out.getvalue())


def check_lessons(paths):
    sys.path.insert(0, "/work/shared/tools")
    import torch_golden
    passed = failed = 0
    for path in paths:
        with open(path) as f:
            pieces = torch_golden.parse_blocks(f.read())
        namespace = loader.Gradbook().namespace()
        cells = []
        for k, p in enumerate(pieces):
            if p[0] == "fence" and p[3].split(" ")[0] in ("python", "py"):
                expected = ""
                j = k + 1
                if j < len(pieces) and pieces[j][0] == "text" and pieces[j][1].strip() == "":
                    j += 1
                if j < len(pieces) and pieces[j][0] == "fence" and pieces[j][3] == "output":
                    expected = pieces[j][4]
                cells.append((p[4], expected))
        ok = True
        for index, (source, expected) in enumerate(cells):
            if torch_golden.cell_options(source).get("skip") == "true":
                continue
            actual, _ = torch_golden.run_cell(source, namespace)
            actual = re.sub(r" object at 0x[0-9a-f]+", " object", actual)
            expected = re.sub(r" object at 0x[0-9a-f]+", " object", expected)
            if actual != expected:
                ok = False
                print(f"FAIL {path} cell {index + 1}")
                diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                            "lesson", "gradbook", lineterm="")
                print("\n".join(diff))
        if ok:
            passed += 1
        else:
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def main(argv):
    if argv and all(a.endswith(".md") for a in argv):
        return check_lessons(argv)
    verbose = "-v" in argv
    wanted = [a for a in argv if a != "-v"]
    problems = []
    for name in loader.SOURCE_MODULES:
        text, path = loader.source_of(name)
        problems += subset_lint.lint(text, path)
    for p in problems:
        print("subset:", p)

    passed = failed = 0
    for name, code in cases.CASES:
        if wanted and not any(w in name for w in wanted):
            continue
        expected = execute(code, {"__builtins__": builtins, "__name__": "__main__"})
        try:
            gradbook = loader.Gradbook()
            actual = execute(code, gradbook.namespace())
        except Exception:
            actual = traceback.format_exc()
        if actual == expected:
            passed += 1
            if verbose:
                print(f"ok   {name}\n{expected}")
        else:
            failed += 1
            print(f"FAIL {name}")
            diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                        "pytorch", "gradbook", lineterm="")
            print("\n".join(diff))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
