import Autograd
import Interpreter
import Tensors

/// The elementwise special functions: `torch.digamma`, `erfinv`, `i0`, `sinc`, `polygamma`,
/// `mvlgamma`, `xlogy`, `logaddexp(2)`, `copysign`, `nextafter`, `heaviside`, `gcd`, `lcm`,
/// `ldexp`, `frexp`, `lerp`, `addcmul`, `addcdiv`, their Tensor methods and in-place twins,
/// and the kernels `torch.special` reaches through `torch._special_*`.
extension TorchRuntime {
    static let specialUnaryNames: [(String, SpecialUnaryOp)] = [
        ("digamma", .digamma), ("erfinv", .erfinv), ("i0", .i0), ("sinc", .sinc),
    ]

    /// Kernels only `torch.special` names (bound as `torch._special_<name>`).
    static let specialOnlyUnaryNames: [(String, SpecialUnaryOp)] = [
        ("i0e", .i0e), ("i1", .i1), ("i1e", .i1e), ("ndtri", .ndtri),
        ("bessel_j0", .besselJ0), ("bessel_j1", .besselJ1), ("bessel_y0", .besselY0), ("bessel_y1", .besselY1),
        ("modified_bessel_i0", .modifiedBesselI0), ("modified_bessel_i1", .modifiedBesselI1),
        ("modified_bessel_k0", .modifiedBesselK0), ("modified_bessel_k1", .modifiedBesselK1),
        ("scaled_modified_bessel_k0", .scaledModifiedBesselK0), ("scaled_modified_bessel_k1", .scaledModifiedBesselK1),
        ("airy_ai", .airyAi), ("spherical_bessel_j0", .sphericalBesselJ0), ("erfcx", .erfcx), ("log_ndtr", .logNdtr),
        ("entr", .entr),
    ]

    /// How a two-input op chooses its dtype, and the kernel name its dtype error prints.
    enum SpecialDTypeRule {
        /// Integers promote to float32 (PyTorch's "binary float" ops).
        case float
        /// The common dtype must already be floating point.
        case floatOnly(String)
        /// The common dtype must be an integer type.
        case integerOnly(String)
        /// Any real dtype (heaviside).
        case any

        /// Only the "binary float" ops have a (Number, Tensor) overload.
        var acceptsScalarInput: Bool { if case .float = self { true } else { false } }
    }

    /// ATen's CPU kernels of the Bessel functions, erfcx, log_ndtr, ndtri, zeta and the
    /// orthogonal polynomials dispatch on float and double only (AT_DISPATCH_FLOATING_TYPES):
    /// float16 and bfloat16 inputs are refused there, not computed in float32.
    static let floatAndDoubleOnly: Set<String> = [
        "airy_ai", "bessel_j0", "bessel_j1", "bessel_y0", "bessel_y1", "erfcx", "log_ndtr", "ndtri",
        "modified_bessel_i0", "modified_bessel_i1", "modified_bessel_k0", "modified_bessel_k1",
        "scaled_modified_bessel_k0", "scaled_modified_bessel_k1", "spherical_bessel_j0", "zeta",
        "chebyshev_polynomial_t", "chebyshev_polynomial_u", "chebyshev_polynomial_v", "chebyshev_polynomial_w",
        "shifted_chebyshev_polynomial_t", "shifted_chebyshev_polynomial_u", "shifted_chebyshev_polynomial_v",
        "shifted_chebyshev_polynomial_w", "hermite_polynomial_h", "hermite_polynomial_he",
        "laguerre_polynomial_l", "legendre_polynomial_p",
    ]

    /// PyTorch's overload-resolution error for a special binary function given two numbers
    /// (the polynomials name their arguments x and n; zeta and xlog1py input/self and other).
    func overloadError(_ name: String, _ op: SpecialBinaryOp, _ x: PyValue, _ n: PyValue) -> String {
        let (a, s, b) = if case .polynomial = op { ("x", "x", "n") } else { ("input", "self", "other") }
        return "special_\(name)() received an invalid combination of arguments - got (\(typeNameForError(x)), \(typeNameForError(n))), but expected one of:\n"
            + " * (Tensor \(a), Tensor \(b), *, Tensor out = None)\n * (Number \(s), Tensor \(b), *, Tensor out = None)\n"
            + " * (Tensor \(a), Number \(b), *, Tensor out = None)\n"
    }

    static func refuseReducedFloat(_ name: String, _ dtype: DType) throws {
        guard (dtype == .float16 || dtype == .bfloat16) && floatAndDoubleOnly.contains(name) else { return }
        throw PyError.notImplementedError("\"\(name)_cpu\" not implemented for '\(dtype.scalarTypeName)'")
    }

    static let specialBinaryNames: [(String, SpecialBinaryOp, SpecialDTypeRule, String)] = [
        ("xlogy", .xlogy, .float, "other"), ("copysign", .copysign, .float, "other"),
        ("logaddexp", .logaddexp, .floatOnly("logaddexp_cpu"), "other"),
        ("logaddexp2", .logaddexp2, .floatOnly("logaddexp2_cpu"), "other"),
        ("nextafter", .nextafter, .floatOnly("nextafter_cpu"), "other"),
        ("heaviside", .heaviside, .any, "values"),
        ("gcd", .gcd, .integerOnly("gcd_cpu"), "other"), ("lcm", .lcm, .integerOnly("lcm_cpu"), "other"),
        ("igamma", .igamma, .floatOnly("igamma_cpu"), "other"), ("igammac", .igammac, .floatOnly("igammac_cpu"), "other"),
    ]

    static let specialOnlyBinaryNames: [(String, SpecialBinaryOp, String)] = [
        ("zeta", .zeta, "other"), ("xlog1py", .xlog1py, "other"),
        ("chebyshev_polynomial_t", .polynomial(.chebyshevT), "n"), ("chebyshev_polynomial_u", .polynomial(.chebyshevU), "n"),
        ("chebyshev_polynomial_v", .polynomial(.chebyshevV), "n"), ("chebyshev_polynomial_w", .polynomial(.chebyshevW), "n"),
        ("shifted_chebyshev_polynomial_t", .polynomial(.shiftedChebyshevT), "n"),
        ("shifted_chebyshev_polynomial_u", .polynomial(.shiftedChebyshevU), "n"),
        ("shifted_chebyshev_polynomial_v", .polynomial(.shiftedChebyshevV), "n"),
        ("shifted_chebyshev_polynomial_w", .polynomial(.shiftedChebyshevW), "n"),
        ("hermite_polynomial_h", .polynomial(.hermiteH), "n"), ("hermite_polynomial_he", .polynomial(.hermiteHe), "n"),
        ("laguerre_polynomial_l", .polynomial(.laguerreL), "n"), ("legendre_polynomial_p", .polynomial(.legendreP), "n"),
    ]

    func bindSpecialFunctions(_ b: Binder) {
        for (name, op) in Self.specialUnaryNames {
            b.both(name) { [unowned self] _, t, args in
                try args.expectNone(name)
                return wrap(try Differentiable.special(t, op))
            }
            addSpecialInPlace(b, name + "_") { t, _ in try Differentiable.special(t, op) }
        }
        for (name, op) in Self.specialOnlyUnaryNames {
            b.function("_special_" + name) { [unowned self] _, t, args in
                try args.expectNone(name)
                try Self.refuseReducedFloat(name, t.dtype)
                return wrap(try Differentiable.special(t, op))
            }
        }
        for (name, op, rule, otherName) in Self.specialBinaryNames {
            let sig = Signature(name, ["input", otherName], required: 2)
            b.free(name) { [unowned self] _, args in
                let bound = try args.bind(sig)
                return wrap(try specialBinary(op, rule, name, bound[0]!, bound[1]!, otherName))
            }
            let methodSig = Signature(name, [otherName], required: 1)
            b.method(name) { [unowned self] _, t, args in
                let bound = try args.bind(methodSig)
                return wrap(try specialBinary(op, rule, name, wrap(t), bound[0]!, otherName))
            }
            addSpecialInPlace(b, name + "_") { [unowned self] t, args in
                let bound = try args.bind(Signature(name + "_", [otherName], required: 1))
                return try specialBinary(op, rule, name, wrap(t), bound[0]!, otherName)
            }
        }
        for (name, op, otherName) in Self.specialOnlyBinaryNames {
            let sig = Signature(name, ["input", otherName], required: 2)
            b.free("_special_" + name) { [unowned self] _, args in
                let bound = try args.bind(sig)
                if tensorPayload(bound[0]!) == nil, tensorPayload(bound[1]!) == nil {
                    throw PyError.typeError(overloadError(name, op, bound[0]!, bound[1]!))
                }
                return wrap(try specialBinary(op, .float, name, bound[0]!, bound[1]!, otherName))
            }
        }
        // ATen's C++ `t * s` and `s + t` (mul.Scalar, add.Scalar), for compositions such as
        // calc_ndtr whose graph shows MulBackward1/AddBackward1 (Python's `t * 0.5` is mul.Tensor).
        for (name, isMul) in [("_mul_scalar_overload", true), ("_add_scalar_overload", false)] {
            let sig = Signature(name, ["input", "other"], required: 2)
            b.free(name) { [unowned self] _, args in
                let bound = try args.bind(sig)
                guard let t = tensorPayload(bound[0]!), let s = scalar(bound[1]!) else {
                    throw PyError.typeError("\(name)(): expects a Tensor and a Number")
                }
                return wrap(try bridged {
                    isMul ? try Differentiable.mulScalarOverload(t, s) : try Differentiable.addScalarOverload(t, s)
                })
            }
        }
        // torch.special.gammainc/gammaincc: ATen's special_gammainc(Tensor, Tensor), whose
        // argument errors carry that name (the kernel's dtype error stays igamma_cpu's).
        for (name, op, kernel) in [("gammainc", SpecialBinaryOp.igamma, "igamma_cpu"), ("gammaincc", .igammac, "igammac_cpu")] {
            let sig = Signature(name, ["input", "other"], required: 2)
            b.free("_special_" + name) { [unowned self] _, args in
                let bound = try args.bind(sig)
                if tensorPayload(bound[0]!) != nil, tensorPayload(bound[1]!) == nil {
                    throw PyError.typeError("special_\(name)(): argument 'other' (position 2) must be Tensor, not \(typeNameForError(bound[1]!))")
                }
                return wrap(try specialBinary(op, .floatOnly(kernel), "special_" + name, bound[0]!, bound[1]!, "other"))
            }
        }
        bindGammaFunctions(b)
        bindExponentSplitting(b)
        bindPointwiseTernary(b)
    }

    /// `x.name_(...)`: the out-of-place result written back into x, refused when its dtype
    /// cannot be cast to x's (`digamma_` on an integer tensor).
    func addSpecialInPlace(_ b: Binder, _ name: String, _ f: @escaping (Tensor, Arguments) throws -> Tensor) {
        b.checkedMethod(name) { _, s, args in
            guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor '\(name)' requires a 'torch._C.TensorBase' object") }
            let probe = try f(t.detach(), args)
            if !probe.dtype.canCast(to: t.dtype) { throw TensorError.cannotCast(result: probe.dtype, output: t.dtype).python }
            if probe.sizes != t.sizes {
                throw PyError.runtimeError("output with shape [\(t.sizes.map(String.init).joined(separator: ", "))] doesn't match the broadcast shape [\(probe.sizes.map(String.init).joined(separator: ", "))]")
            }
            try TorchRuntime.writeInPlace(t, args, f)
            return s
        }
    }

    /// Runs `f` through `Differentiable.inPlace`, letting a Python error `f` raises pass
    /// through unchanged.
    static func writeInPlace(_ t: Tensor, _ args: Arguments, _ f: @escaping (Tensor, Arguments) throws -> Tensor) throws {
        var failure: Error?
        do {
            _ = try bridged { try Differentiable.inPlace(t) { x throws(TensorError) in
                do { return try f(x, args) } catch let e as TensorError { throw e } catch {
                    failure = error
                    throw TensorError.runtime("")
                }
            } }
        } catch {
            if let failure { throw failure }
            throw error
        }
    }

    /// Both operands as tensors of the op's dtype (a Python number becomes a wrapped scalar).
    func specialBinary(_ op: SpecialBinaryOp, _ rule: SpecialDTypeRule, _ fn: String, _ a: PyValue, _ b: PyValue,
                       _ otherName: String) throws -> Tensor {
        let ta = tensorPayload(a), tb = tensorPayload(b)
        var promotion = TypePromotion()
        if let ta { promotion.add(ta) } else if let s = scalar(a) { promotion.add(s) } else {
            throw PyError.typeError("\(fn)(): argument 'input' (position 1) must be Tensor, not \(typeNameForError(a))")
        }
        if let tb { promotion.add(tb) } else if let s = scalar(b) { promotion.add(s) } else {
            throw PyError.typeError("\(fn)(): argument '\(otherName)' (position 2) must be Tensor, not \(typeNameForError(b))")
        }
        if ta == nil && tb == nil {
            throw PyError.typeError("\(fn)(): argument 'input' (position 1) must be Tensor, not \(typeNameForError(a))")
        }
        if ta == nil, !rule.acceptsScalarInput {
            // logaddexp, nextafter, igamma, heaviside, gcd... have only (Tensor, Tensor) overloads.
            throw PyError.typeError("\(fn)(): argument 'input' (position 1) must be Tensor, not \(typeNameForError(a))")
        }
        let common = promotion.result
        // TensorIterator broadcasts before the kernel's dtype dispatch can refuse.
        if let ta, let tb { _ = try bridged { try Shape.broadcast(ta.sizes, tb.sizes) } }
        if rule.acceptsScalarInput { try Self.refuseReducedFloat(fn, common) }
        let dtype: DType
        switch rule {
        case .float: dtype = common.floatResult()
        case let .floatOnly(kernel):
            guard common.isFloatingPoint else { throw PyError.notImplementedError("\"\(kernel)\" not implemented for '\(common.scalarTypeName)'") }
            dtype = common
        case let .integerOnly(kernel):
            guard !common.isFloatingPoint && common != .bool else {
                throw PyError.notImplementedError("\"\(kernel)\" not implemented for '\(common.scalarTypeName)'")
            }
            dtype = common
        case .any:
            if let ta, let tb, ta.dtype != tb.dtype {
                throw PyError.runtimeError("heaviside is not yet implemented for tensors with different dtypes.")
            }
            dtype = common
        }
        return try bridged {
            let x = try ta ?? Tensor(scalar: scalar(a)!, dtype: dtype, device: tb!.device)
            let y = try tb ?? Tensor(scalar: scalar(b)!, dtype: dtype, device: ta!.device)
            return try Differentiable.special(op, x, y, dtype: dtype, scalarOperand: ta == nil ? 0 : (tb == nil ? 1 : nil))
        }
    }
}
