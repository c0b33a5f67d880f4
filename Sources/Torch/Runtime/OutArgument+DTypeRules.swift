import Interpreter
import Tensors

/// What an `out=` of another dtype than the result's does, kernel family by kernel family.
/// PyTorch has no single rule: TensorIterator ops cast when `canCast` allows, structured
/// unary ops built with `check_all_same_dtype` refuse any other dtype, index kernels want
/// `self`'s dtype, predicates want bool, and a few kernels (cumsum, max without dim,
/// bernoulli) accept any dtype and compute or copy into it. Each text is PyTorch 2.15's.
enum OutDTypeRule {
    /// The out's dtype is refused with this error.
    case refuse(PyError)
    /// The kernel accepts the out's dtype as it is: copy (casting) with no further check.
    case accept
}

enum OutDTypeRules {
    /// Structured ops built by `build_borrowing_unary_op` (and lerp's same-dtype iterator):
    /// `check_all_same_dtype` reports the first operand, the output, against the input.
    static let sameDTypeIterator: Set<String> = [
        "abs", "absolute", "ceil", "floor", "trunc", "round", "frac", "neg", "negative", "sign", "sgn", "fix",
        "conj_physical", "bitwise_not",
    ]
    /// Kernels whose out= checks `result.scalar_type() == self.scalar_type()` with
    /// `Expected out tensor to have dtype <C++ name>, but got <C++ name> instead`.
    static let sameDTypeCheckOut: Set<String> = ["gather", "tril", "triu", "take_along_dim"]
    /// `torch.cat` and everything that PyTorch implements with it: a TypeError from the
    /// Python binding of `cat.out`.
    static let catFamily: Set<String> = [
        "cat", "concat", "concatenate", "stack", "hstack", "vstack", "dstack", "column_stack", "row_stack",
    ]

    /// The rule for `fn` once its result's dtype is known; nil for the generic
    /// "result type X can't be cast to the desired output type Y" rule.
    static func rule(_ fn: String, result: Tensor, out: Tensor, args: Arguments) -> OutDTypeRule? {
        let argumentCount = args.count
        let hasDim = args.count >= 2 || args.keyword("dim") != nil
        let binary = args.count >= 2 && tensorPayload(args[1]) != nil || args.keyword("other") != nil
        let r = result.dtype, o = out.dtype
        let rn = r.scalarTypeName, on = o.scalarTypeName
        let same = r == o
        func refuse(_ text: String) -> OutDTypeRule { .refuse(PyError.runtimeError(text)) }
        func expectedOut(_ want: DType) -> OutDTypeRule {
            refuse("Expected out tensor to have dtype \(OutArgument.cTypeName(want)), but got \(OutArgument.cTypeName(o)) instead")
        }
        let input = args.count >= 1 ? tensorPayload(args[0]) : nil
        switch fn {
        case "abs" where input?.dtype.isComplex == true, "absolute" where input?.dtype.isComplex == true:
            // A complex input's magnitude goes through the complex-to-float iterator, which casts.
            return nil
        case "clamp", "clip", "clamp_min", "clamp_max":
            // Scalar bounds build clamp's same-dtype iterator; tensor bounds cast as usual.
            let bounds = Array(args.positional.dropFirst()) + [args.keyword("min"), args.keyword("max")].compactMap { $0 }
            if bounds.contains(where: { tensorPayload($0) != nil }) || same { return nil }
            return refuse("Found dtype \(on) but expected \(rn)")
        case _ where sameDTypeIterator.contains(fn):
            return same ? nil : refuse("Found dtype \(on) but expected \(rn)")
        case _ where sameDTypeCheckOut.contains(fn):
            return same ? nil : expectedOut(r)
        case _ where catFamily.contains(fn):
            return r.canCast(to: o) ? nil : .refuse(PyError.typeError("torch.cat(): input types can't be cast to the desired output type \(on)"))
        case "diag":
            // A vector's diagonal matrix checks the cast first; a matrix's diagonal only the dtype.
            if result.sizes.count == 2, !r.canCast(to: o) { return refuse("diag: result type \(rn) can't be cast to the desired out= type \(on)") }
            return same ? nil : expectedOut(r)
        case "all", "any":
            return o == .bool || o == .uint8 ? .accept : refuse("\(fn) only supports bool tensor for result, got: \(on)")
        case "isposinf", "isneginf", "signbit":
            return o == .bool ? nil : refuse("\(fn) does not support non-boolean outputs.")
        case "index_select", "masked_select":
            return same ? nil : refuse("\(fn)(): self and result must have the same scalar type")
        case "searchsorted", "bucketize":
            return same ? nil : refuse("torch.searchsorted(): output tensor's dtype is wrong, it can only be Int(int32) or Long(int64) depending on whether out_int32 flag is True, but we got output tensor's dtype \(on) and out_int32 flag is \(r == .int32 ? "True" : "False")")
        case "multinomial":
            return o == .int64 ? nil : refuse("multinomial expects Long tensor out, got: \(on)")
        case "nan_to_num":
            return same ? nil : refuse("nan_to_num: dtype of out: \(on) should be same as input: \(rn)")
        case "quantile", "nanquantile":
            return same ? nil : refuse("quantile() out tensor must be same dtype as the input tensor")
        case "logcumsumexp":
            return same ? nil : refuse("expected scalar_type \(rn) but found \(on)")
        case "histc":
            return same ? nil : refuse("torch.histogram: input tensor and hist tensor should have the same dtype, but got input \(OutArgument.cTypeName(r)) and hist \(OutArgument.cTypeName(o))")
        case "heaviside":
            return same ? nil : refuse("heaviside is not yet implemented for tensors with different dtypes.")
        case "complex", "polar":
            return same ? nil : refuse("Expected object of scalar type \(rn) but got scalar type \(on) for argument 'out'")
        case "nonzero":
            return o == .int64 ? nil : refuse("nonzero: Expected out tensor to have scalar type Long but got scalar type\(on)")
        case "float_power":
            return same ? nil : refuse("the output given to float_power has dtype \(on) but the operation's result requires dtype \(rn)")
        case "ldexp":
            return r.canCast(to: o) ? nil : refuse("ldexp can't be cast to the desired output type \(on)")
        case "logsumexp":
            return o.isFloatingPoint ? nil : refuse("logsumexp(): Expected floating point type for result tensor, but got: \(on)")
        case "mean" where !hasDim:
            return r.canCast(to: o) ? nil : refuse("mean.dtype_out(): input types can't be cast to the desired output type \(on)")
        case "nanmean":
            return o.isFloatingPoint || o.isComplex ? nil : .refuse(PyError.notImplementedError("\"nansum_cpu\" not implemented for '\(on)'"))
        case "mvlgamma", "_special_multigammaln":
            // ATen prints the result's type on both sides of this message.
            return r.canCast(to: o) ? nil : refuse("mvlgamma: result type \(rn) can't be cast to the desired output type \(rn)")
        case "max" where !hasDim && argumentCount == 1, "min" where !hasDim && argumentCount == 1:
            // `max.unary_out`: any dtype the input can be cast to.
            return r.canCast(to: o) ? .accept : refuse("Expected canCast( typeMetaToScalarType(self.dtype()), typeMetaToScalarType(out.dtype())) to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")
        case "max" where binary, "min" where binary:
            // `max(input, other)` is `maximum`: TensorIterator's cast.
            return r.canCast(to: o) ? .accept : .refuse(TensorError.cannotCast(result: r, output: o).python)
        case "bernoulli":
            // `bernoulli_(out, p)` draws straight into the out, whatever its dtype.
            return .accept
        case "chain_matmul" where argumentCount == 1:
            // One matrix: `result.copy_(matrices[0])`.
            return .accept
        default:
            return nil
        }
    }

    /// Checks PyTorch makes before its kernel runs (so before any random numbers are drawn).
    static func refusalBeforeRunning(_ fn: String, _ args: Arguments, out: Tensor) -> PyError? {
        let on = out.dtype.scalarTypeName
        switch fn {
        case "normal" where args.count >= 1 && !(out.dtype.isFloatingPoint || out.dtype.isComplex):
            return PyError.notImplementedError("\"normal_kernel_cpu\" not implemented for '\(on)'")
        case "multinomial" where out.dtype != .int64:
            return PyError.runtimeError("multinomial expects Long tensor out, got: \(on)")
        case "lerp":
            // A weight tensor with dimensions joins lerp's same-dtype iterator; a scalar
            // or 0-dim weight leaves the usual cast to the output.
            guard let weight = args.count >= 3 ? args[2] : args.keyword("weight"),
                  let w = tensorPayload(weight), !w.sizes.isEmpty,
                  let input = args.count >= 1 ? args[0] : args.keyword("input"),
                  let x = tensorPayload(input), x.dtype != out.dtype else { return nil }
            return PyError.runtimeError("Found dtype \(on) but expected \(x.dtype.scalarTypeName)")
        case "where":
            // `where.self_out` takes tensors only: a number for `input` or `other` picks no
            // overload once `out=` is given (PyTorch names the first such argument).
            for (position, name) in [(1, "input"), (2, "other")] {
                guard let v = args.count > position ? args[position] : args.keyword(name) else { continue }
                let kind: String
                switch v {
                case .bool: kind = "bool"
                case .int: kind = "int"
                case .float: kind = "float"
                default: continue
                }
                return PyError.typeError("where(): argument '\(name)' (position \(position + 1)) must be Tensor, not \(kind)")
            }
            return nil
        case "cumsum" where out.dtype == .bool, "cumprod" where out.dtype == .bool:
            return PyError.notImplementedError("\"\(fn)_out_cpu\" not implemented for 'Bool'")
        default:
            return nil
        }
    }
}
