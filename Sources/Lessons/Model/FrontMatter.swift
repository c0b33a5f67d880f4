/// The lesson's settings from its optional front matter: a first line `---`, `key: value`
/// lines, and a closing `---`. Unknown keys are errors, so a typo never passes silently.
public struct FrontMatter: Sendable, Codable, Equatable {
    public var title: String?
    /// Seed of the random generator at the start of the lesson (PyTorch's algorithm).
    public var seed: Int = 0
    /// Default time limit for each cell, in seconds.
    public var timeout: Double?
    /// Default device for tensors (`cpu`, `cuda`, `cuda:1`).
    public var device: String?
    /// Place of the lesson in its course (index, previous/next links); lessons without one
    /// come after those with one, by file name.
    public var order: Double?
    /// One line saying what the lesson is about, shown in the index.
    public var summary: String?
    /// The line of the `device` key, for errors about it.
    public var deviceLine: Int?
    /// The lines the front matter occupies, fences included; nil when absent.
    public var lines: ClosedRange<Int>?

    public init() {}

    public static let keys = ["title", "seed", "timeout", "device", "order", "summary"]

    /// Reads the front matter at the top of `source`, if there is one.
    public static func parse(_ source: SourceLines, file: String) throws(LessonError) -> FrontMatter {
        var matter = FrontMatter()
        guard source.count > 0, isFence(source.line(1)) else { return matter }
        var number = 2
        while number <= source.count, !isFence(source.line(number)) {
            let line = source.line(number)
            if !line.allSatisfy(\.isWhitespace) {
                try matter.set(line: line, number: number, file: file)
            }
            number += 1
        }
        guard number <= source.count else {
            throw LessonError(file: file, line: 1, message: "front matter is not closed: no '---' line after the first line")
        }
        matter.lines = 1...number
        return matter
    }

    private static func isFence(_ line: String) -> Bool {
        line.trimmingTrailingWhitespace() == "---"
    }

    private mutating func set(line: String, number: Int, file: String) throws(LessonError) {
        guard let colon = line.firstIndex(of: ":") else {
            throw LessonError(file: file, line: number, message: "front matter line is not 'key: value'")
        }
        let key = line[..<colon].trimmingWhitespace()
        let value = line[line.index(after: colon)...].trimmingWhitespace()
        func fail(_ message: String) -> LessonError {
            LessonError(file: file, line: number, message: message)
        }
        switch key {
        case "title":
            title = value.unquoted()
        case "seed":
            guard let seed = Int(value), seed >= 0 else { throw fail("front matter 'seed' must be a non-negative integer, not '\(value)'") }
            self.seed = seed
        case "timeout":
            guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
                throw fail("front matter 'timeout' must be a positive number of seconds, not '\(value)'")
            }
            guard seconds <= Lesson.maxCellTimeout else {
                throw fail("front matter 'timeout' must be at most \(Int(Lesson.maxCellTimeout)) seconds, not '\(value)'")
            }
            timeout = seconds
        case "device":
            guard value == "cpu" || value == "cuda" || (value.hasPrefix("cuda:") && Int(value.dropFirst(5)) != nil) else {
                throw fail("front matter 'device' must be 'cpu', 'cuda' or 'cuda:N', not '\(value)'")
            }
            device = value
            deviceLine = number
        case "order":
            guard let position = Double(value), position.isFinite else {
                throw fail("front matter 'order' must be a number, not '\(value)'")
            }
            order = position
        case "summary":
            summary = value.unquoted()
        default:
            throw fail("unknown front matter key '\(key)' (known: \(FrontMatter.keys.joined(separator: ", ")))")
        }
    }
}
