import Lessons
import Testing
@testable import Notebooks

/// Import: the lesson text made from a notebook, and what it warns about.
@Suite struct NotebookImporterTests {
    private func notebook(_ cells: [NotebookCell], metadata: JSONValue = .object([])) -> Notebook {
        Notebook(metadata: metadata, cells: cells)
    }

    @Test func cellsOutputsAndErrorsBecomeALesson() throws {
        let cells = [
            NotebookCell(kind: .markdown, id: "m1", source: "# Title\n\nSome text."),
            NotebookCell(kind: .code, id: "c1", source: "print(1)\n2", outputs: [
                .stream(name: "stdout", text: "1\n"),
                .executeResult(executionCount: 1, data: .object(["text/plain": .string("2")]), metadata: .object([])),
            ], executionCount: 1),
            NotebookCell(kind: .markdown, id: "m2", source: "Next."),
            NotebookCell(kind: .markdown, id: "m3", source: "```py\nnot run\n```"),
            NotebookCell(kind: .code, id: "c2", source: "print('a', end='')\n{}['k']", outputs: [
                .stream(name: "stdout", text: "a"),
                .error(name: "KeyError", value: "'k'", traceback: ["..."]),
            ], executionCount: 2),
            NotebookCell(kind: .code, id: "c3", source: "s = '''\n```\n'''"),
        ]
        let result = try NotebookImporter.lesson(from: notebook(cells), name: "nb", file: "nb.ipynb")
        #expect(result.warnings.isEmpty)
        #expect(result.lesson == """
            ---
            title: Title
            ---

            # Title

            Some text.

            ```python
            print(1)
            2
            ```

            ```output
            1
            2
            ```

            Next.

            <!-- cell -->

            ```py-example
            not run
            ```

            ```python
            #| raises: KeyError
            print('a', end='')
            {}['k']
            ```

            ```output
            a
            KeyError: 'k'
            ```

            ````python
            s = '''
            ```
            '''
            ````

            <!-- gradbook-notebook: {"nbformat_minor":5,"metadata":{},"cells":[{"kind":"markdown","id":"m1"},\
            {"kind":"code","id":"c1"},{"kind":"markdown","id":"m2"},{"kind":"markdown","id":"m3"},\
            {"kind":"code","id":"c2","options":["raises: KeyError"]},{"kind":"code","id":"c3"}]} -->

            """)
        let lesson = try LessonParser.parse(result.lesson, path: "nb.md")
        #expect(lesson.cells.map(\.options.raises) == [nil, "KeyError", nil])
        #expect(lesson.title == "Title")
    }

    @Test func aKernelInAnotherLanguageIsRefused() {
        let metadata = JSONValue.object(["kernelspec": .object(["name": .string("ir"), "display_name": .string("R"), "language": .string("R")])])
        #expect(throws: NotebookError(file: "nb.ipynb", position: nil, location: "metadata",
                                      message: "the notebook's kernel language is 'R': Gradbook lessons run Python only")) {
            try NotebookImporter.lesson(from: notebook([], metadata: metadata), name: "nb", file: "nb.ipynb")
        }
    }

    @Test func anUnclosedFenceInMarkdownIsAnErrorNotASilentlyMergedCell() {
        let cells = [NotebookCell(kind: .markdown, source: "```\nopen"), NotebookCell(kind: .code, source: "x = 1")]
        #expect(throws: NotebookError(file: "nb.ipynb", position: nil, location: "",
                                      message: "the lesson made from it has 0 code cells instead of 1 (is a code fence in a Markdown cell left open?)")) {
            try NotebookImporter.lesson(from: notebook(cells), name: "nb", file: "nb.ipynb")
        }
    }

    @Test func imagesMagicsAndAttachmentsAreHandledWithWarnings() throws {
        let notebook = try NotebookReader.parse(try Fixture.bytes("media.ipynb"), path: "media.ipynb")
        let result = try NotebookImporter.lesson(from: notebook, name: "media", file: "media.ipynb")
        #expect(result.warnings.map(\.description) == [
            "cells[1]: IPython line '%matplotlib inline' commented out",
            "cells[2]: IPython line '!pip install -q torch' commented out",
            "cells[3]: IPython line '%%time' commented out",
            "cells[4]: cell magic '%%bash' is not Python: the whole cell is commented out",
            "cells[4]: its stored output is left out",
            "cells[5]: a warning on stderr is left out of the output block (Gradbook shows warnings but never compares them)",
            "cells[6]: image output (image/png) dropped: Gradbook draws its own figures when the cell runs",
        ])
        #expect(result.attachments.map(\.path) == ["media.attachments/dot.png"])
        #expect(result.attachments.first.map { Array($0.data.prefix(4)) } == [0x89, 0x50, 0x4E, 0x47])
        #expect(result.lesson.contains("A dot: ![dot](media.attachments/dot.png)\n"))
        #expect(result.lesson.contains("```python\n# %matplotlib inline\nimport torch\n```\n"))
        #expect(result.lesson.contains("```python\n# %%time\ns = torch.arange(4).sum()\nprint(s)\n```\n"))
        #expect(result.lesson.contains("```python\n# %%bash\n# echo hi\n# # a comment\n```\n\n```python\nimport warnings"))
        #expect(result.lesson.contains("```output\ndone\n```\n"))
        #expect(result.lesson.contains("plt.plot([1, 2, 3]);\n```\n\n<!-- gradbook-notebook: "))
    }

    @Test func indentedMagicsKeepTheirIndentationAndStringsAreLeftAlone() {
        let (source, commenting, lines) = IPythonSyntax.commentOut("for i in range(2):\n    !echo {i}\ns = '''\n%not a magic\n'''")
        #expect(source == "for i in range(2):\n    # !echo {i}\ns = '''\n%not a magic\n'''")
        #expect(commenting == .lines)
        #expect(lines == ["!echo {i}"])
        #expect(IPythonSyntax.uncomment(source, .lines) == "for i in range(2):\n    !echo {i}\ns = '''\n%not a magic\n'''")
    }
}
