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
        #expect(html.contains("<pre class=\"output\">visible</pre>\n<pre class=\"warnings\">"))
        #expect(html.contains("UserWarning: careful"))
        #expect(html.contains("print(<span class=\"string\">&quot;hidden output&quot;</span>)"))
        #expect(!html.contains("<pre class=\"output\">hidden output</pre>"))
        #expect(html.contains("<pre class=\"error\">KeyError: 'k'</pre>"))
        #expect(html.contains("<pre class=\"output\">still runs</pre>"))
        #expect(!html.contains("<p class=\"banner\">"))
        #expect(HTMLHandout.render(result) == html)
    }
}
