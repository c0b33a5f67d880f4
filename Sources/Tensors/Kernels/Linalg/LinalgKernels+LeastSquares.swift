/// Least squares with `gelsy` (complete orthogonal factorization with column pivoting),
/// the driver `torch.linalg.lstsq` uses on the CPU by default.
extension LinalgKernels {
    /// Solves min ‖A X − B‖ for each (m, n) matrix A and (m, k) B of the batch; singular
    /// values below `rcond` times the largest are treated as zero. Returns the (n, k)
    /// solutions and the effective ranks (int64).
    public static func leastSquares(_ a: Tensor, _ b: Tensor, rcond: Double) throws(TensorError) -> (solution: Tensor, rank: Tensor) {
        let r = try routines(a.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> (Tensor, Tensor) {
            var f = try MatrixBatch<T>(a)
            let source = try MatrixBatch<T>(b)
            let m = f.rows, n = f.cols, k = source.cols, rowsB = Swift.max(m, n)
            // B is padded to max(m, n) rows: gelsy writes the n-row solution in its place.
            var x = MatrixBatch<T>(zeros: f.batch, rows: rowsB, cols: k)
            for i in 0..<f.count { for j in 0..<k { for row in 0..<m { x[i, row, j] = source[i, row, j] } } }
            var ranks = [Int64](repeating: 0, count: Swift.max(1, f.count))
            var mm = Int32(m), nn = Int32(n), kk = Int32(k), lda = Int32(Swift.max(1, m)), ldb = Int32(Swift.max(1, rowsB))
            var cond = T(rcond), info: Int32 = 0
            if f.size > 0 && x.size > 0 {
                var jpvt = [Int32](repeating: 0, count: n)
                var rank: Int32 = 0, query: [T] = [0], lwork: Int32 = -1
                f.withMatrix(0) { p in x.withMatrix(0) { q in withUnsafeMutableBytes(of: &cond) { c in query.withUnsafeMutableBytes { w in
                    r.gelsy(&mm, &nn, &kk, p, &lda, q, &ldb, &jpvt, c.baseAddress!, &rank, w.baseAddress!, &lwork, &info) } } } }
                lwork = workspaceSize(query[0])
                var work = [T](repeating: 0, count: Int(lwork))
                for i in 0..<f.count {
                    for j in jpvt.indices { jpvt[j] = 0 }
                    f.withMatrix(i) { p in x.withMatrix(i) { q in withUnsafeMutableBytes(of: &cond) { c in work.withUnsafeMutableBytes { w in
                        r.gelsy(&mm, &nn, &kk, p, &lda, q, &ldb, &jpvt, c.baseAddress!, &rank, w.baseAddress!, &lwork, &info) } } } }
                    ranks[i] = Int64(rank)
                }
            }
            let full = try x.tensor(a.dtype)
            let solution = try full.narrow(full.rank - 2, start: 0, length: n)
            return (solution, try Tensor(values: Array(ranks.prefix(f.count)), shape: f.batch, dtype: .int64))
        }
        return try typed(a.dtype) { t throws(TensorError) in try run(t) }
    }
}
