/// An extra fenced block the executed Markdown carries after a cell's output block: a
/// teaching visual as text (```graph, ```gradients, ```trace, ```variables). Only `output`
/// blocks are ever compared, so these never make `check` fail.
public struct FencedBlock: Sendable, Equatable {
    /// The info string: `graph`, `gradients`, ...
    public var info: String
    public var text: String

    public init(info: String, text: String) {
        self.info = info
        self.text = text
    }
}

/// Which copy of a handout is written: everything, or what students get.
public enum HandoutCopy: String, Sendable, Codable {
    case teacher
    case student
}
