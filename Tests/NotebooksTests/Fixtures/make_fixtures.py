"""Writes the notebook fixtures of NotebooksTests with Jupyter's own nbformat.

Not run in CI: the fixtures are committed. Rerun by hand after changing this script:

    ~/torch-venv/bin/python Tests/NotebooksTests/Fixtures/make_fixtures.py

Code cells are run by a small stand-in for a kernel (real CPython and PyTorch), so the stored
outputs are what a notebook run gives: stdout as a stream, the last expression's repr as an
execute_result, an exception as an error with ename, evalue and traceback. A few outputs
are set by hand where a kernel does what this stand-in cannot (magics, shell, figures).
"""
import ast
import base64
import contextlib
import io
import os
import traceback

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

HERE = os.path.dirname(os.path.abspath(__file__))

# A 1x1 PNG, as a figure or an attachment would be stored (base64).
DOT_PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f4e9f90000000049454e44ae426082"
)).decode()


class Kernel:
    """Runs cells in one namespace as IPython would: prints, the last expression's value, errors."""

    def __init__(self):
        self.namespace = {}
        self.count = 0

    def run(self, cell):
        self.count += 1
        cell.execution_count = self.count
        cell.outputs = []
        tree = ast.parse(cell.source)
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr) and not cell.source.rstrip().endswith(";"):
            last = ast.Expression(tree.body.pop().value)
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                exec(compile(tree, "<cell>", "exec"), self.namespace)
                value = eval(compile(last, "<cell>", "eval"), self.namespace) if last else None
        except Exception as error:
            if printed.getvalue():
                cell.outputs.append(new_output("stream", name="stdout", text=printed.getvalue()))
            lines = traceback.format_exception(type(error), error, error.__traceback__)
            cell.outputs.append(new_output("error", ename=type(error).__name__, evalue=str(error),
                                           traceback=[line.rstrip("\n") for line in lines]))
            return cell
        if printed.getvalue():
            cell.outputs.append(new_output("stream", name="stdout", text=printed.getvalue()))
        if value is not None:
            cell.outputs.append(new_output("execute_result", data={"text/plain": repr(value)},
                                           execution_count=self.count))
        return cell


def errors_notebook():
    """Prints, values, errors (one after printing), a stale output, neighbouring Markdown
    cells, a Markdown example fence, a raw cell, a cell ending in a newline, an empty cell."""
    kernel = Kernel()
    cells = [
        new_markdown_cell("# Broadcasting and errors\n\nA notebook whose outputs were stored by a real run."),
        kernel.run(new_code_cell("import torch\nx = torch.tensor([1.0, 2.0, 3.0])\nprint(x * 2)\nx.sum()")),
        new_markdown_cell("Two Markdown cells in a row."),
        new_markdown_cell("An example that is *not* run:\n\n```python\nprint('hello')\n```"),
        kernel.run(new_code_cell("print('before')\n1 / 0")),
        kernel.run(new_code_cell("t = torch.ones(2, 3)\nt @ t")),
        new_raw_cell("Raw text, for nbconvert."),
        kernel.run(new_code_cell("y = x + 1\ny\n")),
        new_code_cell(""),
        kernel.run(new_code_cell("print(x.mean())")),
        new_markdown_cell("The end.\n"),
    ]
    cells[9].source = "print(x.mean() * 10)"  # edited after the run: its stored output no longer holds
    cells[1].metadata["tags"] = ["setup"]
    notebook = new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python", "version": "3.11.4", "mimetype": "text/x-python",
                          "file_extension": ".py", "pygments_lexer": "ipython3",
                          "codemirror_mode": {"name": "ipython", "version": 3}, "nbconvert_exporter": "python"},
    })
    return notebook


def media_notebook():
    """Images (a figure, an image value), magics, shell lines, a Markdown attachment, a warning."""
    kernel = Kernel()
    attached = new_markdown_cell("# Figures, magics and attachments\n\nA dot: ![dot](attachment:dot.png)")
    attached["attachments"] = {"dot.png": {"image/png": DOT_PNG}}
    setup = new_code_cell("%matplotlib inline\nimport torch")
    kernel.run(new_code_cell("import torch"))
    setup.execution_count = kernel.count
    shell = new_code_cell("!pip install -q torch\nprint('installed')", execution_count=kernel.count + 1,
                          outputs=[new_output("stream", name="stdout", text="installed\n")])
    kernel.count += 1
    timed = kernel.run(new_code_cell("s = torch.arange(4).sum()\nprint(s)"))
    timed.source = "%%time\n" + timed.source
    timed.outputs.append(new_output("stream", name="stdout", text="CPU times: user 1.2 ms, sys: 0 ns, total: 1.2 ms\nWall time: 1.1 ms\n"))
    bash = new_code_cell("%%bash\necho hi\n# a comment", execution_count=kernel.count + 1,
                         outputs=[new_output("stream", name="stdout", text="hi\n")])
    kernel.count += 1
    warned = new_code_cell("import warnings\nwarnings.warn('old API')\nprint('done')", execution_count=kernel.count + 1,
                           outputs=[new_output("stream", name="stderr",
                                               text="/tmp/ipykernel_4242/1234.py:2: UserWarning: old API\n  warnings.warn('old API')\n"),
                                    new_output("stream", name="stdout", text="done\n")])
    kernel.count += 1
    figure = new_code_cell("import matplotlib.pyplot as plt\nplt.plot([1, 2, 3]);", execution_count=kernel.count + 1,
                           outputs=[new_output("display_data", data={"image/png": DOT_PNG,
                                                                     "text/plain": "<Figure size 640x480 with 1 Axes>"})])
    figure.metadata["scrolled"] = True
    cells = [attached, setup, shell, timed, bash, warned, figure]
    return new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "colab": {"provenance": []},
    })


PERCENT = '''# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # A percent script
#
# Cells are separated by `# %%` lines.

# %%
import torch
x = torch.arange(6).reshape(2, 3)
print(x)

# %% [markdown]
# Its transpose:

# %%
x.T
'''

GALLERY = '''"""
Tensors in a gallery
====================

A sphinx-gallery example: this docstring is the introduction.
"""

import torch

# %%
# Shapes
# ------
# A tensor knows its shape.

x = torch.zeros(2, 3)
print(x.shape)
'''


def main():
    nbformat.write(errors_notebook(), os.path.join(HERE, "errors.ipynb"))
    nbformat.write(media_notebook(), os.path.join(HERE, "media.ipynb"))
    for name, text in [("percent.py", PERCENT), ("gallery.py", GALLERY)]:
        with open(os.path.join(HERE, name), "w") as file:
            file.write(text)
    for name in ["errors.ipynb", "media.ipynb"]:
        nbformat.validate(nbformat.read(os.path.join(HERE, name), as_version=4))


if __name__ == "__main__":
    main()
