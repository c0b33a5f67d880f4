import Foundation
import Testing
@testable import Tensors

/// oneDNN's `gemm:jit` convolution as it runs on an AVX-512 machine
/// (PyTorchGoldens/OneDNNGemmConvAVX512Goldens.json, made natively there by
/// OneDNNGemmConvAVX512Goldens.py): the same im2col / col2im and threading as on AVX2, but
/// `simd_w` is 16 in `init_conf`'s heuristics and every product runs oneDNN's AVX-512 sgemm
/// (`OneDNNSgemmAVX512`). The test process is pinned to AVX2 (GoldenProfile), so these
/// tests call the kernels directly with `avx512: true`. Only the passes PyTorch's log names
/// `gemm:jit` are checked (the others run the `avx512_core` jit kernels).
struct OneDNNGemmConvolutionAVX512GoldenTests {
    typealias Grouped = OneDNNGroupedConvolutionGoldenTests
    typealias G = MKLGoldenTests

    struct File: Decodable {
        let cpu_capability: String
        let cases: [Grouped.Case]
    }

    static let file: File = PyTorchGoldenFile.decode("OneDNNGemmConvAVX512Goldens.json")

    static func plan(_ s: [Int]) -> Convolution.Plan { OneDNNGemmConvolutionGoldenTests.plan(s) }

    @Test func goldensComeFromAnAVX512Machine() {
        #expect(Self.file.cpu_capability == "AVX512")
        #expect(Self.file.cases.count >= 30)
        #expect(Self.file.cases.allSatisfy { $0.impl.contains { $0.contains("gemm") } })
    }

    /// Every forward PyTorch ran as `gemm:jit` is one whose products the AVX-512 sgemm reproduces.
    @Test func forwardProductsAreReproduced() {
        for c in Self.file.cases where c.impl[0].contains("gemm") {
            #expect(OneDNNGemmConvolution.forwardIsReproduced(Self.plan(c.shape), avx512: true), "\(c.shape)")
        }
    }

    /// The `gemm:jit` passes of case `c` (name, ours, PyTorch's hex) in the AVX-512 order
    /// or (`avx512` false) the AVX2 one.
    static func gemmPasses(_ c: Grouped.Case, avx512: Bool) throws -> [(String, Tensor, String)] {
        let s = c.shape, p = Self.plan(s)
        let x = try Grouped.tensor([s[0], s[1], s[2], s[3]], c.seed, -1, 1)
        let w = try Grouped.tensor([s[4], s[1] / s[10], s[5], s[6]], c.seed + 1, -0.5, 0.5)
        let b = try Grouped.tensor([s[4]], c.seed + 2, -1, 1)
        let gy = try Grouped.tensor([p.n, p.oc, p.oh, p.ow], c.seed + 3, -1, 1)
        let (xp, wp, bp) = (NNBuffer.pointer(x, as: Float.self), NNBuffer.pointer(w, as: Float.self), NNBuffer.pointer(b, as: Float.self))
        let gyp = NNBuffer.pointer(gy, as: Float.self)
        var checks: [(String, Tensor, String)] = []
        if c.impl[0].contains("gemm") {
            let y = try Tensor(empty: [p.n, p.oc, p.oh, p.ow], dtype: .float32)
            OneDNNGemmConvolution.forward(p, xp, wp, bp, into: NNBuffer.pointer(y, as: Float.self), avx512: avx512)
            checks.append(("out", y, c.out))
        }
        if c.impl[1].contains("gemm") {
            let gx = try Tensor(empty: x.sizes, dtype: .float32)
            OneDNNGemmConvolution.gradInput(p, gyp, wp, into: NNBuffer.pointer(gx, as: Float.self), avx512: avx512)
            checks.append(("gx", gx, c.gx))
        }
        if c.impl[2].contains("gemm") {
            let gw = try Tensor(empty: w.sizes, dtype: .float32), gb = try Tensor(empty: [p.oc], dtype: .float32)
            OneDNNGemmConvolution.gradWeight(p, gyp, xp, into: NNBuffer.pointer(gw, as: Float.self), avx512: avx512)
            OneDNNGemmConvolution.gradBias(n: p.n, channels: p.oc, rows: p.oh, cols: p.ow, gyp, into: NNBuffer.pointer(gb, as: Float.self))
            checks.append(("gw", gw, c.gw))
            checks.append(("gb", gb, c.gb))
        }
        withExtendedLifetime((x, w, b, gy)) {}
        return checks
    }

    /// The goldens tell the orders apart: on AVX2's order many passes differ from PyTorch's.
    @Test func theAVX2OrderDiffersFromPyTorchHere() throws {
        var differing = 0
        for c in Self.file.cases {
            for (_, t, expected) in try Self.gemmPasses(c, avx512: false) where G.compare(try G.hex(t), expected, width: 8).0 > 0 {
                differing += 1
            }
        }
        print("gemm:jit passes differing on the AVX2 order: \(differing)")
        #expect(differing >= 20)
    }

    @Test(arguments: file.cases.indices)
    func gemmPassesMatchPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], s = c.shape
        for (name, t, expected) in try Self.gemmPasses(c, avx512: true) {
            let (bad, first) = G.compare(try G.hex(t), expected, width: 8)
            #expect(bad == 0, "\(s)/\(name) (\(c.impl)): \(bad) elements differ, first \(first)")
        }
    }
}
