import Interpreter
import Tensors

extension TorchRuntime {
    /// `repr(t)`: the Tensors formatter with this session's print options and the
    /// autograd suffix.
    func repr(_ t: Tensor, prefix: String = "tensor(") throws -> String {
        try bridged { try t.repr(options: printOptions, autograd: autogradState(t), prefix: prefix) }
    }

    /// A Python number from a one-element tensor (`item()`).
    func item(_ t: Tensor) throws -> PyValue {
        switch try bridged({ try t.item() }) {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .float(let d): return .float(d)
        case .complex(let re, let im): return try nodeInterp.makeComplex(re, im)
        }
    }

    /// `tolist()`: nested Python lists of Python numbers (floats for float tensors).
    func toList(_ t: Tensor) throws -> PyValue {
        let scalars = try bridged { try t.scalars() }
        func py(_ s: Scalar) throws -> PyValue {
            switch s {
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(Int(i))
            case .float(let d): return .float(d)
            case .complex(let re, let im): return try nodeInterp.makeComplex(re, im)
            }
        }
        if t.sizes.isEmpty { return try py(scalars[0]) }
        var index = 0
        func build(_ dim: Int) throws -> PyValue {
            let n = t.sizes[dim]
            var items: [PyValue] = []
            items.reserveCapacity(n)
            if dim == t.sizes.count - 1 {
                for _ in 0..<n { items.append(try py(scalars[index])); index += 1 }
            } else {
                for _ in 0..<n { items.append(try build(dim + 1)) }
            }
            return .list(items)
        }
        return try build(0)
    }

    /// The `torch.Tensor` class with its Python protocol methods; the op families are
    /// added by the other `bind*` functions.
    func buildTensorClass(_ interp: Interpreter, _ m: PyModule) -> Binder {
        let cls = interp.makeClass("Tensor", module: "torch")
        tensorClass = cls
        m.add("Tensor", cls)
        let b = Binder(rt: self, cls: cls, module: m)
        cls.setConstructor { [unowned self] interp, cls, args in
            // torch.Tensor(2, 3) (uninitialised, here zeros) or torch.Tensor([1, 2]) (float32 data).
            let t: Tensor
            if args.count == 1, case .object(let o) = args[0], o is PyList || o is PyTuple {
                t = try TensorData(args[0], rt: self).make(dtype: .float32, device: .cpu)
            } else if args.count == 1, let other = tensorPayload(args[0]) {
                t = other.alias()
            } else {
                t = try bridged { try Tensor.zeros(try sizes(args.positional[...], "Tensor"), dtype: .float32) }
            }
            return adopt(t, as: cls)
        }

        // _tensor_str's prefix: `tensor(` for Tensor and Parameter, the class name for other
        // subclasses (`x.as_subclass(MyT)` prints `MyT([...])`).
        func prefix(_ t: Tensor) -> String {
            guard let cls = (t.hostObject as? PyInstance)?.cls, cls !== tensorClass,
                  !cls.mro.contains(where: { $0.name == "Parameter" }) else { return "tensor(" }
            return cls.name + "("
        }
        b.method("__repr__") { [unowned self] _, t, _ in .str(try repr(t, prefix: prefix(t))) }
        b.method("__str__") { [unowned self] _, t, _ in .str(try repr(t, prefix: prefix(t))) }
        addTensorDeepCopy(cls)
        b.method("__format__") { [unowned self] interp, t, args in
            let spec = args.count > 0 ? args[0].asString ?? "" : ""
            if t.rank == 0 { return .str(try interp.format(try item(t), spec)) }
            if spec.isEmpty { return .str(try repr(t)) }
            throw PyError.typeError("unsupported format string passed to Tensor.__format__")
        }
        b.method("__len__") { _, t, _ in
            if t.rank == 0 { throw PyError.typeError("len() of a 0-d tensor") }
            return .int(t.sizes[0])
        }
        b.method("__iter__") { [unowned self] _, t, _ in
            if t.rank == 0 { throw PyError.typeError("iteration over a 0-d tensor") }
            let n = t.sizes[0]
            var i = 0
            return .object(PyNativeIterator { [unowned self] in
                guard i < n else { return nil }
                defer { i += 1 }
                return wrap(try bridged { try Op.select(t, 0, i) })
            })
        }
        b.method("__bool__") { [unowned self] _, t, _ in
            if t.numel == 0 { throw PyError.runtimeError("Boolean value of Tensor with no values is ambiguous") }
            if t.numel > 1 { throw PyError.runtimeError("Boolean value of Tensor with more than one value is ambiguous") }
            if t.dtype.isComplex { return .bool(try bridged { try t.item() }.boolValue) }
            switch try item(t) {
            case .bool(let v): return .bool(v)
            case .int(let v): return .bool(v != 0)
            case .float(let v): return .bool(v != 0)
            default: return .true
            }
        }
        b.method("__float__") { [unowned self] interp, t, _ in
            if t.numel != 1 { throw PyError.valueError("only one element tensors can be converted to Python scalars") }
            // Only while grad mode is on: LBFGS's float(loss) inside its no_grad step is silent.
            if t.requiresGrad && isGradEnabled && !warnedScalarConversion {
                warnedScalarConversion = true
                interp.warn("Converting a tensor with requires_grad=True to a scalar may lead to unexpected behavior.\n"
                            + "Consider using tensor.detach() first. (Triggered internally at "
                            + "/__w/pytorch/pytorch/torch/csrc/autograd/generated/python_variable_methods.cpp:820.)")
            }
            if t.dtype.isComplex {
                // Scalar::toDouble's checked_convert: a non-zero imaginary part overflows.
                let v = try bridged { try t.item() }
                try bridged { try v.checkFits(.float64) }
                return .float(v.doubleValue)
            }
            return .float(try item(t).asDouble ?? 0)
        }
        // complex(t): the one element as a Python complex (a real tensor's with imag 0).
        b.method("__complex__") { interp, t, _ in
            if t.numel != 1 { throw PyError.valueError("only one element tensors can be converted to Python scalars") }
            let v = try bridged { try t.item() }
            switch v {
            case .complex(let re, let im): return try interp.makeComplex(re, im)
            default: return try interp.makeComplex(v.doubleValue, 0)
            }
        }
        b.method("__int__") { [unowned self] _, t, _ in
            if t.numel != 1 { throw PyError.valueError("only one element tensors can be converted to Python scalars") }
            switch try item(t) {
            case .float(let d):
                guard d.isFinite else {
                    throw PyError(type: d.isNaN ? "ValueError" : "OverflowError",
                                  message: d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer")
                }
                return .int(Int(d.rounded(.towardZero)))
            case let v: return .int(v.asInt ?? 0)
            }
        }
        b.method("__index__") { [unowned self] _, t, _ in
            if t.numel != 1 || t.dtype.isFloatingPoint {
                throw PyError.typeError("only integer tensors of a single element can be converted to an index")
            }
            return .int(try item(t).asInt ?? 0)
        }
        cls.addMethod("__hash__") { _, s, _ in
            guard case .object(let o) = s else { return .int(0) }
            return .int(ObjectIdentifier(o).hashValue)
        }
        b.method("__contains__") { [unowned self] _, t, args in
            let other = try tensorOrScalar(args[0], "__contains__", "element")
            return .bool(try bridged { try t.eq(other).any().item().boolValue })
        }
        b.method("item") { [unowned self] _, t, args in
            try args.expectNone("item")
            return try item(t)
        }
        b.method("tolist") { [unowned self] _, t, args in
            try args.expectNone("tolist")
            return try toList(t)
        }
        return b
    }

    /// Shape, dtype, device and the other read-only facts about a tensor.
    func bindProperties(_ b: Binder) {
        b.property("shape") { [unowned self] _, t in sizeValue(t.sizes) }
        b.property("dtype") { [unowned self] _, t in dtypeValue(t.dtype) }
        b.property("device") { [unowned self] _, t in deviceValue(t.device) }
        b.property("ndim") { _, t in .int(t.rank) }
        b.property("is_cuda") { _, t in .bool(t.device != .cpu) }
        b.property("is_cpu") { _, t in .bool(t.device == .cpu) }
        // Gradbook has only strided tensors: a nested or meta tensor never exists here.
        b.property("is_nested") { _, _ in .bool(false) }
        b.property("is_meta") { _, _ in .bool(false) }
        b.property("T") { [unowned self] _, t in wrap(try Op.reversedDims(t)) }
        b.property("mT") { [unowned self] _, t in wrap(try Op.matrixTranspose(t)) }
        b.property("itemsize") { _, t in .int(t.dtype.itemSize) }
        b.property("nbytes") { _, t in .int(t.dtype.itemSize * t.numel) }
        b.method("size") { [unowned self] _, t, args in
            let bound = try args.bind(Signature("size", ["dim"]))
            if let d = bound.given(0) { return .int(try bridged { try t.size(try int(d, "size", "dim")) }) }
            return sizeValue(t.sizes)
        }
        b.method("stride") { [unowned self] _, t, args in
            let bound = try args.bind(Signature("stride", ["dim"]))
            if let d = bound.given(0) { return .int(try bridged { try t.stride(try int(d, "stride", "dim")) }) }
            return .tuple(t.strides.map { .int($0) })
        }
        b.method("dim") { _, t, _ in .int(t.rank) }
        b.method("ndimension") { _, t, _ in .int(t.rank) }
        b.both("numel") { _, t, _ in .int(t.numel) }
        b.method("nelement") { _, t, _ in .int(t.numel) }
        b.method("element_size") { _, t, _ in .int(t.dtype.itemSize) }
        b.method("storage_offset") { _, t, _ in .int(t.offset) }
        b.method("is_contiguous") { _, t, _ in .bool(t.isContiguous) }
        b.both("is_floating_point") { _, t, _ in .bool(t.dtype.isFloatingPoint) }
        b.both("is_complex") { _, _, _ in .false }
        b.method("is_signed") { _, t, _ in .bool(t.dtype.isSigned) }
        b.method("data_ptr") { _, t, _ in .int(t.dataPointerAddress) }
        b.method("get_device") { _, t, _ in
            if case .cuda(let i) = t.device { return .int(i) }
            return .int(-1)
        }
    }
}
