import Interpreter
import Tensors

/// `torch.cuda`, answered from the backend registry: with no CUDA backend registered
/// (no driver, or its libraries missing) it behaves as PyTorch on a machine without a GPU:
/// `is_available()` is False, queries that would initialise CUDA raise the no-driver error,
/// and the memory statistics read 0.
extension TorchRuntime {
    func buildCudaFunctions(_ m: PyModule) {
        m.addFunction("is_available") { _, _ in .bool(Backends.cudaDeviceCount > 0) }
        m.addFunction("is_initialized") { _, _ in .bool(Backends.cudaDeviceCount > 0) }
        m.addFunction("device_count") { _, _ in .int(Backends.cudaDeviceCount) }
        m.addFunction("current_device") { [unowned self] _, _ in
            _ = try cudaBackend(nil)
            return .int(0)
        }
        m.addFunction("get_device_name") { [unowned self] _, args in
            .str(try cudaBackend(args.count > 0 ? args[0] : args.keyword("device")).deviceName)
        }
        m.addFunction("synchronize") { [unowned self] _, args in
            try cudaBackend(args.count > 0 ? args[0] : args.keyword("device")).synchronize()
            return .none
        }
        for name in ["manual_seed", "manual_seed_all"] {
            m.addFunction(name) { _, args in
                guard args.count > 0, case .int(let seed) = args[0] else {
                    throw PyError.typeError("\(name)() missing required argument 'seed'")
                }
                // Without CUDA PyTorch queues the seed for a lazy init that never comes.
                var i = 0
                while let b = try? Backends.backend(for: .cuda(i)), Backends.isAvailable(.cuda(i)) {
                    b.manualSeed(UInt64(bitPattern: Int64(seed)))
                    if name == "manual_seed" { break }
                    i += 1
                }
                return .none
            }
        }
        m.addFunction("memory_allocated") { [unowned self] _, args in
            .int(try statsBackend(args.count > 0 ? args[0] : args.keyword("device"))?.memoryAllocated ?? 0)
        }
        m.addFunction("max_memory_allocated") { [unowned self] _, args in
            .int(try statsBackend(args.count > 0 ? args[0] : args.keyword("device"))?.maxMemoryAllocated ?? 0)
        }
        m.addFunction("reset_peak_memory_stats") { [unowned self] _, args in
            try statsBackend(args.count > 0 ? args[0] : args.keyword("device"))?.resetPeakMemoryStats()
            return .none
        }
        m.addFunction("empty_cache") { _, _ in
            if let b = try? Backends.backend(for: .cuda(0)) { b.emptyCache() }
            return .none
        }
    }

    /// The backend of `cuda:<index>` named by a device argument (None: device 0), or the
    /// no-driver error PyTorch's lazy CUDA init raises.
    private func cudaBackend(_ v: PyValue?) throws -> DeviceBackend {
        try bridged { () throws(TensorError) -> DeviceBackend in
            if Backends.cudaDeviceCount == 0 { throw Backends.noDriver }
            return try Backends.backend(for: try cudaDevice(v))
        }
    }

    /// For the memory statistics, which read 0 before (or without) CUDA initialisation.
    private func statsBackend(_ v: PyValue?) throws -> DeviceBackend? {
        if Backends.cudaDeviceCount == 0 { return nil }
        return try bridged { try Backends.backend(for: try cudaDevice(v)) }
    }

    private func cudaDevice(_ v: PyValue?) throws(TensorError) -> Device {
        guard let v, !v.isNone else { return .cuda(0) }
        guard let d = try? device(v) else { throw .value("Expected a cuda device, but got: \(v)") }
        if case .cuda = d { return d }
        throw .value("Expected a cuda device, but got: \(d)")
    }
}
