import Foundation

/// `torch._fused_adam_` / `_fused_adamw_` for one parameter (`fused=True`), in the order
/// PyTorch 2.15's CPU kernel (FusedAdamKernel.cpp) rounds. Its AVX2 build runs at both
/// capabilities (measured), so elements fall into 8-float / 4-double vectors and a scalar tail
/// of `numel % width` at the end (the cache-line thread split puts every chunk boundary on a
/// vector boundary, so it changes nothing). GCC contracted the vector body's
/// `grad + param·wd` and `exp_avg_sq·β₂ + ((1−β₂)·g)·g` into multiply-adds (the latter with
/// the product `((1−β₂)·g)·g` fused, the `exp_avg_sq·β₂` product rounded first), and in the
/// scalar tail the other product of the second one; the lerp is an explicit fused multiply-add.
public enum FusedAdam {
    public struct Hyper: Sendable {
        public var lr, beta1, beta2, weightDecay, eps, step: Double
        public var amsgrad, maximize, decoupled: Bool
        public init(lr: Double, beta1: Double, beta2: Double, weightDecay: Double, eps: Double, step: Double,
                    amsgrad: Bool, maximize: Bool, decoupled: Bool) {
            self.lr = lr; self.beta1 = beta1; self.beta2 = beta2; self.weightDecay = weightDecay
            self.eps = eps; self.step = step; self.amsgrad = amsgrad; self.maximize = maximize
            self.decoupled = decoupled
        }
    }

    /// Updates `param`, `expAvg`, `expAvgSq` (and `maxExpAvgSq` with amsgrad) in place.
    public static func step(_ param: Tensor, _ grad: Tensor, _ expAvg: Tensor, _ expAvgSq: Tensor,
                            _ maxExpAvgSq: Tensor, _ h: Hyper) throws(TensorError) {
        try requireFloat(param.dtype, op: "fused_adam_kernel")
        let ts = [param, try grad.to(param.dtype), expAvg, expAvgSq, maxExpAvgSq]
        let cs = try ts.map { t throws(TensorError) in try t.contiguousCopy() }
        if param.dtype == .float32 { run(cs, h, Float.self, width: 8) } else { run(cs, h, Double.self, width: 4) }
        for (i, t) in ts.enumerated() where i != 1 && (i != 4 || h.amsgrad) { _ = try t.copy_(cs[i]) }
    }

    static func run<T: NNFloat>(_ cs: [Tensor], _ h: Hyper, _: T.Type, width: Int) {
        let p = NNBuffer.pointer(cs[0], as: T.self), g = NNBuffer.pointer(cs[1], as: T.self)
        let m = NNBuffer.pointer(cs[2], as: T.self), v = NNBuffer.pointer(cs[3], as: T.self)
        let mx = NNBuffer.pointer(cs[4], as: T.self)
        let n = cs[0].numel, body = n - n % width
        // the coefficients are computed in double, then rounded to the element type
        let bc1 = 1 - Foundation.pow(h.beta1, h.step), bc2 = 1 - Foundation.pow(h.beta2, h.step)
        let stepSize = h.lr / bc1, bc2Sqrt = T(bc2.squareRoot())
        let w = T(1 - h.beta1), c2 = T(1 - h.beta2), b2 = T(h.beta2), eps = T(h.eps)
        let wd = T(h.weightDecay), shrink = T(1 - h.lr * h.weightDecay), negStep = T(-stepSize)
        withExtendedLifetime(cs) {
            for i in 0..<n {
                var gi = g[i], pi = p[i]
                if h.maximize { gi = -gi }
                if h.weightDecay != 0 {
                    if h.decoupled { pi = pi * shrink } else { gi = gi.addingProduct(pi, wd) }
                }
                // exp_avg.lerp_(grad, 1 − β₁): one fused multiply-add either way
                let mi = Swift.abs(w) < 0.5 ? m[i].addingProduct(w, gi - m[i]) : gi.addingProduct(w - 1, gi - m[i])
                let vi = i < body ? (v[i] * b2).addingProduct(c2 * gi, gi) : (c2 * gi * gi).addingProduct(v[i], b2)
                m[i] = mi; v[i] = vi
                var s = vi
                if h.amsgrad { s = Swift.max(mx[i], vi); mx[i] = s }
                let denom = s.squareRoot() / bc2Sqrt + eps
                p[i] = pi + negStep * mi / denom
            }
        }
    }
}
