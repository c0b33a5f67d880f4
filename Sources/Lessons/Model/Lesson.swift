/// A parsed lesson: its file, settings and code cells. Produced by `LessonParser`.
public struct Lesson: Sendable, Codable, Equatable {
    /// The path used in messages, tracebacks and reports (as the user gave it, never made absolute).
    public var path: String
    public var source: SourceLines
    public var frontMatter: FrontMatter
    public var cells: [Cell]
    /// Front matter title, else the first `#` heading, else the file name.
    public var title: String

    /// File name without folder and `.md`: the name of its handout files.
    public var name: String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    /// The text cmark sees: `\n` line ends, front matter lines blanked (line numbers kept).
    public var markdownBody: String { source.normalized(blanking: frontMatter.lines) }

    /// Time limit for `cell`: its own option, else the lesson's, else `defaultCellTimeout`.
    public func timeout(for cell: Cell) -> Double {
        cell.options.timeout ?? frontMatter.timeout ?? Self.defaultCellTimeout
    }

    public static let defaultCellTimeout = 30.0
    /// The longest `timeout` a cell or lesson may ask for: an hour.
    public static let maxCellTimeout = 3600.0
    /// The most a whole lesson may run before its worker is killed, however many cells it has
    /// (each cell's own limit still holds inside it): two hours.
    public static let maxLessonSeconds = 7200.0
}
