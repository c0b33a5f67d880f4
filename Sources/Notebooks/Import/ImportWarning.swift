/// Something import could not carry into the lesson, or changed on the way: an image
/// dropped, a magic commented out. Shown on standard error; the lesson is still written.
public struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
    /// `cells[3]`, or empty for the whole notebook.
    public var location: String
    public var message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
