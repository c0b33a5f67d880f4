
/// `torch._fused_adagrad_` for one parameter (`Adagrad(fused=True)`), rounding as PyTorch
/// 2.15's CPU kernel (FusedAdagradKernel.cpp, its AVX2 build at both capabilities): GCC fused
/// `g + param·wd` and `sum + g·g` into multiply-adds, in the vectors and the scalar tail alike;
/// the update `param − clr·g / (√sum + eps)` rounds each step.
public enum FusedAdagrad {
    /// Updates `param` and `stateSum` in place; `clr` is `lr / (1 + (step − 1)·lr_decay)`.
    public static func step(_ param: Tensor, _ grad: Tensor, _ stateSum: Tensor, clr: Double, eps: Double,
                            weightDecay: Double, maximize: Bool) throws(TensorError) {
        try requireFloat(param.dtype, op: "fused_adagrad_kernel")
        let ts = [param, try grad.to(param.dtype), stateSum]
        let cs = try ts.map { t throws(TensorError) in try t.contiguousCopy() }
        if param.dtype == .float32 {
            run(cs, clr, eps, weightDecay, maximize, Float.self)
        } else {
            run(cs, clr, eps, weightDecay, maximize, Double.self)
        }
        _ = try param.copy_(cs[0])
        _ = try stateSum.copy_(cs[2])
    }

    static func run<T: NNFloat>(_ cs: [Tensor], _ clr: Double, _ eps: Double, _ weightDecay: Double,
                                _ maximize: Bool, _: T.Type) {
        let p = NNBuffer.pointer(cs[0], as: T.self), g = NNBuffer.pointer(cs[1], as: T.self)
        let s = NNBuffer.pointer(cs[2], as: T.self)
        let wd = T(weightDecay), c = T(clr), e = T(eps)
        withExtendedLifetime(cs) {
            for i in 0..<cs[0].numel {
                var gi = g[i]
                if maximize { gi = -gi }
                if weightDecay != 0 { gi = gi.addingProduct(p[i], wd) }
                s[i] = s[i].addingProduct(gi, gi)
                p[i] = p[i] - c * gi / (s[i].squareRoot() + e)
            }
        }
    }
}
