import Lessons

/// `Output/<lesson>.md`: the lesson with fresh output blocks and its `#|` lines removed, and
/// after each cell an image link to each figure it showed (`<lesson>/fig-<n>.svg`).
public enum ExecutedMarkdown {
    public static func render(_ result: LessonResult) -> String {
        let figures = LessonFigures.numbered(result)
        return LessonRewriter.executed(result) { cell in
            LessonFigures.markdown(figures[cell.cell.index] ?? [], lesson: result.lesson.name)
        }
    }
}
