#if canImport(Glibc)
import Glibc
#endif
import Interpreter
import Tensors

/// LAPACK routines from the OpenBLAS already linked for BLAS (NumPy's wheel uses OpenBLAS's
/// LAPACK too), looked up by symbol so no header is needed.
enum LAPACK {
    typealias GESV = @convention(c) (UnsafePointer<Int32>, UnsafePointer<Int32>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>,
                                     UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>, UnsafeMutablePointer<Int32>) -> Void
    typealias GETRF = @convention(c) (UnsafePointer<Int32>, UnsafePointer<Int32>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>,
                                      UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) -> Void
    typealias SYEVD = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafePointer<Int32>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>,
                                      UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>,
                                      UnsafeMutablePointer<Int32>, UnsafePointer<Int32>, UnsafeMutablePointer<Int32>, Int, Int) -> Void
    typealias GEEV = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafePointer<Int32>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>,
                                     UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>,
                                     UnsafeMutablePointer<Double>, UnsafePointer<Int32>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>,
                                     UnsafeMutablePointer<Int32>, Int, Int) -> Void
    typealias GESDD = @convention(c) (UnsafePointer<CChar>, UnsafePointer<Int32>, UnsafePointer<Int32>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>,
                                      UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>, UnsafeMutablePointer<Double>,
                                      UnsafePointer<Int32>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>, UnsafeMutablePointer<Int32>,
                                      UnsafeMutablePointer<Int32>, Int) -> Void
    typealias GEQRF = @convention(c) (UnsafePointer<Int32>, UnsafePointer<Int32>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>,
                                      UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>, UnsafeMutablePointer<Int32>) -> Void
    typealias ORGQR = @convention(c) (UnsafePointer<Int32>, UnsafePointer<Int32>, UnsafePointer<Int32>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>,
                                      UnsafePointer<Double>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>, UnsafeMutablePointer<Int32>) -> Void
    typealias POTRF = @convention(c) (UnsafePointer<CChar>, UnsafePointer<Int32>, UnsafeMutablePointer<Double>, UnsafePointer<Int32>,
                                      UnsafeMutablePointer<Int32>, Int) -> Void

    static func symbol<T>(_ name: String, _ type: T.Type) throws -> T {
        guard let p = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
            throw PyError.runtimeError("LAPACK routine \(name) is not available")
        }
        return unsafeBitCast(p, to: type)
    }
}

extension NumPyRuntime {
    /// A square (or m×n) float64 matrix in column-major order.
    func columnMajor(_ a: NDArray) -> (v: [Double], m: Int, n: Int) {
        let m = a.shape[a.ndim - 2], n = a.shape[a.ndim - 1]
        let rm = a.doubles()
        var cm = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { cm[j * m + i] = rm[i * n + j] } }
        return (cm, m, n)
    }

    func rowMajor(_ cm: [Double], _ m: Int, _ n: Int, ld: Int? = nil) -> [Double] {
        let l = ld ?? m
        var rm = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { rm[i * n + j] = cm[j * l + i] } }
        return rm
    }

    func matrixArg(_ interp: Interpreter, _ v: PyValue, square: Bool) throws -> NDArray {
        let a = try asArray(interp, v)
        if a.ndim < 2 {
            throw PyError(type: "numpy.linalg.LinAlgError", message: "\(a.ndim)-dimensional array given. Array must be at least two-dimensional")
        }
        if a.ndim > 2 { throw PyError(type: "numpy.linalg.LinAlgError", message: "stacked matrices are not supported here") }
        if square && a.shape[0] != a.shape[1] {
            throw PyError(type: "numpy.linalg.LinAlgError", message: "Last 2 dimensions of the array must be square")
        }
        return a
    }

    func buildLinalg(_ interp: Interpreter, _ m: PyModule) throws {
        func lapackDType(_ a: NDArray) -> DType { a.dtype == .float32 ? .float32 : .float64 }
        m.addFunction("_lu_slogdet") { interp, args in
            let a = try self.matrixArg(interp, args[0], square: true)
            var (v, n, _) = self.columnMajor(a)
            var nn = Int32(n), lda = Int32(max(n, 1)), info: Int32 = 0
            var piv = [Int32](repeating: 0, count: max(n, 1))
            let getrf = try LAPACK.symbol("dgetrf_", LAPACK.GETRF.self)
            getrf(&nn, &nn, &v, &lda, &piv, &info)
            if info > 0 { return .tuple([.float(0), .float(-.infinity)]) }
            var sign = 1.0, logdet = 0.0
            for i in 0..<n {
                if piv[i] != Int32(i + 1) { sign = -sign }
                let d = v[i * n + i]
                if d < 0 { sign = -sign }
                logdet += log(abs(d))
            }
            return .tuple([.float(sign), .float(logdet)])
        }
        m.addFunction("_solve") { interp, args in
            let a = try self.matrixArg(interp, args[0], square: true)
            let b = try self.asArray(interp, args[1])
            var (av, n, _) = self.columnMajor(a)
            let bm = b.ndim == 1 ? try self.reshape(b, [b.shape[0], 1]) : b
            if bm.shape[0] != n {
                throw PyError.valueError("solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n) (size \(bm.shape[0]) is different from \(n))")
            }
            var (bv, _, nrhs) = self.columnMajor(bm)
            var nn = Int32(n), nr = Int32(nrhs), lda = Int32(max(n, 1)), info: Int32 = 0
            var piv = [Int32](repeating: 0, count: max(n, 1))
            let gesv = try LAPACK.symbol("dgesv_", LAPACK.GESV.self)
            gesv(&nn, &nr, &av, &lda, &piv, &bv, &lda, &info)
            if info > 0 { throw PyError(type: "numpy.linalg.LinAlgError", message: "Singular matrix") }
            let r = self.rowMajor(bv, n, nrhs)
            return self.wrap(interp, try NDArray.make(doubles: r, shape: b.ndim == 1 ? [n] : [n, nrhs], dtype: lapackDType(a)))
        }
        m.addFunction("_eigh") { interp, args in
            let a = try self.matrixArg(interp, args[0], square: true)
            let uplo = args.count > 1 ? (args[1].asString ?? "L") : "L"
            let vectors = args.count > 2 ? try interp.truthy(args[2]) : true
            var (v, n, _) = self.columnMajor(a)
            var w = [Double](repeating: 0, count: max(n, 1))
            var nn = Int32(n), lda = Int32(max(n, 1)), info: Int32 = 0
            var lwork: Int32 = -1, liwork: Int32 = -1
            var wq = [Double](repeating: 0, count: 1); var iq = [Int32](repeating: 0, count: 1)
            let syevd = try LAPACK.symbol("dsyevd_", LAPACK.SYEVD.self)
            let jobz: CChar = vectors ? 86 : 78, ul: CChar = uplo == "U" ? 85 : 76
            var jz = jobz, u = ul
            syevd(&jz, &u, &nn, &v, &lda, &w, &wq, &lwork, &iq, &liwork, &info, 1, 1)
            lwork = Int32(wq[0]); liwork = iq[0]
            var work = [Double](repeating: 0, count: Int(lwork)); var iwork = [Int32](repeating: 0, count: Int(liwork))
            syevd(&jz, &u, &nn, &v, &lda, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
            if info > 0 { throw PyError(type: "numpy.linalg.LinAlgError", message: "Eigenvalues did not converge") }
            let t = lapackDType(a)
            let wv = self.wrap(interp, try NDArray.make(doubles: Array(w.prefix(n)), shape: [n], dtype: t))
            if !vectors { return wv }
            return .tuple([wv, self.wrap(interp, try NDArray.make(doubles: self.rowMajor(v, n, n), shape: [n, n], dtype: t))])
        }
        m.addFunction("_eig") { interp, args in
            let a = try self.matrixArg(interp, args[0], square: true)
            let vectors = args.count > 1 ? try interp.truthy(args[1]) : true
            var (v, n, _) = self.columnMajor(a)
            var wr = [Double](repeating: 0, count: max(n, 1)), wi = wr
            var vl = [Double](repeating: 0, count: 1), vr = [Double](repeating: 0, count: max(n * n, 1))
            var nn = Int32(n), lda = Int32(max(n, 1)), one: Int32 = 1, info: Int32 = 0, lwork: Int32 = -1
            var jl: CChar = 78, jr: CChar = vectors ? 86 : 78
            var wq = [Double](repeating: 0, count: 1)
            let geev = try LAPACK.symbol("dgeev_", LAPACK.GEEV.self)
            var ldvr = Int32(max(n, 1))
            geev(&jl, &jr, &nn, &v, &lda, &wr, &wi, &vl, &one, &vr, &ldvr, &wq, &lwork, &info, 1, 1)
            lwork = Int32(wq[0])
            var work = [Double](repeating: 0, count: Int(lwork))
            geev(&jl, &jr, &nn, &v, &lda, &wr, &wi, &vl, &one, &vr, &ldvr, &work, &lwork, &info, 1, 1)
            if info > 0 { throw PyError(type: "numpy.linalg.LinAlgError", message: "Eigenvalues did not converge") }
            if wi.prefix(n).contains(where: { $0 != 0 }) {
                throw PyError.valueError("complex eigenvalues are not supported by this numpy")
            }
            let t = lapackDType(a)
            let wv = self.wrap(interp, try NDArray.make(doubles: Array(wr.prefix(n)), shape: [n], dtype: t))
            if !vectors { return wv }
            return .tuple([wv, self.wrap(interp, try NDArray.make(doubles: self.rowMajor(vr, n, n), shape: [n, n], dtype: t))])
        }
        m.addFunction("_svd") { interp, args in
            let a = try self.matrixArg(interp, args[0], square: false)
            let full = try interp.truthy(args[1]), uv = try interp.truthy(args[2])
            var (v, mm, n) = self.columnMajor(a)
            let k = min(mm, n)
            let job: CChar = !uv ? 78 : (full ? 65 : 83)
            let ucols = full ? mm : k, vtrows = full ? n : k
            var s = [Double](repeating: 0, count: max(k, 1))
            var u = [Double](repeating: 0, count: max(mm * ucols, 1)), vt = [Double](repeating: 0, count: max(vtrows * n, 1))
            var jb = job, m32 = Int32(mm), n32 = Int32(n), lda = Int32(max(mm, 1)), ldu = Int32(max(mm, 1)), ldvt = Int32(max(vtrows, 1))
            var info: Int32 = 0, lwork: Int32 = -1
            var iwork = [Int32](repeating: 0, count: 8 * max(k, 1))
            var wq = [Double](repeating: 0, count: 1)
            let gesdd = try LAPACK.symbol("dgesdd_", LAPACK.GESDD.self)
            gesdd(&jb, &m32, &n32, &v, &lda, &s, &u, &ldu, &vt, &ldvt, &wq, &lwork, &iwork, &info, 1)
            lwork = Int32(wq[0])
            var work = [Double](repeating: 0, count: Int(lwork))
            gesdd(&jb, &m32, &n32, &v, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info, 1)
            if info > 0 { throw PyError(type: "numpy.linalg.LinAlgError", message: "SVD did not converge") }
            let t = lapackDType(a)
            let sv = self.wrap(interp, try NDArray.make(doubles: Array(s.prefix(k)), shape: [k], dtype: t))
            if !uv { return sv }
            let uA = try NDArray.make(doubles: self.rowMajor(u, mm, ucols), shape: [mm, ucols], dtype: t)
            let vA = try NDArray.make(doubles: self.rowMajor(vt, vtrows, n, ld: Int(ldvt)), shape: [vtrows, n], dtype: t)
            return .tuple([self.wrap(interp, uA), sv, self.wrap(interp, vA)])
        }
        m.addFunction("_qr") { interp, args in
            let a = try self.matrixArg(interp, args[0], square: false)
            let mode = args.count > 1 ? (args[1].asString ?? "reduced") : "reduced"
            var (v, mm, n) = self.columnMajor(a)
            let k = min(mm, n)
            var tau = [Double](repeating: 0, count: max(k, 1))
            var m32 = Int32(mm), n32 = Int32(n), lda = Int32(max(mm, 1)), info: Int32 = 0, lwork: Int32 = -1
            var wq = [Double](repeating: 0, count: 1)
            let geqrf = try LAPACK.symbol("dgeqrf_", LAPACK.GEQRF.self)
            geqrf(&m32, &n32, &v, &lda, &tau, &wq, &lwork, &info)
            lwork = Int32(max(wq[0], 1)); var work = [Double](repeating: 0, count: Int(lwork))
            geqrf(&m32, &n32, &v, &lda, &tau, &work, &lwork, &info)
            let t = lapackDType(a)
            let qcols = mode == "complete" ? mm : k
            let rrows = mode == "complete" ? mm : k
            var r = [Double](repeating: 0, count: rrows * n)
            for i in 0..<rrows { for j in 0..<n where j >= i && i < k || (j >= i && i < mm) { r[i * n + j] = i < mm ? v[j * mm + i] : 0 } }
            let rA = try NDArray.make(doubles: r, shape: [rrows, n], dtype: t)
            if mode == "r" { return self.wrap(interp, rA) }
            var q = [Double](repeating: 0, count: mm * max(qcols, n))
            for j in 0..<min(n, qcols) { for i in 0..<mm { q[j * mm + i] = v[j * mm + i] } }
            var qc = Int32(qcols), kk = Int32(k)
            let orgqr = try LAPACK.symbol("dorgqr_", LAPACK.ORGQR.self)
            lwork = -1
            orgqr(&m32, &qc, &kk, &q, &lda, &tau, &wq, &lwork, &info)
            lwork = Int32(max(wq[0], 1)); work = [Double](repeating: 0, count: Int(lwork))
            orgqr(&m32, &qc, &kk, &q, &lda, &tau, &work, &lwork, &info)
            let qA = try NDArray.make(doubles: self.rowMajor(q, mm, qcols), shape: [mm, qcols], dtype: t)
            return .tuple([self.wrap(interp, qA), self.wrap(interp, rA)])
        }
        m.addFunction("_cholesky") { interp, args in
            let a = try self.matrixArg(interp, args[0], square: true)
            let upper = args.count > 1 ? try interp.truthy(args[1]) : false
            var (v, n, _) = self.columnMajor(a)
            var ul: CChar = upper ? 85 : 76, nn = Int32(n), lda = Int32(max(n, 1)), info: Int32 = 0
            let potrf = try LAPACK.symbol("dpotrf_", LAPACK.POTRF.self)
            potrf(&ul, &nn, &v, &lda, &info, 1)
            if info > 0 { throw PyError(type: "numpy.linalg.LinAlgError", message: "Matrix is not positive definite") }
            var r = self.rowMajor(v, n, n)
            for i in 0..<n { for j in 0..<n where upper ? j < i : j > i { r[i * n + j] = 0 } }
            return self.wrap(interp, try NDArray.make(doubles: r, shape: [n, n], dtype: lapackDType(a)))
        }
    }
}
