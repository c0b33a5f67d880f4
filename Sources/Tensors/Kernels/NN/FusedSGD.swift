
/// `torch._fused_sgd_` for one parameter (`SGD(fused=True)`), rounding as PyTorch 2.15's CPU
/// kernel (FusedSGDKernel.cpp, its AVX2 build at both capabilities): 8-float / 4-double vectors
/// and a scalar tail of `numel % width`. The vector body's weight decay, momentum and Nesterov
/// steps are explicit fused multiply-adds (the momentum one adds `(1−dampening)·g` to the
/// rounded `buf·momentum`); GCC fused the update `param + g·(−lr)`. In the scalar tail GCC
/// fused the same products except the momentum step's, where `buf·momentum` is the one fused.
public enum FusedSGD {
    public struct Hyper: Sendable {
        public var lr, momentum, dampening, weightDecay: Double
        public var nesterov, maximize, firstStep: Bool
        public init(lr: Double, momentum: Double, dampening: Double, weightDecay: Double,
                    nesterov: Bool, maximize: Bool, firstStep: Bool) {
            self.lr = lr; self.momentum = momentum; self.dampening = dampening
            self.weightDecay = weightDecay; self.nesterov = nesterov; self.maximize = maximize
            self.firstStep = firstStep
        }
    }

    /// Updates `param` and (with momentum) `buffer` in place; `buffer` is any same-shaped
    /// tensor when momentum is 0 (left untouched).
    public static func step(_ param: Tensor, _ grad: Tensor, _ buffer: Tensor, _ h: Hyper) throws(TensorError) {
        try requireFloat(param.dtype, op: "fused_sgd_kernel")
        let ts = [param, try grad.to(param.dtype), buffer]
        let cs = try ts.map { t throws(TensorError) in try t.contiguousCopy() }
        if param.dtype == .float32 { run(cs, h, Float.self, width: 8) } else { run(cs, h, Double.self, width: 4) }
        _ = try param.copy_(cs[0])
        if h.momentum != 0 { _ = try buffer.copy_(cs[2]) }
    }

    static func run<T: NNFloat>(_ cs: [Tensor], _ h: Hyper, _: T.Type, width: Int) {
        let p = NNBuffer.pointer(cs[0], as: T.self), g = NNBuffer.pointer(cs[1], as: T.self)
        let b = NNBuffer.pointer(cs[2], as: T.self)
        let n = cs[0].numel, body = n - n % width
        let wd = T(h.weightDecay), mom = T(h.momentum), keep = T(1 - h.dampening), negLr = T(-h.lr)
        withExtendedLifetime(cs) {
            for i in 0..<n {
                var gi = g[i]
                if h.maximize { gi = -gi }
                if h.weightDecay != 0 { gi = gi.addingProduct(p[i], wd) }
                if h.momentum != 0 {
                    if h.firstStep {
                        b[i] = gi
                    } else if i < body {
                        b[i] = (b[i] * mom).addingProduct(keep, gi)
                    } else {
                        b[i] = (gi * keep).addingProduct(b[i], mom)
                    }
                    gi = h.nesterov ? gi.addingProduct(b[i], mom) : b[i]
                }
                p[i] = p[i].addingProduct(gi, negLr)
            }
        }
    }
}
