import Testing
import Foundation
import Interpreter
import Torch

/// Runs the double-backward lessons (Tests/TorchTests/DoubleBackwardLessons/*.md: the
/// `XBackwardBackward0` nodes that create_graph records for activations, softmax, losses
/// and pooling, their next_functions, first and second derivatives, Hessians and
/// gradgradcheck; GLU, PReLU, soft margin, transposed convolution, grid_sample, affine_grid, scatter/index_put, and the sorted-order formulas of div and addmm; output blocks filled by real PyTorch 2.15 with torch_golden.py) cell by
/// cell, each cell printing exactly what PyTorch printed.
struct DoubleBackwardLessonsTests {
    static var lessonPaths: [String] { GoldenLessonFolder.lessonPaths("DoubleBackwardLessons") }

    @Test func everyLessonIsFound() {

        #expect(Self.lessonPaths.count == 15)
    }

    @Test(arguments: lessonPaths)
    func lessonMatchesPyTorch(path: String) throws {
        try GoldenLessonFolder.expectMatchesPyTorch(path)
    }
}
