import Autograd
import Interpreter
import Tensors

/// Names PyTorch offers that are short compositions of existing ops: `clamp_min_`,
/// `msort`, `positive`, `deg2rad`/`rad2deg`, `logit`, and the default device.
extension TorchRuntime {
    func bindSmallOps(_ b: Binder) {
        for (name, isMin) in [("clamp_min_", true), ("clamp_max_", false)] {
            let sig = Signature(name, [isMin ? "min" : "max"], required: 1)
            b.checkedMethod(name) { [unowned self] _, s, args in
                guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor '\(name)' requires a 'torch._C.TensorBase' object") }
                let bound = try args.bind(sig)
                if let limit = tensorPayload(bound[0]!) {
                    _ = try bridged { try Op.clampBound_(t, limit, isMin: isMin) }
                    return s
                }
                let limit = try scalarOrItem(bound[0]!, name, isMin ? "min" : "max")
                _ = try bridged { try Op.clamp_(t, min: isMin ? limit : nil, max: isMin ? nil : limit) }
                return s
            }
        }
        b.both("msort") { [unowned self] _, t, args in
            try args.expectNone("msort")
            return wrap(try Op.sort(t, dim: 0).values)
        }
        b.both("positive") { [unowned self] _, t, args in
            try args.expectNone("positive")
            if t.dtype == .bool { throw PyError.notImplementedError("The `+` operator, on a bool tensor is not supported.") }
            return wrap(t)
        }
        for (name, factor) in [("deg2rad", Double.pi / 180), ("rad2deg", 180 / Double.pi)] {
            b.both(name) { [unowned self] _, t, args in
                try args.expectNone(name)
                let x = t.dtype.isFloatingPoint ? t : try Op.to(t, .float32)
                return wrap(try Op.mul(x, .float(factor)))
            }
            b.checkedMethod(name + "_") { _, s, args in
                guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor '\(name)_' requires a 'torch._C.TensorBase' object") }
                try args.expectNone(name + "_")
                _ = try bridged { try Op.mul_(t, .float(factor)) }
                return s
            }
        }
        bindLogit(b)
        bindDefaultDevice(b)
    }

    /// `torch.logit(input, eps=None)`: `log(x / (1 - x))`, after clamping to `[eps, 1 - eps]`.
    private func bindLogit(_ b: Binder) {
        let sig = Signature("logit", ["eps"])
        func logit(_ t: Tensor, _ args: Arguments) throws -> Tensor {
            let eps = try args.bind(sig).given(0).flatMap { $0.isNone ? nil : $0.asDouble }
            return try bridged {
                let x = t.dtype.isFloatingPoint ? t : try Op.to(t, .float32)
                return try Differentiable.logit(x, eps: eps)
            }
        }
        b.both("logit") { [unowned self] _, t, args in wrap(try logit(t, args)) }
        b.checkedMethod("logit_") { _, s, args in
            guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor 'logit_' requires a 'torch._C.TensorBase' object") }
            let r = try logit(t, args)
            _ = try bridged { try Op.copy_(t, r) }
            return s
        }
    }

    /// Gradbook computes on the CPU: `set_default_device` accepts it (or None) and
    /// `get_default_device` reports it.
    private func bindDefaultDevice(_ b: Binder) {
        b.free("get_default_device") { [unowned self] _, args in
            try args.expectNone("get_default_device")
            return deviceValue(.cpu)
        }
        b.free("set_default_device") { [unowned self] _, args in
            let bound = try args.bind(Signature("set_default_device", ["device"], required: 1))
            let v = bound[0]!
            if v.isNone { return .none }
            let device: Device
            if let box = v.payload(DeviceBox.self) { device = box.device }
            else if case .str(let text) = v { device = try bridged { try Device(parsing: text) } }
            else { throw PyError.typeError("set_default_device(): argument 'device' must be torch.device, str or None, not \(typeNameForError(v))") }
            guard device == .cpu else {
                throw PyError.runtimeError("Torch not compiled with CUDA enabled")
            }
            return .none
        }
    }
}
