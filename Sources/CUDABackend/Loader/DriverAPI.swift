/// The CUDA driver API entry points the backend uses, resolved from `libcuda.so.1`.
/// Handles (contexts, modules, functions) are opaque pointers; device memory is `UInt64`
/// (`CUdeviceptr`). Versioned names (`_v2`) are the ones `cuda.h` maps the plain names to.
struct DriverAPI: @unchecked Sendable {
    typealias Handle = OpaquePointer?
    let cuInit: @convention(c) (UInt32) -> Int32
    let cuDriverGetVersion: @convention(c) (UnsafeMutablePointer<Int32>) -> Int32
    let cuDeviceGetCount: @convention(c) (UnsafeMutablePointer<Int32>) -> Int32
    let cuDeviceGet: @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    let cuDeviceGetName: @convention(c) (UnsafeMutablePointer<CChar>, Int32, Int32) -> Int32
    let cuDeviceGetAttribute: @convention(c) (UnsafeMutablePointer<Int32>, Int32, Int32) -> Int32
    let cuDevicePrimaryCtxRetain: @convention(c) (UnsafeMutablePointer<Handle>, Int32) -> Int32
    let cuCtxSetCurrent: @convention(c) (Handle) -> Int32
    let cuCtxSynchronize: @convention(c) () -> Int32
    let cuMemAlloc: @convention(c) (UnsafeMutablePointer<UInt64>, Int) -> Int32
    let cuMemFree: @convention(c) (UInt64) -> Int32
    let cuMemcpyHtoD: @convention(c) (UInt64, UnsafeRawPointer, Int) -> Int32
    let cuMemcpyDtoH: @convention(c) (UnsafeMutableRawPointer, UInt64, Int) -> Int32
    let cuMemcpyDtoD: @convention(c) (UInt64, UInt64, Int) -> Int32
    let cuMemGetInfo: @convention(c) (UnsafeMutablePointer<Int>, UnsafeMutablePointer<Int>) -> Int32
    let cuModuleLoadData: @convention(c) (UnsafeMutablePointer<Handle>, UnsafeRawPointer) -> Int32
    let cuModuleGetFunction: @convention(c) (UnsafeMutablePointer<Handle>, Handle, UnsafePointer<CChar>) -> Int32
    let cuLaunchKernel: @convention(c) (Handle, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, Handle,
                                        UnsafeMutablePointer<UnsafeMutableRawPointer?>?, UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> Int32
    let cuGetErrorName: @convention(c) (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>) -> Int32

    /// Every symbol is resolved before any is called: a library lacking one is refused whole.
    init(_ lib: DynamicLibrary) throws(LoadFailure) {
        func f<F>(_ name: String) throws(LoadFailure) -> F { try lib.function(name, as: F.self).get() }
        cuInit = try f("cuInit")
        cuDriverGetVersion = try f("cuDriverGetVersion")
        cuDeviceGetCount = try f("cuDeviceGetCount")
        cuDeviceGet = try f("cuDeviceGet")
        cuDeviceGetName = try f("cuDeviceGetName")
        cuDeviceGetAttribute = try f("cuDeviceGetAttribute")
        cuDevicePrimaryCtxRetain = try f("cuDevicePrimaryCtxRetain")
        cuCtxSetCurrent = try f("cuCtxSetCurrent")
        cuCtxSynchronize = try f("cuCtxSynchronize")
        cuMemAlloc = try f("cuMemAlloc_v2")
        cuMemFree = try f("cuMemFree_v2")
        cuMemcpyHtoD = try f("cuMemcpyHtoD_v2")
        cuMemcpyDtoH = try f("cuMemcpyDtoH_v2")
        cuMemcpyDtoD = try f("cuMemcpyDtoD_v2")
        cuMemGetInfo = try f("cuMemGetInfo_v2")
        cuModuleLoadData = try f("cuModuleLoadData")
        cuModuleGetFunction = try f("cuModuleGetFunction")
        cuLaunchKernel = try f("cuLaunchKernel")
        cuGetErrorName = try f("cuGetErrorName")
    }

    /// The symbols a library must export, in resolution order (tests build fakes from it).
    static let symbols = [
        "cuInit", "cuDriverGetVersion", "cuDeviceGetCount", "cuDeviceGet", "cuDeviceGetName", "cuDeviceGetAttribute",
        "cuDevicePrimaryCtxRetain", "cuCtxSetCurrent", "cuCtxSynchronize", "cuMemAlloc_v2", "cuMemFree_v2",
        "cuMemcpyHtoD_v2", "cuMemcpyDtoH_v2", "cuMemcpyDtoD_v2", "cuMemGetInfo_v2", "cuModuleLoadData",
        "cuModuleGetFunction", "cuLaunchKernel", "cuGetErrorName",
    ]

    /// `CUDA_ERROR_NO_DEVICE` style text for an error code.
    func errorName(_ code: Int32) -> String {
        var p: UnsafePointer<CChar>?
        if cuGetErrorName(code, &p) == 0, let p { return String(cString: p) }
        return "CUDA error \(code)"
    }

    // CUdevice_attribute values used here.
    static let attributeMultiprocessorCount: Int32 = 16
    static let attributeMaxThreadsPerMultiprocessor: Int32 = 39
    static let attributeComputeCapabilityMajor: Int32 = 75
    static let attributeComputeCapabilityMinor: Int32 = 76
}

/// NVRTC entry points (`libnvrtc.so*`).
struct NVRTCAPI: @unchecked Sendable {
    typealias Program = OpaquePointer?
    let nvrtcVersion: @convention(c) (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) -> Int32
    let nvrtcCreateProgram: @convention(c) (UnsafeMutablePointer<Program>, UnsafePointer<CChar>, UnsafePointer<CChar>?, Int32,
                                            UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UnsafePointer<CChar>?>?) -> Int32
    let nvrtcCompileProgram: @convention(c) (Program, Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> Int32
    let nvrtcGetPTXSize: @convention(c) (Program, UnsafeMutablePointer<Int>) -> Int32
    let nvrtcGetPTX: @convention(c) (Program, UnsafeMutablePointer<CChar>) -> Int32
    let nvrtcGetProgramLogSize: @convention(c) (Program, UnsafeMutablePointer<Int>) -> Int32
    let nvrtcGetProgramLog: @convention(c) (Program, UnsafeMutablePointer<CChar>) -> Int32
    let nvrtcDestroyProgram: @convention(c) (UnsafeMutablePointer<Program>) -> Int32

    init(_ lib: DynamicLibrary) throws(LoadFailure) {
        func f<F>(_ name: String) throws(LoadFailure) -> F { try lib.function(name, as: F.self).get() }
        nvrtcVersion = try f("nvrtcVersion")
        nvrtcCreateProgram = try f("nvrtcCreateProgram")
        nvrtcCompileProgram = try f("nvrtcCompileProgram")
        nvrtcGetPTXSize = try f("nvrtcGetPTXSize")
        nvrtcGetPTX = try f("nvrtcGetPTX")
        nvrtcGetProgramLogSize = try f("nvrtcGetProgramLogSize")
        nvrtcGetProgramLog = try f("nvrtcGetProgramLog")
        nvrtcDestroyProgram = try f("nvrtcDestroyProgram")
    }
}

/// cuBLAS entry points (`libcublas.so*`). Matrices are device addresses.
struct CUBLASAPI: @unchecked Sendable {
    typealias Handle = OpaquePointer?
    let cublasCreate: @convention(c) (UnsafeMutablePointer<Handle>) -> Int32
    let cublasSetMathMode: @convention(c) (Handle, Int32) -> Int32
    let cublasSgemm: @convention(c) (Handle, Int32, Int32, Int32, Int32, Int32, UnsafePointer<Float>, UInt64, Int32,
                                     UInt64, Int32, UnsafePointer<Float>, UInt64, Int32) -> Int32
    let cublasDgemm: @convention(c) (Handle, Int32, Int32, Int32, Int32, Int32, UnsafePointer<Double>, UInt64, Int32,
                                     UInt64, Int32, UnsafePointer<Double>, UInt64, Int32) -> Int32

    init(_ lib: DynamicLibrary) throws(LoadFailure) {
        func f<F>(_ name: String) throws(LoadFailure) -> F { try lib.function(name, as: F.self).get() }
        cublasCreate = try f("cublasCreate_v2")
        cublasSetMathMode = try f("cublasSetMathMode")
        cublasSgemm = try f("cublasSgemm_v2")
        cublasDgemm = try f("cublasDgemm_v2")
    }

    /// `CUBLAS_DEFAULT_MATH`: no TF32 tensor-op rounding for float32, PyTorch's default
    /// (`torch.backends.cuda.matmul.allow_tf32 = False`).
    static let defaultMath: Int32 = 0
    static let opN: Int32 = 0, opT: Int32 = 1
}
