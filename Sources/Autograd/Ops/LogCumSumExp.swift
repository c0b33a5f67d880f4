#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tensors

/// `logcumsumexp(dim)`: LogcumsumexpBackward0.
extension Differentiable {
    /// The running log-sum-exp along `dim`, accumulated in double (PyTorch's CPU kernel
    /// uses acc_type<float> = double) and rounded to the input's dtype per element.
    public static func logcumsumexp(_ x: Tensor, dim: Int) throws(TensorError) -> Tensor {
        let out = try logCumSumExpValues(x, dim: dim)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let d = x.rank == 0 ? 0 : try Shape.wrapDim(dim, rank: x.rank)
        return try record("LogcumsumexpBackward0", [x], out, save: [x], saveOutput: true) { ctx in
            // Under create_graph (grad mode on in backward) the formula is composed from
            // recorded ops, as ATen's is; otherwise one pass over the values.
            let backward = GradMode.isEnabled ? logCumSumExpBackwardRecorded : logCumSumExpBackward
            return [try reduce(try backward(ctx.grad, try ctx.saved(0), try ctx.saved(1), d), to: mx)]
        }
    }

    static func logCumSumExpValues(_ x: Tensor, dim: Int) throws(TensorError) -> Tensor {
        guard x.dtype.isFloatingPoint else {
            throw .notImplemented("\"logcumsumexp_out_cpu\" not implemented for '\(x.dtype.scalarTypeName)'")
        }
        if x.rank == 0 { return try x.clone() }
        let d = try Shape.wrapDim(dim, rank: x.rank)
        let n = x.sizes[d]
        let moved = try x.movedim(d, x.rank - 1).contiguous()
        var v = try moved.elementsAsDouble()
        if n > 0 {
            for start in stride(from: 0, to: v.count, by: n) {
                var acc = -Double.infinity
                for i in start..<start + n {
                    acc = logAddExp(v[i], acc)
                    v[i] = acc
                }
            }
        }
        return try Tensor(values: v, shape: moved.sizes, dtype: x.dtype, device: x.device).movedim(x.rank - 1, d).contiguous()
    }

    /// PyTorch's _log_add_exp_helper: NaN in the accumulator wins; equal infinities stay.
    static func logAddExp(_ x: Double, _ y: Double) -> Double {
        let lo = y.isNaN ? y : Swift.min(x, y), hi = y.isNaN ? y : Swift.max(x, y)
        if lo != hi || lo.isFinite { return hi + logOnePlusExp(lo - hi) }
        return x
    }

    /// logcumsumexp_backward for real inputs: the positive and negative parts of the
    /// gradient each through a reversed logcumsumexp in log space.
    static func logCumSumExpBackward(_ grad: Tensor, _ x: Tensor, _ result: Tensor, _ dim: Int) throws(TensorError) -> Tensor {
        if x.numel == 0 || x.rank == 0 { return grad }
        let lowest = x.dtype == .float64 ? -Double.greatestFiniteMagnitude : -Double(Float.greatestFiniteMagnitude)
        let g = try grad.contiguous().elementsAsDouble()
        let logAbs = try grad.unary(.abs).unary(.log).contiguous().elementsAsDouble()
        let res = try result.contiguous().elementsAsDouble()
        func part(_ positive: Bool) throws(TensorError) -> Tensor {
            var values = [Double](repeating: 0, count: g.count)
            for i in g.indices {
                let picked = (positive ? g[i] > 0 : g[i] < 0) ? logAbs[i] : lowest
                values[i] = picked - res[i]
            }
            let shifted = try Tensor(values: values, shape: x.sizes, dtype: x.dtype, device: x.device)
            let reversed = try logCumSumExpValues(try shifted.flip([dim]).contiguous(), dim: dim).flip([dim])
            return try reversed.add(x).unary(.exp)
        }
        return try part(true).sub(try part(false))
    }
}

extension Differentiable {
    /// FunctionsManual's logcumsumexp_backward op for op (real inputs), so its nodes
    /// (WhereBackward0, FlipBackward0, LogcumsumexpBackward0, ExpBackward0, SubBackward0)
    /// carry a double backward: log|grad| where grad > 0 (else the dtype's lowest) minus
    /// the result, reverse-logcumsumexp'd, plus self, exp'd; the negative part likewise.
    static func logCumSumExpBackwardRecorded(_ grad: Tensor, _ x: Tensor, _ result: Tensor, _ dim: Int) throws(TensorError) -> Tensor {
        if grad.rank == 0 || grad.numel == 0 { return grad }
        let lowest: Scalar = .float(x.dtype == .float64 ? -Double.greatestFiniteMagnitude : -Double(Float.greatestFiniteMagnitude))
        let logAbsGrad = try log(try abs(grad))
        let plain = grad.detach()
        func part(_ positive: Bool) throws(TensorError) -> Tensor {
            let mask = positive ? try plain.gt(.int(0)) : try plain.lt(.int(0))
            let shifted = try sub(try `where`(mask, logAbsGrad, lowest), result)
            let reversed = try flip(try logcumsumexp(try flip(shifted, [dim]), dim: dim), [dim])
            return try exp(try add(reversed, x))
        }
        let outputPos = try part(true)
        return try sub(outputPos, try part(false))
    }
}

/// `log1p(exp(x))` with the C library's double functions.
private func logOnePlusExp(_ x: Double) -> Double { log1p(exp(x)) }
