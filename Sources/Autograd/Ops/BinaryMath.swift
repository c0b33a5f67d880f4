import Tensors

/// Elementwise math with two inputs beyond `+ - * / **`: `atan2`, `hypot`, `remainder`,
/// `fmod`, `fmax`/`fmin`, and `floor_divide`, which PyTorch records without a formula.
extension Differentiable {
    /// `atan2(a, b)`: Atan2Backward0; d/da = b / (a² + b²), d/db = -a / (a² + b²).
    public static func atan2(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let out = try a.atan2(b)
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        return try record("Atan2Backward0", [a, b], out, save: [a, b], attributes: [("other", .tensor(1)), ("self", .tensor(0))]) { ctx in
            // PyTorch's order of operations, for the same roundings.
            let x = try ctx.saved(0), y = try ctx.saved(1), g = ctx.grad
            var recip = try reciprocal(try add(try mul(x, x), try mul(y, y)))
            // atan2_backward: recip.masked_fill_(recip.isinf(), 0) (MaskedFillBackward0).
            recip = try maskedFill(recip, try recip.detach().unary(.isinf), .int(0))
            return [ctx.needs(0) ? try reduce(try mul(try mul(g, y), recip), to: ma) : nil,
                    ctx.needs(1) ? try reduce(try mul(try mul(g, try neg(x)), recip), to: mb) : nil]
        }
    }

    /// `hypot(a, b)`: HypotBackward0; d/da = a / result, d/db = b / result.
    public static func hypot(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let out = try a.binary(.hypot, b)
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        return try record("HypotBackward0", [a, b], out, save: [a, b], saveOutput: true,
                          attributes: [("other", .tensor(1)), ("self", .tensor(0)), ("result", .tensor(2))]) { ctx in
            let g = ctx.grad, r = try ctx.saved(2)
            return [ctx.needs(0) ? try reduce(try div(try mul(g, try ctx.saved(0)), r), to: ma) : nil,
                    ctx.needs(1) ? try reduce(try div(try mul(g, try ctx.saved(1)), r), to: mb) : nil]
        }
    }

    /// `remainder(a, b)` (`a % b`): RemainderBackward1; d/db = -floor(a / b).
    public static func remainder(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        try modulo(a, b, floor: true)
    }

    /// `fmod(a, b)`: FmodBackward1; d/db = -trunc(a / b).
    public static func fmod(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        try modulo(a, b, floor: false)
    }

    static func modulo(_ a: Tensor, _ b: Tensor, floor: Bool) throws(TensorError) -> Tensor {
        let out = floor ? try a.remainder(b) : try a.fmod(b)
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        return try record(floor ? "RemainderBackward1" : "FmodBackward1", [a, b], out, save: [b.requiresGrad ? a : nil, b],
                          attributes: [("other", .tensor(1)), ("self", .tensor(0))]) { ctx in
            var gb: Tensor? = nil
            if ctx.needs(1) {
                // -grad * self.div(other, rounding_mode): DivBackward2 under create_graph.
                let q = try div(try ctx.saved(0), try ctx.saved(1), roundingMode: floor ? .floor : .trunc)
                gb = try reduce(try mul(try neg(ctx.grad), q), to: mb)
            }
            return [ctx.needs(0) ? try reduce(ctx.grad, to: ma) : nil, gb]
        }
    }

    /// `remainder(a, n)` (`a % 2`): RemainderBackward0, the gradient passes unchanged.
    public static func remainder(_ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        let out = try a.remainder(b)
        guard isRecording(a) else { return out }
        return record("RemainderBackward0", [a], out) { ctx in [ctx.grad] }
    }

    /// `fmod(a, n)`: FmodBackward0.
    public static func fmod(_ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        let out = try a.fmod(b)
        guard isRecording(a) else { return out }
        return record("FmodBackward0", [a], out) { ctx in [ctx.grad] }
    }

    /// `n % a`: PyTorch has no formula for a number dividend.
    public static func reflectedRemainder(_ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        notImplemented("remainder", [a], try a.binary(.remainder, b, reflected: true))
    }

    /// `floor_divide(a, b)` (`a // b`): recorded as NotImplemented; backward raises.
    public static func floorDivide(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let out = try a.floorDivide(b)
        guard isRecording(a, b) else { return out }
        return notImplemented("floor_divide", [a, b], out)
    }

    public static func floorDivide(_ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        notImplemented("floor_divide", [a], try a.floorDivide(b))
    }

    /// `n // a`.
    public static func reflectedFloorDivide(_ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        notImplemented("floor_divide", [a], try a.binary(.floorDivide, b, reflected: true))
    }

    /// `a.floor_divide_(b)` (`a //= b`): NotImplemented, naming the in-place op.
    @discardableResult
    public static func floorDivide_(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        try checkInPlace(a)
        let recording = isRecording(a, b)
        try a.binaryInPlace(.floorDivide, b)
        if recording { try rebaseNotImplemented(a, [b]) }
        return a
    }

    @discardableResult
    public static func floorDivide_(_ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        try checkInPlace(a)
        let recording = isRecording(a)
        try a.binaryInPlace(.floorDivide, b)
        if recording { try rebaseNotImplemented(a, []) }
        return a
    }

    static func rebaseNotImplemented(_ a: Tensor, _ others: [Tensor]) throws(TensorError) {
        try rebase(a, "torch::autograd::NotImplemented", others) { _ in
            throw TensorError.runtime("derivative for aten::floor_divide_ is not implemented")
        }
    }

    /// PyTorch's NotImplemented node: the output has history, backward through it fails.
    static func notImplemented(_ op: String, _ inputs: [Tensor], _ out: Tensor) -> Tensor {
        guard isRecording(inputs) else { return out }
        return record("torch::autograd::NotImplemented", inputs, out) { _ in
            throw TensorError.runtime("derivative for aten::\(op) is not implemented")
        }
    }

    /// `fmax(a, b)`: FmaxBackward0. Unlike `maximum`, a NaN `b` sends the whole gradient
    /// to `a`.
    public static func fmax(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        try nanIgnoringExtremum(a, b, isMax: true)
    }

    /// `fmin(a, b)`: FminBackward0.
    public static func fmin(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        try nanIgnoringExtremum(a, b, isMax: false)
    }

    static func nanIgnoringExtremum(_ a: Tensor, _ b: Tensor, isMax: Bool) throws(TensorError) -> Tensor {
        let out = try nanIgnoring(a, b, isMax: isMax)
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        return try record(isMax ? "FmaxBackward0" : "FminBackward0", [a, b], out, save: [a, b]) { ctx in
            // Ties share the gradient; `a` keeps it where it wins, ties or `b` is NaN; `b`
            // where it wins strictly and is not NaN (measured on PyTorch 2.15).
            let x = try ctx.saved(0), y = try ctx.saved(1)
            let bIsNaN = try y.unary(.isnan)
            let shared = try `where`(try x.eq(y), try div(ctx.grad, .int(2)), ctx.grad)
            let aKeeps = try (isMax ? try x.ge(y) : try x.le(y)).logicalOr(bIsNaN)
            let bLoses = try (isMax ? try x.gt(y) : try x.lt(y)).logicalOr(bIsNaN)
            return [ctx.needs(0) ? try reduce(try whereZero(try aKeeps.negatedMask(), shared), to: ma) : nil,
                    ctx.needs(1) ? try reduce(try whereZero(bLoses, shared), to: mb) : nil]
        }
    }

    /// `fmax`/`fmin` values: `maximum`/`minimum` except that a NaN loses to a number.
    static func nanIgnoring(_ a: Tensor, _ b: Tensor, isMax: Bool) throws(TensorError) -> Tensor {
        let m = isMax ? try a.maximum(b) : try a.minimum(b)
        guard m.dtype.isFloatingPoint else { return m }
        let preferA = try Tensor.where(try a.unary(.isnan), try b.to(m.dtype), m)
        return try Tensor.where(try b.unary(.isnan), try a.to(m.dtype), preferA)
    }
}
