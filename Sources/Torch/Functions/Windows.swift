import Interpreter
import Tensors

/// Signal windows (`hann_window`, `hamming_window`, `blackman_window`, `bartlett_window`)
/// and the deprecated `torch.range`. The windows are computed with the same tensor ops,
/// in the same order and dtype, as ATen's TensorFactories.cpp, so they round identically.
extension TorchRuntime {
    func bindWindows(_ b: Binder) {
        let hannSig = Signature("hann_window", ["window_length", "periodic"], keywordOnly: ["dtype", "layout", "device", "pin_memory", "requires_grad"], required: 1)
        b.free("hann_window") { [unowned self] _, args in
            let bound = try args.bind(hannSig)
            return try window("hann_window", bound, dtypeAt: 2) { t, n throws(TensorError) in try hamming(t, n, alpha: 0.5, beta: 0.5) }
        }
        let hammingSig = Signature("hamming_window", ["window_length", "periodic", "alpha", "beta"], keywordOnly: ["dtype", "layout", "device", "pin_memory", "requires_grad"], required: 1)
        b.free("hamming_window") { [unowned self] _, args in
            let bound = try args.bind(hammingSig)
            let alpha = try bound.given(2).map { try double($0, "hamming_window", "alpha") } ?? 0.54
            let beta = try bound.given(3).map { try double($0, "hamming_window", "beta") } ?? 0.46
            return try window("hamming_window", bound, dtypeAt: 4) { t, n throws(TensorError) in try hamming(t, n, alpha: alpha, beta: beta) }
        }
        let blackmanSig = Signature("blackman_window", ["window_length", "periodic"], keywordOnly: ["dtype", "layout", "device", "pin_memory", "requires_grad"], required: 1)
        b.free("blackman_window") { [unowned self] _, args in
            let bound = try args.bind(blackmanSig)
            return try window("blackman_window", bound, dtypeAt: 2) { t, n throws(TensorError) in
                let w = try Op.mul(t, .float(Double.pi / Double(n - 1)))
                let a = try Op.mul(try Op.unary(try Op.mul(w, .int(4)), .cos), .float(0.08))
                let c = try Op.mul(try Op.unary(try Op.mul(w, .int(2)), .cos), .float(0.5))
                return try Op.add(try Op.sub(a, c), .float(0.42))
            }
        }
        let bartlettSig = Signature("bartlett_window", ["window_length", "periodic"], keywordOnly: ["dtype", "layout", "device", "pin_memory", "requires_grad"], required: 1)
        b.free("bartlett_window") { [unowned self] _, args in
            let bound = try args.bind(bartlettSig)
            return try window("bartlett_window", bound, dtypeAt: 2) { t, n throws(TensorError) in
                let w = try Op.mul(t, .float(2 / Double(n - 1)))
                let firstHalf = ((n - 1) >> 1) + 1
                let head = try Op.narrow(w, 0, start: 0, length: firstHalf)
                let tail = try Op.add(try Op.mul(try Op.narrow(w, 0, start: firstHalf, length: n - firstHalf), .int(-1)), .int(2))
                return try Op.cat([head, tail])
            }
        }
        bindRange(b)
    }

    /// `arange(n).mul_(2 pi / (n - 1)).cos_().mul_(-beta).add_(alpha)`.
    private func hamming(_ t: Tensor, _ n: Int, alpha: Double, beta: Double) throws(TensorError) -> Tensor {
        let angle = try Op.mul(t, .float(Double.pi * 2 / Double(n - 1)))
        return try Op.add(try Op.mul(try Op.unary(angle, .cos), .float(-beta)), .float(alpha))
    }

    /// The checks and the periodic trick every window shares: a periodic window of length n
    /// is the symmetric one of length n + 1 without its last element.
    private func window(_ name: String, _ bound: BoundArguments, dtypeAt d: Int,
                        _ shape: (Tensor, Int) throws(TensorError) -> Tensor) throws -> PyValue {
        var n = try int(bound[0]!, name, "window_length")
        let periodic = try bound.given(1).map { try bool($0, name, "periodic") } ?? true
        let dt = try dtype(bound[d]) ?? .float32
        let dev = try device(bound[d + 2])
        if !dt.isFloatingPoint {
            throw PyError.runtimeError("\(name) expects floating point dtypes, got: TensorOptions(dtype=\(cxxTypeName(dt)), device=cpu, layout=Strided (default), requires_grad=false (default), pinned_memory=false, memory_format=(nullopt))")
        }
        if n < 0 { throw PyError.runtimeError("\(name) requires non-negative window_length, got window_length=\(n)") }
        let out: Tensor = try bridged { () throws(TensorError) -> Tensor in
            if n == 0 { return try Tensor.zeros([0], dtype: dt, device: dev) }
            if n == 1 { return try Tensor.full([1], .int(1), dtype: dt, device: dev) }
            if periodic { n += 1 }
            let w = try shape(try Tensor.arange(end: .int(Int64(n)), dtype: dt, device: dev), n)
            return periodic ? try w.narrow(0, start: 0, length: n - 1).contiguous() : w
        }
        try applyRequiresGrad(out, bound.given(d + 4))
        return wrap(out)
    }

    /// The C++ spelling of a dtype in a TensorOptions printout.
    private func cxxTypeName(_ dt: DType) -> String {
        switch dt {
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

    /// `torch.range(start, end, step=1)`: deprecated, inclusive of `end`, float32 by default.
    private func bindRange(_ b: Binder) {
        let sig = Signature("range", ["start", "end", "step"], keywordOnly: ["dtype", "layout", "device", "pin_memory", "requires_grad", "out"], required: 2)
        b.free("range") { [unowned self] interp, args in
            let bound = try args.bind(sig)
            interp.warn("torch.range is deprecated and will be removed in a future release because its behavior is inconsistent with Python's range builtin. Instead, use torch.arange, which produces values in [start, end).")
            let start = try double(bound[0]!, "range", "start"), end = try double(bound[1]!, "range", "end")
            let step = try bound.given(2).map { try double($0, "range", "step") } ?? 1
            if step == 0 { throw PyError.runtimeError("step must be nonzero") }
            if (step > 0 && start > end) || (step < 0 && start < end) {
                throw PyError.runtimeError("upper bound and larger bound inconsistent with step sign")
            }
            let count = Int(((end - start) / step).rounded(.down)) + 1
            let values = (0..<count).map { start + Double($0) * step }
            let out = try bridged { try Tensor(values: values, shape: [count], dtype: try dtype(bound[3]) ?? .float32, device: try device(bound[5])) }
            try applyRequiresGrad(out, bound.given(7))
            return wrap(out)
        }
    }
}
