/// One matrix product as ATen's `addmm_impl_cpu_` calls BLAS: the result's layout decides
/// whether the operands swap (a row-major result is computed as its transpose), each
/// operand is read in place when it has unit stride along one side and a large enough
/// other stride, and is cloned contiguous otherwise (a strided row, a `movedim` slice), and
/// `cpublas::gemm` fixes the leading dimensions of single rows and columns
/// (`normalize_last_dims`) before the column-major `?gemm_`. MKL sums differently for the
/// two transpose flags of a single row, so reading it in place where ATen copies it
/// changes last bits.
extension MKLProducts {
    /// c = beta·c + alpha·m1 @ m2 for 2-D `m1`, `m2` and a 2-D `c` with unit stride along
    /// its rows or columns; false where ATen's `use_blas_gemm` refuses (its own loop runs).
    static func addmmImpl(_ mkl: MKLLibrary, _ c: Tensor, _ m1In: Tensor, _ m2In: Tensor,
                          alpha: Double, beta: Double) throws(TensorError) -> Bool {
        var m1 = m1In, m2 = m2In
        let rs = c.strides, rz = c.sizes
        let transposeC: Bool
        if rs[0] == 1 && (rz[1] == 1 || rs[1] >= Swift.max(1, rz[0])) {
            transposeC = false
        } else if rs[1] == 1 && (rz[0] == 1 || rs[0] >= Swift.max(1, rz[1])) {
            swap(&m1, &m2)
            transposeC = true
        } else {
            return false
        }
        let m = rz[transposeC ? 1 : 0], n = rz[transposeC ? 0 : 1], k = m1.sizes[transposeC ? 0 : 1]
        let i0 = transposeC ? 1 : 0, i1 = transposeC ? 0 : 1
        func cast(_ t: Tensor, _ rows: Int, _ cols: Int) throws(TensorError) -> (Bool, Tensor) {
            if t.strides[i0] == 1 && t.strides[i1] >= Swift.max(1, rows) { return (false, t) }
            if t.strides[i1] == 1 && t.strides[i0] >= Swift.max(1, cols) { return (true, t) }
            return (!transposeC, try t.contiguousCopy())
        }
        let (transA, a) = try cast(m1, m, k)
        let (transB, b) = try cast(m2, k, n)
        var lda = a.strides[transA == transposeC ? 1 : 0]
        var ldb = b.strides[transB == transposeC ? 1 : 0]
        var ldc = c.strides[transposeC ? 0 : 1]
        if n == 1 { ldc = m }
        if transA { if m == 1 { lda = k } } else if k == 1 { lda = m }
        if transB { if k == 1 { ldb = n } } else if n == 1 { ldb = k }
        guard lda >= Swift.max(1, transA ? k : m), ldb >= Swift.max(1, transB ? n : k), ldc >= Swift.max(1, m) else { return false }
        let ta = transA ? trans : noTrans, tb = transB ? trans : noTrans
        if c.dtype == .float32 {
            mkl.sgemm(colMajor, ta, tb, Int32(m), Int32(n), Int32(k), Float(alpha), a.pointer(Float.self), Int32(lda),
                      b.pointer(Float.self), Int32(ldb), Float(beta), c.pointer(Float.self), Int32(ldc))
        } else {
            mkl.dgemm(colMajor, ta, tb, Int32(m), Int32(n), Int32(k), alpha, a.pointer(Double.self), Int32(lda),
                      b.pointer(Double.self), Int32(ldb), beta, c.pointer(Double.self), Int32(ldc))
        }
        return true
    }
}
