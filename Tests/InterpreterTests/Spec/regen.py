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

An example may bring files of its lesson folder: a line `~~~ path/name.py` ends the
program and starts a file (until the next such line). They are written to a fresh
folder that `import` searches; paths are shown relative to it, as the interpreter does.
Every example runs with a fresh empty folder (holding its files) as the working
directory, as a lesson sees its own folder: what it writes goes there and is discarded.
"""
import ast, contextlib, importlib, io, os, sys, tempfile, traceback, types

assert sys.version_info[:2] == (3, 11), "regenerate with CPython 3.11"


def split_files(source):
    program, files, current = [], {}, None
    for line in source.split("\n"):
        if line.startswith("~~~ "):
            current = line[4:].strip()
            files[current] = []
        elif current is None:
            program.append(line)
        else:
            files[current].append(line)
    return "\n".join(program) + "\n", {k: "\n".join(v).rstrip("\n") + "\n" for k, v in files.items()}


def run(source):
    source, files = split_files(source)
    before = set(sys.modules)
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        for name, text in files.items():
            path = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
        sys.path.insert(0, tmp)
        importlib.invalidate_caches()
        try:
            out = run_program(source)
        finally:
            os.chdir(cwd)
            sys.path.remove(tmp)
            for name in set(sys.modules) - before:
                del sys.modules[name]
        return out.replace(tmp + "/", "")


def frame_depth():
    f, n = sys._getframe(1), 0
    while f is not None:
        n, f = n + 1, f.f_back
    return n


def run_program(source):
    out = io.StringIO()
    # The example's module frame runs a few frames deep here; a script's is the first.
    # Raising the limit by that depth makes RecursionError happen where (and with the
    # message) it would in a script, unless the example looks at the limit itself.
    limit = sys.getrecursionlimit()
    if "recursionlimit" not in source:
        sys.setrecursionlimit(limit + frame_depth() + 2)
    try:
        return run_example(source, out)
    finally:
        sys.setrecursionlimit(limit)


def run_example(source, out):
    # A real __main__ module, so pickle finds the example's classes by name.
    main = types.ModuleType("__main__")
    ns = main.__dict__
    saved_main = sys.modules["__main__"]
    sys.modules["__main__"] = main
    try:
        return run_in(source, out, ns)
    finally:
        sys.modules["__main__"] = saved_main


def run_in(source, out, ns):
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
