/// oneDNN 3.13's float32 sgemm (`extended_sgemm`) as it runs on a CPU with AVX-512
/// (`avx512_core`), redone in its exact order: the same interface and layout as
/// `OneDNNSgemm` (its AVX2 twin), which it falls back on for the matrix-vector products.
///
/// Read from oneDNN's sources (gemm_driver.cpp, jit_avx512_common_gemm_f32.cpp,
/// gemm_utils_f32.cpp) and checked against the real one inside PyTorch 2.15's
/// libtorch_cpu.so on an AVX-512 machine (`OneDNNSgemmAVX512GoldenTests`):
/// - `gemm_driver` → `nocopy_checker_avx512` (or the caller's `force_nocopy`, which the RNN
///   primitive sets for training with fewer than 500 hidden units) takes the no-copy kernel
///   `jit_avx512_common_gemm_f32`. Products it sends to the copy-based kernels are not
///   reproduced (`isReproduced`). `A`ᵀ·B with 2–15 columns goes first to an AVX-512-only
///   kernel (`jump_to_gemm_smalln_tn`): `OneDNNSgemmSmallNTN`.
/// - `sgemm_nocopy_driver` blocks K by 384: a K left of more than one block but under two
///   is halved, `(k + 1) / 2`. The first K block writes C with beta, the next ones add
///   theirs (beta 1). M (4032) and N (64, or 384 with A transposed) blocks change no
///   element's order.
/// - The kernel (48/32/16-row strips, 8 columns at a time, tails masked) keeps one zmm
///   accumulator per 16 rows and column: every element is one chain of fused multiply-adds
///   from 0 over its K block, whatever the strip, the column group or the tails. Then
///   `bias + acc`, then `acc·alpha`, then `C + acc` (beta 1) or `fma(C, beta, acc)`.
/// - Threads: `adjust_thread_count` keeps 2 when `m·n·k/32 > 6000` (or when `n > 50` and
///   `m <= 10`); `calc_nthr_nocopy_avx512_common` splits K only for 8 threads or more
///   (`partition`; the parts summed as on AVX2, `OneDNNSgemm.splitK`); below that the
///   split (M or N) changes no element's order, and the thread count decides only which
///   path runs (`nocopy_checker_avx512`, the gemv's `thread_checker`).
/// - The matrix-vector products (`n == 1`, or `m == 1`: B transposed too) run the same
///   kernels as on AVX2 (`jit_avx_gemv_t_f32_kern`, the plain gemv): `OneDNNSgemm`'s.
enum OneDNNSgemmAVX512 {
    /// Whether `gemm` follows oneDNN's AVX-512 order for this product. `forceNoCopy`: the
    /// caller's `force_jit_nocopy_gemm` (the RNN primitive's `force_nocopy`).
    static func isReproduced(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, lda: Int, ldb: Int, ldc: Int,
                             threads: Int = 1, forceNoCopy: Bool = false) -> Bool {
        if n == 1 && !transA { return OneDNNSgemm.isReproduced(transA: false, transB: transB, m: m, n: 1, k: k, threads: threads) }
        if (n == 1 && transA) || (m == 1 && !transB) { return true }
        if m == 1 && transB {
            return ldc == 1 && OneDNNSgemm.isReproduced(transA: transA, transB: true, m: 1, n: n, k: k, threads: threads)
        }
        if OneDNNSgemmSmallNTN.applies(transA: transA, transB: transB, n: n) { return true }
        guard threads <= 4 else { return false }
        let t = adjustedThreads(m: m, n: n, k: k, threads: threads)
        return forceNoCopy || noCopyChecker(threads: t, transA: transA, transB: transB, m: m, n: n, k: k,
                                            lda: lda, ldb: ldb, ldc: ldc)
    }

    /// `adjust_thread_count` (gemm_driver.cpp) for float32 on AVX-512.
    static func adjustedThreads(m: Int, n: Int, k: Int, threads: Int) -> Int {
        if n > 50 && m <= 10 { return threads }
        let cycles = Double(m * n * k) / 64 * 2
        return OneDNNSgemm.overheadModel(cycles: cycles, threads: threads)
    }

    /// `calc_nthr_nocopy_avx512_common` (gemm_utils_f32.cpp): threads along M, N and K and
    /// their block sizes. K is split only from 8 threads (`nthr / 4` K parts at most).
    static func partition(m: Int, n: Int, k: Int, threads: Int) -> (m: Int, n: Int, k: Int, mb: Int, nb: Int, kb: Int) {
        var nthr = threads, tk = 1
        if n <= 128 && m <= 64 * nthr && k > m && k > n {
            tk = Swift.max(1, Swift.min(k / 192, nthr / 4))
            while tk > 1 && nthr % tk != 0 { tk -= 1 }
            nthr /= tk
        }
        var tm = Swift.max(1, (m + 31) / 32), tn = Swift.max(1, (n + 63) / 64)
        let ratioF = Float(tm) / Float(tn)
        let ratio = tm > tn ? Int(ratioF) : Int(1.0 / Double(ratioF))
        while tm * tn > 4 * nthr {
            tm /= 2
            tn /= 2
        }
        tm = Swift.max(tm, 1)
        tn = Swift.max(tn, 1)
        func step(_ grow: Bool, _ counter: inout Int) {
            let delta = grow ? 1 : -1
            if tm > tn {
                if counter < ratio { tm += delta } else { tn += delta; counter = -1 }
            } else {
                if counter < ratio { tn += delta } else { tm += delta; counter = -1 }
            }
            counter += 1
        }
        var counter = 0
        while tm * tn > nthr { step(false, &counter) }
        counter = 0
        while Double(tm * tn) < 0.95 * Double(nthr) { step(true, &counter) }
        if tm * tn > nthr {
            if tm <= tn {
                tm = Swift.min(Int(Double(nthr).squareRoot()), (m + 15) / 16)
                tn = nthr / tm
                while tm > 1 && tm * tn != nthr { tm -= 1; tn = nthr / tm }
            } else {
                tn = Swift.min(Int(Double(nthr).squareRoot()), n)
                tm = nthr / tn
                while tn > 1 && tm * tn != nthr { tn -= 1; tm = nthr / tn }
            }
        }
        var mb = (m + tm - 1) / tm + 15
        mb -= mb % 16
        let nb = (n + tn - 1) / tn
        var kb = (k + tk - 1) / tk + 3
        kb -= kb % 4
        if mb * tm > m { tm = (m + mb - 1) / mb }
        if nb * tn > n { tn = (n + nb - 1) / nb }
        if kb * tk > k { tk = (k + kb - 1) / kb }
        return (tm, tn, tk, mb, nb, kb)
    }

    /// `nocopy_checker_avx512`: whether the no-copy kernel runs (true) or a copy-based one.
    static func noCopyChecker(threads: Int, transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                              lda: Int, ldb: Int, ldc: Int) -> Bool {
        let nn = !transA && !transB, nt = !transA && transB, tn = transA && !transB
        let ldaBad = lda % 256 == 0, ldbBad = ldb % 256 == 0, ldcBad = ldc % 256 == 0
        let ldaVeryBad = lda % 1024 == 0
        if threads == 1 && tn && m > 100 && ((m < 1200 && n < 200 && k < 1200) || (ldaBad && ldbBad)) { return false }
        if threads <= 8 && nn && ldaVeryBad && k > 500 && n > 100 { return false }
        if 1.0 / Double(m) + 1.0 / Double(n) >= 0.00196 && !(ldaVeryBad && nt) { return true }
        if ldaBad || ldbBad || ldcBad {
            if m >= 32 && n > 16 { return false }
            if m >= 32 && n == 16 && (k >= 6400 || transA || m == 4096) { return false }
        }
        if m <= 378 && n <= 378 && k >= threads * 378 { return false }
        if m >= threads * 378 && k >= threads * 378 { return false }
        if !transB {
            return m <= threads * 28 || n <= threads * 28 || k <= threads
        }
        return (m <= threads * 28 && m >= n) || n <= threads * 28 || k <= threads
    }

    /// `C = alpha·op(A)·op(B) + beta·C (+ bias[i] on row i)`, column-major, in oneDNN's
    /// AVX-512 order (see `OneDNNSgemm.gemm` for the arguments). Runs on the calling
    /// thread: `threads` only decides the order (a K split from 8 threads).
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                     beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int,
                     bias: UnsafePointer<Float>? = nil, threads: Int = 1) {
        guard m > 0, n > 0 else { return }
        if OneDNNSgemmSmallNTN.applies(transA: transA, transB: transB, n: n) && bias == nil {
            OneDNNSgemmSmallNTN.gemm(m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c,
                                     ldc: ldc, threads: threads)
            return
        }
        if k > 0 && (n == 1 || m == 1) && (!transB || n == 1 || ldc == 1 || beta == 0) {
            OneDNNSgemm.gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
                             b: b, ldb: ldb, beta: beta, c: c, ldc: ldc, bias: bias, threads: threads)
            return
        }
        let split = partition(m: m, n: n, k: k, threads: adjustedThreads(m: m, n: n, k: k, threads: threads))
        if split.k == 1 {
            noCopyDriver(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias)
            return
        }
        OneDNNSgemm.splitK(split, transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
                           beta: beta, c: c, ldc: ldc, bias: bias) { ta, tb, m, n, k, pa, lda, pb, ldb, beta, pc, ldc, bias in
            noCopyDriver(ta, tb, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, bias)
        }
    }

    /// `sgemm_nocopy_driver` on `avx512_core`: K blocks of 384 (see the type's notes).
    static func noCopyDriver(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                             _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                             _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ bias: UnsafePointer<Float>?) {
        if k <= 0 || alpha == 0 {
            for j in 0..<n {
                for i in 0..<m { c[i + j * ldc] = beta == 0 ? 0 : (beta != 1 ? c[i + j * ldc] * beta : c[i + j * ldc]) }
            }
            return
        }
        let bk = 384
        var k0 = 0
        while k0 < k {
            let left = k - k0
            let sk = left >= 2 * bk ? bk : (left > bk ? (left + 1) / 2 : left)
            let pa = transA ? a + k0 : a + k0 * lda
            let pb = transB ? b + k0 * ldb : b + k0
            kernel(transA, transB, m, n, sk, alpha, pa, lda, pb, ldb, k0 == 0 ? beta : 1, c, ldc,
                   k0 == 0 ? bias : nil)
            k0 += sk
        }
    }

    /// One call of the jit kernel: each element one FMA chain over the K block.
    static func kernel(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                       _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                       _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ bias: UnsafePointer<Float>?) {
        let sai = transA ? lda : 1, sap = transA ? 1 : lda
        let sbp = transB ? ldb : 1, sbj = transB ? 1 : ldb
        // Column by column, k outermost, so that the rows' chains advance together (the
        // same roundings as one chain per element, in a loop the compiler vectorises).
        let acc = UnsafeMutablePointer<Float>.allocate(capacity: m)
        defer { acc.deallocate() }
        for j in 0..<n {
            let bj = b + j * sbj
            acc.initialize(repeating: 0, count: m)
            for p in 0..<k {
                let bv = bj[p * sbp], ap = a + p * sap
                if sai == 1 {
                    for i in 0..<m { acc[i] = acc[i].addingProduct(ap[i], bv) }
                } else {
                    for i in 0..<m { acc[i] = acc[i].addingProduct(ap[i * sai], bv) }
                }
            }
            for i in 0..<m {
                var v = acc[i]
                if let bias { v = bias[i] + v }
                v = v * alpha
                let ci = c + i + j * ldc
                if beta == 1 {
                    v = ci.pointee + v
                } else if beta != 0 {
                    v = v.addingProduct(ci.pointee, beta)
                }
                ci.pointee = v
            }
        }
    }
}
