/// The payload of an IntEnum/StrEnum/IntFlag member: the int or str it stands for, so the
/// member is the same dict key and set element as that value and joins as that string.
final class EnumMemberValue {
    let value: PyValue
    init(_ value: PyValue) { self.value = value }
}

extension Interpreter {
    /// `_enum.new_member(cls)`: a bare instance of an enum class, even one mixing in `int`
    /// or `str` (whose constructors would otherwise make a plain value). IntEnum/StrEnum
    /// members are such instances carrying `_value_`; the mixins in `enum` forward the
    /// value's operations to it.
    func buildEnumNative(_ m: PyModule) {
        m.addFunction("new_member") { _, a in
            try a.check("new_member", 1, 2)
            guard case .object(let o) = a[0], let cls = o as? PyClass else {
                throw PyError.typeError("new_member() needs a class")
            }
            return .object(PyInstance(cls: cls, payload: a.count > 1 ? EnumMemberValue(a[1]) : nil))
        }
    }
}
