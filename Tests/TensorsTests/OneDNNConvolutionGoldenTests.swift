import Foundation
import Testing
@testable import Tensors

/// PyTorch 2.15's float32 conv2d where ATen hands it to oneDNN (batches, kernels larger
/// than 3×3, large single images): output and the three gradients compared bit for bit
/// with PyTorchGoldens/OneDNNConvGoldens.json (made by OneDNNConvGoldens.py on 2 threads,
/// AVX2). The known mismatches are listed in `knownMismatches` with their counts and the
/// reason (docs/nn-layers.md, "Where results can differ").
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

    static let file: File = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("PyTorchGoldens/OneDNNConvGoldens.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }()

    typealias G = MKLGoldenTests

    /// "shape/tensor" → mismatching elements seen: the orders not reproduced yet. The 1×1
    /// stride-1 weight gradient runs oneDNN's `jit_1x1:avx2` kernel, whose reduction over
    /// images and positions is not a single chain (nor per-image, per-block or per-thread
    /// partial sums tried so far).
    static let knownMismatches: [String: Int] = ["[4, 16, 8, 8, 16, 1, 1, 0, 1]/gw": 238]

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
            let key = "\(s)/\(name)"
            if let known = Self.knownMismatches[key] {
                withKnownIssue("\(key): oneDNN's order not reproduced yet (\(known) elements differed)") {
                    #expect(bad == 0, "\(key): \(bad) elements differ, first \(first)")
                }
            } else {
                #expect(bad == 0, "\(key): \(bad) elements differ, first \(first)")
            }
        }
    }
}
