import Foundation
import Testing
@testable import Tensors

/// Dilated float32 conv2d layers, and grouped ones at strides or dilations, PyTorch ran on an
/// AVX-512 machine (PyTorchGoldens/OneDNNDilatedConvAVX512Goldens.json, made natively there
/// by OneDNNDilatedConvAVX512Goldens.py): the dilated `jit:avx512_core` forward and data
/// gradient (`OneDNNDilatedConvolutionAVX512`), the dilated weight and bias gradients
/// (`OneDNNConvolutionAVX512.gradWeight`/`gradBias`), and the grouped data, weight and bias
/// gradients (`OneDNNGroupedConvolutionAVX512`), called directly (the test process is
/// pinned to AVX2, where Convolution routes the AVX2 orders).
struct OneDNNDilatedConvolutionAVX512GoldenTests {
    typealias Grouped = OneDNNGroupedConvolutionGoldenTests
    typealias G = MKLGoldenTests
    typealias Dilated = OneDNNDilatedConvolutionAVX512

    static let file: OneDNNGemmConvolutionAVX512GoldenTests.File = PyTorchGoldenFile.decode("OneDNNDilatedConvAVX512Goldens.json")

    static func plan(_ s: [Int]) -> Convolution.Plan { OneDNNGemmConvolutionGoldenTests.plan(s) }

    static func isDilated(_ p: Convolution.Plan) -> Bool { OneDNNDilatedConvolution.isSelected(p, dtype: .float32) }

    /// The cases each kernel claims.
    static let forwards = file.cases.indices.filter { isDilated(plan(file.cases[$0].shape)) && Dilated.forwardApplies(plan(file.cases[$0].shape)) }
    static let dataGradients = file.cases.indices.filter { isDilated(plan(file.cases[$0].shape)) && Dilated.dataApplies(plan(file.cases[$0].shape)) }
    static let groupedDataGradients = file.cases.indices.filter { OneDNNGroupedConvolutionAVX512.dataApplies(plan(file.cases[$0].shape)) }
    static let weightGradients = file.cases.indices.filter {
        isDilated(plan(file.cases[$0].shape)) && OneDNNConvolutionAVX512.weightApplies(plan(file.cases[$0].shape))
    }

    @Test func goldensComeFromAnAVX512Machine() {
        #expect(Self.file.cpu_capability == "AVX512")
    }

    /// What the kernels claim ran as `jit:avx512_core` in PyTorch's log, and they claim
    /// every such pass.
    @Test func claimsAgreeWithTheLog() {
        let cases = Self.file.cases
        for i in Self.forwards { #expect(cases[i].impl[0] == "jit:avx512_core", "\(cases[i].shape)") }
        for i in Self.dataGradients + Self.groupedDataGradients {
            #expect(cases[i].impl[1] == "jit:avx512_core", "\(cases[i].shape)")
        }
        let dilated = cases.filter { Self.isDilated(Self.plan($0.shape)) }
        #expect(Self.forwards.count == dilated.filter { $0.impl[0] == "jit:avx512_core" }.count)
        #expect(Self.dataGradients.count == dilated.filter { $0.impl[1] == "jit:avx512_core" }.count)
        let grouped = cases.filter { $0.shape[10] > 1 && $0.impl[1] == "jit:avx512_core" }
        #expect(Self.groupedDataGradients.count == grouped.count)
        for c in cases where Self.isDilated(Self.plan(c.shape)) {
            #expect(OneDNNConvolutionAVX512.weightApplies(Self.plan(c.shape)) == (c.impl[2] == "jit:avx512_core"), "\(c.shape) \(c.impl)")
        }
        for c in cases + OneDNNGroupedConvolutionAVX512GoldenTests.file.cases where c.shape[10] > 1 {
            #expect(OneDNNGroupedConvolutionAVX512.weightApplies(Self.plan(c.shape)) == (c.impl[2] == "jit:avx512_core"), "\(c.shape) \(c.impl)")
        }
    }

    static func inputs(_ c: Grouped.Case) throws -> (x: Tensor, w: Tensor, b: Tensor, gy: Tensor) {
        let s = c.shape, p = plan(s)
        return (try Grouped.tensor([s[0], s[1], s[2], s[3]], c.seed, -1, 1),
                try Grouped.tensor([s[4], s[1] / s[10], s[5], s[6]], c.seed + 1, -0.5, 0.5),
                try Grouped.tensor([s[4]], c.seed + 2, -1, 1),
                try Grouped.tensor([p.n, p.oc, p.oh, p.ow], c.seed + 3, -1, 1))
    }

    static func expectSame(_ t: Tensor, _ golden: String, _ what: String, _ s: [Int]) throws {
        let (bad, first) = G.compare(try G.hex(t), golden, width: 8)
        #expect(bad == 0, "\(what) \(s): \(bad) elements differ, first \(first)")
    }

    @Test(arguments: forwards)
    func forwardMatchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], p = Self.plan(c.shape), t = try Self.inputs(c)
        let y = try Tensor(empty: [p.n, p.oc, p.oh, p.ow], dtype: .float32)
        Dilated.forward(p, NNBuffer.pointer(t.x, as: Float.self), NNBuffer.pointer(t.w, as: Float.self),
                        NNBuffer.pointer(t.b, as: Float.self), into: NNBuffer.pointer(y, as: Float.self))
        withExtendedLifetime(t) {}
        try Self.expectSame(y, c.out, "out", c.shape)
    }

    @Test(arguments: dataGradients)
    func dataGradientMatchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], p = Self.plan(c.shape), t = try Self.inputs(c)
        let gx = try Tensor(empty: t.x.sizes, dtype: .float32)
        Dilated.gradInput(p, NNBuffer.pointer(t.gy, as: Float.self), NNBuffer.pointer(t.w, as: Float.self),
                          outputBlock: Dilated.block, into: NNBuffer.pointer(gx, as: Float.self))
        withExtendedLifetime(t) {}
        try Self.expectSame(gx, c.gx, "gx", c.shape)
    }

    @Test(arguments: groupedDataGradients)
    func groupedDataGradientMatchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], p = Self.plan(c.shape), t = try Self.inputs(c)
        let gx = try Tensor(empty: t.x.sizes, dtype: .float32)
        OneDNNGroupedConvolutionAVX512.gradInput(p, NNBuffer.pointer(t.gy, as: Float.self), NNBuffer.pointer(t.w, as: Float.self),
                                                 into: NNBuffer.pointer(gx, as: Float.self))
        withExtendedLifetime(t) {}
        try Self.expectSame(gx, c.gx, "gx", c.shape)
    }

    /// The grouped data gradient on the grouped AVX-512 goldens (OneDNNGroupedConvAVX512Goldens.json).
    @Test func groupedDataGradientMatchesTheGroupedGoldens() throws {
        let file = OneDNNGroupedConvolutionAVX512GoldenTests.file
        var checked = 0
        for c in file.cases where OneDNNGroupedConvolutionAVX512.dataApplies(Self.plan(c.shape)) {
            #expect(c.impl[1] == "jit:avx512_core")
            let p = Self.plan(c.shape), t = try Self.inputs(c)
            let gx = try Tensor(empty: t.x.sizes, dtype: .float32)
            OneDNNGroupedConvolutionAVX512.gradInput(p, NNBuffer.pointer(t.gy, as: Float.self), NNBuffer.pointer(t.w, as: Float.self),
                                                     into: NNBuffer.pointer(gx, as: Float.self))
            withExtendedLifetime(t) {}
            try Self.expectSame(gx, c.gx, "gx", c.shape)
            checked += 1
        }
        #expect(checked >= file.cases.count - 2)
    }

    @Test(arguments: weightGradients)
    func weightGradientMatchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], p = Self.plan(c.shape), t = try Self.inputs(c)
        let gw = try Tensor(empty: t.w.sizes, dtype: .float32), gb = try Tensor(empty: [p.oc], dtype: .float32)
        OneDNNConvolutionAVX512.gradWeight(p, NNBuffer.pointer(t.gy, as: Float.self), NNBuffer.pointer(t.x, as: Float.self),
                                           into: NNBuffer.pointer(gw, as: Float.self))
        OneDNNConvolutionAVX512.gradBias(p, NNBuffer.pointer(t.gy, as: Float.self), into: NNBuffer.pointer(gb, as: Float.self))
        withExtendedLifetime(t) {}
        try Self.expectSame(gw, c.gw, "gw", c.shape)
        try Self.expectSame(gb, c.gb, "gb", c.shape)
    }

    /// The grouped weight and bias gradients on both files' cases whose log names `jit:avx512_core`.
    @Test func groupedWeightGradientsMatchPyTorchBitForBit() throws {
        var checked = 0
        for c in Self.file.cases + OneDNNGroupedConvolutionAVX512GoldenTests.file.cases
        where OneDNNGroupedConvolutionAVX512.weightApplies(Self.plan(c.shape)) {
            let p = Self.plan(c.shape), t = try Self.inputs(c)
            let gw = try Tensor(empty: t.w.sizes, dtype: .float32), gb = try Tensor(empty: [p.oc], dtype: .float32)
            OneDNNGroupedConvolutionAVX512.gradWeight(p, NNBuffer.pointer(t.gy, as: Float.self), NNBuffer.pointer(t.x, as: Float.self),
                                                      into: NNBuffer.pointer(gw, as: Float.self))
            OneDNNGroupedConvolutionAVX512.gradBias(p, NNBuffer.pointer(t.gy, as: Float.self), into: NNBuffer.pointer(gb, as: Float.self))
            withExtendedLifetime(t) {}
            try Self.expectSame(gw, c.gw, "gw", c.shape)
            try Self.expectSame(gb, c.gb, "gb", c.shape)
            checked += 1
        }
        #expect(checked >= 3)
    }

    /// The grouped forward (OneDNNGroupedConvolutionAVX512) on this file's grouped layers,
    /// dilated ones included.
    @Test func groupedForwardMatchesPyTorchBitForBit() throws {
        var checked = 0
        for c in Self.file.cases where c.shape[10] > 1 {
            let p = Self.plan(c.shape)
            #expect(OneDNNGroupedConvolutionAVX512.forwardApplies(p) == (c.impl[0] == "jit:avx512_core"), "\(c.shape)")
            guard OneDNNGroupedConvolutionAVX512.forwardApplies(p) else { continue }
            let t = try Self.inputs(c)
            let y = try Tensor(empty: [p.n, p.oc, p.oh, p.ow], dtype: .float32)
            OneDNNGroupedConvolutionAVX512.forward(p, NNBuffer.pointer(t.x, as: Float.self), NNBuffer.pointer(t.w, as: Float.self),
                                                   NNBuffer.pointer(t.b, as: Float.self), into: NNBuffer.pointer(y, as: Float.self))
            withExtendedLifetime(t) {}
            try Self.expectSame(y, c.out, "out", c.shape)
            if p.g.dilation != (1, 1) { checked += 1 }
        }
        #expect(checked >= 4)
    }
}
