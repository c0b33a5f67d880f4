/// A Python value. Immediate values are cases; everything else is a heap object.
/// Each case carries at most one reference, so copies are cheap.
public enum PyValue {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case object(PyObject)

    public static var `true`: PyValue { .bool(true) }
    public static var `false`: PyValue { .bool(false) }

    public static func list(_ items: [PyValue]) -> PyValue { .object(PyList(items)) }
    public static func tuple(_ items: [PyValue]) -> PyValue { .object(PyTuple(items)) }
    public static var ellipsis: PyValue { .object(PySingleton.ellipsis) }
    public static var notImplemented: PyValue { .object(PySingleton.notImplemented) }

    public var isNone: Bool { if case .none = self { return true }; return false }
    public var asInt: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }
    /// Int, bool or float as a Double (what numeric arguments accept).
    public var asDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return d
        case .object(let o as PyBigInt): return o.value.toDouble() ?? (o.value.negative ? -.infinity : .infinity)
        default: return nil
        }
    }
    // Subclass instances of str, list, tuple and dict count as their built-in value here,
    // as CPython's PyUnicode_Check/PyList_Check accept subclasses (Runtime/BuiltinSubclasses.swift).
    public var asString: String? { if case .str(let s) = self { return s }; return builtinBase?.asString }
    public var asObject: PyObject? { if case .object(let o) = self { return o }; return nil }
    public var asList: PyList? { if case .object(let o) = self, let l = o as? PyList { return l }; return builtinBase?.asList }
    public var asTuple: PyTuple? { if case .object(let o) = self, let t = o as? PyTuple { return t }; return builtinBase?.asTuple }
    public var asDict: PyDict? { if case .object(let o) = self, let d = o as? PyDict { return d }; return builtinBase?.asDict }
    public var asInstance: PyInstance? { if case .object(let o) = self { return o as? PyInstance }; return nil }
    public var asSlice: PySlice? { if case .object(let o) = self { return o as? PySlice }; return nil }
    public var isEllipsis: Bool { if case .object(let o) = self { return o === PySingleton.ellipsis }; return false }
    public var isNotImplemented: Bool { if case .object(let o) = self { return o === PySingleton.notImplemented }; return false }

    /// The native payload of an instance of a native class, cast to `T`.
    public func payload<T: AnyObject>(_ type: T.Type) -> T? {
        if case .object(let o) = self, let inst = o as? PyInstance { return inst.payload as? T }
        return nil
    }

    /// Object identity for `is`.
    func isIdentical(_ other: PyValue) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.str(let a), .str(let b)): return a == b
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}

extension PyValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .str(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .none }
}
