/// What happened when a lesson's cells were run: one entry per cell, in order. This is what
/// a worker process sends back; `LessonResult` adds the verdicts.
public struct LessonRun: Sendable, Codable, Equatable {
    /// What became of one cell.
    public enum CellRun: Sendable, Codable, Equatable {
        case ran(CellOutcome)
        case skipped
        case notRun
    }

    public var cells: [CellRun]
    /// Set when the run itself broke down (a crashed or killed worker): every cell is then
    /// reported not run, and the lesson fails.
    public var breakdown: String?
    /// Wall-clock seconds for the whole lesson.
    public var seconds: Double

    public init(cells: [CellRun], breakdown: String? = nil, seconds: Double = 0) {
        self.cells = cells
        self.breakdown = breakdown
        self.seconds = seconds
    }

    /// A run that never produced results, for `reason` (e.g. `crashed: signal 11`).
    public static func brokenDown(_ lesson: Lesson, reason: String, seconds: Double) -> LessonRun {
        LessonRun(cells: Array(repeating: .notRun, count: lesson.cells.count), breakdown: reason, seconds: seconds)
    }
}
