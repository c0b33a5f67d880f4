import Interpreter
import Tensors

/// Reductions with `out=`: PyTorch's `sum_out`/`mean_out`/`var_out`... compute in the
/// output's dtype (`infer_dtype_from_optional(self, dtype, result)`), so a float64 `out`
/// for float32 input gets the float64 sum, not the float32 sum widened afterwards.
/// `amax`/`amin` and `norm` refuse an output of another dtype with ATen's texts, and
/// `sum`/`prod` without `dim` have no `out=` overload at all.
enum OutReductions {
    /// Reductions that accept `dtype=`: the output's dtype is passed as that argument.
    static let dtypeFromOut: Set<String> = ["sum", "nansum", "mean", "nanmean", "prod"]
    /// Reductions without `dtype=` that run in the output's dtype: the input is cast first.
    static let inputCastToOut: Set<String> = ["var", "std"]
    /// Overloads without a dimension have no `out=` (PyTorch's parser lists them).
    static let overloadsWithoutDim: [String: String] = [
        "sum": " * (Tensor input, *, torch.dtype dtype = None)\n * (Tensor input, tuple of ints dim, bool keepdim = False, *, torch.dtype dtype = None, Tensor out = None)\n",
        "prod": " * (Tensor input, *, torch.dtype dtype = None)\n * (Tensor input, int dim, bool keepdim = False, *, torch.dtype dtype = None, Tensor out = None)\n",
    ]
}

extension TorchRuntime {
    /// Rewrites a reduction call so that it computes as PyTorch's `*_out` kernel does.
    func reductionArgumentsForOut(_ fn: String, _ args: Arguments, out: Tensor) throws -> Arguments {
        if let overloads = OutReductions.overloadsWithoutDim[fn], args.count < 2, args.keyword("dim") == nil {
            if args.keyword("dtype") != nil {
                throw PyError.typeError("\(fn)() missing 1 required positional arguments: \"dim\"")
            }
            var got = (0..<args.count).map { typeNameForError(args[$0]) }
            got += args.keywordNames.map { "\($0.string)=\(typeNameForError(args.keyword($0.string) ?? .none))" }
            got.append("out=Tensor")
            throw PyError.typeError("\(fn)() received an invalid combination of arguments - got (\(got.joined(separator: ", "))), but expected one of:\n" + overloads)
        }
        guard args.count >= 1, let input = tensorPayload(args[0]) else { return args }
        if fn == "amax" || fn == "amin", input.dtype != out.dtype {
            throw PyError.runtimeError("Expected the dtype for input and out to match, but got \(input.dtype.scalarTypeName) for input's dtype and \(out.dtype.scalarTypeName) for out's dtype.")
        }
        guard out.dtype.isFloatingPoint, !input.dtype.isComplex, input.dtype != out.dtype,
              input.dtype.canCast(to: out.dtype) else { return args }
        var rest = args
        if OutReductions.dtypeFromOut.contains(fn), args.keyword("dtype") == nil {
            rest.keywordNames.append(Name("dtype"))
            rest.keywordValues.append(dtypeValue(out.dtype))
        } else if OutReductions.inputCastToOut.contains(fn), input.dtype.isFloatingPoint {
            var positional = rest.positional
            positional[0] = wrap(try bridged { try input.to(out.dtype) })
            rest.positional = positional
        }
        return rest
    }
}

extension TorchRuntime {
    /// `torch.logsumexp(x, dim, out=o)` with `o` wider than a floating `x`, as ATen's
    /// `logsumexp_out_impl`: maxes and `exp(x - maxes)` in the input's dtype, the sum in the
    /// output's dtype (`sum_out`), then `log_` and `add_(maxes)` there. Nil when the plain
    /// call already computes what PyTorch does.
    func logsumexpIntoWider(_ args: Arguments, out: Tensor) throws -> Tensor? {
        guard args.count >= 1, let x = tensorPayload(args[0]), x.dtype.isFloatingPoint,
              out.dtype.isFloatingPoint, out.dtype != x.dtype, x.dtype.canCast(to: out.dtype), x.numel > 0 else { return nil }
        let bound = try Arguments(Array(args.positional.dropFirst()), keywords: zip(args.keywordNames, args.keywordValues).map { ($0.string, $1) })
            .bind(Signature("logsumexp", ["dim", "keepdim"], required: 1))
        let rank = max(x.sizes.count, 1)
        let given = try dims(bound[0], "logsumexp") ?? []
        let axes = given.map { $0 < 0 ? $0 + rank : $0 }
        let keepdim = bound.given(1).map { truthy($0) } ?? false
        return try bridged {
            let maxes = try x.amax(dims: axes, keepdim: true)
            var squeezed = keepdim ? maxes : try maxes.squeeze(axes)
            squeezed = try squeezed.maskedFill(try squeezed.abs().eq(Scalar.float(.infinity)), Scalar.float(0))
            let sum = try (try x.sub(maxes)).exp().sum(dims: axes, keepdim: keepdim, dtype: out.dtype)
            return try sum.log().add(squeezed)
        }
    }
}
