import Lessons

/// `Output/<lesson>.md`: the lesson with fresh output blocks and its `#|` lines removed; the
/// teaching visuals follow each output block as fenced blocks of their own (`VisualText`),
/// then an image link to each figure the cell showed (`<lesson>/fig-<n>.svg`).
public enum ExecutedMarkdown {
    public static func render(_ result: LessonResult) -> String {
        let figures = LessonFigures.numbered(result)
        let links: (CellResult) -> [String] = { cell in
            LessonFigures.markdown(figures[cell.cell.index] ?? [], lesson: result.lesson.name)
        }
        return result.copy == .student
            ? LessonRewriter.student(result, blocks: VisualText.blocks, after: links)
            : LessonRewriter.executed(result, blocks: VisualText.blocks, after: links)
    }
}
