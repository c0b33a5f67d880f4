import Foundation
import Testing
@testable import Tensors

/// PyTorch 2.15's float32 conv2d with groups, depthwise (groups == channels) and dilation,
/// on oneDNN's path (batches of more than one image): output and the three gradients
/// compared bit for bit with PyTorchGoldens/OneDNNGroupedConvGoldens.json (made by
/// OneDNNGroupedConvGoldens.py on 2 threads, AVX2; 35 chosen and 48 random shapes). Each
/// case records which oneDNN implementation ran each pass (`jit_dw`, `jit:avx2`,
/// `brgconv_strided`, `gemm:jit`): every pass of every case is exact.
struct OneDNNGroupedConvolutionGoldenTests {
    struct Case: Decodable {
        /// N, C, H, W, O, kh, kw, padding, stride, dilation, groups.
        let shape: [Int]
        let seed: Int
        let out: String
        let gx: String
        let gw: String
        let gb: String
        /// oneDNN's implementation of the forward pass, data and weight gradient
        /// (ONEDNN_VERBOSE), "" where ATen took the slow path.
        let impl: [String]
    }

    struct File: Decodable { let cases: [Case] }

    static let file: File = PyTorchGoldenFile.decode("OneDNNGroupedConvGoldens.json")

    typealias G = MKLGoldenTests

    /// Whether every sgemm of a `gemm:jit` forward pass is one `OneDNNSgemm` reproduces
    /// (not so for 1-column products oneDNN splits between 2 threads; none here).
    static func forwardIsReproduced(_ c: Case) -> Bool {
        let s = c.shape
        let p = Convolution.Plan(n: s[0], c: s[1], h: s[2], w: s[3], oc: s[4], kh: s[5], kw: s[6],
                                 oh: outSize(s, s[2], s[5]), ow: outSize(s, s[3], s[6]), cg: s[1] / s[10],
                                 ocg: s[4] / s[10], g: geometry(s))
        return OneDNNGemmConvolution.forwardIsReproduced(p)
    }

    static func outSize(_ s: [Int], _ size: Int, _ kernel: Int) -> Int {
        (size + 2 * s[7] - s[9] * (kernel - 1) - 1) / s[8] + 1
    }

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

    /// The goldens exercise each reproduced kernel: depthwise `jit_dw` (all three
    /// passes), grouped `jit:avx2`, dilated `jit:avx2` forward and data gradient, and
    /// `gemm:jit`'s three passes.
    @Test func everyReproducedKernelIsCovered() {
        let cases = Self.file.cases
        #expect(cases.filter { $0.impl == ["jit_dw:avx2", "jit_dw:avx2", "jit_dw:avx2"] }.count >= 10)
        #expect(cases.filter { $0.shape[10] > 1 && $0.impl.allSatisfy { $0 == "jit:avx2" } }.count >= 5)
        #expect(cases.filter { $0.shape[9] > 1 && $0.impl[0] == "jit:avx2" && $0.impl[1] == "jit:avx2" }.count >= 5)
        // gemm:jit through OneDNNSgemm: forward, data and weight gradients.
        #expect(cases.filter { $0.impl[0].contains("gemm") }.count >= 20)
        #expect(cases.filter { $0.impl[1].contains("gemm") }.count >= 28)
        #expect(cases.filter { $0.impl[2].contains("gemm") }.count >= 47)
        #expect(cases.filter { $0.impl[0].contains("gemm") }.allSatisfy(Self.forwardIsReproduced))
    }

    @Test(arguments: file.cases.indices)
    func matchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], s = c.shape
        for (name, t, expected) in try Self.run(c) {
            let (bad, first) = G.compare(try G.hex(try #require(t)), expected, width: 8)
            #expect(bad == 0, "\(s)/\(name) (\(c.impl)): \(bad) elements differ, first \(first)")
        }
    }
}
