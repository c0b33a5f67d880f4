import Foundation
import FoundationXML
import Lessons
import Reports
import Testing

/// Reports are pure: these build results from given outcomes and check the exact bytes.
@Suite struct ReportsTests {
    private let text = """
    ---
    title: A <small> lesson
    ---
    Intro with *emphasis*.

    ```python
    #| id: first
    print("a < b")
    ```

    ```output
    a < b
    ```

    > ```python
    > #| echo: false
    > print(2)
    > ```

    ```python
    1 / 0
    ```

    ```python
    print(3)
    ```

    ```output
    3
    ```
    """

    private func result() throws -> LessonResult {
        let lesson = try LessonParser.parse(text, path: "lessons/small.md")
        let error = RaisedException(typeName: "ZeroDivisionError", lastLine: "ZeroDivisionError: division by zero",
                                    traceback: "Traceback (most recent call last):\n  File \"lessons/small.md\", line 21, in <module>\nZeroDivisionError: division by zero\n",
                                    line: 21, column: 1)
        return LessonResult(lesson: lesson, run: LessonRun(cells: [
            .ran(CellOutcome(output: "a < b\n", seconds: 0.5)),
            .ran(CellOutcome(output: "2\n")),
            .ran(CellOutcome(output: "", exception: error)),
            .notRun,
        ], seconds: 1.25))
    }

    @Test func handoutShowsCellsOutputsAndErrorsButNoOptions() throws {
        let html = HTMLHandout.render(try result())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>A &lt;small&gt; lesson</title>"))
        #expect(html.contains("<p>Intro with <em>emphasis</em>.</p>"))
        #expect(html.contains("<div class=\"cell\" id=\"first\">\n<div class=\"cell-head\"><a class=\"cell-number\" href=\"#first\">Cell 1</a><span class=\"state state-pass\">✓ output checked</span></div>\n<pre class=\"code\" role=\"region\" aria-label=\"Code of cell 1\" tabindex=\"0\"><code class=\"language-python\"><span class=\"line\"><span class=\"builtin\">print</span>(<span class=\"string\">&quot;a &lt; b&quot;</span>)</span></code></pre>\n<pre class=\"output\" role=\"region\" aria-label=\"Output of cell 1\"><span class=\"line\">a &lt; b</span></pre>\n</div>"))
        #expect(html.contains("<blockquote>\n<div class=\"cell\" id=\"cell-2\">\n<div class=\"cell-head\"><a class=\"cell-number\" href=\"#cell-2\">Cell 2</a></div>\n<pre class=\"output\" role=\"region\" aria-label=\"Output of cell 2\"><span class=\"line\">2</span></pre>\n</div>\n</blockquote>"))
        #expect(html.contains("<pre class=\"error\" role=\"region\" aria-label=\"Error of cell 3\"><span class=\"line\">Traceback (most recent call last):</span><span class=\"line\">  File &quot;lessons/small.md&quot;, line 21, in &lt;module&gt;</span><span class=\"line\">ZeroDivisionError: division by zero</span></pre>"))
        #expect(html.contains("<p class=\"banner\">This lesson stopped at line 21: ZeroDivisionError: division by zero</p>"))
        #expect(html.contains("<p class=\"note\">Not run: an earlier cell stopped the lesson.</p>"))
        #expect(!html.contains("#|"))
        #expect(!html.contains("```"))
        #expect(!html.contains("http"))
        #expect(HTMLHandout.render(try result()) == html)
    }

    @Test func indexListsLessonsWithStatus() throws {
        let html = IndexPage.render([try result()])
        #expect(html.contains("<li>\n<a class=\"lesson-title\" href=\"small.html\">A &lt;small&gt; lesson</a>\n<p class=\"summary\">Intro with <em>emphasis</em>.</p>\n<p class=\"status\"><span class=\"state-fail\">✗ failed</span> · 1 of 3 checked cells pass</p>\n</li>"))
    }

    @Test func checkReportLinesAndTotals() throws {
        let result = try result()
        #expect(CheckReport.lessonLine(result) == "FAIL  lessons/small.md  (1/3 cells, 1.25s)\n")
        #expect(CheckReport.failures(result) == """
        lessons/small.md:21: raised ZeroDivisionError: division by zero
        Traceback (most recent call last):
          File "lessons/small.md", line 21, in <module>
        ZeroDivisionError: division by zero
        lessons/small.md:28: not run

        """)
        #expect(CheckReport.totals([result, result]) == "2 passed, 4 failed\n")
    }

    @Test func brokenDownLessonWithoutFailedCellsCountsAsOneFailure() throws {
        let malformed = LessonResult.malformed(LessonError(file: "l/bad.md", line: 4, message: "unknown cell option 'x'"), text: "# Bad\n")
        #expect(CheckReport.lessonLine(malformed) == "FAIL  l/bad.md  (0/0 cells, 0.00s, l/bad.md:4:1: error: unknown cell option 'x')\n")
        #expect(CheckReport.totals([try result(), malformed]) == "1 passed, 3 failed\n")
    }

    @Test func junitIsWellFormedWithATestcasePerCheckedCell() throws {
        let xml = JUnitReport.render([try result()])
        let document = try XMLDocument(xmlString: xml, options: [])
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == 3)
        let failures = try document.nodes(forXPath: "//testcase/failure")
        #expect(failures.count == 2)
        #expect((failures[0] as? XMLElement)?.attribute(forName: "message")?.stringValue == "raised ZeroDivisionError: division by zero")
        #expect((failures[1] as? XMLElement)?.attribute(forName: "message")?.stringValue == "not run")
        let suite = try #require(try document.nodes(forXPath: "//testsuite").first as? XMLElement)
        #expect(suite.attribute(forName: "name")?.stringValue == "lessons/small.md")
        #expect(suite.attribute(forName: "tests")?.stringValue == "3")
        #expect(suite.attribute(forName: "failures")?.stringValue == "2")
        #expect((cases[0] as? XMLElement)?.attribute(forName: "name")?.stringValue == "first")
    }

    @Test func junitEscapesControlCharactersAndMarkup() throws {
        let lesson = try LessonParser.parse("```python\nx\n```\n\n```output\nold\n```\n", path: "a&b.md")
        let result = LessonResult(lesson: lesson, run: LessonRun(cells: [.ran(CellOutcome(output: "\u{1B}[31m<red>\n"))]))
        let xml = JUnitReport.render([result])
        _ = try XMLDocument(xmlString: xml, options: [])
        // Compared lines show control characters as control pictures (ESC is U+241B).
        #expect(xml.contains("+\u{241B}[31m&lt;red&gt;"))
    }

    @Test func executedMarkdownHasFreshOutputsAndNoOptions() throws {
        let markdown = ExecutedMarkdown.render(try result())
        #expect(!markdown.contains("#|"))
        #expect(markdown.contains("> ```python\n> print(2)\n> ```\n>\n> ```output\n> 2\n> ```\n"))
        #expect(markdown.contains("```python\n1 / 0\n```\n\n```output\nZeroDivisionError: division by zero\n```\n"))
        #expect(markdown.hasSuffix("```python\nprint(3)\n```\n"))
    }
}
