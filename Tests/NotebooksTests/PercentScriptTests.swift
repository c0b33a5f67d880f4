import Testing
@testable import Notebooks

/// `# %%` scripts: jupytext's percent format and sphinx-gallery's.
@Suite struct PercentScriptTests {
    @Test func jupytextPercentScript() throws {
        let notebook = PercentScript.notebook(from: try Fixture.text("percent.py"))
        #expect(notebook.cells == [
            NotebookCell(kind: .markdown, source: "# A percent script\n\nCells are separated by `# %%` lines."),
            NotebookCell(kind: .code, source: "import torch\nx = torch.arange(6).reshape(2, 3)\nprint(x)"),
            NotebookCell(kind: .markdown, source: "Its transpose:"),
            NotebookCell(kind: .code, source: "x.T"),
        ])
        #expect(notebook.language == "python")
    }

    @Test func sphinxGalleryScript() throws {
        let notebook = PercentScript.notebook(from: try Fixture.text("gallery.py"))
        #expect(notebook.cells == [
            NotebookCell(kind: .markdown, source: "Tensors in a gallery\n====================\n\nA sphinx-gallery example: this docstring is the introduction."),
            NotebookCell(kind: .code, source: "import torch"),
            NotebookCell(kind: .markdown, source: "Shapes\n------\nA tensor knows its shape."),
            NotebookCell(kind: .code, source: "x = torch.zeros(2, 3)\nprint(x.shape)"),
        ])
    }

    @Test func codeBeforeTheFirstMarkerAndRawCells() {
        let notebook = PercentScript.notebook(from: "import torch\n\n# %% [raw]\n# raw text\n\n# %% A title\ny = 1\n")
        #expect(notebook.cells == [
            NotebookCell(kind: .code, source: "import torch"),
            NotebookCell(kind: .raw, source: "raw text"),
            NotebookCell(kind: .code, source: "y = 1"),
        ])
    }
}
