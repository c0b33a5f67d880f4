import Foundation
import Testing
@testable import Tensors

/// PyTorch 2.15's float32 conv2d on an AVX-512 machine, where oneDNN runs its
/// `avx512_core` kernels: PyTorchGoldens/OneDNNConvAVX512Goldens.json (made by
/// OneDNNConvAVX512Goldens.py there, 2 threads). The test process is pinned to the AVX2
/// profile (GoldenProfile), so these tests call the AVX-512 kernels directly rather than
/// through the routing; the kernels are plain Swift arithmetic and run on any CPU. Shapes
/// are [N, C, H, W, O, kh, kw, top, bottom, left, right, stride h, stride w].
struct OneDNNConvolutionAVX512GoldenTests {
    typealias Case = OneDNNConvolutionShapesGoldenTests.Case
    typealias G = MKLGoldenTests

    struct File: Decodable {
        let cpu_capability: String
        let cases: [Case]
    }

    static let file: File = PyTorchGoldenFile.decode("OneDNNConvAVX512Goldens.json")

    static func plan(_ s: [Int]) throws -> Convolution.Plan {
        let x = try Tensor(empty: [s[0], s[1], s[2], s[3]], dtype: .float32)
        let w = try Tensor(empty: [s[4], s[1], s[5], s[6]], dtype: .float32)
        return try Convolution.plan(input: x, weight: w, bias: nil, geometry: OneDNNConvolutionShapesGoldenTests.geometry(s),
                                    spatialDims: 2, shownInput: x.sizes, shownWeight: w.sizes)
    }

    /// The cases whose forward PyTorch ran with `jit:avx512_core`.
    static let forwardCases = file.cases.indices.filter { file.cases[$0].impl.contains("F:jit:avx512_core") }

    @Test func goldensComeFromAnAVX512Machine() throws {
        #expect(Self.file.cpu_capability == "AVX512")
        #expect(Self.forwardCases.count >= 60)
    }

    /// Our routing sends a plan to the AVX-512 forward only where PyTorch's log names
    /// `jit:avx512_core`, and it takes all but a few of those.
    @Test func forwardRoutingAgreesWithTheLog() throws {
        var taken = 0
        for c in Self.file.cases {
            let p = try Self.plan(c.shape)
            let routed = OneDNNConvolutionAVX512.forwardApplies(p)
            if routed {
                #expect(c.impl.contains("F:jit:avx512_core"), "\(c.shape) \(c.impl)")
                taken += 1
            }
        }
        #expect(taken == Self.forwardCases.count)
    }

    @Test(arguments: forwardCases)
    func forwardMatchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], s = c.shape
        let p = try Self.plan(s)
        let x = try OneDNNConvolutionGoldenTests.tensor([s[0], s[1], s[2], s[3]], c.seed, -1, 1)
        let w = try OneDNNConvolutionGoldenTests.tensor([s[4], s[1], s[5], s[6]], c.seed + 1, -0.5, 0.5)
        let b = try OneDNNConvolutionGoldenTests.tensor([s[4]], c.seed + 2, -1, 1)
        let y = try Tensor(empty: [p.n, p.oc, p.oh, p.ow], dtype: .float32)
        OneDNNConvolutionAVX512.forward(p, NNBuffer.pointer(x, as: Float.self), NNBuffer.pointer(w, as: Float.self),
                                        NNBuffer.pointer(b, as: Float.self), into: NNBuffer.pointer(y, as: Float.self))
        try Self.expectSame(y, c.out, "\(s)/out (\(c.impl))")
    }

    /// The cases whose input gradient PyTorch ran with `jit:avx512_core`.
    static let dataCases = file.cases.indices.filter { file.cases[$0].impl.contains("D:jit:avx512_core") }

    @Test func dataRoutingAgreesWithTheLog() throws {
        var taken = 0
        for c in Self.file.cases where OneDNNConvolutionAVX512.dataApplies(try Self.plan(c.shape)) {
            #expect(c.impl.contains("D:jit:avx512_core"), "\(c.shape) \(c.impl)")
            taken += 1
        }
        #expect(taken == Self.dataCases.count && taken >= 40)
    }

    @Test(arguments: dataCases)
    func inputGradientMatchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], s = c.shape
        let p = try Self.plan(s)
        let w = try OneDNNConvolutionGoldenTests.tensor([s[4], s[1], s[5], s[6]], c.seed + 1, -0.5, 0.5)
        let gy = try OneDNNConvolutionGoldenTests.tensor([p.n, p.oc, p.oh, p.ow], c.seed + 3, -1, 1)
        let gx = try Tensor(empty: [p.n, p.c, p.h, p.w], dtype: .float32)
        OneDNNConvolutionAVX512.gradInput(p, NNBuffer.pointer(gy, as: Float.self), NNBuffer.pointer(w, as: Float.self),
                                          into: NNBuffer.pointer(gx, as: Float.self))
        try Self.expectSame(gx, c.gx, "\(s)/gx (\(c.impl))")
    }

    /// The cases whose weight gradient PyTorch ran with `jit:avx512_core`.
    static let weightCases = file.cases.indices.filter { file.cases[$0].impl.contains("W:jit:avx512_core") }

    @Test func weightRoutingAgreesWithTheLog() throws {
        var taken = 0
        for c in Self.file.cases where !c.impl.contains("gemm") {
            let p = try Self.plan(c.shape)
            #expect(OneDNNConvolutionAVX512.weightApplies(p) == c.impl.contains("W:jit:avx512_core"), "\(c.shape) \(c.impl)")
            if OneDNNConvolutionAVX512.weightApplies(p) { taken += 1 }
        }
        #expect(taken == Self.weightCases.count && taken >= 30)
        // The goldens cover every way the reduction is shared: one thread, two threads over
        // images, two over (image, row) pairs.
        var kinds: [String: Int] = [:]
        for index in Self.weightCases {
            let p = try Self.plan(Self.file.cases[index].shape)
            kinds["\(OneDNNConvolutionAVX512.reductionThreads(p)) \(OneDNNConvolutionAVX512.sharesRows(p))", default: 0] += 1
        }
        #expect(kinds["1 false", default: 0] >= 3 && kinds["2 false", default: 0] >= 3 && kinds["2 true", default: 0] >= 3, "\(kinds)")
    }

    @Test(arguments: weightCases)
    func weightAndBiasGradientsMatchPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], s = c.shape
        let p = try Self.plan(s)
        let x = try OneDNNConvolutionGoldenTests.tensor([s[0], s[1], s[2], s[3]], c.seed, -1, 1)
        let gy = try OneDNNConvolutionGoldenTests.tensor([p.n, p.oc, p.oh, p.ow], c.seed + 3, -1, 1)
        let gw = try Tensor(empty: [p.oc, p.c, p.kh, p.kw], dtype: .float32)
        let gb = try Tensor(empty: [p.oc], dtype: .float32)
        OneDNNConvolutionAVX512.gradWeight(p, NNBuffer.pointer(gy, as: Float.self), NNBuffer.pointer(x, as: Float.self),
                                           into: NNBuffer.pointer(gw, as: Float.self))
        OneDNNConvolutionAVX512.gradBias(p, NNBuffer.pointer(gy, as: Float.self), into: NNBuffer.pointer(gb, as: Float.self))
        let label = "\(s) threads \(OneDNNConvolutionAVX512.reductionThreads(p)) rows \(OneDNNConvolutionAVX512.sharesRows(p))"
        try Self.expectSame(gw, c.gw, "\(label)/gw (\(c.impl))")
        try Self.expectSame(gb, c.gb, "\(label)/gb (\(c.impl))")
    }

    /// Compares a result with PyTorch's hex text (or its FNV-1a hash for large tensors).
    static func expectSame(_ t: Tensor, _ expected: String, _ label: String) throws {
        let actual = try G.hex(t)
        if expected.hasPrefix("fnv1a:") {
            #expect(OneDNNConvolutionShapesGoldenTests.fnv1a(actual) == expected, "\(label): hash differs")
        } else {
            let (bad, first) = G.compare(actual, expected, width: 8)
            #expect(bad == 0, "\(label): \(bad) elements differ, first \(first)")
        }
    }
}

extension OneDNNConvolutionAVX512GoldenTests {
    /// The goldens tell the two orders apart: oneDNN's AVX2 order (what this process runs,
    /// pinned to AVX2) misses PyTorch's AVX-512 bits on most forward cases with more than
    /// one block of 16 input channels or with a bias.
    @Test func theAVX2OrderDiffersFromTheseGoldens() throws {
        #expect(!OneDNNISA.avx512Core)
        var differ = 0
        for index in Self.forwardCases {
            let c = Self.file.cases[index], s = c.shape
            let p = try Self.plan(s)
            let x = try OneDNNConvolutionGoldenTests.tensor([s[0], s[1], s[2], s[3]], c.seed, -1, 1)
            let w = try OneDNNConvolutionGoldenTests.tensor([s[4], s[1], s[5], s[6]], c.seed + 1, -0.5, 0.5)
            let b = try OneDNNConvolutionGoldenTests.tensor([s[4]], c.seed + 2, -1, 1)
            let y = try Tensor(empty: [p.n, p.oc, p.oh, p.ow], dtype: .float32)
            OneDNNConvolution.forward(p, NNBuffer.pointer(x, as: Float.self), NNBuffer.pointer(w, as: Float.self),
                                      NNBuffer.pointer(b, as: Float.self), into: NNBuffer.pointer(y, as: Float.self))
            let actual = try G.hex(y)
            let same = c.out.hasPrefix("fnv1a:") ? OneDNNConvolutionShapesGoldenTests.fnv1a(actual) == c.out
                : G.compare(actual, c.out, width: 8).0 == 0
            if !same { differ += 1 }
        }
        #expect(differ * 2 > Self.forwardCases.count, "\(differ) of \(Self.forwardCases.count) differ")
    }
}
