/// ATen's `cpublas::gemm` for float and double: column-major
/// C = alpha·op(A)·op(B) + beta·C handed to MKL's `?gemm` exactly as ATen hands it, so the
/// same transposes and leading dimensions reach the same kernel (MKL sums another way for
/// (T, N) than for the call `addmm` makes of the same product, e.g. with one column).
enum CPUBlas {
    /// Runs the product on MKL and returns true; false without MKL, for the caller's own loop.
    static func gemm<T: BinaryFloatingPoint>(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
                                             _ alpha: T, _ a: UnsafePointer<T>, _ lda: Int, _ b: UnsafePointer<T>, _ ldb: Int,
                                             _ beta: T, _ c: UnsafeMutablePointer<T>, _ ldc: Int) -> Bool {
        guard let mkl = MKLLibrary.shared, k > 0, max(m, n, k, lda, ldb, ldc) <= Int(Int32.max) else { return false }
        let ta: Int32 = transA ? 112 : 111, tb: Int32 = transB ? 112 : 111
        if T.self == Float.self {
            mkl.sgemm(102, ta, tb, Int32(m), Int32(n), Int32(k), Float(alpha),
                      UnsafeRawPointer(a).assumingMemoryBound(to: Float.self), Int32(lda),
                      UnsafeRawPointer(b).assumingMemoryBound(to: Float.self), Int32(ldb),
                      Float(beta), UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self), Int32(ldc))
            return true
        }
        if T.self == Double.self {
            mkl.dgemm(102, ta, tb, Int32(m), Int32(n), Int32(k), Double(alpha),
                      UnsafeRawPointer(a).assumingMemoryBound(to: Double.self), Int32(lda),
                      UnsafeRawPointer(b).assumingMemoryBound(to: Double.self), Int32(ldb),
                      Double(beta), UnsafeMutableRawPointer(c).assumingMemoryBound(to: Double.self), Int32(ldc))
            return true
        }
        return false
    }
}
