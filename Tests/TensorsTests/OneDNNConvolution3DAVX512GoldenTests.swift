import Foundation
import Testing
@testable import Tensors

/// PyTorch 2.15's float32 conv3d on batches, run on an AVX-512 machine
/// (PyTorchGoldens/OneDNNConv3dAVX512Goldens.json, made natively there by
/// OneDNNConv3dAVX512Goldens.py): the `jit:avx512_core` forward and unit-stride input
/// gradient (`OneDNNConvolution3DAVX512`, called directly: the test process is pinned to
/// AVX2), and the strided input gradients (`brgconv_strided:avx512_core`), which keep
/// `brgconv_strided:avx2`'s order.
struct OneDNNConvolution3DAVX512GoldenTests {
    struct Case: Decodable {
        let shape: [Int]
        let seed: Int
        let impl: [String]
        let out: String
        let gx: String
    }

    struct File: Decodable { let cpu_capability: String; let cases: [Case] }

    static let file: File = PyTorchGoldenFile.decode("OneDNNConv3dAVX512Goldens.json")

    typealias G = MKLGoldenTests
    typealias Kernel = OneDNNConvolution3DAVX512

    static func plan(_ s: [Int]) -> OneDNNConvolution3D.Plan {
        OneDNNConvolution3D.plan(Array(s[0..<5]), [s[5], s[1], s[6], s[7], s[8]], stride: [s[9], s[9], s[9]], padding: [s[10], s[10], s[10]])
    }

    /// The kernels claim exactly the passes PyTorch's log names `jit:avx512_core`.
    @Test func claimsAgreeWithTheLog() {
        #expect(Self.file.cpu_capability == "AVX512")
        for c in Self.file.cases {
            #expect(Kernel.forwardApplies(Self.plan(c.shape)) == (c.impl[0] == "jit:avx512_core"), "\(c.shape)")
            #expect(Kernel.dataApplies(Self.plan(c.shape)) == (c.impl[1] == "jit:avx512_core"), "\(c.shape)")
        }
    }

    @Test(arguments: file.cases.indices)
    func matchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], s = c.shape, p = Self.plan(s)
        let x = try OneDNNConvolution3DGoldenTests.tensor(Array(s[0..<5]), c.seed, -1, 1)
        let w = try OneDNNConvolution3DGoldenTests.tensor([s[5], s[1], s[6], s[7], s[8]], c.seed + 1, -0.5, 0.5)
        let b = try OneDNNConvolution3DGoldenTests.tensor([s[5]], c.seed + 2, -1, 1)
        let y = try Tensor(empty: [p.n, p.o, p.od, p.oh, p.ow], dtype: .float32)
        Kernel.forward(p, NNBuffer.pointer(x, as: Float.self), NNBuffer.pointer(w, as: Float.self), NNBuffer.pointer(b, as: Float.self),
                       into: NNBuffer.pointer(y, as: Float.self))
        let gy = try OneDNNConvolution3DGoldenTests.tensor(y.sizes, c.seed + 3, -1, 1)
        let gx: Tensor
        if Kernel.dataApplies(p) {
            gx = try Tensor(empty: x.sizes, dtype: .float32)
            Kernel.gradInput(p, NNBuffer.pointer(gy, as: Float.self), NNBuffer.pointer(w, as: Float.self), into: NNBuffer.pointer(gx, as: Float.self))
        } else {
            #expect(c.impl[1] == "brgconv_strided:avx512_core")
            gx = try OneDNNConvolution3D.gradInput(gradOutput: gy, weight: w, inputSizes: x.sizes, stride: [s[9], s[9], s[9]],
                                                   padding: [s[10], s[10], s[10]])
        }
        withExtendedLifetime((x, w, b, gy)) {}
        for (name, t, expected) in [("out", y, c.out), ("gx", gx, c.gx)] {
            let (bad, first) = G.compare(try G.hex(t), expected, width: 8)
            #expect(bad == 0, "\(s)/\(name): \(bad) elements differ, first \(first)")
        }
    }
}
