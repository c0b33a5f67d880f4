import Tensors

extension GeneratedKernelBackend {
    /// A contiguous copy of host tensor `t` on this backend's device.
    public func upload(_ t: Tensor) throws(TensorError) -> Tensor {
        let host = try t.contiguous()
        let d = try Tensor(empty: host.sizes, dtype: host.dtype, device: device)
        let bytes = host.numel * host.dtype.itemSize
        if bytes > 0 {
            copyFromHost(UnsafeRawPointer(bitPattern: host.dataPointerAddress)!,
                         UnsafeMutableRawPointer(bitPattern: d.dataPointerAddress)!, byteCount: bytes)
        }
        return d
    }

    /// A host copy of a tensor on this backend's device (made contiguous on the device first).
    public func download(_ t: Tensor) throws(TensorError) -> Tensor {
        var source = t
        if !t.isContiguous {
            source = try Tensor(empty: t.sizes, dtype: t.dtype, device: device)
            try copyCast(from: t, into: source)
        }
        let host = try Tensor(empty: t.sizes, dtype: t.dtype)
        let bytes = t.numel * t.dtype.itemSize
        if bytes > 0 {
            copyToHost(UnsafeRawPointer(bitPattern: source.dataPointerAddress)!,
                       UnsafeMutableRawPointer(bitPattern: host.dataPointerAddress)!, byteCount: bytes)
        }
        return host
    }

    /// Device-to-device copy bandwidth probe: copies `byteCount` bytes `repeats` times and
    /// waits; nil on the host device. Used by bench/CUDACheck.
    public func timeDeviceCopy(byteCount: Int, repeats: Int, clock: () -> Double) throws(TensorError) -> Double? {
        guard let gpu = kernels as? CUDADevice else { return nil }
        let a = try gpu.allocate(byteCount: byteCount), b = try gpu.allocate(byteCount: byteCount)
        defer { gpu.free(a); gpu.free(b) }
        try gpu.copyDeviceToDevice(a, b, byteCount: byteCount)
        try gpu.synchronize()
        let start = clock()
        for _ in 0..<repeats { try gpu.copyDeviceToDevice(a, b, byteCount: byteCount) }
        try gpu.synchronize()
        return clock() - start
    }
}

extension GeneratedKernelBackend {
    /// The generated kernels run on the host (compiled by `cc` into `directory`), on host
    /// memory, with `device == .cpu`: for checking the kernels and their drivers without a GPU.
    public static func hostEmulated(directory: String) -> GeneratedKernelBackend {
        GeneratedKernelBackend(device: .cpu, kernels: HostKernelDevice(directory: directory))
    }
}
