import Tensors

/// `clamp_min`/`clamp_max` with a tensor bound (PyTorch's `.Tensor` overloads, nodes
/// ClampMinBackward1/ClampMaxBackward1) and in-place `clamp_` with tensor bounds. A bound
/// that is a tensor receives a gradient too.
extension Differentiable {
    /// `torch.clamp_min(x, min)` with `min` a tensor (0-dim ones included): ClampMinBackward1.
    public static func clampMin(_ x: Tensor, _ lo: Tensor) throws(TensorError) -> Tensor {
        try boundOp(x, lo, isMin: true, out: try x.clamp(min: lo, max: nil))
    }

    /// `torch.clamp_max(x, max)` with `max` a tensor: ClampMaxBackward1.
    public static func clampMax(_ x: Tensor, _ hi: Tensor) throws(TensorError) -> Tensor {
        try boundOp(x, hi, isMin: false, out: try x.clamp(min: nil, max: hi))
    }

    /// `x.clamp_min_(min)` / `x.clamp_max_(max)` with a tensor bound, recorded as the
    /// out-of-place node is.
    @discardableResult
    public static func clampBound_(_ x: Tensor, _ bound: Tensor, isMin: Bool) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x, bound)
        let original = recording ? try x.clone() : nil
        try x.copy_(try x.clamp(min: isMin ? bound : nil, max: isMin ? nil : bound))
        guard recording, let original else { return x }
        let mx = TensorMeta(x), mb = TensorMeta(bound)
        try rebase(x, isMin ? "ClampMinBackward1" : "ClampMaxBackward1", [bound], save: [original, bound]) { ctx in
            try boundGradients(ctx, try ctx.saved(0), try ctx.saved(1), isMin: isMin, mx, mb)
        }
        return x
    }

    /// `x.clamp_(min, max)` with tensor bounds: ClampBackward0, as `clamp` with tensors.
    @discardableResult
    public static func clamp_(_ x: Tensor, min lo: Tensor?, max hi: Tensor?) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let out = try x.clamp(min: lo, max: hi)
        let recording = isRecording([x, lo, hi])
        let original = recording ? try x.clone() : nil
        try x.copy_(out)
        guard recording, let original else { return x }
        let mx = TensorMeta(x), mlo = lo.map(TensorMeta.init), mhi = hi.map(TensorMeta.init)
        try rebase(x, "ClampBackward0", [lo, hi], save: [original, lo, hi]) { ctx in
            try clampGradients(ctx, try ctx.saved(0), lo == nil ? nil : try ctx.saved(1),
                               hi == nil ? nil : try ctx.saved(2), mx, mlo, mhi)
        }
        return x
    }

    private static func boundOp(_ x: Tensor, _ bound: Tensor, isMin: Bool, out: Tensor) throws(TensorError) -> Tensor {
        guard isRecording(x, bound) else { return out }
        let mx = TensorMeta(x), mb = TensorMeta(bound)
        return try record(isMin ? "ClampMinBackward1" : "ClampMaxBackward1", [x, bound], out, save: [x, bound],
                          attributes: [(isMin ? "min" : "max", .tensor(1)), ("self", .tensor(0))]) { ctx in
            try boundGradients(ctx, try ctx.saved(0), try ctx.saved(1), isMin: isMin, mx, mb)
        }
    }

    /// One bound: `maximum(x, min)`'s gradient (`minimum` for max): ties share it, the side
    /// that loses gets none, and a NaN on either side gives both the whole gradient.
    private static func boundGradients(_ ctx: BackwardContext, _ v: Tensor, _ b: Tensor, isMin: Bool,
                                       _ mx: TensorMeta, _ mb: TensorMeta, boundInput: Int = 1) throws(TensorError) -> [Tensor?] {
        let shared = try `where`(try v.eq(b), try div(ctx.grad, .int(2)), ctx.grad)
        return [ctx.needs(0) ? try reduce(try whereZero(isMin ? try v.lt(b) : try v.gt(b), shared), to: mx) : nil,
                ctx.needs(boundInput) ? try reduce(try whereZero(isMin ? try v.gt(b) : try v.lt(b), shared), to: mb) : nil]
    }

    /// ClampBackward0's gradients, as PyTorch 2.15 gives them (measured on every order of
    /// x, min, max and NaN): with one bound, `boundGradients`. With both, `x` keeps the
    /// gradient unless it is below min or above max, halved where it touches a bound of a
    /// non-empty interval (min < max); min gets it where x is below it (half where equal)
    /// and min <= max; max gets it where min > max, and where x is above it (half where
    /// equal) and min <= max. A NaN bound takes no gradient.
    static func clampGradients(_ ctx: BackwardContext, _ v: Tensor, _ lo: Tensor?, _ hi: Tensor?,
                               _ mx: TensorMeta, _ mlo: TensorMeta?, _ mhi: TensorMeta?) throws(TensorError) -> [Tensor?] {
        if let lo, hi == nil, let mlo {
            let gs = try boundGradients(ctx, v, lo, isMin: true, mx, mlo)
            return [gs[0], gs[1], nil]
        }
        if let hi, lo == nil, let mhi {
            let gs = try boundGradients(ctx, v, hi, isMin: false, mx, mhi, boundInput: 2)
            return [gs[0], nil, gs[1]]
        }
        guard let lo, let hi, let mlo, let mhi else { return [ctx.grad, nil, nil] }
        let g = ctx.grad, half = try div(ctx.grad, .int(2))
        let ordered = try lo.lt(hi), orderedOrEqual = try lo.le(hi)
        let atLo = try v.eq(lo), atHi = try v.eq(hi)
        var gx: Tensor? = nil, glo: Tensor? = nil, ghi: Tensor? = nil
        if ctx.needs(0) {
            let touches = try atLo.logicalOr(atHi).logicalAnd(ordered)
            let outside = try v.lt(lo).logicalOr(try v.gt(hi))
            gx = try reduce(try whereZero(outside, try `where`(touches, half, g)), to: mx)
        }
        if ctx.needs(1) {
            let below = try v.lt(lo).logicalAnd(orderedOrEqual)
            let full = try whereZero(below.negatedMask(), g)
            glo = try reduce(try `where`(try atLo.logicalAnd(ordered), half, full), to: mlo)
        }
        if ctx.needs(2) {
            let above = try v.gt(hi).logicalAnd(orderedOrEqual).logicalOr(try lo.gt(hi))
            let full = try whereZero(above.negatedMask(), g)
            ghi = try reduce(try `where`(try atHi.logicalAnd(ordered), half, full), to: mhi)
        }
        return [gx, glo, ghi]
    }
}
