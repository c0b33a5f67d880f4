#!/usr/bin/env python3
"""Check Markdown lessons with real PyTorch, all in one Python process.

The PyTorch side of the lesson-suite benchmark: it does what `gradbook check` does
(parse each lesson, run its `python` cells in one namespace per lesson, compare what
each cell printed with the lesson's `output` block) so that the two timings measure the
same job. Prints one line per lesson and `N passed, N failed`; exits 1 when a lesson
fails. Usage: torch_lessons.py PATH... (lesson files or folders of *.md).
"""
import ast
import contextlib
import io
import os
import re
import sys
import traceback
import warnings

import torch

OPENING = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*([^`]*)$")
OPTION = re.compile(r"^#\|\s*([\w-]+)\s*:\s*(.*?)\s*$")


def fenced_blocks(lines):
    """Yields (info, body) for each fenced block, in order; other text is skipped."""
    i = 0
    while i < len(lines):
        opening = OPENING.match(lines[i])
        i += 1
        if not opening:
            continue
        fence, info = opening.group(1), opening.group(2).strip()
        body = []
        while i < len(lines):
            stripped = lines[i].strip()
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                break
            body.append(lines[i])
            i += 1
        i += 1
        yield info, "".join(l + "\n" for l in body)


def front_matter_seed(lines):
    if not lines or lines[0].strip() != "---":
        return 0, lines
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            seed = 0
            for line in lines[1:end]:
                key, _, value = line.partition(":")
                if key.strip() == "seed":
                    seed = int(value.strip())
            return seed, lines[end + 1:]
    return 0, lines


def cells(text):
    """The lesson's cells as (source, options, expected output or None)."""
    seed, lines = front_matter_seed(text.split("\n"))
    found = []
    for info, body in fenced_blocks(lines):
        word = info.split(" ")[0] if info else ""
        if word in ("python", "py"):
            options = {}
            for line in body.split("\n"):
                option = OPTION.match(line)
                if not option:
                    break
                options[option.group(1)] = option.group(2)
            found.append([body, options, None])
        elif word == "output" and found and found[-1][2] is None:
            found[-1][2] = body
    return seed, found


def run_cell(source, namespace):
    """What a notebook shows for the cell, and the exception it raised (or None)."""
    printed = io.StringIO()
    raised = None
    with contextlib.redirect_stdout(printed), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(source)
            echo = None
            if tree.body and isinstance(tree.body[-1], ast.Expr) and not source.rstrip().endswith(";"):
                echo = ast.Expression(tree.body.pop().value)
            exec(compile(tree, "<cell>", "exec"), namespace)
            if echo is not None:
                value = eval(compile(echo, "<cell>", "eval"), namespace)
                if value is not None:
                    print(repr(value))
        except Exception as error:  # noqa: BLE001 - a lesson may raise anything
            raised = error
    text = printed.getvalue()
    if raised is not None:
        if text and not text.endswith("\n"):
            text += "\n"
        text += traceback.format_exception_only(type(raised), raised)[-1]
    return text, raised


def normalised(text):
    lines = [line.rstrip() for line in (text or "").split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def check(path):
    with open(path, encoding="utf-8") as f:
        seed, lesson_cells = cells(f.read())
    torch.manual_seed(seed)
    namespace = {"__name__": "__main__"}
    failures = 0
    stopped = False
    for source, options, expected in lesson_cells:
        checked = options.get("check") != "false" and (expected is not None or "raises" in options)
        if options.get("skip") == "true":
            continue
        if stopped:
            failures += checked
            continue
        actual, raised = run_cell(source, namespace)
        matches = normalised(actual) == normalised(expected)
        declared = options.get("raises")
        if raised is not None and declared is None:
            # Like gradbook: an output block ending with this exception declares it,
            # but the lesson stops here either way.
            stopped = True
            failures += not (checked and matches)
        elif declared is not None and (raised is None or type(raised).__name__ != declared):
            failures += 1
        elif checked and expected is not None and not matches:
            failures += 1
    return failures == 0


def lesson_paths(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            for root, _, files in sorted(os.walk(argument)):
                for name in sorted(files):
                    if name.endswith(".md") and name != "README.md":
                        yield os.path.join(root, name)
        else:
            yield argument


def main(arguments):
    passed = failed = 0
    for path in lesson_paths(arguments):
        ok = check(path)
        print(("PASS " if ok else "FAIL ") + path)
        passed += ok
        failed += not ok
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
