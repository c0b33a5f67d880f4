/// An inline cache for one attribute-access site: the result of looking the name up on the
/// receiver's class, valid while the class and the global class version are unchanged.
/// Saves the MRO walk and hook checks on every `self.x` in a loop.
struct AttributeCache {
    var cls: PyClass?
    var version = -1
    var classAttribute: PyValue?
    /// The class attribute is a property: it wins over instance attributes.
    var isProperty = false
    /// The class uses `object.__setattr__`, so assignment can store directly.
    var plainSetattr = true
    /// The class attribute is a plain Python function or native method (method-call fast path).
    var method: MethodRef?

    @inline(__always)
    mutating func refresh(_ c: PyClass, _ name: Name, _ interp: Interpreter) {
        if c === cls && version == interp.classVersion { return }
        cls = c
        version = interp.classVersion
        classAttribute = c.lookup(name)
        isProperty = false
        method = nil
        if case .object(let o)? = classAttribute {
            if o is PyProperty { isProperty = true }
            else if let fn = o as? PyFunction { method = .python(fn) }
            else if let b = o as? PyBuiltinFunction, case .method(let m) = b.body { method = .native(m) }
        }
        let sa = c.lookup(N.__setattr__)
        plainSetattr = sa == nil || sa!.isIdentical(interp.types.object.dict[N.__setattr__] ?? .none)
    }
}
