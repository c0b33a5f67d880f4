#if canImport(Glibc)
import Glibc
#endif

/// `geev(jobvl, jobvr, n, a, lda, wr, wi, vl, ldvl, vr, ldvr, work, lwork, info, len, len)`,
/// looked up like the other routines (`LAPACKRoutines`): MKL's when it is loaded, else
/// OpenBLAS's. Kept apart from `LAPACKRoutines` so `linalg.eig` is one self-contained idea.
struct GeevRoutine: @unchecked Sendable {
    typealias P = UnsafeMutableRawPointer
    typealias IP = UnsafeMutablePointer<Int32>
    typealias CP = UnsafePointer<CChar>
    typealias GEEV = @convention(c) (CP, CP, IP, P, IP, P, P, P, IP, P, IP, P, IP, IP, Int, Int) -> Void
    let call: GEEV

    static let shared: (single: GeevRoutine, double: GeevRoutine)? = {
        func pair(_ handle: UnsafeMutableRawPointer?) -> (GeevRoutine, GeevRoutine)? {
            guard let s = dlsym(handle, "sgeev_"), let d = dlsym(handle, "dgeev_") else { return nil }
            return (GeevRoutine(call: unsafeBitCast(s, to: GEEV.self)), GeevRoutine(call: unsafeBitCast(d, to: GEEV.self)))
        }
        if let mkl = MKLLibrary.shared, let h = dlopen(mkl.path, RTLD_NOW | RTLD_NOLOAD), let p = pair(h) { return p }
        return pair(UnsafeMutableRawPointer(bitPattern: 0))
    }()
}

/// The general (non-symmetric) eigen-decomposition behind `torch.linalg.eig`/`eigvals`:
/// LAPACK `geev` with jobvl 'N' and jobvr 'V' (or 'N' for values only), as PyTorch's CPU
/// `apply_linalg_eig`, then its `linalg_eig_make_complex_eigenvectors`: LAPACK returns
/// eigenvalues as separate real/imaginary arrays and a conjugate pair's eigenvectors as two
/// real columns (re, im), which become columns re + i·im and re − i·im.
extension LinalgKernels {
    /// Complex eigenvalues (complex64/complex128, shape `(..., n)`), complex eigenvectors
    /// in the columns (column-major, shape `(..., n, n)`, or empty when `vectors` is false)
    /// and LAPACK's info per matrix.
    public static func generalEigen(_ a: Tensor, vectors: Bool) throws(TensorError) -> (values: Tensor, vectors: Tensor, info: Tensor) {
        guard let routines = GeevRoutine.shared else { throw .runtime("LAPACK is not available in this build of Gradbook") }
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type, _ geev: GeevRoutine) throws(TensorError) -> (Tensor, Tensor, Tensor) {
            var m = try MatrixBatch<T>(a)
            let n = m.rows
            var wr = VectorBatch<T>(batch: m.batch, length: n, zero: 0)
            var wi = VectorBatch<T>(batch: m.batch, length: n, zero: 0)
            var vr = MatrixBatch<T>(zeros: m.batch, rows: vectors ? n : 0, cols: vectors ? n : 0)
            var info = VectorBatch<Int32>(batch: m.batch, length: 1, zero: 0)
            var nn = Int32(n), lda = Int32(Swift.max(1, n)), ldvl: Int32 = 1, ldvr = Int32(vectors ? Swift.max(1, n) : 1)
            let jobvr = vectors ? "V" : "N"
            var vl: [T] = [0, 0]
            func call(_ b: Int, _ work: UnsafeMutableRawPointer, _ lwork: inout Int32, _ inf: UnsafeMutablePointer<Int32>) {
                m.withMatrix(b) { p in wr.withVector(b) { re in wi.withVector(b) { im in vr.withMatrixOrScratch(b) { v in
                    vl.withUnsafeMutableBytes { l in
                        geev.call("N", jobvr, &nn, p, &lda, UnsafeMutableRawPointer(re), UnsafeMutableRawPointer(im),
                                  l.baseAddress!, &ldvl, v, &ldvr, work, &lwork, inf, 1, 1)
                    } } } } }
            }
            if m.size > 0 {
                var query: [T] = [0], lwork: Int32 = -1, qinfo: Int32 = 0
                query.withUnsafeMutableBytes { w in call(0, w.baseAddress!, &lwork, &qinfo) }
                lwork = workspaceSize(query[0])
                var work = [T](repeating: 0, count: Int(lwork))
                for b in 0..<m.count {
                    var inf: Int32 = 0
                    work.withUnsafeMutableBytes { w in call(b, w.baseAddress!, &lwork, &inf) }
                    info.data[b] = inf
                }
            }
            let count = m.count
            // Eigenvalues as (re, im) pairs.
            var values = [Double](repeating: 0, count: count * n * 2)
            for b in 0..<count {
                for j in 0..<n {
                    values[(b * n + j) * 2] = Double(wr.data[b * n + j])
                    values[(b * n + j) * 2 + 1] = Double(wi.data[b * n + j])
                }
            }
            let complexType: DType = a.dtype == .float32 ? .complex64 : .complex128
            let valueTensor = try Tensor(values: values, shape: m.batch + [n, 2], dtype: a.dtype).viewAsComplex()
            var vectorTensor = try Tensor(empty: [0], dtype: complexType, device: .cpu)
            if vectors {
                // Column-major pairs: storage order (batch, column j, row i, re/im).
                var pairs = [Double](repeating: 0, count: count * n * n * 2)
                for b in 0..<count {
                    var j = 0
                    while j < n {
                        let imag = wi.data[b * n + j]
                        if imag == 0 || j + 1 == n {
                            for i in 0..<n {
                                let at: Int = ((b * n + j) * n + i) * 2
                                pairs[at] = Double(vr[b, i, j])
                            }
                            j += 1
                        } else {
                            for i in 0..<n {
                                let re = Double(vr[b, i, j]), im = Double(vr[b, i, j + 1])
                                let first: Int = ((b * n + j) * n + i) * 2
                                let second: Int = first + n * 2
                                pairs[first] = re
                                pairs[first + 1] = im
                                pairs[second] = re
                                pairs[second + 1] = -im
                            }
                            j += 2
                        }
                    }
                }
                let k = m.batch.count
                vectorTensor = try Tensor(values: pairs, shape: m.batch + [n, n, 2], dtype: a.dtype).viewAsComplex()
                    .transpose(k, k + 1)
            }
            return (valueTensor, vectorTensor, try int32Tensor(info.values, m.batch))
        }
        switch a.dtype {
        case .float32: return try run(Float.self, routines.single)
        case .float64: return try run(Double.self, routines.double)
        default: throw .runtime("linalg: LAPACK routines need float32 or float64, got \(a.dtype)")
        }
    }
}
