/// oneDNN 3.13's own float32 matrix product (`extended_sgemm`, src/cpu/gemm/gemm.cpp) as it
/// runs on an AVX2 machine without AVX-512, redone in its exact accumulation order, so that
/// what oneDNN builds on it (`gemm:jit` convolutions, the RNN cells) can be reproduced bit
/// for bit. Column-major, as BLAS: `C = alpha·op(A)·op(B) + beta·C (+ bias per row)`.
///
/// The path, read from oneDNN's sources and checked against the real one inside PyTorch
/// 2.15's libtorch_cpu.so (called directly; `OneDNNSgemmGoldenTests`: 114 random products
/// on 1 and 2 threads, both transposes, beta 0, 1 and other, alpha ±1 and other, K up to
/// 1200, matrix-vector products included; hundreds more while writing it):
/// - `gemm_driver` → `nocopy_checker_avx2`: `1/m + 1/n >= 0.0038` (any product with a side
///   of at most ~263, all of Gradbook's) takes the "no-copy" kernel `jit_avx_gemm_f32`
///   (jit_avx_gemm_f32.cpp), not the packed 24×4 one. Larger products on both sides are
///   not reproduced (`isReproduced`).
/// - `sgemm_nocopy_driver` blocks K by 256 (96 when B is transposed): a K block of more
///   than one block but under two is halved, `(k + 1) / 2`. The first K block writes C
///   with beta (`acc·alpha + beta·C`), the next ones add theirs (`C + acc·alpha`).
///   M is blocked by 4032 and N by 48 (96 with A transposed), with the same halving;
///   these do not change any element's order.
/// - The kernel walks M in strips of 16 rows (a tail of 9–15 rows is a masked 16-strip,
///   of 1–8 a masked 8-strip) and, in each strip, N in groups of 6 columns (the tail
///   group has 1–5). Each element's dot product over K is, by the strip width (16 or 8)
///   and the group width (1–6), one of:
///   * 16-strip, 4–6 columns: one chain of fused multiply-adds from 0 over k;
///   * otherwise two chains, even k and odd k (the unrolled loop alternates two
///     register sets), over k up to K rounded down to even; then `even + odd`; then,
///     when K is odd, the last k fused into that sum;
///   * 1–2 columns use a multiply then an add (two roundings) instead of an FMA, for the
///     products and for `beta·C`.
///   Then `acc·alpha` (exact when alpha is 1), then `C + acc` (beta 1) or
///   `fma(C, beta, acc)` (other beta; multiply-add for 1–2 columns), then `bias + acc`.
/// - Threads (`threads` is what oneDNN sees as available: 1 inside a parallel region,
///   PyTorch's threads outside; the model below is oneDNN's for any count, proven on 1 to
///   16 through the LSTM's products):
///   `adjust_thread_count` keeps 2 only when `m·n·k/16 > 6000`;
///   `calc_nthr_nocopy_avx` splits M (blocks of 16 rows), N, or K (when M and N are too
///   small for the threads and K / 2 > 384). Splitting M or N changes no element's order;
///   a K split computes each part on its own (the part holding the first K rows writes C
///   with beta, the others a zeroed buffer) and adds them to C: the columns
///   `partition_unit_diff` gives K part t are summed by its thread, its own part first
///   (t > 0), then the other later parts in order (the same as in order on 2 threads).
/// - `n == 1` with A transposed, or `m == 1` with B not transposed, is a matrix-vector
///   product (`jump_to_gemv` → `jit_avx_gemv_t_f32_kern`): each output is a dot product
///   over K, whose first `K & ~15` terms run in 8 lanes (lane `l` a chain of FMAs over
///   `k ≡ l (mod 8)`), summed across lanes as `((l0+l1)+(l4+l5)) + ((l2+l3)+(l6+l7))` and
///   fused into y as `fma(alpha, sum, y)` (y first zeroed for beta 0, scaled for other
///   beta); the last `K % 16` terms go by 8, 4, 2 and 1 (bits of the remainder, in that
///   order), each such piece summed the same way and fused into y. A strided vector (B
///   transposed there, or A not transposed for `m == 1`) is copied in pieces of 512 terms,
///   each piece one such kernel call. Its threads split the outputs only.
/// - `n == 1` with A not transposed is the plain matrix-vector product (found by probing
///   the real one: 60 of 60 random shapes exact on 1 thread): y first zeroed or scaled by
///   beta, then for each k in order `y[i] = fma(alpha·x[k], A[i, k], y[i])`. On several
///   threads K is cut when `gemvNParts` says so (gemv_driver.cpp's `thread_checker` and
///   `use_y_buf`; on 2 threads: K of 256 or more, m at most 1000, `m·⌊k/2⌋ >= 4096`):
///   `part_1d`'s parts (the first `k % threads` one longer), the first into y as above,
///   the others into zeroed buffers added to y in order (`sum_ybufs`). Proven on 2
///   threads by the sgemm goldens, on 1 to 4 by the LSTM's (the RNN primitive's products);
///   `isReproduced` still answers for 2 threads at most.
/// - `m == 1` with B transposed is that plain matrix-vector product too, on Bᵀ (`y = B·x`,
///   x the row of A; found by probing the real one: every random shape exact, alpha and
///   beta included, on 1 and 2 threads, AVX2 and AVX-512 alike), with the same K cut.
///   A strided C (`ldc > 1`) with beta other than 0 takes an order not reproduced.
/// `isReproduced` says which products follow oneDNN here.
enum OneDNNSgemm {
    /// Whether `gemm` below follows oneDNN's order for this product (see the type's notes).
    static func isReproduced(transA: Bool, transB: Bool, m: Int, n: Int, k: Int = 1, threads: Int = 1) -> Bool {
        if (n == 1 && !transA) || (m == 1 && n > 1 && transB) { return threads <= 2 }
        if (n == 1 && transA) || (m == 1 && !transB) { return true }
        return m > 1 && n > 1 && 1.0 / Double(m) + 1.0 / Double(n) >= 0.0038
    }

    /// `nocopy_checker_avx2` (gemm_driver.cpp): whether the no-copy kernel runs (true) or
    /// the copy-based one (`OneDNNSgemmCopy`), for `threads` as `adjust_thread_count` left
    /// them. Leading dimensions do not enter on AVX2.
    static func noCopyChecker(threads: Int, transB: Bool, m: Int, n: Int, k: Int) -> Bool {
        if 1.0 / Double(m) + 1.0 / Double(n) >= 0.0038 { return true }
        if m <= 378 && n <= 378 && k >= threads * 378 { return false }
        if m >= threads * 378 && k >= threads * 378 { return false }
        if m <= 128 && n <= 128 { return true }
        if !transB {
            return n <= threads * 16 || k <= threads * 2 || (m <= 64 && n >= threads * 16)
        }
        return n <= threads || k <= threads
    }

    /// How many parts oneDNN cuts K into for `n == 1` with A not transposed: gemv_driver's
    /// `thread_checker` (float32, AVX2 or later; its m is ours, its n our k) gives the
    /// threads, and only a "short and fat" product (`m <= 500·threads`, `k >= 128·threads`)
    /// splits K between them (`use_y_buf`); otherwise the threads split the outputs.
    static func gemvNParts(m: Int, k: Int, threads: Int) -> Int {
        guard threads > 1, m * k + 288 * k >= 41700 else { return 1 }
        var goal = threads
        if !(m >= 20000 && k <= 200) {
            let band = k / threads
            if threads <= 12 && band < 32 {
                if m * band < 2048 { return 1 }
            } else if threads <= 12 && m * band < 4096 {
                return 1
            } else if threads > 12 && band * m < 4096 {
                if band == 0 { return 1 }
                goal = Swift.min(Swift.max(k * m / 3072, 1), threads)
            }
        }
        return m <= goal * 500 && k >= goal * 128 ? goal : 1
    }

    /// gemv_driver's `part_1d` for float32 without an address: part `index` of `count` of
    /// `size` (the first `size % count` parts one longer).
    static func gemvPart(_ size: Int, index: Int, count: Int) -> (offset: Int, length: Int) {
        let extra = size % count, width = size / count
        if index < extra { return ((width + 1) * index, width + 1) }
        return (size - (count - index) * width, width)
    }

    /// `partition_unit_diff` (gemm_utils_f32.cpp): the columns thread `index` of `count`
    /// sums in jit_avx_gemm_f32's K reduction.
    static func unitDiffPart(_ n: Int, index: Int, count: Int) -> (offset: Int, length: Int) {
        var band = n / count
        if band == 0 { band = 1 }
        let tail = Swift.max(0, n - band * count)
        var offset: Int, length: Int
        if index < tail {
            band += 1
            offset = band * index
            length = band
        } else {
            offset = band * index + tail
            length = band
        }
        if offset >= n { return (0, 0) }
        if offset + length > n { length = n - offset }
        return (offset, length)
    }

    /// `C = alpha·op(A)·op(B) + beta·C (+ bias[i] on row i)`, column-major, in oneDNN's
    /// order. `transA`: A is stored K×M (`op(A) = Aᵀ`); `transB`: B is stored N×K.
    /// `threads`: the threads oneDNN would find available (1 when called inside one of
    /// its parallel regions). Runs on the calling thread: the threads only decide the
    /// order. `bias` is allowed only with beta 0, as in oneDNN.
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                     beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int,
                     bias: UnsafePointer<Float>? = nil, threads: Int = 1) {
        guard m > 0, n > 0 else { return }
        // `n == 1` with A not transposed first: a 1×1 product with A not transposed is this
        // one too (checked), not a gemv_t.
        if k > 0 && n == 1 && !transA {
            gemvNParted(m: m, k: k, alpha: alpha, a: a, lda: lda, x: b, incx: transB ? ldb : 1, beta: beta, y: c,
                        incy: 1, threads: threads)
            return
        }
        if k > 0 && n == 1 && transA {
            gemvT(k: k, n: m, alpha: alpha, a: a, lda: lda, x: b, incx: transB ? ldb : 1, beta: beta, y: c, incy: 1)
            return
        }
        // `m == 1` with B transposed is the same plain gemv on Bᵀ (`y = B·x`, x the row of A).
        if k > 0 && m == 1 && transB && (ldc == 1 || beta == 0) {
            gemvNParted(m: n, k: k, alpha: alpha, a: b, lda: ldb, x: a, incx: transA ? 1 : lda, beta: beta, y: c,
                        incy: ldc, threads: threads)
            return
        }
        if k > 0 && m == 1 && !transB {
            gemvT(k: k, n: n, alpha: alpha, a: b, lda: ldb, x: a, incx: transA ? 1 : lda, beta: beta, y: c, incy: ldc)
            return
        }
        let want = adjustedThreads(m: m, n: n, k: k, threads: threads)
        let split = partition(m: m, n: n, k: k, threads: want)
        if split.m * split.n * split.k == 1 {
            noCopyDriver(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias)
            return
        }
        splitK(split, transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: beta,
               c: c, ldc: ldc, bias: bias) { ta, tb, m, n, k, pa, lda, pb, ldb, beta, pc, ldc, bias in
            noCopyDriver(ta, tb, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, bias)
        }
    }

    /// The no-copy driver's threads (jit_avx_gemm_f32 and jit_avx512_common_gemm_f32 alike):
    /// each M×N block of `split` and K part through `driver` (the part holding the first K
    /// rows into C with beta, the others into zeroed buffers), then the K parts summed.
    static func splitK(_ split: (m: Int, n: Int, k: Int, mb: Int, nb: Int, kb: Int), transA: Bool, transB: Bool,
                       m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                       beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int, bias: UnsafePointer<Float>?,
                       driver: (Bool, Bool, Int, Int, Int, UnsafePointer<Float>, Int, UnsafePointer<Float>, Int, Float,
                                UnsafeMutablePointer<Float>, Int, UnsafePointer<Float>?) -> Void) {
        let tile = split.mb * split.nb
        let buffers = split.k > 1 ? UnsafeMutablePointer<Float>.allocate(capacity: split.m * split.n * (split.k - 1) * tile) : nil
        defer { buffers?.deallocate() }
        for im in 0..<split.m {
            for jn in 0..<split.n {
                let m0 = split.mb * im, m1 = min(m, m0 + split.mb)
                let n0 = split.nb * jn, n1 = min(n, n0 + split.nb)
                guard m1 > m0, n1 > n0 else { continue }
                let base = (im + split.m * jn) * (split.k - 1)
                for part in 0..<split.k {
                    let k0 = split.kb * part, k1 = min(k, k0 + split.kb)
                    let pa = transA ? a + k0 + m0 * lda : a + m0 + k0 * lda
                    let pb = transB ? b + n0 + k0 * ldb : b + k0 + n0 * ldb
                    if part == 0 {
                        driver(transA, transB, m1 - m0, n1 - n0, k1 - k0, pa, lda, pb, ldb, beta, c + m0 + n0 * ldc, ldc,
                               bias.map { $0 + m0 })
                    } else if let buffers {
                        driver(transA, transB, m1 - m0, n1 - n0, k1 - k0, pa, lda, pb, ldb, 0,
                               buffers + tile * (base + part - 1), split.mb, nil)
                    }
                }
                // `sum_two_matrices`: the thread of K part t sums the columns
                // `partition_unit_diff` gives it: its own part first (t > 0), then the other
                // later parts in order.
                if let buffers {
                    for owner in 0..<split.k {
                        let (offset, length) = unitDiffPart(n1 - n0, index: owner, count: split.k)
                        let order = owner == 0 ? Array(1..<split.k) : [owner] + (1..<split.k).filter { $0 != owner }
                        for part in order {
                            let src = buffers + tile * (base + part - 1)
                            for j in (n0 + offset)..<(n0 + offset + length) {
                                for i in m0..<m1 { c[i + j * ldc] += src[(i - m0) + (j - n0) * split.mb] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `adjust_thread_count` (gemm_driver.cpp) for float32 on AVX2.
    static func adjustedThreads(m: Int, n: Int, k: Int, threads: Int) -> Int {
        if n > 50 && m <= 3 { return threads }
        var t = threads
        if m > 10 * n && n < t && m / t < 24 { t = max(m / 8 / 3, 1) }
        let cycles = Double(m) * Double(n) * Double(k) / 32 * 2
        return overheadModel(cycles: cycles, threads: t)
    }

    /// The end of `adjust_thread_count`: OpenMP's overhead against the product's cycles, one
    /// model up to 4 threads, another ("big core") past them.
    static func overheadModel(cycles: Double, threads t: Int) -> Int {
        var i = t
        if t <= 4 {
            if cycles < 3000 { return 1 }
            while i > 1 {
                if 3000 * Double(i) < cycles * Double(i - 1) { break }
                i -= 1
            }
        } else {
            if cycles < 4000 + 2 * 500 { return 1 }
            while i > 1 {
                if (4000 + Double(i) * 500) * Double(i) < cycles * Double(i - 1) { break }
                i -= i < 10 ? 2 : (i < 30 ? 4 : 8)
            }
        }
        return max(i, 1)
    }

    /// `calc_nthr_nocopy_avx` (gemm_utils_f32.cpp): threads along M, N and K and their
    /// block sizes.
    static func partition(m: Int, n: Int, k: Int, threads: Int) -> (m: Int, n: Int, k: Int, mb: Int, nb: Int, kb: Int) {
        var nthr = threads, tm = (m + 63) / 64, tn = (n + 47) / 48, tk = 1
        var other = 1
        while tm * tn * other < nthr && k / (other + 1) > 384 {
            other += 1
            if Double((nthr / other) * other) > 0.9 * Double(nthr) { tk = other }
        }
        nthr /= tk
        if tm == 1 { tn = nthr }
        if tn == 1 { tm = nthr }
        while tm * tn > nthr { if tm > tn { tm -= 1 } else { tn -= 1 } }
        while tm * tn < nthr { if tm < tn { tm += 1 } else { tn += 1 } }
        if tm * tn > nthr && tm > 1 && tn > 1 {
            if tm <= tn {
                tm = min(Int(Double(nthr).squareRoot()), (m + 15) / 16)
                tn = nthr / tm
                while tm > 1 && tm * tn != nthr { tm -= 1; tn = nthr / tm }
            } else {
                tn = min(Int(Double(nthr).squareRoot()), n)
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

    /// `sgemm_nocopy_driver`: K, M and N blocks, each through the kernel.
    static func noCopyDriver(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                             _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                             _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ bias: UnsafePointer<Float>?) {
        guard m > 0, n > 0 else { return }
        if k <= 0 || alpha == 0 {
            for j in 0..<n {
                for i in 0..<m { c[i + j * ldc] = beta == 0 ? 0 : (beta != 1 ? c[i + j * ldc] * beta : c[i + j * ldc]) }
            }
            return
        }
        let bm = 4032, bn = transA ? 96 : 48, bk = transB ? 96 : 256
        func size(_ left: Int, _ block: Int, halveAbove limit: Int) -> Int {
            left >= 2 * block ? block : (left > limit ? (left + 1) / 2 : left)
        }
        var k0 = 0
        while k0 < k {
            let sk = size(k - k0, bk, halveAbove: bk)
            var m0 = 0
            while m0 < m {
                let sm = size(m - m0, bm, halveAbove: bm + bm / 2)
                var n0 = 0
                while n0 < n {
                    let sn = size(n - n0, bn, halveAbove: bn + bn / 2)
                    let pa = transA ? a + k0 + m0 * lda : a + m0 + k0 * lda
                    let pb = transB ? b + n0 + k0 * ldb : b + k0 + n0 * ldb
                    let first = k0 == 0
                    kernel(transA, transB, sm, sn, sk, alpha, pa, lda, pb, ldb, first ? beta : 1,
                           c + m0 + n0 * ldc, ldc, first ? bias.map { $0 + m0 } : nil)
                    n0 += sn
                }
                m0 += sm
            }
            k0 += sk
        }
    }

    /// One call of the jit kernel (`xbyak_gemm_t`): strips of 16/8 rows, groups of 6
    /// columns, each element's chain as described on the type.
    static func kernel(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                       _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                       _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ bias: UnsafePointer<Float>?) {
        // A's element (i, p) is at a[i·sai + p·sap], B's (p, j) at b[p·sbp + j·sbj].
        let sai = transA ? lda : 1, sap = transA ? 1 : lda
        let sbp = transB ? ldb : 1, sbj = transB ? 1 : ldb
        let even = k & ~1
        var i0 = 0
        while i0 < m {
            let width = m - i0 > 8 ? 16 : 8
            let rows = min(m - i0, width)
            var j0 = 0
            while j0 < n {
                let cols = min(6, n - j0)
                let single = width == 16 && cols >= 4
                let fused = cols >= 3
                for j in j0..<(j0 + cols) {
                    let bj = b + j * sbj
                    for i in i0..<(i0 + rows) {
                        let ai = a + i * sai
                        var acc: Float
                        if single {
                            acc = 0
                            for p in 0..<k { acc = acc.addingProduct(ai[p * sap], bj[p * sbp]) }
                        } else {
                            var e: Float = 0, o: Float = 0
                            var p = 0
                            while p < even {
                                if fused {
                                    e = e.addingProduct(ai[p * sap], bj[p * sbp])
                                    o = o.addingProduct(ai[(p + 1) * sap], bj[(p + 1) * sbp])
                                } else {
                                    e = e + ai[p * sap] * bj[p * sbp]
                                    o = o + ai[(p + 1) * sap] * bj[(p + 1) * sbp]
                                }
                                p += 2
                            }
                            acc = e + o
                            if k & 1 == 1 {
                                let last = k - 1
                                acc = fused ? acc.addingProduct(ai[last * sap], bj[last * sbp])
                                    : acc + ai[last * sap] * bj[last * sbp]
                            }
                        }
                        acc = acc * alpha
                        let ci = c + i + j * ldc
                        if beta == 1 {
                            acc = ci.pointee + acc
                        } else if beta != 0 {
                            acc = fused ? acc.addingProduct(ci.pointee, beta) : acc + ci.pointee * beta
                        }
                        if let bias { acc = bias[i] + acc }
                        ci.pointee = acc
                    }
                }
                j0 += cols
            }
            i0 += rows
        }
    }

    /// `y[j] = beta·y[j] + alpha·(column j of A)·x` for `n` columns of length `k`: oneDNN's
    /// `gemv_kernel_driver` with `jit_avx_gemv_t_f32_kern` (see the type's notes).
    static func gemvT(k: Int, n: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int, x: UnsafePointer<Float>, incx: Int,
                      beta: Float, y: UnsafeMutablePointer<Float>, incy: Int) {
        for j in 0..<n {
            let yj = y + j * incy
            if beta == 0 { yj.pointee = 0 } else if beta != 1 { yj.pointee = yj.pointee * beta }
        }
        guard alpha != 0 else { return }
        if incx == 1 {
            gemvPiece(k: k, n: n, alpha: alpha, a: a, lda: lda, x: x, y: y, incy: incy)
            return
        }
        let piece = UnsafeMutablePointer<Float>.allocate(capacity: 512)
        defer { piece.deallocate() }
        var start = 0
        while start < k {
            let count = min(512, k - start)
            for q in 0..<count { piece[q] = x[(start + q) * incx] }
            gemvPiece(k: count, n: n, alpha: alpha, a: a + start, lda: lda, x: piece, y: y, incy: incy)
            start += count
        }
    }

    /// One call of the gemv kernel on a contiguous vector.
    static func gemvPiece(k: Int, n: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int, x: UnsafePointer<Float>,
                          y: UnsafeMutablePointer<Float>, incy: Int) {
        func across(_ l: SIMD8<Float>) -> Float { ((l[0] + l[1]) + (l[4] + l[5])) + ((l[2] + l[3]) + (l[6] + l[7])) }
        let main = k & ~15
        for j in 0..<n {
            let aj = a + j * lda, yj = y + j * incy
            if main > 0 {
                var lanes = SIMD8<Float>(repeating: 0)
                var p = 0
                while p < main {
                    for q in 0..<8 { lanes[q] = lanes[q].addingProduct(x[p + q], aj[p + q]) }
                    for q in 0..<8 { lanes[q] = lanes[q].addingProduct(x[p + 8 + q], aj[p + 8 + q]) }
                    p += 16
                }
                yj.pointee = yj.pointee.addingProduct(alpha, across(lanes))
            }
            var p = main
            for width in [8, 4, 2, 1] where (k - main) & width != 0 {
                var lanes = SIMD8<Float>(repeating: 0)
                for q in 0..<width { lanes[q] = x[p + q] * aj[p + q] }
                yj.pointee = yj.pointee.addingProduct(alpha, across(lanes))
                p += width
            }
        }
    }

    /// `y = beta·y + alpha·A·x` for A m × k (column-major): for each k in order,
    /// `y[i] = fma(alpha·x[k], A[i, k], y[i])` (see the type's notes).
    static func gemvN(m: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int, x: UnsafePointer<Float>, incx: Int,
                      beta: Float, y: UnsafeMutablePointer<Float>, incy: Int = 1) {
        for i in 0..<m { y[i * incy] = beta == 0 ? 0 : (beta != 1 ? y[i * incy] * beta : y[i * incy]) }
        guard alpha != 0 else { return }
        for p in 0..<k {
            let scaled = alpha * x[p * incx], column = a + p * lda
            for i in 0..<m { y[i * incy] = y[i * incy].addingProduct(scaled, column[i]) }
        }
    }

    /// The plain gemv with gemv_driver's threads: K cut into `gemvNParts` parts, part 0 into
    /// y with beta, the others into zeroed buffers then added to y in order (`sum_ybufs`).
    static func gemvNParted(m: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int, x: UnsafePointer<Float>,
                            incx: Int, beta: Float, y: UnsafeMutablePointer<Float>, incy: Int, threads: Int) {
        let parts = gemvNParts(m: m, k: k, threads: threads)
        let first = gemvPart(k, index: 0, count: parts)
        gemvN(m: m, k: first.length, alpha: alpha, a: a, lda: lda, x: x, incx: incx, beta: beta, y: y, incy: incy)
        guard parts > 1 else { return }
        let buffers = UnsafeMutablePointer<Float>.allocate(capacity: m * (parts - 1))
        defer { buffers.deallocate() }
        for part in 1..<parts {
            let (start, length) = gemvPart(k, index: part, count: parts)
            gemvN(m: m, k: length, alpha: alpha, a: a + start * lda, lda: lda, x: x + start * incx,
                  incx: incx, beta: 0, y: buffers + (part - 1) * m)
        }
        for part in 1..<parts {
            let src = buffers + (part - 1) * m
            for i in 0..<m { y[i * incy] = y[i * incy] + src[i] }
        }
    }
}
