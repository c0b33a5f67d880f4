extension Interpreter {
    /// `_enum.new_member(cls)`: a bare instance of an enum class, even one mixing in `int`
    /// or `str` (whose constructors would otherwise make a plain value). IntEnum/StrEnum
    /// members are such instances carrying `_value_`; the mixins in `enum` forward the
    /// value's operations to it.
    func buildEnumNative(_ m: PyModule) {
        m.addFunction("new_member") { _, a in
            try a.check("new_member", 1)
            guard case .object(let o) = a[0], let cls = o as? PyClass else {
                throw PyError.typeError("new_member() needs a class")
            }
            return .object(PyInstance(cls: cls))
        }
    }
}
