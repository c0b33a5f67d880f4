import Interpreter
import Tensors

/// Payload of a `torch.device`.
final class DeviceBox {
    let device: Device
    /// `torch.device('cuda')` has no index; `cuda:0` and the device of a tensor do.
    let hasIndex: Bool
    /// `torch.device('cpu', 0)` / `'cpu:0'` keep their index (repr `index=0`, str `cpu:0`)
    /// though every CPU tensor reports plain `cpu`.
    let cpuIndex: Int?
    init(_ device: Device, hasIndex: Bool = true, cpuIndex: Int? = nil) {
        self.device = device
        self.hasIndex = device == .cpu ? false : hasIndex
        self.cpuIndex = device == .cpu ? cpuIndex : nil
    }
}

extension TorchRuntime {
    func deviceValue(_ d: Device, hasIndex: Bool = true, cpuIndex: Int? = nil) -> PyValue {
        .object(PyInstance(cls: deviceClass, payload: DeviceBox(d, hasIndex: hasIndex, cpuIndex: cpuIndex)))
    }

    /// `torch.device('cpu')`, `torch.device('cuda', 0)`: reprs `device(type='cpu')`,
    /// `device(type='cuda', index=0)`; str `cpu` / `cuda:0`.
    func buildDevice(_ interp: Interpreter, _ m: PyModule) {
        let cls = interp.makeClass("device", module: "torch")
        deviceClass = cls
        func box(_ s: PyValue) -> DeviceBox { s.payload(DeviceBox.self)! }
        cls.setConstructor { [unowned self] _, _, args in
            let b = try args.bind(Signature("device", ["type", "index"], required: 1))
            if let d = b[0]!.payload(DeviceBox.self) { return deviceValue(d.device, hasIndex: d.hasIndex, cpuIndex: d.cpuIndex) }
            guard case .str(let text) = b[0]! else {
                throw PyError.typeError("device() received an invalid combination of arguments - got (\(typeNameForError(b[0]!))), but expected one of:\n * (torch.device device)\n * (str type, int index = -1)")
            }
            if let i = b.given(1)?.asInt {
                if text.contains(":") { throw PyError.runtimeError("type (string) must not include an index because index was passed explicitly: \(text)") }
                let d = try bridged { try Device(parsing: text) }
                return d == .cpu ? deviceValue(.cpu, cpuIndex: i) : deviceValue(.cuda(i))
            }
            if text.hasPrefix("cpu:"), let i = Int(text.dropFirst(4)), i >= 0 { return deviceValue(.cpu, cpuIndex: i) }
            let d = try bridged { try Device(parsing: text) }
            return deviceValue(d, hasIndex: text.contains(":"))
        }
        cls.addProperty("type") { _, s in .str(box(s).device.typeName) }
        cls.addProperty("index") { _, s in
            let b = box(s)
            if case .cuda(let i) = b.device, b.hasIndex { return .int(i) }
            return b.cpuIndex.map { .int($0) } ?? .none
        }
        cls.addMethod("__repr__") { _, s, _ in
            let b = box(s)
            if case .cuda(let i) = b.device, b.hasIndex { return .str("device(type='cuda', index=\(i))") }
            if let i = b.cpuIndex { return .str("device(type='cpu', index=\(i))") }
            return .str("device(type='\(b.device.typeName)')")
        }
        cls.addMethod("__str__") { _, s, _ in
            let b = box(s)
            if let i = b.cpuIndex { return .str("cpu:\(i)") }
            return .str(b.hasIndex ? b.device.description : b.device.typeName)
        }
        cls.addMethod("__eq__") { _, s, args in
            guard let o = args[0].payload(DeviceBox.self) else { return .notImplemented }
            let b = box(s)
            return .bool(b.device == o.device && b.hasIndex == o.hasIndex && b.cpuIndex == o.cpuIndex)
        }
        cls.addMethod("__hash__") { _, s, _ in .int(box(s).device.hashValue) }
        m.add("device", cls)
    }
}
