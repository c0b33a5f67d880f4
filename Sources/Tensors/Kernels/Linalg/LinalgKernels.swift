/// Batched LAPACK factorizations and solves on float32/float64 CPU tensors, called as
/// PyTorch's CPU kernels call them (BatchLinearAlgebraKernel.cpp): column-major copies,
/// a workspace query before each routine that needs one, one call per matrix of the batch.
/// Shapes and dtypes are checked by the caller (`torch.linalg` words the errors); `info`
/// comes back per matrix so the caller can raise PyTorch's LinAlgError texts.
public enum LinalgKernels {
    /// Where the LAPACK routines come from: "Intel MKL", "OpenBLAS", or nil when neither has them.
    public static var lapackSource: String? { LAPACKRoutines.shared?.double.source }

    static func routines(_ dtype: DType) throws(TensorError) -> LAPACKRoutines {
        guard let r = LAPACKRoutines.shared else { throw .runtime("LAPACK is not available in this build of Gradbook") }
        switch dtype {
        case .float32: return r.single
        case .float64: return r.double
        default: throw .runtime("linalg: LAPACK routines need float32 or float64, got \(dtype)")
        }
    }

    /// Runs `body` with the element type of `dtype` (Float or Double).
    static func typed<R>(_ dtype: DType, _ body: (any (TensorElement & BinaryFloatingPoint).Type) throws(TensorError) -> R) throws(TensorError) -> R {
        switch dtype {
        case .float32: return try body(Float.self)
        case .float64: return try body(Double.self)
        default: throw .runtime("linalg: LAPACK routines need float32 or float64, got \(dtype)")
        }
    }

    static func int32Tensor(_ v: [Int32], _ shape: [Int]) throws(TensorError) -> Tensor {
        try Tensor(values: v.prefix(shape.reduce(1, *)).map { Int64($0) }, shape: shape, dtype: .int32)
    }

    static func floatTensor<T: BinaryFloatingPoint>(_ v: [T], _ shape: [Int], _ dtype: DType) throws(TensorError) -> Tensor {
        try Tensor(values: v.prefix(shape.reduce(1, *)).map { Double($0) }, shape: shape, dtype: dtype)
    }

    /// A LAPACK workspace query's answer (`work[0]`), as a count.
    static func workspaceSize<T: BinaryFloatingPoint>(_ w: T) -> Int32 { Int32(Swift.max(1, Int(Double(w)))) }
}

// MARK: LU

extension LinalgKernels {
    /// `getrf`: LU with partial pivoting of each (m, n) matrix. Returns LU (column-major),
    /// pivots (int32, 1-based, as LAPACK and PyTorch give them) and info per matrix.
    public static func luFactor(_ a: Tensor) throws(TensorError) -> (lu: Tensor, pivots: Tensor, info: Tensor) {
        let r = try routines(a.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> (Tensor, Tensor, Tensor) {
            var m = try MatrixBatch<T>(a)
            let k = Swift.min(m.rows, m.cols)
            var piv = VectorBatch<Int32>(batch: m.batch, length: k, zero: 0)
            var info = VectorBatch<Int32>(batch: m.batch, length: 1, zero: 0)
            var rows = Int32(m.rows), cols = Int32(m.cols), ld = Int32(Swift.max(1, m.rows))
            if m.size > 0 {
                for b in 0..<m.count {
                    m.withMatrix(b) { p in piv.withVector(b) { ip in info.withVector(b) { inf in r.getrf(&rows, &cols, p, &ld, ip, inf) } } }
                }
            }
            return (try m.tensor(a.dtype), try int32Tensor(piv.values, m.batch + [k]), try int32Tensor(info.values, m.batch))
        }
        return try typed(a.dtype) { t throws(TensorError) in try run(t) }
    }

    /// `getrs`: solves A X = B (or Aᵀ X = B) from `luFactor`'s factors. `b` has the same
    /// batch shape as `lu`.
    public static func luSolve(_ lu: Tensor, _ pivots: Tensor, _ b: Tensor, transpose: Bool) throws(TensorError) -> Tensor {
        let r = try routines(lu.dtype)
        let pv = try pivots.elements(as: Int64.self).map { Int32($0) }
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> Tensor {
            var f = try MatrixBatch<T>(lu), x = try MatrixBatch<T>(b)
            var n = Int32(f.rows), nrhs = Int32(x.cols), ld = Int32(Swift.max(1, f.rows)), ldb = Int32(Swift.max(1, x.rows))
            var info: Int32 = 0
            var piv = pv
            let stride = pivots.sizes.last ?? 0
            if f.size > 0 && x.size > 0 {
                for i in 0..<f.count {
                    piv.withUnsafeMutableBufferPointer { ip in
                        f.withMatrix(i) { p in x.withMatrix(i) { q in
                            r.getrs(transpose ? "T" : "N", &n, &nrhs, p, &ld, ip.baseAddress! + i * stride, q, &ldb, &info, 1)
                        } }
                    }
                }
            }
            return try x.tensor(b.dtype)
        }
        return try typed(lu.dtype) { t throws(TensorError) in try run(t) }
    }
}

// MARK: Cholesky

extension LinalgKernels {
    /// `potrf`: the Cholesky factor (lower, or upper when `upper`) with the other triangle
    /// zeroed, and info per matrix.
    public static func cholesky(_ a: Tensor, upper: Bool) throws(TensorError) -> (factor: Tensor, info: Tensor) {
        let r = try routines(a.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> (Tensor, Tensor) {
            var m = try MatrixBatch<T>(a)
            var info = VectorBatch<Int32>(batch: m.batch, length: 1, zero: 0)
            var n = Int32(m.rows), ld = Int32(Swift.max(1, m.rows))
            if m.size > 0 {
                for b in 0..<m.count {
                    m.withMatrix(b) { p in info.withVector(b) { inf in r.potrf(upper ? "U" : "L", &n, p, &ld, inf, 1) } }
                    for j in 0..<m.cols { for i in 0..<m.rows where upper ? i > j : i < j { m[b, i, j] = 0 } }
                }
            }
            return (try m.tensor(a.dtype), try int32Tensor(info.values, m.batch))
        }
        return try typed(a.dtype) { t throws(TensorError) in try run(t) }
    }

    /// `potrs`: solves A X = B from A's Cholesky factor.
    public static func choleskySolve(_ b: Tensor, _ factor: Tensor, upper: Bool) throws(TensorError) -> Tensor {
        let r = try routines(factor.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> Tensor {
            var f = try MatrixBatch<T>(factor), x = try MatrixBatch<T>(b)
            var n = Int32(f.rows), nrhs = Int32(x.cols), ld = Int32(Swift.max(1, f.rows)), ldb = Int32(Swift.max(1, x.rows))
            var info: Int32 = 0
            if f.size > 0 && x.size > 0 {
                for i in 0..<f.count {
                    f.withMatrix(i) { p in x.withMatrix(i) { q in r.potrs(upper ? "U" : "L", &n, &nrhs, p, &ld, q, &ldb, &info, 1) } }
                }
            }
            return try x.tensor(b.dtype)
        }
        return try typed(factor.dtype) { t throws(TensorError) in try run(t) }
    }

    /// `potri`: A⁻¹ from A's Cholesky factor, its computed triangle mirrored into the other.
    public static func choleskyInverse(_ factor: Tensor, upper: Bool) throws(TensorError) -> (inverse: Tensor, info: Tensor) {
        let r = try routines(factor.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> (Tensor, Tensor) {
            var m = try MatrixBatch<T>(factor)
            var info = VectorBatch<Int32>(batch: m.batch, length: 1, zero: 0)
            var n = Int32(m.rows), ld = Int32(Swift.max(1, m.rows))
            if m.size > 0 {
                for b in 0..<m.count {
                    m.withMatrix(b) { p in info.withVector(b) { inf in r.potri(upper ? "U" : "L", &n, p, &ld, inf, 1) } }
                    for j in 0..<m.cols { for i in 0..<m.rows where i < j {
                        if upper { m[b, j, i] = m[b, i, j] } else { m[b, i, j] = m[b, j, i] }
                    } }
                }
            }
            return (try m.tensor(factor.dtype), try int32Tensor(info.values, m.batch))
        }
        return try typed(factor.dtype) { t throws(TensorError) in try run(t) }
    }
}

// MARK: Triangular solves

extension LinalgKernels {
    /// BLAS `trsm`: solves op(A) X = B (`left`) or X op(A) = B, as `linalg.solve_triangular` does.
    public static func trsm(_ a: Tensor, _ b: Tensor, left: Bool, upper: Bool, transpose: Bool, unitriangular: Bool) throws(TensorError) -> Tensor {
        let r = try routines(a.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> Tensor {
            var f = try MatrixBatch<T>(a), x = try MatrixBatch<T>(b)
            var rows = Int32(x.rows), cols = Int32(x.cols), lda = Int32(Swift.max(1, f.rows)), ldb = Int32(Swift.max(1, x.rows))
            var one: T = 1
            if f.size > 0 && x.size > 0 {
                for i in 0..<f.count {
                    f.withMatrix(i) { p in x.withMatrix(i) { q in withUnsafeMutableBytes(of: &one) { alpha in
                        r.trsm(left ? "L" : "R", upper ? "U" : "L", transpose ? "T" : "N", unitriangular ? "U" : "N",
                               &rows, &cols, alpha.baseAddress!, p, &lda, q, &ldb, 1, 1, 1, 1)
                    } } }
                }
            }
            return try x.tensor(b.dtype)
        }
        return try typed(a.dtype) { t throws(TensorError) in try run(t) }
    }

    /// `trtrs`: solves op(A) X = B for triangular A.
    public static func triangularSolve(_ a: Tensor, _ b: Tensor, upper: Bool, transpose: Bool, unitriangular: Bool) throws(TensorError) -> Tensor {
        let r = try routines(a.dtype)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> Tensor {
            var f = try MatrixBatch<T>(a), x = try MatrixBatch<T>(b)
            var n = Int32(f.rows), nrhs = Int32(x.cols), ld = Int32(Swift.max(1, f.rows)), ldb = Int32(Swift.max(1, x.rows))
            var info: Int32 = 0
            if f.size > 0 && x.size > 0 {
                for i in 0..<f.count {
                    f.withMatrix(i) { p in x.withMatrix(i) { q in
                        r.trtrs(upper ? "U" : "L", transpose ? "T" : "N", unitriangular ? "U" : "N", &n, &nrhs, p, &ld, q, &ldb, &info, 1, 1, 1)
                    } }
                }
            }
            return try x.tensor(b.dtype)
        }
        return try typed(a.dtype) { t throws(TensorError) in try run(t) }
    }
}
