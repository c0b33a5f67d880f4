import Tensors

/// Autograd for the special functions (derivatives.yaml's formulas and node names):
/// `DigammaBackward0`, `PolygammaBackward0`, `ErfinvBackward0`, `I0Backward0`,
/// `SpecialI0EBackward0`, `SpecialI1Backward0`, `SpecialI1EBackward0`,
/// `SpecialNdtriBackward0`, `SincBackward0`, `MvlgammaBackward0`. Functions PyTorch has no
/// formula for (the Bessel family, zeta) record `NotImplemented`, as PyTorch's do.
extension Differentiable {
    public static func special(_ x: Tensor, _ op: SpecialUnaryOp) throws(TensorError) -> Tensor {
        if case let .multigammaln(p) = op { return try multigammaln(x, p) }
        let out = try x.special(op)
        guard isRecording(x), out.dtype.isFloatingPoint else { return out }
        switch op {
        case .digamma:
            return try unaryOp("DigammaBackward0", x, out) { g, x in try mul(g, try special(x, .polygamma(1))) }
        case .trigamma:
            return try unaryOp("PolygammaBackward0", x, out) { g, x in try mul(g, try special(x, .polygamma(2))) }
        case let .polygamma(n):
            return try unaryOp("PolygammaBackward0", x, out) { g, x in try mul(g, try special(x, .polygamma(n + 1))) }
        case .erfinv:
            return try unaryOp("ErfinvBackward0", x, out) { g, x in
                let e = try exp(try pow(try special(x, .erfinv), .int(2)))
                return try mul(try mulScalarOverload(e, .float(0.5 * Double.pi.squareRoot())), g)
            }
        case .i0:
            return try unaryOp("I0Backward0", x, out) { g, x in try mul(g, try special(x, .i1)) }
        case .i0e:
            return try record("SpecialI0EBackward0", [x], out, save: [x], saveOutput: true) { ctx in
                let x = try ctx.saved(0), y = try ctx.saved(1)
                return [try mul(ctx.grad, try sub(try special(x, .i1e), try mul(try sgn(x), y)))]
            }
        case .i1, .i1e:
            let scaled = op == .i1e
            return try record(scaled ? "SpecialI1EBackward0" : "SpecialI1Backward0", [x], out, save: [x], saveOutput: true) { ctx in
                let x = try ctx.saved(0), y = try ctx.saved(1)
                let eps: Scalar = .float(x.dtype == .float32 ? Double(Float.ulpOfOne) : Double.ulpOfOne)
                let notTiny = try abs(x).binary(.gt, eps)
                let safe = try whereTensor(notTiny, x, try x.fullLike(eps))
                let gradx: Tensor
                if scaled {
                    gradx = try sub(try special(safe, .i0e), try mul(y, try add(try sgn(safe), try reciprocal(safe))))
                } else {
                    gradx = try sub(try special(safe, .i0), try mul(y, try reciprocal(safe)))
                }
                return [try mul(ctx.grad, try whereTensor(notTiny, gradx, try gradx.fullLike(.float(0.5))))]
            }
        case .ndtri:
            return record("SpecialNdtriBackward0", [x], out, saveOutput: true) { ctx in
                let y = try ctx.saved(0)
                let e = try exp(try div(try square(y), .int(2)))
                return [try mul(try mul(ctx.grad, .float((2 * Double.pi).squareRoot())), e)]
            }
        case .sinc:
            return try unaryOp("SincBackward0", x, out) { g, x in
                // sinc_backward: where(self*self*pi == 0, 0, grad * ((self*pi*cos(self*pi) - sin(self*pi)) / (self*self*pi))),
                // the products with pi ATen mul.Scalar (MulBackward1).
                let xPi = try mulScalarOverload(x, .float(Double.pi))
                let xxPi = try mulScalarOverload(try mul(x, x), .float(Double.pi))
                // `(self_pi * self_pi.cos()) - self_pi.sin()` with ATen's C++ operands built right
                // to left (sin, cos, mul): the order the engine later accumulates their gradients in.
                let sinPi = try sin(xPi)
                let cosPi = try cos(xPi)
                let num = try sub(try mul(xPi, cosPi), sinPi)
                let r = try mul(g, try div(num, xxPi))
                return try `where`(try xxPi.binary(.eq, .int(0)), Scalar.int(0), r)
            }
        case .multigammaln:
            preconditionFailure("mvlgamma goes through multigammaln")
        case .besselJ0:
            return try unaryOp("SpecialBesselJ0Backward0", x, out) { g, x in try mul(try neg(g), try special(x, .besselJ1)) }
        case .besselJ1:
            return try unaryOp("SpecialBesselJ1Backward0", x, out) { g, x in
                try mul(g, try sub(try special(x, .besselJ0), try mul(try special(x, .besselJ1), try reciprocal(x))))
            }
        case .besselY0:
            return try unaryOp("SpecialBesselY0Backward0", x, out) { g, x in try mul(try neg(g), try special(x, .besselY1)) }
        case .besselY1:
            return try unaryOp("SpecialBesselY1Backward0", x, out) { g, x in
                try mul(g, try sub(try special(x, .besselY0), try mul(try special(x, .besselY1), try reciprocal(x))))
            }
        case .modifiedBesselI0:
            return try unaryOp("SpecialModifiedBesselI0Backward0", x, out) { g, x in try mul(g, try special(x, .modifiedBesselI1)) }
        case .modifiedBesselI1:
            return try unaryOp("SpecialModifiedBesselI1Backward0", x, out) { g, x in
                try mul(g, try sub(try special(x, .modifiedBesselI0), try mul(try special(x, .modifiedBesselI1), try reciprocal(x))))
            }
        case .modifiedBesselK0:
            return try unaryOp("SpecialModifiedBesselK0Backward0", x, out) { g, x in try mul(try neg(g), try special(x, .modifiedBesselK1)) }
        case .modifiedBesselK1:
            return try unaryOp("SpecialModifiedBesselK1Backward0", x, out) { g, x in
                try mul(try neg(g), try add(try special(x, .modifiedBesselK0), try mul(try special(x, .modifiedBesselK1), try reciprocal(x))))
            }
        case .erfcx:
            return try record("SpecialErfcxBackward0", [x], out, save: [x], saveOutput: true) { ctx in
                let x = try ctx.saved(0), y = try ctx.saved(1)
                let d = try sub(try mul(try mul(x, .float(2)), y), .float(2 / Double.pi.squareRoot()))
                return [try mul(d, ctx.grad)]
            }
        case .logNdtr:
            return try record("SpecialLogNdtrBackward0", [x], out, save: [x], saveOutput: true) { ctx in
                let x = try ctx.saved(0), y = try ctx.saved(1)
                let e = try exp(try neg(try add(y, try div(try pow(x, .int(2)), .int(2)))))
                // derivatives.yaml's grad / std::sqrt(2π): PyTorch 2.15's gradients equal
                // grad · (1/√(2π)) bit for bit (the reciprocal taken in double), float32 and
                // float64, not the quotient eager Python's `grad / 2.5066…` gives.
                return [try mul(try mul(ctx.grad, .float(1 / (2 * Double.pi).squareRoot())), e)]
            }
        case .entr:
            // derivatives.yaml: grad * (-(1 + self.log()))
            return try unaryOp("SpecialEntrBackward0", x, out) { g, x in try mul(g, try neg(try add(try log(x), .int(1)))) }
        default:
            // scaled_modified_bessel_k0/k1, airy_ai, spherical_bessel_j0: PyTorch gives these
            // no autograd formula and marks the output as not requiring grad.
            return out
        }
    }

    /// Two-input special functions: `XlogyBackward0`, `LogaddexpBackward0`,
    /// `Logaddexp2Backward0`, `CopysignBackward0`, `SpecialXlog1PyBackward0`; the rest
    /// (zeta, polynomials, nextafter, heaviside) have no formula in PyTorch.
    /// `scalarOperand` says which operand (0 or 1) was a Python number: PyTorch's overload
    /// for it names the node `…Backward1` (number first) or `…Backward2` (number second).
    public static func special(_ op: SpecialBinaryOp, _ a: Tensor, _ b: Tensor, dtype: DType,
                               scalarOperand: Int? = nil) throws(TensorError) -> Tensor {
        let out = try Tensor.special(op, a, b, dtype: dtype)
        guard isRecording(a, b), dtype.isFloatingPoint else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        let suffix = scalarOperand.map { $0 == 0 ? "1" : "2" } ?? "0"
        switch op {
        case .xlogy:
            if let k = scalarOperand {
                // xlogy.Scalar_Self / xlogy.Scalar_Other: the number is no input, so the node
                // has one edge, the tensor operand's.
                return try record("XlogyBackward" + suffix, [k == 0 ? b : a], out, save: [a, b]) { ctx in
                    let x = try ctx.saved(0), y = try ctx.saved(1), g = ctx.grad
                    if k == 0 { return [try reduce(try div(try mul(g, x), y), to: mb)] }
                    let mask = try x.binary(.eq, .int(0)).binary(.logicalAnd, try y.binary(.le, .int(0)))
                    return [try reduce(try whereZero(mask, try special(.xlogy, g, y, dtype: g.dtype)), to: ma)]
                }
            }
            return try record("XlogyBackward" + suffix, [a, b], out, save: [a, b],
                              attributes: [("other", .tensor(1)), ("self", .tensor(0))]) { ctx in
                let x = try ctx.saved(0), y = try ctx.saved(1), g = ctx.grad
                // The generated node's sorted order: other (grad * self / other) first, then
                // self (xlogy(grad, other), zero where self == 0 and other <= 0).
                let gb: Tensor? = ctx.needs(1) ? try reduce(try div(try mul(g, x), y), to: mb) : nil
                var ga: Tensor? = nil
                if ctx.needs(0) {
                    let mask = try x.binary(.eq, .int(0)).binary(.logicalAnd, try y.binary(.le, .int(0)))
                    ga = try reduce(try whereZero(mask, try special(.xlogy, g, y, dtype: g.dtype)), to: ma)
                }
                return [ga, gb]
            }
        case .xlog1py:
            return try record("SpecialXlog1PyBackward" + suffix, [a, b], out, save: [a, b]) { ctx in
                let x = try ctx.saved(0), y = try ctx.saved(1), g = ctx.grad
                // xlog1py(grad, other), zero where self == 0 and other <= -1 (derivatives.yaml):
                // self = 0 with other = inf gives grad·inf, not 0.
                var ga: Tensor? = nil
                if ctx.needs(0) {
                    let mask = try x.binary(.eq, .int(0)).binary(.logicalAnd, try y.binary(.le, .int(-1)))
                    ga = try reduce(try whereZero(mask, try special(.xlog1py, g, y, dtype: g.dtype)), to: ma)
                }
                let gb: Tensor? = ctx.needs(1) ? try reduce(try div(try mul(g, x), try add(y, .int(1))), to: mb) : nil
                return [ga, gb]
            }
        case .logaddexp, .logaddexp2:
            let base2 = op == .logaddexp2
            return try record(base2 ? "Logaddexp2Backward0" : "LogaddexpBackward0", [a, b], out, save: [a, b]) { ctx in
                let x = try ctx.saved(0), y = try ctx.saved(1), g = ctx.grad
                func part(_ d: Tensor) throws(TensorError) -> Tensor {
                    let e = base2 ? try pow(.int(2), d) : try exp(d)
                    // grad / (1 + exp(other - self)): `1 + t` is ATen's add.Scalar (AddBackward1).
                    return try div(g, try addScalarOverload(e, .int(1)))
                }
                return [ctx.needs(0) ? try reduce(try part(try sub(y, x)), to: ma) : nil,
                        ctx.needs(1) ? try reduce(try part(try sub(x, y)), to: mb) : nil]
            }
        case .copysign:
            return try record(scalarOperand == nil ? "CopysignBackward0" : "CopysignBackward1", [a, b], out, save: [a], saveOutput: true) { ctx in
                let x = try ctx.saved(0), y = try ctx.saved(1)
                let ratio = try whereZero(try x.binary(.eq, .int(0)), try div(y, x))
                return [ctx.needs(0) ? try reduce(try mul(ctx.grad, ratio), to: ma) : nil,
                        ctx.needs(1) ? try reduce(try ctx.grad.zerosLike(), to: mb) : nil]
            }
        case .zeta:
            return try record("SpecialZetaBackward" + suffix, [a, b], out, save: [a, b]) { ctx in
                if ctx.needs(0) { throw TensorError.notImplemented("the derivative for 'zeta' is not implemented.") }
                let x = try ctx.saved(0), q = try ctx.saved(1)
                let d = try special(.zeta, try add(x, .float(1)), q, dtype: q.dtype)
                return [nil, ctx.needs(1) ? try reduce(try mul(try mul(ctx.grad, try neg(x)), d), to: mb) : nil]
            }
        case .nextafter:
            return record("NextafterBackward0", [a, b], out) { ctx in
                [ctx.needs(0) ? try reduce(ctx.grad, to: ma) : nil, ctx.needs(1) ? try reduce(try ctx.grad.zerosLike(), to: mb) : nil]
            }
        case .heaviside:
            return notImplemented(SpecialNames.aten(op), [a, b], out)
        case .igamma, .igammac:
            // d/dx P(a, x) = x^(a−1) e^(−x) / Γ(a); Q's is its negative; no formula for a.
            let upper = op == .igammac
            return try record(upper ? "IgammacBackward0" : "IgammaBackward0", [a, b], out, save: [a, b]) { ctx in
                if ctx.needs(0) { throw TensorError.notImplemented("the derivative for '\(upper ? "igammac" : "igamma"): input' is not implemented.") }
                let s = try ctx.saved(0), x = try ctx.saved(1)
                let e = try exp(try sub(try sub(try mul(try sub(s, .int(1)), try log(x)), x), try lgamma(s)))
                return [nil, ctx.needs(1) ? try reduce(try mul(upper ? try neg(ctx.grad) : ctx.grad, e), to: mb) : nil]
            }
        default:
            // The orthogonal polynomials: no formula; the output does not require grad.
            return out
        }
    }

    /// `ldexp(x, e)` = x·2^e: LdexpBackward0 sends `grad·2^e` to x and `grad·x·2^e·ln 2` to e.
    public static func ldexp(_ x: Tensor, _ e: Tensor) throws(TensorError) -> Tensor {
        let out = try GradMode.withGradMode(false) { () throws(TensorError) -> Tensor in
            try ldexpValue(x.detach(), e.detach())
        }
        guard isRecording(x, e) else { return out }
        let mx = TensorMeta(x), me = TensorMeta(e)
        return try record("LdexpBackward0", [x, e], out, save: [x, e]) { ctx in
            let x = try ctx.saved(0), e = try ctx.saved(1), g = ctx.grad
            let p = try pow(.float(2), e)
            return [ctx.needs(0) ? try reduce(try mul(g, p), to: mx) : nil,
                    ctx.needs(1) ? try reduce(try mul(try mul(try mul(g, x), p), .float(0.6931471805599453)), to: me) : nil]
        }
    }

    /// PyTorch 2.15's `ldexp`: a floating x with an integer exponent goes to `ldexp_stub`
    /// (`std::ldexp` into `empty_like(x)`: x's dtype, x·2^e rounded once; a bool exponent
    /// has no kernel); otherwise `mul(x, _pow2(x, e))`, where `_pow2` is `pow(2., e)` for an
    /// integer or float32 x and `full((), 2., x.dtype).pow(e)` for the others, so a 0-dim
    /// float16 x with a 0-dim bfloat16 exponent takes the power in float32 (no bfloat16
    /// rounding) and a float64 x promotes the power to float64.
    static func ldexpValue(_ x: Tensor, _ e: Tensor) throws(TensorError) -> Tensor {
        if x.dtype.isFloatingPoint && !x.dtype.isComplex && (e.dtype.isIntegral || e.dtype == .bool) {
            if e.dtype == .bool { throw .notImplemented("\"ldexp_cpu_exp\" not implemented for 'Bool'") }
            // Powers of two and their products with x are exact in float64 (within its range).
            let p = try pow(.float(2), try e.to(.float64))
            return try mul(try x.to(.float64), p).to(x.dtype)
        }
        if x.dtype.isIntegral || x.dtype == .bool || x.dtype == .float32 {
            return try mul(x, try pow(.float(2), e))
        }
        return try mul(x, try pow(try Tensor.full([], .float(2), dtype: x.dtype, device: x.device), e))
    }

    /// `mvlgamma(x, p)` as PyTorch composes it: `args = arange(-p/2 + 0.5, 0.5, 0.5)`,
    /// `(args + x.unsqueeze(-1)).lgamma().sum(-1) + p(p−1)/4·log π` (so lgamma runs in
    /// PyTorch's vector loop over the [..., p] tensor); MvlgammaBackward0 sends
    /// `grad · Σ digamma(args + x)`.
    static func multigammaln(_ x: Tensor, _ p: Int) throws(TensorError) -> Tensor {
        // mvlgamma_check (UnaryOps.cpp).
        if x.dtype == .bool { throw .runtime("The input tensor may not be a boolean tensor.") }
        let dtype = x.dtype.floatResult()
        func arguments(_ x: Tensor) throws(TensorError) -> Tensor {
            let args = try Tensor.arange(start: .float(-Double(p) / 2 + 0.5), end: .float(0.5), step: .float(0.5), dtype: dtype, device: x.device)
            return try add(args, try unsqueeze(x, -1))
        }
        let out = try GradMode.withGradMode(false) { () throws(TensorError) -> Tensor in
            let l = try arguments(x.detach()).unary(.lgamma)
            return try add(try sum(l, dims: [-1]), .float(Double(p * (p - 1)) * RealMath.log(Double.pi) * 0.25))
        }
        guard isRecording(x) else { return out }
        return try unaryOp("MvlgammaBackward0", x, out) { g, x in
            try mul(g, try sum(try special(try arguments(x), .digamma), dims: [-1]))
        }
    }

    /// `where(cond, a, b)` on plain tensors inside a backward formula.
    static func whereTensor(_ cond: Tensor, _ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        try add(try whereZero(try cond.unary(.logicalNot), a), try whereZero(cond, b))
    }
}

/// ATen's operator names, for the "derivative for aten::… is not implemented" text.
public enum SpecialNames {
    public static func aten(_ op: SpecialUnaryOp) -> String {
        switch op {
        case .digamma: "digamma"
        case .trigamma, .polygamma: "polygamma"
        case .erfinv: "erfinv"
        case .i0: "i0"
        case .i0e: "special_i0e"
        case .i1: "special_i1"
        case .i1e: "special_i1e"
        case .ndtri: "special_ndtri"
        case .sinc: "sinc"
        case .besselJ0: "special_bessel_j0"
        case .besselJ1: "special_bessel_j1"
        case .besselY0: "special_bessel_y0"
        case .besselY1: "special_bessel_y1"
        case .modifiedBesselI0: "special_modified_bessel_i0"
        case .modifiedBesselI1: "special_modified_bessel_i1"
        case .modifiedBesselK0: "special_modified_bessel_k0"
        case .modifiedBesselK1: "special_modified_bessel_k1"
        case .scaledModifiedBesselK0: "special_scaled_modified_bessel_k0"
        case .scaledModifiedBesselK1: "special_scaled_modified_bessel_k1"
        case .airyAi: "special_airy_ai"
        case .sphericalBesselJ0: "special_spherical_bessel_j0"
        case .erfcx: "special_erfcx"
        case .logNdtr: "special_log_ndtr"
        case .entr: "special_entr"
        case .multigammaln: "mvlgamma"
        }
    }

    public static func aten(_ op: SpecialBinaryOp) -> String {
        switch op {
        case .xlogy: "xlogy"
        case .xlog1py: "special_xlog1py"
        case .logaddexp: "logaddexp"
        case .logaddexp2: "logaddexp2"
        case .copysign: "copysign"
        case .nextafter: "nextafter"
        case .heaviside: "heaviside"
        case .zeta: "special_zeta"
        case .igamma: "igamma"
        case .igammac: "igammac"
        case .gcd: "gcd"
        case .lcm: "lcm"
        case let .polynomial(kind):
            switch kind {
            case .chebyshevT: "special_chebyshev_polynomial_t"
            case .chebyshevU: "special_chebyshev_polynomial_u"
            case .chebyshevV: "special_chebyshev_polynomial_v"
            case .chebyshevW: "special_chebyshev_polynomial_w"
            case .shiftedChebyshevT: "special_shifted_chebyshev_polynomial_t"
            case .shiftedChebyshevU: "special_shifted_chebyshev_polynomial_u"
            case .shiftedChebyshevV: "special_shifted_chebyshev_polynomial_v"
            case .shiftedChebyshevW: "special_shifted_chebyshev_polynomial_w"
            case .hermiteH: "special_hermite_polynomial_h"
            case .hermiteHe: "special_hermite_polynomial_he"
            case .laguerreL: "special_laguerre_polynomial_l"
            case .legendreP: "special_legendre_polynomial_p"
            }
        }
    }
}

extension Differentiable {
    /// `lerp(start, end, weight)`: LerpBackward0 for a number weight (`weightScalar`),
    /// LerpBackward1 for a tensor weight (which then also gets `grad·(end − start)`).
    public static func lerp(_ start: Tensor, _ end: Tensor, weight: Tensor, weightScalar: Double?) throws(TensorError) -> Tensor {
        try Tensor.checkPointwiseDType(.lerp, start.dtype, scalarWeight: weightScalar != nil)
        let out = try Tensor.pointwise(.lerp, start, end, weight, dtype: start.dtype)
        let tensorWeight = weightScalar == nil
        guard isRecording(tensorWeight ? [start, end, weight] : [start, end]) else { return out }
        let ms = TensorMeta(start), me = TensorMeta(end), mw = TensorMeta(weight)
        if let w = weightScalar {
            return record("LerpBackward0", [start, end], out, attributes: [("weight", .scalar(.float(w)))]) { ctx in
                // grad * weight, grad * (1 - weight): ATen's mul.Scalar (MulBackward1), in the
                // generated node's sorted order (end, self).
                let ge = ctx.needs(1) ? try reduce(try mulScalarOverload(ctx.grad, .float(w)), to: me) : nil
                return [ctx.needs(0) ? try reduce(try mulScalarOverload(ctx.grad, .float(1 - w)), to: ms) : nil, ge]
            }
        }
        // end and self are only saved for the weight's gradient: None otherwise.
        let forWeight = weight.requiresGrad
        return try record("LerpBackward1", [start, end, weight], out, save: [forWeight ? start : nil, forWeight ? end : nil, weight],
                          attributes: [("end", .tensor(1)), ("self", .tensor(0)), ("weight", .tensor(2))]) { ctx in
            let w = try ctx.saved(2), g = ctx.grad
            // Sorted order end, self, weight (the order the nodes are made under create_graph).
            // C++'s `1 - weight` is empty_like(weight).fill_(1).sub_(weight): SubBackward0
            // over (nothing, weight).
            let ge = ctx.needs(1) ? try reduce(try mul(g, w), to: me) : nil
            let gs = ctx.needs(0) ? try reduce(try mul(g, try sub(try w.detach().fullLike(.int(1)), w)), to: ms) : nil
            return [gs, ge, ctx.needs(2) ? try reduce(try mul(g, try sub(try ctx.saved(1), try ctx.saved(0))), to: mw) : nil]
        }
    }

    /// `addcmul(self, t1, t2, value)`: AddcmulBackward0; `addcdiv`: AddcdivBackward0.
    public static func pointwise(_ op: PointwiseTernary, _ x: Tensor, _ t1: Tensor, _ t2: Tensor, dtype: DType) throws(TensorError) -> Tensor {
        let out = try Tensor.pointwise(op, x, t1, t2, dtype: dtype)
        guard isRecording([x, t1, t2]), dtype.isFloatingPoint else { return out }
        let mx = TensorMeta(x), m1 = TensorMeta(t1), m2 = TensorMeta(t2)
        switch op {
        case let .addcmul(value):
            return try record("AddcmulBackward0", [x, t1, t2], out, save: [t1, t2],
                              attributes: [("tensor1", .tensor(0)), ("tensor2", .tensor(1)), ("value", .scalar(pythonNumber(value)))]) { ctx in
                let a = try ctx.saved(0), b = try ctx.saved(1), g = ctx.grad
                // grad * (tensor2 * value), grad * (tensor1 * value) (mul.Scalar inside).
                return [ctx.needs(0) ? try reduce(g, to: mx) : nil,
                        ctx.needs(1) ? try reduce(try mul(g, try mulScalarOverload(b, .float(value))), to: m1) : nil,
                        ctx.needs(2) ? try reduce(try mul(g, try mulScalarOverload(a, .float(value))), to: m2) : nil]
            }
        case let .addcdiv(value):
            return try record("AddcdivBackward0", [x, t1, t2], out, save: [t1, t2],
                              attributes: [("tensor1", .tensor(0)), ("tensor2", .tensor(1)), ("value", .scalar(pythonNumber(value)))]) { ctx in
                let a = try ctx.saved(0), b = try ctx.saved(1), g = ctx.grad
                // grad * (value / tensor2), -grad * ((value * tensor1) / (tensor2 * tensor2)).
                return [ctx.needs(0) ? try reduce(g, to: mx) : nil,
                        ctx.needs(1) ? try reduce(try mul(g, try div(try b.fullLike(.float(value)), b)), to: m1) : nil,
                        ctx.needs(2) ? try reduce(try mul(try neg(g), try div(try mulScalarOverload(a, .float(value)), try mul(b, b))), to: m2) : nil]
            }
        case .lerp:
            preconditionFailure("lerp goes through Differentiable.lerp")
        }
    }

    /// `frexp(x)`: (mantissa, exponent) with |mantissa| in [0.5, 1); FrexpBackward0 sends
    /// `grad / 2^exponent` to x (the exponent is not differentiable).
    public static func frexp(_ x: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        let (m, e) = try x.frexp()
        guard isRecording(x) else { return (m, e) }
        let mx = TensorMeta(x)
        let mantissa = try record("FrexpBackward0", [x], m, save: [e]) { ctx in
            let e = try ctx.saved(0)
            return [try to(try div(ctx.grad, try pow(.int(2), try to(e, ctx.grad.dtype))), mx.dtype)]
        }
        return (mantissa, e)
    }
}
