import Testing
@testable import Lessons

@Suite struct LessonParserTests {
    @Test func backtickAndTildeCellsWithOutputBlocks() throws {
        let text = """
        # Title here

        ```python
        print(1)
        ```

        ```output
        1
        ```

        ~~~py
        x = 2
        ~~~
        ~~~output
        two
        ~~~
        """
        let lesson = try LessonParser.parse(text, path: "a.md")
        #expect(lesson.title == "Title here")
        #expect(lesson.cells.count == 2)
        #expect(lesson.cells[0].source == "print(1)\n")
        #expect(lesson.cells[0].lines == 3...5)
        #expect(lesson.cells[0].firstSourceLine == 4)
        #expect(lesson.cells[0].expected == ExpectedOutput(text: "1\n", lines: 7...9))
        #expect(lesson.cells[1].source == "x = 2\n")
        #expect(lesson.cells[1].firstSourceLine == 12)
        #expect(lesson.cells[1].expected?.text == "two\n")
    }

    @Test func outputBlockOnlyCountsWhenOnlyBlankLinesSeparateIt() throws {
        let text = """
        ```python
        print(1)
        ```
        Some prose.

        ```output
        1
        ```
        """
        let lesson = try LessonParser.parse(text, path: "a.md")
        #expect(lesson.cells[0].expected == nil)
    }

    @Test func otherFencesAndIndentedCodeAreProse() throws {
        let text = """
        ```bash
        ls
        ```

            python
            print("indented")

        ```
        plain
        ```

        ```python title="x"
        y = 1
        ```
        """
        let lesson = try LessonParser.parse(text, path: "a.md")
        #expect(lesson.cells.map(\.source) == ["y = 1\n"])
        #expect(lesson.cells[0].firstSourceLine == 13)
    }

    @Test func longerFencesHoldShorterOnes() throws {
        let text = """
        ````python
        s = '''
        ```
        '''
        ````
        """
        let lesson = try LessonParser.parse(text, path: "a.md")
        #expect(lesson.cells[0].source == "s = '''\n```\n'''\n")
        #expect(lesson.cells[0].lines == 1...5)
    }

    @Test func cellsInListsAndBlockQuotesKeepFileLines() throws {
        let text = """
        1. First step:

           ```python
           a = 1
           b = 2
           ```

           ```output
           3
           ```

        > ```python
        > print("quoted")
        > ```
        >
        > ```output
        > quoted
        > ```
        """
        let lesson = try LessonParser.parse(text, path: "a.md")
        #expect(lesson.cells.count == 2)
        #expect(lesson.cells[0].source == "a = 1\nb = 2\n")
        #expect(lesson.cells[0].firstSourceLine == 4)
        #expect(lesson.cells[0].expected?.lines == 8...10)
        #expect(lesson.cells[1].source == "print(\"quoted\")\n")
        #expect(lesson.cells[1].firstSourceLine == 13)
        #expect(lesson.cells[1].expected == ExpectedOutput(text: "quoted\n", lines: 16...18))
    }

    @Test func frontMatterIsReadAndKeepsLineNumbers() throws {
        let text = """
        ---
        title: "Autograd: basics"
        seed: 42
        timeout: 5
        device: cpu
        ---
        # Heading

        ```python
        x = 1
        ```
        """
        let lesson = try LessonParser.parse(text, path: "a.md")
        #expect(lesson.title == "Autograd: basics")
        #expect(lesson.frontMatter.seed == 42)
        #expect(lesson.frontMatter.timeout == 5)
        #expect(lesson.frontMatter.device == "cpu")
        #expect(lesson.frontMatter.lines == 1...6)
        #expect(lesson.cells[0].firstSourceLine == 10)
        #expect(lesson.timeout(for: lesson.cells[0]) == 5)
    }

    @Test func frontMatterErrorsNameTheLine() {
        #expect(throws: LessonError(file: "f.md", line: 3, message: "unknown front matter key 'colour' (known: title, seed, timeout, device, order, summary)")) {
            try LessonParser.parse("---\ntitle: x\ncolour: red\n---\n", path: "f.md")
        }
        #expect(throws: LessonError(file: "f.md", line: 2, message: "front matter 'seed' must be a non-negative integer, not 'abc'")) {
            try LessonParser.parse("---\nseed: abc\n---\n", path: "f.md")
        }
        #expect(throws: LessonError(file: "f.md", line: 1, message: "front matter is not closed: no '---' line after the first line")) {
            try LessonParser.parse("---\ntitle: x\n", path: "f.md")
        }
    }

    @Test func titleFallsBackToFileName() throws {
        let lesson = try LessonParser.parse("Just prose.\n", path: "dir/intro.md")
        #expect(lesson.title == "intro.md")
        #expect(lesson.name == "intro")
    }

    @Test func crlfFilesParseLikeLF() throws {
        let text = "# T\r\n\r\n```python\r\nprint(1)\r\n```\r\n\r\n```output\r\n1\r\n```\r\n"
        let lesson = try LessonParser.parse(text, path: "a.md")
        #expect(lesson.cells[0].source == "print(1)\n")
        #expect(lesson.cells[0].firstSourceLine == 4)
        #expect(lesson.cells[0].expected?.text == "1\n")
        #expect(lesson.source.text == text)
        #expect(lesson.source.preferredTerminator == "\r\n")
    }

    @Test func utf8TextAndIdentifiers() throws {
        let text = "# Grüße 🚀\n\n```python\nπ = 3.14\nprint(\"naïve ✓\", π)\n```\n"
        let lesson = try LessonParser.parse(text, path: "a.md")
        #expect(lesson.title == "Grüße 🚀")
        #expect(lesson.cells[0].source == "π = 3.14\nprint(\"naïve ✓\", π)\n")
    }
}
