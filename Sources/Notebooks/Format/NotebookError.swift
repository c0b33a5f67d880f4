/// A notebook that cannot be read: not JSON, or JSON that breaks the nbformat 4 rules.
/// It names the file, the line and column of the offending value, and where it sits in
/// the notebook (`cells[3].outputs[0]`), so the author can find it in any editor.
public struct NotebookError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var position: JSONPosition?
    /// The JSON path of the offending value (`cells[3].source`); empty for the whole document.
    public var location: String
    public var message: String

    public init(file: String, position: JSONPosition?, location: String, message: String) {
        self.file = file
        self.position = position
        self.location = location
        self.message = message
    }

    /// `file:line:column: cells[3].source: message`.
    public var description: String {
        let place = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        return location.isEmpty ? "\(place): \(message)" : "\(place): \(location): \(message)"
    }
}

extension NotebookError {
    /// As the command line prints it: `file:line:column: error: cells[3].source: message`.
    public var report: String {
        let place = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        return location.isEmpty ? "\(place): error: \(message)" : "\(place): error: \(location): \(message)"
    }
}
