/// A problem with a lesson file itself (not with the code it runs), with its place in the file.
/// The command line reports the lesson as failed with `file:line:column: error: message`.
public struct LessonError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int = 1, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
