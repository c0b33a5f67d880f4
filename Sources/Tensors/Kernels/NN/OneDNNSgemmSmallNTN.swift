/// oneDNN 3.13's AVX-512-only sgemm kernel for `Aᵀ·B` with 2 to 15 columns
/// (`jit_avx512_core_gemm_smalln_tn_f32`, taken by `jump_to_gemm_smalln_tn` before any other
/// path), redone instruction by instruction on 16-lane vectors so that its reduction tree is
/// followed exactly.
///
/// The columns go in chunks of 2 or 3 (`partitions`), the rows in blocks of 8. Each output's
/// dot product runs in 16 lanes (lane `l` an FMA chain over `k ≡ l (mod 16)`, B scaled by
/// alpha first when alpha is not 1; the last `K % 16` terms masked), then the block's 16 (or
/// 24) accumulators are reduced together by shuffles and adds (`reduction_16x16`, and an
/// 8-way one for the third column). C: `acc + beta·C` (rounded product, then add).
/// Threads (`smalln_set_num_threads`) split the rows, which moves the 8-row blocks.
enum OneDNNSgemmSmallNTN {
    typealias V = SIMD16<Float>

    /// Whether the product takes this kernel on AVX-512.
    static func applies(transA: Bool, transB: Bool, n: Int) -> Bool {
        transA && !transB && n > 1 && n < 16
    }

    /// `smalln_set_num_threads`.
    static func threads(m: Int, k: Int, available: Int) -> Int {
        if m * k <= 8192 { return 1 }
        var use = available
        if m & 15 == 0 {
            var n16 = m >> 4
            while n16 > use && n16 & 1 == 0 { n16 >>= 1 }
            n16 = min(n16, use)
            let original = m / n16 <= 16 ? !(n16 <= use) : (4 * n16 <= 3 * use)
            use = original ? use : n16
        } else {
            while m / use < 16 && use > 1 { use -= 1 }
        }
        return use
    }

    /// Column chunks per `n` (oneDNN's `partitions`): their cumulative ends.
    static let partitions: [[Int]] = [[0, 1, 1, 1, 1, 1], [0, 2, 2, 2, 2, 2], [0, 3, 3, 3, 3, 3], [0, 2, 4, 4, 4, 4],
                                      [0, 3, 5, 5, 5, 5], [0, 3, 6, 6, 6, 6], [0, 2, 4, 7, 7, 7], [0, 3, 6, 8, 8, 8],
                                      [0, 3, 6, 9, 9, 9], [0, 2, 4, 7, 10, 10], [0, 3, 6, 9, 11, 11],
                                      [0, 3, 6, 9, 12, 12], [0, 2, 4, 7, 10, 13], [0, 3, 6, 9, 12, 14],
                                      [0, 3, 6, 9, 12, 15]]

    /// `C = alpha·Aᵀ·B + beta·C`, A stored K×M (column-major, `lda`), B K×N.
    static func gemm(m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
                     b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int,
                     threads available: Int) {
        guard m > 0, n > 0 else { return }
        let t = threads(m: m, k: k, available: available)
        let mid = m / t
        for ithr in 0..<t {
            let m0 = ithr * mid, rows = ithr < t - 1 ? mid : m - mid * (t - 1)
            guard rows > 0 else { continue }
            let ends = partitions[n - 1]
            for p in 1..<6 {
                let count = ends[p] - ends[p - 1], first = ends[p - 1]
                if count == 0 { break }
                kernel(columns: count, m: rows, k: k, alpha: alpha, a: a + m0 * lda, lda: lda, b: b + first * ldb,
                       ldb: ldb, beta: beta, c: c + m0 + first * ldc, ldc: ldc)
            }
        }
    }

    /// One kernel call: `columns` (2 or 3) columns, all rows, in blocks of 8.
    static func kernel(columns: Int, m: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
                       b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        var r = [V](repeating: V(), count: 32)
        var bv = [V](repeating: V(), count: 3)
        var i0 = 0
        while i0 < m {
            let rows = min(8, m - i0)
            for i in 0..<32 { r[i] = V() }
            if alpha != 0 {
                // Accumulators: column 0 of row ii in r[16 + ii], column 1 in r[24 + ii],
                // column 2 in r[ii].
                var q = 0
                while q < k {
                    let lanes = min(16, k - q)
                    for j in 0..<columns {
                        var v = V()
                        for l in 0..<lanes { v[l] = b[j * ldb + q + l] }
                        bv[j] = alpha != 1 ? v * alpha : v
                    }
                    for ii in 0..<rows {
                        var av = V()
                        let row = a + (i0 + ii) * lda + q
                        for l in 0..<lanes { av[l] = row[l] }
                        for j in 0..<columns {
                            let slot = j == 0 ? 16 + ii : (j == 1 ? 24 + ii : ii)
                            if lanes == 16 || !(columns == 3 && ii >= 5) {
                                r[slot] = fma(av, bv[j], r[slot])
                            } else {
                                // Masked FMA: the lanes past K keep their value.
                                for l in 0..<lanes { r[slot][l] = r[slot][l].addingProduct(av[l], bv[j][l]) }
                            }
                        }
                    }
                    q += 16
                }
                reduce16x16(&r)
                if columns == 3 { reduce8(&r) }
            }
            for ii in 0..<rows {
                let results = [r[24][ii], r[24][8 + ii], r[16][ii]]
                for j in 0..<columns {
                    let ci = c + i0 + ii + j * ldc
                    var v = results[j]
                    if beta != 0 {
                        let scaled = beta != 1 ? ci.pointee * beta : ci.pointee
                        v = v + scaled
                    }
                    ci.pointee = v
                }
            }
            i0 += 8
        }
    }

    /// `acc + a·b` lane by lane, one rounding each.
    @inline(__always)
    static func fma(_ a: V, _ b: V, _ acc: V) -> V {
        acc.addingProduct(a, b)
    }

    // The shuffles, as the instructions define them on 16 floats.
    static func shuff32x4(_ s1: V, _ s2: V, _ imm: Int) -> V {
        var d = V()
        let pick = [(s1, imm & 3), (s1, (imm >> 2) & 3), (s2, (imm >> 4) & 3), (s2, (imm >> 6) & 3)]
        for lane in 0..<4 { for e in 0..<4 { d[lane * 4 + e] = pick[lane].0[pick[lane].1 * 4 + e] } }
        return d
    }

    static func permi2(_ index: [Int], _ s1: V, _ s2: V) -> V {
        var d = V()
        for i in 0..<16 { d[i] = index[i] & 16 != 0 ? s2[index[i] & 15] : s1[index[i] & 15] }
        return d
    }

    /// `vshufpd` with an immediate of all zeros (`odd` false) or all ones.
    static func shufpd(_ s1: V, _ s2: V, odd: Bool) -> V {
        var d = V()
        for lane in 0..<4 {
            let q = lane * 2 + (odd ? 1 : 0)
            d[lane * 4] = s1[2 * q]; d[lane * 4 + 1] = s1[2 * q + 1]
            d[lane * 4 + 2] = s2[2 * q]; d[lane * 4 + 3] = s2[2 * q + 1]
        }
        return d
    }

    static let permAB = [0x00, 0x01, 0x02, 0x03, 0x10, 0x11, 0x12, 0x13, 0x08, 0x09, 0x0A, 0x0B, 0x18, 0x19, 0x1A, 0x1B]
    static let permBA = [0x04, 0x05, 0x06, 0x07, 0x14, 0x15, 0x16, 0x17, 0x0C, 0x0D, 0x0E, 0x0F, 0x1C, 0x1D, 0x1E, 0x1F]
    static let permAB1 = [0x00, 0x10, 0x02, 0x12, 0x04, 0x14, 0x06, 0x16, 0x08, 0x18, 0x0A, 0x1A, 0x0C, 0x1C, 0x0E, 0x1E]
    static let permBA1 = [0x01, 0x11, 0x03, 0x13, 0x05, 0x15, 0x07, 0x17, 0x09, 0x19, 0x0B, 0x1B, 0x0D, 0x1D, 0x0F, 0x1F]

    /// `reduction_16x16`: r[16...31] into r[24] (lanes 0–7 column 0, 8–15 column 1).
    static func reduce16x16(_ r: inout [V]) {
        for ii in 0..<8 {
            r[ii + 8] = shuff32x4(r[ii + 16], r[ii + 24], 0b0100_0100)
            r[ii + 9] = shuff32x4(r[ii + 16], r[ii + 24], 0b1110_1110)
            r[ii + 24] = r[ii + 8] + r[ii + 9]
        }
        for ii in 0..<4 {
            let x = permi2(permAB, r[ii + 24], r[ii + 28]), y = permi2(permBA, r[ii + 24], r[ii + 28])
            r[ii + 24] = x + y
        }
        for ii in 0..<2 {
            let x = shufpd(r[ii + 24], r[ii + 26], odd: false), y = shufpd(r[ii + 24], r[ii + 26], odd: true)
            r[ii + 24] = x + y
        }
        let x = permi2(permAB1, r[24], r[25]), y = permi2(permBA1, r[24], r[25])
        r[24] = x + y
    }

    /// The third column's 8-way reduction: r[0...7] into r[16] (lanes 0–7).
    static func reduce8(_ r: inout [V]) {
        for ii in 0..<8 {
            let x = shuff32x4(r[ii], r[ii], 0b0100_0100), y = shuff32x4(r[ii], r[ii], 0b1110_1110)
            r[ii + 16] = x + y
        }
        for ii in 0..<4 {
            let x = permi2(permAB, r[ii + 16], r[ii + 20]), y = permi2(permBA, r[ii + 16], r[ii + 20])
            r[ii + 16] = x + y
        }
        for ii in 0..<2 {
            let x = shufpd(r[ii + 16], r[ii + 18], odd: false), y = shufpd(r[ii + 16], r[ii + 18], odd: true)
            r[ii + 16] = x + y
        }
        let x = permi2(permAB1, r[16], r[17]), y = permi2(permBA1, r[16], r[17])
        r[16] = x + y
    }
}
