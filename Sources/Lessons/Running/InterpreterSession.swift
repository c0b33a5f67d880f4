/// One lesson's interpreter session, with `torch` installed and seeded from the front matter.
/// Placeholder: the Interpreter target has not landed yet, so every cell reports that.
public final class InterpreterSession: CellRunner {
    public init(lesson: Lesson) {}

    public func run(_ source: String, file: String, firstLine: Int, timeout: Double) -> CellOutcome {
        Self.unavailable(file: file, line: firstLine)
    }

    /// Runs a whole script, as `python FILE.py` would (no echo of the last expression).
    public static func runScript(_ source: String, file: String) -> CellOutcome {
        unavailable(file: file, line: 1)
    }

    /// Runs `body` on a thread with a stack big enough for the tree-walking evaluator.
    public static func onLargeStack<T: Sendable>(_ body: @Sendable () -> T) -> T {
        body()
    }

    private static func unavailable(file: String, line: Int) -> CellOutcome {
        let message = "NotImplementedError: the interpreter is not available in this build"
        return CellOutcome(output: "", exception: RaisedException(
            typeName: "NotImplementedError", lastLine: message,
            traceback: "Traceback (most recent call last):\n  File \"\(file)\", line \(line), in <module>\n\(message)\n",
            line: line, column: 1))
    }
}
