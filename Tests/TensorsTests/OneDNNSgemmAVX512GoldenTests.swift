import Foundation
import Testing
@testable import Tensors

/// oneDNN's float32 sgemm as it runs on AVX-512 (`OneDNNSgemmAVX512`) against the real one
/// inside PyTorch 2.15's libtorch_cpu.so on an AVX-512 CPU, bit for bit:
/// PyTorchGoldens/OneDNNSgemmGoldensAVX512.json (OneDNNSgemmGoldens.py --avx512) — random
/// small products (both transposes, beta 0, 1 and 0.5, alpha 1, −1 and 0.75, K up to 1000),
/// the LSTM's products (forced no-copy, 'N','N' and 'N','T', up to 512 × 800 with K up to
/// 800), mid-size products left to `nocopy_checker_avx512` (sides up to 600, K up to 1200)
/// `A`ᵀ·B with 2–15 columns (`OneDNNSgemmSmallNTN`) and products with a bias per row, on 1
/// and 2 threads. Plain Swift arithmetic: runs on any CPU.
struct OneDNNSgemmAVX512GoldenTests {
    struct Case: Decodable {
        /// transA, transB, M, N, K, lda, ldb, ldc, threads.
        let shape: [Int]
        let force: Int
        let alpha: Float
        let beta: Float
        let seed: Int
        /// 1: a bias per row, `pseudo(M, seed + 3, -1, 1)`.
        let bias: Int
        let c: String?
        let c_fnv: String?
        let c_head: String?
    }

    struct File: Decodable {
        let cpu_capability: String
        let cases: [Case]
    }

    static let file: File = PyTorchGoldenFile.decode("OneDNNSgemmGoldensAVX512.json")

    typealias G = MKLGoldenTests

    static func run(_ c: Case, avx2: Bool = false) -> [Float] {
        let s = c.shape, ta = s[0] == 1, tb = s[1] == 1, m = s[2], n = s[3], k = s[4]
        let a = OneDNNSgemmGoldenTests.floats(s[5] * (ta ? m : k), c.seed)
        let b = OneDNNSgemmGoldenTests.floats(s[6] * (tb ? k : n), c.seed + 1)
        var out = OneDNNSgemmGoldenTests.floats(s[7] * n, c.seed + 2)
        let bias = OneDNNSgemmGoldenTests.floats(m, c.seed + 3)
        bias.withUnsafeBufferPointer { bias in
        let row = c.bias == 1 ? bias.baseAddress : nil
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { o in
                    if avx2 {
                        OneDNNSgemm.gemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: c.alpha, a: a.baseAddress!,
                                         lda: s[5], b: b.baseAddress!, ldb: s[6], beta: c.beta, c: o.baseAddress!,
                                         ldc: s[7], bias: row, threads: s[8])
                    } else {
                        OneDNNSgemmAVX512.gemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: c.alpha,
                                               a: a.baseAddress!, lda: s[5], b: b.baseAddress!, ldb: s[6], beta: c.beta,
                                               c: o.baseAddress!, ldc: s[7], bias: row, threads: s[8])
                    }
                }
            }
        }
        }
        return out
    }

    /// 64-bit FNV-1a over the bit patterns, as the generator's `fnv`.
    static func fnv(_ values: [Float]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in values {
            h ^= UInt64(v.bitPattern)
            h = h &* 0x0000_0100_0000_01b3
        }
        return G.hexWord(h, 16)
    }

    static func hex(_ values: some Sequence<Float>) -> String {
        values.map { G.hexWord(UInt64($0.bitPattern), 8) }.joined()
    }

    /// Whether `values` are oneDNN's, and a description of the first difference.
    static func matches(_ c: Case, _ values: [Float]) -> (Bool, String) {
        if let expected = c.c {
            let (bad, first) = G.compare(hex(values), expected, width: 8)
            return (bad == 0, "\(bad) elements differ, first \(first)")
        }
        let (bad, first) = G.compare(hex(values.prefix(64)), c.c_head ?? "", width: 8)
        return (fnv(values) == c.c_fnv, "digest differs; in the first 64: \(bad) differ, first \(first)")
    }

    @Test func goldensWereMadeOnAVX512() {
        #expect(Self.file.cpu_capability == "AVX512")
        #expect(Self.file.cases.count > 150)
    }

    @Test(arguments: file.cases.indices)
    func matchesOneDNNBitForBit(index: Int) {
        let c = Self.file.cases[index], s = c.shape
        #expect(OneDNNSgemmAVX512.isReproduced(transA: s[0] == 1, transB: s[1] == 1, m: s[2], n: s[3], k: s[4],
                                               lda: s[5], ldb: s[6], ldc: s[7], threads: s[8], forceNoCopy: c.force == 1))
        let (ok, why) = Self.matches(c, Self.run(c))
        #expect(ok, "\(c.shape) alpha \(c.alpha) beta \(c.beta): \(why)")
    }

    /// `A`ᵀ·B with 2–15 columns: the small-n kernel's 16-lane sums and reduction tree give
    /// other results than one FMA chain (the no-copy kernel's), and some are split over 2
    /// threads (which moves its 8-row blocks).
    @Test func theSmallNKernelIsTold() {
        let small = Self.file.cases.filter { OneDNNSgemmSmallNTN.applies(transA: $0.shape[0] == 1, transB: $0.shape[1] == 1, n: $0.shape[3]) }
        #expect(small.count >= 30)
        #expect(small.contains { c in
            let s = c.shape
            return s[8] == 2 && OneDNNSgemmSmallNTN.threads(m: s[2], k: s[4], available: 2) == 2
        })
        let chained = small.filter { c in
            let s = c.shape
            let a = OneDNNSgemmGoldenTests.floats(s[5] * s[2], c.seed), b = OneDNNSgemmGoldenTests.floats(s[6] * s[3], c.seed + 1)
            var out = OneDNNSgemmGoldenTests.floats(s[7] * s[3], c.seed + 2)
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { o in
                        OneDNNSgemmAVX512.noCopyDriver(true, false, s[2], s[3], s[4], c.alpha, a.baseAddress!, s[5],
                                                       b.baseAddress!, s[6], c.beta, o.baseAddress!, s[7], nil)
                    }
                }
            }
            return !Self.matches(c, out).0
        }
        #expect(chained.count >= 20)
    }

    /// The goldens tell the ISAs apart: AVX2's order misses many of them.
    @Test func theAVX2OrderDiffers() {
        let differing = Self.file.cases.filter { c in
            let s = c.shape
            return s[3] > 1 && !(s[2] == 1 && s[1] == 0) && !Self.matches(c, Self.run(c, avx2: true)).0
        }
        #expect(differing.count >= 40)
    }
}
