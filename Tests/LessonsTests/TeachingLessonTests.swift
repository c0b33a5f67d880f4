@testable import Lessons
import Testing

/// Teaching options, inline claims, student copies and answers, at the Lessons layer.
@Suite struct TeachingLessonTests {
    private func run(_ text: String, path: String = "lesson.md") throws -> LessonResult {
        let lesson = try LessonParser.parse(text, path: path)
        let run = InterpreterSession.onLargeStack { LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)) }
        return LessonResult(lesson: lesson, run: run)
    }

    @Test func teachingOptionsAreParsed() throws {
        let lesson = try LessonParser.parse("""
        ```python
        #| graph: torch.cat([a, b]), saved
        #| trace: loss
        #| gradients: false
        #| variables: true
        #| solution: code
        #| stub: x = ...\\nprint(x)
        #| exercise: the gradient of x squared
        pass
        ```
        """, path: "l.md")
        let options = lesson.cells[0].options
        #expect(options.graph == ExpressionOption(expression: "torch.cat([a, b])", saved: true, line: 2))
        #expect(options.trace == ExpressionOption(expression: "loss", line: 3))
        #expect(options.gradients == false && options.variables)
        #expect(options.solution == .code)
        #expect(options.stub == "x = ...\nprint(x)")
        #expect(options.exercise == "the gradient of x squared")
        #expect(try LessonParser.parse("```python\n#| solution: true\n```\n", path: "l.md").cells[0].options.solution == .all)
    }

    @Test func badTeachingOptionsAreErrorsWithTheirPlace() {
        #expect(throws: LessonError(file: "l.md", line: 2, column: 1, message: "cell option 'graph' needs an expression, such as 'graph: loss'")) {
            try LessonParser.parse("```python\n#| graph:\n```\n", path: "l.md")
        }
        #expect(throws: LessonError(file: "l.md", line: 2, column: 1, message: "cell option 'solution' must be true, false, code or all, not 'maybe'")) {
            try LessonParser.parse("```python\n#| solution: maybe\n```\n", path: "l.md")
        }
    }

    @Test func inlineClaimsAreFoundOnPrintLinesOnly() {
        let claims = InlineClaim.find(in: """
        print(x.grad)  # Output: tensor([2., 4., 6.])
            print("# not a comment")  # -> # not a comment
        y = 3  # Output: 3
        print(y)  # a plain comment
        """, firstLine: 10)
        #expect(claims == [InlineClaim(line: 10, text: "tensor([2., 4., 6.])"), InlineClaim(line: 11, text: "# not a comment")])
    }

    /// The "PyTorch Variables" article's claim, with its dtype error fixed: `check` must
    /// say that `x * 2` gives gradient 2 everywhere, not 2x.
    @Test func theArticlesWrongClaimFailsWithItsLine() throws {
        let result = try run("""
        # The article, with float values

        ```python
        import torch
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        y = x * 2
        y.sum().backward()
        print(x.grad)  # Output: tensor([2., 4., 6.])
        ```
        """, path: "article.md")
        #expect(!result.passed)
        let cell = result.cells[0]
        #expect(cell.status == .failed && cell.reason == "inline claim differs")
        #expect(cell.claimMismatches == [ClaimMismatch(line: 8, claimed: "tensor([2., 4., 6.])", printed: "tensor([2., 2., 2.])\n")])
        #expect(cell.claimMismatches[0].diff == "@@ -1 +1 @@\n-tensor([2., 4., 6.])\n+tensor([2., 2., 2.])\n")
    }

    @Test func aTrueClaimPassesAndCountsAsChecked() throws {
        let result = try run("""
        ```python
        import torch
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        (x ** 2).sum().backward()
        print(x.grad)  # -> tensor([2., 4., 6.])
        ```
        """)
        #expect(result.passed && result.passedCount == 1 && result.checkedCount == 1)
    }

    @Test func aClaimNeverReachedIsJudgedOnlyWhenTheCellCompleted() throws {
        let skipped = try run("```python\nif False:\n    print(1)  # Output: 1\n```\n")
        #expect(skipped.cells[0].claimMismatches == [ClaimMismatch(line: 3, claimed: "1", printed: "")])
        // The article as printed raises first; its declared error is what is checked.
        let raised = try run("```python\n#| raises: ZeroDivisionError\n1 / 0\nprint(1)  # Output: 2\n```\n")
        #expect(raised.passed)
    }

    static let exerciseLesson = """
    # Exercise

    ```python
    import torch
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    ```

    ```python
    #| solution: code
    #| id: square
    #| stub: y = ...  # make y.sum() have gradient 2x
    y = x ** 2
    y.sum().backward()
    print(x.grad)
    ```

    ```output
    tensor([2., 4., 6.])
    ```

    ```python
    #| solution: all
    z = 5
    ```

    ```python
    #| exercise: the gradient is 2x
    assert torch.equal(x.grad, 2 * x.detach())
    ```
    """

    @Test func studentMarkdownShowsStubsAndAnswerFences() throws {
        let result = try run(Self.exerciseLesson, path: "exercise.md")
        #expect(result.passed)
        let student = LessonRewriter.student(StudentCopy.make(result))
        #expect(student == """
        # Exercise

        ```python
        import torch
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        ```

        ```python answer=square
        y = ...  # make y.sum() have gradient 2x
        ```

        ```output
        tensor([2., 4., 6.])
        ```

        ```python answer=cell-3
        # Your answer here
        ```

        ```python
        assert torch.equal(x.grad, 2 * x.detach())
        ```
        """)
    }

    @Test func answersReplaceSolutionCodeAndKeepTheTeachersChecks() throws {
        let lesson = try LessonParser.parse(Self.exerciseLesson, path: "exercise.md")
        let answers = try LessonParser.parse("""
        ```python
        import torch
        ```

        ```python answer=square
        y = x * 3
        y.sum().backward()
        ```

        ```python answer=cell-3
        z = 6
        ```

        ```python
        pass  # a weakened check is ignored: the lesson's own runs
        ```
        """, path: "student.md")
        let merged = try LessonAnswers.merge(lesson, answers: answers)
        #expect(merged.cells[1].code == "y = x * 3\ny.sum().backward()\n")
        #expect(merged.cells[1].firstCodeLine == 6 && merged.cells[1].answerFile == "student.md")
        let run = InterpreterSession.onLargeStack { LessonExecutor.run(merged, in: InterpreterSession(lesson: merged)) }
        let result = LessonResult(lesson: merged, run: run)
        #expect(!result.passed)
        #expect(result.cells[3].outcome?.exception?.typeName == "AssertionError")
        #expect(throws: LessonError(file: "student.md", line: 1, column: 1,
                                    message: "no answer for 'cell-3' (a cell fenced as 'python answer=cell-3', for exercise.md:21)")) {
            try LessonAnswers.merge(lesson, answers: LessonParser.parse("```python answer=square\npass\n```\n", path: "student.md"))
        }
    }
}
