/// A lesson file that could not be parsed (bad option, bad front matter, not UTF-8...).
/// It still gets a place in every report, as a failed lesson whose breakdown is the error
/// with its place, so that one bad file never stops the others from running.
extension Lesson {
    /// A cell-less stand-in for the file at `path`; `text` is whatever could be read of it.
    public static func placeholder(path: String, text: String) -> Lesson {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        return Lesson(path: path, source: SourceLines(text), frontMatter: FrontMatter(), cells: [], title: fileName)
    }
}

extension LessonError {
    /// `file:line:column: error: message`, or `file: error: message` when no line applies.
    public var report: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(place): error: \(message)"
    }
}

extension LessonResult {
    /// The failed result of a lesson file that `error` kept from being parsed.
    public static func malformed(_ error: LessonError, text: String) -> LessonResult {
        let lesson = Lesson.placeholder(path: error.file, text: text)
        return LessonResult(lesson: lesson, run: .brokenDown(lesson, reason: error.report, seconds: 0))
    }
}
