/// `gradbook check LESSON --answers STUDENT.md`: the teacher's lesson with each solution
/// cell's code taken from the student's filled-in copy (its `python answer=ID` cells). The
/// exercise checks and every other cell are the teacher's, so a student cannot weaken them.
public enum LessonAnswers {
    /// The lesson to run. Solution cells run the student's code, numbered by the student's
    /// file (errors point there) and not compared with the teacher's output; a solution cell
    /// the student's file has no answer for is an error at the student's file.
    public static func merge(_ lesson: Lesson, answers: Lesson) throws(LessonError) -> Lesson {
        var byID: [String: Cell] = [:]
        for cell in answers.cells {
            guard let id = answerID(of: cell, in: answers) else { continue }
            if byID[id] != nil {
                throw LessonError(file: answers.path, line: cell.lines.lowerBound, message: "a second answer for '\(id)'")
            }
            byID[id] = cell
        }
        var merged = lesson
        for index in merged.cells.indices where merged.cells[index].options.solution != nil {
            var cell = merged.cells[index]
            let id = StudentCopy.answerID(of: cell)
            guard let answer = byID[id] else {
                throw LessonError(file: answers.path, line: 1,
                                  message: "no answer for '\(id)' (a cell fenced as 'python answer=\(id)', for \(lesson.path):\(cell.lines.lowerBound))")
            }
            let options = cell.source.split(separator: "\n", omittingEmptySubsequences: false).prefix(cell.optionLineCount)
            cell.source = options.map { $0 + "\n" }.joined() + answer.code
            cell.firstSourceLine = answer.firstCodeLine - cell.optionLineCount
            cell.answerFile = answers.path
            cell.options.check = false
            cell.claims = []
            merged.cells[index] = cell
        }
        return merged
    }

    /// `ID` from a cell fenced as ```` ```python answer=ID ````.
    static func answerID(of cell: Cell, in lesson: Lesson) -> String? {
        let opening = lesson.source.line(cell.lines.lowerBound)
        guard let range = opening.firstRange(of: "answer=") else { return nil }
        let id = opening[range.upperBound...].prefix(while: { !$0.isWhitespace })
        return id.isEmpty ? nil : String(id)
    }
}
