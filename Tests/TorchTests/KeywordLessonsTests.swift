import Testing
import Foundation
import Interpreter
import Torch

/// Runs the keyword-argument lessons (Tests/TorchTests/KeywordLessons/*.md: parameters
/// passed by their PyTorch names wherever the positional form works, and unknown keywords
/// refused with PyTorch's exact TypeErrors; output blocks filled by real PyTorch 2.15 with
/// torch_golden.py) cell by cell, each cell printing exactly what PyTorch printed.
struct KeywordLessonsTests {
    static var lessonPaths: [String] { GoldenLessonFolder.lessonPaths("KeywordLessons") }

    @Test func everyLessonIsFound() {
        #expect(Self.lessonPaths.count == 1)
    }

    @Test(arguments: lessonPaths)
    func lessonMatchesPyTorch(path: String) throws {
        try GoldenLessonFolder.expectMatchesPyTorch(path)
    }
}
