/// Matrix products on MKL, called the way PyTorch's CPU kernels call it (ATen's
/// `addmm_impl_cpu_`, `addmv`, `dot`, `bmm_out_or_baddbmm_`), so that each result has
/// PyTorch's rounding: `mm` is one gemm, `mv` a gemv, `dot` a BLAS dot, `addmm` a gemm
/// into a copy of its input with beta, and `bmm` one gemm per matrix except for tiny
/// products, which PyTorch sums in a plain loop.
enum MKLProducts {
    static let rowMajor: Int32 = 101, colMajor: Int32 = 102, noTrans: Int32 = 111, trans: Int32 = 112

    /// PyTorch's `bmm` sums products with fewer than this many multiply-adds in a loop.
    static let smallBatchedWork = 400

    /// out[b] = beta·out[b] + alpha·a[b] @ b[b]; `out` is contiguous; each matrix of `a` and
    /// `b` has a BLAS layout. `isBatched` picks PyTorch's small-product loop (bmm only).
    static func gemm(_ mkl: MKLLibrary, _ a: Tensor, _ b: Tensor, _ out: Tensor,
                     alpha: Double = 1, beta: Double = 0, isBatched: Bool, layouts: (BLASLayout, BLASLayout)? = nil) {
        let batch = out.sizes[0], n = out.sizes[1], m = out.sizes[2], k = a.sizes[2]
        if n == 0 || m == 0 || batch == 0 { return }
        if isBatched && n * m * k < smallBatchedWork && beta == 0 && alpha == 1 {
            if out.dtype == .float32 { loopProduct(Float.self, a, b, out) } else { loopProduct(Double.self, a, b, out) }
            return
        }
        if !isBatched && batch == 1 && n == 1 && m == 1 && layouts == nil
            && dotShapedGemm(mkl, a, b, out, alpha: alpha, beta: beta) { return }
        let la = layouts?.0 ?? BLASLayout(rows: n, cols: k, rowStride: a.strides[1], colStride: a.strides[2])!
        let lb = layouts?.1 ?? BLASLayout(rows: k, cols: m, rowStride: b.strides[1], colStride: b.strides[2])!
        if isBatched && beta == 0 && alpha == 1 && k > 0 && batchedGemm(mkl, a, b, out, la, lb) { return }
        let ta = la.transposed ? trans : noTrans, tb = lb.transposed ? trans : noTrans
        for i in 0..<batch {
            if out.dtype == .float32 {
                let po = out.pointer(Float.self) + i * out.strides[0]
                if k == 0 { scaleOrZero(po, n * m, Float(beta)); continue }
                mkl.sgemm(rowMajor, ta, tb, Int32(n), Int32(m), Int32(k), Float(alpha),
                          a.pointer(Float.self) + i * a.strides[0], Int32(la.ld),
                          b.pointer(Float.self) + i * b.strides[0], Int32(lb.ld), Float(beta), po, Int32(m))
            } else {
                let po = out.pointer(Double.self) + i * out.strides[0]
                if k == 0 { scaleOrZero(po, n * m, beta); continue }
                mkl.dgemm(rowMajor, ta, tb, Int32(n), Int32(m), Int32(k), alpha,
                          a.pointer(Double.self) + i * a.strides[0], Int32(la.ld),
                          b.pointer(Double.self) + i * b.strides[0], Int32(lb.ld), beta, po, Int32(m))
            }
        }
    }

    /// ATen's `baddbmm_with_gemm_` for bmm: one `cblas_?gemm_batch` call over every matrix
    /// (column-major, the second operand first, as ATen's cpublas passes them). MKL's batch
    /// routine does not always sum as separate `?gemm` calls do, so bmm takes it too, and
    /// `cpublas::gemm_batched_with_stride` (slow_conv3d's grouped products) with its beta.
    static func batchedGemm(_ mkl: MKLLibrary, _ a: Tensor, _ b: Tensor, _ out: Tensor,
                            _ la: BLASLayout, _ lb: BLASLayout, beta: Double = 0) -> Bool {
        let batch = out.sizes[0]
        var transA = lb.transposed ? trans : noTrans, transB = la.transposed ? trans : noTrans
        var m = Int32(out.sizes[2]), n = Int32(out.sizes[1]), k = Int32(a.sizes[2])
        var lda = Int32(lb.ld), ldb = Int32(la.ld), ldc = Int32(out.sizes[2]), size = Int32(batch)
        if out.dtype == .float32 {
            guard let gemmBatch = mkl.sgemmBatch else { return false }
            var one: Float = 1, zero = Float(beta)
            let pa = b.pointer(Float.self), pb = a.pointer(Float.self), pc = out.pointer(Float.self)
            let first = (0..<batch).map { Optional(UnsafePointer(pa + $0 * b.strides[0])) }
            let second = (0..<batch).map { Optional(UnsafePointer(pb + $0 * a.strides[0])) }
            let results = (0..<batch).map { Optional(pc + $0 * out.strides[0]) }
            gemmBatch(colMajor, &transA, &transB, &m, &n, &k, &one, first, &lda, second, &ldb, &zero, results, &ldc, 1, &size)
        } else {
            guard let gemmBatch = mkl.dgemmBatch else { return false }
            var one: Double = 1, zero = beta
            let pa = b.pointer(Double.self), pb = a.pointer(Double.self), pc = out.pointer(Double.self)
            let first = (0..<batch).map { Optional(UnsafePointer(pa + $0 * b.strides[0])) }
            let second = (0..<batch).map { Optional(UnsafePointer(pb + $0 * a.strides[0])) }
            let results = (0..<batch).map { Optional(pc + $0 * out.strides[0]) }
            gemmBatch(colMajor, &transA, &transB, &m, &n, &k, &one, first, &lda, second, &ldb, &zero, results, &ldc, 1, &size)
        }
        return true
    }

    private static func scaleOrZero<T: BinaryFloatingPoint>(_ p: UnsafeMutablePointer<T>, _ count: Int, _ beta: T) {
        if beta == 0 { p.update(repeating: 0, count: count) } else { for i in 0..<count { p[i] *= beta } }
    }

    /// PyTorch's `baddbmm_cpu_kernel` for bmm: an in-order sum per output element, in the
    /// element type, without fused multiply-adds.
    static func loopProduct<T: BinaryFloatingPoint>(_ t: T.Type, _ a: Tensor, _ b: Tensor, _ out: Tensor) {
        let batch = out.sizes[0], n = out.sizes[1], m = out.sizes[2], k = a.sizes[2]
        let pa = a.pointer(T.self), pb = b.pointer(T.self), po = out.pointer(T.self)
        let (as0, as1, as2) = (a.strides[0], a.strides[1], a.strides[2])
        let (bs0, bs1, bs2) = (b.strides[0], b.strides[1], b.strides[2])
        for bi in 0..<batch {
            for i in 0..<n {
                for j in 0..<m {
                    var acc: T = 0
                    for p in 0..<k {
                        let product = pa[bi * as0 + i * as1 + p * as2] * pb[bi * bs0 + p * bs1 + j * bs2]
                        acc = acc + product
                    }
                    po[(bi * n + i) * m + j] = acc
                }
            }
        }
    }

    /// out = mat @ vec by gemv; `mat` has a BLAS layout, `vec` a positive stride (any for one element), `out` is
    /// contiguous.
    static func gemv(_ mkl: MKLLibrary, _ mat: Tensor, _ vec: Tensor, _ out: Tensor) {
        let n = mat.sizes[0], k = mat.sizes[1]
        if n == 0 { return }
        let layout = BLASLayout(rows: n, cols: k, rowStride: mat.strides[0], colStride: mat.strides[1])!
        // A transposed matrix is the stored (k × n) matrix read with Trans.
        let (t, rows, cols) = layout.transposed ? (trans, k, n) : (noTrans, n, k)
        // A one-element vector may have any stride (0 when expanded from a number, as a
        // sum's gradient is); BLAS rejects incx = 0 (MKL crashed on it), so read it with 1.
        let inc = k == 1 ? 1 : Int32(vec.strides[0])
        if mat.dtype == .float32 {
            if k == 0 { out.pointer(Float.self).update(repeating: 0, count: n); return }
            mkl.sgemv(rowMajor, t, Int32(rows), Int32(cols), 1, mat.pointer(Float.self), Int32(layout.ld),
                      vec.pointer(Float.self), inc, 0, out.pointer(Float.self), 1)
        } else {
            if k == 0 { out.pointer(Double.self).update(repeating: 0, count: n); return }
            mkl.dgemv(rowMajor, t, Int32(rows), Int32(cols), 1, mat.pointer(Double.self), Int32(layout.ld),
                      vec.pointer(Double.self), inc, 0, out.pointer(Double.self), 1)
        }
    }

    /// a · b by BLAS dot; both have positive strides (a one-element vector may have any).
    static func dot(_ mkl: MKLLibrary, _ a: Tensor, _ b: Tensor, _ out: Tensor) {
        let n = a.sizes[0]
        let ia = n == 1 ? 1 : Int32(a.strides[0]), ib = n == 1 ? 1 : Int32(b.strides[0])
        if a.dtype == .float32 {
            out.pointer(Float.self)[0] = mkl.sdot(Int32(n), a.pointer(Float.self), ia, b.pointer(Float.self), ib)
        } else {
            out.pointer(Double.self)[0] = mkl.ddot(Int32(n), a.pointer(Double.self), ia, b.pointer(Double.self), ib)
        }
    }
}
