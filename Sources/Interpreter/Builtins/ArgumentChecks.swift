extension Arguments {
    /// Requires between `min` and `max` positional arguments and no keywords.
    func check(_ name: String, _ min: Int, _ max: Int? = nil) throws {
        let maxN = max ?? min
        if hasKeywords { throw PyError.typeError("\(name)() takes no keyword arguments") }
        if count < min || count > maxN {
            if min == maxN {
                switch min {
                case 0: throw PyError.typeError("\(name)() takes no arguments (\(count) given)")
                case 1: throw PyError.typeError("\(name)() takes exactly one argument (\(count) given)")
                default: throw PyError.typeError("\(name) expected \(min) arguments, got \(count)")
                }
            }
            if count < min { throw PyError.typeError("\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(count)") }
            throw PyError.typeError("\(name) expected at most \(maxN) argument\(maxN == 1 ? "" : "s"), got \(count)")
        }
    }
}

extension Interpreter {
    /// An int argument, with CPython's message for other types.
    func intArgument(_ v: PyValue) throws -> Int {
        if let i = try index(v) { return i }
        throw PyError.typeError("'\(typeName(v))' object cannot be interpreted as an integer")
    }

    func stringArgument(_ v: PyValue, _ what: String) throws -> String {
        // `what` is either the argument's name ("replace() argument 2") or CPython's bare
        // "must be str" (str.partition, str.join items, ...), which is not repeated.
        let lead = what.hasPrefix("must be str") ? what : "\(what) must be str"
        // Argument Clinic's `_PyArg_BadArgument` names None itself ("not None").
        let clinic = what.contains("() argument")
        guard let s = v.asString else { throw PyError.typeError("\(lead), not \(clinic && v.isNone ? "None" : typeName(v))") }
        return s
    }

    /// A numeric argument as Double (ints, floats, objects with `__float__`).
    public func doubleArgument(_ v: PyValue) throws -> Double {
        if case .object(let o as PyBigInt) = v { return try bigToDouble(o.value) }
        if let d = v.asDouble { return d }
        if let r = try callSpecial(v, N.__float__, []), let d = r.asDouble { return d }
        if let r = try callSpecial(v, N.__index__, []), let d = r.asDouble { return d }
        throw PyError.typeError("must be real number, not \(typeName(v))")
    }

    func fn(_ name: String, _ body: @escaping NativeFunction) {
        builtins[Name(name)] = .object(PyBuiltinFunction(name: name, body))
    }
}
