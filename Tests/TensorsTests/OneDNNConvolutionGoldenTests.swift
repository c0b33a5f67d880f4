import Foundation
import Testing
@testable import Tensors

/// PyTorch 2.15's float32 conv2d where ATen hands it to oneDNN (batches, kernels larger
/// than 3×3, large single images): output and the three gradients compared bit for bit
/// with PyTorchGoldens/OneDNNConvGoldens.json (made by OneDNNConvGoldens.py on 2 threads,
/// AVX2).
struct OneDNNConvolutionGoldenTests {
    struct Case: Decodable {
        let shape: [Int]
        let seed: Int
        let out: String
        let gx: String
        let gw: String
        let gb: String
    }

    struct File: Decodable { let cases: [Case] }

    static let file: File = PyTorchGoldenFile.decode("OneDNNConvGoldens.json")

    typealias G = MKLGoldenTests

    static func tensor(_ shape: [Int], _ seed: Int, _ lo: Double, _ hi: Double) throws -> Tensor {
        try G.make(G.pseudo(shape.reduce(1, *), seed, lo, hi), shape, .float32)
    }

    @Test func everyCaseIsOnTheOneDNNPath() throws {
        #expect(Self.file.cases.count >= 20)
        for c in Self.file.cases {
            let s = c.shape
            let x = try Tensor(empty: [s[0], s[1], s[2], s[3]], dtype: .float32)
            let w = try Tensor(empty: [s[4], s[1], s[5], s[6]], dtype: .float32)
            let g = ConvolutionGeometry(stride: (s[8], s[8]), padding: ((s[7], s[7]), (s[7], s[7])), dilation: (1, 1), groups: 1)
            let p = try Convolution.plan(input: x, weight: w, bias: nil, geometry: g, spatialDims: 2, shownInput: x.sizes, shownWeight: w.sizes)
            #expect(OneDNNConvolution.isSelected(p, dtype: .float32), "\(s)")
            #expect(!OneDNNConvolution.isSelected(p, dtype: .float64), "\(s)")
        }
    }

    @Test func oneImageWithASmallKernelStaysOnTheSlowPath() throws {
        let x = try Tensor(empty: [1, 3, 28, 28], dtype: .float32)
        let w = try Tensor(empty: [6, 3, 3, 3], dtype: .float32)
        let g = ConvolutionGeometry(stride: (1, 1), padding: ((1, 1), (1, 1)), dilation: (1, 1), groups: 1)
        let p = try Convolution.plan(input: x, weight: w, bias: nil, geometry: g, spatialDims: 2, shownInput: x.sizes, shownWeight: w.sizes)
        #expect(!OneDNNConvolution.isSelected(p, dtype: .float32))
    }

    @Test(arguments: file.cases.indices)
    func matchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], s = c.shape
        let x = try Self.tensor([s[0], s[1], s[2], s[3]], c.seed, -1, 1)
        let w = try Self.tensor([s[4], s[1], s[5], s[6]], c.seed + 1, -0.5, 0.5)
        let b = try Self.tensor([s[4]], c.seed + 2, -1, 1)
        let g = ConvolutionGeometry(stride: (s[8], s[8]), padding: ((s[7], s[7]), (s[7], s[7])), dilation: (1, 1), groups: 1)
        let y = try Convolution.forward(input: x, weight: w, bias: b, geometry: g)
        let gy = try Self.tensor(y.sizes, c.seed + 3, -1, 1)
        let r = try Convolution.backward(gradOutput: gy, input: x, weight: w, hasBias: true, geometry: g)
        let results: [(String, Tensor?, String)] = [("out", y, c.out), ("gx", r.input, c.gx), ("gw", r.weight, c.gw), ("gb", r.bias, c.gb)]
        for (name, t, expected) in results {
            let (bad, first) = G.compare(try G.hex(try #require(t)), expected, width: 8)
            #expect(bad == 0, "\(s)/\(name): \(bad) elements differ, first \(first)")
        }
    }
}

/// PyTorch 2.15's float32 conv2d on random shapes where oneDNN runs it (batches of 2–16,
/// 1–40 channels, sizes 1–30) with the kernels OneDNNConvGoldens.json leaves out: 1×1
/// (`jit_1x1`, OneDNNConvolution1x1.swift), padding that differs before and after
/// (OneDNNConvolutionPadded.swift) and stride 3 (2-d and Conv1d). Output and the three gradients bit for bit with
/// PyTorchGoldens/OneDNNConvShapesGoldens.json (OneDNNConvShapesGoldens.py; large tensors
/// stored as the FNV-1a hash of their hex text). Shapes are
/// [N, C, H, W, O, kh, kw, top, bottom, left, right, stride h, stride w].
struct OneDNNConvolutionShapesGoldenTests {
    struct Case: Decodable {
        let shape: [Int]
        let seed: Int
        let impl: String
        let out: String
        let gx: String
        let gw: String
        let gb: String
    }

    struct File: Decodable { let cases: [Case] }

    static let file: File = PyTorchGoldenFile.decode("OneDNNConvShapesGoldens.json")

    typealias G = MKLGoldenTests

    static func geometry(_ s: [Int]) -> ConvolutionGeometry {
        ConvolutionGeometry(stride: (s[11], s[12]), padding: ((s[7], s[8]), (s[9], s[10])), dilation: (1, 1), groups: 1)
    }

    static func fnv1a(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return "fnv1a:" + G.hexWord(h, 16)
    }

    @Test func everyCaseIsOnTheOneDNNPathWithItsKernel() throws {
        #expect(Self.file.cases.count >= 50)
        #expect(Self.file.cases.filter { $0.impl.contains("W:jit_1x1") }.count >= 40)
        for c in Self.file.cases {
            let s = c.shape
            let x = try Tensor(empty: [s[0], s[1], s[2], s[3]], dtype: .float32)
            let w = try Tensor(empty: [s[4], s[1], s[5], s[6]], dtype: .float32)
            let p = try Convolution.plan(input: x, weight: w, bias: nil, geometry: Self.geometry(s), spatialDims: 2,
                                         shownInput: x.sizes, shownWeight: w.sizes)
            #expect(OneDNNConvolution.isSelected(p, dtype: .float32), "\(s)")
            // PyTorch's verbose log names the kernel: ours takes the 1×1 orders exactly there.
            #expect(OneDNNConvolution.runs1x1(p) == c.impl.contains("W:jit_1x1"), "\(s) \(c.impl)")
            #expect(OneDNNConvolution.runs1x1(p) == c.impl.contains("F:jit_1x1"), "\(s) \(c.impl)")
        }
    }

    @Test(arguments: file.cases.indices)
    func matchesPyTorchBitForBit(index: Int) throws {
        try Self.check(Self.file.cases[index])
    }

    /// Runs one case forward and backward and compares all four results with PyTorch's.
    /// `knownIssues` names the results whose order is not reproduced yet (expected to differ).
    static func check(_ c: Case, knownIssues: Set<String> = []) throws {
        let s = c.shape
        let x = try OneDNNConvolutionGoldenTests.tensor([s[0], s[1], s[2], s[3]], c.seed, -1, 1)
        let w = try OneDNNConvolutionGoldenTests.tensor([s[4], s[1], s[5], s[6]], c.seed + 1, -0.5, 0.5)
        let b = try OneDNNConvolutionGoldenTests.tensor([s[4]], c.seed + 2, -1, 1)
        let g = Self.geometry(s)
        let y = try Convolution.forward(input: x, weight: w, bias: b, geometry: g)
        let gy = try OneDNNConvolutionGoldenTests.tensor(y.sizes, c.seed + 3, -1, 1)
        let r = try Convolution.backward(gradOutput: gy, input: x, weight: w, hasBias: true, geometry: g)
        let results: [(String, Tensor?, String)] = [("out", y, c.out), ("gx", r.input, c.gx), ("gw", r.weight, c.gw), ("gb", r.bias, c.gb)]
        for (name, t, expected) in results {
            let actual = try G.hex(try #require(t))
            let same: Bool, detail: String
            if expected.hasPrefix("fnv1a:") {
                (same, detail) = (Self.fnv1a(actual) == expected, "hash differs")
            } else {
                let (bad, first) = G.compare(actual, expected, width: 8)
                (same, detail) = (bad == 0, "\(bad) elements differ, first \(first)")
            }
            if knownIssues.contains(name) {
                withKnownIssue("\(s)/\(name): oneDNN's order not reproduced yet") {
                    #expect(same, "\(s)/\(name) (\(c.impl)): \(detail)")
                }
            } else {
                #expect(same, "\(s)/\(name) (\(c.impl)): \(detail)")
            }
        }
    }
}
