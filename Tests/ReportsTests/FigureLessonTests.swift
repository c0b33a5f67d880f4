import Figures
import Foundation
import Lessons
import Reports
import Testing

/// Figures through a whole lesson: recorded per cell, drawn inline in the handout, linked
/// from the executed Markdown; pyplot's errors and closing rules as matplotlib's.
@Suite struct FigureLessonTests {
    private let text = """
    # Loss curve

    ```python
    import matplotlib.pyplot as plt
    losses = [1.0, 0.5, 0.25]
    plt.plot(losses, label='loss')
    plt.title('Training')
    plt.legend()
    plt.show()
    ```

    ```python
    print("no figure here")
    ```

    ```output
    no figure here
    ```
    Next paragraph.
    """

    private func run(_ text: String) throws -> LessonResult {
        let lesson = try LessonParser.parse(text, path: "curve.md")
        return InterpreterSession.onLargeStack {
            LessonResult(lesson: lesson, run: LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)))
        }
    }

    @Test func plotInACellGivesOneFigureInlineAndLinked() throws {
        let result = try run(text)
        #expect(result.passed)
        #expect(result.cells[0].outcome?.figures.count == 1)
        #expect(result.cells[1].outcome?.figures.isEmpty == true)
        let figure = try #require(result.cells[0].outcome?.figures.first)
        #expect(figure.axes.first?.artists.first?.label == "loss")
        let html = HTMLHandout.render(result)
        #expect(html.contains("<figure class=\"plot\" id=\"fig-1\">\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("<title>Line plot “Training”; series: loss.</title>"))
        let markdown = ExecutedMarkdown.render(result)
        #expect(markdown.contains("plt.show()\n```\n\n![Line plot “Training”; series: loss.](curve/fig-1.svg)\n\n```python\nprint"))
        #expect(LessonFigures.files(result).map(\.name) == ["fig-1.svg"])
    }

    @Test func showSplitsCloseDiscardsAndOpenFiguresBelongToTheCell() throws {
        let result = try run("""
        ```python
        import matplotlib.pyplot as plt
        plt.plot([1, 2])
        plt.show()
        plt.figure(figsize=(3, 2))
        plt.bar([0, 1], [2, 3])
        plt.figure()
        plt.plot([0, 1])
        plt.close()
        ```
        """)
        let figures = try #require(result.cells[0].outcome?.figures)
        #expect(figures.count == 2)
        #expect(figures.map(\.width) == [6.4, 3])
    }

    @Test func tensorThatRequiresGradIsRefusedAsUnderRealMatplotlib() throws {
        let result = try run("""
        ```python
        #| raises: RuntimeError
        import torch
        import matplotlib.pyplot as plt
        w = torch.ones(3, requires_grad=True)
        plt.plot(w * 2)
        ```

        ```output
        RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.
        ```

        ```python
        plt.plot((w * 2).detach())
        ```
        """)
        #expect(result.passed)
        #expect(result.cells[1].outcome?.figures.count == 1)
    }

    @Test func pyplotErrorsWordedAsMatplotlib() throws {
        let result = try run("""
        ```python
        import matplotlib.pyplot as plt
        try:
            plt.plot([1, 2], [1, 2, 3])
        except ValueError as e:
            print(e)
        try:
            plt.plot([1, 2], 'zz')
        except ValueError as e:
            print(e)
        plt.close('all')
        fig, axes = plt.subplots(2, 3)
        print(axes.shape, fig, axes[1, 2], len(axes.ravel()))
        plt.close(fig)
        ```

        ```output
        x and y must have same first dimension, but have shapes (2,) and (3,)
        'zz' is not a valid format string (unrecognized character 'z')
        (2, 3) Figure(640x480) <Axes: > 6
        ```
        """)
        #expect(result.passed, "\(result.cells.map { $0.outcome?.shownText ?? "" })")
        #expect(result.cells[0].outcome?.figures.isEmpty == true)
    }

    @Test func outcomesWithoutFiguresAndWithNaNTravelAsJSON() throws {
        let old = Data(#"{"output":"hi\n","warnings":"","seconds":0.5}"#.utf8)
        let decoded = try JSONDecoder().decode(CellOutcome.self, from: old)
        #expect(decoded.figures.isEmpty && decoded.output == "hi\n")
        let figure = Figure(axes: [Axes(artists: [.line(Line(x: [0, 1, 2], y: [1, .nan, .infinity], stroke: Stroke(color: "#1f77b4")))])])
        let outcome = CellOutcome(output: "", figures: [figure])
        let again = try JSONDecoder().decode(CellOutcome.self, from: JSONEncoder().encode(outcome))
        #expect(again == outcome)
    }
}
