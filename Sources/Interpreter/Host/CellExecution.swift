/// What running a cell produced.
public struct CellExecution: Sendable {
    /// Everything printed, then `repr(last expression)` + "\n" when the cell ends in an
    /// expression statement whose value is not None.
    public var output: String
    /// nil when the cell completed.
    public var error: CellError?
    /// The repr of the last expression when `output` ends with it (without its "\n"):
    /// a notebook shows it apart from the printed text, as the cell's result.
    public var echoed: String?

    public init(output: String, error: CellError?, echoed: String? = nil) {
        self.output = output
        self.error = error
        self.echoed = echoed
    }
}

/// An exception that escaped a cell, with its place in the lesson file.
public struct CellError: Sendable, Error {
    /// "RuntimeError", "SyntaxError", "TimeoutError", ...
    public var typeName: String
    /// The exception's class and its bases, most derived first (`typeName` first):
    /// what an `except` clause, or a lesson's `raises:`, can name to catch it.
    public var typeNames: [String]
    /// `str(exception)`.
    public var message: String
    /// The last line of CPython's traceback: "KeyError: 'b'", or just "StopIteration".
    public var lastLine: String
    /// The whole CPython-3.11-style traceback naming lesson-file lines.
    public var traceback: String
    /// 1-based line and column in the lesson file.
    public var line: Int
    public var column: Int

    public init(typeName: String, typeNames: [String]? = nil, message: String, lastLine: String, traceback: String,
                line: Int, column: Int) {
        self.typeName = typeName
        self.typeNames = typeNames ?? [typeName]
        self.message = message
        self.lastLine = lastLine
        self.traceback = traceback
        self.line = line
        self.column = column
    }
}
