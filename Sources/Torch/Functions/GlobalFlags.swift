import Interpreter
import Tensors

/// Process-wide switches lessons set and read back. Gradbook's kernels are deterministic and
/// compute float32 matmuls at full precision whatever they say, so they change no result;
/// they are remembered so the getters answer as PyTorch's do.
struct GlobalFlags {
    var deterministic = false
    var deterministicWarnOnly = false
    var matmulPrecision = "highest"
    var warnAlways = false
}

extension TorchRuntime {
    func bindGlobalFlags(_ b: Binder) {
        b.free("use_deterministic_algorithms") { [unowned self] _, args in
            let bound = try args.bind(Signature("use_deterministic_algorithms", ["mode"], keywordOnly: ["warn_only"], required: 1))
            globalFlags.deterministic = try bool(bound[0]!, "use_deterministic_algorithms", "mode")
            globalFlags.deterministicWarnOnly = try bound.given(1).map { try bool($0, "use_deterministic_algorithms", "warn_only") } ?? false
            return .none
        }
        b.free("are_deterministic_algorithms_enabled") { [unowned self] _, _ in .bool(globalFlags.deterministic) }
        b.free("is_deterministic_algorithms_warn_only_enabled") { [unowned self] _, _ in .bool(globalFlags.deterministicWarnOnly) }
        b.free("get_deterministic_debug_mode") { [unowned self] _, _ in
            .int(!globalFlags.deterministic ? 0 : globalFlags.deterministicWarnOnly ? 1 : 2)
        }
        b.free("set_deterministic_debug_mode") { [unowned self] _, args in
            let v = try args.bind(Signature("set_deterministic_debug_mode", ["debug_mode"], required: 1))[0]!
            let modes = ["default": 0, "warn": 1, "error": 2]
            let mode: Int
            if case .str(let s) = v {
                guard let m = modes[s] else {
                    throw PyError.runtimeError("invalid value of debug_mode, expected one of `default`, `warn`, `error`, but got \(s)")
                }
                mode = m
            } else if let i = v.asInt, (0...2).contains(i) {
                mode = i
            } else if let i = v.asInt {
                throw PyError.runtimeError("invalid value of debug_mode, expected 0, 1, or 2, but got \(i)")
            } else {
                throw PyError.typeError("debug_mode must be str or int, but got \(typeNameForError(v))")
            }
            globalFlags.deterministic = mode > 0
            globalFlags.deterministicWarnOnly = mode == 1
            return .none
        }
        b.free("get_float32_matmul_precision") { [unowned self] _, _ in .str(globalFlags.matmulPrecision) }
        b.free("set_float32_matmul_precision") { [unowned self] interp, args in
            let v = try args.bind(Signature("set_float32_matmul_precision", ["precision"], required: 1))[0]!
            guard case .str(let s) = v else { throw PyError.typeError("set_float32_matmul_precision(): argument 'precision' must be str, not \(typeNameForError(v))") }
            if ["highest", "high", "medium"].contains(s) {
                globalFlags.matmulPrecision = s
            } else {
                interp.warn("\(s) is not one of 'highest', 'high', or 'medium'; the currentsetFloat32MatmulPrecision call has no effect. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/Context.cpp:511.)")
            }
            return .none
        }
        b.free("is_warn_always_enabled") { [unowned self] _, _ in .bool(globalFlags.warnAlways) }
        b.free("set_warn_always") { [unowned self] _, args in
            globalFlags.warnAlways = try bool(try args.bind(Signature("set_warn_always", ["b"], required: 1))[0]!, "set_warn_always", "b")
            return .none
        }
        b.free("typename") { [unowned self] interp, args in
            let v = try args.bind(Signature("typename", ["obj"], required: 1))[0]!
            if let t = tensorPayload(v) { return .str(t.dtype.legacyTypeName) }
            if case .object(let o) = v, let cls = o as? PyClass {
                return .str(cls.module == "builtins" ? cls.name : "\(cls.module).\(cls.name)")
            }
            return .str(interp.typeName(v))
        }
        b.free("scalar_tensor") { [unowned self] _, args in
            let bound = try args.bind(Signature("scalar_tensor", ["s"], keywordOnly: ["dtype", "layout", "device", "pin_memory"], required: 1))
            let value = try scalarOrItem(bound[0]!, "scalar_tensor", "s")
            return wrap(try bridged { try Tensor(scalar: value).to(try dtype(bound.given(1)) ?? .float32) })
        }
        b.property("H") { [unowned self] _, t in
            guard t.rank == 2 else {
                throw PyError.runtimeError("tensor.H is only supported on matrices (2-D tensors). Got \(t.rank)-D tensor.\(t.rank > 2 ? " For batches of matrices, consider using tensor.mH" : "")")
            }
            return wrap(try bridged { try Op.t(t) })
        }
        b.property("mH") { [unowned self] _, t in wrap(try bridged { try Op.matrixTranspose(t) }) }
    }
}
