import Interpreter
import NumPy
import Tensors

/// `torch.tensor`, `zeros`/`ones`/`full`/`empty`, `arange`, `linspace`, `eye`, `*_like`.
extension TorchRuntime {
    func bindCreation(_ b: Binder) {
        let tensorSig = Signature("tensor", ["data"], keywordOnly: ["dtype", "device", "requires_grad", "pin_memory"], required: 1)
        b.free("tensor") { [unowned self] _, args in
            let bound = try args.bind(tensorSig)
            let dt = try dtype(bound[1])
            let dev = try device(bound[2])
            let out: Tensor
            if let src = tensorPayload(bound[0]!) {
                out = try bridged { try Op.to(try Op.to(src.alias(), device: dev), dt ?? src.dtype, copy: true) }
            } else {
                out = try TensorData(bound[0]!, rt: self).make(dtype: dt, device: dev)
            }
            try applyRequiresGrad(out, bound.given(3))
            return wrap(out)
        }
        let asTensorSig = Signature("as_tensor", ["data", "dtype", "device"], required: 1)
        b.free("as_tensor") { [unowned self] _, args in
            let bound = try args.bind(asTensorSig)
            let dt = try dtype(bound[1])
            if let src = tensorPayload(bound[0]!) {
                if dt == nil || dt == src.dtype { return bound[0]! }
                return wrap(try Op.to(src, dt!))
            }
            if let a = NDArray.from(bound[0]!), !NumPyRuntime.isScalar(bound[0]!) {
                let shared = sharedTensor(a)
                if dt == nil || dt == a.dtype { return wrap(shared) }
                return wrap(try bridged { try Op.to(shared, dt!) })
            }
            return wrap(try TensorData(bound[0]!, rt: self).make(dtype: dt, device: try device(bound[2])))
        }

        let factorySig = Signature("factory", [], keywordOnly: ["dtype", "device", "requires_grad", "out", "layout", "pin_memory", "size"], varargs: true)
        for (name, fill) in [("zeros", Scalar.int(0)), ("ones", .int(1)), ("empty", .int(0))] {
            b.free(name) { [unowned self] _, args in
                let bound = try args.bind(factorySig)
                let shape = bound.extra.isEmpty && bound[6] != nil ? try intList(bound[6]!, name, "size") : try sizes(bound.extra[...], name)
                if shape.contains(where: { $0 < 0 }) { throw PyError.runtimeError("\(name): Dimension size must be non-negative.") }
                let out = try bridged { try Tensor.full(shape, fill, dtype: try dtype(bound[0]) ?? .float32, device: try device(bound[1])) }
                try applyRequiresGrad(out, bound.given(2))
                return try storeOut(out, bound.given(3))
            }
        }
        let fullSig = Signature("full", ["size", "fill_value"], keywordOnly: ["dtype", "device", "requires_grad", "out", "layout", "pin_memory"], required: 2)
        b.free("full") { [unowned self] _, args in
            let bound = try args.bind(fullSig)
            let value = try scalarOrItem(bound[1]!, "full", "fill_value")
            let out = try bridged { try Tensor.full(try intList(bound[0]!, "full", "size"), value, dtype: try dtype(bound[2]), device: try device(bound[3])) }
            try bridged { try value.checkFits(out.dtype) }
            try applyRequiresGrad(out, bound.given(4))
            return wrap(out)
        }

        let likeSig = Signature("like", [], keywordOnly: ["dtype", "device", "requires_grad", "layout", "memory_format"])
        for (name, fill) in [("zeros_like", Scalar.int(0)), ("ones_like", .int(1)), ("empty_like", .int(0))] {
            b.function(name) { [unowned self] _, t, args in
                let bound = try args.bind(likeSig)
                let out = try bridged { try t.fullLike(fill, dtype: try dtype(bound[0]), device: bound.given(1) == nil ? nil : try device(bound[1])) }
                try applyRequiresGrad(out, bound.given(2))
                return wrap(out)
            }
        }
        let fullLikeSig = Signature("full_like", ["fill_value"], keywordOnly: ["dtype", "device", "requires_grad", "layout", "memory_format"], required: 1)
        b.function("full_like") { [unowned self] _, t, args in
            let bound = try args.bind(fullLikeSig)
            let out = try bridged { try t.fullLike(try scalarOrItem(bound[0]!, "full_like", "fill_value"), dtype: try dtype(bound[1]),
                                                   device: bound.given(2) == nil ? nil : try device(bound[2])) }
            try applyRequiresGrad(out, bound.given(3))
            return wrap(out)
        }

        let arangeSig = Signature("arange", ["start", "end", "step"], keywordOnly: ["dtype", "device", "requires_grad", "out", "layout", "pin_memory"])
        b.free("arange") { [unowned self] _, args in
            let bound = try args.bind(arangeSig)
            let given = [bound.given(0), bound.given(1), bound.given(2)]
            func num(_ v: PyValue, _ arg: String) throws -> Scalar { try scalarOrItem(v, "arange", arg) }
            let start: Scalar, end: Scalar, step: Scalar
            switch (given[0], given[1]) {
            case (let e?, nil): start = .int(0); end = try num(e, "end")
            case (let s?, let e?): start = try num(s, "start"); end = try num(e, "end")
            case (nil, let e?): start = .int(0); end = try num(e, "end")
            default: throw PyError.typeError("arange() received an invalid combination of arguments - got (), but expected one of:\n * (Number end, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n * (Number start, Number end, *, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n * (Number start, Number end, Number step = 1, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n")
            }
            step = try given[2].map { try num($0, "step") } ?? .int(1)
            let out = try bridged { try Tensor.arange(start: start, end: end, step: step, dtype: try dtype(bound[3]), device: try device(bound[4])) }
            try applyRequiresGrad(out, bound.given(5))
            return wrap(out)
        }
        let linspaceSig = Signature("linspace", ["start", "end", "steps"], keywordOnly: ["dtype", "device", "requires_grad", "out", "layout", "pin_memory"], required: 3)
        b.free("linspace") { [unowned self] _, args in
            let bound = try args.bind(linspaceSig)
            let out = try bridged {
                try Tensor.linspace(try scalarOrItem(bound[0]!, "linspace", "start"), try scalarOrItem(bound[1]!, "linspace", "end"),
                                    steps: try int(bound[2]!, "linspace", "steps"), dtype: try dtype(bound[3]) ?? .float32, device: try device(bound[4]))
            }
            try applyRequiresGrad(out, bound.given(5))
            return wrap(out)
        }
        let logspaceSig = Signature("logspace", ["start", "end", "steps", "base"], keywordOnly: ["dtype", "device", "requires_grad"], required: 3)
        b.free("logspace") { [unowned self] _, args in
            let bound = try args.bind(logspaceSig)
            let base = try bound.given(3).map { try double($0, "logspace", "base") } ?? 10
            let dt = try dtype(bound[4]) ?? .float32
            let exps = try bridged {
                try Tensor.linspace(try scalarOrItem(bound[0]!, "logspace", "start"), try scalarOrItem(bound[1]!, "logspace", "end"),
                                    steps: try int(bound[2]!, "logspace", "steps"), dtype: .float64)
            }
            let out = try bridged { try exps.binary(.pow, .float(base), reflected: true).to(dt) }
            return wrap(out)
        }
        let eyeSig = Signature("eye", ["n", "m"], keywordOnly: ["dtype", "device", "requires_grad", "out", "layout", "pin_memory"], required: 1)
        b.free("eye") { [unowned self] _, args in
            let bound = try args.bind(eyeSig)
            let out = try bridged {
                try Tensor.eye(try int(bound[0]!, "eye", "n"), try bound.given(1).map { try int($0, "eye", "m") },
                               dtype: try dtype(bound[2]) ?? .float32, device: try device(bound[3]))
            }
            try applyRequiresGrad(out, bound.given(4))
            return wrap(out)
        }
    }

    /// `out=`: copies the result into the given tensor (resized only when empty), returning it.
    func storeOut(_ result: Tensor, _ out: PyValue?) throws -> PyValue {
        guard let out else { return wrap(result) }
        guard let target = tensorPayload(out) else { throw PyError.typeError("argument 'out' must be Tensor, not \(typeNameForError(out))") }
        if target.sizes != result.sizes { target.setData(try bridged { try result.to(target.dtype) }) } else {
            _ = try bridged { try target.copy_(result) }
        }
        return out
    }
}
