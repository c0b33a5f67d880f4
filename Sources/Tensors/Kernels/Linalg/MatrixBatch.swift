/// A batch of matrices copied out of a tensor into one column-major buffer — LAPACK's
/// layout, the one PyTorch clones inputs into (`cloneBatchedColumnMajor`) — and back.
/// Results come back as column-major tensors (strides `(..., 1, rows)`), as PyTorch's do.
struct MatrixBatch<T: TensorElement & BinaryFloatingPoint> {
    var data: [T]
    let batch: [Int]
    let rows: Int
    let cols: Int
    var count: Int { batch.reduce(1, *) }
    var size: Int { rows * cols }

    init(_ a: Tensor) throws(TensorError) {
        precondition(a.rank >= 2, "MatrixBatch needs a matrix")
        batch = Array(a.sizes.dropLast(2))
        rows = a.sizes[a.rank - 2]
        cols = a.sizes[a.rank - 1]
        data = try a.transpose(a.rank - 2, a.rank - 1).elements(as: T.self)
    }

    init(zeros batch: [Int], rows: Int, cols: Int) {
        self.batch = batch; self.rows = rows; self.cols = cols
        data = [T](repeating: 0, count: batch.reduce(1, *) * rows * cols)
    }

    /// The batch as a tensor of `dtype`, column-major in its last two dimensions.
    func tensor(_ dtype: DType) throws(TensorError) -> Tensor {
        let t = try Tensor(values: data.map { Double($0) }, shape: batch + [cols, rows], dtype: dtype)
        return try t.transpose(batch.count, batch.count + 1)
    }

    /// Element (i, j) of matrix `b`.
    subscript(b: Int, i: Int, j: Int) -> T {
        get { data[b * size + j * rows + i] }
        set { data[b * size + j * rows + i] = newValue }
    }

    /// `withMatrix`, or a scratch buffer when the matrices are empty (a job that does not
    /// compute them still needs a valid pointer).
    mutating func withMatrixOrScratch<R>(_ b: Int, _ body: (UnsafeMutableRawPointer) throws -> R) rethrows -> R {
        if size > 0 { return try withMatrix(b, body) }
        var scratch: [T] = [0, 0]
        return try scratch.withUnsafeMutableBytes { try body($0.baseAddress!) }
    }

    /// Runs `body` on matrix `b`'s storage.
    mutating func withMatrix<R>(_ b: Int, _ body: (UnsafeMutableRawPointer) throws -> R) rethrows -> R {
        let start = b * size
        return try data.withUnsafeMutableBufferPointer { buf in
            try body(UnsafeMutableRawPointer(buf.baseAddress! + start))
        }
    }
}

/// Plain vectors per batch element (`tau`, eigenvalues, singular values, pivots, info).
struct VectorBatch<T> {
    var data: [T]
    let batch: [Int]
    let length: Int

    init(batch: [Int], length: Int, zero: T) {
        self.batch = batch; self.length = length
        data = [T](repeating: zero, count: Swift.max(1, batch.reduce(1, *) * length))
        if batch.reduce(1, *) * length == 0 { data = [zero] }
    }

    mutating func withVector<R>(_ b: Int, _ body: (UnsafeMutablePointer<T>) throws -> R) rethrows -> R {
        let start = b * length
        return try data.withUnsafeMutableBufferPointer { buf in try body(buf.baseAddress! + start) }
    }

    var values: [T] { Array(data.prefix(batch.reduce(1, *) * length)) }
}
