import Lessons
import Testing
@testable import Reports

/// Formulas in prose: found by pandoc's dollar rules on text, never in code, with the TeX
/// reaching the parser as written (no Markdown escapes or emphasis applied to it).
@Suite struct ProseMathTests {
    private func html(_ markdown: String) -> String { ProseRenderer.render(markdown).html }

    @Test func inlineAndDisplayFormulasBecomeMathML() {
        #expect(html("The slope of $y = 2x$ is 2.\n") == "<p>The slope of <math><mi>y</mi><mo>=</mo><mn>2</mn><mi>x</mi></math> is 2.</p>\n")
        #expect(html("$$\\frac{a}{b}$$\n") == "<p><math display=\"block\"><mfrac><mi>a</mi><mi>b</mi></mfrac></math></p>\n")
    }

    @Test func markdownDoesNotReachTheTeX() {
        // `*` would be emphasis and `\\` an escaped backslash if cmark saw them.
        #expect(html("Product $a*b*c$ here.\n") == "<p>Product <math><mi>a</mi><mo>∗</mo><mi>b</mi><mo>∗</mo><mi>c</mi></math> here.</p>\n")
        let aligned = html("$$\n\\begin{aligned} a &= b \\\\\n c &= d \\end{aligned}\n$$\n")
        #expect(aligned.contains("<mtr><mtd style=\"text-align: right; padding-right: 0\"><mi>c</mi></mtd>"))
        #expect(html("*emphasis around $x_1$*\n") == "<p><em>emphasis around <math><msub><mi>x</mi><mn>1</mn></msub></math></em></p>\n")
    }

    @Test func codeAndDollarsThatAreNotMathAreLeftAlone() {
        #expect(html("Use `$x$` or\n\n```\n$y$\n```\n") == "<p>Use <code>$x$</code> or</p>\n<pre><code>$y$\n</code></pre>\n")
        #expect(html("It costs $5 and $6 today.\n") == "<p>It costs $5 and $6 today.</p>\n")
        #expect(html("An escaped \\$x$ and $ x$ stay.\n") == "<p>An escaped $x$ and $ x$ stay.</p>\n")
        #expect(html("Between $2 and $3.50\n") == "<p>Between $2 and $3.50</p>\n")
        #expect(html("``code with $ and `$x$` inside``\n") == "<p><code>code with $ and `$x$` inside</code></p>\n")
        #expect(html("[link]($x$) ![alt $y$](a.png)\n") == "<p><a href=\"$x$\">link</a> <img src=\"a.png\" alt=\"alt $y$\" /></p>\n")
    }

    @Test func formulasDoNotCrossBlankLines() {
        #expect(html("One $x\n\ny$ two\n") == "<p>One $x</p>\n<p>y$ two</p>\n")
    }

    @Test func cellsAfterMultiLineFormulasAreStillReplaced() {
        let markdown = "$$\na\n+ b\n$$\n\n```python\nprint(1)\n```\n"
        let output = ProseRenderer.render(markdown, replacing: [6: "<div>cell</div>"])
        #expect(output.html == "<p><math display=\"block\"><mi>a</mi><mo>+</mo><mi>b</mi></math></p>\n<div>cell</div>\n")
    }

    @Test func unsupportedTeXWarnsWithItsLine() {
        let output = ProseRenderer.render("Intro.\n\nSee $\\foo{x}$ and\n$\\bar{y} \\unknownthing$.\n")
        #expect(output.warnings == [
            .init(line: 3, message: "unsupported TeX command \\foo in $\\foo{x}$"),
            .init(line: 4, message: "unsupported TeX command \\unknownthing in $\\bar{y} \\unknownthing$"),
        ])
        #expect(output.html.contains("<merror><mtext>\\foo</mtext></merror>"))
    }

    @Test func executedMarkdownKeepsTheTeX() throws {
        let text = "# T\n\nSee $x^2 \\cdot y$.\n\n```python\nprint(1)\n```\n"
        let lesson = try LessonParser.parse(text, path: "t.md")
        let result = LessonResult(lesson: lesson, run: LessonRun(cells: [.ran(CellOutcome(output: "1\n"))]))
        #expect(ExecutedMarkdown.render(result).contains("See $x^2 \\cdot y$."))
        #expect(HTMLHandout.render(result).contains("See <math><msup><mi>x</mi><mn>2</mn></msup><mo>⋅</mo><mi>y</mi></math>."))
    }
}
