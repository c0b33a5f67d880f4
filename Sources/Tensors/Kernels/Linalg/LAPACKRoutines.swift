#if canImport(Glibc)
import Glibc
#endif

/// The LAPACK routines behind `torch.linalg`, looked up by symbol in both precisions.
/// With MKL loaded they come from MKL — the LAPACK PyTorch's CPU build links statically —
/// so factorizations match PyTorch bit for bit; otherwise from the OpenBLAS this binary
/// links (same algorithms, the last bits may differ; docs/linalg.md).
///
/// Matrices travel as raw pointers so one C signature serves `s` and `d` routines alike;
/// character arguments carry gfortran's hidden length arguments at the end.
struct LAPACKRoutines: @unchecked Sendable {
    typealias P = UnsafeMutableRawPointer
    typealias IP = UnsafeMutablePointer<Int32>
    typealias CP = UnsafePointer<CChar>
    /// getrf(m, n, a, lda, ipiv, info)
    typealias GETRF = @convention(c) (IP, IP, P, IP, IP, IP) -> Void
    /// getrs(trans, n, nrhs, a, lda, ipiv, b, ldb, info, len)
    typealias GETRS = @convention(c) (CP, IP, IP, P, IP, IP, P, IP, IP, Int) -> Void
    /// potrf(uplo, n, a, lda, info, len) — also potri
    typealias POTRF = @convention(c) (CP, IP, P, IP, IP, Int) -> Void
    /// potrs(uplo, n, nrhs, a, lda, b, ldb, info, len)
    typealias POTRS = @convention(c) (CP, IP, IP, P, IP, P, IP, IP, Int) -> Void
    /// geqrf(m, n, a, lda, tau, work, lwork, info)
    typealias GEQRF = @convention(c) (IP, IP, P, IP, P, P, IP, IP) -> Void
    /// orgqr(m, n, k, a, lda, tau, work, lwork, info)
    typealias ORGQR = @convention(c) (IP, IP, IP, P, IP, P, P, IP, IP) -> Void
    /// ormqr(side, trans, m, n, k, a, lda, tau, c, ldc, work, lwork, info, len, len)
    typealias ORMQR = @convention(c) (CP, CP, IP, IP, IP, P, IP, P, P, IP, P, IP, IP, Int, Int) -> Void
    /// syevd(jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork, info, len, len)
    typealias SYEVD = @convention(c) (CP, CP, IP, P, IP, P, P, IP, IP, IP, IP, Int, Int) -> Void
    /// gesdd(jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, iwork, info, len)
    typealias GESDD = @convention(c) (CP, IP, IP, P, IP, P, P, IP, P, IP, P, IP, IP, IP, Int) -> Void
    /// trtrs(uplo, trans, diag, n, nrhs, a, lda, b, ldb, info, len, len, len)
    typealias TRTRS = @convention(c) (CP, CP, CP, IP, IP, P, IP, P, IP, IP, Int, Int, Int) -> Void

    /// trsm(side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb, len, len, len, len) — BLAS
    typealias TRSM = @convention(c) (CP, CP, CP, CP, IP, IP, P, P, IP, P, IP, Int, Int, Int, Int) -> Void

    /// gelsy(m, n, nrhs, a, lda, b, ldb, jpvt, rcond, rank, work, lwork, info)
    typealias GELSY = @convention(c) (IP, IP, IP, P, IP, P, IP, IP, P, IP, P, IP, IP) -> Void

    /// sytrf(uplo, n, a, lda, ipiv, work, lwork, info, len)
    typealias SYTRF = @convention(c) (CP, IP, P, IP, IP, P, IP, IP, Int) -> Void
    /// sytrs(uplo, n, nrhs, a, lda, ipiv, b, ldb, info, len)
    typealias SYTRS = @convention(c) (CP, IP, IP, P, IP, IP, P, IP, IP, Int) -> Void

    let sytrf: SYTRF, sytrs: SYTRS
    let trsm: TRSM
    let gelsy: GELSY
    let getrf: GETRF, getrs: GETRS, potrf: POTRF, potri: POTRF, potrs: POTRS
    let geqrf: GEQRF, orgqr: ORGQR, ormqr: ORMQR, syevd: SYEVD, gesdd: GESDD, trtrs: TRTRS
    /// Where the routines come from, for `docs/linalg.md`'s claim and the tests.
    let source: String

    /// The routines of one precision: prefix "s" (float32) or "d" (float64).
    private init?(handle: UnsafeMutableRawPointer?, prefix: String, source: String) {
        func f<F>(_ name: String, _ type: F.Type) -> F? {
            guard let s = dlsym(handle, prefix + name + "_") else { return nil }
            return unsafeBitCast(s, to: type)
        }
        guard let getrf = f("getrf", GETRF.self), let getrs = f("getrs", GETRS.self),
              let potrf = f("potrf", POTRF.self), let potri = f("potri", POTRF.self), let potrs = f("potrs", POTRS.self),
              let geqrf = f("geqrf", GEQRF.self), let orgqr = f("orgqr", ORGQR.self), let ormqr = f("ormqr", ORMQR.self),
              let syevd = f("syevd", SYEVD.self), let gesdd = f("gesdd", GESDD.self), let trtrs = f("trtrs", TRTRS.self),
              let trsm = f("trsm", TRSM.self), let gelsy = f("gelsy", GELSY.self),
              let sytrf = f("sytrf", SYTRF.self), let sytrs = f("sytrs", SYTRS.self)
        else { return nil }
        self.sytrf = sytrf; self.sytrs = sytrs
        self.trsm = trsm; self.gelsy = gelsy
        self.getrf = getrf; self.getrs = getrs; self.potrf = potrf; self.potri = potri; self.potrs = potrs
        self.geqrf = geqrf; self.orgqr = orgqr; self.ormqr = ormqr; self.syevd = syevd; self.gesdd = gesdd
        self.trtrs = trtrs; self.source = source
    }

    /// (float32, float64) routines, or nil when no LAPACK could be found.
    static let shared: (single: LAPACKRoutines, double: LAPACKRoutines)? = {
        // MKL is already loaded (RTLD_LOCAL): RTLD_NOLOAD hands back its handle.
        if let mkl = MKLLibrary.shared, let h = dlopen(mkl.path, RTLD_NOW | RTLD_NOLOAD),
           let s = LAPACKRoutines(handle: h, prefix: "s", source: "Intel MKL"),
           let d = LAPACKRoutines(handle: h, prefix: "d", source: "Intel MKL") {
            return (s, d)
        }
        let global = UnsafeMutableRawPointer(bitPattern: 0)
        if let s = LAPACKRoutines(handle: global, prefix: "s", source: "OpenBLAS"),
           let d = LAPACKRoutines(handle: global, prefix: "d", source: "OpenBLAS") {
            return (s, d)
        }
        return nil
    }()
}
