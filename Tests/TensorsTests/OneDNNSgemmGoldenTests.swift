import Foundation
import Testing
@testable import Tensors

/// oneDNN's own float32 sgemm (`OneDNNSgemm`) against the real one inside PyTorch 2.15's
/// libtorch_cpu.so, bit for bit: PyTorchGoldens/OneDNNSgemmGoldens.json (made by
/// OneDNNSgemmGoldens.py, which calls `extended_sgemm` directly) — 90 random products with
/// both transposes, beta 0, 1 and 0.5, alpha 1, −1 and 0.75, K up to 1000, on 1 and 2
/// threads, and 24 matrix-vector products (K up to 1200).
struct OneDNNSgemmGoldenTests {
    struct Case: Decodable {
        /// transA, transB, M, N, K, lda, ldb, ldc, threads.
        let shape: [Int]
        let alpha: Float
        let beta: Float
        let seed: Int
        let c: String
    }

    struct File: Decodable { let cases: [Case] }

    static let file: File = PyTorchGoldenFile.decode("OneDNNSgemmGoldens.json")

    typealias G = MKLGoldenTests

    static func floats(_ count: Int, _ seed: Int) -> [Float] {
        G.pseudo(count, seed, -1, 1).map { Float($0) }
    }

    static func run(_ c: Case, split: Bool = true) -> String {
        let s = c.shape, ta = s[0] == 1, tb = s[1] == 1, m = s[2], n = s[3], k = s[4]
        let a = floats(s[5] * (ta ? m : k), c.seed), b = floats(s[6] * (tb ? k : n), c.seed + 1)
        var out = floats(s[7] * n, c.seed + 2)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { o in
                    OneDNNSgemm.gemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: c.alpha, a: a.baseAddress!, lda: s[5],
                                     b: b.baseAddress!, ldb: s[6], beta: c.beta, c: o.baseAddress!, ldc: s[7],
                                     threads: split ? s[8] : 1)
                }
            }
        }
        return out.map { G.hexWord(UInt64($0.bitPattern), 8) }.joined()
    }

    @Test(arguments: file.cases.indices)
    func matchesOneDNNBitForBit(index: Int) {
        let c = Self.file.cases[index], s = c.shape
        #expect(OneDNNSgemm.isReproduced(transA: s[0] == 1, transB: s[1] == 1, m: s[2], n: s[3], k: s[4], threads: s[8]))
        let (bad, first) = G.compare(Self.run(c), c.c, width: 8)
        #expect(bad == 0, "\(c.shape) alpha \(c.alpha) beta \(c.beta): \(bad) elements differ, first \(first)")
    }

    /// The goldens tell the orders apart: on 2 threads oneDNN splits some products (N at a
    /// column that is not a multiple of 6, or K), which changes their results.
    @Test func theThreadSplitChangesTheResult() {
        let split = Self.file.cases.filter { c in
            let s = c.shape
            let t = OneDNNSgemm.adjustedThreads(m: s[2], n: s[3], k: s[4], threads: s[8])
            let parts = OneDNNSgemm.partition(m: s[2], n: s[3], k: s[4], threads: t)
            return parts.m * parts.n * parts.k > 1
        }
        #expect(split.contains { c in
            let s = c.shape, t = OneDNNSgemm.adjustedThreads(m: s[2], n: s[3], k: s[4], threads: s[8])
            return OneDNNSgemm.partition(m: s[2], n: s[3], k: s[4], threads: t).k > 1
        })
        #expect(split.filter { G.compare(Self.run($0, split: false), $0.c, width: 8).0 > 0 }.count >= 3)
    }
}
