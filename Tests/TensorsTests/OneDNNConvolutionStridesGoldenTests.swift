import Testing
@testable import Tensors

/// PyTorch 2.15's float32 conv2d with unequal strides ((1, 2), (2, 1), (2, 3), (1, 4), ...)
/// on batches of 2–16, 1–40 channels, kernels 1–5: oneDNN's `jit:avx2` forward and weight
/// gradient (`jit_1x1` for a 1×1 kernel whose strides divide the input) and
/// `brgconv_strided:avx2` input gradient (its brgemm calls and blocking,
/// OneDNNBrgconvStrided.swift). Output and the three gradients bit for bit with
/// PyTorchGoldens/OneDNNConvStridesGoldens.json (OneDNNConvStridesGoldens.py; the case
/// format is OneDNNConvShapesGoldens.json's).
struct OneDNNConvolutionStridesGoldenTests {
    typealias Shapes = OneDNNConvolutionShapesGoldenTests

    static let file: Shapes.File = PyTorchGoldenFile.decode("OneDNNConvStridesGoldens.json")

    @Test func everyCaseHasUnequalStridesAndRunsOnTheOneDNNPath() throws {
        #expect(Self.file.cases.count >= 70)
        for c in Self.file.cases {
            let s = c.shape
            #expect(s[11] != s[12], "\(s)")
            let x = try Tensor(empty: [s[0], s[1], s[2], s[3]], dtype: .float32)
            let w = try Tensor(empty: [s[4], s[1], s[5], s[6]], dtype: .float32)
            let p = try Convolution.plan(input: x, weight: w, bias: nil, geometry: Shapes.geometry(s), spatialDims: 2,
                                         shownInput: x.sizes, shownWeight: w.sizes)
            #expect(OneDNNConvolution.isSelected(p, dtype: .float32), "\(s)")
            #expect(OneDNNConvolution.runs1x1(p) == c.impl.contains("W:jit_1x1"), "\(s) \(c.impl)")
            #expect(c.impl.contains("D:brgconv_strided"), "\(s) \(c.impl)")
        }
    }

    @Test(arguments: file.cases.indices)
    func matchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index]
        try Shapes.check(c)
    }
}
