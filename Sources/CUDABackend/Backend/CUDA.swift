#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Tensors

/// Entry point of the CUDA backend: loads the libraries once, on first use, and registers
/// one backend per device with `Backends`. Absent libraries, a failing `cuInit` or no device
/// make CUDA unavailable with a reason; nothing here ever crashes a CPU-only machine.
public enum CUDA {
    /// Whether CUDA could be used, and if not, why (`torch.cuda.is_available()` is the Bool).
    public enum Availability: Sendable, Equatable {
        case available(deviceCount: Int)
        case unavailable(reason: String)

        public var isAvailable: Bool { if case .available = self { true } else { false } }
    }

    nonisolated(unsafe) private static var loaded: (Availability, [GeneratedKernelBackend])?
    private static let lock = SpinLock()

    /// Loads the libraries (searching `GRADBOOK_CUDA_LIBRARY_PATH` first) and registers the
    /// devices with `Backends`, once per process. Later calls return the first answer.
    @discardableResult
    public static func loadAndRegister() -> Availability {
        lock.withLock {
            if let loaded { return loaded.0 }
            let result = load(directories: CUDALoader.environmentDirectories, systemSearch: true)
            loaded = result
            for backend in result.1 { Backends.register(backend) }
            return result.0
        }
    }

    /// The backends registered by `loadAndRegister` (empty when unavailable).
    public static var backends: [GeneratedKernelBackend] {
        loadAndRegister()
        return lock.withLock { loaded?.1 ?? [] }
    }

    /// Loads without registering: the loader's failure paths are tested through this.
    static func load(directories: [String], systemSearch: Bool) -> (Availability, [GeneratedKernelBackend]) {
        switch CUDALoader.load(directories: directories, systemSearch: systemSearch) {
        case .failure(let failure):
            return (.unavailable(reason: failure.reason), [])
        case .success(let libraries):
            var backends: [GeneratedKernelBackend] = []
            for i in 0..<libraries.deviceCount {
                do throws(LoadFailure) {
                    let device = try CUDADevice(libraries: libraries, ordinal: i)
                    backends.append(GeneratedKernelBackend(device: .cuda(i), kernels: device))
                } catch {
                    if backends.isEmpty { return (.unavailable(reason: error.reason), []) }
                }
            }
            return (.available(deviceCount: backends.count), backends)
        }
    }

    /// `torch.cuda.get_device_name(i)`.
    public static func deviceName(_ index: Int) -> String? {
        let b = backends
        guard index >= 0, index < b.count, let d = b[index].kernels as? CUDADevice else { return nil }
        return d.name
    }

    /// `torch.cuda.mem_get_info(i)`: free and total bytes.
    public static func memoryInfo(_ index: Int) -> (free: Int, total: Int)? {
        let b = backends
        guard index >= 0, index < b.count, let d = b[index].kernels as? CUDADevice else { return nil }
        return d.memoryInfo()
    }

    /// `torch.manual_seed(s)` reaches every CUDA generator (PyTorch seeds them all).
    public static func manualSeedAll(_ seed: UInt64) {
        for b in lock.withLock({ loaded?.1 ?? [] }) { b.generator.manualSeed(seed) }
    }

    /// The device `GRADBOOK_DEFAULT_DEVICE` asks for (`cuda`, `cuda:1`, `cpu`), if set and
    /// parseable. bench/gpu-check sets it to `cuda` so the conformance lessons run there;
    /// the layer that creates tensors decides what "default" covers (see docs/gpu.md).
    public static var requestedDefaultDevice: Device? {
        guard let v = getenv("GRADBOOK_DEFAULT_DEVICE") else { return nil }
        return try? Device(parsing: String(cString: v))
    }
}
