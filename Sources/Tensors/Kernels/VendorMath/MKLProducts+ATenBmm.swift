/// `bmm` and `baddbmm` as ATen's `bmm_out_or_baddbmm_` runs them on MKL, decided on the
/// operands' own strides (no copy first), because each branch sums in its own order:
///
/// - fewer than 400 multiply-adds per matrix: `baddbmm_cpu_kernel`, an in-order loop;
/// - every matrix of both operands "contiguous or transposed"
///   (`batch_items_contiguous_or_transposed`): `baddbmm_with_gemm_`, one column-major
///   `cblas_?gemm_batch` over all matrices (one `?gemm` for a batch of one), the second
///   operand first, with ATen's transpose flags and leading dimensions
///   (`cpublas::normalize_last_dims` fixing those of single rows and columns);
/// - anything else (a `movedim` view whose matrices have no unit stride, a broadcast row):
///   one `addmm_impl_cpu_` per matrix, i.e. the 2-D product of each slice, which copies
///   only the slices BLAS cannot read.
extension MKLProducts {
    /// out = beta·out + alpha·a @ b for every matrix; `out` is contiguous and, for beta ≠ 0,
    /// already holds the input. Float32/float64 only.
    static func atenBaddbmm(_ mkl: MKLLibrary, _ a: Tensor, _ b: Tensor, _ out: Tensor,
                            alpha: Double, beta: Double) throws(TensorError) {
        let batch = out.sizes[0], k = a.sizes[2]
        if out.numel == 0 { return }
        if k == 0 {
            // zero_() for bmm (or beta 0), else mul_(beta).
            if beta == 0 { try Backends.cpu.fill(out, with: .float(0)) } else {
                try Backends.cpu.copyCast(from: try out.mul(.float(beta)), into: out)
            }
            return
        }
        if itemsContiguousOrTransposed(a) && itemsContiguousOrTransposed(b)
            && withGemm(mkl, a, b, out, alpha: alpha, beta: beta) { return }
        // The split along the batch: `addmm_impl_cpu_(out[i], a[i], b[i])` each.
        for i in 0..<batch {
            let oi = try out.select(0, i), ai = try a.select(0, i), bi = try b.select(0, i)
            if try addmmImpl(mkl, oi, ai, bi, alpha: alpha, beta: beta) { continue }
            gemm(mkl, try blasReadySlice(a, i), try blasReadySlice(b, i), try out.narrow(0, start: i, length: 1),
                 alpha: alpha, beta: beta, isBatched: false)
        }
    }

    /// ATen's `batch_items_contiguous_or_transposed`: unit stride along rows or columns,
    /// the other stride at least the row (column) length; a dimension of size 1 may have
    /// any stride only on the side that is not the unit-stride one.
    static func itemsContiguousOrTransposed(_ t: Tensor) -> Bool {
        let s = t.sizes, st = t.strides
        return (st[2] == 1 && (s[1] == 1 || st[1] >= s[2])) || (st[1] == 1 && (s[2] == 1 || st[2] >= s[1]))
    }

    /// `baddbmm_with_gemm_` then `cpublas::gemm_batched_with_stride`; false where ATen's
    /// `use_blas_gemm` refuses the leading dimensions (its own gemm loop would run).
    private static func withGemm(_ mkl: MKLLibrary, _ a: Tensor, _ b: Tensor, _ out: Tensor,
                                 alpha: Double, beta: Double) -> Bool {
        func isTransposed(_ t: Tensor) -> Bool { t.strides[1] == 1 && t.strides[2] >= t.sizes[1] }
        let transA = isTransposed(b), transB = isTransposed(a)
        let batch = out.sizes[0], m = out.sizes[2], n = out.sizes[1], k = b.sizes[1]
        var lda = b.strides[transA ? 2 : 1], ldb = a.strides[transB ? 2 : 1], ldc = out.strides[1]
        // normalize_last_dims
        if n == 1 { ldc = m }
        if transA { if m == 1 { lda = k } } else if k == 1 { lda = m }
        if transB { if k == 1 { ldb = n } } else if n == 1 { ldb = k }
        // use_blas_gemm
        guard lda >= Swift.max(1, transA ? k : m), ldb >= Swift.max(1, transB ? n : k), ldc >= Swift.max(1, m),
              lda <= Int(Int32.max), ldb <= Int(Int32.max) else { return false }
        var ta = transA ? trans : noTrans, tb = transB ? trans : noTrans
        var mm = Int32(m), nn = Int32(n), kk = Int32(k), la = Int32(lda), lb = Int32(ldb), lc = Int32(ldc), size = Int32(batch)
        if out.dtype == .float32 {
            var al = Float(alpha), be = Float(beta)
            let pa = b.pointer(Float.self), pb = a.pointer(Float.self), pc = out.pointer(Float.self)
            if batch == 1 {
                mkl.sgemm(colMajor, ta, tb, mm, nn, kk, al, pa, la, pb, lb, be, pc, lc)
                return true
            }
            guard let gemmBatch = mkl.sgemmBatch else { return false }
            let first = (0..<batch).map { Optional(UnsafePointer(pa + $0 * b.strides[0])) }
            let second = (0..<batch).map { Optional(UnsafePointer(pb + $0 * a.strides[0])) }
            let results = (0..<batch).map { Optional(pc + $0 * out.strides[0]) }
            gemmBatch(colMajor, &ta, &tb, &mm, &nn, &kk, &al, first, &la, second, &lb, &be, results, &lc, 1, &size)
        } else {
            var al = alpha, be = beta
            let pa = b.pointer(Double.self), pb = a.pointer(Double.self), pc = out.pointer(Double.self)
            if batch == 1 {
                mkl.dgemm(colMajor, ta, tb, mm, nn, kk, al, pa, la, pb, lb, be, pc, lc)
                return true
            }
            guard let gemmBatch = mkl.dgemmBatch else { return false }
            let first = (0..<batch).map { Optional(UnsafePointer(pa + $0 * b.strides[0])) }
            let second = (0..<batch).map { Optional(UnsafePointer(pb + $0 * a.strides[0])) }
            let results = (0..<batch).map { Optional(pc + $0 * out.strides[0]) }
            gemmBatch(colMajor, &ta, &tb, &mm, &nn, &kk, &al, first, &la, second, &lb, &be, results, &lc, 1, &size)
        }
        return true
    }

    /// Matrix `i` of `t` as a batch of one, copied to a contiguous matrix where BLAS cannot
    /// read it as it lies (as `addmm_impl_cpu_` clones it).
    private static func blasReadySlice(_ t: Tensor, _ i: Int) throws(TensorError) -> Tensor {
        let s = try t.narrow(0, start: i, length: 1)
        if BLASLayout(rows: s.sizes[1], cols: s.sizes[2], rowStride: s.strides[1], colStride: s.strides[2]) != nil { return s }
        return try s.contiguousCopy()
    }
}
