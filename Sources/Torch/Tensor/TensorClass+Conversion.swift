import Autograd
import Interpreter
import Tensors

/// Dtype and device conversions (`to`, `float()`, `cpu()`...), `new_*` factories and
/// the in-place fills (`zero_`, `fill_`, `copy_`, random fills).
extension TorchRuntime {
    func bindConversion(_ b: Binder) {
        let conversions: [(String, DType)] = [("float", .float32), ("double", .float64), ("half", .float16),
                                              ("bfloat16", .bfloat16), ("long", .int64), ("int", .int32),
                                              ("short", .int16), ("char", .int8), ("byte", .uint8), ("bool", .bool)]
        for (name, dt) in conversions {
            b.checkedMethod(name) { [unowned self] _, s, _ in
                guard let t = tensorPayload(s) else { return .notImplemented }
                if t.dtype == dt { return s }
                return wrap(try bridged { try Op.to(t, dt) })
            }
        }
        let toDevice = Name("device"), toDtype = Name("dtype"), toCopy = Name("copy")
        b.checkedMethod("to") { [unowned self] _, s, args in
            guard let t = tensorPayload(s) else { return .notImplemented }
            var dt: DType?
            var dev: Device?
            for v in args.positional {
                if let d = v.payload(DTypeBox.self) { dt = d.dtype } else if let other = tensorPayload(v) {
                    dt = other.dtype; dev = other.device
                } else if case .bool = v { continue } else {
                    dev = try device(v)
                }
            }
            if let v = args.keyword(toDtype) { dt = try dtype(v) }
            if let v = args.keyword(toDevice) { dev = try device(v) }
            let copy = args.keyword(toCopy).map { truthy($0) } ?? false
            var out = t
            try bridged {
                if let dev, dev != out.device { out = try Op.to(out, device: dev) }
                if let dt, dt != out.dtype { out = try Op.to(out, dt) }
                if copy && out === t { out = try Op.clone(t) }
            }
            if out === t { return s }
            return wrap(out)
        }
        b.checkedMethod("cpu") { [unowned self] _, s, _ in
            guard let t = tensorPayload(s) else { return .notImplemented }
            if t.device == .cpu { return s }
            return wrap(try bridged { try Op.to(t, device: .cpu) })
        }
        b.checkedMethod("cuda") { [unowned self] _, s, args in
            guard let t = tensorPayload(s) else { return .notImplemented }
            let dev: Device = try args.count > 0 ? (args[0].asInt.map { .cuda($0) } ?? device(args[0])) : .cuda(0)
            if t.device == dev { return s }
            return wrap(try bridged { try Op.to(t, device: dev) })
        }
        b.method("type") { [unowned self] _, t, args in
            guard args.count > 0 || args.keyword("dtype") != nil else { return .str(t.dtype.legacyTypeName) }
            let v = args.count > 0 ? args[0] : args.keyword("dtype")!
            if case .str(let name) = v {
                guard let dt = DType.allCases.first(where: { $0.legacyTypeName == name }) else {
                    throw PyError.valueError("invalid type: '\(name)'")
                }
                return wrap(try Op.to(t, dt))
            }
            guard let dt = try dtype(v) else { return .str(t.dtype.legacyTypeName) }
            return wrap(try Op.to(t, dt))
        }
        b.method("type_as") { [unowned self] _, t, args in
            wrap(try Op.to(t, try tensor(args[0], "type_as", "other").dtype))
        }

        // new_zeros(size, dtype=, device=, requires_grad=) and friends: same dtype/device as self by default.
        let newSig = Signature("new", [], keywordOnly: ["dtype", "device", "requires_grad", "layout", "pin_memory"], varargs: true)
        for (name, fill) in [("new_zeros", Scalar.int(0)), ("new_ones", .int(1)), ("new_empty", .int(0))] {
            b.method(name) { [unowned self] _, t, args in
                let bound = try args.bind(newSig)
                let out = try bridged { try Tensor.full(try sizes(bound.extra[...], name), fill, dtype: try dtype(bound[0]) ?? t.dtype, device: bound.given(1) == nil ? t.device : try device(bound[1])) }
                try applyRequiresGrad(out, bound.given(2))
                return wrap(out)
            }
        }
        let newFullSig = Signature("new_full", ["size", "fill_value"], keywordOnly: ["dtype", "device", "requires_grad"], required: 2)
        b.method("new_full") { [unowned self] _, t, args in
            let bound = try args.bind(newFullSig)
            let out = try bridged { try Tensor.full(try intList(bound[0]!, "new_full", "size"), try scalarOrItem(bound[1]!, "new_full", "fill_value"),
                                                    dtype: try dtype(bound[2]) ?? t.dtype, device: bound.given(3) == nil ? t.device : try device(bound[3])) }
            try applyRequiresGrad(out, bound.given(4))
            return wrap(out)
        }
        let newTensorSig = Signature("new_tensor", ["data"], keywordOnly: ["dtype", "device", "requires_grad"], required: 1)
        b.method("new_tensor") { [unowned self] _, t, args in
            let bound = try args.bind(newTensorSig)
            let out: Tensor
            if let src = tensorPayload(bound[0]!) {
                out = try bridged { try Op.to(src.alias(), try dtype(bound[1]) ?? t.dtype, copy: true) }
            } else {
                out = try TensorData(bound[0]!, rt: self).make(dtype: try dtype(bound[1]) ?? t.dtype, device: bound.given(2) == nil ? t.device : try device(bound[2]))
            }
            try applyRequiresGrad(out, bound.given(3))
            return wrap(out)
        }

        func inPlace(_ name: String, _ body: @escaping (Interpreter, Tensor, Arguments) throws -> Void) {
            b.checkedMethod(name) { interp, s, args in
                guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor '\(name)' requires a 'torch._C.TensorBase' object") }
                do {
                    try Differentiable.checkInferenceWrite(t)
                    try body(interp, t, args)
                } catch let e as TensorError { throw e.python }
                return s
            }
        }
        inPlace("zero_") { _, t, _ in _ = try Op.zero_(t) }
        inPlace("fill_") { [unowned self] _, t, args in
            guard args.count == 1 else { throw PyError.typeError("fill_() takes exactly one argument (\(args.count) given)") }
            if let v = tensorPayload(args[0]), v.rank > 0 {
                throw PyError.runtimeError("fill_ only supports 0-dimension value tensor but got tensor with \(v.rank) dimensions.")
            }
            let value = try scalarOrItem(args[0], "fill_", "value")
            try bridged { try value.checkFits(t.dtype) }
            _ = try Op.fill_(t, value)
        }
        inPlace("copy_") { [unowned self] _, t, args in
            _ = try Op.copy_(t, try tensorOrScalar(args[0], "copy_", "src"))
        }
        inPlace("set_") { [unowned self] _, t, args in
            t.setData(try tensor(args[0], "set_", "source"))
        }

        let uniformSig = Signature("uniform_", ["from", "to"], keywordOnly: ["generator"])
        inPlace("uniform_") { [unowned self] _, t, args in
            let bound = try args.bind(uniformSig)
            _ = try t.uniform_(from: try bound.given(0).map { try double($0, "uniform_", "from") } ?? 0,
                               to: try bound.given(1).map { try double($0, "uniform_", "to") } ?? 1,
                               generator: try generator(bound[2]))
        }
        let normalSig = Signature("normal_", ["mean", "std"], keywordOnly: ["generator"])
        inPlace("normal_") { [unowned self] _, t, args in
            let bound = try args.bind(normalSig)
            _ = try t.normal_(mean: try bound.given(0).map { try double($0, "normal_", "mean") } ?? 0,
                              std: try bound.given(1).map { try double($0, "normal_", "std") } ?? 1,
                              generator: try generator(bound[2]))
        }
        let randomSig = Signature("random_", ["from", "to"], keywordOnly: ["generator"])
        inPlace("random_") { [unowned self] _, t, args in
            let bound = try args.bind(randomSig)
            let gen = try generator(bound[2])
            switch (bound.given(0), bound.given(1)) {
            case (nil, _): _ = try t.random_(generator: gen)
            case (let lo?, nil) where bound.values[1] != nil:
                // `random_(from, None)`: from `from` up to the dtype's largest value.
                _ = try t.random_(from: Int64(try int(lo, "random_", "from")), generator: gen)
            case (let lo?, nil): _ = try t.random_(from: 0, to: Int64(try int(lo, "random_", "to")), generator: gen)
            case (let lo?, let hi?): _ = try t.random_(from: Int64(try int(lo, "random_", "from")), to: Int64(try int(hi, "random_", "to")), generator: gen)
            }
        }
        let bernoulliSig = Signature("bernoulli_", ["p"], keywordOnly: ["generator"])
        inPlace("bernoulli_") { [unowned self] _, t, args in
            let bound = try args.bind(bernoulliSig)
            let gen = try generator(bound[1])
            // A tensor `p` (even a one-element one) takes ATen's `bernoulli_.Tensor` overload.
            if let p = bound.given(0).flatMap({ tensorPayload($0) }) {
                _ = try t.bernoulli_(p, generator: gen)
            } else {
                _ = try t.bernoulli_(try bound.given(0).map { try double($0, "bernoulli_", "p") } ?? 0.5, generator: gen)
            }
        }
        let exponentialSig = Signature("exponential_", ["lambd"], keywordOnly: ["generator"])
        inPlace("exponential_") { [unowned self] _, t, args in
            let bound = try args.bind(exponentialSig)
            _ = try t.exponential_(lambda: try bound.given(0).map { try double($0, "exponential_", "lambd") } ?? 1, generator: try generator(bound[1]))
        }
    }
}
