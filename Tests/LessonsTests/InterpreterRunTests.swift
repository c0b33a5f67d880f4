import Foundation
import Testing
@testable import Lessons

/// Lessons run by the real interpreter, in-process: sessions, stops, timeouts, locations,
/// and `--update` round trips on the fixture lessons.
@Suite struct InterpreterRunTests {
    private func run(_ text: String, path: String = "a.md") throws -> LessonResult {
        let lesson = try LessonParser.parse(text, path: path)
        return LessonResult(lesson: lesson, run: LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)))
    }

    private func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "md"))
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    @Test func cellsShareOneSessionAndEchoTheLastExpression() throws {
        let result = try run("```python\nx = 20\n```\n\n```python\nprint(x + 1)\nx * 2\n```\n\n```output\n21\n40\n```\n")
        #expect(result.cells.map(\.status) == [.ran, .passed])
        #expect(result.passed)
    }

    /// A generator left suspended by one cell and released by a later one is closed there; the
    /// closing cell's frame must stay current (its body used to put back the frame of the cell
    /// that first resumed it, freed by then: a crash or a traceback naming the wrong cell).
    @Test func generatorReleasedInALaterCellKeepsThatCellsFrame() throws {
        var text = "```python\ndef gen(n):\n    for i in range(n):\n        yield i\n```\n\n"
        for round in 0..<20 {
            text += "```python\nit = gen(3)\nprint(next(it), \(round))\n```\n\n```output\n0 \(round)\n```\n\n"
        }
        text += "```python\n#| raises: ValueError\nit = None\nraise ValueError('here')\n```\n"
        let result = try run(text)
        #expect(result.passed)
        let exception = try #require(result.cells.last?.outcome?.exception)
        #expect(exception.lastLine == "ValueError: here")
        #expect(exception.line == text.split(separator: "\n", omittingEmptySubsequences: false).count - 2)
    }

    /// `raises: Name` is met by an instance of Name, as `except Name:` would catch it; an
    /// unrelated exception still fails the cell and stops the lesson.
    @Test func raisesAcceptsSubclasses() throws {
        let text = "```python\n#| raises: Exception\n1 / 0\n```\n\n```python\n#| raises: LookupError\n{}['a']\n```\n\n"
            + "```python\n#| raises: ValueError\n{}['b']\n```\n\n```python\nprint('after')\n```\n\n```output\nafter\n```\n"
        let result = try run(text)
        #expect(result.cells.map(\.status) == [.passed, .passed, .failed, .notRun])
        #expect(result.cells[1].outcome?.exception?.typeNames == ["KeyError", "LookupError", "Exception", "BaseException", "object"])
    }

    @Test func exceptionsNameTheLessonLine() throws {
        let text = "# T\n\n- item\n\n  ```python\n  a = 1\n  b = a / 0\n  ```\n"
        let result = try run(text, path: "dir/lesson.md")
        let exception = try #require(result.cells[0].outcome?.exception)
        #expect(exception.lastLine == "ZeroDivisionError: division by zero")
        #expect(exception.line == 7)
        #expect(exception.traceback.contains("File \"dir/lesson.md\", line 7"))
        #expect(result.cells[0].status == .failed)
        #expect(result.stoppingCell?.cell.index == 0)
        #expect(!result.passed)
    }

    @Test func anUnexpectedExceptionStopsTheLesson() throws {
        let result = try run(try fixture("stops"), path: "stops.md")
        #expect(result.cells.map(\.status) == [.passed, .passed, .notRun, .notRun])
        #expect(result.passedCount == 2)
        #expect(result.failedCount == 1)
        #expect(result.cells[3].reason == "not run")
        #expect(result.stoppingCell?.cell.index == 1)
    }

    @Test func declaredExceptionsLetTheLessonGoOn() throws {
        let text = "```python\n#| raises: KeyError\n{}['k']\n```\n\n```python\nprint('after')\n```\n\n```output\nafter\n```\n"
        let result = try run(text)
        #expect(result.cells.map(\.status) == [.passed, .passed])
    }

    @Test func timeoutOptionStopsARunawayCell() throws {
        let text = "```python\n#| timeout: 0.3\nwhile True:\n    pass\n```\n\n```python\nprint(1)\n```\n"
        let result = try run(text)
        #expect(result.cells[0].outcome?.exception?.typeName == "TimeoutError")
        #expect(result.cells.map(\.status) == [.failed, .notRun])
    }

    @Test func skippedCellsDoNotRun() throws {
        let text = "```python\n#| skip: true\nraise ValueError('no')\n```\n\n```python\nprint('yes')\n```\n\n```output\nyes\n```\n"
        let result = try run(text)
        #expect(result.cells.map(\.status) == [.skipped, .passed])
    }

    @Test func toleranceAcceptsCloseNumbers() throws {
        let text = "```python\n#| tolerance: 1e-9\nprint(0.1 + 0.2)\n```\n\n```output\n0.3\n```\n"
        #expect(try run(text).passed)
        #expect(!(try run(text.replacingOccurrences(of: "#| tolerance: 1e-9\n", with: ""))).passed)
    }

    @Test func utf8NamesAndStrings() throws {
        let text = "```python\nπ = 3\nprint(\"naïve ✓\", π)\n```\n\n```output\nnaïve ✓ 3\n```\n"
        #expect(try run(text).passed)
    }

    @Test(arguments: ["", "-crlf"])
    func updateRewritesOnlyOutputBlocksAndIsIdempotent(_ variant: String) throws {
        let before = try fixture("update-before\(variant)")
        let after = try fixture("update-after\(variant)")
        let first = try run(before)
        #expect(!first.passed)
        let updated = LessonRewriter.updated(first)
        #expect(updated == after)
        let second = try run(updated)
        #expect(second.passed)
        #expect(LessonRewriter.updated(second) == updated)
    }
}
