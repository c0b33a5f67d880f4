import Tensors

/// `renorm(p, dim, maxnorm)`: each slice along `dim` whose p-norm exceeds `maxnorm` is
/// scaled down to it (RenormBackward0).
extension Differentiable {
    /// ATen's renorm: the norm over every other dim in the input's dtype, a factor
    /// `maxnorm / (norm + 1e-7)` (1 where the norm does not exceed maxnorm) in that dtype,
    /// and the input times the factor.
    public static func renorm(_ x: Tensor, p: Double, dim: Int, maxnorm: Double) throws(TensorError) -> Tensor {
        if !(p > 0) { throw .runtime("renorm: non-positive-norm not supported") }
        if maxnorm < 0 { throw .runtime("renorm: expected maxnorm to be >= 0 but got \(maxnorm)") }
        if x.rank <= 1 { throw .runtime("renorm: input needs at least 2 dimensions, got \(x.rank) dimensions") }
        let d = try Shape.wrapDim(dim, rank: x.rank)
        let reduceDims = (0..<x.rank).filter { $0 != d }
        let norms = try x.norm(p: p, dims: reduceDims, keepdim: true).elementsAsDouble()
        let factors: [Double]
        if x.dtype == .float32 {
            let limit = Float(maxnorm)
            factors = norms.map { n in Float(n) > limit ? Double(limit / (Float(n) + Float(1e-7))) : 1 }
        } else {
            factors = norms.map { n in n > maxnorm ? maxnorm / (n + 1e-7) : 1 }
        }
        var factorSizes = [Int](repeating: 1, count: x.rank)
        factorSizes[d] = x.sizes[d]
        let out = try x.mul(try Tensor(values: factors, shape: factorSizes, dtype: x.dtype, device: x.device))
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return try record("RenormBackward0", [x], out, save: [x]) { ctx in
            [try reduce(try renormBackward(ctx.grad, try ctx.saved(0), p: p, dims: reduceDims, maxnorm: maxnorm), to: mx)]
        }
    }

    /// renorm_backward: the norm and `sum(self * grad)` in the accumulate dtype (double
    /// on the CPU), norm_backward, then `maxnorm * invnorm * (grad - invnorm * nb)`
    /// where the norm exceeds maxnorm.
    static func renormBackward(_ grad: Tensor, _ x: Tensor, p: Double, dims: [Int], maxnorm: Double) throws(TensorError) -> Tensor {
        let norm = try x.to(.float64).norm(p: p, dims: dims, keepdim: true)
        let gradOutput = try x.mul(grad).sum(dims: dims, keepdim: true, dtype: .float64)
        let normZero = try norm.eq(.int(0))
        let nb: Tensor
        if p == 1 {
            nb = try x.unary(.sign).mul(gradOutput)
        } else if p == 2 {
            nb = try gradOutput.mul(try x.div(norm).maskedFill(normZero, .int(0)))
        } else if p < 1 {
            let scaled = try x.unary(.sign).mul(try x.unary(.abs).pow(.float(p - 1)).maskedFill(try x.eq(.int(0)), .int(0)))
            nb = try scaled.mul(gradOutput).mul(try norm.pow(.float(1 - p)))
        } else {
            let scaled = p < 2 ? try x.unary(.sign).mul(try x.unary(.abs).pow(.float(p - 1)))
                               : try x.mul(try x.unary(.abs).pow(.float(p - 2)))
            nb = try scaled.mul(try gradOutput.div(try norm.pow(.float(p - 1))).maskedFill(normZero, .int(0)))
        }
        let invnorm = try norm.add(.float(1e-7)).reciprocal()
        let gradNorm = try invnorm.mul(.float(maxnorm)).mul(try grad.sub(try invnorm.mul(nb)))
        return try Tensor.where(try norm.gt(.float(maxnorm)), try gradNorm.to(grad.dtype), grad)
    }
}
