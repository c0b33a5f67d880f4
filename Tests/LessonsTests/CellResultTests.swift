import Testing
@testable import Lessons

/// Verdicts from given outcomes: how cells are judged, independent of any interpreter.
@Suite struct CellResultTests {
    private func cell(_ options: String = "", expected: String? = nil) throws -> Cell {
        var text = "```python\n\(options)x\n```\n"
        if let expected { text += "\n```output\n\(expected)```\n" }
        return try LessonParser.parse(text, path: "a.md").cells[0]
    }

    private func raised(_ name: String, _ message: String) -> RaisedException {
        RaisedException(typeName: name, lastLine: "\(name): \(message)", traceback: "", line: 2, column: 1)
    }

    @Test func matchingOutputPasses() throws {
        let result = CellResult(cell: try cell(expected: "1\n"), run: .ran(CellOutcome(output: "1\n")))
        #expect(result.status == .passed)
    }

    @Test func differentOutputFailsWithDiff() throws {
        let result = CellResult(cell: try cell(expected: "1\n"), run: .ran(CellOutcome(output: "2\n")))
        #expect(result.status == .failed)
        #expect(result.reason == "output differs")
        #expect(result.diff == "@@ -1 +1 @@\n-1\n+2\n")
    }

    @Test func outputBlockEndingWithTheExceptionDeclaresIt() throws {
        let outcome = CellOutcome(output: "partial\n", exception: raised("ValueError", "bad"))
        #expect(CellResult(cell: try cell(expected: "partial\nValueError: bad\n"), run: .ran(outcome)).status == .passed)
        let unexpected = CellResult(cell: try cell(expected: "partial\n"), run: .ran(outcome))
        #expect(unexpected.status == .failed)
        #expect(unexpected.reason == "raised ValueError: bad")
    }

    @Test func raisesOption() throws {
        let options = "#| raises: ValueError\n"
        let error = CellOutcome(output: "", exception: raised("ValueError", "bad"))
        #expect(CellResult(cell: try cell(options), run: .ran(error)).status == .passed)
        #expect(CellResult(cell: try cell(options, expected: "ValueError: bad\n"), run: .ran(error)).status == .passed)
        #expect(CellResult(cell: try cell(options, expected: "ValueError: other\n"), run: .ran(error)).status == .failed)
        let other = CellResult(cell: try cell(options), run: .ran(CellOutcome(output: "", exception: raised("KeyError", "'a'"))))
        #expect(other.reason == "expected ValueError to be raised, got KeyError: 'a'")
        let none = CellResult(cell: try cell(options), run: .ran(CellOutcome(output: "")))
        #expect(none.reason == "expected ValueError to be raised, but the cell completed")
    }

    @Test func uncheckedSkippedAndNotRunCells() throws {
        #expect(CellResult(cell: try cell(), run: .ran(CellOutcome(output: "1\n"))).status == .ran)
        #expect(CellResult(cell: try cell("#| check: false\n", expected: "1\n"), run: .ran(CellOutcome(output: "2\n"))).status == .ran)
        let skipped = CellResult(cell: try cell("#| skip: true\n", expected: "1\n"), run: .skipped)
        #expect(skipped.status == .skipped && !skipped.countsAsFailed)
        #expect(CellResult(cell: try cell(expected: "1\n"), run: .notRun).countsAsFailed)
        #expect(!CellResult(cell: try cell(), run: .notRun).countsAsFailed)
    }
}
