/// The student copy of a lesson's result (`gradbook run --student`): each `solution` cell
/// shows its stub instead of its code, and `solution: all` hides its output and visuals
/// too. Everything else, exercise checks included, is as in the teacher's copy.
public enum StudentCopy {
    /// What a solution cell without a `stub` shows: an empty exercise box.
    public static let blankStub = "# Your answer here"

    /// The name a solution cell goes by in the student's file (`python answer=ID`): its `id`
    /// option, else `cell-N`.
    public static func answerID(of cell: Cell) -> String {
        cell.options.id ?? "cell-\(cell.index + 1)"
    }

    public static func make(_ result: LessonResult) -> LessonResult {
        var copy = result
        copy.copy = .student
        for index in copy.cells.indices {
            guard let mode = copy.cells[index].cell.options.solution else { continue }
            var cell = copy.cells[index].cell
            let options = cell.source.split(separator: "\n", omittingEmptySubsequences: false).prefix(cell.optionLineCount)
            let stub = cell.options.stub.map { $0 + "\n" } ?? ""
            cell.source = options.map { $0 + "\n" }.joined() + stub
            cell.claims = []
            cell.options.echo = cell.options.stub != nil
            copy.cells[index].cell = cell
            if mode == .all, var outcome = copy.cells[index].outcome {
                outcome.output = ""
                outcome.warnings = ""
                outcome.visuals = nil
                outcome.result = nil
                outcome.figures = []
                copy.cells[index].outcome = outcome
            }
        }
        return copy
    }
}
