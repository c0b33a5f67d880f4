import Interpreter
import Torch

/// One lesson's interpreter session, with `torch` installed and its generator seeded from the
/// front matter: every cell of the lesson runs in it, in order, so they share variables.
/// Warnings are collected per cell, apart from the output.
public final class InterpreterSession: CellRunner {
    private let interpreter: Interpreter
    private let warnings = WarningBuffer()

    public init(lesson: Lesson) {
        interpreter = Interpreter(limits: .init())
        TorchModule.install(into: interpreter, seed: UInt64(lesson.frontMatter.seed))
        let warnings = self.warnings
        interpreter.warnings = { warnings.text += $0 }
    }

    public func run(_ source: String, file: String, firstLine: Int, timeout: Double) -> CellOutcome {
        warnings.text = ""
        let execution = interpreter.runCell(source, file: file, firstLine: firstLine, timeout: timeout)
        return Self.outcome(execution, warnings: warnings.text)
    }

    /// Frees what the session holds (suspended generators, modules, tensors) at once. A worker
    /// that runs lesson after lesson calls it, so that nothing a lesson left behind stays
    /// alive or counts against the next lesson's memory budget.
    public func close() {
        interpreter.shutdown()
    }

    /// Runs a whole script, as `python FILE.py` would (no echo of the last expression).
    public static func runScript(_ source: String, file: String) -> CellOutcome {
        let session = InterpreterSession(lesson: Lesson(path: file, source: SourceLines(""), frontMatter: FrontMatter(), cells: [], title: file))
        let execution = session.interpreter.runScript(source, file: file)
        return outcome(execution, warnings: session.warnings.text)
    }

    /// Runs `body` on a thread with a stack big enough for the tree-walking evaluator.
    public static func onLargeStack<T: Sendable>(_ body: @Sendable () -> T) -> T {
        Interpreter.runOnLargeStack(body)
    }

    private static func outcome(_ execution: CellExecution, warnings: String) -> CellOutcome {
        CellOutcome(output: execution.output, exception: execution.error.map {
            RaisedException(typeName: $0.typeName, typeNames: $0.typeNames, lastLine: $0.lastLine, traceback: $0.traceback, line: $0.line, column: $0.column)
        }, warnings: warnings)
    }
}

/// Where the interpreter's warning sink writes; read after each cell.
private final class WarningBuffer {
    var text = ""
}
