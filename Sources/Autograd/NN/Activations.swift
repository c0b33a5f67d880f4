import Tensors

/// The activations PyTorch computes with a kernel of their own and names their grad_fn
/// after (`EluBackward0`, `HardsigmoidBackward0`, ...). Forward and backward are written
/// with the Tensors layer's element-wise ops, in the tensor's own float type and in the
/// order PyTorch's CPU kernels compute, so that float32 results round as PyTorch's do.
public enum Activation: Sendable {
    /// `x > 0 ? scale·x : alpha·scale·(exp(inputScale·x) − 1)`: elu, selu, celu.
    case elu(alpha: Double, scale: Double, inputScale: Double)
    /// celu(x, alpha) is elu with inputScale 1/alpha, but PyTorch records CeluBackward0.
    case celu(alpha: Double)
    /// min(max(x + 3, 0), 6) / 6
    case hardsigmoid
    /// x·min(max(x + 3, 0), 6) / 6
    case hardswish
    /// x − λ above λ, x + λ below −λ, 0 between.
    case softshrink(lambda: Double)
    /// x outside [−λ, λ], 0 inside.
    case hardshrink(lambda: Double)
    /// rrelu in evaluation mode: leaky ReLU with the mean slope (lower + upper) / 2.
    case rreluEval(slope: Double)

    public var nodeName: String {
        switch self {
        case .elu: "EluBackward0"
        case .celu: "CeluBackward0"
        case .hardsigmoid: "HardsigmoidBackward0"
        case .hardswish: "HardswishBackward0"
        case .softshrink: "SoftshrinkBackward0"
        case .hardshrink: "HardshrinkBackward0"
        case .rreluEval: "RreluWithNoiseBackward0"
        }
    }

    /// The node's `_saved_*` arguments besides `self` (slot 0), as PyTorch's defaults show
    /// them (elu's scale and input_scale are the ints 1; selu's scale a float).
    var savedAttributes: [(String, SavedAttribute)] {
        let number: (Double) -> SavedAttribute = { $0 == 1 ? .scalar(.int(1)) : .scalar(.float($0)) }
        switch self {
        case let .elu(alpha, scale, inputScale):
            return [("alpha", .scalar(.float(alpha))), ("input_scale", number(inputScale)), ("scale", number(scale)), ("self", .tensor(0))]
        case let .celu(alpha): return [("alpha", .scalar(.float(alpha))), ("self", .tensor(0))]
        case .hardsigmoid, .hardswish: return [("self", .tensor(0))]
        case let .softshrink(l), let .hardshrink(l): return [("lambd", .scalar(.float(l))), ("self", .tensor(0))]
        case .rreluEval: return []
        }
    }

    var opName: String {
        switch self {
        case .elu: "elu"
        case .celu: "celu"
        case .hardsigmoid: "hardsigmoid"
        case .hardswish: "hardswish"
        case .softshrink: "softshrink"
        case .hardshrink: "hardshrink"
        case .rreluEval: "rrelu_with_noise"
        }
    }

    /// elu's three coefficients as PyTorch's kernel holds them: each a `scalar_t`, and
    /// negcoef = alpha·scale multiplied in that type.
    func eluCoefficients(_ dtype: DType) -> (neg: Double, pos: Double, input: Double)? {
        let round: (Double) -> Double = dtype == .float32 ? { Double(Float($0)) } : { $0 }
        switch self {
        case let .elu(alpha, scale, inputScale):
            return (round(round(alpha) * round(scale)), round(scale), round(inputScale))
        case let .celu(alpha):
            return (round(alpha), 1, round(1 / alpha))
        default:
            return nil
        }
    }

    public func forward(_ x: Tensor) throws(TensorError) -> Tensor {
        try requireFloat(x.dtype, op: opName)
        if let c = eluCoefficients(x.dtype) { return try Activation.eluForward(x, c) }
        switch self {
        case .hardsigmoid:
            return try x.add(.int(3)).clamp(min: .int(0), max: .int(6)).div(.int(6))
        case .hardswish:
            return try x.mul(try x.add(.int(3)).clamp(min: .int(0), max: .int(6))).div(.int(6))
        case let .softshrink(l):
            // PyTorch's kernel: +0 between −λ and λ in its vector lanes, x·0 in the tail.
            if let exact = try x.softshrinkValues(lambda: l) { return exact }
            // Between −λ and λ PyTorch returns x·0, which keeps the sign of a negative x.
            let inner = try Tensor.where(try x.lt(.float(-l)), try x.add(.float(l)), try x.mul(.int(0)))
            return try Tensor.where(try x.gt(.float(l)), try x.sub(.float(l)), inner)
        case let .hardshrink(l):
            return try Tensor.where(try Activation.inside(x, l), .int(0), x)
        case let .rreluEval(slope):
            return try Tensor.where(try x.le(.int(0)), try x.mul(.float(slope)), x)
        case .elu, .celu:
            preconditionFailure("handled above")
        }
    }

    /// The coefficients `elu_backward` gets: celu's formula passes input_scale as
    /// `1.0 / alpha.toFloat()` (alpha rounded to float first), unlike its forward.
    func eluBackwardCoefficients(_ dtype: DType) -> (neg: Double, pos: Double, input: Double)? {
        guard case let .celu(alpha) = self else { return eluCoefficients(dtype) }
        let round: (Double) -> Double = dtype == .float32 ? { Double(Float($0)) } : { $0 }
        return (round(alpha), 1, round(1 / Double(Float(alpha))))
    }

    /// The gradient with respect to the input, given the output gradient `g`.
    public func backward(_ g: Tensor, _ x: Tensor) throws(TensorError) -> Tensor {
        if let c = eluBackwardCoefficients(x.dtype) {
            // celu's backward is elu_backward with its own coefficients: the same kernel.
            if let exact = try Tensor.activationBackward(.elu(neg: c.neg, pos: c.pos, input: c.input), grad: g, input: x) {
                return exact
            }
            let negative = try g.mul(.float(c.input)).mul(.float(c.neg)).mul(try x.mul(.float(c.input)).exp())
            return try Tensor.where(try x.le(.int(0)), negative, try g.mul(.float(c.pos)))
        }
        switch self {
        case .hardsigmoid:
            let inside = try x.gt(.int(-3)).logicalAnd(try x.lt(.int(3)))
            // ATen's kernel: scalar_t one_sixth(1.0f / 6.0f), a float constant even for double.
            return try Tensor.where(inside, try g.mul(.float(Double(Float(1) / Float(6)))), .int(0))
        case .hardswish:
            let middle = try g.mul(try x.div(.int(3)).add(.float(0.5)))
            return try Tensor.where(try x.lt(.int(-3)), .int(0), try Tensor.where(try x.le(.int(3)), middle, g))
        case let .softshrink(l), let .hardshrink(l):
            return try Tensor.where(try Activation.inside(x, l), .int(0), g)
        case let .rreluEval(slope):
            return try Tensor.where(try x.le(.int(0)), try g.mul(.float(slope)), g)
        case .elu, .celu:
            preconditionFailure("handled above")
        }
    }

    static func inside(_ x: Tensor, _ l: Double) throws(TensorError) -> Tensor {
        try x.ge(.float(-l)).logicalAnd(try x.le(.float(l)))
    }

    /// PyTorch's kernel (Elu.h): expm1(x·inputScale)·negcoef where x < 0, x·scale elsewhere;
    /// the `.elu` kernel computes the negative side as PyTorch's vector loop does (SLEEF's
    /// expm1 in whole blocks of two vectors, libm's in the tail), so it runs on the scaled
    /// input with PyTorch's blocks.
    /// The kernel runs on `x` in its own layout (an input scale of 1 changes nothing), so
    /// its loop walks the elements in TensorIterator's order: memory order for a transposed
    /// tensor, all scalar tail for a strided one.
    static func eluForward(_ x: Tensor, _ c: (neg: Double, pos: Double, input: Double)) throws(TensorError) -> Tensor {
        let scaled = c.input == 1 ? x : try x.mul(.float(c.input))
        let negative = try scaled.unary(.elu(alpha: c.neg))
        return try Tensor.where(try x.le(.int(0)), negative, c.pos == 1 ? x : try x.mul(.float(c.pos)))
    }
}

extension Differentiable {
    /// One of the activations above, recording its node when `x` requires grad.
    public static func activation(_ x: Tensor, _ a: Activation) throws(TensorError) -> Tensor {
        let out = try a.forward(x.detach())
        guard isRecording(x) else { return out }
        return try record(a.nodeName, [x], out, save: [x], attributes: a.savedAttributes) { ctx in
            [try activationBackward(a, ctx.grad, try ctx.saved(0))]
        }
    }

    /// `F.glu(x, dim)`: first half times sigmoid of the second half; GluBackward0.
    public static func glu(_ x: Tensor, dim: Int) throws(TensorError) -> Tensor {
        try requireFloat(x.dtype, op: "glu")
        if x.rank == 0 { throw .runtime("glu does not support scalars because halving size must be even") }
        let d = try Shape.wrapDim(dim, rank: x.rank)
        let n = x.sizes[d]
        if n % 2 != 0 {
            throw .runtime("Halving dimension must be even, but dimension \(d) is size \(n)")
        }
        let v = x.detach()
        let a = try v.narrow(d, start: 0, length: n / 2), b = try v.narrow(d, start: n / 2, length: n / 2)
        let out = try a.mul(try b.sigmoid())
        guard isRecording(x) else { return out }
        return try record("GluBackward0", [x], out, save: [x], attributes: [("dim", .int(dim)), ("self", .tensor(0))]) { ctx in
            [try gluBackward(ctx.grad, try ctx.saved(0), dim: d)]
        }
    }

    /// `F.prelu(x, weight)`: x where positive, weight·x elsewhere, with one weight or one
    /// per channel (dimension 1); PreluKernelBackward0.
    public static func prelu(_ x: Tensor, _ weight: Tensor) throws(TensorError) -> Tensor {
        try requireFloat(x.dtype, op: "prelu")
        let channels = x.rank >= 2 ? x.sizes[1] : 1
        if weight.numel != 1 && weight.numel != channels {
            throw .runtime("Mismatch of parameter numbers and input channel size. Found parameter numbers = \(weight.numel) and channel size = \(channels).")
        }
        var shape = [Int](repeating: 1, count: Swift.max(x.rank, 1))
        if weight.numel != 1 { shape[1] = channels }
        if x.rank == 0 { shape = [] }
        let w = try weight.detach().reshape(shape)
        let v = x.detach()
        let out = try Tensor.where(try v.gt(.int(0)), v, try w.mul(v))
        guard isRecording([x, weight]) else { return out }
        // at::prelu reshapes the weight to broadcast (a view, ViewBackward0) and calls
        // _prelu_kernel on (self, weight); its backward is _prelu_kernel_backward, whose
        // weight gradient the engine sums to the viewed weight's shape.
        let viewed = x.rank != weight.rank ? try reshape(weight, shape) : weight
        return try record("PreluKernelBackward0", [x, viewed], out, save: [x, viewed],
                          attributes: [("self", .tensor(0)), ("weight", .tensor(1))]) { ctx in
            let v = try ctx.saved(0), w = try ctx.saved(1)
            let (gx, gwFull) = try preluKernelBackward(ctx.grad, v, w)
            return [ctx.needs(0) ? gx : nil, ctx.needs(1) ? try sumToSize(gwFull, w.sizes) : nil]
        }
    }
}
