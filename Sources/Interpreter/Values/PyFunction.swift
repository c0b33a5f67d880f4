/// A function written in Python: code plus the environment it closed over.
final class PyFunction: PyObject {
    let code: FunctionCode
    let globals: PyModule
    var defaults: [PyValue]
    var kwDefaults: [Name: PyValue]
    let closure: ContiguousArray<PyCell>
    var name: String
    var qualname: String
    /// The class whose body defined this function, for zero-argument `super()`.
    var definingClass: PyClass?
    var attributes = AttributeStore()

    init(code: FunctionCode, globals: PyModule, defaults: [PyValue], kwDefaults: [Name: PyValue], closure: ContiguousArray<PyCell>) {
        self.code = code
        self.globals = globals
        self.defaults = defaults
        self.kwDefaults = kwDefaults
        self.closure = closure
        self.name = code.name
        self.qualname = code.qualname
    }
}

/// A native function body. Methods receive their receiver as `self`.
public typealias NativeFunction = (Interpreter, Arguments) throws -> PyValue
public typealias NativeMethod = (Interpreter, PyValue, Arguments) throws -> PyValue

/// A function implemented in Swift (builtins and host functions).
public final class PyBuiltinFunction: PyObject {
    enum Body {
        case function(NativeFunction)
        case method(NativeMethod)
    }
    public let name: String
    let body: Body
    var qualname: String

    public init(name: String, _ fn: @escaping NativeFunction) {
        self.name = name; self.qualname = name; body = .function(fn)
    }
    public init(method name: String, _ fn: @escaping NativeMethod) {
        self.name = name; self.qualname = name; body = .method(fn)
    }
    var isMethod: Bool { if case .method = body { return true }; return false }
}
