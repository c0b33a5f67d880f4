import Testing
import Foundation
import Interpreter
import Torch

/// Runs the torch.distributions lessons (Tests/TorchTests/DistributionLessons/*.md, output
/// blocks filled by real PyTorch 2.15 with torch_golden.py) cell by cell and requires each
/// cell to print exactly what PyTorch printed: samples after `torch.manual_seed`, densities,
/// moments, KL divergences, gradients through rsample/log_prob, and validation errors.
struct DistributionLessonsTests {
    static var lessonPaths: [String] { GoldenLessonFolder.lessonPaths("DistributionLessons") }

    @Test func everyLessonIsFound() {
        #expect(Self.lessonPaths.count == 10)
    }

    @Test(arguments: lessonPaths)
    func lessonMatchesPyTorch(path: String) throws {
        try GoldenLessonFolder.expectMatchesPyTorch(path)
    }
}
