import Autograd
import Interpreter
import Tensors

/// `out=` as PyTorch handles it: the result is computed as usual, checked against the
/// output's dtype, written into the given tensor (resized when its shape differs, with
/// PyTorch's deprecation warning when it had elements) and that same object is returned.
/// A torch function that has no `out=` in PyTorch rejects it with PyTorch's TypeError
/// instead of ignoring it — an ignored `out` leaves a wrong answer behind.
enum OutArgument {
    static let name = Name("out")

    /// Functions of the `torch` namespace whose PyTorch signatures take `out=`: from
    /// PyTorch 2.15's argument parser (the signatures its TypeErrors list) and docstrings.
    static let supported: Set<String> = Set("""
        abs absolute acos acosh add addbmm addcdiv addcmul addmm addmv addr all amax amin aminmax angle any 
        arange arccos arccosh arcsin arcsinh arctan arctan2 arctanh argmax argmin argsort asin asinh 
        atan atan2 atanh baddbmm bartlett_window bernoulli bitwise_and bitwise_left_shift bitwise_not 
        bitwise_or bitwise_right_shift bitwise_xor blackman_window bmm bucketize cat ceil 
        cholesky_inverse cholesky_solve clamp clamp_max clamp_min clip column_stack complex concat 
        concatenate conj_physical copysign cos cosh cross cummax cummin cumprod cumsum deg2rad diag diff 
        digamma div divide dot dstack empty empty_permuted empty_strided eq erf erfc erfinv exp exp2 
        expm1 eye fix float_power floor floor_divide fmax fmin fmod frac frexp frobenius_norm full gather gcd ge geqrf 
        ger greater greater_equal gt hamming_window hann_window heaviside histc histogram 
        hstack hypot i0 igamma igammac index_add index_reduce index_select inner inverse isin isneginf 
        isposinf kaiser_window kron kthvalue lcm ldexp le lerp less less_equal lgamma linspace log 
        log10 log1p log2 logaddexp logaddexp2 logcumsumexp logical_and logical_not logical_or 
        logical_xor logit logspace logsumexp lt lu_solve lu_unpack masked_select matmul matrix_power 
        max maximum mean min minimum mm mode msort mul multinomial multiply mv mvlgamma nan_to_num nansum norm 
        nanmean nanquantile ne neg negative nextafter nonzero normal not_equal nuclear_norm ones ormqr 
        outer polar polygamma pow prod quantile rad2deg rand randint randn randperm range reciprocal 
        remainder renorm round row_stack rsqrt scatter searchsorted sgn sigmoid sign signbit sin sinc 
        sinh sort sqrt square stack std std_mean sub subtract sum svd take_along_dim tan tanh topk 
        triangular_solve tril triu true_divide trunc var var_mean vdot vstack where xlogy zeros 
        _special_i0e _special_i1 _special_i1e _special_ndtri _special_bessel_j0 _special_bessel_j1 
        _special_bessel_y0 _special_bessel_y1 _special_modified_bessel_i0 _special_modified_bessel_i1 
        _special_modified_bessel_k0 _special_modified_bessel_k1 _special_scaled_modified_bessel_k0 
        _special_scaled_modified_bessel_k1 _special_airy_ai _special_spherical_bessel_j0 _special_erfcx 
        _special_log_ndtr _special_zeta _special_multigammaln _special_chebyshev_polynomial_t 
        _special_chebyshev_polynomial_u _special_chebyshev_polynomial_v _special_chebyshev_polynomial_w 
        _special_shifted_chebyshev_polynomial_t _special_shifted_chebyshev_polynomial_u 
        _special_shifted_chebyshev_polynomial_v _special_shifted_chebyshev_polynomial_w 
        _special_hermite_polynomial_h _special_hermite_polynomial_he _special_laguerre_polynomial_l 
        _special_legendre_polynomial_p 
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Creation functions: the output's dtype is the result's dtype unless `dtype=` says.
    static let creation: Set<String> = ["arange", "range", "linspace", "logspace", "zeros", "ones", "full", "empty",
                                        "eye", "rand", "randn", "randint", "randperm", "normal",
                                        "bartlett_window", "blackman_window", "hamming_window", "hann_window", "kaiser_window"]

    /// Samplers whose ATen `out=` kernels draw straight into the given tensor, in its dtype
    /// and memory order (`rand_out` is `resize_` then `uniform_`): their bindings take `out=`
    /// themselves rather than having a contiguous result copied over.
    static let drawsIntoOut: Set<String> = ["rand", "randn", "randint", "normal", "bernoulli"]

    /// Functions whose kernels insist on an output of exactly the result's dtype.
    static let exactDType: Set<String> = ["mm", "matmul", "bmm", "mv", "dot", "vdot", "addmm", "addmv", "addbmm", "baddbmm",
                                          "sort", "max", "min", "topk", "kthvalue", "mode", "cummax", "cummin", "msort", "norm"]

    /// Functions whose out= kernel autograd knows by another name (`torch.outer` is `mul`).
    static let autogradNames: [String: String] = ["outer": "mul", "ger": "mul"]

    /// The text of kernels that demand the result's dtype with words of their own
    /// (result's scalar type name `r`, out's `o`), PyTorch 2.15's; nil for the others.
    static func dtypeMismatchText(_ fn: String, result r: String, out o: String) -> String? {
        switch fn {
        case "dot", "vdot": "result dtype \(o) does not match input dtype \(r)"
        case "addbmm": "self and mat2 must have the same dtype, but got \(o) and \(r)"
        case "inner": "tensordot: Expected the output tensor to have dtype \(r), but got an output tensor with dtype \(o)"
        default: nil
        }
    }

    /// Functions whose output holds indices and so must be int64.
    static let indexResult: Set<String> = ["argmax", "argmin", "argsort"]

    /// PyTorch's warning for an output with elements that `out=` resizes (Resize.cpp).
    static func resizeWarning(from old: [Int], to new: [Int]) -> String {
        "An output with one or more elements was resized since it had shape \(Shape.describe(old)), which does not match the required output shape \(Shape.describe(new)). This behavior is deprecated, and in a future PyTorch release outputs will not be resized unless they have zero elements. You can explicitly reuse an out tensor t by resizing it, inplace, to zero elements with t.resize_(0). (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Resize.cpp:30.)"
    }

    /// C++ names PyTorch's dtype checks print (`Expected out tensor to have dtype float`).
    static func cTypeName(_ d: DType) -> String {
        switch d {
        case .bool: "bool"
        case .uint8: "unsigned char"
        case .int8: "signed char"
        case .int16: "short int"
        case .int32: "int"
        case .int64: "long int"
        case .float16: "c10::Half"
        case .bfloat16: "c10::BFloat16"
        case .float32: "float"
        case .float64: "double"
        case .complex64: "c10::complex<float>"
        case .complex128: "c10::complex<double>"
        }
    }
}

extension TorchRuntime {
    /// Calls `body` with `out=` taken out of `args` and writes its result into `out`;
    /// without `out=` it is a plain call.
    func callHandlingOut(_ interp: Interpreter, _ fn: String, _ args: Arguments, _ body: (Arguments) throws -> PyValue) throws -> PyValue {
        guard let i = args.keywordNames.firstIndex(where: { $0.id == OutArgument.name.id }) else { return try body(args) }
        guard OutArgument.supported.contains(fn) else {
            throw PyError.typeError("\(fn)() got an unexpected keyword argument 'out'")
        }
        let out = args.keywordValues[i]
        var rest = args
        rest.keywordNames.remove(at: i)
        rest.keywordValues.remove(at: i)
        if out.isNone { return try body(rest) }
        if let o = tensorPayload(out) {
            if fn == "logsumexp", let r = try logsumexpIntoWider(rest, out: o) {
                try write(interp, r, into: o, fn)
                return out
            }
            if let refusal = OutDTypeRules.refusalBeforeRunning(fn, rest, out: o) { throw refusal }
            if OutArgument.drawsIntoOut.contains(fn) {
                try checkDrawIntoOut(fn, rest, out: o)
                return try body(args)
            }
            rest = try argumentsComputingInOutDType(fn, rest, out: o)
            if OutReductions.inputCastToOut.contains(fn), let plain = try oneElementStdVar(rest, out: o, body) {
                try write(interp, plain, into: o, fn, rule: .accept)
                return out
            }
            rest = try reductionArgumentsForOut(fn, rest, out: o)
        }
        if OutArgument.creation.contains(fn), rest.keyword("dtype") == nil, let o = tensorPayload(out) {
            rest.keywordNames.append(Name("dtype"))
            rest.keywordValues.append(dtypeValue(o.dtype))
        }
        let result = try body(rest)
        if let r = tensorPayload(result) {
            guard let o = rawTensorPayload(out) else {
                throw PyError.typeError("\(fn)(): argument 'out' must be Tensor, not \(typeNameForError(out))")
            }
            try write(interp, r, into: o, fn, rule: OutDTypeRules.rule(fn, result: r, out: o, args: rest))
            return out
        }
        if let items = tupleItems(result) {
            let outs = tupleItems(out) ?? []
            guard outs.count == items.count, outs.allSatisfy({ tensorPayload($0) != nil }) else {
                throw PyError.typeError("\(fn)(): argument 'out' must be tuple of Tensors, not \(typeNameForError(out))")
            }
            for (r, o) in zip(items, outs) {
                guard let rt = tensorPayload(r) else { continue }
                try write(interp, rt, into: rawTensorPayload(o)!, fn)
            }
            if case .object(let obj) = result, let inst = obj as? PyInstance, returnTypeClasses[inst.cls.name] === inst.cls {
                let cls = returnTypeClasses[inst.cls.name + "_out"] ?? inst.cls
                return .tupleInstance(cls, outs)
            }
            return .tuple(outs)
        }
        return result
    }

    /// The checks of the samplers' `out=` kernels before they draw: autograd (each with
    /// PyTorch 2.15's own wording), inference tensors, and a `dtype=` other than out's.
    private func checkDrawIntoOut(_ fn: String, _ args: Arguments, out: Tensor) throws {
        let inputsRequireGrad = args.positional.contains { tensorPayload($0)?.requiresGrad == true }
        if GradMode.isEnabled && (out.requiresGrad || inputsRequireGrad) {
            let message = switch fn {
            case "randn": "cannot resize variables that require grad"
            case "rand", "randint": "aten::\(fn)(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad."
            default: "\(fn)(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad."
            }
            throw PyError.runtimeError(message)
        }
        do { try Differentiable.checkInferenceWrite(out) } catch { throw error.python }
        if let d = args.keyword("dtype"), !d.isNone, let dt = try dtype(d), dt != out.dtype {
            throw PyError.runtimeError("dtype \(dt.scalarTypeName) does not match dtype of out parameter (\(out.dtype.scalarTypeName))")
        }
    }

    private func tupleItems(_ v: PyValue) -> [PyValue]? {
        if let items = v.tupleItems { return items }
        guard case .object(let o) = v else { return nil }
        return (o as? PyList)?.items
    }

    /// Copies `result` into `out` as PyTorch's out= kernels do (no autograd through it).
    private func write(_ interp: Interpreter, _ result: Tensor, into out: Tensor, _ fn: String, rule: OutDTypeRule? = nil) throws {
        if GradMode.isEnabled && (result.requiresGrad || out.requiresGrad) {
            throw PyError.runtimeError("\(OutArgument.autogradNames[fn] ?? fn)(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.")
        }
        do { try Differentiable.checkInferenceWrite(out) } catch { throw error.python }
        if case .refuse(let error) = rule { throw error }
        if case .accept = rule {
            try copyResizing(interp, result, into: out, fn)
            return
        }
        if OutArgument.indexResult.contains(fn), out.dtype != .int64 {
            throw PyError.runtimeError("Expected out tensor to have dtype long int, but got \(OutArgument.cTypeName(out.dtype)) instead")
        }
        if out.dtype != result.dtype,
           let text = OutArgument.dtypeMismatchText(fn, result: result.dtype.scalarTypeName, out: out.dtype.scalarTypeName) {
            throw PyError.runtimeError(text)
        }
        if OutArgument.exactDType.contains(fn), out.dtype != result.dtype, !(result.dtype == .int64 && fn != "matmul" && fn != "mm") {
            throw PyError.runtimeError("Expected out tensor to have dtype \(OutArgument.cTypeName(result.dtype)), but got \(OutArgument.cTypeName(out.dtype)) instead")
        }
        guard result.dtype.canCast(to: out.dtype) else { throw TensorError.cannotCast(result: result.dtype, output: out.dtype).python }
        try copyResizing(interp, result, into: out, fn)
    }

    /// Resizes `out` to the result's shape (warning when it had elements) and copies into it.
    private func copyResizing(_ interp: Interpreter, _ result: Tensor, into out: Tensor, _ fn: String) throws {
        try bridged {
            if out.sizes != result.sizes {
                if out.numel > 0 {
                    interp.warn(OutArgument.resizeWarning(from: out.sizes, to: result.sizes))
                }
                if fn == "nonzero", result.sizes.count == 2 {
                    // ATen's nonzero writes its result transposed: a resized out has strides (1, n).
                    out.setData(try Tensor.empty(result.sizes.reversed(), dtype: out.dtype, device: out.device).t())
                } else {
                    out.setData(try Tensor.empty(result.sizes, dtype: out.dtype, device: out.device))
                }
            }
            // A conjugate/negative `out` view stores what it should read as through its bit.
            if out.hasMathBits { try out.storeReading(result) } else { _ = try out.copy_(result) }
            out.bumpVersion()
        }
    }
}
