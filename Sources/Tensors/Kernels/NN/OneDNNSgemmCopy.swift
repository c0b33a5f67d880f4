/// oneDNN 3.13's copy-based float32 sgemm (`gemm_driver`'s `gemm_kernel_driver`, with
/// `jit_avx2_kernel_sgemm_kern`), the path a product takes when `nocopy_checker` refuses
/// the no-copy kernels and the caller did not force them (the RNN primitive forces them
/// only for training with fewer than 500 hidden units). Column-major, as `OneDNNSgemm`.
///
/// Read from gemm_driver.cpp, gemm_info.cpp and jit_avx2_kernel_sgemm_kern.hpp:
/// - A and B are copied into panels (alpha folded into A's copy: exact for alpha 1); the
///   copy moves values only.
/// - K is blocked by `get_k_padd`: one block up to `bk_traditional` (256 on AVX2, 384 on
///   `avx512_core`), two halves `(k + 1) / 2` and the rest below `2·bk`, otherwise blocks of
///   `bk` (192 on AVX2, 384 on `avx512_core`) with the remainder last.
/// - In a K block the kernel (24×4 tiles on AVX2, 48×8 on AVX-512, tails narrower) keeps one
///   accumulator per element, zeroed, and fuses every k into it in order (`vfmadd231ps`);
///   then C is `acc` (beta 0, first K block) or `C + acc` (`vaddps`).
/// - float32 never splits K between threads here (`set_thread_opts_nopack` sets
///   `nthrs_k = 1`), so the thread count only decides whether this path runs
///   (`OneDNNSgemmCopy.isChosen`).
enum OneDNNSgemmCopy {
    /// Whether oneDNN's `gemm_threading_driver` sends this product to the copy-based kernels:
    /// not a matrix-vector product (`jump_to_gemv`) nor, on `avx512_core`, a small-n `Aᵀ·B`
    /// (`jump_to_gemm_smalln_tn`), not forced no-copy, and refused by `nocopy_checker` on the
    /// threads `adjust_thread_count` leaves of `threads`.
    static func isChosen(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, lda: Int, ldb: Int, ldc: Int,
                         threads: Int, avx512: Bool, forceNoCopy: Bool = false) -> Bool {
        if forceNoCopy || m <= 0 || n <= 0 || k <= 0 || n == 1 || (m == 1 && !transB) { return false }
        if avx512 {
            if OneDNNSgemmSmallNTN.applies(transA: transA, transB: transB, n: n) { return false }
            let t = OneDNNSgemmAVX512.adjustedThreads(m: m, n: n, k: k, threads: threads)
            return !OneDNNSgemmAVX512.noCopyChecker(threads: t, transA: transA, transB: transB, m: m, n: n, k: k,
                                                   lda: lda, ldb: ldb, ldc: ldc)
        }
        let t = OneDNNSgemm.adjustedThreads(m: m, n: n, k: k, threads: threads)
        return !OneDNNSgemm.noCopyChecker(threads: t, transB: transB, m: m, n: n, k: k)
    }

    /// `get_k_padd` for float32 (no packed operands).
    static func kBlock(k: Int, avx512: Bool) -> Int {
        let bk = avx512 ? 384 : 192, traditional = avx512 ? 384 : 256
        if k <= traditional { return Swift.max(128, k) }
        if k < 2 * bk { return (k + 1) / 2 }
        return bk
    }

    /// `C = op(A)·op(B) + beta·C` with beta 0 or 1, in the copy-based kernel's order.
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
                     b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int,
                     avx512: Bool) {
        precondition(beta == 0 || beta == 1, "OneDNNSgemmCopy: beta 0 or 1")
        guard m > 0, n > 0 else { return }
        if k <= 0 {
            if beta == 0 { for j in 0..<n { for i in 0..<m { c[i + j * ldc] = 0 } } }
            return
        }
        let sai = transA ? lda : 1, sap = transA ? 1 : lda
        let sbp = transB ? ldb : 1, sbj = transB ? 1 : ldb
        let block = kBlock(k: k, avx512: avx512)
        let acc = UnsafeMutablePointer<Float>.allocate(capacity: m)
        defer { acc.deallocate() }
        var k0 = 0
        while k0 < k {
            let size = Swift.min(block, k - k0)
            for j in 0..<n {
                let bj = b + j * sbj
                acc.initialize(repeating: 0, count: m)
                // k outermost so that the rows' chains advance together: the same roundings
                // as one chain per element, in a loop the compiler vectorises.
                for p in k0..<(k0 + size) {
                    let bv = bj[p * sbp], ap = a + p * sap
                    if sai == 1 {
                        for i in 0..<m { acc[i] = acc[i].addingProduct(ap[i], bv) }
                    } else {
                        for i in 0..<m { acc[i] = acc[i].addingProduct(ap[i * sai], bv) }
                    }
                }
                let cj = c + j * ldc
                if k0 == 0 && beta == 0 {
                    for i in 0..<m { cj[i] = acc[i] }
                } else {
                    for i in 0..<m { cj[i] = cj[i] + acc[i] }
                }
            }
            k0 += size
        }
    }
}
