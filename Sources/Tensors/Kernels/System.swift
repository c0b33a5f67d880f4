#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Facts about the machine that kernels size their work by.
enum System {
    static let activeProcessorCount = ProcessInfo.processInfo.activeProcessorCount

    /// Threads one kernel may use: every core, unless `GRADBOOK_THREADS` allows fewer.
    /// `gradbook check`/`run` set it for their worker processes, so that lessons running
    /// side by side share the cores instead of each waking a thread per core.
    static let threadBudget: Int = {
        if let text = ProcessInfo.processInfo.environment["GRADBOOK_THREADS"], let n = Int(text), n >= 1 {
            return min(n, max(1, activeProcessorCount))
        }
        return max(1, activeProcessorCount)
    }()

    /// A positive integer from the environment, for the tuning knobs below.
    static func tuning(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }
}
