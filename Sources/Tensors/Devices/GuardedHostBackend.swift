#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A stand-in second device for tests, registered (for one test's task) as `cuda:0`.
///
/// It computes with the CPU backend but keeps its bytes where a kernel that bypasses the
/// seam cannot find them: `allocate` hands out a *poison* block filled with 0xFF (NaN
/// floats, −1 integers), and the real bytes live in a side block that only this backend's
/// copies and kernel families reach. A kernel that reads `storage.data` itself therefore
/// reads poison, and one that writes there writes where nobody looks: a test comparing
/// results with the CPU's catches either. The core families run on host views of the side
/// blocks; the index, line and nn families take the default host staging, as a GPU backend
/// does for cases it has no kernel for.
///
/// Memory statistics round each block up to 512 bytes, as PyTorch's CUDA caching allocator
/// reports them.
public final class GuardedHostBackend: DeviceBackend, @unchecked Sendable {
    public let device: Device
    public let deviceName: String
    private let lock = SpinLock()
    private var blocks: [UnsafeMutableRawPointer: (side: UnsafeMutableRawPointer, count: Int)] = [:]
    private var allocated = 0, peak = 0
    public static let poison: UInt8 = 0xFF

    public init(device: Device = .cuda(0), name: String = "Gradbook Test Device") {
        self.device = device
        self.deviceName = name
    }

    private static func rounded(_ n: Int) -> Int { (n + 511) / 512 * 512 }

    public func allocate(byteCount: Int) throws(TensorError) -> UnsafeMutableRawPointer {
        guard let p = malloc(byteCount), let side = malloc(byteCount) else { throw .outOfMemory(bytes: byteCount) }
        memset(p, Int32(Self.poison), byteCount)
        memset(side, Int32(Self.poison), byteCount)
        lock.withLock {
            blocks[p] = (side, byteCount)
            allocated += Self.rounded(byteCount)
            peak = max(peak, allocated)
        }
        return p
    }

    public func deallocate(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {
        let side = lock.withLock { () -> UnsafeMutableRawPointer? in
            allocated -= Self.rounded(byteCount)
            return blocks.removeValue(forKey: pointer)?.side
        }
        free(side)
        free(pointer)
    }

    /// The side-block address behind a (possibly interior) device address.
    private func side(_ p: UnsafeRawPointer) -> UnsafeMutableRawPointer {
        lock.withLock {
            for (base, block) in blocks where p >= UnsafeRawPointer(base) && p <= UnsafeRawPointer(base) + block.count {
                return block.side + (p - UnsafeRawPointer(base))
            }
            preconditionFailure("GuardedHostBackend: \(p) is not memory of \(device)")
        }
    }

    public func copyToHost(_ source: UnsafeRawPointer, _ destination: UnsafeMutableRawPointer, byteCount: Int) {
        destination.copyMemory(from: side(source), byteCount: byteCount)
    }

    public func copyFromHost(_ source: UnsafeRawPointer, _ destination: UnsafeMutableRawPointer, byteCount: Int) {
        side(destination).copyMemory(from: source, byteCount: byteCount)
    }

    /// The tensor as the CPU sees it: same layout over the side block (CPU tensors pass).
    private func host(_ t: Tensor) -> Tensor {
        if t.device == .cpu { return t }
        precondition(t.device == device, "GuardedHostBackend(\(device)) handed a tensor on \(t.device)")
        let storage = Storage(borrowing: side(t.storage.data), byteCount: t.storage.byteCount)
        return Tensor(storage: storage, sizes: t.sizes, strides: t.strides, offset: t.offset, dtype: t.dtype)
    }

    public func copyCast(from source: Tensor, into destination: Tensor) throws(TensorError) {
        try Backends.cpu.copyCast(from: host(source), into: host(destination))
    }

    public func fill(_ tensor: Tensor, with value: Scalar) throws(TensorError) {
        try Backends.cpu.fill(host(tensor), with: value)
    }

    public func binary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, into out: Tensor) throws(TensorError) {
        try Backends.cpu.binary(op, host(a), host(b), into: host(out))
    }

    public func binaryScalar(_ op: BinaryOp, _ a: Tensor, _ b: Scalar, scalarOnLeft: Bool, into out: Tensor) throws(TensorError) {
        try Backends.cpu.binaryScalar(op, host(a), b, scalarOnLeft: scalarOnLeft, into: host(out))
    }

    public func unary(_ op: UnaryOp, _ a: Tensor, into out: Tensor) throws(TensorError) {
        try Backends.cpu.unary(op, host(a), into: host(out))
    }

    public func reduce(_ op: ReduceOp, _ a: Tensor, dims: [Int], into out: Tensor) throws(TensorError) {
        try Backends.cpu.reduce(op, host(a), dims: dims, into: host(out))
    }

    public func matmul(_ a: Tensor, _ b: Tensor, into out: Tensor) throws(TensorError) {
        try Backends.cpu.matmul(host(a), host(b), into: host(out))
    }

    /// Fused products and softmax as the CPU rounds them (results moved onto this device).
    public func addmm(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor, beta: Scalar, alpha: Scalar) throws(TensorError) -> Tensor? {
        try Backends.cpu.addmm(host(input), host(mat1), host(mat2), beta: beta, alpha: alpha)?.to(device: device)
    }
    public func mv(_ mat: Tensor, _ vec: Tensor) throws(TensorError) -> Tensor? {
        try Backends.cpu.mv(host(mat), host(vec))?.to(device: device)
    }
    public func dot(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor? {
        try Backends.cpu.dot(host(a), host(b))?.to(device: device)
    }
    public func softmaxLastDim(_ x: Tensor, log: Bool) throws(TensorError) -> Tensor? {
        try Backends.cpu.softmaxLastDim(host(x), log: log)?.to(device: device)
    }
    public func softmaxBackwardLastDim(grad: Tensor, output: Tensor, log: Bool) throws(TensorError) -> Tensor? {
        try Backends.cpu.softmaxBackwardLastDim(grad: host(grad), output: host(output), log: log)?.to(device: device)
    }

    public var memoryAllocated: Int { lock.withLock { allocated } }
    public var maxMemoryAllocated: Int { lock.withLock { peak } }
    public func resetPeakMemoryStats() { lock.withLock { peak = allocated } }
}
