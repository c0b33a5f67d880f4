import Interpreter
import Tensors

/// In-place variants of single-kernel ops PyTorch lists (`cumsum_`, `hypot_`, `atan2_`...):
/// the out-of-place method runs on the old value and its result is written back, recorded
/// under the out-of-place op's backward node as PyTorch records it. The result must be
/// castable to the tensor's dtype, as for any in-place op.
extension TorchRuntime {
    func bindInPlaceTwins(_ b: Binder) {
        for name in ["cumsum", "cumprod", "hypot", "atan2", "arctan2", "nan_to_num", "logical_not"] {
            let inPlaceName = name + "_"
            b.checkedMethod(inPlaceName) { [unowned self] interp, s, args in
                guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor '\(inPlaceName)' requires a 'torch._C.TensorBase' object") }
                let others = args.positional.compactMap(tensorPayload) + args.keywordValues.compactMap(tensorPayload)
                var failure: Error?
                do {
                    _ = try bridged {
                    try Op.inPlace(t, others: others) { x throws(TensorError) in
                        do {
                            let r = try interp.call(try interp.getAttribute(wrap(x), name), args)
                            guard let rt = tensorPayload(r) else { throw TensorError.type("\(name) returned no tensor") }
                            if name.hasPrefix("cum"), rt.dtype != t.dtype {
                                throw TensorError.runtime("Bad in-place call: input tensor dtype \(OutArgument.cTypeName(t.dtype)) and output tensor dtype \(OutArgument.cTypeName(rt.dtype)) should match")
                            }
                            guard rt.dtype.canCast(to: t.dtype) else { throw TensorError.cannotCast(result: rt.dtype, output: t.dtype) }
                            return rt
                        } catch let e as TensorError {
                            throw e
                        } catch {
                            failure = error
                            throw TensorError.runtime("")
                        }
                    }
                    }
                } catch {
                    // A Python error raised by the out-of-place method is the one to report.
                    throw failure ?? error
                }
                return s
            }
        }
    }
}
