import Foundation
import Testing
@testable import Tensors

/// oneDNN's float32 sgemm left to pick its own path (not forced no-copy), against the real
/// one inside PyTorch 2.15 at AVX2 and `avx512_core`: PyTorchGoldens/OneDNNSgemmCopyGoldens.json
/// (OneDNNSgemmCopyGoldens.py). `OneDNNSgemmCopy.isChosen` must pick the path oneDNN took, and
/// the copy-based kernel (`OneDNNSgemmCopy`) or the no-copy one must give its bits, on 1 to
/// 4 threads: the products the LSTM's primitive runs from 500 hidden units and the leading
/// dimensions that change `nocopy_checker_avx512`'s answer.
struct OneDNNSgemmCopyGoldenTests {
    struct Case: Decodable {
        /// transA, transB, M, N, K, lda, ldb, ldc, threads.
        let shape: [Int]
        let beta: Float
        let seed: Int
        let c_fnv: String
        let c_head: String
    }

    struct File: Decodable {
        let avx2: [Case]
        let avx512: [Case]?
    }

    static let file: File = PyTorchGoldenFile.decode("OneDNNSgemmCopyGoldens.json")
    typealias S = OneDNNSgemmAVX512GoldenTests

    static func chosen(_ c: Case, avx512: Bool) -> Bool {
        let s = c.shape
        return OneDNNSgemmCopy.isChosen(transA: s[0] == 1, transB: s[1] == 1, m: s[2], n: s[3], k: s[4], lda: s[5],
                                        ldb: s[6], ldc: s[7], threads: s[8], avx512: avx512)
    }

    /// The product as oneDNN runs it (`copy`: the path; nil: the one `isChosen` picks).
    static func run(_ c: Case, avx512: Bool, copy: Bool? = nil) -> [Float] {
        let s = c.shape, ta = s[0] == 1, tb = s[1] == 1, m = s[2], n = s[3], k = s[4]
        let floats = OneDNNSgemmGoldenTests.floats
        let a = floats(s[5] * (ta ? m : k), c.seed), b = floats(s[6] * (tb ? k : n), c.seed + 1)
        var out = floats(s[7] * n, c.seed + 2)
        let useCopy = copy ?? chosen(c, avx512: avx512)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { o in
                    let (pa, pb, pc) = (a.baseAddress!, b.baseAddress!, o.baseAddress!)
                    if useCopy {
                        OneDNNSgemmCopy.gemm(transA: ta, transB: tb, m: m, n: n, k: k, a: pa, lda: s[5], b: pb, ldb: s[6],
                                             beta: c.beta, c: pc, ldc: s[7], avx512: avx512)
                    } else if avx512 {
                        OneDNNSgemmAVX512.gemm(transA: ta, transB: tb, m: m, n: n, k: k, a: pa, lda: s[5], b: pb, ldb: s[6],
                                               beta: c.beta, c: pc, ldc: s[7], threads: s[8])
                    } else {
                        OneDNNSgemm.gemm(transA: ta, transB: tb, m: m, n: n, k: k, a: pa, lda: s[5], b: pb, ldb: s[6],
                                         beta: c.beta, c: pc, ldc: s[7], threads: s[8])
                    }
                }
            }
        }
        return out
    }

    static func check(_ c: Case, avx512: Bool) {
        let values = run(c, avx512: avx512)
        let (bad, first) = MKLGoldenTests.compare(S.hex(values.prefix(64)), c.c_head, width: 8)
        #expect(S.fnv(values) == c.c_fnv,
                "\(c.shape) at \(avx512 ? "avx512" : "avx2") (copy \(chosen(c, avx512: avx512))): digest differs; first 64: \(bad) differ, first \(first)")
    }

    @Test(arguments: file.avx2.indices)
    func matchesOneDNNAtAVX2(index: Int) {
        Self.check(Self.file.avx2[index], avx512: false)
    }

    @Test(arguments: (file.avx512 ?? []).indices)
    func matchesOneDNNAtAVX512(index: Int) {
        Self.check(Self.file.avx512![index], avx512: true)
    }

    /// The goldens tell the paths apart: at each capability some product taken by the
    /// copy-based kernels comes out differently through the no-copy ones.
    @Test func theCopyPathIsTold() throws {
        #expect(Self.file.avx2.filter { Self.chosen($0, avx512: false) }.count >= 5)
        #expect(Self.file.avx2.contains { Self.chosen($0, avx512: false) && S.fnv(Self.run($0, avx512: false, copy: false)) != $0.c_fnv })
        let avx512 = try #require(Self.file.avx512)
        #expect(avx512.filter { Self.chosen($0, avx512: true) }.count >= 5)
        #expect(avx512.contains { Self.chosen($0, avx512: true) && S.fnv(Self.run($0, avx512: true, copy: false)) != $0.c_fnv })
    }
}
