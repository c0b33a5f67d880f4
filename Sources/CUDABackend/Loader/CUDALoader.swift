#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The three CUDA libraries, opened and checked, and the devices the driver reports.
struct CUDALibraries: @unchecked Sendable {
    let driver: DriverAPI
    let nvrtc: NVRTCAPI
    let cublas: CUBLASAPI
    let deviceCount: Int
    let paths: [String]
}

/// Finds and opens libcuda, NVRTC and cuBLAS at run time, in that order; the first that is
/// missing, lacks a symbol, or fails (cuInit, no device) makes CUDA unavailable with that
/// reason. Nothing is linked at build time, so the binary runs where CUDA is absent.
enum CUDALoader {
    static let driverNames = ["libcuda.so.1", "libcuda.so"]
    static let nvrtcNames = ["libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2", "libnvrtc.so.11.1", "libnvrtc.so.11.0"]
    static let cublasNames = ["libcublas.so", "libcublas.so.13", "libcublas.so.12", "libcublas.so.11"]

    /// Directories from `GRADBOOK_CUDA_LIBRARY_PATH` (colon-separated), searched before the
    /// dynamic loader's own search.
    static var environmentDirectories: [String] {
        guard let v = getenv("GRADBOOK_CUDA_LIBRARY_PATH") else { return [] }
        return String(cString: v).split(separator: ":").map(String.init)
    }

    static func load(directories: [String], systemSearch: Bool) -> Result<CUDALibraries, LoadFailure> {
        do throws(LoadFailure) {
            let driverLib = try DynamicLibrary.open(names: driverNames, directories: directories, systemSearch: systemSearch).get()
            let driver = try DriverAPI(driverLib)
            let status = driver.cuInit(0)
            if status != 0 { throw LoadFailure(reason: "cuInit failed: \(driver.errorName(status))") }
            var count: Int32 = 0
            let countStatus = driver.cuDeviceGetCount(&count)
            if countStatus != 0 { throw LoadFailure(reason: "cuDeviceGetCount failed: \(driver.errorName(countStatus))") }
            if count == 0 { throw LoadFailure(reason: "the CUDA driver reports no device") }
            let nvrtcLib = try DynamicLibrary.open(names: nvrtcNames, directories: directories, systemSearch: systemSearch).get()
            let nvrtc = try NVRTCAPI(nvrtcLib)
            let cublasLib = try DynamicLibrary.open(names: cublasNames, directories: directories, systemSearch: systemSearch).get()
            let cublas = try CUBLASAPI(cublasLib)
            return .success(CUDALibraries(driver: driver, nvrtc: nvrtc, cublas: cublas, deviceCount: Int(count),
                                          paths: [driverLib.path, nvrtcLib.path, cublasLib.path]))
        } catch {
            return .failure(error)
        }
    }
}
