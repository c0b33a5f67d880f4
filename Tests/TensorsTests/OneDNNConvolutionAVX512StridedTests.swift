import Foundation
import Testing
@testable import Tensors

/// The strided input gradient on AVX-512 machines (`brgconv_strided:avx512_core`),
/// against PyTorchGoldens/OneDNNConvAVX512Goldens.json: the brgemm kernel reduces over
/// output channels and kernel taps whatever the register width, so the `brgconv_strided:avx2`
/// order Gradbook runs (OneDNNConvolution.gradInput) gives PyTorch's AVX-512 bits too.
struct OneDNNConvolutionAVX512StridedTests {
    typealias T = OneDNNConvolutionAVX512GoldenTests

    static let stridedCases = T.file.cases.indices.filter { T.file.cases[$0].impl.contains("D:brgconv_strided:avx512_core") }

    @Test(arguments: stridedCases)
    func stridedInputGradient(index: Int) throws {
        let c = T.file.cases[index], s = c.shape
        let p = try T.plan(s)
        let w = try OneDNNConvolutionGoldenTests.tensor([s[4], s[1], s[5], s[6]], c.seed + 1, -0.5, 0.5)
        let gy = try OneDNNConvolutionGoldenTests.tensor([p.n, p.oc, p.oh, p.ow], c.seed + 3, -1, 1)
        let gx = try Tensor(empty: [p.n, p.c, p.h, p.w], dtype: .float32)
        OneDNNConvolution.gradInput(p, NNBuffer.pointer(gy, as: Float.self), NNBuffer.pointer(w, as: Float.self),
                                    into: NNBuffer.pointer(gx, as: Float.self))
        try T.expectSame(gx, c.gx, "\(s)/gx (\(c.impl)) byColumns \(OneDNNConvolution.byKernelColumns(p))")
    }
}
