/// The classes of built-in values, one set per session (class dicts are mutable).
final class BuiltinTypes {
    var object: PyClass!
    var type: PyClass!
    var int: PyClass!
    var float: PyClass!
    var bool: PyClass!
    var str: PyClass!
    /// `bytes` and `bytearray` (native classes, see BytesType.swift).
    var bytes: PyClass!
    var bytearray: PyClass!
    var list: PyClass!
    var tuple: PyClass!
    var dict: PyClass!
    var set: PyClass!
    var frozenset: PyClass!
    var noneType: PyClass!
    /// `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | None`).
    var genericAlias: PyClass!
    var unionType: PyClass!
    var function: PyClass!
    var builtinFunction: PyClass!
    var method: PyClass!
    var module: PyClass!
    var range: PyClass!
    var slice: PyClass!
    var ellipsis: PyClass!
    var notImplementedType: PyClass!
    var property: PyClass!
    var staticmethod: PyClass!
    var classmethod: PyClass!
    var superType: PyClass!
    var iterator: PyClass!
    /// One class per `IteratorKind` (`list_iterator`, `zip`, …), `iterator` first.
    var iterators: [PyClass] = []
    var generator: PyClass!
    var cell: PyClass!
    var exceptions: [String: PyClass] = [:]

    func attach(_ interp: Interpreter) {
        func make(_ name: String, _ base: PyClass?) -> PyClass {
            PyClass(name: name, bases: base.map { [$0] } ?? [], interpreter: interp)
        }
        object = make("object", nil)
        type = make("type", object)
        int = make("int", object)
        bool = make("bool", int)
        bool.allowsSubclassing = false
        float = make("float", object)
        str = make("str", object)
        list = make("list", object)
        tuple = make("tuple", object)
        dict = make("dict", object)
        set = make("set", object)
        frozenset = make("frozenset", object)
        noneType = make("NoneType", object)
        function = make("function", object)
        builtinFunction = make("builtin_function_or_method", object)
        method = make("method", object)
        module = make("module", object)
        range = make("range", object)
        slice = make("slice", object)
        ellipsis = make("ellipsis", object)
        notImplementedType = make("NotImplementedType", object)
        property = make("property", object)
        staticmethod = make("staticmethod", object)
        classmethod = make("classmethod", object)
        superType = make("super", object)
        iterators = IteratorKind.allCases.map { make($0.typeName, object) }
        iterator = iterators[0]
        generator = make("generator", object)
        cell = make("cell", object)
        for c in [noneType, function, builtinFunction, method, module, range, slice, ellipsis, notImplementedType, generator, cell] + iterators {
            c!.allowsSubclassing = false
        }
    }
}

extension Interpreter {
    /// `type(v)`.
    public func typeOf(_ v: PyValue) -> PyClass {
        switch v {
        case .none: return types.noneType
        case .bool: return types.bool
        case .int: return types.int
        case .float: return types.float
        case .str: return types.str
        case .object(let o):
            if let i = o as? PyInstance { return i.cls }
            return typeOfObject(o)
        }
    }

    private func typeOfObject(_ o: PyObject) -> PyClass {
        switch o {
        case is PyList: return types.list
        case is PyBigInt: return types.int
        case is PyTuple: return types.tuple
        case is PyDict: return types.dict
        case let s as PySet: return s.frozen ? types.frozenset : types.set
        case let c as PyClass: return c.metaclass ?? types.type
        case is PyFunction: return types.function
        case is PyBuiltinFunction: return types.builtinFunction
        // A native method bound to its object is CPython's `builtin_function_or_method`.
        case let m as PyBoundMethod: return m.function.asObject is PyBuiltinFunction ? types.builtinFunction : types.method
        case is PyModule: return types.module
        case is PyRange: return types.range
        case is PySlice: return types.slice
        case let s as PySingleton: return s === PySingleton.ellipsis ? types.ellipsis : types.notImplementedType
        case is PyProperty: return types.property
        case is PyStaticMethod: return types.staticmethod
        case is PyClassMethod: return types.classmethod
        case is PySuper: return types.superType
        case is PyGenerator: return types.generator
        case let it as PyIteratorObject: return it.pyClass(types)
        case is PyCell: return types.cell
        case let v as PyDictView: return (v.ordered ? orderedDictViewClasses : dictViewClasses)[v.kind == .keys ? 0 : v.kind == .values ? 1 : 2]
        default: return types.object
        }
    }

    /// `type(v).__name__`, for error messages.
    public func typeName(_ v: PyValue) -> String {
        let t = typeOf(v)
        return t.tpName ?? t.name
    }

    /// `isinstance(v, cls)`.
    public func isInstance(_ v: PyValue, _ cls: PyClass) -> Bool {
        let t = typeOf(v)
        return t === cls || t.isSubclass(of: cls)
    }

    /// The built-in exception class named `name` (nil if there is none).
    public func exceptionClass(_ name: String) -> PyClass? { types.exceptions[name] }

    /// The `object` class, base for native classes.
    public var objectClass: PyClass { types.object }
}
