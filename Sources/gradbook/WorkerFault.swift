#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Lessons

/// Fault injection for the end-to-end tests of worker isolation: a worker can be made to
/// crash or hang on a named lesson, and the pool's time margin shortened, through
/// environment variables that nothing else sets.
enum WorkerFault {
    /// `crash:NAME` or `hang:NAME` (NAME: the lesson's file name without `.md`).
    static let variable = "GRADBOOK_TEST_WORKER_FAULT"
    /// Seconds added to a lesson's cell time limits before its worker is killed.
    static let marginVariable = "GRADBOOK_TEST_WORKER_MARGIN"

    static var budgetMargin: Double? {
        ProcessInfo.processInfo.environment[marginVariable].flatMap(Double.init)
    }

    static func inject(for lesson: Lesson) {
        guard let fault = ProcessInfo.processInfo.environment[variable] else { return }
        if fault == "crash:\(lesson.name)" {
            fatalError("injected crash")
        } else if fault == "hang:\(lesson.name)" {
            while true { sleep(60) }
        }
    }
}
