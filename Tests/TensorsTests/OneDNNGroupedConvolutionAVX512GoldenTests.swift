import Foundation
import Testing
@testable import Tensors

/// Grouped float32 conv2d forwards PyTorch ran as `jit:avx512_core` on an AVX-512 machine
/// (PyTorchGoldens/OneDNNGroupedConvAVX512Goldens.json, made natively there by
/// OneDNNGemmConvAVX512Goldens.py): `OneDNNGroupedConvolutionAVX512.forward`, called
/// directly (the test process is pinned to AVX2, and the kernel is not routed yet).
struct OneDNNGroupedConvolutionAVX512GoldenTests {
    typealias Grouped = OneDNNGroupedConvolutionGoldenTests
    typealias G = MKLGoldenTests

    static let file: OneDNNGemmConvolutionAVX512GoldenTests.File = PyTorchGoldenFile.decode("OneDNNGroupedConvAVX512Goldens.json")

    static func plan(_ s: [Int]) -> Convolution.Plan { OneDNNGemmConvolutionGoldenTests.plan(s) }

    /// The cases the kernel claims.
    static let taken = file.cases.indices.filter { OneDNNGroupedConvolutionAVX512.forwardApplies(plan(file.cases[$0].shape)) }

    @Test func goldensComeFromAnAVX512Machine() {
        #expect(Self.file.cpu_capability == "AVX512")
        #expect(Self.file.cases.allSatisfy { $0.impl[0] == "jit:avx512_core" && $0.shape[10] > 1 })
        // Every layer, the dilated one included.
        #expect(Self.taken.count == Self.file.cases.count)
    }

    /// `isSelected` agrees with PyTorch's log on every grouped layer of the AVX-512 gemm
    /// goldens (which ran `gemm:jit`) and of these (which ran `jit:avx512_core`).
    @Test func selectionAgreesWithTheLog() {
        let gemm = OneDNNGemmConvolutionAVX512GoldenTests.file.cases.filter { $0.shape[10] > 1 && $0.shape[1] != $0.shape[10] }
        for c in gemm + Self.file.cases {
            let p = Self.plan(c.shape)
            #expect(OneDNNGroupedConvolutionAVX512.isSelected(p, dtype: .float32) == (c.impl[0] == "jit:avx512_core"),
                    "\(c.shape) \(c.impl)")
        }
    }

    @Test(arguments: taken)
    func forwardMatchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], s = c.shape, p = Self.plan(s)
        let x = try Grouped.tensor([s[0], s[1], s[2], s[3]], c.seed, -1, 1)
        let w = try Grouped.tensor([s[4], s[1] / s[10], s[5], s[6]], c.seed + 1, -0.5, 0.5)
        let b = try Grouped.tensor([s[4]], c.seed + 2, -1, 1)
        let y = try Tensor(empty: [p.n, p.oc, p.oh, p.ow], dtype: .float32)
        OneDNNGroupedConvolutionAVX512.forward(p, NNBuffer.pointer(x, as: Float.self), NNBuffer.pointer(w, as: Float.self),
                                               NNBuffer.pointer(b, as: Float.self), into: NNBuffer.pointer(y, as: Float.self))
        withExtendedLifetime((x, w, b)) {}
        let (bad, first) = G.compare(try G.hex(y), c.out, width: 8)
        #expect(bad == 0, "\(s): \(bad) elements differ, first \(first)")
    }
}
