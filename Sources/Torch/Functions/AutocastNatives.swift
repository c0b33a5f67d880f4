import Interpreter
import Tensors

/// The `torch._C` autocast switches `torch.amp.autocast` drives (PyTorch 2.15's names and
/// defaults: CPU autocast off, bfloat16; only the CPU state is kept — a "cuda" region here is
/// the warning-and-disable path of `torch.autocast` when no GPU is there), and
/// `torch._autocast_call`, through which the embedded `torch.nn.functional` runs the ops
/// ATen casts natively.
extension TorchRuntime {
    func bindAutocast(_ b: Binder) {
        func device(_ v: PyValue?, _ fn: String) throws -> String? {
            guard let v, !v.isNone else { return nil }
            guard case .str(let s) = v else {
                throw PyError.typeError("\(fn)(): argument 'device_type' (position 1) must be str, not \(typeNameForError(v))")
            }
            return s
        }
        b.free("is_autocast_enabled") { [unowned self] _, args in
            let d = try device(args.count > 0 ? args[0] : args.keyword("device_type"), "is_autocast_enabled")
            return .bool(d == "cpu" ? autocast.enabled : false)
        }
        b.free("set_autocast_enabled") { [unowned self] _, args in
            if args.count == 2, try device(args[0], "set_autocast_enabled") == "cpu" {
                autocast.enabled = try bool(args[1], "set_autocast_enabled", "enabled")
            }
            return .none
        }
        b.free("is_autocast_cpu_enabled") { [unowned self] _, _ in .bool(autocast.enabled) }
        b.free("set_autocast_cpu_enabled") { [unowned self] _, args in
            autocast.enabled = try bool(args[0], "set_autocast_cpu_enabled", "enabled")
            return .none
        }
        b.free("get_autocast_dtype") { [unowned self] _, args in
            let d = try device(args.count > 0 ? args[0] : args.keyword("device_type"), "get_autocast_dtype")
            return dtypeValue(d == "cpu" ? autocast.dtype : .float16)
        }
        b.free("get_autocast_cpu_dtype") { [unowned self] _, _ in dtypeValue(autocast.dtype) }
        b.free("set_autocast_dtype") { [unowned self] _, args in
            if args.count == 2, try device(args[0], "set_autocast_dtype") == "cpu", let d = try dtype(args[1]) {
                autocast.dtype = d
            }
            return .none
        }
        b.free("set_autocast_cpu_dtype") { [unowned self] _, args in
            if let d = try dtype(args[0]) { autocast.dtype = d }
            return .none
        }
        b.free("autocast_increment_nesting") { [unowned self] _, _ in
            autocast.nesting += 1
            return .int(autocast.nesting)
        }
        b.free("autocast_decrement_nesting") { [unowned self] _, _ in
            autocast.nesting -= 1
            return .int(autocast.nesting)
        }
        b.free("clear_autocast_cache") { [unowned self] _, _ in
            autocast.clearCache()
            return .none
        }
        b.free("is_autocast_cache_enabled") { [unowned self] _, _ in .bool(autocast.cacheEnabled) }
        b.free("set_autocast_cache_enabled") { [unowned self] _, args in
            autocast.cacheEnabled = try bool(args[0], "set_autocast_cache_enabled", "enabled")
            return .none
        }
        // _autocast_call(policy, fn, args, kwargs): fn(*args, **kwargs) with the tensors cast
        // by `policy` ("lower_precision_fp", "fp32", "promote") and nested casting off.
        b.free("_autocast_call") { [unowned self] interp, args in
            let fn = args[1]
            let positional = args[2].asTuple?.items ?? args[2].asList?.items ?? []
            var keywords: [(String, PyValue)] = []
            if let d = args[3].asDict {
                for (k, v) in zip(d.keys, d.values) { if case .str(let s) = k { keywords.append((s, v)) } }
            }
            let call = Arguments(positional, keywords: keywords)
            guard autocast.isActive, case .str(let name) = args[0] else { return try interp.call(fn, call) }
            let policy: AutocastState.Policy = name == "fp32" ? .float32 : name == "promote" ? .promote : .lowerPrecision
            let cast = try autocastArguments(policy, call)
            return try autocastSuspended { try interp.call(fn, cast) }
        }
    }
}
