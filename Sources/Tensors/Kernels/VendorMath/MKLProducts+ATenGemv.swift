/// A matrix-vector product as ATen's `addmv_impl_cpu` calls BLAS: column-major `?gemv_`
/// with 'n' for a matrix with unit stride down its columns, 't' for one with unit stride
/// along its rows, else 't' on a contiguous copy; `gemv` then sets the leading dimension
/// of a single column to the row count. MKL sums a single row or column differently under
/// the two flags, so the row-major call (which reads a (1, k) row as a transposed column)
/// rounded apart from PyTorch's for degenerate shapes (an `mv` backward of one column).
extension MKLProducts {
    /// out = beta·out + alpha·mat @ vec; false where ATen would leave BLAS (a vector
    /// stride of 0 or less).
    static func atenGemv(_ mkl: MKLLibrary, _ mat: Tensor, _ vec: Tensor, _ out: Tensor,
                         alpha: Double, beta: Double) throws(TensorError) -> Bool {
        let rows = mat.sizes[0], cols = mat.sizes[1]
        let incx = vec.strides[0], incy = out.strides[0]
        guard incx > 0 || vec.sizes[0] <= 1, incy > 0 || rows <= 1 else { return false }
        func ldaCond(_ m: Int, _ n: Int, _ lda: Int) -> Bool { n == 1 || lda >= Swift.max(1, m) }
        var a = mat
        let trans: Int32, m: Int, n: Int
        var lda: Int
        if mat.strides[0] == 1 && ldaCond(rows, cols, mat.strides[1]) {
            (trans, m, n, lda) = (noTrans, rows, cols, mat.strides[1])
        } else if mat.strides[1] == 1 && ldaCond(cols, rows, mat.strides[0]) {
            (trans, m, n, lda) = (Self.trans, cols, rows, mat.strides[0])
        } else {
            a = try mat.contiguousCopy()
            (trans, m, n, lda) = (Self.trans, cols, rows, a.strides[0])
        }
        if n == 1 { lda = m }
        guard lda >= Swift.max(1, m) else { return false }
        let ix = Int32(Swift.max(incx, 1)), iy = Int32(Swift.max(incy, 1))
        if out.dtype == .float32 {
            mkl.sgemv(colMajor, trans, Int32(m), Int32(n), Float(alpha), a.pointer(Float.self), Int32(lda),
                      vec.pointer(Float.self), ix, Float(beta), out.pointer(Float.self), iy)
        } else {
            mkl.dgemv(colMajor, trans, Int32(m), Int32(n), alpha, a.pointer(Double.self), Int32(lda),
                      vec.pointer(Double.self), ix, beta, out.pointer(Double.self), iy)
        }
        return true
    }
}
