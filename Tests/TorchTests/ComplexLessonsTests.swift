import Testing
import Foundation
import Interpreter
import Torch

/// Runs the complex-dtype lessons (Tests/TorchTests/ComplexLessons/*.md, output blocks
/// filled by real PyTorch 2.15 with /work/shared/tools/torch_golden.py) cell by cell: each
/// cell must print exactly what PyTorch printed — complex reprs, views that share storage,
/// promotion, arithmetic bits, and PyTorch's error texts for ops without complex kernels.
struct ComplexLessonsTests {
    static var lessonPaths: [String] { GoldenLessonFolder.lessonPaths("ComplexLessons") }

    @Test func everyLessonIsFound() {
        #expect(Self.lessonPaths.count >= 3)
    }

    @Test(arguments: lessonPaths)
    func lessonMatchesPyTorch(path: String) throws {
        try GoldenLessonFolder.expectMatchesPyTorch(path)
    }

    /// Gradbook has no `torch.complex32`: float16 parts are refused by name.
    @Test func complex32IsRefused() throws {
        let interp = Interpreter()
        TorchModule.install(into: interp, seed: 0)
        let r = interp.runCell("import torch\ntorch.view_as_complex(torch.ones(2, dtype=torch.half))\n", file: "complex.py", firstLine: 1, timeout: 60)
        #expect(r.error?.lastLine == "NotImplementedError: Gradbook does not support torch.complex32 (view_as_complex of a float16 tensor)")
    }
}
