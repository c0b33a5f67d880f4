/// The value of `#| graph:` and `#| trace:`: an expression of the lesson, and the option's
/// line (errors evaluating it are placed there).
public struct ExpressionOption: Sendable, Codable, Equatable {
    public var expression: String
    /// `graph: loss, saved`: also draw the tensors each node saved for backward.
    public var saved: Bool
    public var line: Int

    public init(expression: String, saved: Bool = false, line: Int) {
        self.expression = expression
        self.saved = saved
        self.line = line
    }

    init(_ value: String, line: Int, allowsSaved: Bool, key: String, fail: (String) -> LessonError) throws(LessonError) {
        var expression = value
        var saved = false
        if allowsSaved, let comma = value.lastIndex(of: ","), value[value.index(after: comma)...].trimmingWhitespace() == "saved" {
            expression = value[..<comma].trimmingWhitespace()
            saved = true
        }
        guard !expression.isEmpty, !expression.contains("#") else {
            throw fail("cell option '\(key)' needs an expression, such as '\(key): loss'")
        }
        self.init(expression: expression, saved: saved, line: line)
    }
}

/// What the student copy hides of a `#| solution:` cell.
public enum SolutionMode: String, Sendable, Codable, Equatable {
    /// `solution: code`: the code (replaced by the stub); the output stays as the target.
    case code
    /// `solution: all` (and `true`): the code, the output and the cell's visuals.
    case all
}
