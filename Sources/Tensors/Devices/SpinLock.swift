import Foundation

/// A small lock for process-wide registries touched rarely (backends, memory budget).
final class SpinLock: @unchecked Sendable {
    private let lock = NSLock()
    @inline(__always) func withLock<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
