import Testing
@testable import Lessons

@Suite struct CellOptionsTests {
    @Test func allOptionsAreRead() throws {
        let text = """
        ```python
        #| raises: RuntimeError
        #| skip: false
        #| echo: false
        #| output: false
        #| check: false
        #| timeout: 2.5
        #| tolerance: 1e-4
        #| id: first-cell
        x = 1
        ```
        """
        let cell = try LessonParser.parse(text, path: "a.md").cells[0]
        var expected = CellOptions()
        expected.raises = "RuntimeError"
        expected.echo = false
        expected.output = false
        expected.check = false
        expected.timeout = 2.5
        expected.tolerance = 1e-4
        expected.id = "first-cell"
        #expect(cell.options == expected)
        #expect(cell.optionLineCount == 8)
        #expect(cell.code == "x = 1\n")
        #expect(cell.firstCodeLine == 10)
    }

    @Test func unknownKeyIsAnErrorWithFileLineColumn() {
        let text = "Intro\n\n- item\n\n  ```python\n  #| colour: red\n  x = 1\n  ```\n"
        #expect(throws: LessonError(file: "l.md", line: 6, column: 3,
                                    message: "unknown cell option 'colour' (known: raises, skip, echo, output, check, timeout, tolerance, id, graph, gradients, trace, variables, solution, stub, exercise)")) {
            try LessonParser.parse(text, path: "l.md")
        }
    }

    @Test(arguments: [
        ("#| skip: yes", "cell option 'skip' must be true or false, not 'yes'"),
        ("#| timeout: -1", "cell option 'timeout' must be a positive number, not '-1'"),
        ("#| tolerance: abc", "cell option 'tolerance' must be a non-negative number, not 'abc'"),
        ("#| raises: 3Error", "cell option 'raises' must name an exception type, not '3Error'"),
        ("#| id: has space", "cell option 'id' must be letters, digits, '_' or '-', not 'has space'"),
        ("#| just words", "cell option is not 'key: value': '#| just words'"),
    ])
    func badValuesAreErrors(line: String, message: String) {
        #expect(throws: LessonError(file: "l.md", line: 2, column: 1, message: message)) {
            try LessonParser.parse("```python\n\(line)\n```\n", path: "l.md")
        }
    }

    @Test func repeatedKeyIsAnError() {
        #expect(throws: LessonError(file: "l.md", line: 3, column: 1, message: "cell option 'skip' is given twice")) {
            try LessonParser.parse("```python\n#| skip: true\n#| skip: false\n```\n", path: "l.md")
        }
    }

    @Test func optionLinesOnlyAtTheTop() throws {
        let cell = try LessonParser.parse("```python\nx = 1\n#| skip: true\n```\n", path: "l.md").cells[0]
        #expect(cell.options == CellOptions())
        #expect(cell.optionLineCount == 0)
    }
}
