#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The seam between tensor semantics and the hardware that stores and computes.
///
/// Ops decide shapes, dtypes and errors once; a backend only allocates memory, moves bytes
/// and runs kernels by family. The CPU backend is always present; a CUDA backend (loaded at
/// run time with dlopen) registers itself with `Backends` when its libraries are found.
public protocol DeviceBackend: AnyObject, Sendable {
    var device: Device { get }
    /// Raw memory for `byteCount` bytes. The memory budget is checked before this is called.
    func allocate(byteCount: Int) throws(TensorError) -> UnsafeMutableRawPointer
    func deallocate(_ pointer: UnsafeMutableRawPointer, byteCount: Int)
    /// Copies raw bytes from this device into host memory.
    func copyToHost(_ source: UnsafeRawPointer, _ destination: UnsafeMutableRawPointer, byteCount: Int)
    /// Copies raw bytes from host memory onto this device.
    func copyFromHost(_ source: UnsafeRawPointer, _ destination: UnsafeMutableRawPointer, byteCount: Int)

    // Kernel families. Arguments are already checked: operands have the output's shape
    // (broadcast views) and the compute dtype; comparisons write bool; reductions get the
    // output in keepdim form.
    func copyCast(from source: Tensor, into destination: Tensor) throws(TensorError)
    func fill(_ tensor: Tensor, with value: Scalar) throws(TensorError)
    func binary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, into out: Tensor) throws(TensorError)
    /// `scalarOnLeft` computes `b op a` (reflected operators such as `2 - x`, `2 ** x`).
    func binaryScalar(_ op: BinaryOp, _ a: Tensor, _ b: Scalar, scalarOnLeft: Bool, into out: Tensor) throws(TensorError)
    func unary(_ op: UnaryOp, _ a: Tensor, into out: Tensor) throws(TensorError)
    func reduce(_ op: ReduceOp, _ a: Tensor, dims: [Int], into out: Tensor) throws(TensorError)
    func matmul(_ a: Tensor, _ b: Tensor, into out: Tensor) throws(TensorError)
    // Products that PyTorch computes with their own BLAS calls (so their rounding differs
    // from a composition of `matmul` and elementwise ops). A backend without such a kernel
    // returns nil and the op composes them (DeviceBackend+Products.swift).
    func addmm(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor, beta: Scalar, alpha: Scalar) throws(TensorError) -> Tensor?
    func mv(_ mat: Tensor, _ vec: Tensor) throws(TensorError) -> Tensor?
    func dot(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor?
    /// softmax/log_softmax over the last dimension and its backward, when the backend
    /// computes them as one kernel (as PyTorch's CPU build does, for its rounding).
    func softmaxLastDim(_ x: Tensor, log: Bool) throws(TensorError) -> Tensor?
    func softmaxBackwardLastDim(grad: Tensor, output: Tensor, log: Bool) throws(TensorError) -> Tensor?

    // The other families (KernelFamilies.swift): an enum case names the op, the tensors go
    // positionally. A backend without a kernel for a case stages it through the CPU backend
    // (`stagedOnHost`, HostStaging.swift), which is also the default for the whole family.
    func index(_ kernel: IndexKernel, _ tensors: [Tensor?]) throws(TensorError) -> [Tensor?]
    func line(_ kernel: LineKernel, _ tensors: [Tensor?]) throws(TensorError) -> [Tensor?]
    func nn(_ kernel: NNKernel, _ tensors: [Tensor?]) throws(TensorError) -> [Tensor?]

    /// `torch.cuda` queries; a backend answers for its own device.
    var deviceName: String { get }
    /// Waits for queued work (`torch.cuda.synchronize()`); the CPU runs synchronously.
    func synchronize()
    /// Cached memory the allocator may hand back (`torch.cuda.empty_cache()`).
    func emptyCache()
    /// Bytes held by live tensors, and the most held since the last reset
    /// (`torch.cuda.memory_allocated()`, `max_memory_allocated()`).
    var memoryAllocated: Int { get }
    var maxMemoryAllocated: Int { get }
    func resetPeakMemoryStats()
    /// Seeds this device's random generator (`torch.cuda.manual_seed`).
    func manualSeed(_ seed: UInt64)
}

/// Registry of the backends present in this process.
public enum Backends {
    public static let cpu = CPUBackend()

    nonisolated(unsafe) private static var others: [Device: DeviceBackend] = [:]
    private static let lock = SpinLock()
    /// Backends visible only to the current task and its children: tests register their
    /// stand-in device here, so tests running beside them still see a machine without one.
    @TaskLocal private static var scoped: [Device: DeviceBackend] = [:]

    /// Makes a device usable (a CUDA backend calls this once its libraries load).
    public static func register(_ backend: DeviceBackend) {
        lock.withLock { others[backend.device] = backend }
    }

    nonisolated(unsafe) private static var loader: (@Sendable () -> [DeviceBackend])?

    /// Installs a loader run once, at the first question about a non-CPU device
    /// (`torch.cuda.is_available()`, `device="cuda"`): a CUDA backend dlopens its libraries
    /// there and returns one backend per device, or none when anything is missing. Setting
    /// it again before it ran replaces it.
    public static func setLoader(_ load: @escaping @Sendable () -> [DeviceBackend]) {
        lock.withLock { loader = load }
    }

    private static let loadLock = SpinLock()

    /// Runs the loader, if one is waiting. Callers wait while it runs, so none sees "no
    /// device" before its backends are registered; the loader must not query `Backends`.
    private static func loadIfNeeded() {
        guard lock.withLock({ loader != nil }) else { return }
        loadLock.withLock {
            guard let load = lock.withLock({ () -> (@Sendable () -> [DeviceBackend])? in
                defer { loader = nil }
                return loader
            }) else { return }
            for b in load() { register(b) }
        }
    }

    /// Runs `body` with `backends` registered for the current task only.
    public static func withRegistered<R>(_ backends: [DeviceBackend], _ body: () throws -> R) rethrows -> R {
        var merged = scoped
        for b in backends { merged[b.device] = b }
        return try $scoped.withValue(merged) { try body() }
    }

    /// Async form of `withRegistered`.
    public static func withRegistered<R>(_ backends: [DeviceBackend], _ body: () async throws -> R) async rethrows -> R {
        var merged = scoped
        for b in backends { merged[b.device] = b }
        return try await $scoped.withValue(merged) { try await body() }
    }

    /// The backends registered for the current task (`withRegistered`) or thread
    /// (`adoptOnThisThread`): a host that moves work to another thread hands them over.
    public static var scopedBackends: [DeviceBackend] {
        var all = threadScoped
        for (d, b) in scoped { all[d] = b }
        return Array(all.values)
    }

    /// Registers `backends` for the calling thread until replaced (an interpreter's cell
    /// threads adopt what the session was created with).
    public static func adoptOnThisThread(_ backends: [DeviceBackend]) {
        if let old = pthread_getspecific(threadKey) { Unmanaged<ThreadScope>.fromOpaque(old).release() }
        let scope = ThreadScope(Dictionary(backends.map { ($0.device, $0) }, uniquingKeysWith: { a, _ in a }))
        pthread_setspecific(threadKey, backends.isEmpty ? nil : Unmanaged.passRetained(scope).toOpaque())
    }

    private final class ThreadScope {
        let backends: [Device: DeviceBackend]
        init(_ backends: [Device: DeviceBackend]) { self.backends = backends }
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        let rc = pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
        }
        precondition(rc == 0, "pthread_key_create failed")
        return key
    }()

    private static var threadScoped: [Device: DeviceBackend] {
        guard let p = pthread_getspecific(threadKey) else { return [:] }
        return Unmanaged<ThreadScope>.fromOpaque(p).takeUnretainedValue().backends
    }

    private static func registered(_ device: Device) -> DeviceBackend? {
        if let b = scoped[device] { return b }
        if let b = threadScoped[device] { return b }
        loadIfNeeded()
        return lock.withLock { others[device] }
    }

    public static func isAvailable(_ device: Device) -> Bool {
        device == .cpu || registered(device) != nil
    }

    /// Number of CUDA devices registered (`torch.cuda.device_count()`): devices are numbered
    /// from 0 without gaps, as CUDA numbers them.
    public static var cudaDeviceCount: Int {
        var n = 0
        while registered(.cuda(n)) != nil { n += 1 }
        return n
    }

    public static func backend(for device: Device) throws(TensorError) -> DeviceBackend {
        if device == .cpu { return cpu }
        if let b = registered(device) { return b }
        if case .cuda = device, cudaDeviceCount > 0 {
            throw .runtime("CUDA error: invalid device ordinal\nCUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.\nFor debugging consider passing CUDA_LAUNCH_BLOCKING=1\nCompile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.\n")
        }
        throw noDriver
    }

    /// PyTorch's error for a CUDA request on a machine without a usable driver.
    public static let noDriver = TensorError.runtime("Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx")
}
