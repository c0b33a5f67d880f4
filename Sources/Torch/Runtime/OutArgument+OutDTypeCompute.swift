import Interpreter
import Tensors

/// Kernels that compute in the out's dtype rather than casting their result into it:
/// `cumsum_out`/`cumprod_out` take the out's dtype as their `dtype`, `normal_out` draws
/// into the out and scales there, and `std_var_out` reduces in the out's dtype except
/// on its one-element CPU path (`std_var_all_cpu`), which reduces in double, rounds to the
/// input's dtype and fills the out.
extension TorchRuntime {
    /// Rewrites the arguments of kernels that compute in the out's dtype.
    func argumentsComputingInOutDType(_ fn: String, _ args: Arguments, out: Tensor) throws -> Arguments {
        var rest = args
        switch fn {
        case "cumsum", "cumprod":
            if let given = try dtype(args.keyword("dtype")) {
                if given != out.dtype {
                    throw PyError.runtimeError("Expected out tensor to have dtype \(OutArgument.cTypeName(given)), but got \(OutArgument.cTypeName(out.dtype)) instead")
                }
            } else if let x = args.count >= 1 ? tensorPayload(args[0]) : nil, x.dtype != out.dtype {
                rest.keywordNames.append(Name("dtype"))
                rest.keywordValues.append(dtypeValue(out.dtype))
            }
        case "all", "any":
            // A uint8 out makes the reduction run on the input cast to uint8 (1.5 → 1, 0.75 → 0).
            guard out.dtype == .uint8, let x = args.count >= 1 ? tensorPayload(args[0]) : nil, x.dtype != .uint8 else { return args }
            var positional = rest.positional
            positional[0] = wrap(try bridged { try x.to(.uint8) })
            rest.positional = positional
        case "normal":
            guard out.dtype.isFloatingPoint else { return args }
            var positional = rest.positional
            for i in positional.indices.prefix(2) {
                if let t = tensorPayload(positional[i]), t.dtype != out.dtype, t.dtype.isFloatingPoint {
                    positional[i] = wrap(try bridged { try t.to(out.dtype) })
                }
            }
            rest.positional = positional
            for (k, name) in rest.keywordNames.enumerated() where name.string == "mean" || name.string == "std" {
                if let t = tensorPayload(rest.keywordValues[k]), t.dtype != out.dtype, t.dtype.isFloatingPoint {
                    rest.keywordValues[k] = wrap(try bridged { try t.to(out.dtype) })
                }
            }
        default:
            break
        }
        return rest
    }

    /// `torch.var`/`torch.std` into a one-element out of a wider floating dtype: the plain
    /// result (reduced in double, rounded to the input's dtype); nil when ATen's general
    /// path, which reduces in the out's dtype, applies.
    func oneElementStdVar(_ args: Arguments, out: Tensor, _ body: (Arguments) throws -> PyValue) throws -> Tensor? {
        guard args.count >= 1, let x = tensorPayload(args[0]), x.dtype == .float32 || x.dtype == .float64, x.numel > 0,
              out.dtype == .float32 || out.dtype == .float64, x.dtype.canCast(to: out.dtype) else { return nil }
        let plain = try body(args)
        guard let r = tensorPayload(plain), r.numel == 1 else { return nil }
        return r
    }
}
