import Foundation
import Testing
@testable import Tensors

/// oneDNN's depthwise convolution as it runs on an AVX-512 machine
/// (PyTorchGoldens/OneDNNDepthwiseConvAVX512Goldens.json, made natively there by
/// OneDNNGemmConvAVX512Goldens.py): `jit_dw:avx512_core` keeps every channel's chain as
/// `jit_dw:avx2` does, but its channel blocks are 16 wide, so the weight and bias
/// gradients' split between PyTorch's 2 threads (channel blocks, else images) changes
/// where there are 9–16 channels. The passes it leaves to `gemm:jit` run the AVX-512
/// sgemm. The test process is pinned to AVX2 (GoldenProfile), so these tests call the
/// kernels directly with `avx512`.
struct OneDNNDepthwiseConvolutionAVX512GoldenTests {
    typealias Grouped = OneDNNGroupedConvolutionGoldenTests
    typealias G = MKLGoldenTests

    static let file: OneDNNGemmConvolutionAVX512GoldenTests.File = PyTorchGoldenFile.decode("OneDNNDepthwiseConvAVX512Goldens.json")

    /// Every pass of case `c` (name, ours, PyTorch's hex), each on the kernel PyTorch's log
    /// names, in the AVX-512 order or (`avx512` false) the AVX2 one.
    static func passes(_ c: Grouped.Case, avx512: Bool) throws -> [(String, Tensor, String)] {
        let s = c.shape, p = OneDNNGemmConvolutionAVX512GoldenTests.plan(s)
        let x = try Grouped.tensor([s[0], s[1], s[2], s[3]], c.seed, -1, 1)
        let w = try Grouped.tensor([s[4], s[1] / s[10], s[5], s[6]], c.seed + 1, -0.5, 0.5)
        let b = try Grouped.tensor([s[4]], c.seed + 2, -1, 1)
        let gy = try Grouped.tensor([p.n, p.oc, p.oh, p.ow], c.seed + 3, -1, 1)
        let (xp, wp, bp) = (NNBuffer.pointer(x, as: Float.self), NNBuffer.pointer(w, as: Float.self), NNBuffer.pointer(b, as: Float.self))
        let gyp = NNBuffer.pointer(gy, as: Float.self)
        let y = try Tensor(empty: [p.n, p.oc, p.oh, p.ow], dtype: .float32)
        let gx = try Tensor(empty: x.sizes, dtype: .float32)
        let gw = try Tensor(empty: w.sizes, dtype: .float32), gb = try Tensor(empty: [p.oc], dtype: .float32)
        let (yp, gxp) = (NNBuffer.pointer(y, as: Float.self), NNBuffer.pointer(gx, as: Float.self))
        let (gwp, gbp) = (NNBuffer.pointer(gw, as: Float.self), NNBuffer.pointer(gb, as: Float.self))
        if c.impl[0].contains("jit_dw") { OneDNNDepthwiseConvolution.forward(p, xp, wp, bp, into: yp) }
        else { OneDNNGemmConvolution.forward(p, xp, wp, bp, into: yp, avx512: avx512) }
        if c.impl[1].contains("jit_dw") { OneDNNDepthwiseConvolution.gradInput(p, gyp, wp, into: gxp) }
        else { OneDNNGemmConvolution.gradInput(p, gyp, wp, into: gxp, avx512: avx512) }
        if c.impl[2].contains("jit_dw") {
            OneDNNDepthwiseConvolution.gradWeight(p, gyp, xp, into: gwp, avx512: avx512)
            OneDNNDepthwiseConvolution.gradBias(p, gyp, into: gbp, avx512: avx512)
        } else {
            OneDNNGemmConvolution.gradWeight(p, gyp, xp, into: gwp, avx512: avx512)
            OneDNNGemmConvolution.gradBias(n: p.n, channels: p.oc, rows: p.oh, cols: p.ow, gyp, into: gbp)
        }
        withExtendedLifetime((x, w, b, gy)) {}
        return [("out", y, c.out), ("gx", gx, c.gx), ("gw", gw, c.gw), ("gb", gb, c.gb)]
    }

    @Test func goldensComeFromAnAVX512Machine() {
        #expect(Self.file.cpu_capability == "AVX512")
        #expect(Self.file.cases.count >= 25)
        #expect(Self.file.cases.allSatisfy { $0.impl.contains { $0.contains("jit_dw:avx512_core") } })
    }

    /// The goldens tell the splits apart: with AVX2's 8-channel blocks some weight and
    /// bias gradients differ from PyTorch's here.
    @Test func theAVX2SplitDiffersFromPyTorchHere() throws {
        var differing = 0
        for c in Self.file.cases {
            for (_, t, expected) in try Self.passes(c, avx512: false) where G.compare(try G.hex(t), expected, width: 8).0 > 0 {
                differing += 1
            }
        }
        print("depthwise passes differing on the AVX2 order: \(differing)")
        #expect(differing >= 4)
    }

    @Test(arguments: file.cases.indices)
    func everyPassMatchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index]
        for (name, t, expected) in try Self.passes(c, avx512: true) {
            let (bad, first) = G.compare(try G.hex(t), expected, width: 8)
            #expect(bad == 0, "\(c.shape)/\(name) (\(c.impl)): \(bad) elements differ, first \(first)")
        }
    }
}
