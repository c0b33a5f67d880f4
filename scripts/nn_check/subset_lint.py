"""Rejects Python constructs our embedded interpreter does not promise to support.

CPython runs anything, so the comparison with PyTorch alone would not notice a source
that Gradbook's interpreter cannot run; this walks each source's syntax tree instead.
"""
import ast

ALLOWED_IMPORTS = {"math"}
ALLOWED_DECORATORS = {"property", "staticmethod"}
ALLOWED_WITH = {"torch.no_grad", "torch.enable_grad"}


def _dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return inner + "." + node.attr if inner else None
    if isinstance(node, ast.Call):
        return _dotted(node.func)
    return None


def lint(text, path):
    """Returns a list of `path:line: message` problems."""
    problems = []

    def bad(node, message):
        problems.append(f"{path}:{node.lineno}: {message}")

    tree = ast.parse(text, path)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            for name in names:
                if name not in ALLOWED_IMPORTS and not (name == "torch" or name.startswith("torch.")):
                    bad(node, f"import of {name}")
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            for d in node.decorator_list:
                if _dotted(d) not in ALLOWED_DECORATORS:
                    bad(node, f"decorator {ast.unparse(d)}")
            if isinstance(node, ast.ClassDef):
                if len(node.bases) > 1 or node.keywords:
                    bad(node, "class with several bases or a metaclass")
            else:
                if node.args.kwonlyargs or node.args.posonlyargs:
                    bad(node, "keyword-only or positional-only parameters")
        elif isinstance(node, (ast.YieldFrom, ast.Await, ast.AsyncFunctionDef,
                               ast.AsyncFor, ast.AsyncWith)):
            bad(node, f"{type(node).__name__} is outside the subset")
        elif isinstance(node, (ast.Set, ast.SetComp)):
            bad(node, "set literal or comprehension")
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            bad(node, f"{type(node).__name__.lower()} statement")
        elif isinstance(node, ast.NamedExpr):
            bad(node, "walrus operator")
        elif isinstance(node, ast.Try) and node.finalbody:
            bad(node, "try/finally")
        elif isinstance(node, ast.With):
            for item in node.items:
                if _dotted(item.context_expr) not in ALLOWED_WITH:
                    bad(node, f"with {ast.unparse(item.context_expr)}")
        elif isinstance(node, ast.FormattedValue):
            if node.conversion != -1:
                bad(node, "f-string conversion (!r/!s); call repr() instead")
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
                    and isinstance(node.func.value, ast.Constant):
                bad(node, "str.format; use an f-string")
        elif isinstance(node, ast.Slice) and node.step is not None:
            bad(node, "slice with a step")
        elif isinstance(node, ast.Starred) and isinstance(getattr(node, "ctx", None), ast.Load):
            pass
    return problems
