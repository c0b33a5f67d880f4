#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Interpreter
import Torch

/// One lesson's interpreter session, with `torch` installed and its generator seeded from the
/// front matter: every cell of the lesson runs in it, in order, so they share variables.
/// Warnings are collected per cell, apart from the output; so are the matplotlib figures
/// the cell showed or left open.
public final class InterpreterSession: CellRunner {
    private let interpreter: Interpreter
    private let warnings = WarningBuffer()
    private let teaching: TeachingHooks
    private let claims = ClaimRecorder()
    private let figures: FigureRecorder

    public init(lesson: Lesson) {
        interpreter = Interpreter(limits: .init())
        interpreter.moduleFolder = ModuleFolder(URL(fileURLWithPath: lesson.path).deletingLastPathComponent())
        teaching = TorchModule.install(into: interpreter, seed: UInt64(lesson.frontMatter.seed))
        figures = PyplotModule.install(into: interpreter)
        let warnings = self.warnings
        interpreter.warnings = { warnings.text += $0 }
        let claims = self.claims
        interpreter.output = { [unowned interpreter] text in
            guard !claims.lines.isEmpty, let place = interpreter.currentLocation, place.file == claims.file,
                  claims.lines.contains(place.line) else { return }
            claims.printed[place.line, default: ""] += text
        }
    }

    public func run(_ source: String, file: String, firstLine: Int, timeout: Double) -> CellOutcome {
        warnings.text = ""
        let execution = interpreter.runCell(source, file: file, firstLine: firstLine, timeout: timeout)
        let shown = figures.endCell()
        var outcome = Self.outcome(execution, warnings: warnings.text + shown.problems.joined())
        outcome.figures = shown.figures
        return outcome
    }

    /// Runs the cell, recording what its inline claims printed, then makes the visuals its
    /// options ask for (a gradient panel whenever it changed a `.grad`).
    public func run(_ cell: Cell, file: String, timeout: Double) -> CellOutcome {
        let gradientsBefore = cell.options.gradients == false ? nil : teaching.gradientState()
        claims.start(file: file, lines: Set(cell.claims.map(\.line)))
        var outcome = run(cell.source, file: file, firstLine: cell.firstSourceLine, timeout: timeout)
        if !cell.claims.isEmpty { outcome.printedByLine = claims.printed }
        claims.start(file: file, lines: [])
        var visuals = CellVisuals(graphs: teaching.takeFigures())
        do {
            if outcome.exception == nil, let graph = cell.options.graph {
                visuals.graphs.insert(try teaching.graph(of: graph.expression, saved: graph.saved, file: file, line: graph.line), at: 0)
            }
            if outcome.exception == nil, let trace = cell.options.trace {
                visuals.trace = try teaching.trace(trace.expression, file: file, line: trace.line)
            }
        } catch {
            outcome.exception = Self.exception(error)
        }
        if let gradientsBefore {
            let (panel, changed) = teaching.gradientPanel(since: gradientsBefore)
            if !panel.entries.isEmpty, changed || cell.options.gradients == true { visuals.gradients = panel }
        }
        if cell.options.variables { visuals.variables = teaching.variables() }
        outcome.visuals = visuals.isEmpty ? nil : visuals
        return outcome
    }

    /// Frees what the session holds (suspended generators, modules, tensors) at once. A worker
    /// that runs lesson after lesson calls it, so that nothing a lesson left behind stays
    /// alive or counts against the next lesson's memory budget.
    public func close() {
        interpreter.shutdown()
    }

    /// Runs a whole script, as `python FILE.py` would (no echo of the last expression).
    public static func runScript(_ source: String, file: String, timeout: Double? = nil) -> CellOutcome {
        let session = InterpreterSession(lesson: Lesson(path: file, source: SourceLines(""), frontMatter: FrontMatter(), cells: [], title: file))
        session.interpreter.argv = [file]
        let execution = session.interpreter.runScript(source, file: file, timeout: timeout)
        return outcome(execution, warnings: session.warnings.text)
    }

    /// Runs `body` on a thread with a stack big enough for the tree-walking evaluator.
    public static func onLargeStack<T: Sendable>(_ body: @Sendable () -> T) -> T {
        Interpreter.runOnLargeStack(body)
    }

    private static func outcome(_ execution: CellExecution, warnings: String) -> CellOutcome {
        CellOutcome(output: execution.output, exception: execution.error.map {
            RaisedException(typeName: $0.typeName, typeNames: $0.typeNames, lastLine: $0.lastLine, traceback: $0.traceback, line: $0.line, column: $0.column)
        }, warnings: warnings, result: execution.echoed)
    }

    /// A visual that could not be made fails its cell like an exception at the option's line.
    private static func exception(_ failure: TeachingHooks.Failure) -> RaisedException {
        let typeName = String(failure.lastLine.prefix(while: { $0 != ":" }))
        return RaisedException(typeName: typeName, lastLine: failure.lastLine,
                               traceback: failure.traceback.isEmpty ? failure.lastLine + "\n" : failure.traceback,
                               line: failure.line, column: failure.column)
    }
}

/// Where the interpreter's warning sink writes; read after each cell.
private final class WarningBuffer {
    var text = ""
}

/// What the lines holding inline claims printed during the current cell.
private final class ClaimRecorder {
    var file = ""
    var lines: Set<Int> = []
    var printed: [Int: String] = [:]

    func start(file: String, lines: Set<Int>) {
        self.file = file
        self.lines = lines
        printed = [:]
    }
}
