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

/// What Gradbook does where PyTorch has no golden to give: the missing autograd raises
/// instead of silently cutting the graph, and no-grad paths run.
struct FFTAutogradGapTests {
    @Test func transformOfATensorRequiringGradRaises() {
        let session = TorchSession()
        let out = session.run("""
        import torch
        x = torch.ones(4, requires_grad=True)
        for f in [torch.fft.fft, torch.fft.rfft, torch.fft.ihfft, torch.fft.fftn, torch.fft.rfft2]:
            try:
                f(x.reshape(2, 2))
            except NotImplementedError as e:
                print(str(e).split(".")[0])
        with torch.no_grad():
            print(torch.fft.rfft(x))
        print(torch.fft.rfft(x.detach()).requires_grad, torch.fft.fftshift(x).grad_fn.name())
        """)
        #expect(out == """
        the derivative for '_fft_r2c' is not implemented
        the derivative for '_fft_r2c' is not implemented
        the derivative for '_fft_r2c' is not implemented
        the derivative for '_fft_c2c' is not implemented
        the derivative for '_fft_r2c' is not implemented
        tensor([4.+0.j, 0.+0.j, 0.+0.j])
        False RollBackward0

        """)
    }
}
