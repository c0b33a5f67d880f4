import Lessons

/// What `gradbook check` prints: a line per lesson, the details of each failing cell
/// (a unified diff headed `file:line`, and the traceback of an exception it did not declare),
/// and the `N passed, N failed` total.
public enum CheckReport {
    /// The line for one lesson: `PASS  path  (3/3 cells, 0.25s)`.
    public static func lessonLine(_ result: LessonResult) -> String {
        let status = result.passed ? "PASS" : "FAIL"
        let breakdown = result.breakdown.map { ", \($0)" } ?? ""
        return "\(status)  \(result.lesson.path)  (\(result.passedCount)/\(result.checkedCount) cells, \(seconds(result.seconds))\(breakdown))\n"
    }

    /// The failing cells of a lesson, each headed `file:line: reason`.
    public static func failures(_ result: LessonResult) -> String {
        var text = ""
        for cell in result.cells where cell.countsAsFailed {
            let path = cell.cell.answerFile ?? result.lesson.path
            if cell.reason != InlineClaim.failureReason {
                text += "\(path):\(cell.cell.reportLine): \(cell.reason ?? "failed")\n"
            }
            if let diff = cell.diff {
                text += "--- expected\n+++ actual\n" + diff
            }
            for mismatch in cell.claimMismatches {
                text += "\(path):\(mismatch.line): \(InlineClaim.failureReason)\n--- claimed\n+++ printed\n" + mismatch.diff
            }
            if let exception = cell.outcome?.exception, !exception.isExpected(by: cell.cell.options.raises), !exception.traceback.isEmpty {
                text += exception.traceback.hasSuffix("\n") ? exception.traceback : exception.traceback + "\n"
            }
        }
        return text
    }

    /// The closing line, counting checked cells. A lesson that broke down (malformed file,
    /// crashed or killed worker) with no failed cell to show for it counts as one failure,
    /// so that the line never says `0 failed` when a lesson failed.
    public static func totals(_ results: [LessonResult]) -> String {
        let passed = results.reduce(0) { $0 + $1.passedCount }
        let failed = results.reduce(0) { $0 + max($1.failedCount, $1.breakdown == nil ? 0 : 1) }
        return "\(passed) passed, \(failed) failed\n"
    }

    /// Seconds with two decimals, without Foundation's locale-dependent formatting.
    static func seconds(_ value: Double) -> String {
        let hundredths = Int((max(0, value) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)s"
    }
}
