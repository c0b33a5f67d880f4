import Lessons

/// `Output/<lesson>.md`: the lesson with fresh output blocks and its `#|` lines removed; the
/// teaching visuals follow each output block as fenced blocks of their own (`VisualText`).
public enum ExecutedMarkdown {
    public static func render(_ result: LessonResult) -> String {
        result.copy == .student
            ? LessonRewriter.student(result, blocks: VisualText.blocks)
            : LessonRewriter.executed(result, blocks: VisualText.blocks)
    }
}
