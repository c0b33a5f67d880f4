#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scratch rows of ATen's flash attention kernels, where PyTorch puts them: one
/// 64-byte aligned `at::empty({num_thread, size_per_thread})`, and the work item
/// (batch·head·query block) handed to thread t by `at::parallel_for` (grain 1, chunks of
/// ⌈items/threads⌉) uses row t. MKL's small products sum differently depending on how
/// their operands sit modulo 64 bytes, so q·kᵀ and ·v must read and write the buffers at
/// the offsets PyTorch's do to get its last bits.
struct ThreadBuffers<T> {
    private let block: UnsafeMutablePointer<T>
    private let sizePerThread: Int
    private let chunk: Int

    init(_ t: T.Type, items: Int, sizePerThread: Int) throws(TensorError) {
        let threads = IntraOpThreads.count
        // parallel_for runs inline (thread 0) for a single item or a single thread.
        let team = items > 1 && threads > 1 ? min(threads, items) : 1
        chunk = (items + team - 1) / max(team, 1)
        self.sizePerThread = sizePerThread
        let bytes = max(1, threads * sizePerThread * MemoryLayout<T>.stride)
        guard let raw = CPUBackend.alignedBlock(bytes) else { throw .outOfMemory(bytes: bytes) }
        block = raw.bindMemory(to: T.self, capacity: threads * sizePerThread)
    }

    /// The row of the thread that runs work item `item`.
    func base(forItem item: Int) -> UnsafeMutablePointer<T> {
        block + (chunk > 0 ? item / chunk : 0) * sizePerThread
    }

    func deallocate() { free(UnsafeMutableRawPointer(block)) }
}
