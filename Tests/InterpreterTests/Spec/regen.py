#!/usr/bin/env python3
"""Fill the expected outputs of interpreter spec files by running each example in CPython.

Spec format (like cmark's spec): each example is

    ### title
    <python source lines>
    .
    <expected output lines>
    =====

The expected output is what a notebook cell shows: everything printed, then the repr of
the last expression statement when it is not None, then, if the example raised, the
exception's last traceback line. Usage: regen.py FILE.spec [...]  (rewrites in place)
Requires CPython 3.11 (the interpreter's reference).
"""
import ast, contextlib, io, sys, traceback

assert sys.version_info[:2] == (3, 11), "regenerate with CPython 3.11"


def run(source):
    out = io.StringIO()
    ns = {"__name__": "__main__"}
    try:
        tree = ast.parse(source, "<spec>")
    except SyntaxError as e:
        return "".join(traceback.format_exception_only(type(e), e)[-1:])
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr) and not source.rstrip().endswith(";"):
        last = ast.Expression(tree.body.pop().value)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(tree, "<spec>", "exec"), ns)
            if last is not None:
                v = eval(compile(last, "<spec>", "eval"), ns)
                if v is not None:
                    print(repr(v))
    except BaseException as e:  # noqa: BLE001 - the spec records any exception
        out.write(traceback.format_exception_only(type(e), e)[-1])
    return out.getvalue()


def regen(path):
    lines = open(path).read().split("\n")
    result, i = [], 0
    while i < len(lines):
        line = lines[i]
        result.append(line)
        i += 1
        if not line.startswith("### "):
            continue
        src = []
        while i < len(lines) and lines[i] != ".":
            src.append(lines[i]); i += 1
        result.extend(src)
        result.append(".")
        i += 1
        while i < len(lines) and lines[i] != "=====":
            i += 1
        out = run("\n".join(src) + "\n")
        if out and not out.endswith("\n"):
            out += "\n"
        result.extend(out.split("\n")[:-1])
        result.append("=====")
        i += 1
    open(path, "w").write("\n".join(result))


for p in sys.argv[1:]:
    regen(p)
