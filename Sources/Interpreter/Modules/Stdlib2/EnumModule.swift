extension Interpreter {
    /// `_enum.new_member(cls[, value])`: a bare instance of an enum class. A member of an
    /// enum mixing in a built-in type (`class Color(str, Enum)`, `IntEnum`, `IntFlag`) is a
    /// real instance of that built-in subclass, its payload the built-in value, exactly as
    /// `class Meters(float)` instances are (Runtime/BuiltinSubclasses.swift): so `str`'s
    /// methods, comparisons, hashing and dict lookups see the value, and the enum's own
    /// methods come first wherever CPython's MRO puts them. Without a value (or with a value
    /// whose type the class does not extend) the member is a plain instance.
    func buildEnumNative(_ m: PyModule) {
        m.addFunction("new_member") { i, a in
            try a.check("new_member", 1, 2)
            guard case .object(let o) = a[0], let cls = o as? PyClass else {
                throw PyError.typeError("new_member() needs a class")
            }
            if a.count > 1 {
                let value = a[1].unwrappingBuiltinBase
                let base = i.typeOf(value)
                if i.builtinSubclassConstructor(cls) != nil, cls.mro.contains(where: { $0 === base }) {
                    return .object(PyInstance(cls: cls, payload: BuiltinBase(value)))
                }
            }
            return .object(PyInstance(cls: cls))
        }
    }
}
