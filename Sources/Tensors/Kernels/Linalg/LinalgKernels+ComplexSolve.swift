#if canImport(Glibc)
import Glibc
#endif

/// MKL's complex LU routines (`cgetrf`/`zgetrf`, `cgetrs`/`zgetrs`), which PyTorch's CPU
/// `linalg.solve` calls for complex matrices: the gradient of `linalg.eig`/`eigvals`
/// solves with the conjugate transpose of the eigenvectors. Nil without MKL.
struct ComplexLAPACK: @unchecked Sendable {
    typealias P = UnsafeMutableRawPointer
    typealias IP = UnsafeMutablePointer<Int32>
    typealias CP = UnsafePointer<CChar>
    /// getrf(m, n, a, lda, ipiv, info)
    typealias GETRF = @convention(c) (IP, IP, P, IP, IP, IP) -> Void
    /// getrs(trans, n, nrhs, a, lda, ipiv, b, ldb, info, len)
    typealias GETRS = @convention(c) (CP, IP, IP, P, IP, IP, P, IP, IP, Int) -> Void
    let getrf: GETRF, getrs: GETRS

    static let shared: (single: ComplexLAPACK, double: ComplexLAPACK)? = {
        guard let mkl = MKLLibrary.shared, let h = dlopen(mkl.path, RTLD_NOW | RTLD_NOLOAD) else { return nil }
        func f<F>(_ name: String, _ type: F.Type) -> F? {
            dlsym(h, name).map { unsafeBitCast($0, to: type) }
        }
        guard let cf = f("cgetrf_", GETRF.self), let cs = f("cgetrs_", GETRS.self),
              let zf = f("zgetrf_", GETRF.self), let zs = f("zgetrs_", GETRS.self) else { return nil }
        return (ComplexLAPACK(getrf: cf, getrs: cs), ComplexLAPACK(getrf: zf, getrs: zs))
    }()
}

extension LinalgKernels {
    /// `linalg.solve(A, B)` for complex A (…, n, n) and B (…, n, k) of one batch shape, as
    /// ATen runs it for complex inputs: `getrf` of a column-major copy of A, then `getrs`
    /// ('N') on a column-major copy of B. Returns X and getrf's info per matrix.
    public static func complexSolve(_ a: Tensor, _ b: Tensor) throws(TensorError) -> (x: Tensor, info: Tensor) {
        guard a.dtype.isComplex, a.dtype == b.dtype, a.device == .cpu, b.device == .cpu else {
            throw .runtime("complexSolve: expected complex CPU tensors of one dtype")
        }
        guard let routines = ComplexLAPACK.shared else {
            throw .notImplemented("Gradbook solves complex systems with Intel MKL only (not loaded)")
        }
        let r = a.dtype == .complex64 ? routines.single : routines.double
        let n = a.sizes[a.rank - 1], k = b.sizes[b.rank - 1]
        let batch = Array(a.sizes.dropLast(2))
        let count = batch.reduce(1, *)
        let ac = try a.contiguousCopy(), bc = try b.contiguousCopy()
        let out = try Tensor(empty: batch + [n, k], dtype: a.dtype, device: .cpu)
        var infos = [Int32](repeating: 0, count: count)
        func run<T: BinaryFloatingPoint>(_: T.Type) {
            let pa = (ac.storage.data + ac.offset * ac.dtype.itemSize).assumingMemoryBound(to: T.self)
            let pb = (bc.storage.data + bc.offset * bc.dtype.itemSize).assumingMemoryBound(to: T.self)
            let po = (out.storage.data + out.offset * out.dtype.itemSize).assumingMemoryBound(to: T.self)
            var lu = [T](repeating: 0, count: 2 * n * n), x = [T](repeating: 0, count: 2 * n * k)
            var piv = [Int32](repeating: 0, count: Swift.max(1, n))
            var nn = Int32(n), nrhs = Int32(k), ld = Int32(Swift.max(1, n)), ldb = Int32(Swift.max(1, n)), info: Int32 = 0
            for m in 0..<count {
                // Column-major copies (cloneBatchedColumnMajor).
                for i in 0..<n { for j in 0..<n {
                    let s = 2 * (m * n * n + i * n + j), d = 2 * (j * n + i)
                    lu[d] = pa[s]; lu[d + 1] = pa[s + 1]
                } }
                for i in 0..<n { for j in 0..<k {
                    let s = 2 * (m * n * k + i * k + j), d = 2 * (j * n + i)
                    x[d] = pb[s]; x[d + 1] = pb[s + 1]
                } }
                var mm = nn
                lu.withUnsafeMutableBytes { l in piv.withUnsafeMutableBufferPointer { p in
                    r.getrf(&mm, &nn, l.baseAddress!, &ld, p.baseAddress!, &info)
                } }
                infos[m] = info
                if k > 0 && n > 0 {
                    lu.withUnsafeMutableBytes { l in piv.withUnsafeMutableBufferPointer { p in x.withUnsafeMutableBytes { q in
                        r.getrs("N", &nn, &nrhs, l.baseAddress!, &ld, p.baseAddress!, q.baseAddress!, &ldb, &info, 1)
                    } } }
                }
                for i in 0..<n { for j in 0..<k {
                    let s = 2 * (j * n + i), d = 2 * (m * n * k + i * k + j)
                    po[d] = x[s]; po[d + 1] = x[s + 1]
                } }
            }
        }
        if a.dtype == .complex64 { run(Float.self) } else { run(Double.self) }
        return (out, try int32Tensor(infos, batch))
    }
}
