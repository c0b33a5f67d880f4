import Autograd
import Interpreter
import Tensors

/// The last public names of PyTorch 2.15's list that a lesson may touch, each with what
/// PyTorch does where gradbook can do the same, and PyTorch's error (or gradbook's
/// documented refusal) where it cannot: `torch.memory_format` and its four values,
/// `get_device_module`, `set_default_tensor_type`, `spmm`/`saddmm` (no sparse layout
/// here), TorchScript's parsers, `prepare_multiprocessing_environment`,
/// `thread_safe_generator`, `Tensor.as_subclass`, `Tensor.chalf`, `Tensor.index`.
extension TorchRuntime {
    func bindSurfaceRemainder(_ b: Binder, _ interp: Interpreter, _ m: PyModule) {
        buildMemoryFormats(interp, m)
        b.free("get_device_module") { [unowned self] interp, args in
            try Self.expectAtMost(args, 1, "get_device_module")
            let v = args.count == 1 ? args[0] : (args.keyword("device") ?? .none)
            let type: String
            if let box = v.payload(DeviceBox.self) {
                type = box.device.typeName
            } else if case .str = v {
                type = try device(v).typeName
            } else if v.isNone {
                type = TorchModule.cudaAvailable ? "cuda" : "cpu"
            } else {
                throw PyError(type: "RuntimeError", message: "Invalid value of device '\(try interp.str(v))', expect torch.device, str, or None")
            }
            return .object(try interp.importModule("torch." + type))
        }
        b.free("set_default_tensor_type") { [unowned self] interp, args in
            try Self.expectAtMost(args, 1, "set_default_tensor_type")
            if !warnedDefaultTensorType {
                // TORCH_WARN_ONCE: once per session.
                warnedDefaultTensorType = true
                interp.warn("torch.set_default_tensor_type() is deprecated as of PyTorch 2.1, please use torch.set_default_dtype() and torch.set_default_device() as alternatives. (Triggered internally at /__w/pytorch/pytorch/torch/csrc/tensor/python_tensor.cpp:409.)")
            }
            guard args.count == 1 else { throw PyError.typeError("set_default_tensor_type() missing 1 required positional argument: 't'") }
            var name: String?
            if case .str(let s) = args[0] {
                // torch._utils._import_dotted_name: the module part must import.
                let parts = s.split(separator: ".").map(String.init)
                guard parts.first == "torch" else { throw PyError(type: "ModuleNotFoundError", message: "No module named '\(parts.first ?? s)'") }
                name = parts.count == 2 ? parts[1] : nil
                if name == nil || m[name!] == nil {
                    throw PyError.attributeError("module 'torch' has no attribute '\(parts.dropFirst().joined(separator: "."))'")
                }
            } else {
                for legacy in ["FloatTensor", "DoubleTensor", "HalfTensor", "BFloat16Tensor", "LongTensor", "IntTensor",
                               "ShortTensor", "CharTensor", "ByteTensor", "BoolTensor"] {
                    if let f = m[legacy], case .object(let a) = f, case .object(let o) = args[0], a === o { name = legacy }
                }
            }
            guard let name, ["FloatTensor", "DoubleTensor", "HalfTensor", "BFloat16Tensor"].contains(name) else {
                if name == nil && args[0].payload(Tensor.self) == nil {
                    throw PyError.typeError("invalid type object: only floating-point types are supported as the default type")
                }
                throw PyError.typeError("only floating-point types are supported as the default type")
            }
            // The default dtype follows, as set_default_dtype: gradbook keeps float32.
            guard name == "FloatTensor" else {
                throw PyError.notImplementedError("set_default_dtype: only torch.float32 is supported")
            }
            return .none
        }
        // `torch.spmm(mat1, mat2)`: at::mm for strided operands (gradbook has no sparse layout).
        b.free("spmm") { [unowned self] _, args in
            guard args.count == 2, !args.hasKeywords else { throw PyError.typeError("spmm() takes 2 positional arguments") }
            let a = try tensor(args[0], "spmm", "input"), c = try tensor(args[1], "spmm", "mat2")
            return wrap(try bridged { try Differentiable.mm(a, c) })
        }
        // `torch.saddmm(input, mat1, mat2)`: sparse only; a strided `input` trips ATen's assert.
        b.free("saddmm") { [unowned self] _, args in
            guard args.count >= 3 else { throw PyError.typeError("saddmm() missing required arguments") }
            _ = try tensor(args[0], "saddmm", "input")
            _ = try tensor(args[1], "saddmm", "mat1")
            _ = try tensor(args[2], "saddmm", "mat2")
            throw PyError(type: "RuntimeError", message: "self.is_sparse() INTERNAL ASSERT FAILED at \"/__w/pytorch/pytorch/aten/src/ATen/native/SparseTensorUtils.h\":28, please report a bug to PyTorch. _internal_get_SparseTensorImpl: not a sparse tensor")
        }
        for name in ["parse_schema", "parse_ir", "parse_type_comment", "merge_type_from_type_comment"] {
            b.free(name) { _, _ in
                throw PyError.notImplementedError("Gradbook does not support TorchScript (torch.\(name))")
            }
        }
        b.free("unify_type_list") { interp, args in
            if args.count == 1, try interp.iterate(args[0]).isEmpty {
                throw PyError(type: "RuntimeError", message: "Cannot get unified type from empty list")
            }
            throw PyError.notImplementedError("Gradbook does not support TorchScript (torch.unify_type_list)")
        }
        // A no-op in PyTorch's open-source build (torch._utils_internal).
        b.free("prepare_multiprocessing_environment") { _, args in
            try Self.expectAtMost(args, 1, "prepare_multiprocessing_environment")
            return .none
        }
        // None outside DataLoader thread workers, and gradbook's DataLoader runs in-process.
        b.free("thread_safe_generator") { _, args in
            try Self.expectAtMost(args, 0, "thread_safe_generator")
            return .none
        }
        b.method("as_subclass") { [unowned self] interp, t, args in
            guard args.count == 1, case .object(let o) = args[0], let cls = o as? PyClass else {
                throw PyError.typeError("as_subclass(): argument 'cls' must be type, not \(args.count == 1 ? typeNameForError(args[0]) : "missing")")
            }
            guard cls.mro.contains(where: { $0 === tensorClass }) else {
                throw PyError.typeError("Creating a Tensor subclass from a class that does not inherit from Tensor is not possible. Make sure your class inherits from Tensor.")
            }
            // A new object over the same tensor (storage, history and version shared).
            return adopt(t.sharingAutograd(), as: cls)
        }
        b.method("chalf") { _, _, _ in
            throw PyError.notImplementedError("Gradbook does not support torch.complex32")
        }
        // PyTorch 2.15's Tensor.index binds first-class dimensions (functorch.dim).
        b.method("index") { _, _, _ in
            throw PyError(type: "ModuleNotFoundError", message: "No module named 'functorch'")
        }
    }

    /// CPython's "f() takes at most N arguments" check for the small natives here.
    private static func expectAtMost(_ args: Arguments, _ n: Int, _ fn: String) throws {
        if args.positional.count > n {
            throw PyError.typeError("\(fn)() takes \(n == 0 ? "0" : "from 0 to \(n)") positional arguments but \(args.positional.count) were given")
        }
    }

    /// `torch.memory_format`: four named values, no constructor, as PyTorch's.
    private func buildMemoryFormats(_ interp: Interpreter, _ m: PyModule) {
        final class FormatBox {
            let name: String
            init(_ name: String) { self.name = name }
        }
        let cls = interp.makeClass("memory_format", module: "torch")
        cls.setConstructor { _, _, _ in throw PyError.typeError("cannot create 'torch.memory_format' instances") }
        cls.addMethod("__repr__") { _, s, _ in .str("torch." + (s.payload(FormatBox.self)?.name ?? "memory_format")) }
        cls.addMethod("__reduce__") { _, s, _ in .str(s.payload(FormatBox.self)?.name ?? "") }
        m.add("memory_format", .object(cls))
        for name in ["contiguous_format", "preserve_format", "channels_last", "channels_last_3d"] {
            m.add(name, .object(PyInstance(cls: cls, payload: FormatBox(name))))
        }
    }
}
