/// A 1×1 matrix product (a row times a column: `mm` or `addmm` of (1, k) by (k, 1)) called
/// as ATen's `addmm_impl_cpu_` calls BLAS. A 1×1 result is column-major to ATen (its first
/// stride is 1 and it has one column), so ATen keeps the operands in order, picks each one's
/// transpose flag from its strides and `cpublas::normalize_last_dims` fixes the leading
/// dimensions: `?gemm_(ta, tb, 1, 1, k, a, lda, b, ldb)`. The row-major call the other
/// products take swaps the operands, and MKL's 1×1 kernels then sum in another order
/// (measured: 12 of 98 random (1, k)·(k, 1) products apart in float32 and in float64).
extension MKLProducts {
    /// ATen's flag and leading dimension for the (1, k) left operand with strides `s0`,
    /// `s1`, and for the (k, 1) right one with `t0`, `t1`; nil where ATen would copy the
    /// operand first (the caller's ordinary path then runs).
    static func dotShapedFlags(k: Int, _ s0: Int, _ s1: Int, _ t0: Int, _ t1: Int)
        -> (aTransposed: Bool, lda: Int, bTransposed: Bool, ldb: Int)? {
        let a: (Bool, Int)
        if s0 == 1 && s1 >= 1 {
            a = (false, k == 1 ? 1 : s1)
        } else if s1 == 1 && s0 >= Swift.max(1, k) {
            a = (true, k)
        } else {
            return nil
        }
        let b: (Bool, Int)
        if t0 == 1 && t1 >= Swift.max(1, k) {
            b = (false, k)
        } else if t1 == 1 && t0 >= 1 {
            b = (true, k == 1 ? 1 : t0)
        } else {
            return nil
        }
        return (a.0, a.1, b.0, b.1)
    }

    /// out[0] = beta·out[0] + alpha·a·b for one (1, k)·(k, 1) product, column-major as ATen
    /// calls it; false (nothing written) where ATen would copy an operand.
    static func dotShapedGemm(_ mkl: MKLLibrary, _ a: Tensor, _ b: Tensor, _ out: Tensor, alpha: Double, beta: Double) -> Bool {
        let k = a.sizes[2]
        guard k > 0, let f = dotShapedFlags(k: k, a.strides[1], a.strides[2], b.strides[1], b.strides[2]) else { return false }
        let ta = f.aTransposed ? trans : noTrans, tb = f.bTransposed ? trans : noTrans
        if out.dtype == .float32 {
            mkl.sgemm(colMajor, ta, tb, 1, 1, Int32(k), Float(alpha), a.pointer(Float.self), Int32(f.lda),
                      b.pointer(Float.self), Int32(f.ldb), Float(beta), out.pointer(Float.self), 1)
        } else {
            mkl.dgemm(colMajor, ta, tb, 1, 1, Int32(k), alpha, a.pointer(Double.self), Int32(f.lda),
                      b.pointer(Double.self), Int32(f.ldb), beta, out.pointer(Double.self), 1)
        }
        return true
    }
}
