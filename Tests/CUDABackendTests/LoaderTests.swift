import Testing
@testable import CUDABackend
import Tensors

/// The loader's failure paths, with fake libraries built by the host C compiler: each makes
/// CUDA unavailable with a reason, never a crash.
@Suite struct LoaderTests {
    @Test func missingDriverLibraryIsUnavailableWithTheNamesTried() {
        let dir = temporaryDirectory("empty")
        let (availability, backends) = CUDA.load(directories: [dir], systemSearch: false)
        #expect(availability == .unavailable(reason: "libcuda.so.1 not found (tried \(dir)/libcuda.so.1, \(dir)/libcuda.so)"))
        #expect(backends.isEmpty)
    }

    @Test func driverLackingASymbolIsUnavailable() {
        let dir = temporaryDirectory("nosym")
        #expect(buildSharedLibrary("int cuInit(unsigned f) { return 0; }\n", at: dir + "/libcuda.so.1") == 0)
        let (availability, _) = CUDA.load(directories: [dir], systemSearch: false)
        #expect(availability == .unavailable(reason: "\(dir)/libcuda.so.1 lacks cuDriverGetVersion"))
    }

    /// A driver exporting every symbol, whose functions return `status` (cuInit returns `initStatus`).
    static func fakeDriver(initStatus: Int, devices: Int) -> String {
        var source = "static const char *name = \"CUDA_ERROR_NO_DEVICE\";\n"
        source += "int cuGetErrorName(int e, const char **p) { *p = name; return 0; }\n"
        source += "int cuInit(unsigned f) { return \(initStatus); }\n"
        source += "int cuDeviceGetCount(int *n) { *n = \(devices); return 0; }\n"
        for symbol in DriverAPI.symbols where !["cuInit", "cuGetErrorName", "cuDeviceGetCount"].contains(symbol) {
            source += "int \(symbol)(void) { return 999; }\n"
        }
        return source
    }

    @Test func failingCuInitIsUnavailableWithTheDriversErrorName() {
        let dir = temporaryDirectory("noinit")
        #expect(buildSharedLibrary(Self.fakeDriver(initStatus: 100, devices: 0), at: dir + "/libcuda.so.1") == 0)
        let (availability, _) = CUDA.load(directories: [dir], systemSearch: false)
        #expect(availability == .unavailable(reason: "cuInit failed: CUDA_ERROR_NO_DEVICE"))
    }

    @Test func driverWithoutDevicesIsUnavailable() {
        let dir = temporaryDirectory("nodev")
        #expect(buildSharedLibrary(Self.fakeDriver(initStatus: 0, devices: 0), at: dir + "/libcuda.so.1") == 0)
        let (availability, _) = CUDA.load(directories: [dir], systemSearch: false)
        #expect(availability == .unavailable(reason: "the CUDA driver reports no device"))
    }

    @Test func missingNVRTCIsUnavailable() {
        let dir = temporaryDirectory("nonvrtc")
        #expect(buildSharedLibrary(Self.fakeDriver(initStatus: 0, devices: 1), at: dir + "/libcuda.so.1") == 0)
        let (availability, _) = CUDA.load(directories: [dir], systemSearch: false)
        guard case .unavailable(let reason) = availability else { Issue.record("expected unavailable"); return }
        #expect(reason.hasPrefix("libnvrtc.so not found (tried \(dir)/libnvrtc.so, \(dir)/libnvrtc.so.13"))
    }

    @Test func nvrtcLackingASymbolIsUnavailable() {
        let dir = temporaryDirectory("badnvrtc")
        #expect(buildSharedLibrary(Self.fakeDriver(initStatus: 0, devices: 1), at: dir + "/libcuda.so.1") == 0)
        #expect(buildSharedLibrary("int nvrtcVersion(int *a, int *b) { return 0; }\n", at: dir + "/libnvrtc.so.12") == 0)
        let (availability, _) = CUDA.load(directories: [dir], systemSearch: false)
        #expect(availability == .unavailable(reason: "\(dir)/libnvrtc.so.12 lacks nvrtcCreateProgram"))
    }

    @Test func missingCuBLASIsUnavailable() {
        let dir = temporaryDirectory("nocublas")
        #expect(buildSharedLibrary(Self.fakeDriver(initStatus: 0, devices: 1), at: dir + "/libcuda.so.1") == 0)
        let nvrtc = ["nvrtcVersion", "nvrtcCreateProgram", "nvrtcCompileProgram", "nvrtcGetPTXSize", "nvrtcGetPTX",
                     "nvrtcGetProgramLogSize", "nvrtcGetProgramLog", "nvrtcDestroyProgram"]
            .map { "int \($0)(void) { return 0; }\n" }.joined()
        #expect(buildSharedLibrary(nvrtc, at: dir + "/libnvrtc.so") == 0)
        let (availability, _) = CUDA.load(directories: [dir], systemSearch: false)
        guard case .unavailable(let reason) = availability else { Issue.record("expected unavailable"); return }
        #expect(reason.hasPrefix("libcublas.so not found (tried \(dir)/libcublas.so,"))
    }

    @Test func deviceSetupFailureAfterLoadingIsUnavailableNotACrash() {
        // Every library present, but the fake driver's cuDeviceGet fails: no backend, a reason.
        let dir = temporaryDirectory("nodevget")
        #expect(buildSharedLibrary(Self.fakeDriver(initStatus: 0, devices: 1), at: dir + "/libcuda.so.1") == 0)
        let nvrtc = ["nvrtcVersion", "nvrtcCreateProgram", "nvrtcCompileProgram", "nvrtcGetPTXSize", "nvrtcGetPTX",
                     "nvrtcGetProgramLogSize", "nvrtcGetProgramLog", "nvrtcDestroyProgram"]
            .map { "int \($0)(void) { return 0; }\n" }.joined()
        #expect(buildSharedLibrary(nvrtc, at: dir + "/libnvrtc.so") == 0)
        let cublas = ["cublasCreate_v2", "cublasSetMathMode", "cublasSgemm_v2", "cublasDgemm_v2"]
            .map { "int \($0)(void) { return 0; }\n" }.joined()
        #expect(buildSharedLibrary(cublas, at: dir + "/libcublas.so") == 0)
        let (availability, backends) = CUDA.load(directories: [dir], systemSearch: false)
        #expect(availability == .unavailable(reason: "cuDeviceGet failed: CUDA_ERROR_NO_DEVICE"))
        #expect(backends.isEmpty)
    }

    @Test func thisMachinesAnswerIsAvailableOrAReason() {
        // CI has no GPU: unavailable with a reason, and cuda devices stay unregistered.
        switch CUDA.loadAndRegister() {
        case .available(let count):
            #expect(count >= 1)
            #expect(Backends.isAvailable(.cuda(0)))
        case .unavailable(let reason):
            #expect(!reason.isEmpty)
            #expect(!Backends.isAvailable(.cuda(0)))
        }
    }
}
