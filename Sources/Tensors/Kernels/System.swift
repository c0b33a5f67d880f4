import Foundation

/// Facts about the machine that kernels size their work by.
enum System {
    static let activeProcessorCount = ProcessInfo.processInfo.activeProcessorCount
}
