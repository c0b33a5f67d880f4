import Foundation
import Testing
@testable import Tensors

/// oneDNN's `gemm:jit` convolution on larger layers (PyTorchGoldens/OneDNNGemmConvGoldens.json,
/// made by OneDNNGemmConvGoldens.py like the grouped goldens): where oneDNN gives up its
/// outer threading and runs each sgemm on 2 threads (split along M, N or K), and where K
/// spans two of the sgemm's K blocks. Every
/// `gemm:jit` pass bit for bit (the others are the kernels of
/// `OneDNNGroupedConvolutionGoldenTests`).
struct OneDNNGemmConvolutionGoldenTests {
    typealias Grouped = OneDNNGroupedConvolutionGoldenTests
    typealias G = MKLGoldenTests

    static let file: Grouped.File = PyTorchGoldenFile.decode("OneDNNGemmConvGoldens.json")

    static func plan(_ s: [Int]) -> Convolution.Plan {
        Convolution.Plan(n: s[0], c: s[1], h: s[2], w: s[3], oc: s[4], kh: s[5], kw: s[6],
                         oh: Grouped.outSize(s, s[2], s[5]), ow: Grouped.outSize(s, s[3], s[6]), cg: s[1] / s[10],
                         ocg: s[4] / s[10], g: Grouped.geometry(s))
    }

    /// The shapes reach the branches the small goldens do not.
    @Test func theShapesReachOneDNNsOtherBranches() {
        let plans = Self.file.cases.map { Self.plan($0.shape) }
        #expect(plans.contains { !OneDNNGemmConvolution.dataGradientOnOuterThreads($0) })
        #expect(plans.contains { !OneDNNGemmConvolution.weightGradientOnOuterThreads($0) })
        #expect(plans.contains { $0.cg * $0.kh * $0.kw > 256 })
        #expect(Self.file.cases.allSatisfy { $0.impl.contains { $0.contains("gemm") } })
    }

    /// For the plain layers (groups 1, no dilation), `OneDNNPlainGemm` names the passes
    /// that oneDNN ran as `gemm:jit` (ONEDNN_VERBOSE, recorded in each case).
    @Test func plainLayersTakeGemmExactlyWhereOneDNNDid() {
        let plain = Self.file.cases.filter { $0.shape[9] == 1 && $0.shape[10] == 1 }
        #expect(plain.count >= 10)
        for c in plain {
            let p = Self.plan(c.shape)
            #expect(OneDNNPlainGemm.applies(p, dtype: .float32), "\(c.shape)")
            let ours = [OneDNNPlainGemm.forwardRunsGemm(p), OneDNNPlainGemm.dataGradientRunsGemm(p),
                        OneDNNPlainGemm.weightGradientRunsGemm(p)]
            #expect(ours == c.impl.map { $0.contains("gemm") }, "\(c.shape): \(c.impl)")
        }
    }

    @Test(arguments: file.cases.indices)
    func matchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], s = c.shape
        for (name, t, expected) in try Grouped.run(c) {
            let (bad, first) = G.compare(try G.hex(try #require(t)), expected, width: 8)
            #expect(bad == 0, "\(s)/\(name) (\(c.impl)): \(bad) elements differ, first \(first)")
        }
    }
}
