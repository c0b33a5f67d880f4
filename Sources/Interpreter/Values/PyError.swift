/// One frame of a traceback, innermost first while unwinding.
struct TraceEntry {
    let file: String
    let line: Int
    let column: Int
    let function: String
    let sourceLine: String?
    /// The failing expression of this frame, for CPython's `~~~^^^` markers.
    var caret: CaretSpan? = nil
}

/// A Python exception in flight. Native code throws `PyError(type:message:)`; the
/// interpreter turns the type name into the real exception class when it is caught or
/// reported, so native code needs no interpreter to raise.
public final class PyError: Error, @unchecked Sendable, CustomStringConvertible {
    /// The exception object, once materialized.
    var exception: PyInstance?
    let pendingType: String
    let pendingArgs: [PyValue]
    var traceback: [TraceEntry] = []
    /// Set for the per-cell time limit: no `except` clause can catch it.
    var uncatchable = false
    /// The innermost failing expression of the frame being unwound; the frame takes it
    /// into its traceback entry and clears it for the caller's call expression.
    var caret: CaretSpan?
    /// Raised by a `try`/`except*` statement: its traceback already holds the frame it
    /// was raised in (or, for a new group, must not: CPython re-raises it without one), so
    /// that frame adds no entry when the error leaves it.
    var skipFrame = false
    /// A NameError's "Did you mean" candidate, found where it was raised.
    var nameSuggestion: NameErrorSuggestion?
    /// The object an AttributeError's lookup failed on (`AttributeError.obj`).
    var attributeObject: PyValue?

    /// Records where the exception came from in the current frame, unless an inner
    /// expression already did.
    @inline(never)
    func mark(_ span: CaretSpan?) {
        if caret == nil { caret = span }
    }

    /// The per-cell time limit's `TimeoutError`, which no `except` clause catches.
    public static func cellTimeout(_ description: String) -> PyError {
        let e = PyError(type: "TimeoutError", message: description)
        e.uncatchable = true
        return e
    }

    public init(type: String, message: String) {
        pendingType = type
        pendingArgs = [.str(message)]
    }

    public init(type: String, args: [PyValue]) {
        pendingType = type
        pendingArgs = args
    }

    init(_ exception: PyInstance) {
        self.exception = exception
        pendingType = exception.cls.name
        pendingArgs = []
    }

    public static func runtimeError(_ m: String) -> PyError { PyError(type: "RuntimeError", message: m) }
    public static func typeError(_ m: String) -> PyError { PyError(type: "TypeError", message: m) }
    public static func valueError(_ m: String) -> PyError { PyError(type: "ValueError", message: m) }
    public static func indexError(_ m: String) -> PyError { PyError(type: "IndexError", message: m) }
    public static func attributeError(_ m: String) -> PyError { PyError(type: "AttributeError", message: m) }
    public static func notImplementedError(_ m: String) -> PyError { PyError(type: "NotImplementedError", message: m) }
    public static func keyError(_ key: PyValue) -> PyError { PyError(type: "KeyError", args: [key]) }
    public static func zeroDivision(_ m: String = "division by zero") -> PyError { PyError(type: "ZeroDivisionError", message: m) }
    public static func overflow(_ m: String) -> PyError { PyError(type: "OverflowError", message: m) }

    /// The exception's class name.
    public var typeName: String { exception?.cls.name ?? pendingType }

    /// The message native code raised it with; nil once it is a Python exception object
    /// or when it was raised with other arguments (a host may reword its own errors).
    public var nativeMessage: String? {
        if exception == nil, pendingArgs.count == 1, case .str(let s) = pendingArgs[0] { return s }
        return nil
    }

    public var description: String {
        if exception == nil, pendingArgs.count == 1, case .str(let s) = pendingArgs[0] { return "\(pendingType): \(s)" }
        return typeName
    }
}
