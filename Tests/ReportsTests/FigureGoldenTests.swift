import Figures
import Foundation
import Lessons
import Reports
import Testing

/// Figures made by real cells (the interpreter's matplotlib.pyplot), drawn as SVG and
/// compared byte for byte with files under `FigureGoldens/`. After a deliberate change to the
/// renderer, regenerate them with `GRADBOOK_UPDATE_FIGURES=1 swift test --filter FigureGoldenTests`
/// and look at them.
@Suite struct FigureGoldenTests {
    static func figures(_ source: String) throws -> [Figure] {
        let lesson = try LessonParser.parse("```python\n" + source + "\n```\n", path: "figures.md")
        let run = InterpreterSession.onLargeStack { LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)) }
        guard case .ran(let outcome) = run.cells[0] else { return [] }
        if let exception = outcome.exception { Issue.record("cell raised \(exception.lastLine)") }
        return outcome.figures
    }

    private func check(_ name: String, _ source: String) throws {
        let figures = try Self.figures(source)
        #expect(figures.count == 1)
        guard let figure = figures.first else { return }
        let svg = FigureSVG.render(figure)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("FigureGoldens").appendingPathComponent(name + ".svg")
        if ProcessInfo.processInfo.environment["GRADBOOK_UPDATE_FIGURES"] == "1" {
            try svg.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(svg == expected, "\(name).svg differs from its golden")
    }

    @Test func lineWithLegend() throws {
        try check("line-legend", """
        import torch
        import matplotlib.pyplot as plt
        x = torch.linspace(0, 2, 21)
        plt.plot(x, x ** 2, label='x squared')
        plt.plot(x, 2 * x, '--', label='2x')
        plt.xlabel('x'); plt.ylabel('y'); plt.title('Two curves')
        plt.legend()
        """)
    }

    @Test func scatter() throws {
        try check("scatter", """
        import torch
        import matplotlib.pyplot as plt
        torch.manual_seed(0)
        x = torch.randn(40); y = 2 * x + torch.randn(40) * 0.5
        plt.scatter(x, y, c=y, cmap='viridis', label='samples')
        plt.colorbar(label='y')
        plt.grid(True)
        """)
    }

    @Test func bar() throws {
        try check("bar", """
        import matplotlib.pyplot as plt
        plt.bar(['SGD', 'Momentum', 'Adam'], [0.42, 0.31, 0.18], color=['C0', 'C1', 'C2'][0])
        plt.ylabel('final loss')
        plt.axhline(0.3, color='k', linestyle=':')
        """)
    }

    @Test func hist() throws {
        try check("hist", """
        import torch
        import matplotlib.pyplot as plt
        torch.manual_seed(0)
        plt.hist(torch.randn(500), bins=20, alpha=0.7, label='N(0, 1)')
        plt.legend(loc='upper left')
        """)
    }

    @Test func imshowWithColorbar() throws {
        try check("imshow-colorbar", """
        import torch
        import matplotlib.pyplot as plt
        w = torch.arange(12.).reshape(3, 4)
        plt.imshow(w, cmap='gray')
        plt.colorbar()
        plt.title('weights')
        """)
    }

    @Test func contourfDecisionBoundary() throws {
        try check("contourf", """
        import torch
        import matplotlib.pyplot as plt
        xx, yy = torch.meshgrid(torch.linspace(-2, 2, 30), torch.linspace(-2, 2, 30), indexing='xy')
        z = torch.sigmoid(3 * (xx ** 2 + yy ** 2 - 1.5))
        plt.contourf(xx, yy, z, levels=8, cmap='RdBu')
        plt.colorbar()
        plt.contour(xx, yy, z, levels=[0.5], colors='k')
        plt.scatter([-1, 0, 1.5], [0, 1.8, -1.5], c='k', marker='x')
        """)
    }

    @Test func subplotsSideBySide() throws {
        try check("subplots-1x2", """
        import matplotlib.pyplot as plt
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 3))
        ax1.plot([1, 2, 3], [3, 1, 2], 'o-')
        ax1.set_title('left')
        ax2.fill_between([0, 1, 2], [0, 1, 0], [1, 2, 1], alpha=0.3)
        ax2.errorbar([0, 1, 2], [0.5, 1.5, 0.5], yerr=0.2, capsize=3)
        ax2.set_title('right')
        ax2.text(1, 0.2, 'peak', ha='center')
        fig.suptitle('Side by side')
        plt.tight_layout()
        """)
    }

    @Test func logScale() throws {
        try check("log-scale", """
        import matplotlib.pyplot as plt
        steps = list(range(1, 101))
        plt.plot(steps, [1 / s for s in steps], label='1/t')
        plt.yscale('log')
        plt.xlabel('step'); plt.ylabel('loss')
        plt.legend()
        """)
    }

    @Test func sameFigureSameBytes() throws {
        let figure = try #require(try Self.figures("import matplotlib.pyplot as plt\nplt.plot([1, 2, 4])").first)
        #expect(FigureSVG.render(figure) == FigureSVG.render(figure))
        let json = try JSONEncoder().encode(figure)
        let decoded = try JSONDecoder().decode(Figure.self, from: json)
        #expect(FigureSVG.render(decoded) == FigureSVG.render(figure))
    }
}
