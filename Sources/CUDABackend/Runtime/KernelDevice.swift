import Tensors

/// What the generated-kernel backend needs from a machine: memory, compiled kernels and a
/// matrix product. The GPU (CUDADevice: driver API, NVRTC, cuBLAS) is one; the host
/// compiler running kernels as grid loops over host memory (HostKernelDevice) is the other,
/// so every kernel family is tested on machines without a GPU.
protocol KernelDevice: AnyObject, Sendable {
    /// Device addresses are plain integers; the host device's are host pointers.
    func allocate(byteCount: Int) throws(TensorError) -> UInt64
    func free(_ address: UInt64)
    func copyToHost(_ source: UInt64, _ destination: UnsafeMutableRawPointer, byteCount: Int) throws(TensorError)
    func copyFromHost(_ source: UnsafeRawPointer, _ destination: UInt64, byteCount: Int) throws(TensorError)
    /// Runs `kernel` from `source` (compiled once, then cached) over `blocks` x `threadsPerBlock`.
    func launch(_ kernel: String, in source: KernelSource, args: KernelArgs, blocks: Int, threadsPerBlock: Int) throws(TensorError)
    /// Column-major GEMM as BLAS defines it: C = alpha·op(A)·op(B) + beta·C (float32/float64).
    func gemm(_ dtype: DType, transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
              a: UInt64, lda: Int, b: UInt64, ldb: Int, beta: Double, c: UInt64, ldc: Int) throws(TensorError)
    /// Waits for queued work (`torch.cuda.synchronize()`).
    func synchronize() throws(TensorError)
    /// What the distribution kernels' launch shape depends on.
    var multiprocessorCount: Int { get }
    var maxThreadsPerMultiprocessor: Int { get }
}
