import Testing
import Foundation
import Interpreter
import Tensors
import Torch

/// `torch.fft` against real PyTorch 2.15: the golden lessons in Tests/TorchTests/FFTLessons
/// (outputs written by PyTorch through `torch_golden.py`, values printed through
/// `view_as_real(...).tolist()` so every bit shows), cell by cell.
struct FFTLessonTests {
    static var lessonPaths: [String] { GoldenLessonFolder.lessonPaths("FFTLessons") }

    @Test func everyLessonIsFound() {
        #expect(Self.lessonPaths.count >= 1)
    }

    @Test(arguments: lessonPaths)
    func lessonMatchesPyTorch(path: String) throws {
        // Transforms are bit for bit only with PyTorch's FFT library (MKL's DFTI).
        try GoldenLessonFolder.expectMatchesPyTorch(path, exact: FFTKernels.usesMKL,
            withoutVendor: "without MKL the transforms are the portable FFT's, whose last digits may differ (docs/fft.md)")
    }
}
