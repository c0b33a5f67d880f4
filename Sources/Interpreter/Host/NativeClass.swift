/// Building native classes and modules: the host API for `torch` and friends.
extension Interpreter {
    /// A new native class. Instances are `PyInstance`s whose `payload` holds the Swift state;
    /// give it a constructor (`setConstructor`) or a native `__init__` that fills the payload.
    public func makeClass(_ name: String, module: String, base: PyClass? = nil) -> PyClass {
        PyClass(name: name, module: module, bases: [base ?? types.object], interpreter: self)
    }

    /// A native class deriving from `tuple`, as CPython's structseqs (`torch.return_types.sort`,
    /// `os.stat_result`) do: its instances are tuples to `isinstance`, indexing, slicing,
    /// unpacking, `len`, iteration and comparison, through the built-in subclass machinery.
    public func makeTupleClass(_ name: String, module: String) -> PyClass {
        makeClass(name, module: module, base: types.tuple)
    }

    /// Wraps a native value of class `cls`.
    public func makeInstance(_ cls: PyClass, payload: AnyObject?) -> PyValue {
        .object(PyInstance(cls: cls, payload: payload))
    }

    /// A native function value.
    public func makeFunction(_ name: String, _ body: @escaping NativeFunction) -> PyValue {
        .object(PyBuiltinFunction(name: name, body))
    }
}

extension PyClass {
    /// Adds a method; the receiver is passed as `self`. Special methods (`__add__`,
    /// `__getitem__`, `__eq__`...) are added the same way; return `.notImplemented` from a
    /// binary operator to let the other operand try its reflected method.
    public func addMethod(_ name: String, _ body: @escaping NativeMethod) {
        let f = PyBuiltinFunction(method: name, body)
        f.qualname = self.name + "." + name
        self[name] = .object(f)
    }

    /// Adds a static function (`Class.f(...)` and `obj.f(...)` get no receiver).
    public func addStaticMethod(_ name: String, _ body: @escaping NativeFunction) {
        let f = PyBuiltinFunction(name: name, body)
        f.qualname = self.name + "." + name
        self[name] = .object(PyStaticMethod(.object(f)))
    }

    /// Adds a class method; the receiver is the class it was called on.
    public func addClassMethod(_ name: String, _ body: @escaping NativeMethod) {
        let f = PyBuiltinFunction(method: name, body)
        f.qualname = self.name + "." + name
        self[name] = .object(PyClassMethod(.object(f)))
    }

    /// Adds a property with a getter and an optional setter.
    public func addProperty(_ name: String, get: @escaping (Interpreter, PyValue) throws -> PyValue,
                            set: ((Interpreter, PyValue, PyValue) throws -> Void)? = nil) {
        let g = PyBuiltinFunction(method: name) { i, s, _ in try get(i, s) }
        var setter: PyValue?
        if let set = set {
            setter = .object(PyBuiltinFunction(method: name) { i, s, a in
                guard a.count == 1 else { throw PyError.typeError("setter takes one value") }
                try set(i, s, a[0])
                return .none
            })
        }
        self[name] = .object(PyProperty(fget: .object(g), fset: setter))
    }

    /// Sets how calling the class builds an instance (inherited by subclasses, including
    /// Python subclasses, whose `__init__` then runs with the same arguments).
    public func setConstructor(_ body: @escaping NativeConstructor) {
        constructor = body
    }
}

extension PyModule {
    /// Adds a native function.
    public func addFunction(_ name: String, _ body: @escaping NativeFunction) {
        let f = PyBuiltinFunction(name: name, body)
        f.qualname = name
        self[name] = .object(f)
    }

    /// Adds any value (constants, classes, submodules).
    public func add(_ name: String, _ value: PyValue) { self[name] = value }
    public func add(_ name: String, _ cls: PyClass) { self[name] = .object(cls) }
}

extension PyValue {
    /// An instance of a class from `makeTupleClass` holding `items`.
    public static func tupleInstance(_ cls: PyClass, _ items: [PyValue]) -> PyValue {
        .object(PyInstance(cls: cls, payload: BuiltinBase(.tuple(items))))
    }

    /// The items of a tuple, or of an instance of a tuple subclass; nil for anything else.
    public var tupleItems: [PyValue]? { asTuple?.items }
}
