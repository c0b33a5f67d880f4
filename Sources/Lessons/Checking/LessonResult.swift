/// A lesson and the verdict on each of its cells: the input of every report.
public struct LessonResult: Sendable, Codable, Equatable {
    public var lesson: Lesson
    public var cells: [CellResult]
    /// Set when the run broke down (crashed or killed worker).
    public var breakdown: String?
    public var seconds: Double
    /// Set on the student copy of a handout (`run --student`); nil for the teacher's.
    public var copy: HandoutCopy?

    public init(lesson: Lesson, run: LessonRun) {
        precondition(run.cells.count == lesson.cells.count, "a run must have one entry per cell")
        self.lesson = lesson
        self.cells = zip(lesson.cells, run.cells).map { CellResult(cell: $0, run: $1) }
        self.breakdown = run.breakdown
        self.seconds = run.seconds
    }

    public var passedCount: Int { cells.filter(\.countsAsPassed).count }
    public var failedCount: Int { cells.filter(\.countsAsFailed).count }
    /// Cells that count in the totals (see `CellResult.isCounted`).
    public var checkedCount: Int { cells.filter(\.isCounted).count }

    /// Whether the lesson passes: no failed cell and no breakdown.
    public var passed: Bool { breakdown == nil && failedCount == 0 }

    /// The cell whose undeclared exception stopped the lesson, if one did (it is the last
    /// cell that ran; its output block may still have declared the exception).
    public var stoppingCell: CellResult? {
        cells.first { cell in
            guard let exception = cell.outcome?.exception else { return false }
            return !exception.isExpected(by: cell.cell.options.raises)
        }
    }
}
