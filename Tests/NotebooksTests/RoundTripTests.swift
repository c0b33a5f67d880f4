import Foundation
import Lessons
import Testing
@testable import Notebooks

/// Import, run, export: the notebook comes back with the same cells, ids and metadata, and
/// only the outputs that Gradbook's run changed are different.
@Suite struct RoundTripTests {
    private func roundTrip(_ name: String) throws -> (original: Notebook, exported: Notebook, result: LessonResult) {
        let original = try NotebookReader.parse(try Fixture.bytes(name + ".ipynb"), path: name + ".ipynb")
        let imported = try NotebookImporter.lesson(from: original, name: name, file: name + ".ipynb")
        let lesson = try LessonParser.parse(imported.lesson, path: name + ".md")
        let result = LessonResult(lesson: lesson, run: LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)))
        let files = Dictionary(uniqueKeysWithValues: imported.attachments.map { ($0.path, $0.data) })
        let exported = NotebookExporter.notebook(from: result) { files[$0] }
        #expect(exported.warnings.isEmpty)
        return (original, exported.notebook, result)
    }

    private func withoutOutputs(_ cell: NotebookCell) -> NotebookCell {
        var cell = cell
        cell.outputs = []
        cell.executionCount = nil
        return cell
    }

    @Test func cellsIdsAndMetadataComeBackByteForByte() throws {
        for name in ["errors", "media"] {
            let (original, exported, _) = try roundTrip(name)
            #expect(exported.metadata == original.metadata)
            #expect(exported.nbformatMinor == 5)
            #expect(exported.cells.map(withoutOutputs) == original.cells.map(withoutOutputs), "\(name)")
        }
    }

    @Test func onlyTheOutputsThatChangedDiffer() throws {
        let (original, exported, result) = try roundTrip("errors")
        #expect(result.cells.map(\.status) == [.passed, .passed, .passed, .passed, .ran, .failed])
        let changed = zip(original.cells, exported.cells).enumerated().filter { $0.element.0.outputs != $0.element.1.outputs }.map(\.offset)
        // Two errors (Gradbook's tracebacks name the lesson's lines) and the stale cell.
        #expect(changed == [4, 5, 9])
        #expect(exported.cells[9].outputs == [.stream(name: "stdout", text: "tensor(20.)\n")])
        guard case .error(let name, let value, let traceback) = exported.cells[4].outputs.last else {
            Issue.record("no error output")
            return
        }
        #expect(name == "ZeroDivisionError")
        #expect(value == "division by zero")
        #expect(traceback == ["Traceback (most recent call last):", "  File \"errors.md\", line 34, in <module>", "    1 / 0",
                              "    ~~^~~", "ZeroDivisionError: division by zero"])
        #expect(exported.cells[4].outputs.first == .stream(name: "stdout", text: "before\n"))
        #expect(exported.cells.map(\.executionCount) == [nil, 1, nil, nil, 2, 3, nil, 4, 5, 6, nil])
    }

    @Test func aLessonWrittenByHandGetsAPythonKernelAndStableIds() throws {
        let text = """
            ---
            title: By hand
            ---
            # By hand

            Intro.


            ```python
            #| id: first
            x = 1
            x + 1
            ```

            Between.

            ```python
            #| raises: ValueError
            warnings_free = int('a')
            ```

            """
        let lesson = try LessonParser.parse(text, path: "hand.md")
        let result = LessonResult(lesson: lesson, run: LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)))
        let notebook = NotebookExporter.notebook(from: result) { _ in nil }.notebook
        #expect(notebook.metadata == NotebookDefaults.metadata.setting("title", to: .string("By hand")))
        #expect(notebook.cells.map(\.kind) == [.markdown, .code, .markdown, .code])
        #expect(notebook.cells.map(\.source) == ["# By hand\n\nIntro.", "#| id: first\nx = 1\nx + 1", "Between.",
                                                 "#| raises: ValueError\nwarnings_free = int('a')"])
        #expect(notebook.cells[1].id == "first")
        #expect(notebook.cells[1].outputs == [.executeResult(executionCount: 1, data: .object(["text/plain": .string("2")]), metadata: .object([]))])
        #expect(notebook.cells[3].outputs.count == 1)
        let again = NotebookExporter.notebook(from: result) { _ in nil }.notebook
        #expect(again.cells.map(\.id) == notebook.cells.map(\.id))
        #expect(Set(notebook.cells.compactMap(\.id)).count == 4)
    }
}

/// A lesson exported and imported again is the same lesson (with its record added).
@Suite struct LessonRoundTripTests {
    @Test func exportThenImportKeepsTheCellsAndTheirOptions() throws {
        let text = "# Again\n\n```python\n#| raises: ZeroDivisionError\n1 / 0\n```\n\n```output\nZeroDivisionError: division by zero\n```\n"
        let lesson = try LessonParser.parse(text, path: "again.md")
        let result = LessonResult(lesson: lesson, run: LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)))
        let notebook = NotebookExporter.notebook(from: result) { _ in nil }.notebook
        let back = try NotebookImporter.lesson(from: notebook, name: "again", file: "again.ipynb")
        let reparsed = try LessonParser.parse(back.lesson, path: "again.md")
        #expect(reparsed.cells.map(\.source) == lesson.cells.map(\.source))
        #expect(reparsed.cells.map(\.expected?.text) == lesson.cells.map(\.expected?.text))
        #expect(back.lesson.hasPrefix("---\ntitle: Again\n---\n\n# Again\n\n```python\n#| raises: ZeroDivisionError\n1 / 0\n```\n"))
    }
}
