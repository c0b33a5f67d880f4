import Foundation
import Lessons
@testable import Reports
import Testing

/// Golden snapshots of the teaching visuals of small lessons, really run: the graph SVG,
/// the gradient panel, the trace and the variable table as HTML, and the executed Markdown
/// blocks. A missing golden is written and the test fails once; set
/// GRADBOOK_UPDATE_GOLDENS=1 to rewrite them after a deliberate change (and look at them).
@Suite struct TeachingGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    private func run(_ text: String) throws -> LessonResult {
        let lesson = try LessonParser.parse(text, path: "lesson.md")
        let run = InterpreterSession.onLargeStack { LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)) }
        return LessonResult(lesson: lesson, run: run)
    }

    private func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Self.folder.appendingPathComponent(name)
        let update = ProcessInfo.processInfo.environment["GRADBOOK_UPDATE_GOLDENS"] != nil
        guard !update, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            if !update { Issue.record("golden \(name) was missing: written, look at it", sourceLocation: sourceLocation) }
            return
        }
        #expect(actual == expected, "\(name) differs from its golden", sourceLocation: sourceLocation)
    }

    static let graphLesson = """
    # Graph

    ```python
    #| graph: loss
    import torch
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    w = torch.tensor([3.0, -1.0], requires_grad=True)
    loss = (x * w + x).sum()
    ```

    ```python
    #| graph: loss, saved
    #| gradients: false
    loss.backward(retain_graph=True)
    ```
    """

    @Test func graphOfASmallExpression() throws {
        let result = try run(Self.graphLesson)
        #expect(result.passed)
        let graph = try #require(result.cells[0].outcome?.visuals?.graphs.first)
        #expect(graph.nodes.map(\.title) == ["loss", "SumBackward0", "AddBackward0", "MulBackward0", "AccumulateGrad", "x", "AccumulateGrad", "w"])
        try expectGolden(AutogradGraphSVG.render(graph), "graph.svg")
        let saved = try #require(result.cells[1].outcome?.visuals?.graphs.first)
        #expect(saved.nodes.filter { $0.kind == .saved }.map(\.title) == ["x", "w"])
        #expect(result.cells[1].outcome?.visuals?.gradients == nil)
        try expectGolden(AutogradGraphSVG.render(saved), "graph-saved.svg")
        try expectGolden(ExecutedMarkdown.render(result), "graph.md")
    }

    @Test func graphLayoutIsTheSameOnEveryRun() throws {
        let first = try run(Self.graphLesson), second = try run(Self.graphLesson)
        #expect(HTMLHandout.render(first) == HTMLHandout.render(second))
    }

    @Test func torchvizMakeDotShowsTheFigureInsteadOfARepr() throws {
        let result = try run("""
        ```python
        import torch
        from torchviz import make_dot
        torch.manual_seed(0)
        model = torch.nn.Linear(2, 1)
        y = model(torch.ones(2))
        make_dot(y, params=dict(model.named_parameters()))
        ```

        ```python
        make_dot(y).render("graph", format="svg")
        ```
        """)
        #expect(result.passed)
        #expect(result.cells[0].outcome?.output == "")
        let graph = try #require(result.cells[0].outcome?.visuals?.graphs.first)
        #expect(graph.nodes.filter { $0.kind == .leaf }.map(\.title) == ["bias", "weight"])
        #expect(result.cells[1].outcome?.output == "'graph.svg'\n")
        let unnamed = try #require(result.cells[1].outcome?.visuals?.graphs.first)
        // Without params, module parameters are named through the lesson's variable.
        #expect(unnamed.nodes.filter { $0.kind == .leaf }.map(\.title) == ["model.bias", "model.weight"])
        try expectGolden(AutogradGraphSVG.render(graph), "torchviz.svg")
    }

    @Test func gradientPanelAfterBackwardMarksWhatChanged() throws {
        let result = try run("""
        ```python
        import torch
        a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        b = torch.tensor(2.0, requires_grad=True)
        big = torch.linspace(-1, 1, 100, requires_grad=True)
        ```

        ```python
        ((a * b).sum() + (big * big).sum()).backward()
        ```

        ```python
        a.grad = None
        (a * 3).sum().backward()
        ```

        ```python
        #| gradients: true
        c = 1
        ```
        """)
        #expect(result.passed)
        #expect(result.cells[0].outcome?.visuals == nil)
        let panel = try #require(result.cells[1].outcome?.visuals?.gradients)
        #expect(panel.entries.map(\.name) == ["a", "b", "big"])
        #expect(panel.entries.map(\.changed) == [true, true, true])
        #expect(panel.entries[0].grad == "tensor([2., 2., 2.])")
        #expect(panel.entries[2].heat?.count == 32)
        let second = try #require(result.cells[2].outcome?.visuals?.gradients)
        #expect(second.entries.map(\.changed) == [true, false, false])
        #expect(result.cells[3].outcome?.visuals?.gradients?.entries.map(\.changed) == [false, false, false])
        try expectGolden(TeachingTables.gradients(panel), "gradients.html")
        try expectGolden(VisualText.gradients(second), "gradients.txt")
    }

    @Test func traceListsNodesInEngineOrderWithTheirChainRule() throws {
        let result = try run("""
        ```python
        #| trace: loss
        import torch
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        loss = (x * x).sum()
        ```

        ```python
        print(x.grad)
        ```

        ```output
        tensor([2., 4.])
        ```
        """)
        #expect(result.passed)
        let trace = try #require(result.cells[0].outcome?.visuals?.trace)
        #expect(trace.steps.map(\.label) == ["SumBackward0", "MulBackward0", "AccumulateGrad (x)"])
        #expect(trace.steps[1].gradOut.map(\.grad) == ["tensor([1., 2.])", "tensor([1., 2.])"])
        try expectGolden(TeachingTables.trace(trace), "trace.html")
        try expectGolden(VisualText.trace(trace), "trace.txt")
    }

    @Test func variablesListTensorsModulesAndOptimizers() throws {
        let result = try run("""
        ```python
        #| variables: true
        import torch
        torch.manual_seed(0)
        model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 1))
        opt = torch.optim.SGD(model.parameters(), lr=0.1)
        x = torch.ones(2, 3)
        y = model(x)
        n = 3
        ```
        """)
        #expect(result.passed)
        let table = try #require(result.cells[0].outcome?.visuals?.variables)
        #expect(VisualText.variables(table) == """
        x: Tensor [2, 3] float32 cpu
        y: Tensor [2, 1] float32 cpu requires_grad grad_fn=AddmmBackward0
        model: Sequential cpu 21 parameters
        opt: SGD 4 parameter tensors lr=0.1

        """)
        try expectGolden(TeachingTables.variables(table), "variables.html")
    }

    @Test func badGraphExpressionFailsTheCellAtTheOptionLine() throws {
        let result = try run("""
        ```python
        #| graph: los
        import torch
        loss = torch.ones(2, requires_grad=True).sum()
        ```
        """)
        #expect(!result.passed)
        let exception = try #require(result.cells[0].outcome?.exception)
        #expect(exception.lastLine == "NameError: name 'los' is not defined")
        #expect(exception.line == 2)
    }

    @Test func handoutPageWithEveryVisual() throws {
        let result = try run("""
        # Every visual

        ```python
        #| graph: loss
        #| trace: loss
        #| variables: true
        import torch
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        loss = (x * 2).sum()
        ```
        """)
        #expect(result.passed)
        try expectGolden(HTMLHandout.render(result), "every-visual.html")
    }
}
