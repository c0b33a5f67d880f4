import Figures

/// What running one cell produced: the text a notebook would show, and the exception that
/// ended it, if any. Plain values so a worker process can send them as JSON.
public struct CellOutcome: Sendable, Codable, Equatable {
    /// Printed text, then the repr of the last expression when it is not None.
    public var output: String
    /// The exception the cell raised, nil when it completed.
    public var exception: RaisedException?
    /// Warnings the cell issued: shown in handouts, never compared.
    public var warnings: String
    /// Wall-clock seconds the cell took.
    public var seconds: Double
    /// The repr of the last expression, without its "\n", when `output` ends with it: a
    /// notebook shows it apart from the printed text (`execute_result`). nil when none.
    public var result: String?
    /// Graphs, gradient panel, trace and variables the cell's teaching options asked for
    /// (docs/teaching-visuals.md); nil when it has none.
    public var visuals: CellVisuals?
    /// What each line holding an inline claim printed, by file line.
    public var printedByLine: [Int: String]?
    /// matplotlib figures the cell showed or left open, in order (as a notebook shows them).
    public var figures: [Figure]

    public init(output: String, exception: RaisedException? = nil, warnings: String = "", seconds: Double = 0,
                result: String? = nil, figures: [Figure] = []) {
        self.output = output
        self.exception = exception
        self.warnings = warnings
        self.seconds = seconds
        self.result = result
        self.figures = figures
    }

    private enum CodingKeys: String, CodingKey {
        case output, exception, warnings, seconds, result, visuals, printedByLine, figures
    }

    /// Outcomes written before the later fields existed (no `figures` key, say) still decode.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        output = try container.decode(String.self, forKey: .output)
        exception = try container.decodeIfPresent(RaisedException.self, forKey: .exception)
        warnings = try container.decodeIfPresent(String.self, forKey: .warnings) ?? ""
        seconds = try container.decodeIfPresent(Double.self, forKey: .seconds) ?? 0
        result = try container.decodeIfPresent(String.self, forKey: .result)
        visuals = try container.decodeIfPresent(CellVisuals.self, forKey: .visuals)
        printedByLine = try container.decodeIfPresent([Int: String].self, forKey: .printedByLine)
        figures = try container.decodeIfPresent([Figure].self, forKey: .figures) ?? []
    }

    /// What the cell printed, without the repr of its last expression.
    public var printed: String {
        guard let result else { return output }
        let bytes = Array(output.utf8), tail = Array((result + "\n").utf8)
        guard bytes.count >= tail.count, bytes.suffix(tail.count).elementsEqual(tail) else { return output }
        return String(decoding: bytes.dropLast(tail.count), as: UTF8.self)
    }

    /// What the cell's output block should hold: the output, then the exception's last line.
    public var shownText: String {
        guard let exception else { return output }
        var text = output
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        return text + exception.lastLine + "\n"
    }
}

/// A Python exception that escaped a cell, located in the lesson file.
public struct RaisedException: Sendable, Codable, Equatable {
    /// `RuntimeError`, `SyntaxError`, `TimeoutError`, ...
    public var typeName: String
    /// Its class and base classes, most derived first: a cell's `raises: Name` is met when
    /// the exception is an instance of `Name`, as `except Name:` would catch it.
    public var typeNames: [String]
    /// What CPython's traceback shows last: `ZeroDivisionError: division by zero`.
    public var lastLine: String
    /// The whole CPython-style traceback, naming lesson file lines.
    public var traceback: String
    public var line: Int
    public var column: Int

    public init(typeName: String, typeNames: [String]? = nil, lastLine: String, traceback: String, line: Int, column: Int) {
        self.typeName = typeName
        self.typeNames = typeNames ?? [typeName]
        self.lastLine = lastLine
        self.traceback = traceback
        self.line = line
        self.column = column
    }
}

extension RaisedException {
    /// Whether a cell that declares `raises: name` expected this exception.
    public func isExpected(by name: String?) -> Bool {
        guard let name else { return false }
        return typeName == name || typeNames.contains(name)
    }
}

/// Runs the cells of one lesson, in order, in one interpreter session.
public protocol CellRunner: AnyObject {
    /// Runs `source`, whose first line is line `firstLine` of `file`, within `timeout` seconds.
    func run(_ source: String, file: String, firstLine: Int, timeout: Double) -> CellOutcome
    /// Runs `cell` with what its options ask for around it (visuals, inline claims); by
    /// default just its source.
    func run(_ cell: Cell, file: String, timeout: Double) -> CellOutcome
}

extension CellRunner {
    public func run(_ cell: Cell, file: String, timeout: Double) -> CellOutcome {
        run(cell.source, file: file, firstLine: cell.firstSourceLine, timeout: timeout)
    }
}
