import CUDABackend
import Tensors

/// Connects the run-time CUDA backend to the device registry: the first question about a
/// CUDA device (`torch.cuda.is_available()`, `device="cuda"`) dlopens the driver, NVRTC and
/// cuBLAS; without them the answer is "no device" and nothing else changes.
enum CUDALoading {
    /// Installs the loader once per process (`Backends` runs it lazily, at most once).
    static let installed: Bool = {
        Backends.setLoader { CUDA.backends }
        return true
    }()
}
