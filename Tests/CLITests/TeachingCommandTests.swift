import Foundation
import Testing

/// `run --student`, `check --answers` and inline claims, through the built executable.
@Suite struct TeachingCommandTests {
    static let lesson = """
    # Exercise

    ```python
    import torch
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    ```

    ```python
    #| solution: code
    #| id: square
    #| stub: y = ...
    y = x ** 2
    y.sum().backward()
    ```

    ```python
    #| exercise: the gradient is 2x
    assert torch.equal(x.grad, 2 * x.detach()), "x.grad should be 2x"
    ```
    """

    @Test func studentCopyHidesSolutionsAndTeacherCopyMarksThem() throws {
        let scratch = try Scratch(["ex.md": Self.lesson])
        defer { scratch.remove() }
        let teacher = try GradbookProcess.run(["run", "ex.md", "--out", "teacher"], in: scratch.url)
        #expect(teacher.status == 0, "\(teacher.stdout)\(teacher.stderr)")
        let student = try GradbookProcess.run(["run", "ex.md", "--out", "student", "--student"], in: scratch.url)
        #expect(student.status == 0, "\(student.stdout)\(student.stderr)")
        let markdown = try scratch.read("student/ex.md")
        #expect(markdown.contains("```python answer=square\ny = ...\n```\n"))
        #expect(!markdown.contains("x ** 2"))
        let html = try scratch.read("student/ex.html")
        #expect(!html.contains("**"))
        #expect(html.contains("Exercise: write this cell yourself; it should print what is shown."))
        #expect(html.contains("Exercise check: the gradient is 2x"))
        let teacherHTML = try scratch.read("teacher/ex.html")
        #expect(teacherHTML.contains("y = x ** <span class=\"number\">2</span>"))
        #expect(teacherHTML.contains("Solution: the student copy shows the stub and keeps the output."))
        // The teacher's executed copy carries the gradient panel as its own block.
        #expect(try scratch.read("teacher/ex.md").contains("```gradients\nx [3] float32  (changed)\n"))
    }

    @Test func answersArePassedOrFailedByTheLessonsChecks() throws {
        let scratch = try Scratch([
            "ex.md": Self.lesson,
            "right.md": "```python answer=square\n(x * x).sum().backward()\n```\n",
            "wrong.md": "# mine\n\n```python answer=square\n(x * 3).sum().backward()\n```\n\n```python\npass\n```\n",
        ])
        defer { scratch.remove() }
        let right = try GradbookProcess.run(["check", "ex.md", "--answers", "right.md"], in: scratch.url)
        #expect(right.status == 0, "\(right.stdout)\(right.stderr)")
        #expect(right.stdout.hasSuffix("1 passed, 0 failed\n"), "\(right.stdout)")
        let wrong = try GradbookProcess.run(["check", "ex.md", "--answers", "wrong.md"], in: scratch.url)
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("ex.md:18: raised AssertionError: x.grad should be 2x\n"), "\(wrong.stdout)")
        #expect(wrong.stdout.hasSuffix("0 passed, 1 failed\n"))
        let missing = try GradbookProcess.run(["check", "ex.md", "--answers", "ex.md"], in: scratch.url)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("ex.md:1:1: error: no answer for 'square'"), "\(missing.stdout)")
        let two = try GradbookProcess.run(["check", "ex.md", "right.md", "--answers", "right.md"], in: scratch.url)
        #expect(two.status == 2)
        #expect(two.stderr == "gradbook: --answers needs exactly one lesson file to check the answers against (got 2)\n")
    }

    @Test func checkReportsTheArticlesWrongInlineClaim() throws {
        let scratch = try Scratch(["article.md": """
        # PyTorch Variables, with float values

        ```python
        import torch
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        y = x * 2
        y.sum().backward()
        print(x.grad)  # Output: tensor([2., 4., 6.])
        ```
        """])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "article.md"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("""
        article.md:8: inline claim differs
        --- claimed
        +++ printed
        @@ -1 +1 @@
        -tensor([2., 4., 6.])
        +tensor([2., 2., 2.])
        0 passed, 1 failed

        """), "\(result.stdout)")
    }
}
