#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `torch.get_num_threads()`/`set_num_threads()`: the intra-op thread count. With MKL it is
/// MKL's thread count, which is part of a product's result (MKL splits the sum of a long
/// dot product between threads), so it starts at PyTorch's default — one thread per
/// physical core — whatever `GRADBOOK_THREADS` says about Gradbook's own kernels.
public enum IntraOpThreads {
    nonisolated(unsafe) private static var current = physicalCores
    private static let lock = SpinLock()

    public static var count: Int { lock.withLock { current } }

    /// Sets the count (at least 1), as `torch.set_num_threads(n)` does.
    public static func set(_ n: Int) {
        let value = max(1, n)
        lock.withLock { current = value }
        MKLLibrary.shared?.setThreads(value)
    }

    /// Distinct (package, core) pairs of the online CPUs, as PyTorch's default counts them;
    /// the logical CPU count where the topology cannot be read.
    public static let physicalCores: Int = {
        let logical = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var cores = Set<String>()
        for cpu in 0..<logical {
            let base = "/sys/devices/system/cpu/cpu\(cpu)/topology/"
            guard let core = try? String(contentsOfFile: base + "core_id", encoding: .utf8),
                  let package = try? String(contentsOfFile: base + "physical_package_id", encoding: .utf8)
            else { return logical }
            cores.insert(package.trimmedOfSpaces() + ":" +
                         core.trimmedOfSpaces())
        }
        return max(1, min(logical, cores.count))
    }()
}
