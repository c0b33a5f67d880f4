import CBLAS

/// How one matrix of a batch is laid out for BLAS: row-major with leading dimension `ld`,
/// or transposed (column-major). `nil` when neither, and the caller copies it first.
struct BLASLayout {
    let transposed: Bool
    let ld: Int

    init?(rows: Int, cols: Int, rowStride: Int, colStride: Int) {
        let rs = rows == 1 ? max(rowStride, cols, 1) : rowStride
        let cs = cols == 1 ? max(colStride, rows, 1) : colStride
        if (cols == 1 || cs == 1) && rs >= max(1, cols) {
            transposed = false
            ld = max(rs, 1)
        } else if (rows == 1 || rs == 1) && cs >= max(1, rows) {
            transposed = true
            ld = max(cs, 1)
        } else {
            return nil
        }
    }

    var cblas: CBLAS_TRANSPOSE { transposed ? CblasTrans : CblasNoTrans }
}

extension BLASLayout {
    /// A layout the caller fixes (ATen passes its own flags and leading dimensions): the
    /// leading dimension is the stride between rows (`transposed`: columns), at least the
    /// row's (column's) length.
    init(transposed: Bool, rows: Int, cols: Int, rowStride: Int, colStride: Int) {
        self.transposed = transposed
        ld = transposed ? max(colStride, rows, 1) : max(rowStride, cols, 1)
    }
}

/// OpenBLAS's thread count per call: one thread for small products, where waking (and
/// afterwards spin-yielding) worker threads costs more than it saves, all cores otherwise.
enum BLASThreads {
    static let maximum = min(Int(openblas_get_num_threads()), System.threadBudget)
    /// Below about 256³ multiply-adds a single thread wins on the machines measured (OpenBLAS's
    /// threads spin-yield after each call and take a core from the interpreter);
    /// `GRADBOOK_BLAS_PARALLEL_MIN` overrides it.
    static let smallWork = System.tuning("GRADBOOK_BLAS_PARALLEL_MIN") ?? (1 << 24)

    static func use(forWork work: Int) {
        let wanted = work <= smallWork ? 1 : maximum
        if Int(openblas_get_num_threads()) != wanted { openblas_set_num_threads(Int32(wanted)) }
    }
}

/// Batched product out[b] = a[b] @ b[b] for 3-D operands of one dtype; `out` is contiguous.
/// Each matrix of `a` and `b` must already have a BLAS layout (the op copies otherwise).
func cpuMatmul(_ a: Tensor, _ b: Tensor, _ out: Tensor) {
    let batch = out.sizes[0], n = out.sizes[1], m = out.sizes[2], k = a.sizes[2]
    if n == 0 || m == 0 || batch == 0 { return }
    switch out.dtype {
    case .float32, .float64:
        BLASThreads.use(forWork: n * m * k)
        let la = BLASLayout(rows: n, cols: k, rowStride: a.strides[1], colStride: a.strides[2])!
        let lb = BLASLayout(rows: k, cols: m, rowStride: b.strides[1], colStride: b.strides[2])!
        for i in 0..<batch {
            if out.dtype == .float32 {
                let pa = a.pointer(Float.self) + i * a.strides[0]
                let pb = b.pointer(Float.self) + i * b.strides[0]
                let po = out.pointer(Float.self) + i * out.strides[0]
                if k == 0 { po.update(repeating: 0, count: n * m); continue }
                cblas_sgemm(CblasRowMajor, la.cblas, lb.cblas, Int32(n), Int32(m), Int32(k), 1,
                            pa, Int32(la.ld), pb, Int32(lb.ld), 0, po, Int32(m))
            } else {
                let pa = a.pointer(Double.self) + i * a.strides[0]
                let pb = b.pointer(Double.self) + i * b.strides[0]
                let po = out.pointer(Double.self) + i * out.strides[0]
                if k == 0 { po.update(repeating: 0, count: n * m); continue }
                cblas_dgemm(CblasRowMajor, la.cblas, lb.cblas, Int32(n), Int32(m), Int32(k), 1,
                            pa, Int32(la.ld), pb, Int32(lb.ld), 0, po, Int32(m))
            }
        }
    case .int64: intMatmul(Int64.self, a, b, out)
    case .int32: intMatmul(Int32.self, a, b, out)
    case .int16: intMatmul(Int16.self, a, b, out)
    case .int8: intMatmul(Int8.self, a, b, out)
    case .uint8: intMatmul(UInt8.self, a, b, out)
    case .bool:
        let pa = a.pointer(Bool.self), pb = b.pointer(Bool.self), po = out.pointer(Bool.self)
        for bi in 0..<batch {
            for i in 0..<n {
                if CellDeadline.poll() { return }   // once per output row: the cell's time limit
                for j in 0..<m {
                    var acc = false
                    for p in 0..<k where pa[bi * a.strides[0] + i * a.strides[1] + p * a.strides[2]]
                        && pb[bi * b.strides[0] + p * b.strides[1] + j * b.strides[2]] { acc = true; break }
                    po[(bi * n + i) * m + j] = acc
                }
            }
        }
    case .complex64, .complex128: complexMatmul(a, b, out)
    case .float16, .bfloat16:
        preconditionFailure("half matmul reaches the kernel as float32")
    }
}

/// Integer matmul by a plain i-p-j loop (BLAS has no integer gemm); wraps on overflow.
private func intMatmul<T: IntegerTensorElement>(_ t: T.Type, _ a: Tensor, _ b: Tensor, _ out: Tensor) {
    let batch = out.sizes[0], n = out.sizes[1], m = out.sizes[2], k = a.sizes[2]
    let pa = a.pointer(T.self), pb = b.pointer(T.self), po = out.pointer(T.self)
    let (as0, as1, as2) = (a.strides[0], a.strides[1], a.strides[2])
    let (bs0, bs1, bs2) = (b.strides[0], b.strides[1], b.strides[2])
    for bi in 0..<batch {
        let o = po + bi * n * m
        o.update(repeating: 0, count: n * m)
        for i in 0..<n {
            if CellDeadline.poll() { return }   // once per output row: the cell's time limit
            for p in 0..<k {
                let x = pa[bi * as0 + i * as1 + p * as2]
                if x == 0 { continue }
                let row = pb + (bi * bs0 + p * bs1)
                for j in 0..<m { o[i * m + j] = o[i * m + j] &+ x &* row[j * bs2] }
            }
        }
    }
}
