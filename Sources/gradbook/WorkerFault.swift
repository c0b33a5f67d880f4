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

    /// Seconds past a cell's own time limit before its worker is killed.
    static let cellMarginVariable = "GRADBOOK_TEST_CELL_MARGIN"

    static var budgetMargin: Double? {
        ProcessInfo.processInfo.environment[marginVariable].flatMap(Double.init)
    }

    static var cellMargin: Double? {
        ProcessInfo.processInfo.environment[cellMarginVariable].flatMap(Double.init)
    }

    /// `crash:NAME:N` or `hang:NAME:N`: crash or hang (as native code would) when cell N
    /// (0-based) of lesson NAME starts.
    static func inject(for lesson: Lesson, cell: Int) {
        guard let fault = ProcessInfo.processInfo.environment[variable] else { return }
        if fault == "crash:\(lesson.name):\(cell)" {
            fatalError("injected crash")
        } else if fault == "hang:\(lesson.name):\(cell)" {
            while true { sleep(60) }
        }
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
