#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs a lesson's cells in order in one session. An exception the cell did not declare
/// with `raises` stops the lesson: the cells after it are not run.
public enum LessonExecutor {
    /// Where a run stands, for a host that must report a crash or hang in the middle of it
    /// (a worker tells its pool, so earlier cells keep their results and the running cell
    /// is named).
    public enum Progress: Sendable {
        case started(Int)
        case finished(Int, LessonRun.CellRun)
    }

    public static func run(_ lesson: Lesson, in runner: CellRunner, progress: ((Progress) -> Void)? = nil) -> LessonRun {
        let start = Date()
        var cells: [LessonRun.CellRun] = []
        var stopped = false
        for cell in lesson.cells {
            if stopped {
                cells.append(.notRun)
                continue
            }
            if cell.options.skip {
                cells.append(.skipped)
                continue
            }
            let cellStart = Date()
            progress?(.started(cells.count))
            var outcome = runner.run(cell, file: cell.answerFile ?? lesson.path, timeout: lesson.timeout(for: cell))
            outcome.seconds = Date().timeIntervalSince(cellStart)
            progress?(.finished(cells.count, .ran(outcome)))
            cells.append(.ran(outcome))
            if let exception = outcome.exception, !exception.isExpected(by: cell.options.raises) {
                stopped = true
            }
        }
        return LessonRun(cells: cells, seconds: Date().timeIntervalSince(start))
    }
}
