import Tensors

extension Differentiable {
    /// `torch._safe_softmax(x, dim)`: softmax, except that a row whose every entry is -inf
    /// (a fully masked attention row) gives zeros instead of NaN. PyTorch 2.15's math
    /// attention path uses it; its node is SafeSoftmaxBackward0, whose formula is softmax's
    /// on the saved result (zero rows get zero gradient).
    public static func safeSoftmax(_ x: Tensor, dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let input = dtype.map { $0 != x.dtype } ?? false ? try to(x, dtype!) : x
        let d = try Shape.wrapDim(dim, rank: input.rank)
        let soft = try input.detach().softmax(dim: d)
        let maskedRows = try input.detach().eq(.float(-.infinity)).all(dims: [d], keepdim: true)
        let out = try soft.maskedFill(maskedRows, .float(0))
        guard isRecording(input) else { return out }
        let mx = TensorMeta(input)
        return record("SafeSoftmaxBackward0", [input], out, saveOutput: true) { ctx in
            let y = try ctx.saved(0), g = ctx.grad
            if d == y.rank - 1, !isRecording(g, y),
               let fused = try Tensor.softmaxBackwardLastDim(grad: g, output: y, log: false) { return [try reduce(fused, to: mx)] }
            if d < y.rank - 1, !isRecording(g, y),
               let fused = try Tensor.softmaxBackwardInnerDim(grad: g, output: y, dim: d, log: false) { return [try reduce(fused, to: mx)] }
            let s = try sum(try mul(g, y), dims: [d], keepdim: true)
            return [try reduce(try mul(y, try sub(g, s)), to: mx)]
        }
    }
}
