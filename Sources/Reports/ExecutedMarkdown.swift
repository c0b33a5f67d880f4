import Lessons

/// `Output/<lesson>.md`: the lesson with fresh output blocks and its `#|` lines removed.
public enum ExecutedMarkdown {
    public static func render(_ result: LessonResult) -> String {
        LessonRewriter.executed(result)
    }
}
