import Testing
import Foundation
import Interpreter
import Torch

/// Runs the device lessons (Tests/TorchTests/DeviceLessons/*.md: `torch.backends.*` and
/// `torch.accelerator`, as notebooks query them before picking a device; output blocks filled
/// by real PyTorch 2.15 with torch_golden.py under the AVX2 profile) cell by cell.
struct DeviceLessonsTests {
    static var lessonPaths: [String] { GoldenLessonFolder.lessonPaths("DeviceLessons") }

    @Test func everyLessonIsFound() {
        #expect(Self.lessonPaths.count == 1)
    }

    @Test(arguments: lessonPaths)
    func lessonMatchesPyTorch(path: String) throws {
        try GoldenLessonFolder.expectMatchesPyTorch(path)
    }
}
