/// `y += a·x` as ATen's `cpublas::axpy` computes it: MKL's `?axpy` where MKL is loaded
/// (its rounding is MKL's own, which a fused multiply-add per element does not always give).
enum MKLAxpy {
    /// Runs MKL's axpy on `count` contiguous elements; false without MKL (or for a type MKL
    /// has no axpy for), so the caller runs its own loop.
    static func run<T: BinaryFloatingPoint>(_ count: Int, _ a: T, _ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>) -> Bool {
        guard let mkl = MKLLibrary.shared, count <= Int(Int32.max) else { return false }
        if T.self == Float.self, let saxpy = mkl.saxpy {
            saxpy(Int32(count), Float(a), UnsafeRawPointer(x).assumingMemoryBound(to: Float.self), 1,
                  UnsafeMutableRawPointer(y).assumingMemoryBound(to: Float.self), 1)
            return true
        }
        if T.self == Double.self, let daxpy = mkl.daxpy {
            daxpy(Int32(count), Double(a), UnsafeRawPointer(x).assumingMemoryBound(to: Double.self), 1,
                  UnsafeMutableRawPointer(y).assumingMemoryBound(to: Double.self), 1)
            return true
        }
        return false
    }
}
