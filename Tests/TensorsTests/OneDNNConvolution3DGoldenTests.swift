import Foundation
import Testing
@testable import Tensors

/// PyTorch 2.15's float32 conv3d and conv_transpose3d on batches, where ATen hands them to
/// oneDNN: the output and the input gradient compared bit for bit with
/// PyTorchGoldens/OneDNNConv3dGoldens.json (made by OneDNNConv3dGoldens.py on 2 threads,
/// AVX2). A transposed convolution is computed as Torch's `_onednn_conv_transpose3d`
/// does: the data gradient of the convolution whose input is its output, plus the bias;
/// its input gradient is that convolution's forward.
struct OneDNNConvolution3DGoldenTests {
    struct Case: Decodable {
        let shape: [Int]
        let seed: Int
        let out: String
        let gx: String
    }

    struct File: Decodable { let cases: [Case]; let transposed: [Case] }

    static let file: File = PyTorchGoldenFile.decode("OneDNNConv3dGoldens.json")

    typealias G = MKLGoldenTests

    static func tensor(_ shape: [Int], _ seed: Int, _ lo: Double, _ hi: Double) throws -> Tensor {
        try G.make(G.pseudo(shape.reduce(1, *), seed, lo, hi), shape, .float32)
    }

    @Test func batchesAreSelectedAndOneImageIsNot() {
        for c in Self.file.cases {
            let s = c.shape
            #expect(OneDNNConvolution3D.isSelected(input: Array(s[0..<5]), weight: [s[5], s[1], s[6], s[7], s[8]], stride: [s[9], s[9], s[9]],
                                                   padding: [s[10], s[10], s[10]], dilation: [1, 1, 1], groups: 1, dtype: .float32))
        }
        #expect(!OneDNNConvolution3D.isSelected(input: [1, 3, 4, 4, 4], weight: [2, 3, 3, 3, 3], stride: [1, 1, 1], padding: [1, 1, 1],
                                                dilation: [1, 1, 1], groups: 1, dtype: .float32))
        #expect(!OneDNNConvolution3D.isSelected(input: [2, 3, 4, 4, 4], weight: [2, 3, 3, 3, 3], stride: [1, 1, 1], padding: [1, 1, 1],
                                                dilation: [2, 2, 2], groups: 1, dtype: .float32))
        // Padding as large as the kernel: oneDNN's `x64:gemm:jit`, not reproduced.
        #expect(!OneDNNConvolution3D.isSelected(input: [2, 12, 3, 8, 8], weight: [10, 12, 1, 3, 3], stride: [1, 1, 1], padding: [1, 1, 1],
                                                dilation: [1, 1, 1], groups: 1, dtype: .float32))
    }

    @Test(arguments: file.cases.indices)
    func matchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], s = c.shape
        let x = try Self.tensor(Array(s[0..<5]), c.seed, -1, 1)
        let w = try Self.tensor([s[5], s[1], s[6], s[7], s[8]], c.seed + 1, -0.5, 0.5)
        let b = try Self.tensor([s[5]], c.seed + 2, -1, 1)
        let stride = [s[9], s[9], s[9]], padding = [s[10], s[10], s[10]]
        let y = try OneDNNConvolution3D.forward(input: x, weight: w, bias: b, stride: stride, padding: padding)
        let gy = try Self.tensor(y.sizes, c.seed + 3, -1, 1)
        let gx = try OneDNNConvolution3D.gradInput(gradOutput: gy, weight: w, inputSizes: x.sizes, stride: stride, padding: padding)
        for (name, t, expected) in [("out", y, c.out), ("gx", gx, c.gx)] {
            let (bad, first) = G.compare(try G.hex(t), expected, width: 8)
            #expect(bad == 0, "\(s)/\(name): \(bad) elements differ, first \(first)")
        }
    }

    @Test(arguments: file.transposed.indices)
    func transposedMatchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.transposed[index], s = c.shape
        let x = try Self.tensor(Array(s[0..<5]), c.seed, -1, 1)
        let w = try Self.tensor([s[1], s[5], s[6], s[7], s[8]], c.seed + 1, -0.5, 0.5)
        let b = try Self.tensor([s[5]], c.seed + 2, -1, 1)
        let stride = [s[9], s[9], s[9]], padding = [s[10], s[10], s[10]]
        let out = (0..<3).map { (s[2 + $0] - 1) * s[9] - 2 * s[10] + s[6 + $0] + s[11] }
        let convInput = [s[0], s[5]] + out
        #expect(OneDNNConvolution3D.isSelected(input: convInput, weight: w.sizes, stride: stride, padding: padding,
                                               dilation: [1, 1, 1], groups: 1, dtype: .float32))
        let y = try OneDNNConvolution3D.gradInput(gradOutput: x, weight: w, inputSizes: convInput, stride: stride, padding: padding)
            .add(try b.reshape([1, s[5], 1, 1, 1]))
        let gy = try Self.tensor(y.sizes, c.seed + 3, -1, 1)
        let gx = try OneDNNConvolution3D.forward(input: gy, weight: w, bias: nil, stride: stride, padding: padding)
        for (name, t, expected) in [("out", y, c.out), ("gx", gx, c.gx)] {
            let (bad, first) = G.compare(try G.hex(t), expected, width: 8)
            #expect(bad == 0, "transposed \(s)/\(name): \(bad) elements differ, first \(first)")
        }
    }
}
