import Testing
import Foundation
import Interpreter
import Torch

/// Runs the autograd lessons (Tests/TorchTests/AutogradLessons/*.md: anomaly mode,
/// inference mode, grad_fn names, saved tensors (layers and losses too) and node hooks; output blocks filled by real PyTorch 2.15 with
/// torch_golden.py) cell by cell and requires each cell to print exactly what PyTorch
/// printed, errors included.
struct AutogradLessonsTests {
    static var lessonPaths: [String] { GoldenLessonFolder.lessonPaths("AutogradLessons") }

    @Test func everyLessonIsFound() {
        #expect(Self.lessonPaths.count == 8)
    }

    @Test(arguments: lessonPaths)
    func lessonMatchesPyTorch(path: String) throws {
        try GoldenLessonFolder.expectMatchesPyTorch(path)
    }

    /// Runs `source` as one cell of `lesson.py` and returns its output and the warnings.
    static func run(_ source: String) -> (output: String, warnings: String) {
        let interp = Interpreter()
        TorchModule.install(into: interp, seed: 0)
        var warnings = ""
        interp.warnings = { warnings += $0 }
        let r = interp.runCell(source, file: "lesson.py", firstLine: 1, timeout: 60)
        var out = r.output
        if let e = r.error { out += e.lastLine + "\n" }
        return (out, warnings)
    }

    /// detect_anomaly warns when made, at the line that makes it (stacklevel=2).
    @Test func detectAnomalyWarnsWhereItIsMade() {
        let r = Self.run("""
        import torch
        with torch.autograd.detect_anomaly():
            pass
        """)
        #expect(r.output == "")
        #expect(r.warnings == """
        lesson.py:2: UserWarning: Anomaly Detection has been enabled. This mode will increase the runtime and should only be enabled for debugging.
          with torch.autograd.detect_anomaly():

        """)
    }

    /// A node failing in backward with anomaly mode on warns with the forward stack,
    /// outermost frame first, as PyTorch's python_anomaly_mode.cpp prints it.
    @Test func backwardFailureShowsTheForwardTraceback() {
        let r = Self.run("""
        import torch
        def g(a):
            return a.sqrt()
        torch.autograd.set_detect_anomaly(True)
        x = torch.tensor([-1.0, 1.0], requires_grad=True)
        z = g(x).sum()
        try:
            z.backward()
        except RuntimeError as e:
            print(e)
        """)
        #expect(r.output == "Function 'SqrtBackward0' returned nan values in its 0th output.\n")
        #expect(r.warnings == """
        lesson.py:8: UserWarning: Error detected in SqrtBackward0. Traceback of forward call that caused the error:
          File "lesson.py", line 6, in <module>
            z = g(x).sum()
          File "lesson.py", line 3, in g
            return a.sqrt()
          z.backward()

        """)
    }

    /// A graph built before anomaly mode was on has no forward stack to show.
    @Test func nodesMadeWithoutAnomalyModeSaySo() {
        let r = Self.run("""
        import torch
        x = torch.zeros(1, requires_grad=True)
        y = x / x
        torch.autograd.set_detect_anomaly(True)
        try:
            y.backward()
        except RuntimeError as e:
            print(e)
        """)
        #expect(r.output == "Function 'DivBackward0' returned nan values in its 1th output.\n")
        #expect(r.warnings == """
        lesson.py:6: UserWarning: Error detected in DivBackward0. No forward pass information available. Enable detect anomaly during forward pass for more information.
          y.backward()

        """)
    }
}
