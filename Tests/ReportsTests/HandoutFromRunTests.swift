import Lessons
import Reports
import Testing

/// Handouts of lessons really run by the interpreter: warnings, hidden output, declared errors.
@Suite struct HandoutFromRunTests {
    private let text = """
    # Run for real

    ```python
    import warnings
    warnings.warn("careful")
    print("visible")
    ```

    ```python
    #| output: false
    print("hidden output")
    ```

    ```python
    #| raises: KeyError
    {}["k"]
    ```

    ```python
    print("still runs")
    ```
    """

    @Test func warningsShownHiddenOutputHiddenDeclaredErrorShownShort() throws {
        let lesson = try LessonParser.parse(text, path: "real.md")
        let result = LessonResult(lesson: lesson, run: LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)))
        #expect(result.passed)
        let html = HTMLHandout.render(result)
        // The interpreter words warnings as CPython does; the handout shows them after the output.
        #expect(html.contains("<pre class=\"output\" role=\"region\" aria-label=\"Output of cell 1\"><span class=\"line\">visible</span></pre>\n<pre class=\"warnings\" role=\"region\" aria-label=\"Warnings of cell 1\">"))
        #expect(html.contains("UserWarning: careful"))
        #expect(html.contains("<span class=\"builtin\">print</span>(<span class=\"string\">&quot;hidden output&quot;</span>)"))
        #expect(!html.contains("<span class=\"line\">hidden output</span>"))
        #expect(html.contains("<span class=\"state state-expected\">expected KeyError</span>"))
        #expect(html.contains("<pre class=\"error expected\" role=\"region\" aria-label=\"Expected error of cell 3\"><span class=\"line\">KeyError: 'k'</span></pre>"))
        #expect(html.contains("<span class=\"line\">still runs</span>"))
        #expect(!html.contains("<p class=\"banner\">"))
        #expect(HTMLHandout.render(result) == html)
    }
}
