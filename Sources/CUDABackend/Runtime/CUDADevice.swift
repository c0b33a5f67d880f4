#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Tensors

/// One GPU through the driver API: memory, NVRTC-compiled kernels (cached in memory per
/// process and as PTX on disk), cuBLAS products. Every call makes the device's primary
/// context current first, since lessons may run on any thread.
final class CUDADevice: KernelDevice, @unchecked Sendable {
    let libraries: CUDALibraries
    let ordinal: Int32
    let name: String
    let architecture: String
    let multiprocessorCount: Int
    let maxThreadsPerMultiprocessor: Int
    private let context: OpaquePointer?
    private var cublas: OpaquePointer?
    private var functions: [String: OpaquePointer] = [:]
    private let lock = SpinLock()
    private let cache = PTXCache(directory: PTXCache.defaultDirectory)
    private let compilerVersion: String

    init(libraries: CUDALibraries, ordinal: Int) throws(LoadFailure) {
        self.libraries = libraries
        let d = libraries.driver
        var device: Int32 = 0
        try Self.check(d, d.cuDeviceGet(&device, Int32(ordinal)), "cuDeviceGet")
        self.ordinal = device
        var nameBuffer = [CChar](repeating: 0, count: 256)
        try Self.check(d, d.cuDeviceGetName(&nameBuffer, 255, device), "cuDeviceGetName")
        name = cBufferString(nameBuffer)
        func attribute(_ a: Int32) throws(LoadFailure) -> Int {
            var v: Int32 = 0
            try Self.check(d, d.cuDeviceGetAttribute(&v, a, device), "cuDeviceGetAttribute")
            return Int(v)
        }
        let major = try attribute(DriverAPI.attributeComputeCapabilityMajor)
        let minor = try attribute(DriverAPI.attributeComputeCapabilityMinor)
        architecture = "compute_\(major)\(minor)"
        multiprocessorCount = try attribute(DriverAPI.attributeMultiprocessorCount)
        maxThreadsPerMultiprocessor = try attribute(DriverAPI.attributeMaxThreadsPerMultiprocessor)
        var ctx: OpaquePointer?
        try Self.check(d, d.cuDevicePrimaryCtxRetain(&ctx, device), "cuDevicePrimaryCtxRetain")
        context = ctx
        try Self.check(d, d.cuCtxSetCurrent(ctx), "cuCtxSetCurrent")
        var major32: Int32 = 0, minor32: Int32 = 0
        _ = libraries.nvrtc.nvrtcVersion(&major32, &minor32)
        compilerVersion = "nvrtc \(major32).\(minor32)"
        var handle: OpaquePointer?
        let status = libraries.cublas.cublasCreate(&handle)
        if status != 0 { throw LoadFailure(reason: "cublasCreate failed with status \(status)") }
        _ = libraries.cublas.cublasSetMathMode(handle, CUBLASAPI.defaultMath)
        cublas = handle
    }

    private static func check(_ d: DriverAPI, _ status: Int32, _ what: String) throws(LoadFailure) {
        if status != 0 { throw LoadFailure(reason: "\(what) failed: \(d.errorName(status))") }
    }

    private func check(_ status: Int32, _ what: String) throws(TensorError) {
        if status != 0 { throw .runtime("CUDA error: \(libraries.driver.errorName(status)) (\(what))") }
    }

    private func makeCurrent() { _ = libraries.driver.cuCtxSetCurrent(context) }

    func allocate(byteCount: Int) throws(TensorError) -> UInt64 {
        makeCurrent()
        var address: UInt64 = 0
        let status = libraries.driver.cuMemAlloc(&address, max(byteCount, 1))
        if status == 2 { throw .outOfMemory(bytes: byteCount) }  // CUDA_ERROR_OUT_OF_MEMORY
        try check(status, "cuMemAlloc")
        return address
    }

    func free(_ address: UInt64) {
        makeCurrent()
        _ = libraries.driver.cuMemFree(address)
    }

    func copyToHost(_ source: UInt64, _ destination: UnsafeMutableRawPointer, byteCount: Int) throws(TensorError) {
        makeCurrent()
        try check(libraries.driver.cuMemcpyDtoH(destination, source, byteCount), "cuMemcpyDtoH")
    }

    func copyFromHost(_ source: UnsafeRawPointer, _ destination: UInt64, byteCount: Int) throws(TensorError) {
        makeCurrent()
        try check(libraries.driver.cuMemcpyHtoD(destination, source, byteCount), "cuMemcpyHtoD")
    }

    func copyDeviceToDevice(_ source: UInt64, _ destination: UInt64, byteCount: Int) throws(TensorError) {
        makeCurrent()
        try check(libraries.driver.cuMemcpyDtoD(destination, source, byteCount), "cuMemcpyDtoD")
    }

    func memoryInfo() -> (free: Int, total: Int) {
        makeCurrent()
        var free = 0, total = 0
        _ = libraries.driver.cuMemGetInfo(&free, &total)
        return (free, total)
    }

    func launch(_ kernel: String, in source: KernelSource, args: KernelArgs, blocks: Int, threadsPerBlock: Int) throws(TensorError) {
        makeCurrent()
        let function = try self.function(kernel, in: source)
        var slots = args.slots
        let launch = libraries.driver.cuLaunchKernel
        let status = slots.withUnsafeMutableBytes { raw in
            var params: [UnsafeMutableRawPointer?] = [raw.baseAddress]
            return launch(function, UInt32(blocks), 1, 1, UInt32(threadsPerBlock), 1, 1, 0, nil, &params, nil)
        }
        try check(status, "cuLaunchKernel \(kernel)")
    }

    func synchronize() throws(TensorError) {
        makeCurrent()
        try check(libraries.driver.cuCtxSynchronize(), "cuCtxSynchronize")
    }

    private func function(_ kernel: String, in source: KernelSource) throws(TensorError) -> OpaquePointer {
        if let f = lock.withLock({ functions[kernel] }) { return f }
        let key = PTXCache.key(source: source.text, architecture: architecture, compilerVersion: compilerVersion)
        let ptx: [CChar]
        if let cached = cache.read(key) {
            ptx = cached
        } else {
            ptx = try compile(source)
            cache.write(key, ptx)
        }
        var module: OpaquePointer?
        let loadData = libraries.driver.cuModuleLoadData
        let loaded = ptx.withUnsafeBytes { raw in loadData(&module, raw.baseAddress!) }
        try check(loaded, "cuModuleLoadData \(source.name)")
        // A source may hold several kernels (reductions): register them all under their names.
        var found: OpaquePointer?
        try check(libraries.driver.cuModuleGetFunction(&found, module, kernel), "cuModuleGetFunction \(kernel)")
        lock.withLock { functions[kernel] = found! }
        return found!
    }

    private func compile(_ source: KernelSource) throws(TensorError) -> [CChar] {
        let n = libraries.nvrtc
        var program: OpaquePointer?
        let created = n.nvrtcCreateProgram(&program, source.text, source.name + ".cu", 0, nil, nil)
        if created != 0 { throw .runtime("nvrtcCreateProgram failed (\(created)) for \(source.name)") }
        defer { _ = n.nvrtcDestroyProgram(&program) }
        let options = ["--gpu-architecture=\(architecture)", "--std=c++14"]
        let cOptions = options.map { strdup($0) }
        defer { cOptions.forEach { releaseHostMemory($0) } }
        let status = cOptions.map { UnsafePointer($0) }.withUnsafeBufferPointer { buffer in
            n.nvrtcCompileProgram(program, Int32(buffer.count), buffer.baseAddress)
        }
        if status != 0 {
            var size = 0
            _ = n.nvrtcGetProgramLogSize(program, &size)
            var log = [CChar](repeating: 0, count: max(size, 1))
            _ = n.nvrtcGetProgramLog(program, &log)
            throw .runtime("NVRTC could not compile \(source.name): \(cBufferString(log))")
        }
        var size = 0
        _ = n.nvrtcGetPTXSize(program, &size)
        var ptx = [CChar](repeating: 0, count: max(size, 1))
        _ = n.nvrtcGetPTX(program, &ptx)
        return ptx
    }

    func gemm(_ dtype: DType, transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
              a: UInt64, lda: Int, b: UInt64, ldb: Int, beta: Double, c: UInt64, ldc: Int) throws(TensorError) {
        makeCurrent()
        let ta = transA ? CUBLASAPI.opT : CUBLASAPI.opN, tb = transB ? CUBLASAPI.opT : CUBLASAPI.opN
        let status: Int32
        if dtype == .float32 {
            var al = Float(alpha), be = Float(beta)
            status = libraries.cublas.cublasSgemm(cublas, ta, tb, Int32(m), Int32(n), Int32(k), &al, a, Int32(lda), b, Int32(ldb), &be, c, Int32(ldc))
        } else {
            var al = alpha, be = beta
            status = libraries.cublas.cublasDgemm(cublas, ta, tb, Int32(m), Int32(n), Int32(k), &al, a, Int32(lda), b, Int32(ldb), &be, c, Int32(ldc))
        }
        if status != 0 { throw .runtime("CUDA error: cuBLAS gemm failed with status \(status)") }
    }
}
