/// Base of every heap-allocated Python value. Built-in kinds are `final` subclasses; the
/// type of an instance of a class (user or native) is its `cls`.
public class PyObject {
    init() {}
}

/// `...`, `NotImplemented`: identity-compared singletons shared by all sessions.
public final class PySingleton: PyObject, @unchecked Sendable {
    let name: String
    init(_ name: String) { self.name = name }
    public static let ellipsis = PySingleton("Ellipsis")
    public static let notImplemented = PySingleton("NotImplemented")
}

/// A mutable list.
public final class PyList: PyObject {
    public var items: [PyValue]
    public init(_ items: [PyValue] = []) { self.items = items }
}

/// An immutable tuple.
public final class PyTuple: PyObject {
    public let items: [PyValue]
    public init(_ items: [PyValue]) { self.items = items }
    nonisolated(unsafe) static let empty = PyTuple([])
}

/// `range(start, stop, step)`.
public final class PyRange: PyObject {
    public let start: Int, stop: Int, step: Int
    /// The number of items, nil when it does not fit in an Int (`len()` then raises
    /// OverflowError as CPython does; iteration still works).
    public let exactCount: Int?
    public init(start: Int, stop: Int, step: Int) {
        self.start = start; self.stop = stop; self.step = step
        exactCount = Self.count(start: start, stop: stop, step: step)
    }
    /// The number of items, saturated at Int.max.
    public var count: Int { exactCount ?? .max }

    /// Item `i` (negative counts from the end) of a range too long for `count`, or nil when
    /// out of range. Wrapping arithmetic is exact here: every item lies between start and stop.
    func hugeItem(_ i: Int) -> Int? {
        let (low, high) = step > 0 ? (start, stop) : (stop, start)
        let span = UInt(bitPattern: high &- low), stride = step.magnitude
        let n = span / stride + (span % stride == 0 ? 0 : 1)
        let index: UInt
        if i >= 0 { guard UInt(i) < n else { return nil }; index = UInt(i) }
        else { guard i.magnitude <= n else { return nil }; index = n - i.magnitude }
        return start &+ Int(bitPattern: index &* UInt(bitPattern: step))
    }

    private static func count(start: Int, stop: Int, step: Int) -> Int? {
        let (low, high) = step > 0 ? (start, stop) : (stop, start)
        if high <= low { return 0 }
        let span = UInt(bitPattern: high &- low), stride = step.magnitude
        let n = span / stride + (span % stride == 0 ? 0 : 1)
        return Int(exactly: n)
    }
}

/// `slice(start, stop, step)`; the fields hold whatever the lesson wrote (usually ints or None).
public final class PySlice: PyObject {
    public let start: PyValue, stop: PyValue, step: PyValue
    public init(start: PyValue, stop: PyValue, step: PyValue) { self.start = start; self.stop = stop; self.step = step }
}

/// A variable captured by an inner function.
final class PyCell: PyObject {
    var value: PyValue?
    init(_ value: PyValue?) { self.value = value }
}

/// A module-level variable; code refers to the box directly, so globals cost no lookup.
final class GlobalBox {
    let name: Name
    var value: PyValue?
    init(_ name: Name, _ value: PyValue? = nil) { self.name = name; self.value = value }
}

/// A module: its globals plus, for packages, lazily imported submodules.
public final class PyModule: PyObject {
    public let name: String
    var globals: [Name: GlobalBox] = [:]
    var fileName: String
    /// True while the module's body runs (an import cycle sees it partly initialised).
    var initializing = false
    /// For a package found in the lesson's folder: where its submodules are searched.
    var packageDirectory: String?

    init(name: String, fileName: String? = nil) {
        self.name = name
        self.fileName = fileName ?? "<\(name)>"
        super.init()
        self[N.__name__] = .str(name)
    }

    func box(_ name: Name) -> GlobalBox {
        if let b = globals[name] { return b }
        let b = GlobalBox(name)
        globals[name] = b
        return b
    }

    public subscript(name: Name) -> PyValue? {
        get { globals[name]?.value }
        set { box(name).value = newValue }
    }
    public subscript(name: String) -> PyValue? {
        get { self[Name(name)] }
        set { self[Name(name)] = newValue }
    }

    /// The names bound in this module, sorted (for hosts that inspect a lesson's variables).
    public var boundNames: [String] { definedNames.map(\.string) }

    /// Defined names in definition order is not tracked; sorted for `dir()`.
    var definedNames: [Name] {
        globals.values.filter { $0.value != nil }.map(\.name).sorted { $0.string < $1.string }
    }
}

/// `property(fget, fset)`.
final class PyProperty: PyObject {
    let fget: PyValue?, fset: PyValue?, fdel: PyValue?
    var doc: PyValue = .none
    init(fget: PyValue?, fset: PyValue?, fdel: PyValue? = nil) { self.fget = fget; self.fset = fset; self.fdel = fdel }
}

final class PyStaticMethod: PyObject {
    let function: PyValue
    init(_ f: PyValue) { function = f }
}

final class PyClassMethod: PyObject {
    let function: PyValue
    init(_ f: PyValue) { function = f }
}

/// `super()` proxy: attribute lookups start after `start` in `object`'s MRO.
final class PySuper: PyObject {
    let start: PyClass, object: PyValue, objectType: PyClass
    init(start: PyClass, object: PyValue, objectType: PyClass) { self.start = start; self.object = object; self.objectType = objectType }
}

/// A method bound to its receiver.
public final class PyBoundMethod: PyObject {
    public let receiver: PyValue
    public let function: PyValue
    init(receiver: PyValue, function: PyValue) { self.receiver = receiver; self.function = function }
}
