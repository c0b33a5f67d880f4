import Foundation
import Testing
@testable import Tensors

/// `jit_1x1:avx512_core` forward and unit-stride input gradient (OneDNNConvolutionAVX512OneByOne.swift)
/// against the AVX-512 goldens, calling the 1×1 kernels with the AVX-512 chunk.
struct OneDNNConvolutionAVX512OneByOneTests {
    typealias T = OneDNNConvolutionAVX512GoldenTests
    static let cases = T.file.cases.indices.filter { T.file.cases[$0].impl.contains("F:jit_1x1:avx512_core") }

    @Test func everyOneByOneCaseRunsThe1x1Kernels() throws {
        #expect(Self.cases.count >= 20)
        for c in T.file.cases {
            #expect(OneDNNConvolution.runs1x1(try T.plan(c.shape)) == c.impl.contains("F:jit_1x1"), "\(c.shape) \(c.impl)")
        }
        // The weight goldens cover one and two reducing threads, and threads with several pieces.
        let plans = try Self.cases.map { try T.plan(T.file.cases[$0].shape) }
        #expect(plans.filter { OneDNNConvolutionAVX512.blocking1x1($0).threads == 1 }.count >= 3)
        #expect(plans.filter { OneDNNConvolutionAVX512.blocking1x1($0).threads == 2 }.count >= 3)
        #expect(plans.filter { OneDNNConvolutionAVX512.pieces1x1($0).contains { $0.count > 1 } }.count >= 3)
    }

    @Test(arguments: cases)
    func forwardAndInputGradientMatchPyTorchBitForBit(index: Int) throws {
        let c = T.file.cases[index], s = c.shape
        let p = try T.plan(s)
        let x = try OneDNNConvolutionGoldenTests.tensor([s[0], s[1], s[2], s[3]], c.seed, -1, 1)
        let w = try OneDNNConvolutionGoldenTests.tensor([s[4], s[1], s[5], s[6]], c.seed + 1, -0.5, 0.5)
        let b = try OneDNNConvolutionGoldenTests.tensor([s[4]], c.seed + 2, -1, 1)
        let y = try Tensor(empty: [p.n, p.oc, p.oh, p.ow], dtype: .float32)
        let forwardChunk = try #require(OneDNNConvolutionAVX512.reduceChunk1x1(p, forward: true))
        OneDNNConvolution.forward1x1(p, NNBuffer.pointer(x, as: Float.self), NNBuffer.pointer(w, as: Float.self),
                                     NNBuffer.pointer(b, as: Float.self), into: NNBuffer.pointer(y, as: Float.self), chunk: forwardChunk)
        try T.expectSame(y, c.out, "\(s)/out (\(c.impl))")
        guard c.impl.contains("D:jit_1x1:avx512_core") else { return }
        let gy = try OneDNNConvolutionGoldenTests.tensor([p.n, p.oc, p.oh, p.ow], c.seed + 3, -1, 1)
        let gx = try Tensor(empty: [p.n, p.c, p.h, p.w], dtype: .float32)
        let dataChunk = try #require(OneDNNConvolutionAVX512.reduceChunk1x1(p, forward: false))
        OneDNNConvolution.gradInput1x1(p, NNBuffer.pointer(gy, as: Float.self), NNBuffer.pointer(w, as: Float.self),
                                       into: NNBuffer.pointer(gx, as: Float.self), chunk: dataChunk)
        try T.expectSame(gx, c.gx, "\(s)/gx (\(c.impl))")
    }

    @Test(arguments: cases)
    func weightAndBiasGradientsMatchPyTorchBitForBit(index: Int) throws {
        let c = T.file.cases[index], s = c.shape
        let p = try T.plan(s)
        let x = try OneDNNConvolutionGoldenTests.tensor([s[0], s[1], s[2], s[3]], c.seed, -1, 1)
        let gy = try OneDNNConvolutionGoldenTests.tensor([p.n, p.oc, p.oh, p.ow], c.seed + 3, -1, 1)
        let gw = try Tensor(empty: [p.oc, p.c, 1, 1], dtype: .float32)
        let gb = try Tensor(empty: [p.oc], dtype: .float32)
        OneDNNConvolutionAVX512.gradWeight1x1(p, NNBuffer.pointer(gy, as: Float.self), NNBuffer.pointer(x, as: Float.self),
                                              into: NNBuffer.pointer(gw, as: Float.self))
        OneDNNConvolutionAVX512.gradBias1x1(p, NNBuffer.pointer(gy, as: Float.self), into: NNBuffer.pointer(gb, as: Float.self))
        let b = OneDNNConvolutionAVX512.blocking1x1(p)
        let label = "\(s) block \(b.block) piece \(b.piece) tail \(b.tail) threads \(b.threads)/\(b.total)"
        try T.expectSame(gw, c.gw, "\(label)/gw (\(c.impl))")
        try T.expectSame(gb, c.gb, "\(label)/gb (\(c.impl))")
    }
}
