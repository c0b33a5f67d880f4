"""Writes Goldens/NAME.expected from Goldens/NAME.py with real NumPy 2.4 (run by hand:
~/torch-venv/bin/python Tests/NumPyTests/generate_goldens.py). Cells are separated by
`#---`; each prints what a notebook shows: output, the last expression's repr, and
`Name: message` when it raised. Never run in tests or CI."""
import ast, contextlib, io, os, pathlib, sys, tempfile, traceback, warnings

folder = pathlib.Path(__file__).resolve().parent / "Goldens"
# Cells that save files write them in a scratch folder, not the checkout.
os.chdir(tempfile.mkdtemp())

def run_cell(src, ns):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(src)
            last = tree.body[-1] if tree.body else None
            if isinstance(last, ast.Expr):
                exec(compile(ast.Module(tree.body[:-1], []), "<cell>", "exec"), ns)
                v = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)
                if v is not None:
                    print(repr(v))
            else:
                exec(compile(tree, "<cell>", "exec"), ns)
        except Exception as e:
            print("".join(traceback.format_exception_only(type(e), e)), end="")
    return out.getvalue()

for py in sorted(folder.glob("*.py")):
    if len(sys.argv) > 1 and py.stem not in sys.argv[1:]:
        continue
    ns = {}
    text = ""
    for cell in py.read_text().split("\n#---\n"):
        text += ">>> " + cell.replace("\n", "\n... ") + "\n"
        text += run_cell(cell, ns)
    py.with_suffix(".expected").write_text(text)
    print("wrote", py.with_suffix(".expected").name)
