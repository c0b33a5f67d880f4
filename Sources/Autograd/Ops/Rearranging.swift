import Tensors

/// Copies that rearrange elements: `flip`, `roll`, `repeat`/`tile`, `tril`/`triu`, `diag`.
extension Differentiable {
    public static func flip(_ x: Tensor, _ dims: [Int]) throws(TensorError) -> Tensor {
        let out = try x.flip(dims)
        guard isRecording(x) else { return out }
        return record("FlipBackward0", [x], out, attributes: [("dims", .ints(dims))]) { ctx in [try flip(ctx.grad, dims)] }
    }

    public static func roll(_ x: Tensor, _ shifts: [Int], dims: [Int] = []) throws(TensorError) -> Tensor {
        let out = try x.roll(shifts, dims: dims)
        guard isRecording(x) else { return out }
        return record("RollBackward0", [x], out, attributes: [("dims", .ints(dims)), ("shifts", .ints(shifts))]) { ctx in [try roll(ctx.grad, shifts.map { -$0 }, dims: dims)] }
    }

    /// `repeat(*reps)` (and `tile`): RepeatBackward0 sums the tiles back.
    public static func `repeat`(_ x: Tensor, _ reps: [Int]) throws(TensorError) -> Tensor {
        let out = try x.repeat(reps)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return record("RepeatBackward0", [x], out, attributes: [("repeats", .ints(reps)), ("self_sym_sizes", .ints(mx.sizes))]) { ctx in
            // repeat_backward: the leading new dims summed one at a time, then each tiled
            // dim split into (repeats, size) and the repeat axes summed in one reduction
            // (SumBackward1 over ViewBackward0 under create_graph).
            if reps.contains(0) { return [try Tensor.zeros(mx.sizes, dtype: mx.dtype, device: ctx.grad.device)] }
            let lead = reps.count - mx.sizes.count
            var g = ctx.grad
            for _ in 0..<lead { g = try sum(g, dims: [0]) }
            var shape: [Int] = [], sumDims: [Int] = []
            for (i, s) in mx.sizes.enumerated() {
                if reps[lead + i] != 1 {
                    shape.append(reps[lead + i])
                    sumDims.append(shape.count - 1)
                }
                shape.append(s)
            }
            if !sumDims.isEmpty { g = try sum(try reshape(g, shape), dims: sumDims) }
            return [try reduce(g, to: mx)]
        }
    }

    /// `tile(reps)`: repeat with reps padded with leading ones.
    public static func tile(_ x: Tensor, _ reps: [Int]) throws(TensorError) -> Tensor {
        let padded = [Int](repeating: 1, count: Swift.max(0, x.rank - reps.count)) + reps
        return try `repeat`(x, padded)
    }

    public static func tril(_ x: Tensor, diagonal: Int = 0) throws(TensorError) -> Tensor {
        let out = try x.tril(diagonal: diagonal)
        guard isRecording(x) else { return out }
        return record("TrilBackward0", [x], out, attributes: [("diagonal", .int(diagonal))]) { ctx in [try tril(ctx.grad, diagonal: diagonal)] }
    }

    public static func triu(_ x: Tensor, diagonal: Int = 0) throws(TensorError) -> Tensor {
        let out = try x.triu(diagonal: diagonal)
        guard isRecording(x) else { return out }
        return record("TriuBackward0", [x], out, attributes: [("diagonal", .int(diagonal))]) { ctx in [try triu(ctx.grad, diagonal: diagonal)] }
    }

    /// `diag(diagonal)`: a vector becomes a matrix (DiagEmbedBackward0), a matrix gives
    /// its diagonal (DiagonalBackward0_copy).
    public static func diag(_ x: Tensor, diagonal: Int = 0) throws(TensorError) -> Tensor {
        let out = try x.diag(diagonal: diagonal)
        guard isRecording(x) else { return out }
        if x.rank == 1 {
            return record("DiagEmbedBackward0", [x], out) { ctx in [try clone(try Differentiable.diagonal(ctx.grad, offset: diagonal))] }
        }
        let sizes = x.sizes
        return record("DiagonalBackward0_copy", [x], out) { ctx in
            [try embedded("DiagonalBackwardBackward0", ctx.grad, in: sizes) { t throws(TensorError) in
                try Differentiable.diagonal(t, offset: diagonal)
            }]
        }
    }
}
