import Testing
@testable import Lessons

/// Splicing output blocks into lesson bytes, from given outcomes.
@Suite struct LessonRewriterTests {
    private func result(_ text: String, _ outputs: [String]) throws -> LessonResult {
        let lesson = try LessonParser.parse(text, path: "a.md")
        return LessonResult(lesson: lesson, run: LessonRun(cells: outputs.map { .ran(CellOutcome(output: $0)) }))
    }

    @Test func addsReplacesAndRemovesBlocksOnly() throws {
        let text = """
        # T

        ```python
        print(1)
        ```
        Prose right after.

        ```python
        print(2)
        ```

        ```output
        wrong
        ```

        ```python
        x = 3
        ```

        ```output
        stale
        ```

        End.

        """
        let updated = LessonRewriter.updated(try result(text, ["1\n", "2\n", ""]))
        #expect(updated == """
        # T

        ```python
        print(1)
        ```

        ```output
        1
        ```
        Prose right after.

        ```python
        print(2)
        ```

        ```output
        2
        ```

        ```python
        x = 3
        ```

        End.

        """)
        #expect(LessonRewriter.updated(try result(updated, ["1\n", "2\n", ""])) == updated)
    }

    @Test func keepsCRLFAndMissingFinalNewline() throws {
        let text = "```python\r\nprint(1)\r\n```"
        let updated = LessonRewriter.updated(try result(text, ["1\n"]))
        #expect(updated == "```python\r\nprint(1)\r\n```\r\n\r\n```output\r\n1\r\n```")
        #expect(LessonRewriter.updated(try result(updated, ["1\n"])) == updated)
    }

    @Test func writesInsideBlockQuotesAndLists() throws {
        let text = """
        > ```python
        > print(1)
        > ```

        - step

          ```python
          print(2)
          ```

          ```output
          old
          ```
        - next

        """
        let updated = LessonRewriter.updated(try result(text, ["1\n\nend\n", "2\n"]))
        #expect(updated == """
        > ```python
        > print(1)
        > ```
        >
        > ```output
        > 1
        >
        > end
        > ```

        - step

          ```python
          print(2)
          ```

          ```output
          2
          ```
        - next

        """)
        let again = try LessonParser.parse(updated, path: "a.md")
        #expect(again.cells.map { $0.expected?.text } == ["1\n\nend\n", "2\n"])
    }

    @Test func unclosedCellIsClosedBeforeItsNewOutput() throws {
        let text = "# T\n\n~~~python\nprint(1)\n"
        let updated = LessonRewriter.updated(try result(text, ["1\n"]))
        #expect(updated == "# T\n\n~~~python\nprint(1)\n~~~\n\n```output\n1\n```\n")
        #expect(try LessonParser.parse(updated, path: "a.md").cells.map(\.source) == ["print(1)\n"])
    }

    @Test func outputHoldingAFenceGetsALongerFence() throws {
        let text = "```python\nx\n```\n\n```output\nold\n```\n"
        let updated = LessonRewriter.updated(try result(text, ["```\n"]))
        #expect(updated == "```python\nx\n```\n\n````output\n```\n````\n")
        #expect(try LessonParser.parse(updated, path: "a.md").cells[0].expected?.text == "```\n")
    }

    @Test func executedCopyDropsOptionsAndRefreshesOutputs() throws {
        let text = "```python\n#| id: a\n#| echo: false\nprint(1)\n```\n\n```output\nold\n```\n\n```python\nx = 1\n```\n"
        let executed = LessonRewriter.executed(try result(text, ["1\n", ""]))
        #expect(executed == "```python\nprint(1)\n```\n\n```output\n1\n```\n\n```python\nx = 1\n```\n")
    }
}
