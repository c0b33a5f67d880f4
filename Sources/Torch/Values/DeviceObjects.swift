import Interpreter
import Tensors

/// Payload of a `torch.device`.
final class DeviceBox {
    let device: Device
    /// `torch.device('cuda')` has no index; `cuda:0` and the device of a tensor do.
    let hasIndex: Bool
    init(_ device: Device, hasIndex: Bool = true) {
        self.device = device
        self.hasIndex = device == .cpu ? false : hasIndex
    }
}

extension TorchRuntime {
    func deviceValue(_ d: Device, hasIndex: Bool = true) -> PyValue {
        .object(PyInstance(cls: deviceClass, payload: DeviceBox(d, hasIndex: hasIndex)))
    }

    /// `torch.device('cpu')`, `torch.device('cuda', 0)`: reprs `device(type='cpu')`,
    /// `device(type='cuda', index=0)`; str `cpu` / `cuda:0`.
    func buildDevice(_ interp: Interpreter, _ m: PyModule) {
        let cls = interp.makeClass("device", module: "torch")
        deviceClass = cls
        func box(_ s: PyValue) -> DeviceBox { s.payload(DeviceBox.self)! }
        cls.setConstructor { [unowned self] _, _, args in
            let b = try args.bind(Signature("device", ["type", "index"], required: 1))
            if let d = b[0]!.payload(DeviceBox.self) { return deviceValue(d.device, hasIndex: d.hasIndex) }
            guard case .str(let text) = b[0]! else {
                throw PyError.typeError("device() received an invalid combination of arguments - got (\(typeNameForError(b[0]!))), but expected one of:\n * (torch.device device)\n * (str type, int index = -1)")
            }
            if let i = b.given(1)?.asInt {
                if text.contains(":") { throw PyError.runtimeError("type (string) must not include an index because index was passed explicitly: \(text)") }
                let d = try bridged { try Device(parsing: text) }
                return deviceValue(d == .cpu ? .cpu : .cuda(i))
            }
            let d = try bridged { try Device(parsing: text) }
            return deviceValue(d, hasIndex: text.contains(":"))
        }
        cls.addProperty("type") { _, s in .str(box(s).device.typeName) }
        cls.addProperty("index") { _, s in
            let b = box(s)
            if case .cuda(let i) = b.device, b.hasIndex { return .int(i) }
            return .none
        }
        cls.addMethod("__repr__") { _, s, _ in
            let b = box(s)
            if case .cuda(let i) = b.device, b.hasIndex { return .str("device(type='cuda', index=\(i))") }
            return .str("device(type='\(b.device.typeName)')")
        }
        cls.addMethod("__str__") { _, s, _ in
            let b = box(s)
            return .str(b.hasIndex ? b.device.description : b.device.typeName)
        }
        cls.addMethod("__eq__") { _, s, args in
            guard let o = args[0].payload(DeviceBox.self) else { return .notImplemented }
            let b = box(s)
            return .bool(b.device == o.device && b.hasIndex == o.hasIndex)
        }
        cls.addMethod("__hash__") { _, s, _ in .int(box(s).device.hashValue) }
        m.add("device", cls)
    }
}
