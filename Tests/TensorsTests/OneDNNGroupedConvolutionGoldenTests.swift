import Foundation
import Testing
@testable import Tensors

/// PyTorch 2.15's float32 conv2d with groups, depthwise (groups == channels) and dilation,
/// on oneDNN's path (batches of more than one image): output and the three gradients
/// compared bit for bit with PyTorchGoldens/OneDNNGroupedConvGoldens.json (made by
/// OneDNNGroupedConvGoldens.py on 2 threads, AVX2). The orders not reproduced yet are
/// listed in `knownMismatches` with the count of elements that differ.
struct OneDNNGroupedConvolutionGoldenTests {
    struct Case: Decodable {
        /// N, C, H, W, O, kh, kw, padding, stride, dilation, groups.
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
            .appendingPathComponent("PyTorchGoldens/OneDNNGroupedConvGoldens.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }()

    typealias G = MKLGoldenTests

    /// "shape/tensor" → elements that differ: the orders not reproduced yet. All are passes
    /// oneDNN runs as `gemm:jit` (ONEDNN_VERBOSE): groups that are not whole 8-channel
    /// blocks, a depthwise channel multiplier, dilated weight gradients, the strided
    /// dilated input gradient, 5×5 depthwise weight gradients. oneDNN's sgemm gets a
    /// plain K-order chain (then + bias) right inside its 6-column blocks but not in the
    /// tails (docs/nn-layers.md).
    static let knownMismatches: [String: Int] = [
        "[2, 6, 13, 13, 6, 5, 5, 2, 1, 1, 6]/gw": 80,
        "[2, 48, 9, 9, 48, 5, 5, 2, 2, 1, 48]/gw": 843,
        "[2, 8, 12, 12, 16, 3, 3, 1, 1, 1, 8]/out": 1487,
        "[2, 8, 12, 12, 16, 3, 3, 1, 1, 1, 8]/gx": 433,
        "[2, 8, 12, 12, 16, 3, 3, 1, 1, 1, 8]/gw": 79,
        "[2, 12, 9, 9, 24, 3, 3, 1, 2, 1, 3]/out": 176,
        "[2, 12, 9, 9, 24, 3, 3, 1, 2, 1, 3]/gw": 171,
        "[3, 6, 11, 11, 12, 5, 5, 2, 1, 1, 2]/out": 996,
        "[3, 6, 11, 11, 12, 5, 5, 2, 1, 1, 2]/gx": 231,
        "[3, 6, 11, 11, 12, 5, 5, 2, 1, 1, 2]/gw": 262,
        "[2, 24, 7, 7, 12, 3, 3, 0, 1, 1, 6]/out": 405,
        "[2, 24, 7, 7, 12, 3, 3, 0, 1, 1, 6]/gw": 310,
        "[8, 4, 8, 8, 8, 3, 3, 1, 1, 1, 2]/gw": 16,
        "[2, 8, 16, 16, 16, 3, 3, 2, 1, 2, 1]/gw": 960,
        "[2, 16, 12, 12, 8, 3, 3, 2, 2, 2, 1]/gx": 96,
        "[2, 16, 12, 12, 8, 3, 3, 2, 2, 2, 1]/gw": 211,
        "[3, 5, 15, 15, 6, 5, 5, 4, 1, 2, 1]/out": 962,
        "[3, 5, 15, 15, 6, 5, 5, 4, 1, 2, 1]/gw": 534,
        "[4, 3, 20, 20, 8, 3, 3, 3, 1, 3, 1]/gw": 124,
        "[2, 16, 12, 12, 16, 3, 3, 2, 1, 2, 16]/gw": 65,
        "[2, 8, 14, 14, 16, 3, 3, 3, 1, 3, 2]/out": 1025,
        "[2, 8, 14, 14, 16, 3, 3, 3, 1, 3, 2]/gx": 72,
        "[2, 8, 14, 14, 16, 3, 3, 3, 1, 3, 2]/gw": 417
    ]

    static func tensor(_ shape: [Int], _ seed: Int, _ lo: Double, _ hi: Double) throws -> Tensor {
        try G.make(G.pseudo(shape.reduce(1, *), seed, lo, hi), shape, .float32)
    }

    static func geometry(_ s: [Int]) -> ConvolutionGeometry {
        ConvolutionGeometry(stride: (s[8], s[8]), padding: ((s[7], s[7]), (s[7], s[7])), dilation: (s[9], s[9]), groups: s[10])
    }

    /// Output and the three gradients of case `c`, on oneDNN's orders or (`followsOneDNN`
    /// false) on the slow path's.
    static func run(_ c: Case, followsOneDNN: Bool = true) throws -> [(String, Tensor?, String)] {
        let s = c.shape
        let x = try tensor([s[0], s[1], s[2], s[3]], c.seed, -1, 1)
        let w = try tensor([s[4], s[1] / s[10], s[5], s[6]], c.seed + 1, -0.5, 0.5)
        let b = try tensor([s[4]], c.seed + 2, -1, 1)
        var g = geometry(s)
        g.followsOneDNN = followsOneDNN
        let y = try Convolution.forward(input: x, weight: w, bias: b, geometry: g)
        let gy = try tensor(y.sizes, c.seed + 3, -1, 1)
        let r = try Convolution.backward(gradOutput: gy, input: x, weight: w, hasBias: true, geometry: g)
        return [("out", y, c.out), ("gx", r.input, c.gx), ("gw", r.weight, c.gw), ("gb", r.bias, c.gb)]
    }

    /// The goldens tell the orders apart: on the slow path's order most tensors differ
    /// from PyTorch in their last digits (the counts printed are the "before" numbers).
    @Test func theSlowPathsOrderDiffersFromPyTorch() throws {
        var differing = 0
        for c in Self.file.cases {
            var line = "\(c.shape) slow path:"
            for (name, t, expected) in try Self.run(c, followsOneDNN: false) {
                let (bad, _) = G.compare(try G.hex(try #require(t)), expected, width: 8)
                line += " \(name) \(bad)"
                if bad > 0 { differing += 1 }
            }
            print(line)
        }
        #expect(differing > Self.file.cases.count)
    }

    @Test(arguments: file.cases.indices)
    func matchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], s = c.shape
        for (name, t, expected) in try Self.run(c) {
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
