import Testing
import Foundation
import Interpreter
import Torch

/// Runs the `out=` dtype lessons (Tests/TorchTests/OutDTypeLessons/*.md, output blocks
/// filled by real PyTorch 2.15 with /work/shared/tools/torch_golden.py) cell by cell: each
/// kernel family's refusal text for an out of another dtype, the kernels that compute in
/// the out's dtype or copy into it, the strides of a resized out, and `torch.diff(out=)`.
struct OutDTypeLessonsTests {
    static var lessonPaths: [String] { GoldenLessonFolder.lessonPaths("OutDTypeLessons") }

    @Test func everyLessonIsFound() {
        #expect(Self.lessonPaths.count >= 2)
    }

    @Test(arguments: lessonPaths)
    func lessonMatchesPyTorch(path: String) throws {
        try GoldenLessonFolder.expectMatchesPyTorch(path)
    }
}
