/// Triangles and diagonals of matrices: `tril`, `triu`, `diag`, `trace`.
extension Tensor {
    /// Mask of (row, col) positions with `col - row` compared to `diagonal`.
    private func triangleMask(diagonal: Int, lower: Bool) throws(TensorError) -> Tensor {
        let n = sizes[rank - 2], m = sizes[rank - 1]
        let rows = try Tensor.arange(end: .int(Int64(n)), device: device).reshape([n, 1])
        let cols = try Tensor.arange(end: .int(Int64(m)), device: device)
        let diff = try cols.sub(rows)
        return lower ? try diff.le(.int(Int64(diagonal))) : try diff.ge(.int(Int64(diagonal)))
    }

    /// `tril(diagonal=0)`: zeros above the given diagonal (batched over leading dims).
    public func tril(diagonal: Int = 0) throws(TensorError) -> Tensor {
        if rank < 2 { throw .runtime("tril: input tensor must have at least 2 dimensions") }
        return try Tensor.where(try triangleMask(diagonal: diagonal, lower: true), self, .int(0)).to(dtype)
    }

    public func triu(diagonal: Int = 0) throws(TensorError) -> Tensor {
        if rank < 2 { throw .runtime("triu: input tensor must have at least 2 dimensions") }
        return try Tensor.where(try triangleMask(diagonal: diagonal, lower: false), self, .int(0)).to(dtype)
    }

    /// `diag(diagonal=0)`: 1-D → square matrix with it on a diagonal; 2-D → that diagonal.
    public func diag(diagonal: Int = 0) throws(TensorError) -> Tensor {
        if rank == 1 {
            let n = sizes[0] + Swift.abs(diagonal)
            let out = try Tensor.zeros([n, n], dtype: dtype, device: device)
            try out.backend.copyCast(from: self, into: try out.diagonal(offset: diagonal))
            return out
        }
        if rank == 2 { return try self.diagonal(offset: diagonal).clone() }
        throw .runtime("diag(): Supports 1D or 2D tensors. Got \(rank)D")
    }

    /// `trace()`: sum of the main diagonal of a matrix.
    public func trace() throws(TensorError) -> Tensor {
        // trace_cpu dispatches over all types but bool, before it checks the rank.
        if dtype == .bool { throw .notImplemented("\"trace\" not implemented for 'Bool'") }
        if rank != 2 { throw .runtime("trace: expected a matrix, but got tensor with dim \(rank)") }
        guard dtype.isFloatingPoint, device == .cpu else { return try diagonal().sum() }
        // trace_cpu: one sequential loop over the diagonal in acc_type<scalar_t, false>
        // (double for float and double, float for float16/bfloat16), rounded once at the
        // end; a pairwise float sum of the diagonal differs in the last bits.
        let values = try diagonal().contiguous().elementsAsDouble()
        let total: Double
        if dtype == .float16 || dtype == .bfloat16 {
            var acc: Float = 0
            for v in values { acc += Float(v) }
            total = Double(acc)
        } else {
            var acc: Double = 0
            for v in values { acc += v }
            total = acc
        }
        return try Tensor(values: [total], shape: [], dtype: dtype, device: device)
    }
}
