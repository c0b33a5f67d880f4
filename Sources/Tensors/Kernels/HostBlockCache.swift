#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Freed host blocks of `minimumBytes` or more, kept for the next allocation of the same
/// size instead of going back to the C allocator.
///
/// Why: glibc serves blocks this large with fresh pages (`mmap`, or a heap top that it
/// trims on free), so every 4 MB temporary of an elementwise chain on 1,000,000 floats
/// costs ~1,000 page faults, each zeroing a page the kernel then overwrites — measured as
/// a large share of `bench/workloads/6-elementwise.py`'s CPU time. A block taken from here
/// is already mapped. Contents are whatever the last tensor left, as with `malloc`
/// (`torch.empty` promises nothing either).
///
/// The memory budget counts live tensors only (a cached block is not a tensor); the cache
/// itself is bounded process-wide by `capacityBytes` (`GRADBOOK_HOST_CACHE_MB`, `0`
/// disables it), and `trim()` hands every cached block back.
enum HostBlockCache {
    /// Smaller blocks come from malloc's own free lists, which already reuse them.
    static let minimumBytes = 1 << 16

    /// Most bytes kept at once.
    static let capacityBytes: Int = {
        if let text = getenv("GRADBOOK_HOST_CACHE_MB").map({ String(cString: $0) }), let mb = Int(text), mb >= 0 {
            return mb << 20
        }
        return 256 << 20
    }()

    private static let lock = SpinLock()
    nonisolated(unsafe) private static var blocks: [Int: [UnsafeMutableRawPointer]] = [:]
    nonisolated(unsafe) private static var cachedBytes = 0

    /// Bytes held now.
    static var bytesHeld: Int { lock.withLock { cachedBytes } }

    /// A cached block of exactly `byteCount` bytes, or nil.
    @inline(__always)
    static func take(_ byteCount: Int) -> UnsafeMutableRawPointer? {
        if byteCount < minimumBytes || capacityBytes == 0 { return nil }
        return lock.withLock { () -> UnsafeMutableRawPointer? in
            guard let p = blocks[byteCount]?.popLast() else { return nil }
            cachedBytes -= byteCount
            return p
        }
    }

    /// Keeps `pointer` (a malloc'd block of `byteCount` bytes) for reuse; false when it does
    /// not qualify or the cache is full, and the caller frees it.
    /// A full cache is emptied first: blocks of sizes a program stopped using go back to
    /// the system, and the sizes in use now fill it again.
    @inline(__always)
    static func keep(_ pointer: UnsafeMutableRawPointer, _ byteCount: Int) -> Bool {
        if byteCount < minimumBytes || byteCount > capacityBytes { return false }
        var evicted: [UnsafeMutableRawPointer] = []
        lock.withLock {
            if cachedBytes + byteCount > capacityBytes {
                evicted = blocks.values.flatMap { $0 }
                blocks = [:]
                cachedBytes = 0
            }
            blocks[byteCount, default: []].append(pointer)
            cachedBytes += byteCount
        }
        for p in evicted { free(p) }
        return true
    }

    /// Frees every cached block (after an allocation failed, and for tests).
    static func trim() {
        let all = lock.withLock { () -> [UnsafeMutableRawPointer] in
            let list = blocks.values.flatMap { $0 }
            blocks = [:]
            cachedBytes = 0
            return list
        }
        for p in all { free(p) }
    }
}
