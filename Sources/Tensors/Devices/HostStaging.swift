/// Running a kernel family on the CPU for a device that has no kernel of its own for it.
///
/// Each operand's whole storage is copied to host memory (so strides, offsets and aliasing
/// between views stay as they were), the CPU backend runs the case, operands it wrote in
/// place are copied back, and new outputs move to the device. Slow but exact: a backend
/// overrides the cases it has kernels for and lets this take the rest.
extension DeviceBackend {
    public func index(_ kernel: IndexKernel, _ tensors: [Tensor?]) throws(TensorError) -> [Tensor?] {
        let writes: Set<Int> = switch kernel {
        case .scatter, .advancedPut, .maskedAssign, .maskedFill: [0]
        default: []
        }
        return try stagedOnHost(tensors, writes: writes) { host throws(TensorError) in try Backends.cpu.index(kernel, host) }
    }

    public func line(_ kernel: LineKernel, _ tensors: [Tensor?]) throws(TensorError) -> [Tensor?] {
        try stagedOnHost(tensors, writes: []) { host throws(TensorError) in try Backends.cpu.line(kernel, host) }
    }

    public func nn(_ kernel: NNKernel, _ tensors: [Tensor?]) throws(TensorError) -> [Tensor?] {
        let writes: Set<Int> = if case .batchNorm(training: true, _, _) = kernel { [1, 2] } else { [] }
        return try stagedOnHost(tensors, writes: writes) { host throws(TensorError) in try Backends.cpu.nn(kernel, host) }
    }

    /// Runs `body` (a CPU kernel) over host mirrors of `tensors`; copies back the operands at
    /// `writes` and moves every returned tensor onto this device.
    public func stagedOnHost(_ tensors: [Tensor?], writes: Set<Int>,
                             _ body: ([Tensor?]) throws(TensorError) -> [Tensor?]) throws(TensorError) -> [Tensor?] {
        var mirrors: [Storage: Storage] = [:]
        var host: [Tensor?] = []
        for t in tensors {
            guard let t else { host.append(nil); continue }
            if t.device == .cpu { host.append(t); continue }
            let mirror: Storage
            if let m = mirrors[t.storage] {
                mirror = m
            } else {
                mirror = try Storage(byteCount: t.storage.byteCount, device: .cpu)
                copyToHost(t.storage.data, mirror.data, byteCount: t.storage.byteCount)
                mirrors[t.storage] = mirror
            }
            host.append(Tensor(storage: mirror, sizes: t.sizes, strides: t.strides, offset: t.offset, dtype: t.dtype))
        }
        let results = try body(host)
        for i in writes.sorted() {
            guard let t = tensors[i], t.device != .cpu, let m = mirrors[t.storage] else { continue }
            copyFromHost(m.data, t.storage.data, byteCount: t.storage.byteCount)
        }
        return try results.map { r throws(TensorError) in try r?.to(device: device) }
    }
}

extension Storage: Hashable {
    public static func == (a: Storage, b: Storage) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
