/// LDLᵀ of symmetric matrices with Bunch–Kaufman pivoting (`sytrf`, `sytrs`), behind
/// `torch.linalg.ldl_factor` and `ldl_solve`; the lower triangle is read, as PyTorch does.
extension LinalgKernels {
    /// `sytrf('L')` of each matrix (only its lower triangle is used): the factors, LAPACK's
    /// pivots (negative for 2×2 blocks) and info.
    public static func ldlFactor(_ a: Tensor) throws(TensorError) -> (ld: Tensor, pivots: Tensor, info: Tensor) {
        let r = try routines(a.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> (Tensor, Tensor, Tensor) {
            var m = try MatrixBatch<T>(a)
            var piv = VectorBatch<Int32>(batch: m.batch, length: m.rows, zero: 0)
            var info = VectorBatch<Int32>(batch: m.batch, length: 1, zero: 0)
            var n = Int32(m.rows), ld = Int32(Swift.max(1, m.rows))
            if m.size > 0 {
                var query: [T] = [0], lwork: Int32 = -1, qinfo: Int32 = 0
                m.withMatrix(0) { p in piv.withVector(0) { ip in query.withUnsafeMutableBytes { w in
                    r.sytrf("L", &n, p, &ld, ip, w.baseAddress!, &lwork, &qinfo, 1) } } }
                lwork = workspaceSize(query[0])
                var work = [T](repeating: 0, count: Int(lwork))
                for b in 0..<m.count {
                    m.withMatrix(b) { p in piv.withVector(b) { ip in info.withVector(b) { inf in work.withUnsafeMutableBytes { w in
                        r.sytrf("L", &n, p, &ld, ip, w.baseAddress!, &lwork, inf, 1) } } } }
                }
            }
            return (try m.tensor(a.dtype), try int32Tensor(piv.values, m.batch + [m.rows]), try int32Tensor(info.values, m.batch))
        }
        return try typed(a.dtype) { t throws(TensorError) in try run(t) }
    }

    /// `sytrs('L')`: solves A X = B from `ldlFactor`'s factors.
    public static func ldlSolve(_ ld: Tensor, _ pivots: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let r = try routines(ld.dtype)
        var pv = try pivots.elements(as: Int64.self).map { Int32($0) }
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> Tensor {
            var f = try MatrixBatch<T>(ld), x = try MatrixBatch<T>(b)
            var n = Int32(f.rows), nrhs = Int32(x.cols), lda = Int32(Swift.max(1, f.rows)), ldb = Int32(Swift.max(1, x.rows))
            var info: Int32 = 0
            let stride = f.rows
            if f.size > 0 && x.size > 0 {
                for i in 0..<f.count {
                    pv.withUnsafeMutableBufferPointer { ip in f.withMatrix(i) { p in x.withMatrix(i) { q in
                        r.sytrs("L", &n, &nrhs, p, &lda, ip.baseAddress! + i * stride, q, &ldb, &info, 1)
                    } } }
                }
            }
            return try x.tensor(b.dtype)
        }
        return try typed(ld.dtype) { t throws(TensorError) in try run(t) }
    }
}
