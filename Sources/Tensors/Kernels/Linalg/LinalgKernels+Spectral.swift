/// QR (Householder), symmetric eigen-decomposition and SVD: `geqrf`/`orgqr`/`ormqr`,
/// `syevd` and `gesdd` — the drivers PyTorch's CPU build uses for `linalg.qr`,
/// `linalg.eigh` and `linalg.svd`.
extension LinalgKernels {
    /// `geqrf`: Householder reflectors below the diagonal and R on and above it, plus `tau`.
    public static func geqrf(_ a: Tensor) throws(TensorError) -> (a: Tensor, tau: Tensor) {
        let r = try routines(a.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> (Tensor, Tensor) {
            var m = try MatrixBatch<T>(a)
            let k = Swift.min(m.rows, m.cols)
            var tau = VectorBatch<T>(batch: m.batch, length: k, zero: 0)
            var rows = Int32(m.rows), cols = Int32(m.cols), ld = Int32(Swift.max(1, m.rows)), info: Int32 = 0
            if m.size > 0 {
                var query: [T] = [0], lwork: Int32 = -1
                m.withMatrix(0) { p in tau.withVector(0) { t in query.withUnsafeMutableBytes { w in
                    r.geqrf(&rows, &cols, p, &ld, UnsafeMutableRawPointer(t), w.baseAddress!, &lwork, &info) } } }
                lwork = workspaceSize(query[0])
                var work = [T](repeating: 0, count: Int(lwork))
                for b in 0..<m.count {
                    m.withMatrix(b) { p in tau.withVector(b) { t in work.withUnsafeMutableBytes { w in
                        r.geqrf(&rows, &cols, p, &ld, UnsafeMutableRawPointer(t), w.baseAddress!, &lwork, &info) } } }
                }
            }
            return (try m.tensor(a.dtype), try floatTensor(tau.values, m.batch + [k], a.dtype))
        }
        return try typed(a.dtype) { t throws(TensorError) in try run(t) }
    }

    /// `orgqr`: the first n columns of Q = H₁…H_k from `geqrf`'s reflectors in the (m, n)
    /// matrix `a` (n ≤ m) and `tau` (k ≤ n).
    public static func orgqr(_ a: Tensor, _ tau: Tensor) throws(TensorError) -> Tensor {
        let r = try routines(a.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> Tensor {
            var m = try MatrixBatch<T>(a)
            let k = tau.sizes.last ?? 0
            var taus = try tau.elements(as: T.self)
            var rows = Int32(m.rows), cols = Int32(m.cols), kk = Int32(k), ld = Int32(Swift.max(1, m.rows)), info: Int32 = 0
            if m.size > 0 {
                var query: [T] = [0], lwork: Int32 = -1
                if taus.isEmpty { taus = [0] }
                m.withMatrix(0) { p in taus.withUnsafeMutableBytes { t in query.withUnsafeMutableBytes { w in
                    r.orgqr(&rows, &cols, &kk, p, &ld, t.baseAddress!, w.baseAddress!, &lwork, &info) } } }
                lwork = workspaceSize(query[0])
                var work = [T](repeating: 0, count: Int(lwork))
                for b in 0..<m.count {
                    m.withMatrix(b) { p in taus.withUnsafeMutableBytes { t in work.withUnsafeMutableBytes { w in
                        r.orgqr(&rows, &cols, &kk, p, &ld, t.baseAddress! + b * k * MemoryLayout<T>.stride, w.baseAddress!, &lwork, &info) } } }
                }
            }
            return try m.tensor(a.dtype)
        }
        return try typed(a.dtype) { t throws(TensorError) in try run(t) }
    }

    /// `ormqr`: op(Q) C (left) or C op(Q) (right) with Q given by `geqrf`'s reflectors.
    public static func ormqr(_ a: Tensor, _ tau: Tensor, _ c: Tensor, left: Bool, transpose: Bool) throws(TensorError) -> Tensor {
        let r = try routines(a.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> Tensor {
            var m = try MatrixBatch<T>(a), x = try MatrixBatch<T>(c)
            let k = tau.sizes.last ?? 0
            var taus = try tau.elements(as: T.self)
            if taus.isEmpty { taus = [0] }
            var rows = Int32(x.rows), cols = Int32(x.cols), kk = Int32(k), lda = Int32(Swift.max(1, m.rows))
            var ldc = Int32(Swift.max(1, x.rows)), info: Int32 = 0
            let side = left ? "L" : "R", trans = transpose ? "T" : "N"
            if m.size > 0 && x.size > 0 {
                var query: [T] = [0], lwork: Int32 = -1
                m.withMatrix(0) { p in x.withMatrix(0) { q in taus.withUnsafeMutableBytes { t in query.withUnsafeMutableBytes { w in
                    r.ormqr(side, trans, &rows, &cols, &kk, p, &lda, t.baseAddress!, q, &ldc, w.baseAddress!, &lwork, &info, 1, 1) } } } }
                lwork = workspaceSize(query[0])
                var work = [T](repeating: 0, count: Int(lwork))
                for b in 0..<m.count {
                    m.withMatrix(b) { p in x.withMatrix(b) { q in taus.withUnsafeMutableBytes { t in work.withUnsafeMutableBytes { w in
                        r.ormqr(side, trans, &rows, &cols, &kk, p, &lda, t.baseAddress! + b * k * MemoryLayout<T>.stride, q, &ldc,
                                w.baseAddress!, &lwork, &info, 1, 1) } } } }
                }
            }
            return try x.tensor(c.dtype)
        }
        return try typed(a.dtype) { t throws(TensorError) in try run(t) }
    }

    /// `syevd`: eigenvalues (ascending) and, when `vectors`, orthonormal eigenvectors in
    /// the columns, of the symmetric matrices whose `upper` or lower triangle is read.
    public static func symmetricEigen(_ a: Tensor, vectors: Bool, upper: Bool) throws(TensorError) -> (values: Tensor, vectors: Tensor, info: Tensor) {
        let r = try routines(a.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> (Tensor, Tensor, Tensor) {
            var m = try MatrixBatch<T>(a)
            var w = VectorBatch<T>(batch: m.batch, length: m.rows, zero: 0)
            var info = VectorBatch<Int32>(batch: m.batch, length: 1, zero: 0)
            var n = Int32(m.rows), ld = Int32(Swift.max(1, m.rows))
            let jobz = vectors ? "V" : "N", uplo = upper ? "U" : "L"
            if m.size > 0 {
                var query: [T] = [0], iquery: [Int32] = [0], lwork: Int32 = -1, liwork: Int32 = -1, qinfo: Int32 = 0
                m.withMatrix(0) { p in w.withVector(0) { e in query.withUnsafeMutableBytes { wk in
                    r.syevd(jobz, uplo, &n, p, &ld, UnsafeMutableRawPointer(e), wk.baseAddress!, &lwork, &iquery, &liwork, &qinfo, 1, 1) } } }
                lwork = workspaceSize(query[0]); liwork = Swift.max(1, iquery[0])
                var work = [T](repeating: 0, count: Int(lwork)), iwork = [Int32](repeating: 0, count: Int(liwork))
                for b in 0..<m.count {
                    m.withMatrix(b) { p in w.withVector(b) { e in info.withVector(b) { inf in work.withUnsafeMutableBytes { wk in
                        r.syevd(jobz, uplo, &n, p, &ld, UnsafeMutableRawPointer(e), wk.baseAddress!, &lwork, &iwork, &liwork, inf, 1, 1) } } } }
                }
            }
            let vecs = vectors ? try m.tensor(a.dtype) : try Tensor.empty([0], dtype: a.dtype)
            return (try floatTensor(w.values, m.batch + [m.rows], a.dtype), vecs, try int32Tensor(info.values, m.batch))
        }
        return try typed(a.dtype) { t throws(TensorError) in try run(t) }
    }

    /// `gesdd` with `job` "N" (values only), "S" (reduced) or "A" (full): U, S
    /// (descending) and Vᴴ, and info per matrix.
    public static func svd(_ a: Tensor, job: Character) throws(TensorError) -> (u: Tensor, s: Tensor, vh: Tensor, info: Tensor) {
        let r = try routines(a.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> (Tensor, Tensor, Tensor, Tensor) {
            var m = try MatrixBatch<T>(a)
            let k = Swift.min(m.rows, m.cols)
            let uCols = job == "A" ? m.rows : (job == "S" ? k : 0)
            let vRows = job == "A" ? m.cols : (job == "S" ? k : 0)
            var u = MatrixBatch<T>(zeros: m.batch, rows: m.rows, cols: uCols)
            var vt = MatrixBatch<T>(zeros: m.batch, rows: vRows, cols: m.cols)
            var s = VectorBatch<T>(batch: m.batch, length: k, zero: 0)
            var info = VectorBatch<Int32>(batch: m.batch, length: 1, zero: 0)
            var rows = Int32(m.rows), cols = Int32(m.cols), ld = Int32(Swift.max(1, m.rows))
            var ldu = Int32(Swift.max(1, m.rows)), ldvt = Int32(Swift.max(1, vRows))
            var iwork = [Int32](repeating: 0, count: Swift.max(1, 8 * k))
            let jobz = String(job)
            func call(_ b: Int, _ work: UnsafeMutableRawPointer, _ lwork: inout Int32, _ inf: UnsafeMutablePointer<Int32>) {
                m.withMatrix(b) { p in s.withVector(b) { sv in u.withMatrixOrScratch(b) { up in vt.withMatrixOrScratch(b) { vp in
                    r.gesdd(jobz, &rows, &cols, p, &ld, UnsafeMutableRawPointer(sv), up, &ldu, vp, &ldvt, work, &lwork, &iwork, inf, 1)
                } } } }
            }
            if m.size > 0 {
                var query: [T] = [0], lwork: Int32 = -1, qinfo: Int32 = 0
                query.withUnsafeMutableBytes { wk in call(0, wk.baseAddress!, &lwork, &qinfo) }
                lwork = workspaceSize(query[0])
                var work = [T](repeating: 0, count: Int(lwork))
                for b in 0..<m.count {
                    var inf: Int32 = 0
                    work.withUnsafeMutableBytes { wk in call(b, wk.baseAddress!, &lwork, &inf) }
                    info.data[b] = inf
                }
            }
            return (try u.tensor(a.dtype), try floatTensor(s.values, m.batch + [k], a.dtype), try vt.tensor(a.dtype),
                    try int32Tensor(info.values, m.batch))
        }
        return try typed(a.dtype) { t throws(TensorError) in try run(t) }
    }
}
