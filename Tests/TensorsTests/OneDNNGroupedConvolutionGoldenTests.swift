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

    /// "shape/tensor" → elements that differ: the orders not reproduced yet.
    static let knownMismatches: [String: Int] = [:]

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
