import Interpreter
import Tensors

/// `torch._linalg_out_resize(out, result, stacklevel, keep_strides)`: the resize half of
/// `out=` for the `torch.linalg` functions (Python/torch.linalg/70-out.py). An `out` whose
/// shape differs from `result`'s gets fresh storage in `result`'s shape — with `result`'s
/// strides when `keep_strides` (ATen's structured `set_output`: a column-major factor stays
/// column-major, `L.stride() == (1, 3)`), contiguous otherwise (`resize_output`, which
/// composite functions use) — and PyTorch's deprecation warning when it had elements. The
/// copy itself is `out.copy_` in Python, so composite functions keep autograd through it.
/// `stacklevel` names the user's line in the warning, counted from the Python function
/// that calls this (negative: the first line outside the embedded torch sources); 0 resizes
/// as `resize_as_` does (no warning: torch.lu's Python out=).
extension TorchRuntime {
    func bindLinalgOut(_ b: Binder) {
        b.free("_linalg_out_resize") { [unowned self] interp, args in
            guard args.count == 4 else { throw PyError.typeError("_linalg_out_resize() takes 4 arguments") }
            let out = try tensor(args[0], "_linalg_out_resize", "out", position: 1)
            let result = try tensor(args[1], "_linalg_out_resize", "result", position: 2)
            let stacklevel = try int(args[2], "_linalg_out_resize", "stacklevel")
            let keepStrides = try bool(args[3], "_linalg_out_resize", "keep_strides")
            guard out.sizes != result.sizes else { return .none }
            if stacklevel != 0 && out.numel > 0 {
                // A negative stacklevel names the first line outside the embedded torch sources.
                interp.warn(OutArgument.resizeWarning(from: out.sizes, to: result.sizes), stacklevel: max(stacklevel, 1),
                            outsideFilesWithPrefix: stacklevel < 0 ? "<torch/" : nil)
            }
            try bridged {
                let fresh = keepStrides ? try Self.empty(like: result, dtype: out.dtype, device: out.device)
                    : try Tensor.empty(result.sizes, dtype: out.dtype, device: out.device)
                out.setData(fresh)
            }
            out.bumpVersion()
            return .none
        }
    }

    /// Uninitialised storage with `like`'s sizes and strides (a narrowed column-major
    /// result keeps its leading dimension, `(1, 4)` for 3 of 4 rows); contiguous when
    /// `like` is expanded (a zero stride) and so has no layout of its own.
    static func empty(like t: Tensor, dtype: DType, device: Device) throws(TensorError) -> Tensor {
        let expanded = zip(t.sizes, t.strides).contains { $0 > 1 && $1 == 0 }
        if expanded || t.numel == 0 { return try Tensor.empty(t.sizes, dtype: dtype, device: device) }
        let extent = zip(t.sizes, t.strides).reduce(1) { $0 + ($1.0 - 1) * $1.1 }
        return try Tensor.empty([extent], dtype: dtype, device: device).asStrided(t.sizes, t.strides, offset: 0)
    }
}
